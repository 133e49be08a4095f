import type { AnswerPart } from "../bank/schema.ts";
import { type AnalyzedText, analyzeText } from "./text-analysis.ts";

/**
 * Splits an answer written in labelled parts (4a-iii: "tanh: ...", "leaky relu: ...", "gelu: ...")
 * into the part each word belongs to, so "does not saturate" on the leaky ReLU line cannot be credited
 * to tanh. A line that starts with a part's name or alias and a mark ("tanh:", "A.", "- GELU -")
 * belongs to that part whole (GELU's line may mention tanh), and so do the unlabelled lines after it;
 * in a line with no label, a mention of a part's name ("... while leaky relu does not saturate")
 * starts that part. One-letter aliases count only at the
 * start of a line followed by `.`, `)` or `:`, so the article "a" is never a label.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function lineLabel(name: string): RegExp {
  if (name.length === 1) return new RegExp(`^\\(?${escape(name)}[.):]`, "i");
  const loose = name.trim().split(/[\s_-]+/).map(escape).join("[\\s_-]*");
  return new RegExp(`^${loose}\\s*(?:[:.)(\\-–—→⇒]|=>|$)`, "i");
}

/**
 * Puts each labelled part on its own line when a student wrote them on one line, as a console or
 * a one-line chat box forces: "tanh: ...; leaky relu: ...; gelu: ...".
 */
export function partsOnLines(text: string, parts: readonly AnswerPart[]): string {
  const names = parts.flatMap((p) => [p.label, ...p.aliases]).filter((n) => n.length > 1);
  if (names.length === 0) return text;
  const alternatives = names.map((n) => n.trim().split(/[\s_-]+/).map(escape).join("[\\s_-]*")).join("|");
  // "…; gelu: …", and after a sentence or a list: "… near 0. leaky relu: …", "…, gelu - …".
  const mark = String.raw`\s*(?::|\s[-–—]\s)`;
  const named = text.replace(new RegExp(`[;|]\\s*(?=(?:${alternatives})${mark})|[.,]\\s+(?=(?:${alternatives})${mark})`, "gi"), "\n");
  return lettersOnLines(named, parts);
}

/**
 * "A: … B: … C: …" or "A) … B) …" on one line: a one-letter label followed by `:` or `)` starts a
 * line, when at least two different ones are written so (one alone may be prose: "plan a) …").
 */
function lettersOnLines(text: string, parts: readonly AnswerPart[]): string {
  const letters = parts.flatMap((p) => [p.label, ...p.aliases]).filter((n) => n.length === 1).map(escape).join("");
  if (letters === "") return text;
  const label = new RegExp(`(?:^|\\s)\\(?([${letters}])[:)]\\s`, "gi");
  const found = new Set([...text.matchAll(label)].map((m) => m[1]!.toLowerCase()));
  if (found.size < 2) return text;
  return text.replace(new RegExp(`[\\s,;]+(?=\\(?[${letters}][:)]\\s)`, "gi"), "\n");
}

/** True when some line of `text` (after partsOnLines) starts with a part's label ("tanh: …", "B) …"). */
export function hasLabelledLine(text: string, parts: readonly AnswerPart[]): boolean {
  const labels = parts.flatMap((p) => [p.label, ...p.aliases]).map(lineLabel);
  return text.split(/\r?\n/).some((raw) => {
    const line = raw.replace(/^\s*(?:[-*•]+\s*)?/, "");
    return labels.some((l) => l.test(line));
  });
}

/** The part id of every token of `text` (undefined before any label). */
export function assignAnswerParts(text: string, analyzed: AnalyzedText, parts: readonly AnswerPart[]): Array<string | undefined> {
  const names = parts
    .flatMap((p) => [p.label, ...p.aliases].map((name) => ({ id: p.id, name, line: lineLabel(name) })))
    .sort((a, b) => b.name.length - a.name.length);
  const mentions = names
    .filter((n) => n.name.length > 1)
    .map((n) => ({ id: n.id, canons: analyzeText(n.name, analyzed.vocabulary).tokens.map((t) => t.canon) }))
    .filter((n) => n.canons.length > 0);

  const labelOfLine = text.split(/\r?\n/).map((raw) => {
    const line = raw.replace(/^\s*(?:[-*•]+\s*)?/, "");
    return names.find((n) => n.line.test(line))?.id;
  });

  const tokens = analyzed.tokens;
  const out: Array<string | undefined> = new Array(tokens.length).fill(undefined);
  let current: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const line = tokens[i]?.line ?? 0;
    const labelled = labelOfLine[line];
    if (labelled !== undefined) {
      current = labelled;
    } else {
      const mention = mentions.find((m) => m.canons.every((c, k) => tokens[i + k]?.canon === c && tokens[i + k]?.line === line));
      if (mention) current = mention.id;
    }
    out[i] = current;
  }
  return forEveryPart(analyzed, out);
}

/** The part id of a word said of every part. */
export const EVERY_PART = "*";
/** "all three", "none of them", "each of these": a sentence about every part at once. */
const EVERY = /\b(?:all|none|each|every|both)\s+(?:three|two|of\s+them|of\s+these|of\s+the\s+three|functions?|activations?)\b/;

/**
 * "all three are differentiable everywhere and none of them saturate", before any label: said of
 * every part, so each part's items may find it.
 */
function forEveryPart(analyzed: AnalyzedText, out: Array<string | undefined>): Array<string | undefined> {
  const tokens = analyzed.tokens;
  const sentences = new Map<number, string>();
  tokens.forEach((t, i) => {
    if (out[i] === undefined) sentences.set(t.sentence, `${sentences.get(t.sentence) ?? ""} ${t.surface}`);
  });
  for (const [sentence, words] of sentences) {
    if (!EVERY.test(words)) continue;
    tokens.forEach((t, i) => {
      if (t.sentence === sentence && out[i] === undefined) out[i] = EVERY_PART;
    });
  }
  return out;
}
