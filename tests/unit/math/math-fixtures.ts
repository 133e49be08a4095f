import type { MathContext } from "../../../src/core/math/index.ts";

/** Problem 2 of the midterm: z = W3 relu(W1 x) + W2 x, with dL/dz = z - y derived. */
export const backpropContext: MathContext = {
  dimensions: { n: [3, 4], m: [2, 5], p: [6, 7] },
  symbols: {
    x: { shape: ["n"], domain: "real", aliases: [] },
    y: { shape: ["m"], domain: "real", aliases: [] },
    W1: { shape: ["p", "n"], domain: "real", aliases: ["W_1"] },
    W2: { shape: ["m", "n"], domain: "real", aliases: ["W_2"] },
    W3: { shape: ["m", "p"], domain: "real", aliases: ["W_3"] },
  },
  derived: {
    z: { definition: "W3*relu(W1*x) + W2*x", aliases: [] },
    dLdz: { definition: "z - y", aliases: ["dL/dz"] },
  },
};

/** The reference of 2c-i, dL/dW1. */
export const dLdW1 = "(step(W1*x) .* (W3' * dLdz)) * x'";

/** Problem 4a-ii: parameter counts in m, n, l. */
export const countContext: MathContext = {
  dimensions: {},
  symbols: {
    m: { shape: [], domain: "positive-integer", aliases: [] },
    n: { shape: [], domain: "positive-integer", aliases: [] },
    l: { shape: [], domain: "positive-integer", aliases: [] },
  },
  derived: {},
};
