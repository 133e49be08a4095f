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
const DEFINITION = /^\s*(?:let\s+|def\s+|where\s+|with\s+|and\s+)?([A-Za-z][A-Za-z0-9_]*)\s*(?::=|=)(?!=)\s*([\s\S]+)$/i;
const LEFT_SIDE = /^\s*(?:d\s*L\s*\/\s*d\s*\w+|dLd\w+|∂L\s*\/\s*∂\s*\w+|\\frac\{[^{}]*\}\{[^{}]*\}|grad(?:ient)?\s*\w*|answer|ans)\s*(?::=|=|:)(?!=)\s*/i;

/** Splits at `sep` (a sticky regex) outside brackets. */
export function splitTopLevel(text: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      sep.lastIndex = i;
      const m = sep.exec(text);
      if (m) {
        out.push(text.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  out.push(text.slice(start));
  return out.map((p) => p.trim()).filter((p) => p !== "");
}


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
  const sides = text.replace(LEFT_SIDE, "").split(/(?<![<>=!:])=(?!=)/).map((s) => s.trim()).filter((s) => s !== "");
  return sides.at(-1) ?? text.trim();
}

/** A lead-in in words before the formula: "the gradient is z - y", "the answer is …", "answer: …". */
const LEAD_IN = /^\s*(?:(?:so|thus|hence|then|i\s+got|i\s+get)\s+)?(?:(?:the|my)\s+)?(?:final\s+)?(?:answer|gradient|grad|result|derivative|expression|formula)(?:\s+(?:of|wrt|w\.r\.t\.?|with\s+respect\s+to)\s+\S+)?\s*(?:is\b|:)\s*/i;
/** Work shown first, the result last: "W1: mn, b1: m, …, total 2mn + lm + m + l". */
const TOTAL = /(?:^|[,;\n])\s*(?:in\s+)?(?:total|altogether)\s*(?:is\b|[:=])?\s*/gi;
/** Words that introduce a result after reasoning in words. */
const CONCLUSION = /(?:^|[\s,;])(?:so|therefore|thus|hence|which\s+gives|that\s+gives|giving)\s+/gi;
/** Names of functions a formula may end with; any other trailing plain word is a chat decoration. */
const FUNCTIONS = new Set(["softmax", "relu", "step", "sqrt", "norm", "exp", "log", "sum", "max", "min", "abs", "sigmoid", "tanh", "diag"]);

/**
 * The formula without the words around it: a lead-in ("the gradient is"), work before a stated
 * total, reasoning in words before "so …", and trailing chat ("or so", "i think", an emoji). A trailing word (two letters or more) is
 * dropped only when it cannot be part of the formula (not a declared name, nor made of declared
 * one-letter names, nor a function). Unchanged when nothing is recognised.
 */
export function withoutProse(typed: string, declared: ReadonlySet<string>): string {
  // An emoji, or question marks after the formula ("… * u ??"): chat, never part of it.
  let text = typed.replace(/\p{Extended_Pictographic}/gu, " ").replace(/\s*[?？]+\s*$/u, "").trim();
  const totals = [...text.matchAll(TOTAL)];
  const last = totals.at(-1);
  if (last && text.slice(last.index + last[0].length).trim() !== "") text = text.slice(last.index + last[0].length);
  const formulaWord = (w: string) => declared.has(w) || FUNCTIONS.has(w.toLowerCase()) || [...w].every((c) => declared.has(c));
  // Reasoning in words, then the result: "the same thing summed over the examples so (P - Y) u".
  const conclusion = [...text.matchAll(CONCLUSION)].at(-1);
  if (conclusion) {
    const before = text.slice(0, conclusion.index);
    const after = text.slice(conclusion.index + conclusion[0].length).trim();
    if (after !== "" && (before.match(/[A-Za-z]{3,}/g) ?? []).some((w) => !formulaWord(w))) text = after;
  }
  text = text.replace(LEAD_IN, "");
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

/**
 * Reads `text` as a formula answer. `declared` are the question's names (never treated as a
 * student's own definitions). The first candidate is the best reading; the raw text comes last.
 */
export function readFormula(typed: string, declared: ReadonlySet<string>): FormulaReading {
  const text = bracedPowers(withoutProse(typed, declared));
  const definitions = new Map<string, string>();
  const bodies: string[] = [];
  for (const statement of splitTopLevel(text, /[;\n]/y)) {
    // "(g .* (W3' dLdz)) x' where g = 1(W1 x) and h = …": definitions after the main part.
    const [main = "", ...defs] = statement.split(WHERE);
    for (const def of defs) {
      const m = DEFINITION.exec(def.replace(TAIL, ""));
      if (m && !declared.has(m[1] ?? "")) definitions.set(m[1] ?? "", lastSide(m[2] ?? ""));
    }
    const own = DEFINITION.exec(main);
    if (own && !declared.has(own[1] ?? "") && !LEFT_SIDE.test(main) && !/^d[A-Z]/.test(own[1] ?? "")) {
      definitions.set(own[1] ?? "", lastSide((own[2] ?? "").replace(TAIL, "")));
      bodies.push(main);
      continue;
    }
    if (main.trim() !== "") bodies.push(main);
  }
  // The answer is the last statement that is not a definition of the student's own name.
  const answer = [...bodies].reverse().find((b) => {
    const m = DEFINITION.exec(b);
    return !m || declared.has(m[1] ?? "") || LEFT_SIDE.test(b) || /^d[A-Z]/.test(m[1] ?? "");
  }) ?? bodies.at(-1) ?? text;
  const core = lastSide(answer.replace(TAIL, ""));
  const withDefs = definitions.size > 0 ? substitute(core, definitions) : core;
  const candidates = [withDefs, core, lastSide(answer), text.trim(), typed.trim()];
  return { candidates: [...new Set(candidates.filter((c) => c !== ""))] };
}
