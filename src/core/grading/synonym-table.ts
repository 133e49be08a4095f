/**
 * Built-in word knowledge for matching short answers, shared by every bank: which words of general
 * English mean the same, which spellings to rewrite before matching, and which words carry no
 * concept. Kept as data so a TA can read it; the matcher stems every entry, so one form of a word
 * covers the others. A course's own vocabulary ("points" = examples in a machine-learning course)
 * belongs in its bank's `synonyms` (see vocabulary.ts), so another course does not inherit it.
 */

/**
 * Words that express one idea in any course's answers. A word belongs to one group only; a bank's
 * or question's synonyms take precedence (a word they list leaves its group here).
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["slow", "expensive", "costly", "cost", "heavy", "sluggish", "lengthy", "intensive", "demanding", "burdensome"],
  ["compute", "computation", "computational", "computationally", "calculation", "calculate", "computing", "operation", "flops"],
  ["dimension", "dimensional", "dimensionality", "dim", "dims"],
  ["similar", "similarity", "alike", "closeness", "resemble", "resemblance"],
  ["near", "nearby", "close", "closer", "closest"],
  ["generalization", "generalize", "generalise", "generalisation", "generalizes", "generalizing"],
  ["approximate", "approximation", "approx", "approximately", "estimate", "estimation", "estimator", "roughly"],
  ["noise", "noisy", "noisiness"],
  ["exact", "exactly", "precise", "precisely", "accurate", "accurately"],
  ["increase", "raise", "larger", "bigger", "higher", "grow", "greater", "more", "enlarge", "boost"],
  ["decrease", "reduce", "reduction", "lower", "shrink", "decay", "diminish", "drop", "fewer", "less", "smaller"],
  ["large", "big", "huge", "high", "many", "lot", "vast", "enormous", "massive"],
  ["small", "tiny", "little", "low", "few", "negligible", "minuscule"],
  ["enough", "sufficient", "adequate"],
  ["mean", "average", "avg"],
  ["storage", "store", "memory", "storing", "stored", "ram"],
  ["all", "every", "each", "entire", "whole"],
  ["compare", "comparison", "comparing", "compared"],
  ["symmetric", "symmetry", "symmetrical"],
  ["realtime", "fast", "quick", "quickly", "speed", "latency", "instant"],
  ["help", "improve", "benefit", "aid", "better"],
  ["stable", "stability", "stabilize", "stabilise", "stabilizes"],
  ["same", "equal", "identical"],
  // A null character: `'\0'` is never the number 0.
  ["\\0", "null character", "null terminator", "null byte", "nul"],
];

/**
 * Spellings of general English rewritten before matching (surface words, lowercase, separated by
 * spaces). Negated adjectives become "not X" so negation handling sees them; multi-word idioms
 * become one word. A course's own spellings ("lr" for learning rate) are a bank's `synonyms`.
 */
export const REWRITES: ReadonlyArray<readonly [string, string]> = [
  ["time consuming", "slow"], ["long time", "slow"], ["takes long", "slow"], ["take long", "slow"],
  ["real time", "realtime"], ["meaningless", "not meaningful"], ["useless", "not useful"], ["invalid", "not valid"],
  ["insufficient", "not sufficient"], ["inefficient", "not efficient"], ["incorrect", "not correct"],
  ["inappropriate", "not appropriate"], ["unsuitable", "not suitable"], ["inaccurate", "not accurate"],
  ["unreliable", "not reliable"], ["irrelevant", "not relevant"], ["unimportant", "not important"], ["impossible", "not possible"], ["infeasible", "not feasible"],
  ["nondifferentiable", "not differentiable"], ["undifferentiable", "not differentiable"],
  ["nonsaturating", "not saturating"], ["unsaturated", "not saturated"], ["undefined", "not defined"],
  ["inexact", "not exact"], ["imprecise", "not precise"], ["asymmetric", "not symmetric"],
  ["asymmetrical", "not symmetric"], ["unsymmetric", "not symmetric"], ["uncorrelated", "not correlated"],
  ["blow up", "explode"], ["blowing up", "exploding"], ["blows up", "explodes"], ["blew up", "exploded"],
  ["not only", "only"], ["not just", "only"], ["no longer", "not"], ["cannot", "can not"],
  // "not non-differentiable": two negations cancel, the property is claimed.
  ["not non", "really"], ["never non", "really"], ["not far from", "close to"],
  // Direction in phrasal verbs: "up" and "down" are stop words, so "never goes down" would say nothing.
  ["thru", "through"], ["goes down", "decreases"], ["go down", "decrease"], ["went down", "decreased"], ["going down", "decreasing"],
  ["goes up", "increases"], ["go up", "increase"], ["went up", "increased"], ["going up", "increasing"],
  ["nondecreasing", "not decreasing"], ["non decreasing", "not decreasing"], ["nonincreasing", "not increasing"],
  ["non increasing", "not increasing"], ["never negative", "nonnegative"], ["non negative", "nonnegative"],
];

/**
 * Words that negate their whole clause ("flipping is not valid": the flip is negated too). A verdict
 * of worthlessness negates too: "pixel distance is a terrible way to tell whether two pictures show
 * the same object" says what "pixel distance does not tell ..." says, and rubric phrases are read
 * the same way, so "a poor measure of similarity" and "not a good measure" agree.
 */
export const CLAUSE_NEGATORS: ReadonlySet<string> = new Set([
  "not", "never", "non", "neither", "nor", "lack", "lacks", "lacking", "fail", "fails", "avoid", "avoided",
  "avoids", "avoiding", "poor", "bad", "terrible", "lousy", "useless",
]);

/** The negators above that are verdicts: they negate, yet say something a TA reads ("it is bad."). */
export const VERDICT_NEGATORS: ReadonlySet<string> = new Set(["poor", "bad", "terrible", "lousy", "useless"]);

/** Words that negate only what follows them ("rotate instead of flipping": the rotation stands). */
export const FORWARD_NEGATORS: ReadonlySet<string> = new Set([
  "no", "without", "instead", "rather", "except", "unlike", "none", "nothing",
]);

/** Words that end a clause, and with it the reach of a negation. */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([
  "and", "but", "because", "since", "so", "while", "whereas", "although", "though", "however", "therefore",
  "thus", "hence", "yet", "as", "which", "then", "also", "due", "whereby",
  // Subordinate clauses: "go deep until it cannot", "it overflows if it does not stop".
  "if", "when", "whenever", "until", "unless",
]);

/** Words that open a subordinate clause, whose end may be unmarked ("if X never stops the stack overflows"). */
export const SUBORDINATORS: ReadonlySet<string> = new Set([
  "if", "when", "whenever", "until", "unless", "because", "since", "while", "as", "so",
]);

/** Words that start a new subject, and so may start the main clause after a subordinate one. */
export const SUBJECT_STARTERS: ReadonlySet<string> = new Set([
  "the", "a", "an", "this", "these", "those", "it", "they", "we", "you", "i", "he", "she", "my", "your", "our", "their",
]);

/** Words that carry no concept: left out of a phrase's required words (they still count for distance). */
export const STOPWORDS: ReadonlySet<string> = new Set([
  "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "of", "to", "in", "on", "at",
  "for", "by", "with", "it", "its", "this", "that", "these", "those", "there", "their", "they", "them",
  "he", "his", "him", "she", "her", "we", "our", "us", "you", "your", "i", "my", "me", "and", "or", "but",
  "so", "very", "really", "just", "only", "can", "could", "would", "should", "will", "may", "might", "must",
  "do", "does", "did", "doing", "has", "have", "had", "having", "which", "what", "when", "where", "who",
  "how", "from", "into", "onto", "than", "then", "if", "too", "quite", "rather", "some", "any", "such",
  "because", "since", "as", "while", "also", "get", "gets", "got", "make", "makes", "one", "s", "x", "f",
  "e", "g", "ie", "eg", "etc", "thing", "things", "way", "about", "out", "up", "down", "over", "under",
  "again", "further", "here", "why", "whether", "both", "either", "other", "another", "own", "well",
  "even", "still", "already", "much", "yes", "therefore", "thus", "hence", "however", "although",
  "though", "whereas", "yet", "going", "become", "becomes", "becoming", "tend", "tends", "likely",
]);

/**
 * Words that, after a negation, judge the subject rather than say something new about it: in
 * "slow testing is not the problem" or "the curse of dimensionality does not matter" the subject
 * itself is rejected (so in "… does not apply", "… does not happen"), unlike "distances do not
 * reflect similarity", where it is only the subject.
 */
export const EVALUATIVE_PREDICATES: ReadonlySet<string> = new Set([
  "problem", "issue", "matter", "matters", "reason", "cause", "case", "true", "relevant", "concern", "important",
  "factor", "point", "answer", "explanation", "right", "correct", "it", "thing", "deal",
  // "the curse of dimensionality does not apply to images", "overfitting does not happen here".
  "apply", "applies", "exist", "exists", "happen", "happens", "occur", "occurs", "hold", "holds",
]);

/**
 * Words that, after a negation, deny that the subject is there ("X is not used in conv layers"):
 * the subject may be rejected or only placed elsewhere, so a TA reads it.
 */
export const PRESENCE_PREDICATES: ReadonlySet<string> = new Set([
  "used", "present", "found", "applied", "involved", "included", "possible", "available",
]);

/** Who proposes an option the student may go on to reject ("some would flip them; I would not"). */
export const OTHERS: ReadonlySet<string> = new Set(["some", "others", "someone", "people", "many", "somebody"]);

/** Auxiliaries before "not only": "it doesn't only grow" denies, "not only X but Y" affirms X. */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  "does", "do", "did", "is", "are", "was", "were", "can", "will", "would", "should", "could", "has", "have",
]);
