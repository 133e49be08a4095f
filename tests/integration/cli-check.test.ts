import { describe, expect, it } from "vitest";
import { runTutor, runTutorInProcess } from "../fakes/run-tutor.ts";

describe("tutor check", () => {
  it("prints a human verdict and exits 0 (the real `tutor`, as a user runs it)", async () => {
    const { code, stdout } = await runTutor(["check", "(x-1)^2", "x^2-2*x+1"]);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^equal: both sides agree at \d+ sample points$/);
  });

  it("prints JSON, and exits 0 for a completed check whatever the verdict", async () => {
    const { code, stdout } = await runTutorInProcess(["check", "3", "pi", "--test", "relative", "--tol", "0.01", "--json", "--db", "ignored.db"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ result: "different", reason: expect.stringContaining("3") });
  });

  it("exits 2 with the usage for a bad call", async () => {
    const { code, stderr } = await runTutorInProcess(["check", "x", "--test", "fuzzy"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: tutor check");
  });

  it("checks JSON lines in batch, one answer per line, malformed lines included", async () => {
    const input = [
      JSON.stringify({ student: "sqrt(-1)", reference: "i", test: "equiv" }),
      "not json",
      JSON.stringify({ student: "1.05", reference: "1", test: "absolute", tolerance: 0.05 }),
      JSON.stringify({ student: 1, reference: "1" }),
      JSON.stringify({ student: "ones(100000,100000)", reference: "1" }),
      JSON.stringify({ student: "0", reference: "0", test: "relative", tolerance: null }),
    ].join("\n");
    const { code, stdout } = await runTutorInProcess(["check", "--batch"], `${input}\n`);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as { result: string; reason: string });
    expect(lines.map((l) => l.result)).toEqual(["equal", "invalid", "equal", "invalid", "invalid", "invalid"]);
    expect(lines[1]!.reason).toMatch(/^line 2: /);
    expect(lines[3]!.reason).toMatch(/^line 4: "student" and "reference" must be strings/);
    expect(lines[4]!.reason).toMatch(/limited/);
  });
});
