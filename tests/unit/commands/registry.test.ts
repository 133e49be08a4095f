import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";

// The contract of DESIGN.md: the same names and options everywhere; TA-only commands marked.
const CONTRACT: Record<string, { options: string[]; access: "everyone" | "ta" }> = {
  quiz: { options: ["question", "topic"], access: "everyone" },
  answer: { options: ["question", "answer", "justification"], access: "everyone" },
  progress: { options: [], access: "everyone" },
  exam: { options: ["action"], access: "everyone" },
  enroll: { options: ["section"], access: "everyone" },
  regrade: { options: ["question", "reason"], access: "everyone" },
  help: { options: [], access: "everyone" },
  announce: { options: ["message", "at", "channel"], access: "ta" },
  stats: { options: ["assessment", "section", "post"], access: "ta" },
  review: { options: [], access: "ta" },
  regrades: { options: [], access: "ta" },
  export: { options: [], access: "ta" },
};

describe("the command registry", () => {
  const visible = commands.filter((c) => !c.hidden);

  it("has exactly the commands of the contract, with their options in order and their access", () => {
    expect(visible.map((c) => c.name).sort()).toEqual(Object.keys(CONTRACT).sort());
    for (const c of visible) {
      const contract = CONTRACT[c.name]!;
      expect(c.options.slice(0, contract.options.length).map((o) => o.name), c.name).toEqual(contract.options);
      expect(c.access, c.name).toBe(contract.access);
    }
  });

  it("fits every platform's limits: names, descriptions, choices, one free-text option", () => {
    for (const c of commands) {
      expect(c.name).toMatch(/^[a-z][a-z-]{0,31}$/);
      expect(c.description.length, c.name).toBeLessThanOrEqual(100);
      expect(c.options.length, c.name).toBeLessThanOrEqual(25);
      expect(c.options.filter((o) => o.rest).length, c.name).toBeLessThanOrEqual(1);
      const required = c.options.map((o) => o.required);
      expect(required, `${c.name}: required options come first`).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      for (const o of c.options) {
        expect(o.description.length, `${c.name}.${o.name}`).toBeLessThanOrEqual(100);
        expect(o.choices?.length ?? 0).toBeLessThanOrEqual(25);
      }
    }
  });
});
