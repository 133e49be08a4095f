import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText } from "../../../src/core/bank/import/html-text.ts";
import { parseMoodleXml } from "../../../src/core/bank/import/moodle-xml.ts";
import { UserError } from "../../../src/core/errors.ts";

const quiz = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${body}\n</quiz>`;

describe("htmlToText", () => {
  it("strips tags and keeps paragraphs, line breaks and list items", () => {
    expect(htmlToText('<p dir="ltr" style="text-align: left;">First   paragraph,\n  wrapped.</p><p>Second<br>line</p><ul><li>one</li><li>two</li></ul>').text)
      .toBe("First paragraph, wrapped.\n\nSecond\nline\n\n- one\n- two");
  });

  it("decodes entities after stripping tags, so an escaped tag stays text", () => {
    expect(htmlToText("<p>If x &lt; y &amp;&amp; y &gt; 0&nbsp;then &quot;ok&quot; &#8211; &#x3c0; &eacute;t&eacute;</p>").text)
      .toBe('If x < y && y > 0 then "ok" – π été');
    expect(htmlToText("<p>&lt;b&gt;not bold&lt;/b&gt;</p>").text).toBe("<b>not bold</b>");
    expect(decodeEntities("&unknown; &#0; &amp;")).toBe("&unknown; &#0; &");
  });

  it("keeps bold, italics and code as markdown, code blocks with their line breaks", () => {
    expect(htmlToText("<p>A <strong>fair</strong> <em>die</em> and <code>x++</code></p><pre>for i in range(3):\n    print(i)</pre>").text)
      .toBe("A **fair** *die* and `x++`\n\n```\nfor i in range(3):\n    print(i)\n```");
  });

  it("drops scripts, styles and comments, and rewrites MathJax delimiters", () => {
    expect(htmlToText("<style>p{color:red}</style><!-- note --><p>Solve \\(x^2 = 4\\):</p><script>alert(1)</script><p>\\[ x = \\pm 2 \\]</p>").text)
      .toBe("Solve $x^2 = 4$:\n\n$$x = \\pm 2$$");
  });

  it("leaves a marker where an image was, and names it", () => {
    const out = htmlToText('<p>See <img src="@@PLUGINFILE@@/normal%20curve.png?time=1" alt="curve"> and <img src="data:image/png;base64,AAA" alt="Histogram"></p>');
    expect(out.images).toEqual(["normal curve.png", "Histogram"]);
    expect(out.text).toBe("See [image not imported: normal curve.png] and [image not imported: Histogram]");
  });
});

describe("parseMoodleXml", () => {
  it("reads every supported type of the fixture and reports the others by type", () => {
    const { questions } = parseMoodleXml(readFileSync("tests/fixtures/import/quiz.xml", "utf8"));
    expect(questions.map((q) => [q.number, q.type === "skipped" ? q.sourceType : q.type, q.points])).toEqual([
      [1, "multichoice", 2], [2, "multichoice", 3], [3, "truefalse", 1], [4, "shortanswer", 2], [5, "numerical", 2], [6, "essay", 4],
      [7, "matching", 3], [8, "cloze", 1],
    ]);
    expect(questions.every((q) => q.category === "Default for STAT 100 / Week 3: Probability")).toBe(true);
    expect(questions[0]).toMatchObject({ text: "A fair six-sided die is rolled once. What is the probability of rolling a number **greater than 4**?", single: true });
    expect(questions[1]).toMatchObject({ single: false, options: [{ fraction: 0.5 }, { fraction: 0.5 }, { fraction: -0.5 }, { fraction: -0.5 }] });
    expect(questions[2]).toMatchObject({ correct: false, feedbackWrong: "Disjoint events depend on each other strongly." });
    expect(questions[3]?.lost).toEqual(["an image in the question text (galton board.png): not imported"]);
    expect(questions[4]).toMatchObject({ answers: [{ value: 3.5, tolerance: 0.01, fraction: 1 }, { value: 3, fraction: 0 }] });
    expect(questions[4]?.lost[0]).toMatch(/catch-all answer "\*"/);
    expect(questions[5]).toMatchObject({ graderInfo: expect.stringMatching(/^Full marks for conditioning/) });
  });

  it("reads plain-text and markdown fields as written, units as lost, and a file attached but not shown", () => {
    const { questions } = parseMoodleXml(quiz(`
      <question type="numerical"><name><text>g</text></name>
        <questiontext format="markdown"><text>Gravity in *m/s²*?</text><file name="notes.pdf" encoding="base64">AAAA</file></questiontext>
        <answer fraction="100"><text>9.81</text><tolerance>0.05</tolerance></answer>
        <units><unit><multiplier>1</multiplier><unit_name>m/s^2</unit_name></unit></units>
      </question>`));
    expect(questions[0]).toMatchObject({ type: "numerical", text: "Gravity in *m/s²*?", points: 1 });
    expect(questions[0]?.lost).toEqual(["a file attached to the question text (notes.pdf): not imported", "its units (m/s^2): students give the number alone"]);
  });

  it("refuses what is not a Moodle quiz, saying where", () => {
    expect(() => parseMoodleXml("<quiz><question></quiz>")).toThrow(UserError);
    expect(() => parseMoodleXml("<quiz><question></quiz>")).toThrow(/not well-formed XML \(line 1, column \d+\)/);
    expect(() => parseMoodleXml("<assessment/>")).toThrow(/root element is <assessment>, not <quiz>/);
  });

  it("skips a true/false question with no right answer and a numerical one whose answer is no number", () => {
    const { questions } = parseMoodleXml(quiz(`
      <question type="truefalse"><name><text>tf</text></name><questiontext><text>x</text></questiontext>
        <answer fraction="0"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>
      <question type="numerical"><name><text>n</text></name><questiontext><text>y</text></questiontext>
        <answer fraction="100"><text>three</text></answer></question>
      <question type="ddwtos"><name><text>d</text></name><questiontext><text>z</text></questiontext></question>`));
    expect(questions.map((q) => q.type === "skipped" && q.reason)).toEqual([
      "no answer is marked right", 'its answer "three" is not a number', "drag-and-drop questions have no bank kind",
    ]);
  });
});
