// Regenerates data/banks/bank.schema.json from the zod schema: `npm run bank:schema`.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { BANK_SCHEMA_FILE, bankJsonSchemaText } from "../src/core/bank/bank-json-schema.ts";
import { REPO_ROOT } from "../src/config.ts";

const target = path.join(REPO_ROOT, BANK_SCHEMA_FILE);
writeFileSync(target, bankJsonSchemaText());
console.log(`wrote ${path.relative(process.cwd(), target) || target}`);
