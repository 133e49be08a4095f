import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A fresh SQLite file in a temporary folder: tests run on real files, not only :memory:. */
export function tempDbFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "tutor-test-")), "tutor.db");
}
