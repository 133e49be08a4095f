// The app's installations in chat workspaces, in SQLite (migration 012).
import { z } from "zod";
import type { InstallationKey, InstallationRepository } from "../core/ports.ts";
import type { Sync } from "./asynchronous.ts";
import type { Db } from "./database.ts";

/** Installations by workspace or organisation: one row each, replaced when the app is installed again. */
export class SqliteInstallationStore implements Sync<InstallationRepository> {
  private readonly saveStmt;
  private readonly fetchStmt;
  private readonly deleteStmt;

  constructor(db: Db) {
    this.saveStmt = db.prepare(`INSERT INTO installations (kind, id, installation, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (kind, id) DO UPDATE SET installation = excluded.installation, updated_at = excluded.updated_at`);
    this.fetchStmt = db.prepare("SELECT installation FROM installations WHERE kind = ? AND id = ?").pluck();
    this.deleteStmt = db.prepare("DELETE FROM installations WHERE kind = ? AND id = ?");
  }

  save(key: InstallationKey, installation: string, at: Date): void {
    this.saveStmt.run(key.kind, key.id, installation, at.getTime());
  }

  fetch(key: InstallationKey): string | null {
    const found: unknown = this.fetchStmt.get(key.kind, key.id);
    return found === undefined ? null : z.string().parse(found);
  }

  delete(key: InstallationKey): boolean {
    return this.deleteStmt.run(key.kind, key.id).changes === 1;
  }
}
