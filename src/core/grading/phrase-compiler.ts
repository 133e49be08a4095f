import { type PhraseReading, readPhrase } from "./phrase-reading.ts";
import { BASE_VOCABULARY, type Vocabulary } from "./vocabulary.ts";

/**
 * Rubric phrases read once for matching (phrase-matcher.ts): the reading of phrase-reading.ts, the
 * matching keys, and the phrase with neighbouring words glued, cached by vocabulary and text.
 */

/** A rubric phrase, read once (see phrase-reading.ts), for matching against many answers. */
export interface CompiledPhrase {
  text: string;
  /** The needed words' synonym classes, in written order. */
  canons: string[];
  /** The phrase's own spelling of each canon, for typo matching. */
  surfaces: string[];
  negated: boolean;
  reading: PhraseReading;
  /** True for a plain bag of distinct content words, matched around its rarest word. */
  simple: boolean;
  /**
   * The phrase with two or three neighbouring words glued ("log n" as "logn"), each with the glued
   * word's canon: tried, when the phrase is not found as written, on answers that have that word.
   */
  glued: ReadonlyArray<{ text: string; canon: string }>;
  /** The vocabulary's key: the phrase matches only answers read with the same vocabulary. */
  vocabulary: string;
}

/** The phrase with two or three neighbouring words glued ("log n" as "logn", "it self" as "itself"), with the glued word's canon. */
function gluedVariants(text: string, vocabulary: Vocabulary): Array<{ text: string; canon: string }> {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const out: Array<{ text: string; canon: string }> = [];
  for (let i = 0; i + 1 < words.length; i++) {
    for (const n of [2, 3]) {
      const run = words.slice(i, i + n);
      if (run.length < n) continue;
      const from = run[0]!.index;
      const last = run.at(-1)!;
      const to = last.index + last[0].length;
      // Only words separated by spaces: "n*n" or "x-y" are not one word written apart.
      if (!/^[\p{L}\p{N}\s]+$/u.test(text.slice(from, to))) continue;
      const glued = run.map((m) => m[0]).join("");
      out.push({ text: `${text.slice(0, from)}${glued}${text.slice(to)}`, canon: vocabulary.canonOf(glued.toLowerCase()).canon });
    }
  }
  return out;
}

function fromReading(reading: PhraseReading, vocabulary: Vocabulary): CompiledPhrase {
  const words = reading.parts.flatMap((p) => p.units.flat());
  const simple = reading.parts.length === 1 && !reading.ordered && words.every((w) => !w.filler);
  return {
    text: reading.text, canons: words.map((w) => w.canon), surfaces: words.map((w) => w.surface), negated: reading.negated,
    reading, simple, glued: gluedVariants(reading.text, vocabulary), vocabulary: vocabulary.key,
  };
}

/**
 * Reads a phrase once, for matching against many answers read with the same vocabulary (default:
 * the built-in table alone). See `compiledPhrase` for a cached copy.
 */
export function compilePhrase(phrase: string, vocabulary: Vocabulary = BASE_VOCABULARY): CompiledPhrase {
  return fromReading(readPhrase(phrase, vocabulary), vocabulary);
}

// By vocabulary object, then phrase: equal vocabularies are one cached object (see vocabularyOf).
const compiled = new WeakMap<Vocabulary, Map<string, CompiledPhrase>>();
const MAX_COMPILED = 5000;

/** `compilePhrase`, cached by vocabulary and phrase: rubrics are read once, not once per answer. */
export function compiledPhrase(phrase: string, vocabulary: Vocabulary = BASE_VOCABULARY): CompiledPhrase {
  let phrases = compiled.get(vocabulary);
  if (!phrases) {
    phrases = new Map();
    compiled.set(vocabulary, phrases);
  }
  let c = phrases.get(phrase);
  if (!c) {
    if (phrases.size >= MAX_COMPILED) phrases.clear();
    c = compilePhrase(phrase, vocabulary);
    phrases.set(phrase, c);
  }
  return c;
}
