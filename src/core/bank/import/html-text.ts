/**
 * HTML question text (as Moodle stores it) turned into the bank's text: plain words with paragraphs,
 * list items and bold/italic kept as markdown, entities decoded, TeX delimiters `\( \)` and `\[ \]`
 * rewritten as `$ $` and `$$ $$`. Images cannot be carried into a bank: each leaves a visible
 * `[image not imported: NAME]` in the text and is returned so the import can report it.
 */

/** Named entities seen in quiz exports; others are decoded by number or left as written. */
const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ensp: " ", emsp: " ", thinsp: " ",
  ndash: "–", mdash: "—", hellip: "…", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", laquo: "«", raquo: "»",
  times: "×", divide: "÷", minus: "−", plusmn: "±", le: "≤", ge: "≥", ne: "≠", asymp: "≈", deg: "°",
  middot: "·", bull: "•", copy: "©", reg: "®", trade: "™", micro: "µ", para: "¶", sect: "§", frac12: "½",
  sup2: "²", sup3: "³", rarr: "→", larr: "←", harr: "↔", rArr: "⇒", hArr: "⇔", infin: "∞", sum: "∑",
  radic: "√", isin: "∈", forall: "∀", exist: "∃", empty: "∅", cap: "∩", cup: "∪", sub: "⊂", sube: "⊆",
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", theta: "θ", lambda: "λ", mu: "μ", pi: "π",
  sigma: "σ", tau: "τ", phi: "φ", omega: "ω", Delta: "Δ", Sigma: "Σ", Omega: "Ω", eacute: "é", egrave: "è",
  agrave: "à", ccedil: "ç", uuml: "ü", ouml: "ö", auml: "ä", szlig: "ß", ntilde: "ñ",
};

/** Decodes `&amp;`, `&#233;`, `&#xE9;` and the named entities above; anything else stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

/** The file name an `<img>` tag shows (its src's last part, else its alt text). */
function imageName(tag: string): string {
  const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  const src = attr("src");
  const source = src ? (src[2] ?? src[3] ?? src[4] ?? "") : "";
  // An image embedded as a data: URL has no name; its alt text says what it showed.
  const file = source.startsWith("data:") ? "" : decodeEntities(source.split(/[?#]/)[0]?.split("/").pop() ?? "");
  if (file) return safeDecode(file);
  const alt = attr("alt");
  return decodeEntities(alt ? (alt[2] ?? alt[3] ?? alt[4] ?? "") : "").trim() || "an image";
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Rewrites MathJax's `\( … \)` and `\[ … \]` as the bank's `$ … $` and `$$ … $$`. */
export function texDelimiters(text: string): string {
  return text.replace(/\\\(([\s\S]*?)\\\)/g, (_, tex: string) => `$${tex.trim()}$`).replace(/\\\[([\s\S]*?)\\\]/g, (_, tex: string) => `$$${tex.trim()}$$`);
}

/** A tidy text: spaces collapsed within lines, at most one blank line between paragraphs. */
function tidy(text: string): string {
  return text.split("\n").map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim()).join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

/**
 * Converts HTML to the bank's text and lists the images it held.
 * @example htmlToText("<p>Is <b>x</b> &gt; 0?</p><p><img src='@@PLUGINFILE@@/plot.png'></p>")
 *   // { text: "Is **x** > 0?\n\n[image not imported: plot.png]", images: ["plot.png"] }
 */
export function htmlToText(html: string): { text: string; images: string[] } {
  const images: string[] = [];
  const kept: string[] = [];
  // <pre> keeps its line breaks: it holds code; a private-use placeholder stands for it meanwhile.
  let s = html.replace(/<pre\b[^>]*>([\s\S]*?)<\/pre>/gi, (_, body: string) => {
    kept.push(decodeEntities(body.replace(/<br\s*\/?>/gi, "\n").replace(/<[^>]*>/g, "")));
    return `\n\n\uE000${kept.length - 1}\uE001\n\n`;
  });
  s = s.replace(/<!--[\s\S]*?-->/g, "").replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "");
  s = s.replace(/\s+/g, " ");
  s = s.replace(/<img\b[^>]*>/gi, (tag) => {
    const name = imageName(tag);
    images.push(name);
    return `[image not imported: ${name}]`;
  });
  s = s
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li\b[^>]*>/gi, "\n- ")
    .replace(/<\/(p|div|h[1-6]|ul|ol|table|blockquote|section)\s*>/gi, "\n\n")
    .replace(/<(p|div|h[1-6]|ul|ol|table|blockquote|section)\b[^>]*>/gi, "\n\n")
    .replace(/<\/tr\s*>/gi, "\n")
    .replace(/<\/t[dh]\s*>/gi, " ")
    .replace(/<\/?(strong|b)\b[^>]*>/gi, "**")
    .replace(/<\/?(em|i)\b[^>]*>/gi, "*")
    .replace(/<\/?code\b[^>]*>/gi, "`")
    .replace(/<[^>]*>/g, "");
  s = tidy(decodeEntities(s)).replace(/\*\*(\s*)\*\*/g, "$1").replace(/\uE000(\d+)\uE001/g, (_, i: string) => `\`\`\`\n${(kept[Number(i)] ?? "").replace(/^\n+|\s+$/g, "")}\n\`\`\``);
  return { text: texDelimiters(s), images };
}
