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
      { student: "101", name: "Ana Lee", section: "C247", score: 97.5, questions: { Q1: 5 } },
      { student: "b@x.edu", name: "Bo Chen", section: "C147", score: 88, questions: { Q1: 4 } },
    ]);
    expect(r.questions).toEqual([{ id: "Q1", title: "Q1", max: null }]);
  });

  const bank = [
    { id: "1a", title: "k-nearest neighbors for a self-driving car", points: 5 },
    { id: "2c-i", title: "Gradient with respect to W1", points: 6 },
    { id: "2c-ii", title: "Gradient with respect to x", points: 6 },
  ];

  it("keeps every per-question column: bank ids where the title names one, Gradescope's points as the maximum", () => {
    const csv = [
      "Name,SID,Email,Sections,1.1: 1a (5.0 pts),Q2c-ii (6.0 pts),Gradient with respect to W1,Extra credit (2.0 pts),Total Score,Max Points,Status,Submission ID",
      "Ana Lee,905000001,a@x.edu,C247,4.5,6,3,2,90,106,Graded,123",
      "Bo Chen,905000002,b@x.edu,C147,,2,6,,70,106,Graded,124",
    ].join("\n");
    const r = parseScoreCsv(csv, { sections: ["C147", "C247"], questions: bank });
    expect(r.issues).toEqual([]);
    expect(r.questions).toEqual([
      { id: "1a", title: "1.1: 1a", max: 5 },
      { id: "2c-ii", title: "Q2c-ii", max: 6 },
      { id: "2c-i", title: "Gradient with respect to W1", max: 6 },
      { id: "Extra credit", title: "Extra credit", max: 2 },
    ]);
    expect(r.scores[1]).toEqual({ student: "905000002", name: "Bo Chen", section: "C147", score: 70, questions: { "2c-ii": 2, "2c-i": 6 } });
  });

  it("refuses, by line, a section the course does not have, a total above the maximum, and a question score out of range", () => {
    const csv = [
      "Name,SID,Section,1a (5 pts),Total Score",
      "Ana,1,C999,5,90",
      "Bo,2,C147,5,200",
      "Cy,3,C147,5,1e308",
      "Di,4,C247,7,50",
      "Ed,5,c247,5,106",
    ].join("\n");
    expect(parseScoreCsv(csv, { sections: ["C147", "C247"], questions: bank, maxTotal: 106 }).issues).toEqual([
      'line 2: "C999" is not a section of this course (sections: C147, C247)',
      "line 3: Total Score 200 is above the maximum of 106",
      "line 4: Total Score 1e308 is above the maximum of 106",
      "line 5: 1a is 7, outside 0-5",
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
    expect(parseScoreCsv(csv, { sections: ["C147", "C247"] }).scores.map((s) => s.section)).toEqual(["C247", "C147"]);
  });

  it("keeps a name that looks like a formula from running in a spreadsheet", () => {
    expect(toCsv([["=HYPERLINK(\"x\")", "-1", 5]])).toBe(`"'=HYPERLINK(""x"")",'-1,5\r\n`);
  });
});
