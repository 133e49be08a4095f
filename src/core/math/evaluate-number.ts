import { compileExpression } from "./compiled-expression.ts";
import { floatMath } from "./math-instances.ts";
import { toFloatTensor } from "./value-tensor.ts";

/** Safe arithmetic for number answers: "32*3*3*16" -> 4608; NaN/Infinity/non-numbers -> message. */
export function evaluateNumber(text: string): { ok: true; value: number } | { ok: false; message: string } {
  // "4,608" is a thousands separator only when that is all the text is.
  const plain = /^\s*\d{1,3}(,\d{3})+(\.\d+)?\s*$/.test(text) ? text.replace(/,/g, "") : text;
  const compiled = compileExpression(plain, "float");
  if (!compiled.ok) return { ok: false, message: compiled.message };
  if (compiled.compiled.variables.length > 0) {
    return { ok: false, message: `a number is expected, but this uses ${compiled.compiled.variables.join(", ")}` };
  }
  try {
    const value = toFloatTensor(floatMath().math, compiled.compiled.evaluate(new Map()));
    if (value.shape.length > 0) return { ok: false, message: "a single number is expected, not a vector or matrix" };
    const [re = NaN] = value.re;
    const [im = 0] = value.im;
    if (Math.abs(im) > 1e-12 * Math.max(1, Math.abs(re))) return { ok: false, message: "a real number is expected" };
    if (!Number.isFinite(re)) return { ok: false, message: "this is not a finite number (division by zero or overflow)" };
    return { ok: true, value: re };
  } catch (error) {
    return { ok: false, message: `this cannot be computed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
