/**
 * The names students give a question's symbols in words ("the prediction minus the target" for
 * z - y): a bank lists them under a symbol's `words`, and a formula described in words is read with
 * them before anything else (formula-in-words.ts). Whole words only, with an optional "the", "our"
 * or "its" before and a plural after; a word listed for two symbols names neither.
 */

/** A pattern for one listed phrase, and the symbol it names. */
export type SymbolWords = ReadonlyArray<readonly [pattern: RegExp, name: string]>;

type Named = { readonly words?: readonly string[] | undefined };

/** The pattern of a phrase: its words, spaces or hyphens between them, a plural on the last. */
function phrasePattern(phrase: string): RegExp {
  const words = phrase.trim().toLowerCase().split(/[\s-]+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  // "labels" or "label": the last word with or without its plural ending.
  const last = words.pop()!.replace(/(?<!s)s$/, "");
  const body = [...words, `${last}(?:s|es)?`].join(String.raw`[\s-]+`);
  // Not inside a longer word or a hyphenated one: "activation" never names part of "pre-activation".
  return new RegExp(String.raw`(?<![\w-])(?:(?:the|our|its)\s+)?${body}(?![\w-])`, "gi");
}

/** The words of every symbol of `symbols`, longest first, so "network output" wins over "output". */
export function symbolWordsOf(...symbols: ReadonlyArray<Readonly<Record<string, Named>>>): SymbolWords {
  const owners = new Map<string, Set<string>>();
  for (const record of symbols) {
    for (const [name, spec] of Object.entries(record)) {
      for (const phrase of spec.words ?? []) {
        const key = phrase.trim().toLowerCase().replace(/[\s-]+/g, " ");
        if (key !== "") owners.set(key, (owners.get(key) ?? new Set()).add(name));
      }
    }
  }
  return [...owners]
    .filter(([, names]) => names.size === 1)
    .sort(([a], [b]) => b.length - a.length)
    .map(([phrase, names]) => [phrasePattern(phrase), [...names][0]!] as const);
}

/** `text` with every listed phrase replaced by its symbol's name; unchanged when none is listed. */
export function namedSymbols(text: string, words: SymbolWords): string {
  let out = text;
  // "the estimate z": a listed phrase followed by the symbol's own name is said once.
  for (const [pattern, name] of words) out = out.replace(new RegExp(String.raw`${pattern.source}(?:\s+${name}(?![\w'(]))?`, pattern.flags), ` ${name} `);
  return out === text ? text : out.replace(/[ \t]+/g, " ").trim();
}
