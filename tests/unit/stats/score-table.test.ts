import { describe, expect, it } from "vitest";
import { ScoreTable } from "../../../src/core/stats/score-table.ts";

describe("ScoreTable", () => {
  it("keeps each student's section, total and scores by row, NaN where a question has no score, past its first capacity", () => {
    const table = new ScoreTable();
    for (let row = 0; row < 3000; row++) {
      // 2b first appears at row 2500, long after the columns first grew.
      table.add(row % 3 === 0 ? "C147" : null, row, row < 2500 ? { "1a": row % 5 } : { "1a": 1, "2b": 0.5 });
    }
    expect(table.size).toBe(3000);
    expect(table.sections.slice(0, 3)).toEqual(["C147", null, null]);
    expect(table.totals[2999]).toBe(2999);
    const first = table.column("1a")!;
    const late = table.column("2b")!;
    expect([first.length, late.length]).toEqual([3000, 3000]);
    expect([first[0], first[1024], first[2499], first[2500]]).toEqual([0, 4, 4, 1]);
    expect([late[0], late[2048], late[2499], late[2500], late[2999]]).toEqual([NaN, NaN, NaN, 0.5, 0.5]);
    expect(table.column("9z")).toBeUndefined();
  });

  it("refuses a score that is not a number (the stores hand their JSON over unchecked)", () => {
    const table = new ScoreTable();
    expect(() => table.add(null, 5, { "1a": "5" })).toThrow(/score 5 of 1a is not a number/);
    expect(() => table.add(null, 5, { "1a": null })).toThrow(/not a number/);
  });
});
