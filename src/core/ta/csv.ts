/** One CSV record with the line it starts on (1-based, the header being line 1), for error messages. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses CSV as RFC 4180 writes it and spreadsheets export it: quoted fields may hold commas,
 * doubled quotes and line breaks; CRLF or LF; a leading byte-order mark is dropped. Blank lines
 * are skipped. Returns an error message (with its line) for a quote that never closes.
 */
export function parseCsv(text: string): { records: CsvRecord[]; error: string | null } {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== "") records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };
  while (i < s.length) {
    const c = s[i]!;
    if (c === '"' && field.trim() === "") {
      // A quoted field: read up to the closing quote, keeping "" as one quote and any line breaks.
      const quotedAt = line;
      field = "";
      i++;
      for (;;) {
        if (i >= s.length) return { records, error: `line ${quotedAt}: a quoted field is never closed` };
        const q = s[i]!;
        if (q === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === "\n") line++;
        field += q;
        i++;
      }
      // Text after the closing quote (e.g. `"a" b`) is kept, as spreadsheets do.
      while (i < s.length && s[i] !== "," && s[i] !== "\n" && s[i] !== "\r") field += s[i++];
      continue;
    }
    if (c === ",") {
      fields.push(field);
      field = "";
      i++;
    } else if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && s[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== "" || fields.length > 0) endRecord();
  return { records, error: null };
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
