// Lookup tables for LaTeX -> Unicode text. Kept apart from the parser so the parser reads as logic.

const GREEK: Record<string, string> = {
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", zeta: "ζ", eta: "η",
  theta: "θ", vartheta: "ϑ", iota: "ι", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", pi: "π",
  varpi: "ϖ", rho: "ρ", varrho: "ϱ", sigma: "σ", varsigma: "ς", tau: "τ", upsilon: "υ",
  // \phi is the closed form in TeX, but φ is what every terminal font draws legibly.
  phi: "φ", varphi: "φ", chi: "χ", psi: "ψ", omega: "ω",
  Gamma: "Γ", Delta: "Δ", Theta: "Θ", Lambda: "Λ", Xi: "Ξ", Pi: "Π", Sigma: "Σ", Upsilon: "Υ",
  Phi: "Φ", Psi: "Ψ", Omega: "Ω",
};

const OPERATORS: Record<string, string> = {
  odot: "⊙", otimes: "⊗", oplus: "⊕", times: "×", cdot: "·", div: "÷", pm: "±", mp: "∓", ast: "∗",
  star: "⋆", circ: "∘", bullet: "•", setminus: "∖", cup: "∪", cap: "∩", wedge: "∧", land: "∧",
  vee: "∨", lor: "∨", neg: "¬", lnot: "¬",
  leq: "≤", le: "≤", geq: "≥", ge: "≥", neq: "≠", ne: "≠", approx: "≈", equiv: "≡", sim: "∼",
  simeq: "≃", cong: "≅", propto: "∝", ll: "≪", gg: "≫", in: "∈", notin: "∉", ni: "∋",
  subset: "⊂", subseteq: "⊆", supset: "⊃", supseteq: "⊇", perp: "⊥", parallel: "∥", mid: "|",
  to: "→", rightarrow: "→", leftarrow: "←", gets: "←", leftrightarrow: "↔", Rightarrow: "⇒",
  Leftarrow: "⇐", Leftrightarrow: "⇔", implies: "⟹", impliedby: "⟸", iff: "⟺", mapsto: "↦",
  uparrow: "↑", downarrow: "↓", longrightarrow: "⟶",
  partial: "∂", nabla: "∇", infty: "∞", forall: "∀", exists: "∃", emptyset: "∅", varnothing: "∅",
  ell: "ℓ", hbar: "ℏ", Re: "ℜ", Im: "ℑ", aleph: "ℵ", top: "⊤", bot: "⊥", intercal: "⊺",
  prime: "′", degree: "°", angle: "∠", triangle: "△", checkmark: "✓",
  sum: "Σ", prod: "∏", coprod: "∐", int: "∫", iint: "∬", oint: "∮", bigcup: "⋃", bigcap: "⋂",
  bigoplus: "⨁", bigotimes: "⨂", bigodot: "⨀",
  langle: "⟨", rangle: "⟩", lvert: "|", rvert: "|", vert: "|", lVert: "‖", rVert: "‖", Vert: "‖",
  lfloor: "⌊", rfloor: "⌋", lceil: "⌈", rceil: "⌉", lbrace: "{", rbrace: "}", lbrack: "[", rbrack: "]",
  backslash: "\\",
  ldots: "…", dots: "…", dotsc: "…", dotsb: "⋯", cdots: "⋯", vdots: "⋮", ddots: "⋱",
  // Spacing: TeX's thin and medium spaces read as one space in plain text; \! is a negative space.
  ",": " ", ":": " ", ";": " ", " ": " ", "!": "", quad: "  ", qquad: "    ", enspace: " ",
  "{": "{", "}": "}", "|": "‖", "%": "%", $: "$", _: "_", "&": "&", "#": "#",
};

/** Operator names TeX sets upright; in text they are simply the word. */
const FUNCTIONS = new Set([
  "log", "ln", "lg", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth",
  "arcsin", "arccos", "arctan", "max", "min", "sup", "inf", "lim", "limsup", "liminf", "arg", "det",
  "dim", "ker", "deg", "gcd", "hom", "Pr", "mod", "bmod", "argmax", "argmin",
]);

/** Commands whose argument is shown as plain text: bold, roman, sans... (terminals lack the faces). */
export const PLAIN_FONT_COMMANDS = new Set([
  "mathbf", "boldsymbol", "bm", "pmb", "mathrm", "mathit", "mathsf", "mathtt", "mathnormal",
  "operatorname", "mathop", "boxed", "mathfrak",
]);

/** Commands whose argument is prose (no math parsing, spaces kept). */
export const TEXT_COMMANDS = new Set([
  "text", "textrm", "textbf", "textit", "textsf", "texttt", "textnormal", "emph", "mbox", "hbox",
]);

/** Commands that change size or style only: dropped. */
export const IGNORED_COMMANDS = new Set([
  "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle", "limits", "nolimits", "nonumber",
  "notag", "left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
  "biggl", "biggr", "Biggl", "Biggr", "bigm", "Bigm", "strut", "relax", "allowbreak", "nobreak",
]);

/** Commands whose (first) argument is dropped entirely. */
export const DROPPED_ARGUMENT_COMMANDS = new Set(["label", "tag", "color", "hspace", "vspace", "phantom"]);

/** Accents as Unicode combining marks; applied only to a single character. */
export const ACCENTS: Record<string, string> = {
  hat: "\u0302", widehat: "\u0302", bar: "\u0304", overline: "\u0305", tilde: "\u0303",
  widetilde: "\u0303", dot: "\u0307", ddot: "\u0308", vec: "\u20D7", overrightarrow: "\u20D7",
  check: "\u030C", breve: "\u0306", acute: "\u0301", grave: "\u0300", underline: "\u0332",
};

/** The text for a symbol-like command (Greek, operators, function names), or undefined. */
export function symbolFor(name: string): string | undefined {
  return GREEK[name] ?? OPERATORS[name] ?? (FUNCTIONS.has(name) ? name : undefined);
}

/** Whether a command is one this module knows, as opposed to one it would only strip. */
export function isKnownCommand(name: string): boolean {
  return symbolFor(name) !== undefined || PLAIN_FONT_COMMANDS.has(name) || TEXT_COMMANDS.has(name)
    || IGNORED_COMMANDS.has(name) || name in ACCENTS || name in STRUCTURE_COMMANDS
    || name === "mathbb" || name === "mathbbm" || name === "mathcal" || name === "mathscr";
}

/** Commands with their own layout logic in the parser (listed here so prose detection knows them). */
export const STRUCTURE_COMMANDS: Record<string, true> = {
  frac: true, dfrac: true, tfrac: true, cfrac: true, sqrt: true, binom: true, begin: true, end: true,
};

const DOUBLE_STRUCK: Record<string, string> = {
  C: "ℂ", H: "ℍ", N: "ℕ", P: "ℙ", Q: "ℚ", R: "ℝ", Z: "ℤ",
};

const SCRIPT_EXCEPTIONS: Record<string, string> = {
  B: "ℬ", E: "ℰ", F: "ℱ", H: "ℋ", I: "ℐ", L: "ℒ", M: "ℳ", R: "ℛ", e: "ℯ", g: "ℊ", o: "ℴ",
};

/** \mathbb: ℝ, ℕ, 𝔼, 𝟙 ... (Unicode's mathematical double-struck block, with its letterlike holes). */
export function doubleStruck(text: string): string {
  return mapLetters(text, (ch) => {
    if (DOUBLE_STRUCK[ch]) return DOUBLE_STRUCK[ch];
    if (ch >= "0" && ch <= "9") return String.fromCodePoint(0x1d7d8 + ch.charCodeAt(0) - 48);
    if (ch >= "A" && ch <= "Z") return String.fromCodePoint(0x1d538 + ch.charCodeAt(0) - 65);
    if (ch >= "a" && ch <= "z") return String.fromCodePoint(0x1d552 + ch.charCodeAt(0) - 97);
    return ch;
  });
}

/** \mathcal and \mathscr: ℒ, 𝒩, ... */
export function calligraphic(text: string): string {
  return mapLetters(text, (ch) => {
    if (SCRIPT_EXCEPTIONS[ch]) return SCRIPT_EXCEPTIONS[ch];
    if (ch >= "A" && ch <= "Z") return String.fromCodePoint(0x1d49c + ch.charCodeAt(0) - 65);
    if (ch >= "a" && ch <= "z") return String.fromCodePoint(0x1d4b6 + ch.charCodeAt(0) - 97);
    return ch;
  });
}

function mapLetters(text: string, map: (ch: string) => string): string {
  return Array.from(text, map).join("");
}

const SUPERSCRIPTS: Record<string, string> = {
  "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
  "+": "⁺", "−": "⁻", "-": "⁻", "=": "⁼", "(": "⁽", ")": "⁾",
  a: "ᵃ", b: "ᵇ", c: "ᶜ", d: "ᵈ", e: "ᵉ", f: "ᶠ", g: "ᵍ", h: "ʰ", i: "ⁱ", j: "ʲ", k: "ᵏ", l: "ˡ",
  m: "ᵐ", n: "ⁿ", o: "ᵒ", p: "ᵖ", r: "ʳ", s: "ˢ", t: "ᵗ", u: "ᵘ", v: "ᵛ", w: "ʷ", x: "ˣ", y: "ʸ",
  z: "ᶻ", A: "ᴬ", B: "ᴮ", D: "ᴰ", E: "ᴱ", G: "ᴳ", H: "ᴴ", I: "ᴵ", J: "ᴶ", K: "ᴷ", L: "ᴸ", M: "ᴹ",
  N: "ᴺ", O: "ᴼ", P: "ᴾ", R: "ᴿ", T: "ᵀ", U: "ᵁ", V: "ⱽ", W: "ᵂ",
  "θ": "ᶿ", "β": "ᵝ", "γ": "ᵞ", "δ": "ᵟ", "φ": "ᵠ", "χ": "ᵡ",
  // Already raised marks: x^* and x' read fine as they are; ⊤ and ⊺ are transposes.
  "*": "*", "′": "′", "'": "′", "⊤": "ᵀ", "⊺": "ᵀ",
};

const SUBSCRIPTS: Record<string, string> = {
  "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
  "+": "₊", "−": "₋", "-": "₋", "=": "₌", "(": "₍", ")": "₎",
  a: "ₐ", e: "ₑ", h: "ₕ", i: "ᵢ", j: "ⱼ", k: "ₖ", l: "ₗ", m: "ₘ", n: "ₙ", o: "ₒ", p: "ₚ", r: "ᵣ",
  s: "ₛ", t: "ₜ", u: "ᵤ", v: "ᵥ", x: "ₓ", "β": "ᵦ", "γ": "ᵧ", "ρ": "ᵨ", "φ": "ᵩ", "χ": "ᵪ",
};

/**
 * A script in Unicode when every character has a raised/lowered form (x⁽ⁱ⁾, Σᵢ₌₁ᵐ), else in
 * caret/underscore notation: ^x for one character, ^(p×n) for more.
 */
export function formatScript(content: string, kind: "sup" | "sub"): string {
  const compact = content.replace(/\s+/g, "");
  if (compact === "") return "";
  const table = kind === "sup" ? SUPERSCRIPTS : SUBSCRIPTS;
  const chars = Array.from(compact);
  if (chars.every((ch) => table[ch] !== undefined)) return chars.map((ch) => table[ch]).join("");
  const mark = kind === "sup" ? "^" : "_";
  const wrapped = /^\([^()]*\)$/.test(compact);
  return chars.length === 1 || wrapped ? mark + compact : `${mark}(${compact})`;
}

const VULGAR_FRACTIONS: Record<string, string> = {
  "1/2": "½", "1/3": "⅓", "2/3": "⅔", "1/4": "¼", "3/4": "¾",
};

/** A numeric fraction with its own character (½), if Unicode has one. */
export function vulgarFraction(numerator: string, denominator: string): string | undefined {
  return VULGAR_FRACTIONS[`${numerator.trim()}/${denominator.trim()}`];
}
