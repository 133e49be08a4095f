import { XMLParser, XMLValidator } from "fast-xml-parser";
import { UserError } from "../../errors.ts";
import { htmlToText, texDelimiters } from "./html-text.ts";
import {
  type ImportedAnswer, type ImportedCommon, type ImportedNumber, type ImportedQuestion, type ImportedQuiz, unsupportedReason,
} from "./imported-question.ts";

/**
 * Reads a Moodle XML quiz export (`<quiz><question type="…">…</question></quiz>`, what Moodle's
 * question bank exports) into imported questions. Pure: text in, questions out. Categories set the
 * category of the questions after them; every other question is numbered from 1 in file order.
 */

/** A parsed XML element as fast-xml-parser gives it: attributes as `@_name`, children by tag name. */
type Node = Record<string, unknown>;

const ARRAYS = new Set(["quiz.question", "quiz.question.answer", "quiz.question.subquestion", "quiz.question.units.unit"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  // Text keeps its own spaces and line breaks (a plain-text or markdown question needs them).
  trimValues: false,
  isArray: (_name, jpath) => typeof jpath === "string" && (ARRAYS.has(jpath) || jpath.endsWith(".file")),
});

const asNode = (v: unknown): Node => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Node) : {});
const asList = (v: unknown): Node[] => (Array.isArray(v) ? v.map(asNode) : v === undefined ? [] : [asNode(v)]);
const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

/** A Moodle text field (`<x format="html"><text>…</text></x>`) as the bank's text; what it showed is added to `lost`. */
function richText(node: unknown, lost: string[], where: string): string {
  const n = asNode(node);
  const raw = str(n.text);
  const format = str(n["@_format"]) || "html";
  const result = format === "html" ? htmlToText(raw) : { text: texDelimiters(raw.trim()), images: [] };
  const shown = new Set(result.images);
  // Files attached to the text but not shown as images (a linked PDF) are lost as well.
  const files = asList(n.file).map((f) => str(f["@_name"])).filter((name) => name && !shown.has(name));
  const count = (k: number, one: string, many: string) => (k === 1 ? one : `${k} ${many}`);
  if (result.images.length) lost.push(`${count(result.images.length, "an image", "images")} in ${where} (${result.images.join(", ")}): not imported`);
  if (files.length) lost.push(`${count(files.length, "a file", "files")} attached to ${where} (${files.join(", ")}): not imported`);
  return result.text;
}

/** The text of a field, or undefined when it is empty. */
function optionalText(node: unknown, lost: string[], where: string): string | undefined {
  const text = richText(node, lost, where);
  return text === "" ? undefined : text;
}

/** A percentage as a share, without float noise: 33.3 is 0.333, not 0.33299999999999996. */
export const percentage = (p: number) => Number((p / 100).toPrecision(12));

/** A Moodle fraction attribute ("100", "33.33333", "-50") as a share of the points. */
function fraction(answer: Node): number {
  const f = Number(str(answer["@_fraction"]) || "0");
  return Number.isFinite(f) ? percentage(f) : 0;
}

function answers(q: Node, lost: string[]): ImportedAnswer[] {
  return asList(q.answer).map((a, i) => {
    const text = richText(a, lost, `answer ${i + 1}`);
    const feedback = optionalText(a.feedback, lost, `the feedback of answer ${i + 1}`);
    return { text, fraction: fraction(a), ...(feedback ? { feedback } : {}) };
  });
}

function numbers(q: Node, lost: string[]): ImportedNumber[] | string {
  const out: ImportedNumber[] = [];
  for (const a of asList(q.answer)) {
    const raw = str(a.text).trim();
    const feedback = optionalText(a.feedback, lost, "the feedback of a numeric answer");
    if (raw === "*") {
      lost.push(`the catch-all answer "*"${feedback ? ` and its feedback ("${feedback}")` : ""}: not imported`);
      continue;
    }
    const value = Number(raw);
    const tolerance = Math.abs(Number(str(a.tolerance).trim() || "0"));
    if (raw === "" || !Number.isFinite(value)) return `its answer "${raw}" is not a number`;
    if (!Number.isFinite(tolerance)) return `the tolerance of its answer ${raw} is not a number`;
    out.push({ value, tolerance, fraction: fraction(a), ...(feedback ? { feedback } : {}) });
  }
  const units = asList(asNode(q.units).unit).map((u) => str(u.unit_name).trim()).filter((u) => u !== "");
  if (units.length > 0) lost.push(`its units (${units.join(", ")}): students give the number alone`);
  return out;
}

/** The part of a Moodle category path a TA reads: `$course$/top/Week 1` is `Week 1`. */
export function categoryTitle(path: string): string {
  const parts = path.split("/").map((p) => p.trim()).filter((p) => p !== "" && !/^\$\w+\$$/.test(p) && p !== "top");
  return parts.join(" / ");
}

const isTrue = (v: unknown) => !/^(false|0|no)$/i.test(str(v).trim());

function readQuestion(q: Node, common: ImportedCommon): ImportedQuestion {
  const type = str(q["@_type"]).trim() || "(no type)";
  const lost = common.lost;
  switch (type) {
    case "multichoice":
      return { ...common, type: "multichoice", single: isTrue(q.single ?? "true"), options: answers(q, lost) };
    case "truefalse": {
      const list = answers(q, lost);
      const right = list.find((a) => a.fraction > 0);
      if (!right || !/^(true|false)$/i.test(right.text)) return { ...common, type: "skipped", sourceType: type, reason: "no answer is marked right" };
      const wrong = list.find((a) => a !== right);
      return {
        ...common, type: "truefalse", correct: /^true$/i.test(right.text),
        ...(right.feedback ? { feedbackRight: right.feedback } : {}), ...(wrong?.feedback ? { feedbackWrong: wrong.feedback } : {}),
      };
    }
    case "shortanswer":
      return { ...common, type: "shortanswer", answers: answers(q, lost), caseSensitive: isTrue(q.usecase ?? "0") };
    case "numerical": {
      const list = numbers(q, lost);
      return typeof list === "string" ? { ...common, type: "skipped", sourceType: type, reason: list } : { ...common, type: "numerical", answers: list };
    }
    case "essay": {
      const graderInfo = optionalText(q.graderinfo, lost, "the information for graders");
      const template = optionalText(q.responsetemplate, lost, "the response template");
      return { ...common, type: "essay", ...(graderInfo ? { graderInfo } : {}), ...(template ? { template } : {}) };
    }
    default:
      return { ...common, type: "skipped", sourceType: type, reason: unsupportedReason(type) };
  }
}

/**
 * Parses a Moodle XML export. Malformed XML, or XML that is not a quiz, is a `UserError` that
 * says where; a question of a type the bank cannot hold comes back as `skipped` with its reason.
 * @example parseMoodleXml(readFileSync("quiz.xml", "utf8")).questions[0] // { type: "multichoice", number: 1, … }
 */
export function parseMoodleXml(xml: string): ImportedQuiz {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new UserError("import-unreadable", `This is not well-formed XML (line ${valid.err.line}, column ${valid.err.col}): ${valid.err.msg}`);
  }
  const doc = asNode(parser.parse(xml));
  if (!("quiz" in doc)) {
    const root = Object.keys(doc).find((k) => !k.startsWith("?")) ?? "nothing";
    throw new UserError("import-not-moodle", `This XML is not a Moodle quiz export: its root element is <${root}>, not <quiz>.`);
  }
  const questions: ImportedQuestion[] = [];
  let category: string | undefined;
  for (const q of asList(asNode(doc.quiz).question)) {
    if (str(q["@_type"]).trim() === "category") {
      category = categoryTitle(str(asNode(q.category).text)) || undefined;
      continue;
    }
    const lost: string[] = [];
    const text = richText(q.questiontext, lost, "the question text");
    const points = Number(str(q.defaultgrade).trim() || "1");
    const generalFeedback = optionalText(q.generalfeedback, lost, "the general feedback");
    const name = str(asNode(q.name).text).trim() || text.slice(0, 60);
    const common: ImportedCommon = {
      number: questions.length + 1, name, text, lost,
      ...(category ? { category } : {}),
      ...(Number.isFinite(points) && points >= 0 ? { points } : {}),
      ...(generalFeedback ? { generalFeedback } : {}),
    };
    questions.push(readQuestion(q, common));
  }
  return { format: "moodle", questions };
}
