// Type checking and lint side by side (they are independent and each keeps one core busy); prints
// each one's output as a block and fails when either fails.
import { spawn } from "node:child_process";

interface Result {
  name: string;
  code: number;
  output: string;
}

// The package's own scripts, so `npm run typecheck` and `npm run lint` check exactly the same.
const checks: Array<[name: string, command: string, args: string[]]> = [
  ["type check", "npm", ["run", "-s", "typecheck"]],
  ["lint", "npm", ["run", "-s", "lint"]],
];

function run(name: string, command: string, args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", (error) => resolve({ name, code: 1, output: `${output}${error.message}\n` }));
    child.on("close", (code) => resolve({ name, code: code ?? 1, output }));
  });
}

const results = await Promise.all(checks.map(([name, command, args]) => run(name, command, args)));
for (const { name, code, output } of results) {
  if (output.trim()) process.stdout.write(`${output.trimEnd()}\n`);
  if (code !== 0) process.stderr.write(`${name} failed\n`);
}
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
