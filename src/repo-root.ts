import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root, so files beside the code (banks, migrations) are found whatever the current
 * directory is. This file sits one folder below the root, as the bundle `npm start` runs does
 * (dist/main.mjs, see scripts/bundle.mjs): the same `..` holds for both.
 */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
