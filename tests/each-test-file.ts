import { afterAll } from "vitest";
import { closeFileGradingPool } from "./fakes/file-grading-pool.ts";

// vitest runs this before every test file (setupFiles in vitest.config.ts). The files a worker
// runs share its modules, so what a file starts is stopped here, after the file's last test.
afterAll(closeFileGradingPool);
