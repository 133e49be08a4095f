/**
 * Finds the formula a student means in what they typed around it, before the math engine reads it:
 * - work shown after the result: `z - y, since L = ½‖z − y‖²` (the part before `since`/`because`);
 * - a chain `dL/dz = ½·2(z − y) = z − y`: its last side, the student's final expression;
 * - an example after it: `2^(h+1)-1, e.g. h=2 gives 7`; a LaTeX exponent group `2^{h+1}`;
 * - definitions, in any order: `where g = 1(W1 x)`, `let g = …`, `g = …;` on an earlier line, then an
 *   expression in `g`: each defined name that the question does not declare is replaced by its
 *   definition (in parentheses), so the answer is checked, not the definition.
 * Pure text work; names the question declares (z, dLdz) are never redefined by a student.
 */

import { rewriteNumpyStatements } from "../math/index.ts";
import { gradientNames, maskStep, splitStatements, splitTopLevel } from "./formula-statements.ts";

export { splitTopLevel };

/** What was read: candidate expressions, best first (the grader checks them in order). */
export interface FormulaReading {
  candidates: string[];
}

const TAIL = /(?:,|\s)\s*(?:(?:since|because|bc|cuz|cause|as|from|by|using|via|which|so that|i\.e\.?|for (?:example|instance)|(?:i|we)\s+(?:think|guess|got))\b|e\.\s?g\.?)[\s\S]*$/i;
/** A LaTeX group after `^`: `2^{h+1}` is `2^(h+1)`; `^{T}` and `^{\top}` stay (the engine reads them as a transpose). */
const BRACED_POWER = /\^\s*\{(?!\s*(?:T|\\top|⊤|ᵀ)\s*\})([^{}]*)\}/g;

/** Reads LaTeX exponent groups as parentheses, innermost first, so `\frac{2^{n}}{2}` is left with one level. */
function bracedPowers(text: string): string {
  let out = text;
  for (let before = ""; before !== out;) {
    before = out;
    out = out.replace(BRACED_POWER, "^($1)");
  }
  return out;
}
const WHERE = /(?:,\s*|\s+)(?:where|with|for|given|let|and)\s+(?=[A-Za-z][\w']*\s*(?::=|=)(?!=))/gi;
const DEFINITION = /^\s*(?:let\s+|def\s+|where\s+|with\s+|and\s+|then\s+|so\s+|given\s+)?([A-Za-z][A-Za-z0-9_]*)\s*(?::=|=)(?!=)\s*([\s\S]+)$/i;
const LEFT_SIDE = /^\s*(?:d\s*L\s*\/\s*d\s*\w+|dLd\w+|∂L\s*\/\s*∂\s*\w+|\\frac\{[^{}]*\}\{[^{}]*\}|grad(?:ient)?\s*\w*|answer|ans)\s*(?::=|=|:)(?!=)\s*/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces each defined name by its definition, a few rounds deep (a definition may use another). */
function substitute(expression: string, definitions: ReadonlyMap<string, string>): string {
  let out = expression;
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const [name, body] of definitions) {
      // "2p" is 2·p: a digit before the name is a coefficient.
      const re = new RegExp(String.raw`(?<![A-Za-z_.'])${escape(name)}(?![\w(])`, "g");
      const next = out.replace(re, `(${body})`);
      if (next !== out) {
        out = next;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return out;
}

/** The last side of an equality chain, without a left-hand side copied from the question. */
function lastSide(text: string): string {
  // Only an `=` outside brackets: `sum(S, axis=0)` is one side.
  const sides = splitTopLevel(text.replace(LEFT_SIDE, ""), /(?<![<>=!:])=(?!=)/y);
  return sides.at(-1) ?? text.trim();
}

/** A lead-in in words before the formula: "the gradient is z - y", "the answer is …", "answer: …". */
const LEAD_IN = /^\s*(?:(?:so|thus|hence|then|i\s+got|i\s+get)\s+)?(?:(?:the|my)\s+)?(?:final\s+)?(?:answer|gradient|grad|result|derivative|expression|formula)(?:\s+(?:of|wrt|w\.r\.t\.?|with\s+respect\s+to)\s+\S+)?\s*(?:is\b|:)\s*/i;
/** A pronoun before the result, "so it's z - y", "so its z - y" (typed without the apostrophe), "we get …". */
const PRONOUN_LEAD = /^\s*(?:it'?s|it\s+is|that'?s|we\s+get|you\s+get)\s+(?:just\s+|simply\s+|only\s+)?(?=\S)/i;
/** Work shown first, the result last: "W1: mn, b1: m, …, total 2mn + lm + m + l". */
const TOTAL = /(?:^|[,;\n]|\.(?=\s))\s*(?:in\s+)?(?:total|altogether)\s*(?:is\b|[:=])?\s*/gi;
/** Words that introduce a result after reasoning in words. */
const CONCLUSION = /(?:^|[\s,;])(?:so|therefore|thus|hence|which\s+gives|that\s+gives|giving)\s+/gi;
/** Names of functions a formula may end with; any other trailing plain word is a chat decoration. */
const FUNCTIONS = new Set(["softmax", "relu", "step", "sqrt", "norm", "exp", "log", "sum", "max", "min", "abs", "sigmoid", "tanh", "diag"]);

/** Whether a word can be part of a formula: a declared name, a run of declared one-letter names, a function. */
export function formulaWordOf(declared: ReadonlySet<string>): (w: string) => boolean {
  return (w) => declared.has(w) || FUNCTIONS.has(w.toLowerCase()) || [...w].every((c) => declared.has(c));
}

/** A dash or an arrow before a remark in words: "x' — not sure about the order", "(n+1)m + (m+1)l → Ws is fixed". */
const DASH = /\s+(?:—|–|--|-|→|->|=>)\s+(?=[A-Za-z])/g;

/** Cuts a remark after a dash: it starts with a word that is not the formula's and has two or more such words. */
function withoutDashComment(text: string, formulaWord: (w: string) => boolean): string {
  for (const m of text.matchAll(DASH)) {
    const rest = text.slice(m.index + m[0].length);
    const first = /^[A-Za-z]+/.exec(rest)?.[0] ?? "";
    const prose = (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !formulaWord(w));
    if (m.index > 0 && !formulaWord(first) && prose.length >= 2) return text.slice(0, m.index).trim();
    // "… -> shape c×d": the shape of the result, said after it.
    if (m.index > 0 && /^(?:shape|size|dims?|dimensions?)$/i.test(first)) return text.slice(0, m.index).trim();
  }
  return text;
}

/** A shape: "c x d", "c × 1", "c". */
const SHAPE_ASIDE = /^\s*(?:shape\s*:?\s*)?[A-Za-z0-9]+(?:\s*[x×,]\s*[A-Za-z0-9]+)*\s*$/;
/** An aside that denies an alternative, one level of brackets inside it allowed. */
const DENIED = /\(\s*(?:not|never|rather\s+than|instead\s+of)\b(?:[^()]|\([^()]*\))*\)/gi;
/** A bracketed group with no bracket inside it. */
const GROUP = /\(([^()]*)\)/g;

/**
 * Drops asides in words in parentheses, "(column wise)", "(just the row sums of P - Y)": a group
 * with two or more words the formula cannot hold, and more such words than formula tokens.
 */
function withoutAsides(typed: string, formulaWord: (w: string) => boolean): string {
  // "(not -(z - y))", "(rather than …)": an alternative denied, not part of the formula.
  const text = typed.replace(DENIED, " ");
  return text.replace(GROUP, (group, inside: string, at: number) => {
    // `f(...)` is a call, never an aside.
    if (/[A-Za-z0-9_']$/.test(text.slice(0, at))) return group;
    // "(c x d)", "(c × 1)" at the end of a part: the result's shape, in names the question does not declare.
    const rest = text.slice(at + group.length);
    if (SHAPE_ASIDE.test(inside) && /[A-Za-z]/.test(inside) && /^\s*(?:$|[;,\n]|\.(?:\s|$))/.test(rest) && !/[A-Za-z]\w/.test(inside) && inside.trim().split(/\s*(?:×|,|\bx\b)\s*/).every((w) => w !== "" && !formulaWord(w))) return " ";
    const words = inside.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];
    const prose = words.filter((w) => w.length >= 2 && !formulaWord(w));
    return prose.length >= 2 && prose.length > words.length - prose.length ? " " : group;
  });
}

/** A simplification after the work: the last result stated is the answer ("…, which simplifies to (m+1)(n+l)"). */
const SIMPLIFIES = /(?:,\s*|\s+)(?:(?:which|that|this|it|and)\s+)?(?:simplifies|reduces|factors|factori[sz]es|collapses)\s+(?:down\s+)?(?:to|into|as)\s+/gi;
/** A sentence that states the result after prose: "… . The gradient is the vector z - y", "… . That's 2mn + …". */
const STATED = /(?:^|[.!?;]\s+|\n\s*)(?:(?:so|thus|hence|then)\s+)?(?:(?:(?:the|my)\s+)?(?:final\s+)?(?:answer|gradient|grad|result|derivative|expression|formula|total|count)(?:\s+(?:of|wrt|w\.r\.t\.?|with\s+respect\s+to)\s+\S+)?\s+is|that'?s|that\s+is|it'?s|it\s+is)\s+(?!not\b)(?:just\s+|simply\s+)?(?:the\s+(?:column\s+|row\s+)?(?:vector|matrix)\s+)?(?=\S)/gi;
/** A clause of words that ends in a colon before the formula: "x feeds two branches, so add both:". */
const COLON_LEAD = /:\s+/g;

/** Whether `text` has more words than formula tokens: three or more words the formula cannot hold, and no `=`. */
function isProse(text: string, formulaWord: (w: string) => boolean): boolean {
  if (/=/.test(text)) return false;
  const words = text.match(/[A-Za-z][A-Za-z0-9_']*/g) ?? [];
  const prose = words.filter((w) => w.length >= 2 && !formulaWord(w));
  return prose.length >= 3 && prose.length > words.length - prose.length;
}

/**
 * The result stated after prose, without the prose: the part after the last "simplifies to", after
 * a clause of words ending in a colon, or after the last sentence that states it ("The gradient is
 * …", "That's …"). Only when what comes before defines no names (steps stay whole) and what is
 * left holds a formula. Unchanged otherwise.
 */
function afterStatedResult(typed: string, formulaWord: (w: string) => boolean): string {
  let text = typed;
  const hasFormula = (t: string) => /[\d+*/^()_\\@⊙·×−-]/.test(t) || (t.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).some(formulaWord);
  const simplified = [...text.matchAll(SIMPLIFIES)].at(-1);
  if (simplified && hasFormula(text.slice(simplified.index + simplified[0].length))) text = text.slice(simplified.index + simplified[0].length);
  const colon = [...text.matchAll(COLON_LEAD)].at(-1);
  if (colon && isProse(text.slice(0, colon.index).split(/[.!?\n]\s+/).at(-1) ?? "", formulaWord) && hasFormula(text.slice(colon.index + colon[0].length))) {
    text = text.slice(colon.index + colon[0].length);
  }
  const stated = [...text.matchAll(STATED)].at(-1);
  if (stated && stated.index > 0) {
    const before = text.slice(0, stated.index);
    const after = text.slice(stated.index + stated[0].length);
    if (!/[A-Za-z]\w*\s*:?=(?!=)/.test(before) && hasFormula(after)) text = after;
  }
  return text.trim();
}

/**
 * The formula without the words around it: a lead-in ("the gradient is"), work before a stated
 * total, reasoning in words before "so …", a remark after a dash, and trailing chat ("or so", "i think", an emoji). A trailing word (two letters or more) is
 * dropped only when it cannot be part of the formula (not a declared name, nor made of declared
 * one-letter names, nor a function). Unchanged when nothing is recognised.
 */
export function withoutProse(typed: string, declared: ReadonlySet<string>): string {
  // An emoji, or question marks after the formula ("… * u ??"): chat, never part of it.
  let text = typed.replace(/\p{Extended_Pictographic}/gu, " ").replace(/\s*[?？]+\s*$/u, "").trim();
  const formulaWord = formulaWordOf(declared);
  text = withoutAsides(text, formulaWord).trim();
  text = withoutDashComment(text, formulaWord);
  text = afterStatedResult(text, formulaWord);
  const totals = [...text.matchAll(TOTAL)];
  const last = totals.at(-1);
  if (last && text.slice(last.index + last[0].length).trim() !== "") text = text.slice(last.index + last[0].length);
  // Reasoning in words, then the result: "the same thing summed over the examples so (P - Y) u".
  const conclusion = [...text.matchAll(CONCLUSION)].at(-1);
  if (conclusion) {
    const before = text.slice(0, conclusion.index);
    const after = text.slice(conclusion.index + conclusion[0].length).trim();
    // Steps that define names before it ("v = W3' dLdz, zero out …, so dx = …") are kept.
    const steps = /(?:^|[,;.]\s*)(?:let\s+)?[A-Za-z]\w*\s*:?=(?!=)/.test(before);
    if (after !== "" && !steps && (before.match(/[A-Za-z]{3,}/g) ?? []).some((w) => !formulaWord(w))) text = after;
  }
  text = text.replace(PRONOUN_LEAD, "").replace(LEAD_IN, "");
  let dropped = false;
  for (let words = text.split(/\s+/); words.length > 1; words = text.split(/\s+/)) {
    const tail = words.at(-1)!;
    if (!/^[A-Za-z]{2,}[.!?]*$/.test(tail) || formulaWord(tail.replace(/[.!?]+$/, ""))) break;
    text = words.slice(0, -1).join(" ");
    dropped = true;
  }
  // "… i think", "… we get": the pronoun went with the words dropped after it.
  if (dropped) text = text.replace(/\s+(?:i|we)$/i, "");
  return text.trim() === "" ? typed : text.trim();
}

/** The result after the last "so …"/"hence …" of worked text ("…, derivative is 2(z-y)/2 so just z - y"), or "". */
function concluded(typed: string): string {
  const last = [...typed.matchAll(CONCLUSION)].at(-1);
  if (!last) return "";
  const after = typed.slice(last.index + last[0].length).replace(/^\s*(?:(?:it\s+is|it's|we\s+get|you\s+get)\s+)?(?:just|simply|only)?\s*/i, "");
  return lastSide(after.replace(TAIL, "")).trim();
}

/** An arrow that leads from work in words to its result: "two m-by-n matrices, … → 2mn + lm + m + l". */
const ARROW = /\s*(?:→|⟶|->|=>|⇒|⟹)\s*/g;

/** The result after the last arrow, without the words around it, or "". */
function afterArrow(typed: string, declared: ReadonlySet<string>): string {
  const last = [...typed.matchAll(ARROW)].at(-1);
  if (!last) return "";
  const after = typed.slice(last.index + last[0].length);
  return after.trim() === "" ? "" : lastSide(withoutProse(after, declared).replace(TAIL, "")).trim();
}

/** Greek letters a student names an intermediate with (`δ = W3ᵀ dLdz ⊙ 1(W1x)`), as Latin names; π stays. */
const GREEK: Readonly<Record<string, string>> = {
  α: "alpha", β: "beta", γ: "gamma", δ: "delta", ε: "epsilon", ζ: "zeta", η: "eta", θ: "theta", κ: "kappa",
  λ: "lambda", μ: "mu", ν: "nu", ξ: "xi", ρ: "rho", σ: "sigma", τ: "tau", φ: "phi", χ: "chi", ψ: "psi", ω: "omega", Δ: "Delta",
};

function greekNames(text: string): string {
  return text.replace(/[α-ωΔ]/g, (c) => (GREEK[c] ? ` ${GREEK[c]} ` : c)).replace(/ {2,}/g, " ");
}

/** A name that labels a gradient: `dW1`, `dLdb`, or `dx` for a declared `x`. */
function isGradientName(name: string, declared: ReadonlySet<string>): boolean {
  return /^d[A-Z]/.test(name) || /^dLd/.test(name) || (name.length > 1 && name.startsWith("d") && declared.has(name.slice(1)));
}

interface Step {
  text: string;
  /** The name a step assigns, when it is the student's own (a definition, never a declared name). */
  defines?: string;
  /** Whether the step may be the answer: an expression, or an assignment to a gradient name. */
  answer: boolean;
  /** An assignment to a name the question declares: the answer only when nothing else can be. */
  restates?: boolean;
}

function readStep(text: string, declared: ReadonlySet<string>): Step {
  const m = DEFINITION.exec(text);
  const name = m?.[1] ?? "";
  if (!m) return { text, answer: true };
  if (isGradientName(name, declared)) return { text, defines: name, answer: true };
  if (LEFT_SIDE.test(text)) return { text, answer: true };
  // "…, and b = W1 x": restating a name the question declares is neither the answer nor a definition.
  if (declared.has(name)) return { text, answer: false, restates: true };
  return { text, defines: name, answer: false };
}

/**
 * Reads `text` as a formula answer. `declared` are the question's names (never treated as a
 * student's own definitions). The first candidate is the best reading; the raw text comes last.
 * Steps are read in order (see formula-statements.ts): a name defined twice takes its new value
 * from the old one (`P = exp(A)`, then `P = P ./ sum(P, 1)`).
 */
export function readFormula(typed: string, declared: ReadonlySet<string>): FormulaReading {
  const text = bracedPowers(gradientNames(rewriteNumpyStatements(withoutProse(greekNames(typed), declared))));
  const steps: Step[] = [];
  let lastDefined: string | undefined;
  for (const statement of splitStatements(text)) {
    // "(g .* (W3' dLdz)) x' where g = 1(W1 x) and h = …": definitions after the main part.
    const [main = "", ...defs] = statement.split(WHERE);
    const step = readStep(maskStep(main, lastDefined) ?? main, declared);
    if (step.text.trim() !== "") steps.push(step);
    lastDefined = step.defines ?? lastDefined;
    for (const def of defs) {
      const d = readStep(def.replace(TAIL, ""), declared);
      if (d.defines) steps.push({ ...d, answer: false });
    }
  }
  // The answer is the last step that is not a definition of the student's own name.
  const answer = [...steps].reverse().find((s) => s.answer) ?? [...steps].reverse().find((s) => s.restates) ?? steps.at(-1);
  const definitions = new Map<string, string>();
  for (const step of steps) {
    if (step === answer || !step.defines) continue;
    const m = DEFINITION.exec(step.text);
    definitions.set(step.defines, substitute(lastSide((m?.[2] ?? "").replace(TAIL, "")), definitions));
  }
  const body = answer?.text ?? text;
  const core = lastSide(body.replace(TAIL, ""));
  const withDefs = definitions.size > 0 ? substitute(core, definitions) : core;
  const candidates = [withDefs, core, lastSide(body), text.trim(), typed.trim(), concluded(typed), afterArrow(typed, declared)];
  return { candidates: [...new Set(candidates.filter((c) => c !== ""))] };
}
