/**
 * A small, safe arithmetic language over a question's parameters, for derived values
 * (`N - F1 + 1`), constraints (`F2 <= O and K1 != C`) and templates (`{{K2*F2*F2*K1}}`).
 * It is written by bank authors, not students, but it is still closed: integers, names,
 * + - * / % ^, comparisons, and/or/not, min/max/abs/floor/ceil; nothing else parses, and
 * nothing reaches a general evaluator. Booleans are 1 and 0.
 */

/** A parsed expression: the names it reads, and its value for given parameter values. */
export interface ParameterExpression {
  readonly names: readonly string[];
  evaluate(values: Readonly<Record<string, number>>): number;
}

export type ParsedParameterExpression = { ok: true; expression: ParameterExpression } | { ok: false; message: string };

const MAX_LENGTH = 300;
const FUNCTIONS: Record<string, (...args: number[]) => number> = {
  min: Math.min, max: Math.max, abs: Math.abs, floor: Math.floor, ceil: Math.ceil,
};
const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|==|!=|&&|\|\||[-+*/%^(),<>!]))/y;

type Node = (values: Readonly<Record<string, number>>) => number;

class ParseFailure extends Error {}

/**
 * Parses `text`; a mistake comes back as a message naming what was not understood.
 * @example parseParameterExpression("N - F + 1") // ok; .evaluate({ N: 32, F: 7 }) === 26
 */
export function parseParameterExpression(text: string): ParsedParameterExpression {
  if (text.length > MAX_LENGTH) return { ok: false, message: `"${text.slice(0, 40)}…" is longer than ${MAX_LENGTH} characters` };
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (text.slice(at).trim() === "") break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) return { ok: false, message: `"${text}" has something not understood at "${text.slice(at).trim().slice(0, 10)}" (use numbers, parameter names, + - * / % ^, comparisons, and, or, not, min, max, abs, floor, ceil)` };
    tokens.push((m[1] ?? m[2] ?? m[3])!);
    at = TOKEN.lastIndex;
  }
  const names = new Set<string>();
  try {
    const parser = new Parser(tokens, names);
    const node = parser.expression();
    if (!parser.done()) throw new ParseFailure(`unexpected "${parser.peek()}"`);
    return { ok: true, expression: { names: [...names], evaluate: node } };
  } catch (error) {
    if (!(error instanceof ParseFailure)) throw error;
    return { ok: false, message: `"${text}" cannot be read: ${error.message}` };
  }
}

/** Precedence climbing, lowest first: or, and, not, comparison, + -, * / %, unary -, ^. */
class Parser {
  private i = 0;
  constructor(private readonly tokens: string[], private readonly names: Set<string>) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  peek(): string | undefined {
    return this.tokens[this.i];
  }

  private take(...wanted: string[]): string | undefined {
    const t = this.peek();
    if (t !== undefined && wanted.includes(t)) {
      this.i++;
      return t;
    }
    return undefined;
  }

  expression(): Node {
    let left = this.conjunction();
    while (this.take("or", "||")) {
      const a = left, b = this.conjunction();
      left = (v) => (a(v) !== 0 || b(v) !== 0 ? 1 : 0);
    }
    return left;
  }

  private conjunction(): Node {
    let left = this.negation();
    while (this.take("and", "&&")) {
      const a = left, b = this.negation();
      left = (v) => (a(v) !== 0 && b(v) !== 0 ? 1 : 0);
    }
    return left;
  }

  private negation(): Node {
    if (this.take("not", "!")) {
      const a = this.negation();
      return (v) => (a(v) === 0 ? 1 : 0);
    }
    return this.comparison();
  }

  private comparison(): Node {
    const a = this.sum();
    const op = this.take("<", "<=", ">", ">=", "==", "!=");
    if (!op) return a;
    const b = this.sum();
    const compare: Record<string, (x: number, y: number) => boolean> = {
      "<": (x, y) => x < y, "<=": (x, y) => x <= y, ">": (x, y) => x > y, ">=": (x, y) => x >= y,
      "==": (x, y) => x === y, "!=": (x, y) => x !== y,
    };
    const f = compare[op]!;
    return (v) => (f(a(v), b(v)) ? 1 : 0);
  }

  private sum(): Node {
    let left = this.product();
    for (let op = this.take("+", "-"); op; op = this.take("+", "-")) {
      const a = left, b = this.product();
      left = op === "+" ? (v) => a(v) + b(v) : (v) => a(v) - b(v);
    }
    return left;
  }

  private product(): Node {
    let left = this.unary();
    for (let op = this.take("*", "/", "%"); op; op = this.take("*", "/", "%")) {
      const a = left, b = this.unary();
      left = op === "*" ? (v) => a(v) * b(v) : op === "/" ? (v) => a(v) / b(v) : (v) => a(v) % b(v);
    }
    return left;
  }

  private unary(): Node {
    if (this.take("-")) {
      const a = this.unary();
      return (v) => -a(v);
    }
    return this.power();
  }

  private power(): Node {
    const base = this.atom();
    if (!this.take("^")) return base;
    const exponent = this.unary();
    return (v) => base(v) ** exponent(v);
  }

  private atom(): Node {
    const t = this.peek();
    if (t === undefined) throw new ParseFailure("it ends too early");
    this.i++;
    if (t === "(") {
      const inner = this.expression();
      if (!this.take(")")) throw new ParseFailure("a \"(\" is not closed");
      return inner;
    }
    if (/^\d/.test(t)) {
      const n = Number(t);
      return () => n;
    }
    if (/^[A-Za-z_]/.test(t) && !["and", "or", "not"].includes(t)) {
      if (this.take("(")) return this.call(t);
      this.names.add(t);
      return (v) => {
        const value = v[t];
        if (value === undefined) throw new UnknownParameterError(t);
        return value;
      };
    }
    throw new ParseFailure(`unexpected "${t}"`);
  }

  private call(name: string): Node {
    const f = FUNCTIONS[name];
    if (!f) throw new ParseFailure(`"${name}" is not a function here (use ${Object.keys(FUNCTIONS).join(", ")})`);
    const args: Node[] = [];
    if (!this.take(")")) {
      do args.push(this.expression()); while (this.take(","));
      if (!this.take(")")) throw new ParseFailure(`the call to ${name} is not closed`);
    }
    if (args.length === 0) throw new ParseFailure(`${name} needs an argument`);
    return (v) => f(...args.map((a) => a(v)));
  }
}

/** An expression read a name that has no value: a bank mistake, reported where it is used. */
export class UnknownParameterError extends Error {
  override readonly name = "UnknownParameterError";
  constructor(readonly parameter: string) {
    super(`"${parameter}" is not a parameter of this question`);
  }
}
