import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "../../../src/core/ta/csv.ts";
import { parseScoreCsv } from "../../../src/core/ta/score-csv.ts";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, and keeps each record's line", () => {
    const { records, error } = parseCsv('\uFEFFName,SID\r\n"Lee, Ana",1\r\n"Say ""hi""\nthere",2\n\nBo,3');
    expect(error).toBeNull();
    expect(records.map((r) => [r.line, ...r.fields])).toEqual([
      [1, "Name", "SID"], [2, "Lee, Ana", "1"], [3, 'Say "hi"\nthere', "2"], [6, "Bo", "3"],
    ]);
  });

  it("reports a quote that never closes with its line", () => {
    expect(parseCsv('a,b\n"oops,1\n').error).toBe("line 2: a quoted field is never closed");
  });

  it("round-trips what toCsv writes", () => {
    const rows = [["Lee, Ana", 'He said "x"', "", 3.5]];
    expect(parseCsv(toCsv(rows)).records[0]!.fields).toEqual(["Lee, Ana", 'He said "x"', "", "3.5"]);
  });
});

describe("parseScoreCsv", () => {
  it("reads a Gradescope export whatever the header's case, ignoring other columns", () => {
    const r = parseScoreCsv("NAME,sid,EMAIL,section,Q1,total score,Status\nAna Lee,101,a@x.edu,C247,5,97.5,Graded\nBo Chen,,b@x.edu,C147,4,88,Graded\n");
    expect(r.issues).toEqual([]);
    expect(r.scores).toEqual([
      { student: "101", name: "Ana Lee", section: "C247", score: 97.5 },
      { student: "b@x.edu", name: "Bo Chen", section: "C147", score: 88 },
    ]);
  });

  it("reports every bad row by line: not a number, duplicate id, no id", () => {
    const r = parseScoreCsv('Name,SID,Section,Total Score\nAna,1,C247,90\nBo,2,C147,abc\n"Lee, Cy",1,C147,80\nDi,,C147,70\n');
    expect(r.issues).toEqual([
      'line 3: Total Score "abc" is not a number',
      "line 4: 1 already appears on line 2",
      'line 5: no SID for "Di"',
    ]);
  });

  it("skips rows without a score (no submission) and names a missing column", () => {
    expect(parseScoreCsv("Name,SID,Total Score\nAna,1,\nBo,2,50\n")).toMatchObject({ skipped: [2], scores: [{ student: "2", score: 50 }] });
    expect(parseScoreCsv("Name,SID,Score\nAna,1,3\n").issues[0]).toMatch(/^line 1: the header lacks Total Score/);
  });
});

describe("what spreadsheets and gradebooks make of our CSV", () => {
  it("reads Gradescope's plural Sections column and spells sections as the bank does", () => {
    const csv = "First Name,Last Name,SID,Email,Sections,Total Score\nAna,Lee,1,a@x.edu,c247,91\nBen,Ng,2,b@x.edu,C147,88\n";
    expect(parseScoreCsv(csv, ["C147", "C247"]).scores.map((s) => s.section)).toEqual(["C247", "C147"]);
  });

  it("keeps a name that looks like a formula from running in a spreadsheet", () => {
    expect(toCsv([["=HYPERLINK(\"x\")", "-1", 5]])).toBe(`"'=HYPERLINK(""x"")",'-1,5\r\n`);
  });
});
