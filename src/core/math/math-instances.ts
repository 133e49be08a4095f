import { createSandboxedMath, type SandboxedMath } from "./sandboxed-mathjs.ts";

/**
 * The two private instances, created on first use and shared by this thread: plain numbers (with
 * complex results where needed) and 64-digit BigNumbers for exact-ish constants.
 */
let float: SandboxedMath | undefined;
let big: SandboxedMath | undefined;

/** The plain-number instance. */
export function floatMath(): SandboxedMath {
  float ??= createSandboxedMath("number");
  return float;
}

/** The BigNumber instance (precision 64). */
export function bigMath(): SandboxedMath {
  big ??= createSandboxedMath("BigNumber");
  return big;
}
