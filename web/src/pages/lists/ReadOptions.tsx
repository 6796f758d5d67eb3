import { Field } from "../../components/Field";

const encodings: [string, string][] = [
  ["utf-8", "UTF-8"],
  ["utf-16le", "UTF-16 (Excel “Unicode text”)"],
  ["utf-16be", "UTF-16 big-endian"],
  ["windows-1252", "Western European (Windows-1252)"],
  ["iso-8859-15", "Western European (ISO-8859-15)"],
  ["windows-1250", "Central European (Windows-1250)"],
  ["iso-8859-2", "Central European (ISO-8859-2)"],
];
const delimiters: [string, string][] = [
  [",", "Comma ,"],
  [";", "Semicolon ;"],
  ["\t", "Tab"],
  ["|", "Pipe |"],
];

/** How a CSV was read, as detected, with the choice to read it otherwise (the preview is read again). */
export function ReadOptions({
  encoding,
  delimiter,
  busy,
  onChange,
}: {
  encoding: string;
  delimiter: string;
  busy: boolean;
  onChange: (o: { encoding: string; delimiter: string }) => void;
}) {
  return (
    <div className="row">
      <Field label="Characters (encoding)" hint="Change it if names show odd characters such as Ã© or �">
        <select
          value={encoding}
          disabled={busy}
          onChange={(e) => onChange({ encoding: e.target.value, delimiter })}
        >
          {encodings.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Columns separated by">
        <select
          value={delimiter}
          disabled={busy}
          onChange={(e) => onChange({ encoding, delimiter: e.target.value })}
        >
          {delimiters.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
