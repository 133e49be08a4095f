// Tokenizer for the LaTeX subset used in exam prompts. Never throws: any character is some token.

/** One lexical unit of TeX source. */
export type Token =
  | { kind: "command"; name: string }
  | { kind: "open" }
  | { kind: "close" }
  | { kind: "sup" }
  | { kind: "sub" }
  | { kind: "align" }
  | { kind: "space" }
  | { kind: "char"; value: string };

/** Split TeX source into tokens; a run of whitespace is one space token. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const chars = Array.from(source);
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] ?? "";
    if (ch === "\\") {
      let j = i + 1;
      while (j < chars.length && /^[a-zA-Z]$/.test(chars[j] ?? "")) j++;
      if (j > i + 1) {
        tokens.push({ kind: "command", name: chars.slice(i + 1, j).join("") });
        i = j;
      } else if (j < chars.length) {
        // A control symbol: \\, \{, \|, \, ... (one non-letter character).
        tokens.push({ kind: "command", name: chars[j] ?? "" });
        i = j + 1;
      } else {
        i = j;
      }
      continue;
    }
    if (/\s/.test(ch)) {
      while (i < chars.length && /\s/.test(chars[i] ?? "")) i++;
      tokens.push({ kind: "space" });
      continue;
    }
    tokens.push(simpleToken(ch));
    i++;
  }
  return tokens;
}

function simpleToken(ch: string): Token {
  switch (ch) {
    case "{": return { kind: "open" };
    case "}": return { kind: "close" };
    case "^": return { kind: "sup" };
    case "_": return { kind: "sub" };
    case "&": return { kind: "align" };
    default: return { kind: "char", value: ch };
  }
}

/** The source text of tokens, as close to the original as the tokens allow (for \text{...}). */
export function tokensToSource(tokens: readonly Token[]): string {
  return tokens.map((token) => {
    switch (token.kind) {
      case "command": return /^[a-zA-Z]/.test(token.name) ? `\\${token.name} ` : `\\${token.name}`;
      case "open": return "{";
      case "close": return "}";
      case "sup": return "^";
      case "sub": return "_";
      case "align": return "&";
      case "space": return " ";
      case "char": return token.value;
    }
  }).join("");
}
