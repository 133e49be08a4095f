import { maskStep } from "./formula-statements.ts";
import { type SymbolWords, namedSymbols } from "./symbol-words.ts";

/**
 * Reads a formula described in words, the way a TA follows it, for the grader to check by value
 * (and a TA to confirm, since words are read by pattern):
 * - operator words: "W3 transposed" / "the transpose of W3" (W3'), "times" / "multiplied by" (*),
 *   "elementwise" / "hadamard product with" (.*), "plus" (+), "minus" (-), "indicator of W1x" /
 *   "the relu gate of W1x" (step(W1x)), "outer product with x" (* x'), and filler such as
 *   "the upstream gradient dL/dz";
 * - steps applied in turn to a running value: "take W3ᵀ dL/dz, zero out the entries where W1x < 0,
 *   then outer product with x"; "multiply by xᵀ on the right", "multiply by W1ᵀ on the left";
 * - paths that add: "the two paths add: through W2 it's …, and through the relu path it's …";
 * - a count itemised in words: "mn for W1, mn for Ws, lm for W2, then m + l biases" (the sum), or said
 *   with "twice", "plus", after work in words and a colon;
 * - "the upstream gradient" for the question's one declared gradient; "add both" paths, a path given
 *   as steps; "multiply by W1ᵀ" (side not said) read both ways, the grader keeping the one whose shapes fit;
 * - "W1ᵀ applied to v" (W1' * v), "times, entry by entry," (.*), "the on/off pattern of W1x" (step(W1x));
 *   "how far z sits from y, pointing from y to z" and "the vector from y to z" (z - y; without the
 *   direction the sign is not said, so it is not read); the result after work in sentences ("…
 *   Differentiating leaves z take away y", "is just …");
 * - the symbols named in words the bank lists for them ("the prediction minus the target": z - y),
 *   read first (symbol-words.ts); a word the bank does not list stays a word, so the text is not read.
 * Empty when words remain that are not the question's names.
 */

const NAME = String.raw`[A-Za-z][A-Za-z0-9_]*(?:\s*\/\s*d[A-Za-z0-9_]+)?`;
const OPERAND = String.raw`(?:\((?:[^()]|\([^()]*\))*\)|${NAME}(?:\s+[a-z](?![\w(]))?)`;

const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:the\s+)?(?:upstream\s+|incoming\s+)?(?:grad(?:ient)?\s+)(?=d\s*L\s*\/\s*d|dLd)/gi, ""],
  [new RegExp(String.raw`\b(?:the\s+)?transpose\s+of\s+(${NAME})`, "gi"), "$1'"],
  [new RegExp(String.raw`(${NAME})\s+transpose[ds]?\b`, "gi"), "$1'"],
  [new RegExp(String.raw`\b(?:the\s+)?(?:relu\s+)?(?:indicator|gate|mask|derivative\s+of\s+relu|relu\s+derivative|step|on\s*\/\s*off\s+(?:pattern|switch))\s+(?:function\s+)?(?:of\s+relu\s+)?(?:of|at|on)\s+(${OPERAND})`, "gi"), "step($1)"],
  [new RegExp(String.raw`\b(?:then\s+)?(?:the\s+|an\s+)?outer\s+product\s+with\s+(${NAME})`, "gi"), "* $1'"],
  [/\bmultiply\s+(?:it\s+)?(?:element\s*-?\s*wise|pointwise)\s+(?:by|with)\b/gi, " .* "],
  [/\b(?:then\s+)?(?:right[\s-]multiply|multiply\s+(?:it\s+)?(?:on\s+the\s+right\s+)?)\s*by\b/gi, " * "],
  [/\s+on\s+the\s+right\b/gi, ""],
  // "times, entry by entry, …": the product entry by entry is the elementwise one.
  [/\b(?:times|multiplied\s+by)\s*,?\s*entry\s+by\s+entry\s*,?/gi, " .* "],
  // "W1 transposed applied to v": a matrix applied to a vector multiplies it on the left.
  [/\s+applied\s+to\b/gi, " * "],
  [/\b(?:element\s*-?\s*wise|hadamard(?:\s+product)?|pointwise)(?:(?:\s+|\s*-\s*)(?:times|multiplied\s+by|multiply\s+by|product\s+with|with|by))?/gi, " .* "],
  // "how far z sits from y, pointing from y to z", "the vector from y to z": an arrow from y to z is
  // z - y. Without the direction ("how far z is from y") the sign is not said, so it is not read.
  [new RegExp(String.raw`\b(?:how\s+far|the\s+(?:gap|distance|offset))\b[^,.;]*?,?\s*pointing\s+from\s+(${OPERAND})\s+to(?:wards?)?\s+(${OPERAND})`, "gi"), "($2 - $1)"],
  [new RegExp(String.raw`\b(?:the\s+|a\s+)?(?:vector|arrow|displacement)\s+(?:pointing\s+|going\s+)?from\s+(${OPERAND})\s+to(?:wards?)?\s+(${OPERAND})`, "gi"), "($2 - $1)"],
  // "subtract y from z", "take y away from z": the second is the one subtracted from.
  [new RegExp(String.raw`\b(?:subtract|take)\s+(${OPERAND})\s+(?:away\s+)?from\s+(${OPERAND})`, "gi"), "($2 - $1)"],
  // "the difference between z and y", "the product of m and n": in the order said.
  [new RegExp(String.raw`\b(?:the\s+)?difference\s+(?:between|of)\s+(${OPERAND})\s+and\s+(${OPERAND})`, "gi"), "($1 - $2)"],
  [new RegExp(String.raw`\b(?:the\s+)?product\s+of\s+(${OPERAND})\s+and\s+(${OPERAND})`, "gi"), "($1 * $2)"],
  [/\b(?:times|multiplied\s+by|matrix[\s-]multiplied\s+by)\b/gi, " * "],
  // "m times n twice": a term counted twice, said after it.
  [/((?:[A-Za-z0-9]+\s*\*\s*)*[A-Za-z0-9]+)\s+twice\b/g, " 2 * $1 "],
  // "twice m times n", "two times m times n", "one half of …": a count or a constant said in words.
  [/\btwice\b/gi, " 2 * "],
  // "the true y", "the actual y": an adjective before a name (a word left after it stays unread).
  [/\b(?:the\s+)?(?:true|actual|real)\s+(?=[A-Za-z]\w*\b)/gi, ""],
  [/\b(?:one[\s-])?half\s+(?:of\s+)?(?:times\s+)?/gi, " 0.5 * "],
  [/\btwo\b/gi, " 2 "],
  [/\bthree\b/gi, " 3 "],
  [/\bplus\b/gi, " + "],
  [/\b(?:minus|subtract|take\s+away)\b/gi, " - "],
];

/** A remark in brackets that restates the step before it: "(times x transpose)", "(i.e. x^T)". */
const RESTATEMENT = /\s*\(\s*(?:i\.?e\.?|that\s+is|aka|or|times|=)[^()]*\)/gi;
const START = /^\s*(?:(?:first|then|and|so)\s+)?(?:take|start\s+with|compute|begin\s+with)\s+/i;
const PATHS = /\b(?:paths?|terms?|branches|parts|contributions|roads)\s+(?:add|are\s+added|sum|must\s+be\s+added|should\s+be\s+added)\b|\badd\s+(?:up\s+)?(?:both|(?:the\s+)?two)(?:\s+(?:paths|terms|branches|parts|contributions|gradients|things|pieces))?\b|\b(?:sum|total)\s+of\s+(?:the\s+|both\s+)?(?:two\s+)?(?:paths|terms|branches|parts|pieces|contributions|branch\s+gradients|path\s+gradients)\b/i;
const CLAUSE_VALUE = /\b(?:it'?s|it\s+is|gives|is|=|you\s+(?:do|take|get))\s+(.+)$/i;

/** The words turned into operators; only names, operators and brackets should remain. */
function operators(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PHRASES) out = out.replace(pattern, replacement);
  return out.replace(/\s+/g, " ").trim();
}

/** True when every word left is one of the question's names or a function the engine knows. */
function onlyFormula(text: string, declared: ReadonlySet<string>): boolean {
  const words = text.replace(/d\s*L\s*\/\s*d\s*\w+/g, " ").match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];
  return words.length > 0 && words.every((w) => declared.has(w) || w === "step" || w === "relu" || w.length === 1 || [...w].every((c) => declared.has(c) || /\d/.test(c)) || /^[A-Za-z]\d+[a-z]?$/.test(w));
}

/**
 * Where steps split: a comma (with "then" or "and"), "then", "and then", or "and" before a verb of a
 * step ("go back through W3ᵀ and zero out …").
 */
const STEP_JOIN = /\s*,\s*(?:and\s+)?(?:then\s+)?|\s+(?:and\s+)?then\s+|\s+and\s+(?=(?:zero|keep|mask|multiply|go|send|switch)\b)/i;

/** "send dL/dz back through W3ᵀ": the value, then the factor it goes back through (on the left). */
const SEND_BACK = /^(?:send|pass|push|propagate)\s+(.+?)\s+back(?:wards)?\s+through\s+(.+)$/i;
/** "go back through W3ᵀ": the running value goes back through a factor (on the left). */
const GO_BACK = /^(?:(?:first|then)\s+)?(?:go|come|pass|send\s+it|propagate\s+it)\s+back(?:wards)?\s+through\s+(.+)$/i;

/** "multiply by W1ᵀ", "then multiply it by W1ᵀ": a product whose side is not said. */
const ANY_SIDE = /^(?:then\s+)?multiply\s+(?:it\s+|that\s+\w+\s+)?(?:by|with)\s+(.+)$/i;

/**
 * Steps applied to a running value, in order: the readings of the whole, literal first; [] when a
 * step is not read. A product whose side is not said ("then multiply by W1ᵀ") is read both ways: the
 * engine keeps the order whose shapes fit, as a TA reads it.
 */
function pipeline(steps: string[], declared: ReadonlySet<string>): string[] {
  let values: string[] = [];
  for (const raw of steps) {
    const step = raw.replace(START, "").trim();
    const mask = maskStep(step, "g");
    if (mask) {
      if (values.length === 0) return [];
      values = values.map((value) => mask.replace(/^g = /, "").replace(/\bg$/, `(${value})`));
      continue;
    }
    // "send dL/dz back through W3ᵀ", "go back through W3ᵀ" (from the upstream gradient when first):
    // back through a product is a factor on the left.
    const sent = SEND_BACK.exec(step);
    const back = sent ? operators(sent[2] ?? "") : operators(GO_BACK.exec(step)?.[1] ?? "");
    if (back !== "") {
      const from = sent ? [operators(sent[1] ?? "")] : values.length > 0 ? values : [...declared].filter((n) => /^dLd\w+$/.test(n));
      if (from.length !== 1 && values.length === 0) return [];
      if (!onlyFormula(back, declared) || !from.every((v) => onlyFormula(v, declared) || /^(?:d\s*L\s*\/\s*d\s*\w+|dLd\w+)$/.test(v))) return [];
      values = from.map((value) => `${back} * (${value})`);
      continue;
    }
    // "multiply by W1ᵀ on the left", "left-multiply by W1ᵀ": the factor goes first.
    // "multiply x transposed by that vector from the left": the factor named first goes on the left.
    const onto = /^(?:then\s+)?multiply\s+(.+?)\s+by\s+(?:it|that(?:\s+vector)?|this(?:\s+vector)?|the\s+result)\s+from\s+the\s+left$/i.exec(step);
    if (onto) {
      const first = operators(onto[1] ?? "");
      if (values.length === 0 || !onlyFormula(first, declared)) return [];
      values = values.map((value) => `${first} * (${value})`);
      continue;
    }
    const left = /^(?:then\s+)?(?:left[\s-]multiply\s+(?:it\s+)?by\s+(.+)|multiply\s+(?:it\s+)?(?:on\s+the\s+left\s+by\s+(.+)|by\s+(.+?)\s+on\s+the\s+left))$/i.exec(step);
    const factor = left ? operators(left[1] ?? left[2] ?? left[3] ?? "") : undefined;
    if (factor !== undefined) {
      if (values.length === 0 || !onlyFormula(factor, declared)) return [];
      values = values.map((value) => `${factor} * (${value})`);
      continue;
    }
    const either = /\bon\s+the\s+(?:left|right)\b/i.test(step) ? null : ANY_SIDE.exec(step);
    const other = either ? operators(either[1] ?? "") : undefined;
    if (other !== undefined && values.length > 0 && onlyFormula(other, declared)) {
      values = values.flatMap((value) => [`(${value}) * ${other}`, `${other} * (${value})`]).slice(0, 8);
      continue;
    }
    const op = operators(step);
    if (!onlyFormula(op, declared)) return [];
    if (/^(?:\.\*|\*|\+|-)/.test(op)) {
      if (values.length === 0) return [];
      values = values.map((value) => `(${value}) ${op}`);
    } else values = [op];
  }
  return values;
}

/** Where an itemised count splits: a comma (with "then", "and", "plus"), or "then"/"plus" alone. */
const ITEM_JOIN = /\s*,\s*(?:then\s+|and\s+|plus\s+)?|\s+(?:then|plus)\s+/i;
/** A formula at the start of an item, before the words that say what it counts. */

/**
 * A count itemised in words, each term followed by what it counts: "2 times mn for the two input
 * matrices, lm for the output one, then m + l biases on top" is the sum of the terms. Undefined
 * unless every item starts with a formula and at least one item says what it counts.
 */
function itemisedSum(text: string, declared: ReadonlySet<string>): string | undefined {
  const items = text.split(ITEM_JOIN).filter((i) => i.trim() !== "");
  if (items.length < 2) return undefined;
  const terms: string[] = [];
  let described = false;
  for (const item of items) {
    const op = operators(item);
    const words = op.split(/\s+/);
    // The longest run of leading words that is a formula alone.
    let cut = 0;
    for (let i = 1; i <= words.length; i++) if (onlyFormula(words.slice(0, i).join(" "), declared) || /^[\d\s()+*/^.'-]+$/.test(words.slice(0, i).join(" "))) cut = i;
    if (cut === 0) return undefined;
    const term = words.slice(0, cut).join(" ").replace(/[+*/^-]\s*$/, "").trim();
    if (!/[\dA-Za-z]/.test(term)) return undefined;
    described ||= cut < words.length;
    terms.push(`(${term})`);
  }
  return described ? terms.join(" + ") : undefined;
}

/**
 * The readings of `text` when it is a formula described in words (see the file comment), literal
 * first; [] when it is not read.
 */
export function formulaInWords(typed: string, declared: ReadonlySet<string>, words: SymbolWords = []): string[] {
  const text = namedSymbols(typed, words);
  const read = describedFormula(upstream(text, declared), declared);
  if (read.length > 0) return read;
  // Work in words, then the result after a colon: "two m-by-n matrices, …: twice m times n, plus …".
  const colon = /:(?!=)\s*([^:]+)$/.exec(text);
  const afterColon = colon?.[1] ? describedFormula(upstream(colon[1], declared), declared) : [];
  if (afterColon.length > 0) return afterColon;
  // Work in sentences, then the result in the last: "… Differentiating with respect to z leaves z take away y."
  const result = /(?:^|[.!?]\s+)[^.!?]*?\b(?:leaves|leaving|you\s+get|we\s+get|that\s+gives|is\s+(?:just|simply))\s+([^.!?]+)[.!?]?\s*$/i.exec(text);
  return result?.[1] ? describedFormula(upstream(result[1], declared), declared) : [];
}

/**
 * "the upstream gradient", "times upstream": the gradient that flows in from above, which is the
 * question's one declared gradient (`dLdz`); left as words when there is none or more than one.
 */
function upstream(text: string, declared: ReadonlySet<string>): string {
  const gradients = [...declared].filter((n) => /^dLd\w+$/.test(n));
  if (gradients.length !== 1) return text;
  // Not when the name follows: "the upstream gradient dL/dz" is read as the name alone (see PHRASES).
  return text.replace(/\b(?:the\s+)?(?:upstream|incoming)(?:\s+grad(?:ient)?)?\b/gi, (words, at: number, all: string) =>
    (/^\s*(?:grad\w*\s*)?\(?\s*(?:d\s*L|∂|dLd)/.test(all.slice(at + words.length)) ? words : gradients[0]!));
}

/** The clause of one path: a value, or steps applied in turn ("W3ᵀ times dLdz, gate it where …, then …"). */
function pathValue(clause: string, declared: ReadonlySet<string>): string[] {
  // A value whole first: commas inside it ("v times, entry by entry, w") do not split steps.
  const whole = operators(clause);
  if (whole !== "" && onlyFormula(whole, declared)) return [whole];
  const steps = clause.split(STEP_JOIN).filter((s) => s.trim() !== "");
  if (steps.length > 1) return pipeline(steps, declared);
  const term = operators(clause);
  return term !== "" && onlyFormula(term, declared) ? [term] : [];
}

/**
 * A remark on the shape after the formula: ", an m-long vector", ", a p×n matrix". Not one that says
 * "row" or "transpose", which claims a different answer.
 */
const SHAPE_REMARK = /,\s*(?:a|an|which\s+is\s+an?|it'?s\s+an?)\s+[^,]{0,30}\b(?:vector|matrix|column|scalar)\b[^,]{0,32}$/i;

/**
 * Words after the formula that justify it or say what it is: ", since the derivative of a square …",
 * ", that gives the p by n gradient for W1", ". That's the gradient for x.": not part of the value.
 */
const AFTERWORD = /(?:,\s*(?:since|because|as|from|which\s+(?:is|gives)|that\s+(?:is|gives))\b|\.\s+(?:that'?s|that\s+is|this\s+is|which\s+is)\s+the\s+(?:gradient|answer|derivative|result)\b)[^.]*\.?\s*$/i;

function describedFormula(typed: string, declared: ReadonlySet<string>): string[] {
  const trimmed = typed.trim().replace(AFTERWORD, "").replace(/[.!]+$/, "");
  const remark = SHAPE_REMARK.exec(trimmed);
  const text = remark && !/\brow\b|transpos/i.test(remark[0]) ? trimmed.slice(0, remark.index) : trimmed;
  if (!/[A-Za-z]{4,}/.test(text)) return [];
  const plain = text.replace(RESTATEMENT, "");
  if (PATHS.test(plain)) {
    const body = plain.slice(plain.search(PATHS)).replace(/^[^:]*:\s*/, "");
    // "through W2 it's W2ᵀ dL/dz, and through …", or the terms alone: "W2ᵀ dL/dz, plus W1ᵀ (…)".
    const clauses = body.split(/\s*(?:,\s*and|,\s*plus|;|\band\s+through)\s+/i).map((c) => CLAUSE_VALUE.exec(c)?.[1] ?? c);
    if (clauses.length < 2) return [];
    let sums = [""];
    for (const clause of clauses) {
      const values = pathValue(clause, declared);
      if (values.length === 0) return [];
      sums = sums.flatMap((sum) => values.map((v) => (sum === "" ? `(${v})` : `${sum} + (${v})`))).slice(0, 8);
    }
    return sums;
  }
  const steps = plain.split(STEP_JOIN).filter((s) => s.trim() !== "");
  const piped = pipeline(steps, declared);
  if (piped.length > 0) return piped;
  const sum = itemisedSum(plain, declared);
  if (sum !== undefined) return [sum];
  // A value whose phrase has a comma inside: "how far z sits from y, pointing from y to z".
  const whole = operators(plain);
  return !whole.includes(",") && onlyFormula(whole, declared) ? [whole] : [];
}
