import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The reliability suite (crashes, 10,000 generated expressions) takes minutes: `npm run test:reliability`.
    exclude: [...configDefaults.exclude, "tests/reliability/**"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // vitest's default is one worker fewer than the cores: one on a 2-core machine. The tests wait
    // on grading threads and child processes much of the time, so use every core.
    maxWorkers: availableParallelism(),
    // The files a worker runs share its modules: mathjs, MathJax, the app and the bank load once
    // per worker, not once per file (about 1.5 s each). So a test file must leave nothing running
    // or changed behind: it closes its apps, passes environment to what it starts instead of
    // setting process.env, and starts no timers it does not stop. What tests/fakes share within a
    // file is stopped by tests/each-test-file.ts after the file's last test.
    isolate: false,
    setupFiles: ["tests/each-test-file.ts"],
  },
});
