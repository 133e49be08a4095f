import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config.ts";
import { serverSchema, type ServerSchema } from "../../fakes/pglite-client.ts";
import { runTutorInProcess } from "../../fakes/run-tutor.ts";
import { tempDbFile } from "../../fakes/temp-files.ts";

const serverUrl = process.env.TUTOR_TEST_DATABASE_URL;

describe("TUTOR_DATABASE_URL selects PostgreSQL", () => {
  it("is read once: a PostgreSQL URL, or one line saying what it must be without echoing it", () => {
    expect(loadConfig({}).TUTOR_DATABASE_URL).toBeUndefined();
    expect(loadConfig({ TUTOR_DATABASE_URL: "postgresql://tutor@db:5432/tutor" }).TUTOR_DATABASE_URL).toBe("postgresql://tutor@db:5432/tutor");
    const refused = () => loadConfig({ TUTOR_DATABASE_URL: "mysql://tutor:secret@db/tutor" });
    expect(refused).toThrow(ConfigError);
    expect(refused).toThrow(/^TUTOR_DATABASE_URL must start with postgres:\/\/ or postgresql:\/\/ \(e\.g\. [^\n]+\)[^\n]*$/);
    expect(refused).not.toThrow(/secret/);
  });

  it("turns `tutor db backup` into the pg_dump command to run, with the password left in the environment", async () => {
    const run = await runTutorInProcess(["db", "backup", "/tmp/course backup.dump"], "", { TUTOR_DATABASE_URL: "postgres://tutor:secret@db.example.edu/tutor" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`pg_dump --format=custom --file='/tmp/course backup.dump' "$TUTOR_DATABASE_URL"`);
    expect(run.stderr).not.toContain("secret");
    // --db names a SQLite file, whatever the environment says.
    const file = tempDbFile();
    const sqlite = await runTutorInProcess(["db", "backup", `${file}.bak`, "--db", file], "", { TUTOR_DATABASE_URL: "postgres://tutor@db.example.edu/tutor" });
    expect(sqlite.stdout).toMatch(/Backed up \d+ pages/);
  });

  it("says in one line that a server refuses connections, naming it without its password", async () => {
    const run = await runTutorInProcess(["roles", "list"], "", { TUTOR_DATABASE_URL: "postgres://tutor:secret@127.0.0.1:1/tutor" });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("tutor roles: the database (--db, else TUTOR_DB): postgres://tutor:***@127.0.0.1:1/tutor refuses connections: is PostgreSQL running there?");
  });
});

describe.skipIf(!serverUrl)("the `tutor` command line on a PostgreSQL server", () => {
  let schema: ServerSchema;
  let url: string;
  beforeAll(async () => {
    schema = await serverSchema(serverUrl!);
    const u = new URL(serverUrl!);
    u.searchParams.set("options", `-c search_path=${schema.name}`);
    url = u.toString();
  });
  afterAll(() => schema?.drop());

  it("records and lists TAs in the server's database, not the SQLite file", async () => {
    const env = { TUTOR_DATABASE_URL: url, TUTOR_DB: tempDbFile() };
    expect((await runTutorInProcess(["roles", "set", "tara", "ta"], "", env)).stdout).toMatch(/console:tara is now a TA in console/);
    expect((await runTutorInProcess(["roles", "list"], "", env)).stdout).toBe("console:tara\tta\t\n");
    expect((await runTutorInProcess(["roles", "list"], "", { TUTOR_DB: env.TUTOR_DB })).stdout).toBe("");
  });
});
