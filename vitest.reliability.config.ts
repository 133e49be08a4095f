import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// `npm run test:reliability`: crashes at random moments, 10,000 generated hostile expressions and
// the student-facing refusals. Kept out of `npm test` because it takes minutes on 2 cores; its
// files run one at a time so each measures its own process and memory.
export default defineConfig({
  test: {
    ...base.test,
    include: ["tests/reliability/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    testTimeout: 300_000,
    maxWorkers: 1,
  },
});
