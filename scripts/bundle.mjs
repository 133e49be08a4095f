// The bot as `npm start` and the image run it: src/main.ts and the grading worker, each bundled
// with esbuild into one JavaScript file under dist/ (the packages stay in node_modules). Running
// plain JavaScript spares every thread of the bot TypeScript's loader: the bot starts faster and
// holds less memory (docs/PERFORMANCE.md). `npm run tutor` and the tests still run the sources.
import { renameSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { build, stop } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Where the bundles go: one folder below the root, like src/, so paths from the root agree. */
export const DIST = path.join(ROOT, "dist");
export const MAIN_BUNDLE = path.join(DIST, "main.mjs");

// The worker's bundle is named as the pool looks for it beside its own code (grading-pool.ts).
const ENTRIES = [
  { in: "src/main.ts", out: "main" },
  { in: "src/core/grading/grading-worker.ts", out: "grading-worker-entry" },
];

/**
 * Bundles both entries into dist/. Code the sources load only when needed (the Discord and Slack
 * SDKs, through their adapters) goes in chunks beside the entries, so it is still loaded only
 * then. Each file is written under a temporary name and renamed into place, so bots started at
 * the same moment (tests do) never read a half-written file; chunks are named by their content,
 * so a bot still running an earlier build keeps finding its own.
 */
export async function bundle() {
  mkdirSync(DIST, { recursive: true });
  try {
    const result = await build({
      entryPoints: ENTRIES.map((entry) => ({ in: path.join(ROOT, entry.in), out: entry.out })),
      bundle: true, splitting: true, platform: "node", format: "esm", target: "node20", packages: "external",
      outdir: DIST, outExtension: { ".js": ".mjs" }, chunkNames: "chunk-[hash]", write: false, logLevel: "warning",
      banner: { js: "// Built by scripts/bundle.mjs from src/: edit the sources, not this file." },
    });
    for (const file of result.outputFiles) {
      const temporary = `${file.path}.${process.pid}.tmp`;
      writeFileSync(temporary, file.contents);
      renameSync(temporary, file.path);
    }
  } finally {
    await stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundle();
