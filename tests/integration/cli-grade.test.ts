import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runTutor, runTutorInProcess } from "../fakes/run-tutor.ts";

describe("tutor grade", () => {
  it("grades a true/false answer through the real CLI as JSON: 5/5", async () => {
    const run = await runTutor(["grade", "3a", "--answer", "false, because regularization improves generalization to the test set", "--json", "--db", "/nonexistent/ignored.db"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ question: "3a", score: 5, max: 5, needsReview: false, feedback: [] });
    expect(Object.keys(result).sort()).toEqual(["feedback", "items", "max", "needsReview", "question", "score"]);
    expect(result.items.map((i: { id: string }) => i.id)).toEqual(["choice", "why"]);
  });

  it("prints a readable result with the score, rubric items and feedback", async () => {
    const run = await runTutorInProcess(["grade", "3a", "--answer", "false, because regularization improves generalization to the test set"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("3a: 5/5");
    expect(run.stdout).toMatch(/✓ The choice \(false\) \(2\/2\)/);

    const wrong = await runTutorInProcess(["grade", "1d-ii", "--answer", "rotate the digits and flip them"]);
    expect(wrong.stdout.split("\n")[0]).toBe("1d-ii: 0.5/5");
    expect(wrong.stdout).toMatch(/✗ Horizontal or vertical flips .*\(-2\/-2\)/);
    expect(wrong.stdout).toMatch(/Feedback:\n {2}- /);
  });

  it("takes the justification separately and says when a TA must review", async () => {
    const separate = await runTutorInProcess(["grade", "3b", "--answer", "false", "--justification", "it is a noisy estimate from fewer samples", "--json"]);
    expect(JSON.parse(separate.stdout)).toMatchObject({ score: 5 });
    const proof = await runTutorInProcess(["grade", "5", "--answer", "take the log of the product"]);
    expect(proof.stdout).toMatch(/^5: 0\/6/);
    expect(proof.stdout).toMatch(/needs review by a TA/);
  });

  it("grades JSON lines in --batch, reporting bad lines and going on", async () => {
    const input = [
      JSON.stringify({ question: "3a", answer: "false, because regularization improves generalization to the test set" }),
      "not json",
      JSON.stringify({ question: "9z", answer: "x" }),
      JSON.stringify({ question: "4b-ii", answer: "depth: 16\nparameters: 32*3*3*16" }),
      "",
      JSON.stringify({ question: "2b", answer: "y - z" }),
      JSON.stringify({ question: "3d", answer: "false", justification: "the loss plateaued, it converged" }),
      JSON.stringify({ answer: "x" }),
    ].join("\n");
    const run = await runTutorInProcess(["grade", "--batch"], `${input}\n`);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({ question: "3a", score: 5, max: 5, needsReview: false });
    expect(lines[1]).toEqual({ error: "line 2: not valid JSON" });
    expect(lines[2].error).toMatch(/^line 3: no question "9z"; questions: 1a, 1b/);
    expect(lines[3]).toMatchObject({ question: "4b-ii", score: 5, max: 5 });
    expect(lines[4]).toMatchObject({ question: "2b", score: 0, max: 4 });
    expect(lines[5]).toMatchObject({ question: "3d", score: 3, max: 5 });
    expect(lines[6].error).toMatch(/^line 8: "question"/);
  });

  it("lists the valid ids for an unknown question and exits 1", async () => {
    const run = await runTutorInProcess(["grade", "9z", "--answer", "x"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no question "9z"\. Questions: 1a, 1b, 1c, 1d-i/);
  });

  it("reports usage mistakes with exit code 2", async () => {
    const runs = await Promise.all([["grade", "3a"], ["grade"], ["grade", "--batch", "3a"]].map((args) => runTutorInProcess(args)));
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2]);
    expect(runs[0]?.stderr).toMatch(/--answer TEXT/);
  });

  it("reads the bank from TUTOR_BANKS", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tutor-banks-"));
    const bank = `exam: { id: quiz, course: C, title: Quiz, term: T, date: "2020-01-01", durationMinutes: 10, sections: [A], released: "2020-01-02", regradeWindowDays: 7 }
problems: [{ number: 1, title: P, points: 2 }]
questions:
  - { id: q1, problem: 1, title: Q, topic: t, points: 2, grader: TA, prompt: "2+2?", solution: "4", answer: { kind: number, value: 4 } }
`;
    writeFileSync(path.join(dir, "quiz.yaml"), bank);
    const run = await runTutorInProcess(["grade", "q1", "--answer", "2*2", "--json"], "", { TUTOR_BANKS: dir });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toMatchObject({ question: "q1", score: 2, max: 2 });
  });
});
