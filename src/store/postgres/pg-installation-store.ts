// The app's installations in chat workspaces, in PostgreSQL (migration 012).
import { z } from "zod";
import type { InstallationKey, InstallationRepository } from "../../core/ports.ts";
import type { SqlClient } from "./sql-client.ts";

/** Installations by workspace or organisation: one row each, replaced when the app is installed again. */
export class PgInstallationStore implements InstallationRepository {
  constructor(private readonly sql: SqlClient) {}

  async save(key: InstallationKey, installation: string, at: Date): Promise<void> {
    await this.sql.query(`INSERT INTO installations (kind, id, installation, updated_at) VALUES ($1, $2, $3, $4)
      ON CONFLICT (kind, id) DO UPDATE SET installation = excluded.installation, updated_at = excluded.updated_at`, [key.kind, key.id, installation, at.getTime()]);
  }

  async fetch(key: InstallationKey): Promise<string | null> {
    const [row] = await this.sql.query("SELECT installation FROM installations WHERE kind = $1 AND id = $2", [key.kind, key.id]);
    return row ? z.string().parse(row.installation) : null;
  }

  async delete(key: InstallationKey): Promise<boolean> {
    const rows = await this.sql.query("DELETE FROM installations WHERE kind = $1 AND id = $2 RETURNING id", [key.kind, key.id]);
    return rows.length === 1;
  }
}
