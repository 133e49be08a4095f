import { htmlToText, texDelimiters } from "./html-text.ts";
import type { ImportedAnswer, ImportedCommon, ImportedNumber, ImportedQuestion, ImportedQuiz } from "./imported-question.ts";
import { categoryTitle, percentage } from "./moodle-xml.ts";

/**
 * Reads GIFT, Moodle's text format for quizzes (also what Canvas users write by hand): questions
 * separated by blank lines, `//` comment lines, `::title::`, an optional `[html]`/`[markdown]`/
 * `[plain]`/`[moodle]` format, and one answer block `{…}`:
 *   `{T}`, `{FALSE#wrong-answer feedback#right-answer feedback}`   true/false
 *   `{=right ~wrong ~%50%half}`, `{~%50%a ~%50%b ~%-100%c}`        multiple choice (one, or several answers)
 *   `{=Paris =%50%paris city}`                                     short answer
 *   `{#3.14:0.01}`, `{#1..2}`, `{#=2:0 =%50%2:1}`                  numeric: value:tolerance, a range, or several
 *   `{}`                                                            essay
 * `#` adds feedback to an answer and `####` general feedback; `\~ \= \# \{ \} \:` are literal
 * characters and `\n` a line break. `$CATEGORY: path` files the questions after it.
 */

/** Escaped characters stand for themselves: each becomes a private-use character while the markers are read. */
const ESCAPABLE = "\\~=#{}:";
const protect = (text: string) =>
  text.replace(/\\([\\~=#{}:])/g, (_, c: string) => String.fromCharCode(0xe010 + ESCAPABLE.indexOf(c))).replace(/\\n(?![A-Za-z])/g, "\n");
const restore = (text: string) => text.replace(/[\uE010-\uE016]/g, (c) => ESCAPABLE[c.charCodeAt(0) - 0xe010] ?? c);

type Format = "html" | "markdown" | "plain" | "moodle";

/** Text of the question's format as the bank's text; images of HTML are added to `lost`. */
function convert(raw: string, format: Format, lost: string[], where: string): string {
  const text = restore(raw).trim();
  if (format !== "html") return texDelimiters(text);
  const { text: out, images } = htmlToText(text);
  if (images.length > 0) lost.push(`${images.length === 1 ? "an image" : `${images.length} images`} in ${where} (${images.join(", ")}): not imported`);
  return out;
}

/** `text#feedback` split at its first marker. */
function withFeedback(body: string): { text: string; feedback?: string } {
  const at = body.indexOf("#");
  if (at < 0) return { text: body };
  const feedback = body.slice(at + 1).trim();
  return { text: body.slice(0, at), ...(feedback ? { feedback } : {}) };
}

const WEIGHT = /^\s*%(-?\d+(?:\.\d+)?)%/;

/** The `=`/`~` options of an answer block, each with its marker, weight (when written), text and feedback. */
function options(body: string): Array<{ right: boolean; weight?: number; text: string; feedback?: string }> | string {
  const head = body.split(/(?=[=~])/);
  if (head[0] !== undefined && !/^[=~]/.test(head[0])) {
    if (head[0].trim() !== "") return `the answer block starts with "${restore(head[0].trim())}" instead of = or ~`;
    head.shift();
  }
  return head.map((piece) => {
    const right = piece.startsWith("=");
    let rest = piece.slice(1);
    const w = WEIGHT.exec(rest);
    if (w) rest = rest.slice(w[0].length);
    return { right, ...(w ? { weight: percentage(Number(w[1])) } : {}), ...withFeedback(rest) };
  });
}

/** One numeric answer: `3.14:0.01`, `1..2` or `42`. */
function numberOf(text: string): { value: number; tolerance: number } | undefined {
  const t = restore(text).trim();
  const range = /^(\S+?)\s*\.\.\s*(\S+)$/.exec(t);
  if (range) {
    const [lo, hi] = [Number(range[1]), Number(range[2])].sort((a, b) => a - b) as [number, number];
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return undefined;
    // The middle of the range, with float noise rounded off (0.1..0.3 is 0.2, not 0.19999999999999998).
    return { value: Number(((lo + hi) / 2).toPrecision(12)), tolerance: Number(((hi - lo) / 2).toPrecision(12)) };
  }
  const [v, tol] = t.split(":");
  const value = Number(v);
  const tolerance = tol === undefined ? 0 : Math.abs(Number(tol));
  return v?.trim() && Number.isFinite(value) && Number.isFinite(tolerance) ? { value, tolerance } : undefined;
}

function numeric(body: string, format: Format, lost: string[]): ImportedNumber[] | string {
  const single = !/^\s*[=~]/.test(body);
  const list = single ? [{ right: true, ...withFeedback(body) }] : options(body);
  if (typeof list === "string") return list;
  const out: ImportedNumber[] = [];
  for (const o of list) {
    const n = numberOf(o.text);
    if (!n) return `its answer "${restore(o.text).trim()}" is not a number, a number:tolerance or a range min..max`;
    const feedback = o.feedback ? convert(o.feedback, format, lost, "a feedback") : undefined;
    const fraction = "weight" in o && o.weight !== undefined ? o.weight : o.right ? 1 : 0;
    out.push({ ...n, fraction, ...(feedback ? { feedback } : {}) });
  }
  return out;
}

/** The typed part of a question from its answer block (without the general feedback). */
function answerBlock(body: string, common: ImportedCommon, format: Format): ImportedQuestion {
  const lost = common.lost;
  const skip = (sourceType: string, reason: string): ImportedQuestion => ({ ...common, type: "skipped", sourceType, reason });
  const trimmed = body.trim();
  if (trimmed === "") return { ...common, type: "essay" };
  const tf = /^(T|TRUE|F|FALSE)\s*(?:#|$)/i.exec(trimmed);
  if (tf) {
    const [, wrong, right] = trimmed.split("#");
    const feedbackWrong = wrong?.trim() ? convert(wrong, format, lost, "a feedback") : undefined;
    const feedbackRight = right?.trim() ? convert(right, format, lost, "a feedback") : undefined;
    return { ...common, type: "truefalse", correct: /^t/i.test(tf[1] ?? ""), ...(feedbackRight ? { feedbackRight } : {}), ...(feedbackWrong ? { feedbackWrong } : {}) };
  }
  if (trimmed.startsWith("#")) {
    const list = numeric(trimmed.slice(1), format, lost);
    return typeof list === "string" ? skip("numerical", list) : { ...common, type: "numerical", answers: list };
  }
  const list = options(trimmed);
  if (typeof list === "string") return skip("unknown", list);
  if (list.every((o) => o.right) && list.some((o) => o.text.includes("->"))) {
    return skip("matching", "matching questions have no bank kind; write each pair as its own question");
  }
  const answers: ImportedAnswer[] = list.map((o, i) => {
    const feedback = o.feedback ? convert(o.feedback, format, lost, `the feedback of answer ${i + 1}`) : undefined;
    const fraction = o.weight ?? (o.right ? 1 : 0);
    return { text: convert(o.text, format, lost, `answer ${i + 1}`), fraction, ...(feedback ? { feedback } : {}) };
  });
  if (list.every((o) => o.right)) return { ...common, type: "shortanswer", answers, caseSensitive: false };
  // As Moodle reads GIFT: an `=` marks the one right answer; options weighted with ~%…% alone allow several.
  return { ...common, type: "multichoice", single: list.some((o) => o.right), options: answers };
}

/** One question's text (without its `$CATEGORY:` line), numbered `number`. */
function readQuestion(block: string, number: number, category: string | undefined): ImportedQuestion {
  let rest = block;
  const title = /^\s*::([\s\S]*?)::/.exec(rest);
  if (title) rest = rest.slice(title[0].length);
  const fmt = /^\s*\[(html|markdown|plain|moodle)\]/i.exec(rest);
  if (fmt) rest = rest.slice(fmt[0].length);
  const format = (fmt?.[1]?.toLowerCase() ?? "moodle") as Format;
  const lost: string[] = [];
  const open = rest.indexOf("{");
  const close = open < 0 ? -1 : rest.indexOf("}", open);
  const blocks = rest.match(/\{[^{}]*\}/g) ?? [];
  const before = open < 0 ? rest : rest.slice(0, open);
  const after = close < 0 ? "" : rest.slice(close + 1);
  // A blank stands where the answer block sat inside the sentence ("… was born in {…} in India").
  const rawText = after.trim() !== "" ? `${before.trimEnd()} _____ ${after.trimStart()}` : before;
  const text = convert(rawText, format, lost, "the question text");
  const name = title ? restore(title[1] ?? "").trim() : text.slice(0, 60);
  const body = open < 0 || close < 0 ? "" : rest.slice(open + 1, close);
  const [answers = "", general] = body.split("####");
  const generalFeedback = general?.trim() ? convert(general, format, lost, "the general feedback") : undefined;
  const common: ImportedCommon = {
    number, name: name || `Question ${number}`, text, lost,
    ...(category ? { category } : {}), ...(generalFeedback ? { generalFeedback } : {}),
  };
  if (open < 0) return { ...common, type: "skipped", sourceType: "description", reason: "a description has no answer (it is text shown between questions); put it in the context of the question it introduces" };
  if (close < 0) return { ...common, type: "skipped", sourceType: "unknown", reason: "its answer block { has no closing }" };
  if (blocks.length > 1) return { ...common, type: "skipped", sourceType: "cloze", reason: `it has ${blocks.length} answer blocks {…}; GIFT and the bank take one a question: split it into one question per blank` };
  return answerBlock(answers, common, format);
}

/**
 * Parses a GIFT file into imported questions, in file order; a question the bank cannot hold comes
 * back as `skipped` with its reason.
 * @example parseGift("::Pi:: Pi to two places? {#3.14:0.005}").questions[0] // { type: "numerical", answers: [{ value: 3.14, tolerance: 0.005, fraction: 1 }], … }
 */
export function parseGift(source: string): ImportedQuiz {
  const lines = protect(source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n")).split("\n").filter((line) => !/^\s*\/\//.test(line));
  const blocks = lines.join("\n").split(/\n\s*\n/).map((b) => b.trim()).filter((b) => b !== "");
  const questions: ImportedQuestion[] = [];
  let category: string | undefined;
  for (const block of blocks) {
    const cat = /^\$CATEGORY:(.*)(?:\n|$)/.exec(block);
    if (cat) category = categoryTitle(restore(cat[1] ?? "")) || undefined;
    const rest = cat ? block.slice(cat[0].length).trim() : block;
    if (rest !== "") questions.push(readQuestion(rest, questions.length + 1, category));
  }
  return { format: "gift", questions };
}
