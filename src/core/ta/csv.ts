import { CsvError, parse } from "csv-parse/sync";
/** One CSV record with the line it starts on (1-based, the header being line 1), for error messages. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses CSV as RFC 4180 writes it and spreadsheets export it (csv-parse): quoted fields may hold
 * commas, doubled quotes and line breaks; CRLF or LF; a leading byte-order mark is dropped; rows
 * may differ in length. Blank lines are skipped. Returns an error message (with its line) for a
 * file that cannot be read, e.g. a quote that never closes.
 */
export function parseCsv(text: string): { records: CsvRecord[]; error: string | null } {
  try {
    const rows = parse(text, {
      bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true,
      // Files pasted together mix CRLF and LF; csv-parse would otherwise keep to the first it sees.
      record_delimiter: ["\r\n", "\n", "\r"],
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    // csv-parse counts the line a record ends on; line breaks inside quoted fields move its start up.
    const records = rows
      .map(({ record, info }) => ({ line: info.lines - record.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0), fields: record }))
      .filter((r) => r.fields.length > 1 || r.fields[0]!.trim() !== "");
    return { records, error: null };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    const what = error.code === "CSV_QUOTE_NOT_CLOSED" ? "a quoted field is never closed" : error.message.replace(/^[^:]*:\s*/, "");
    return { records: [], error: `line ${line ?? "?"}: ${what}` };
  }
}

/**
 * Quotes a field when it needs it (comma, quote, line break, or leading/trailing space). Text that
 * a spreadsheet would run as a formula (a name starting with =, +, - or @) gets a leading
 * apostrophe; numbers are written as numbers.
 */
export function csvField(value: string | number | null): string {
  let s = value === null ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document from rows, CRLF-terminated as RFC 4180 and spreadsheet imports expect. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
