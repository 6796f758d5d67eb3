/**
 * One row as read from a file. `line` is the row number a spreadsheet shows (the header is 1).
 * A row with a `problem` could not be read (an unclosed quote): it is reported, never imported.
 * `warnings` say what reading changed (characters removed, stray quotes kept).
 */
export type SheetRow = { line: number; cells: string[]; problem?: string; warnings?: string[] };
