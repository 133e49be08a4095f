/**
 * The functions and constants an answer may use. Everything else is refused before evaluation,
 * so this table is the sandbox's allowlist as much as it is help text.
 */

/** A student-facing function and the name it is evaluated under in the private mathjs instance. */
interface FunctionEntry {
  /** Name registered in the sandboxed instance (our elementwise or bounded version where mathjs differs). */
  internal: string;
  /** Argument counts accepted; checked before evaluation so a wrong call is a clear message. */
  arity: readonly [min: number, max: number];
}

// mathjs stopped applying most scalar functions elementwise to matrices; students expect `exp(W x)`
// to work, so these are evaluated through an elementwise wrapper registered as `ew_<name>`.
const ELEMENTWISE = [
  "sqrt", "exp", "log", "log10", "log2", "abs", "sin", "cos", "tan", "sec", "csc", "cot",
  "asin", "acos", "atan", "sinh", "cosh", "tanh", "sign",
] as const;

const entries: Record<string, FunctionEntry> = {
  relu: { internal: "tutor_relu", arity: [1, 1] },
  sigmoid: { internal: "tutor_sigmoid", arity: [1, 1] },
  softmax: { internal: "tutor_softmax", arity: [1, 1] },
  step: { internal: "tutor_step", arity: [1, 1] },
  diag: { internal: "tutor_diag", arity: [1, 1] },
  ones: { internal: "tutor_ones", arity: [1, 2] },
  zeros: { internal: "tutor_zeros", arity: [1, 2] },
  identity: { internal: "tutor_identity", arity: [1, 1] },
  max: { internal: "tutor_max", arity: [1, 8] },
  min: { internal: "tutor_min", arity: [1, 8] },
  sum: { internal: "tutor_sum", arity: [1, 2] },
  norm: { internal: "tutor_norm", arity: [1, 1] },
  transpose: { internal: "transpose", arity: [1, 1] },
  trace: { internal: "trace", arity: [1, 1] },
  dotMultiply: { internal: "dotMultiply", arity: [2, 2] },
  ...Object.fromEntries(ELEMENTWISE.map((name) => [name, { internal: `ew_${name}`, arity: [1, 1] as const }])),
};
// log takes an optional base: log(8, 2).
entries.log = { internal: "ew_log", arity: [1, 2] };

/** Other spellings students use for the same function. */
export const FUNCTION_ALIASES: Readonly<Record<string, string>> = {
  indicator: "step",
  heaviside: "step",
  ln: "log",
};

/** Student-facing function names and how each is evaluated. */
export const FUNCTIONS: Readonly<Record<string, FunctionEntry>> = entries;

/** Names of functions students may use, for help text. */
export const ALLOWED_FUNCTIONS: readonly string[] = Object.freeze(Object.keys(entries).sort());

/** Names that are constants, never variables: e, pi (also π) and the imaginary unit i. */
export const CONSTANTS: ReadonlySet<string> = new Set(["e", "pi", "i"]);

/** The elementwise scalar functions, for registering their wrappers. */
export const ELEMENTWISE_FUNCTIONS: readonly string[] = ELEMENTWISE;
