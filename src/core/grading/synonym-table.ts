/**
 * Word knowledge for matching short answers of a machine-learning course: which words mean the same
 * here, which spellings to rewrite before matching, and which words carry no concept. Kept as data so
 * a TA can read it; the matcher stems every entry, so one form of a word covers the others.
 */

/**
 * Words that express one idea in this course's answers. Domain-specific on purpose: in a kNN answer
 * "classify", "predict" and "test" all mean the prediction step. A word belongs to one group only.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["slow", "expensive", "costly", "cost", "heavy", "sluggish", "lengthy", "intensive", "demanding", "burdensome"],
  ["compute", "computation", "computational", "computationally", "calculation", "calculate", "computing", "operation", "flops"],
  ["dimension", "dimensional", "dimensionality", "dim", "dims"],
  ["test", "testing", "inference", "predict", "prediction", "query", "classify", "classification", "evaluation"],
  ["distance", "metric", "norm"],
  ["meaningful", "meaning", "informative", "reliable", "useful", "valid", "sensible"],
  ["similar", "similarity", "alike", "closeness", "resemble", "resemblance"],
  ["overfit", "overfitting", "overfitted", "overfits"],
  ["underfit", "underfitting", "underfitted"],
  ["overtrain", "overtraining", "overtrained"],
  ["generalization", "generalize", "generalise", "generalisation", "generalizes", "generalizing"],
  ["approximate", "approximation", "approx", "approximately", "estimate", "estimation", "estimator", "roughly"],
  ["noise", "noisy", "noisiness"],
  ["exact", "exactly", "precise", "precisely", "accurate", "accurately"],
  ["increase", "raise", "larger", "bigger", "higher", "grow", "greater", "more", "enlarge", "boost"],
  ["decrease", "reduce", "reduction", "lower", "shrink", "decay", "diminish", "drop", "fewer", "less", "smaller"],
  ["large", "big", "huge", "high", "many", "lot", "vast", "enormous", "massive"],
  ["small", "tiny", "little", "low", "few"],
  ["explode", "exploding", "explosion", "diverge", "overflow"],
  ["vanish", "vanishing", "vanishes", "underflow"],
  ["saturate", "saturation", "saturating", "saturates", "saturated"],
  ["differentiable", "differentiability", "smooth", "smoothness"],
  ["identity"],
  ["origin", "zero", "0"],
  ["share", "sharing", "shared", "tie", "tied", "reuse", "reused", "reusing"],
  ["parameter", "parameters", "weight", "weights", "param", "params"],
  ["sparse", "sparsity", "sparsely", "local", "locally", "locality"],
  ["connect", "connection", "connectivity", "connected", "connections", "link", "links", "wired"],
  ["normalize", "normalise", "normalization", "normalisation", "standardize", "standardization", "standardise"],
  ["statistic", "statistics", "distribution", "distributions"],
  ["change", "vary", "variation", "alter", "drift", "fluctuate", "unstable"],
  ["shift", "translate", "translation", "translating", "move"],
  ["crop", "cropping", "cropped", "cut", "patch", "subimage"],
  ["rotate", "rotation", "rotating", "rotated", "tilt", "tilting"],
  ["scale", "scaling", "zoom", "zooming", "rescale", "rescaling"],
  ["flip", "flipping", "flipped", "mirror", "mirroring", "mirrored", "reflect", "reflection", "reflecting"],
  ["complex", "complicated", "complexity", "capacity", "expressive", "overparameterized"],
  ["correlate", "correlated", "correlation", "redundant", "redundancy"],
  ["enough", "sufficient", "adequate"],
  ["gradient", "gradients", "grad", "grads", "derivative", "derivatives", "slope"],
  ["history", "accumulate", "accumulated", "accumulation", "cumulative", "sum", "running", "accumulating"],
  ["mean", "average", "avg"],
  ["variance", "var", "spread"],
  ["sample", "samples", "example", "examples", "datapoint", "instance", "observation", "point", "points"],
  ["subset", "portion", "part", "fraction", "minibatch"],
  ["storage", "store", "memory", "storing", "stored", "ram"],
  ["all", "every", "each", "entire", "whole"],
  ["compare", "comparison", "comparing", "compared"],
  ["symmetric", "symmetry", "symmetrical"],
  ["realtime", "fast", "quick", "quickly", "speed", "latency", "instant"],
  ["help", "improve", "benefit", "aid", "better"],
  ["stable", "stability", "stabilize", "stabilise", "stabilizes"],
  ["activation", "activations", "output", "outputs"],
  ["loss", "error"],
  ["performance", "accuracy", "perform"],
  ["plateau", "plateaued", "flat", "stuck", "stagnate", "stagnant", "stall", "stalled", "constant", "unchanged"],
  ["same", "equal", "identical"],
];

/**
 * Spellings rewritten before matching (surface words, lowercase, separated by spaces). Negated
 * adjectives become "not X" so negation handling sees them; multi-word idioms become one word.
 */
export const REWRITES: ReadonlyArray<readonly [string, string]> = [
  ["time consuming", "slow"], ["long time", "slow"], ["takes long", "slow"], ["take long", "slow"],
  ["real time", "realtime"], ["step size", "learning rate"], ["lr", "learning rate"], ["epsilon", "learning rate"],
  ["ε", "learning rate"], ["k nn", "knn"], ["nearest neighbor", "knn"], ["nearest neighbors", "knn"],
  ["nearest neighbour", "knn"], ["nearest neighbours", "knn"], ["over fitting", "overfitting"],
  ["over fit", "overfit"], ["under fitting", "underfitting"], ["over training", "overtraining"],
  ["over trained", "overtrained"], ["mini batch", "minibatch"], ["batch norm", "batch normalization"],
  ["batchnorm", "batch normalization"], ["bn", "batch normalization"], ["data point", "datapoint"],
  ["data points", "datapoint"], ["sub image", "subimage"], ["lrelu", "leaky relu"],
  ["meaningless", "not meaningful"], ["useless", "not useful"], ["invalid", "not valid"],
  ["insufficient", "not sufficient"], ["inefficient", "not efficient"], ["incorrect", "not correct"],
  ["inappropriate", "not appropriate"], ["unsuitable", "not suitable"], ["inaccurate", "not accurate"],
  ["unreliable", "not reliable"], ["impossible", "not possible"], ["infeasible", "not feasible"],
  ["nondifferentiable", "not differentiable"], ["undifferentiable", "not differentiable"],
  ["nonsaturating", "not saturating"], ["unsaturated", "not saturated"], ["undefined", "not defined"],
  ["inexact", "not exact"], ["imprecise", "not precise"], ["asymmetric", "not symmetric"],
  ["asymmetrical", "not symmetric"], ["unsymmetric", "not symmetric"], ["uncorrelated", "not correlated"],
  ["blow up", "explode"], ["blowing up", "exploding"], ["blows up", "explodes"], ["blew up", "exploded"],
  ["hyperbolic tangent", "tanh"], ["gaussian error linear unit", "gelu"], ["leaky rectified linear unit", "leaky relu"],
  ["not only", "only"], ["not just", "only"], ["no longer", "not"], ["cannot", "can not"],
];

/** Words that negate their whole clause ("flipping is not valid": the flip is negated too). */
export const CLAUSE_NEGATORS: ReadonlySet<string> = new Set([
  "not", "never", "non", "neither", "nor", "lack", "lacks", "lacking", "fail", "fails", "avoid", "avoided",
  "avoids", "avoiding",
]);

/** Words that negate only what follows them ("rotate instead of flipping": the rotation stands). */
export const FORWARD_NEGATORS: ReadonlySet<string> = new Set([
  "no", "without", "instead", "rather", "except", "unlike", "none", "nothing",
]);

/** Words that end a clause, and with it the reach of a negation. */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([
  "and", "but", "because", "since", "so", "while", "whereas", "although", "though", "however", "therefore",
  "thus", "hence", "yet", "as", "which", "then", "also", "due", "whereby",
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
 * itself is rejected, unlike "distances do not reflect similarity", where it is only the subject.
 */
export const EVALUATIVE_PREDICATES: ReadonlySet<string> = new Set([
  "problem", "issue", "matter", "matters", "reason", "cause", "case", "true", "relevant", "concern", "important",
  "factor", "point", "answer", "explanation", "right", "correct", "it", "thing", "deal",
]);

/** Who proposes an option the student may go on to reject ("some would flip them; I would not"). */
export const OTHERS: ReadonlySet<string> = new Set(["some", "others", "someone", "people", "many", "somebody"]);

/** Auxiliaries before "not only": "it doesn't only grow" denies, "not only X but Y" affirms X. */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  "does", "do", "did", "is", "are", "was", "were", "can", "will", "would", "should", "could", "has", "have",
]);
