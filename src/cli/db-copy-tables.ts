import type { SqlClient } from "../store/postgres/sql-client.ts";

/** A column of a PostgreSQL table: how a SQLite value becomes its value, and whether a sequence numbers it. */
export interface TargetColumn {
  name: string;
  /** The SQL that reads parameter $n as this column's type. */
  cast(n: number): string;
  /** The SQLite value as the parameter to send. */
  convert(value: unknown): unknown;
  /** Numbered by a sequence (an identity or serial id): the copy moves the sequence past the copied ids. */
  sequenced: boolean;
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  is_identity: string;
  column_default: string | null;
}

/** Tables the copy leaves alone: the target's own bookkeeping. */
const OWN_TABLES = new Set(["schema_migrations"]);

/** The target schema's tables (those of the connection's search_path), each with its columns. */
export async function targetTables(tx: SqlClient): Promise<Map<string, Map<string, TargetColumn>>> {
  const rows = await tx.query<ColumnRow>(`SELECT table_name, column_name, data_type, is_identity, column_default
    FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`);
  const tables = new Map<string, Map<string, TargetColumn>>();
  for (const row of rows) {
    if (OWN_TABLES.has(row.table_name)) continue;
    const columns = tables.get(row.table_name) ?? new Map<string, TargetColumn>();
    columns.set(row.column_name, column(row));
    tables.set(row.table_name, columns);
  }
  return tables;
}

/** How one SQLite value (integer, real, text, blob or null) is sent for a column of this type. */
function column(row: ColumnRow): TargetColumn {
  const sequenced = row.is_identity === "YES" || /^nextval\(/.test(row.column_default ?? "");
  const keep = (value: unknown) => value;
  const base = { name: row.column_name, sequenced };
  switch (row.data_type) {
    case "boolean":
      // SQLite keeps booleans as 0 and 1.
      return { ...base, cast: (n) => `$${n}::boolean`, convert: (v) => (v === null ? null : Boolean(v)) };
    case "json":
    case "jsonb":
      // Sent as text and cast in SQL: a driver would otherwise encode a JS array as a PostgreSQL array.
      return { ...base, cast: (n) => `$${n}::text::${row.data_type}`, convert: keep };
    case "timestamp with time zone":
      // SQLite keeps times as epoch milliseconds.
      return { ...base, cast: (n) => `$${n}::text::timestamptz`, convert: (v) => (typeof v === "number" ? new Date(v).toISOString() : v) };
    case "bytea":
      return { ...base, cast: (n) => `$${n}::bytea`, convert: keep };
    default:
      return { ...base, cast: (n) => `$${n}`, convert: keep };
  }
}

/**
 * The tables in an order that inserts every referenced row before the rows that reference it
 * (from the target's foreign keys); otherwise in the given order.
 */
export async function copyOrder(tx: SqlClient, tables: string[]): Promise<string[]> {
  const edges = await tx.query<{ child: string; parent: string }>(`SELECT c.relname AS child, p.relname AS parent
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
    WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`);
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (order.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const e of edges) if (e.child === table && e.parent !== table && tables.includes(e.parent)) visit(e.parent);
    order.push(table);
  };
  tables.forEach(visit);
  return order;
}

/** Parameters per statement (PostgreSQL allows 65,535) and bytes of blobs per statement. */
const MAX_PARAMETERS = 30_000;
const MAX_BYTES = 8 * 1024 * 1024;

/** Inserts rows (values in `columns`' order) a batch at a time, ids as given. */
export async function insertRows(tx: SqlClient, table: string, columns: TargetColumn[], rows: Iterable<unknown[]>): Promise<void> {
  const overriding = columns.some((c) => c.sequenced) ? " OVERRIDING SYSTEM VALUE" : "";
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(", ")})${overriding} VALUES `;
  let batch: unknown[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    const width = columns.length;
    const tuples = Array.from({ length: batch.length / width }, (_, r) => `(${columns.map((c, i) => c.cast(r * width + i + 1)).join(", ")})`);
    await tx.query(head + tuples.join(", "), batch);
    batch = [];
    bytes = 0;
  };
  for (const row of rows) {
    row.forEach((value, i) => {
      batch.push(columns[i]!.convert(value));
      if (Buffer.isBuffer(value)) bytes += value.length;
    });
    if (batch.length + columns.length > MAX_PARAMETERS || bytes > MAX_BYTES) await flush();
  }
  await flush();
}
