import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../src/config.ts";
import { BANK_SCHEMA_FILE, bankJsonSchema, bankJsonSchemaText } from "../../../src/core/bank/bank-json-schema.ts";

describe("the bank's JSON Schema", () => {
  it("is checked in and current", () => {
    const checkedIn = readFileSync(path.join(REPO_ROOT, BANK_SCHEMA_FILE), "utf8");
    // toBe on a boolean keeps the failure message short and actionable instead of a 1,000-line diff.
    const current = checkedIn === bankJsonSchemaText();
    expect(current, `${BANK_SCHEMA_FILE} is stale: run \`npm run bank:schema\` and commit the result`).toBe(true);
  });

  it("has a $schema and a title, and leaves fields with defaults optional", () => {
    const schema = bankJsonSchema() as { $schema: string; title: string; required: string[] };
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.title).toBe("Exam tutor question bank");
    expect(schema.required).toEqual(["exam", "problems", "questions"]);
  });

  it("is named in the midterm bank for editors", () => {
    const yaml = readFileSync(path.join(REPO_ROOT, "data/banks/midterm.yaml"), "utf8");
    expect(yaml.split("\n")[0]).toBe("# yaml-language-server: $schema=./bank.schema.json");
  });
});
