/**
 * One of several processes opening the same new database at once (shared-database.test.ts): it
 * loads the code first, says "ready", and opens the file only when a line arrives on stdin, so
 * every process reaches the migrations at the same moment instead of one start-up after another.
 * Prints the schema version it found, or the error's message on stderr with exit code 1.
 *
 *   tsx tests/fakes/open-database-on-signal.ts FILE
 */
import { createInterface } from "node:readline";
import { openDatabase } from "../../src/store/database.ts";

const file = process.argv[2];
if (!file) throw new Error("usage: open-database-on-signal.ts FILE");
process.stdout.write("ready\n");
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once("line", () => resolve()));
lines.close();
try {
  const db = openDatabase(file);
  process.stdout.write(`version ${String(db.pragma("user_version", { simple: true }))}\n`);
  db.close();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
