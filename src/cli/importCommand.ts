import { type Command, InvalidArgumentError } from "commander";
import { type TextEncoding, textEncodings } from "../domain/imports/detectEncoding";
import type { ImportOptions } from "./importAction";

const delimiters: Record<string, string> = { ",": ",", ";": ";", tab: "\t", "\\t": "\t", "|": "|" };

function parseEncoding(v: string): TextEncoding {
  const e = v.toLowerCase() as TextEncoding;
  if (!textEncodings.includes(e)) throw new InvalidArgumentError(`one of ${textEncodings.join(", ")}`);
  return e;
}
function parseDelimiter(v: string): string {
  const d = delimiters[v];
  if (!d) throw new InvalidArgumentError(`one of , ; tab |`);
  return d;
}

export function importCommand(program: Command) {
  program
    .command("import")
    .description("import leads from a CSV or XLSX file into a list (created if missing)")
    .argument("<file>", "CSV, tab-separated text or XLSX file")
    .requiredOption("--list <name>", "list to add the leads to")
    .option("--workspace <id-or-name>", "workspace (needed when there is more than one)")
    .option(
      "--encoding <name>",
      `the file's encoding instead of detecting it: ${textEncodings.join(", ")}`,
      parseEncoding,
    )
    .option("--delimiter <char>", "the CSV delimiter instead of detecting it: , ; tab |", parseDelimiter)
    .option("--rejected <file>", "write the rejected rows, with the reason, to this CSV file")
    .option("--json", "print the report as JSON")
    .action(async (file: string, o: ImportOptions) => (await import("./importAction")).importAction(file, o));
}
