/**
 * numpy written as several statements, rewritten so each statement is an assignment the formula
 * reader can chain (`P = …; P = P ./ …`):
 * - in-place updates, `P /= s`, `P -= Y`, `G *= m` (numpy's `*` and `/` are elementwise);
 * - a mask, `g[u < 0] = 0` (numpy) or `g(u <= 0) = 0` (MATLAB): `g = step(u) .* g` (and `g[u > 0] = 0`
 *   the other gate, `(1 - step(u)) .* g`);
 * - the one-hot update `P[y, np.arange(m)] -= 1` (or `P[np.arange(m), y] -= 1`, `range(m)`): P minus
 *   the question's one-hot label matrix, when it has one;
 * - numpy's elementwise `/` in a statement that uses `np.`, and `.copy()` (the same values);
 * - method reductions `P.sum(0)`, `P.sum(axis=1)`, `P.sum()`, `np.exp(A).sum(axis=0, keepdims=True)` as
 *   `sum(P, 1)`, `sum(P, 2)`, `sum(P)`, `sum(np.exp(A), 1)`;
 * - the shift for numerical stability, `np.exp(A - A.max(0))` or `np.exp(A - np.max(A, axis=0))`:
 *   `exp(A)`, since the shift cancels when the columns are normalised (a softmax).
 * Text rewrites only: the result still goes through the parser and its allowlist.
 */

const NAME = String.raw`[A-Za-z][A-Za-z0-9_]*`;
const INDEX_RANGE = String.raw`(?:(?:np|numpy)\s*\.\s*)?(?:arange|range)\s*\(\s*[^()]*\)`;
const ONE_HOT_UPDATE = new RegExp(String.raw`^(\s*)(${NAME})\s*\[\s*(?:${NAME}\s*,\s*${INDEX_RANGE}|${INDEX_RANGE}\s*,\s*${NAME})\s*\]\s*-=\s*1\s*$`);
/** `g[u < 0] = 0` (numpy) or `g(u <= 0) = 0` (MATLAB): the entries where u is negative set to zero. */
const MASKED = new RegExp(String.raw`^(\s*)(${NAME})\s*[[(]\s*(.+?)\s*(<=?|≤|>=?|≥)\s*0(?:\.0*)?\s*[\])]\s*=\s*0(?:\.0*)?\s*$`);
const IN_PLACE = new RegExp(String.raw`^(\s*)(${NAME})\s*([-+*/])=\s*(.+)$`);
const CALLED = String.raw`(?:\s*\((?:[^()]|\([^()]*\))*\))?`;
const METHOD_SUM = new RegExp(String.raw`(?<![\w.])((?:(?:np|numpy)\s*\.\s*)?${NAME}${CALLED}|\((?:[^()]|\([^()]*\))*\))\s*\.\s*sum\s*\(\s*(?:axis\s*=\s*)?([01])?\s*(?:,\s*keepdims\s*=\s*True\s*)?\)`, "g");
const STABLE_EXP = new RegExp(
  String.raw`((?:(?:np|numpy)\s*\.\s*)?exp\s*\(\s*)(${NAME})\s*-\s*(?:\2\s*\.\s*max\s*\([^()]*\)|(?:(?:np|numpy)\s*\.\s*)?(?:max|amax)\s*\(\s*\2\s*(?:,[^()]*)?\))\s*\)`,
  "g",
);

const ELEMENTWISE: Readonly<Record<string, string>> = { "*": ".*", "/": "./", "+": "+", "-": "-" };

/** One statement rewritten; `onehot` names the question's one-hot label matrix, if any. */
function rewriteStatement(typed: string, onehot: string | undefined): string {
  // numpy's `/` is elementwise; a copy is the same values.
  const statement = (/\b(?:np|numpy)\s*\./.test(typed) ? typed.replace(/(?<![./])\/(?![/=])/g, " ./ ") : typed).replace(/\.\s*copy\s*\(\s*\)/g, "");
  const masked = MASKED.exec(statement);
  // Zeroing where u > 0 keeps the entries where u is negative: the other gate.
  const gate = /[<≤]/.test(masked?.[4] ?? "") ? `step(${masked?.[3]})` : `(1 - step(${masked?.[3]}))`;
  if (masked) return `${masked[1] ?? ""}${masked[2]} = ${gate} .* ${masked[2]}`;
  const hot = ONE_HOT_UPDATE.exec(statement);
  if (hot) return onehot ? `${hot[1] ?? ""}${hot[2]} = ${hot[2]} - ${onehot}` : statement;
  const update = IN_PLACE.exec(statement);
  if (update) return `${update[1] ?? ""}${update[2]} = ${update[2]} ${ELEMENTWISE[update[3] ?? ""] ?? "-"} (${update[4]})`;
  return statement;
}

/** Rewrites numpy statements (see the file comment); text without them comes back unchanged. */
export function rewriteNumpyStatements(text: string, onehot?: string): string {
  if (!/[-+*/]=|\.\s*(?:sum|copy)\s*\(|exp\s*\(|[\])]\s*=\s*0/.test(text)) return text;
  const statements = text.split(/(;|\n)/).map((part) => (part === ";" || part === "\n" ? part : rewriteStatement(part, onehot)));
  return statements.join("")
    .replace(STABLE_EXP, "$1$2)")
    .replace(METHOD_SUM, (_, name: string, axis: string | undefined) => (axis === undefined ? `sum(${name})` : `sum(${name}, ${Number(axis) + 1})`));
}
