import type { Blank } from "../bank/schema.ts";

/**
 * A convolutional layer written in framework notation, for a question that asks for a filter's depth
 * and the layer's parameter count: `nn.Conv2d(16, 32, 3, bias=False) → weight.shape = (32, 16, 3, 3),
 * numel = 4608` states a depth of 16 (PyTorch's first argument, in_channels, and the second axis of
 * its weight) and 4608 parameters (`numel`, the number of elements of the weight).
 */

/** Something only framework code has: a Conv2d call, `.shape`, `numel`, `in_channels`. */
const FRAMEWORK = /\bConv2[dD]\s*\(|\.shape\b|\bnumel\b|\bin_channels\b/;
/** PyTorch's `nn.Conv2d(in_channels, out_channels, kernel_size, …)`: the first argument is the depth. */
const TORCH_CALL = /\bnn\.Conv2d\s*\(\s*(\d+)\s*,/;
const IN_CHANNELS = /\bin_channels\s*=\s*(\d+)/;
/** A four-axis weight: PyTorch (out, in, k, k) or TensorFlow (k, k, in, out). */
const WEIGHT_TUPLE = /\.shape\s*(?:==?|:)?\s*[([]?\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*[)\]]?/;
/** "numel = 4608", "w.numel() = 4608", "sum(p.numel() for p in conv.parameters()) = 4608": the count, to the next comma. */
const NUMEL = /\bnumel\b[^=:\n]*?(?:==?|:)\s*([^,;\n]+)/;

const names = (b: Blank) => [b.label, ...b.aliases].join(" ");

/** The depth a weight tuple states, when square filters tell PyTorch's layout from TensorFlow's. */
function tupleDepth(m: RegExpExecArray): number | undefined {
  const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number];
  const torch = c === d;
  const tensorflow = a === b;
  if (torch === tensorflow) return undefined;
  return torch ? b : c;
}

/**
 * The answer as "depth: D" and "parameters: N" lines when it is framework notation that states
 * both (see the file comment), and names neither blank in words; undefined otherwise, and when the
 * call and the weight disagree about the depth.
 */
export function layerNotationAsBlanks(blanks: readonly Blank[], text: string): string | undefined {
  if (!FRAMEWORK.test(text) || blanks.length !== 2 || blanks.some((b) => b.kind !== "number")) return undefined;
  const depth = blanks.find((b) => /\bdepth\b/i.test(names(b)));
  const count = blanks.find((b) => b !== depth && /\bparam|\bweights\b/i.test(names(b)));
  if (!depth || !count) return undefined;
  const words = blanks.flatMap((b) => [b.label, ...b.aliases]).filter((n) => n.length >= 3);
  // Attribute names are code, not labels: `conv.parameters()` names no blank.
  const prose = text.replace(/\.\w+/g, " ");
  if (words.some((w) => new RegExp(String.raw`\b${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\b`, "i").test(prose))) return undefined;
  const tuple = WEIGHT_TUPLE.exec(text);
  const depths = [TORCH_CALL.exec(text)?.[1], IN_CHANNELS.exec(text)?.[1], tuple ? tupleDepth(tuple) : undefined]
    .filter((d) => d !== undefined).map(Number);
  const numel = NUMEL.exec(text)?.[1]?.trim();
  if (depths.length === 0 || new Set(depths).size > 1 || !numel) return undefined;
  return `${depth.label}: ${depths[0]}\n${count.label}: ${numel}`;
}
