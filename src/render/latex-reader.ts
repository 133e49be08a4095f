// A small recursive-descent reader from LaTeX tokens to Unicode text. It lays out only what reads
// well on one line (scripts, fractions) and turns environments (aligned, cases) into lines.
import type { Token } from "./latex-tokens.ts";
import {
  ACCENTS, DROPPED_ARGUMENT_COMMANDS, IGNORED_COMMANDS, PLAIN_FONT_COMMANDS, TEXT_COMMANDS,
  calligraphic, doubleStruck, formatScript, symbolFor, vulgarFraction,
} from "./latex-symbols.ts";
import { layoutEnvironment, textWidth } from "./latex-environments.ts";

/** Deeper nesting than this is junk, not a formula: the rest is shown flat instead of recursing. */
const MAX_DEPTH = 64;
/** More environments than this in one formula is junk (each one multiplies indentation). */
const MAX_ENVIRONMENTS = 64;

/** Why a sequence stopped: a cell or row boundary inside an environment, a `}`, `\end`, or the end. */
type Stop = "align" | "row" | "close" | "end" | "eof";

/** Symbols after which source spacing is dropped, so `\partial \mathcal{L}` reads ∂ℒ. */
const GLUE_AFTER = new Set(["∂", "∇", "√"]);

/** Reads one formula's tokens; `sequence(false, false)` renders the whole of it. */
export class Reader {
  private pos = 0;
  private depth = 0;
  private environments = 0;

  constructor(private readonly tokens: Token[]) {}

  /** Read until a stop token; `inEnvironment` makes & and \\ end the cell instead of printing. */
  sequence(inGroup: boolean, inEnvironment: boolean): { text: string; stop: Stop } {
    let out = "";
    // The last character written, kept aside: endsWith on a long concatenated string is O(n).
    let last = "";
    let glue = false;
    const write = (text: string): void => {
      out += text;
      if (text !== "") last = text.slice(-1);
    };
    const append = (piece: string): void => {
      const atLineStart = last === "" || last === " " || last === "\n";
      // Source spacing is a hint, not layout: never two spaces in a row, none at a line start.
      const text = atLineStart || glue ? piece.replace(/^ +/, "") : piece;
      if (text === "") return;
      write(indentBlock(text, out));
      glue = GLUE_AFTER.has(piece);
    };
    while (this.pos < this.tokens.length) {
      const token = this.tokens[this.pos++] as Token;
      switch (token.kind) {
        case "close":
          if (inGroup) return { text: out, stop: "close" };
          break; // a stray } is dropped
        case "align":
          if (inEnvironment) return { text: out, stop: "align" };
          append(" ");
          break;
        case "space":
          append(" ");
          break;
        case "sup":
        case "sub":
          write(formatScript(this.argument(), token.kind));
          glue = false;
          break;
        case "command":
          if (token.name === "\\" || token.name === "cr" || token.name === "newline") {
            if (inEnvironment) return { text: out, stop: "row" };
            out = out.trimEnd();
            write("\n");
            break;
          }
          if (token.name === "end") {
            this.rawGroup();
            if (inEnvironment) return { text: out, stop: "end" };
            break;
          }
          append(this.command(token.name));
          break;
        default:
          append(this.atom(token));
      }
    }
    return { text: out, stop: "eof" };
  }

  /** One argument: a {group}, or a single token (`x^2`, `\frac12`). */
  private argument(): string {
    if (this.depth >= MAX_DEPTH) return "";
    this.skipSpaces();
    const token = this.tokens[this.pos];
    if (token === undefined) return "";
    this.pos++;
    if (token.kind === "open") return this.group();
    if (token.kind === "char") return this.atom(token);
    if (token.kind !== "command") return "";
    // Commands as arguments nest without braces (\hat\hat x): count them against the depth too.
    this.depth++;
    const text = this.command(token.name);
    this.depth--;
    return text;
  }

  private group(): string {
    if (this.depth >= MAX_DEPTH) return flatten(this.rawGroup());
    this.depth++;
    const { text } = this.sequence(true, false);
    this.depth--;
    return text.trim();
  }

  private atom(token: Token): string {
    if (token.kind === "open") return this.group();
    if (token.kind !== "char") return "";
    if (token.value === "-") return "−";
    if (token.value === "~") return " ";
    return token.value;
  }

  private command(name: string): string {
    const symbol = symbolFor(name);
    if (symbol !== undefined) return symbol;
    if (IGNORED_COMMANDS.has(name)) return this.delimiterAfter(name);
    if (PLAIN_FONT_COMMANDS.has(name)) {
      if (name === "operatorname" && this.peekChar("*")) this.pos++;
      return this.argument();
    }
    if (TEXT_COMMANDS.has(name)) return textMode(this.rawGroup());
    if (DROPPED_ARGUMENT_COMMANDS.has(name)) {
      this.argument();
      return "";
    }
    const accent = ACCENTS[name];
    if (accent !== undefined) return withAccent(this.argument(), name, accent);
    switch (name) {
      case "mathbb": case "mathbbm": case "mathds": case "bbm": return doubleStruck(this.argument());
      case "mathcal": case "mathscr": return calligraphic(this.argument());
      case "frac": case "dfrac": case "tfrac": case "cfrac": return fraction(this.argument(), this.argument());
      case "binom": case "dbinom": case "tbinom": return `C(${this.argument()}, ${this.argument()})`;
      case "sqrt": return this.root();
      case "textcolor": this.argument(); return this.argument();
      case "overset": case "stackrel": case "underset": this.argument(); return this.argument();
      case "underbrace": case "overbrace": return this.argument();
      case "begin": return this.environment(flatten(this.rawGroup()).trim());
      default: return name; // unknown: show its name, as TeX users would read it
    }
  }

  /** After \left, \big, ...: the delimiter that follows, with `.` meaning none. */
  private delimiterAfter(name: string): string {
    const sized = /^(left|right|middle|[bB]ig+[lrm]?)$/.test(name);
    if (!sized) return "";
    this.skipSpaces();
    const token = this.tokens[this.pos];
    if (token === undefined) return "";
    if (token.kind === "char") {
      this.pos++;
      return token.value === "." ? "" : token.value;
    }
    if (token.kind === "command") {
      this.pos++;
      return symbolFor(token.name) ?? token.name;
    }
    return "";
  }

  private root(): string {
    let index = "";
    if (this.peekChar("[")) {
      this.pos++;
      while (this.pos < this.tokens.length && !this.peekChar("]")) {
        index += this.atom(this.tokens[this.pos++] as Token);
      }
      this.pos++;
    }
    const radicand = this.argument();
    const sign = index === "3" ? "∛" : index === "4" ? "∜" : `${index ? formatScript(index, "sup") : ""}√`;
    return sign + wrapIfCompound(radicand);
  }

  private environment(name: string): string {
    // array and alignat carry a column spec or count that is not content.
    if (name === "array" || name === "alignat" || name === "alignat*") this.rawGroup();
    if (this.depth >= MAX_DEPTH || ++this.environments > MAX_ENVIRONMENTS) {
      const rest = flatten(this.tokens.slice(this.pos));
      this.pos = this.tokens.length;
      return rest;
    }
    const rows: string[][] = [[]];
    for (;;) {
      this.depth++;
      const { text, stop } = this.sequence(false, true);
      this.depth--;
      (rows[rows.length - 1] as string[]).push(text.trim());
      if (stop === "row") rows.push([]);
      if (stop === "end" || stop === "eof") break;
    }
    return layoutEnvironment(name, rows);
  }

  /** The tokens of the next {group}, unparsed (for \text and environment names). */
  private rawGroup(): Token[] {
    this.skipSpaces();
    if (this.tokens[this.pos]?.kind !== "open") return [];
    const start = ++this.pos;
    let level = 1;
    while (this.pos < this.tokens.length) {
      const kind = (this.tokens[this.pos++] as Token).kind;
      if (kind === "open") level++;
      if (kind === "close" && --level === 0) return this.tokens.slice(start, this.pos - 1);
    }
    return this.tokens.slice(start);
  }

  private skipSpaces(): void {
    while (this.tokens[this.pos]?.kind === "space") this.pos++;
  }

  private peekChar(value: string): boolean {
    const token = this.tokens[this.pos];
    return token?.kind === "char" && token.value === value;
  }
}

/** Continue a multi-line piece (an environment) under the column where it starts. */
function indentBlock(piece: string, before: string): string {
  if (!piece.includes("\n")) return piece;
  const column = textWidth(before.slice(before.lastIndexOf("\n") + 1));
  return piece.split("\n").join("\n" + " ".repeat(column));
}

function fraction(numerator: string, denominator: string): string {
  return vulgarFraction(numerator, denominator)
    ?? `${wrapIfCompound(numerator)}/${wrapIfCompound(denominator)}`;
}

/** Parenthesize text that would not read as one factor next to `/` or `√`. */
function wrapIfCompound(text: string): string {
  const trimmed = text.trim();
  if (Array.from(trimmed).length <= 1 || isWrapped(trimmed)) return trimmed;
  return /[\s+−\-=<>≤≥,/×·⊙∈]/.test(trimmed) ? `(${trimmed})` : trimmed;
}

/** Whether the text is one parenthesized unit, e.g. "(a + b)" but not "(a)(b)". */
function isWrapped(text: string): boolean {
  if (!text.startsWith("(") || !text.endsWith(")")) return false;
  let level = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") level++;
    if (text[i] === ")" && --level === 0 && i < text.length - 1) return false;
  }
  return true;
}

function withAccent(base: string, name: string, mark: string): string {
  if (Array.from(base).length === 1) return (base + mark).normalize("NFC");
  return `${name}(${base})`;
}

/** \text{...}: prose kept as written, with escapes undone and $...$ read as math. */
function textMode(tokens: Token[]): string {
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === "char" && token.value === "$") {
      const close = tokens.findIndex((t, j) => j > i && t.kind === "char" && t.value === "$");
      const end = close < 0 ? tokens.length : close;
      out += new Reader(tokens.slice(i + 1, end)).sequence(false, false).text.trim();
      i = end;
    } else if (token.kind === "command") {
      out += symbolFor(token.name) ?? (TEXT_COMMANDS.has(token.name) ? "" : token.name);
    } else {
      out += flatten([token]);
    }
  }
  return out;
}

/** Tokens as plain characters: the fallback for input too deep to lay out. */
function flatten(tokens: readonly Token[]): string {
  return tokens.map((token) => {
    switch (token.kind) {
      case "char": return token.value;
      case "space": return " ";
      case "command": return symbolFor(token.name) ?? token.name;
      case "sup": return "^";
      case "sub": return "_";
      default: return "";
    }
  }).join("");
}

