import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// `npm run test:reliability` (and the last step of `npm test`): crashes at random moments, a backup
// under load, 10,000 generated hostile expressions and the student-facing refusals. Its files run
// one at a time, after the main suite, so each measures its own process and memory.
export default defineConfig({
  test: {
    ...base.test,
    include: ["tests/reliability/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    testTimeout: 300_000,
    maxWorkers: 1,
  },
});
