// Worker entry in plain JavaScript so a worker starts the same way whether the parent runs
// TypeScript through tsx, vitest or anything else: register tsx's loader here, then load the
// TypeScript worker. (Workers do not inherit vitest's transform.)
import { register } from "tsx/esm/api";

register();
await import("./grading-worker.ts");
