import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

export interface TutorRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `tutor` command line (as `npm run tutor` does, through tsx) with optional stdin. */
export function runTutor(args: string[], stdin = "", env: Record<string, string> = {}): Promise<TutorRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, "src", "cli.ts"), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
