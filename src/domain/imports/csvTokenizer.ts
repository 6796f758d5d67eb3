/**
 * A CSV record. `line` is the row number a spreadsheet shows (the header is 1; a quoted value with
 * line breaks is still one row). A record with a `problem` could not be read as CSV; its `cells`
 * are the raw line split on the delimiter, so it can be shown back to the person who fixes it.
 */
export type CsvRecord = { line: number; cells: string[]; problem?: string; warnings?: string[] };

export type CsvLimits = {
  /** A quoted value spanning more line breaks than this is taken for an unclosed quote. */
  maxQuotedLineBreaks: number;
  /** A quoted value longer than this (characters) is taken for an unclosed quote. */
  maxQuotedChars: number;
};

export const defaultCsvLimits: CsvLimits = { maxQuotedLineBreaks: 100, maxQuotedChars: 1 << 20 };

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits CSV text into records as it arrives (RFC 4180 quoting, CRLF or LF), and never lets one
 * broken line take others with it: papaparse, given a quote that is never closed, reads the rest
 * of the file into that one field and only says so at the end. Here a quoted value that runs past
 * the limits (or to the end of the file) is reported on the row where it opened, and reading
 * resumes on the next physical line. A quote inside an unquoted value is kept as a character, and
 * text after a closing quote is kept with a warning, as spreadsheets do.
 */
export class CsvTokenizer {
  private buf = "";
  private pos = 0;
  private line = 0;
  private readonly delim: string;
  private readonly dc: number;

  constructor(
    delimiter: string,
    private readonly limits: CsvLimits = defaultCsvLimits,
  ) {
    this.delim = delimiter;
    this.dc = delimiter.charCodeAt(0);
  }

  /** Adds text; returns the records completed by it. */
  push(text: string): CsvRecord[] {
    this.buf = this.pos ? this.buf.slice(this.pos) + text : this.buf + text;
    this.pos = 0;
    return this.drain(false);
  }

  /** The end of the input: returns the last records. */
  end(): CsvRecord[] {
    const out = this.drain(true);
    this.buf = "";
    this.pos = 0;
    return out;
  }

  private drain(final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    for (;;) {
      if (this.pos >= this.buf.length) return out;
      const r = this.next(final);
      if (!r) return out;
      out.push(r);
    }
  }

  /** One record from `pos`, or null when it needs more text. */
  private next(final: boolean): CsvRecord | null {
    const { buf, pos } = this;
    const nl = buf.indexOf("\n", pos);
    if (nl < 0 && !final) {
      // Without a line break yet, a quote may still be open; wait for more unless it is hopeless.
      if (buf.length - pos <= this.limits.maxQuotedChars) return null;
    }
    const lineEnd = nl < 0 ? buf.length : nl;
    const q = buf.indexOf('"', pos);
    if (q < 0 || q >= lineEnd) {
      // The common case: no quote on this line, so the line is the record.
      this.pos = nl < 0 ? buf.length : nl + 1;
      const text = buf.charCodeAt(lineEnd - 1) === CR ? buf.slice(pos, lineEnd - 1) : buf.slice(pos, lineEnd);
      return { line: ++this.line, cells: text.split(this.delim) };
    }
    return this.quoted(final, lineEnd);
  }

  /** The careful path, character by character, for a line with a quote in it. */
  private quoted(final: boolean, firstLineEnd: number): CsvRecord | null {
    const { buf, dc } = this;
    const start = this.pos;
    const cells: string[] = [];
    let warnings: string[] | undefined;
    let i = start;
    for (;;) {
      // At the start of a field.
      if (buf.charCodeAt(i) === QUOTE) {
        let value = "";
        let from = i + 1;
        let breaks = 0;
        let j = from;
        for (;;) {
          const k = buf.indexOf('"', j);
          const limitHit = (end: number) =>
            breaks > this.limits.maxQuotedLineBreaks ||
            end - from + value.length > this.limits.maxQuotedChars;
          if (k < 0) {
            for (let b = buf.indexOf("\n", j); b >= 0; b = buf.indexOf("\n", b + 1)) breaks++;
            if (final || limitHit(buf.length)) return this.unclosed(start, firstLineEnd);
            return null;
          }
          for (let b = buf.indexOf("\n", j); b >= 0 && b < k; b = buf.indexOf("\n", b + 1)) breaks++;
          if (limitHit(k)) return this.unclosed(start, firstLineEnd);
          if (buf.charCodeAt(k + 1) === QUOTE) {
            value += buf.slice(from, k + 1);
            from = j = k + 2;
            continue;
          }
          if (k + 1 >= buf.length && !final) return null; // "" split across chunks, or more to come
          value += buf.slice(from, k);
          i = k + 1;
          break;
        }
        // After the closing quote: a delimiter, a line break, the end, or stray text.
        const c = buf.charCodeAt(i);
        if (i < buf.length && c !== dc && c !== LF && c !== CR) {
          let e = i;
          while (e < buf.length && buf.charCodeAt(e) !== dc && buf.charCodeAt(e) !== LF) e++;
          if (e >= buf.length && !final) return null;
          // A value that spanned lines and then runs on is an unclosed quote that met a later one.
          if (value.includes("\n")) return this.unclosed(start, firstLineEnd);
          let extra = buf.slice(i, e);
          if (extra.endsWith("\r") && buf.charCodeAt(e) === LF) extra = extra.slice(0, -1);
          (warnings ??= []).push(`column ${cells.length + 1}: text after a closing quote was kept`);
          value += extra;
          i = e;
        }
        cells.push(value);
      } else {
        let e = i;
        while (e < buf.length) {
          const c = buf.charCodeAt(e);
          if (c === dc || c === LF) break;
          e++;
        }
        if (e >= buf.length && !final) return null;
        let v = buf.slice(i, e);
        if (buf.charCodeAt(e) === LF && v.endsWith("\r")) v = v.slice(0, -1);
        cells.push(v);
        i = e;
      }
      // Between fields.
      if (i >= buf.length) {
        if (!final) return null;
        break;
      }
      const c = buf.charCodeAt(i);
      if (c === dc) {
        i++;
        if (i >= buf.length) {
          if (!final) return null;
          cells.push("");
          break;
        }
        continue;
      }
      if (c === CR && buf.charCodeAt(i + 1) === LF) i++;
      else if (c === CR && i + 1 >= buf.length && !final) return null;
      i++;
      break;
    }
    this.pos = i;
    const r: CsvRecord = { line: ++this.line, cells };
    if (warnings) r.warnings = warnings;
    return r;
  }

  /** Reports the row where a quote opened and never closed; reading goes on at the next line. */
  private unclosed(start: number, firstLineEnd: number): CsvRecord {
    const end = firstLineEnd < this.buf.length ? firstLineEnd : this.buf.length;
    let raw = this.buf.slice(start, end);
    if (raw.endsWith("\r")) raw = raw.slice(0, -1);
    this.pos = end + 1;
    return {
      line: ++this.line,
      cells: raw.split(this.delim),
      problem:
        "a quote opened on this line is never closed; the line was skipped and reading went on with the next one",
    };
  }
}
