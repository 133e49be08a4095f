import { verbatim } from "../chat/reply.ts";
import { UserError } from "../errors.ts";
import type { CourseRepository } from "../ports.ts";
import type { BankLibrary } from "./bank-library.ts";
import { type QuestionBank, UnknownQuestionError } from "./question-bank.ts";
import type { Question } from "./schema.ts";

/** A question a person named, found: its bank, the question (named by its key) and the key. */
export interface ResolvedQuestion {
  bank: QuestionBank;
  question: Question;
  key: string;
}

/** How a person named a question, for the message when the name fits several banks. */
export interface ResolveOptions {
  /** The `bank` option, when the command has one and it was given. */
  bank?: string;
  /** What the person typed before the question, for the message's examples (default `/quiz`). */
  command?: string;
  /** How the bank is given as an option (default `bank:`), or false when there is no such option. */
  bankOption?: string | false;
}

/** `BANK/ID` or `BANK ID`: a bank's name, then the id within it. */
const PREFIXED = [/^\s*([a-z0-9][\w-]*)\s*\/\s*(\S.*)$/i, /^\s*([a-z0-9][\w-]*)\s+(\S.*)$/i];

/**
 * The banks one course uses, in its order, and how what a person types names a question of them:
 * `final/1a`, `final 1a`, or `1a` with the bank option; a bare `1a` is the one bank's that has it,
 * and a user error listing the choices when several do.
 */
export class CourseBanks {
  constructor(
    readonly banks: readonly QuestionBank[],
    readonly library: BankLibrary,
  ) {}

  /** The banks' exam ids, in the course's order. */
  ids(): string[] {
    return this.banks.map((b) => b.exam.id);
  }

  /** Every question of the course's banks, bank by bank. */
  all(): Question[] {
    return this.banks.flatMap((b) => b.all());
  }

  /** Topics of the course's banks, in the order they first appear. */
  topics(): string[] {
    return [...new Set(this.banks.flatMap((b) => b.topics()))];
  }

  /** Questions on a topic in the course's banks. */
  byTopic(topic: string): Question[] {
    return this.banks.flatMap((b) => b.byTopic(topic));
  }

  /** Whether the question with this key is in one of the course's banks. */
  has(key: string): boolean {
    const found = this.library.byKey(key);
    return found !== undefined && this.banks.includes(found.bank);
  }

  /** `midterm (Midterm), quiz1 (Quiz 1)`: the banks as a person reads them. */
  describe(): string {
    return this.banks.map((b) => `${b.exam.id} (${b.exam.title})`).join(", ");
  }

  /** The course's bank named by exam id or title; a user error saying which banks there are otherwise. */
  bank(name: string): QuestionBank {
    const found = this.library.bank(name);
    if (found && this.banks.includes(found)) return found;
    if (found) throw new UserError("bank-not-used", `The bank ${found.exam.id} (${found.exam.title}) is not used in this course. Its banks: ${this.describe()}.`);
    throw new UserError("unknown-bank", `There is no bank "${verbatim(name.trim())}". This course's banks: ${this.describe()}.`);
  }

  /**
   * The one bank meant: the one named, else the course's only bank; with several and none named,
   * a user error listing them, with `example(id)` showing how to name one.
   */
  only(name: string | undefined, example: (id: string) => string): QuestionBank {
    if (name?.trim()) return this.bank(name);
    if (this.banks.length === 1) return this.banks[0]!;
    throw new UserError("which-bank", `This course has ${this.banks.length} banks: ${this.describe()}. Say which, e.g. ${this.banks.map((b) => `\`${example(b.exam.id)}\``).join(" or ")}.`);
  }

  /**
   * The bank an assessment name means in /stats and /export: its exam id or title, or the course's
   * first bank for no name, `mock` or `exam`; null for any other name (an imported assessment's).
   */
  mockExam(name = ""): QuestionBank | null {
    const wanted = name.trim().toLowerCase();
    if (wanted === "" || wanted === "mock" || wanted === "exam") return this.banks[0]!;
    const bank = this.library.bank(wanted);
    return bank && this.banks.includes(bank) ? bank : null;
  }

  /** The questions a typed name could be, in the course's banks (several for a bare id two banks share). */
  matches(typed: string, bankName?: string): ResolvedQuestion[] {
    const found = (bank: QuestionBank, id: string): ResolvedQuestion[] => {
      const question = bank.get(id);
      return question ? [{ bank, question, key: question.id }] : [];
    };
    const prefixed = this.prefixed(typed);
    if (bankName?.trim()) {
      const bank = this.bank(bankName);
      if (prefixed && prefixed.bank !== bank) return [];
      return found(bank, prefixed?.id ?? typed);
    }
    if (prefixed) return this.banks.includes(prefixed.bank) ? found(prefixed.bank, prefixed.id) : [];
    return this.banks.flatMap((b) => found(b, typed));
  }

  /**
   * The question a person named, or a user error: the id is unknown (listing the ids), its bank is
   * not the course's, or a bare id is in several banks (listing how to name each).
   * @example course.resolve("1a", { bank: "final" }).key // "final/1a"
   */
  resolve(typed: string, options: ResolveOptions = {}): ResolvedQuestion {
    const prefixed = this.prefixed(typed);
    // A bank that is not the course's is named as such, not as an unknown question.
    if (prefixed && !this.banks.includes(prefixed.bank)) this.bank(prefixed.bank.exam.id);
    const matches = this.matches(typed, options.bank);
    if (matches.length === 1) return matches[0]!;
    if (matches.length === 0) {
      const within = options.bank?.trim() ? [this.bank(options.bank)] : prefixed ? [prefixed.bank] : this.banks;
      throw new UnknownQuestionError(typed.trim(), within.flatMap((b) => b.ids()));
    }
    // The bank's own spelling of the id (`1d-i` for a typed `1D I`), the same in every bank that has it.
    const key = matches[0]!.key;
    const id = key.slice(key.indexOf("/") + 1);
    const command = options.command ?? "/quiz";
    const bankOption = options.bankOption ?? "bank:";
    const names = matches.map((m) => m.bank.exam.id);
    const last = names.at(-1)!;
    const ways = names.map((b) => `${command} ${b}/${id}`).join(" or ");
    throw new UserError("ambiguous-question", `${id} is in ${names.slice(0, -1).join(", ")} and ${last}: say ${ways}${bankOption === false ? "" : `, or add ${bankOption} ${last}`}.`);
  }

  /** `final/1a` or `final 1a` where `final` is a loaded bank: the bank and the id within it. */
  private prefixed(typed: string): { bank: QuestionBank; id: string } | null {
    for (const pattern of PREFIXED) {
      const m = pattern.exec(typed);
      const bank = m && this.library.bank(m[1]!);
      if (bank) return { bank, id: m[2]! };
    }
    return null;
  }
}

/**
 * Which banks each course uses, as the store keeps them (`tutor course banks`). With one bank
 * loaded there is nothing to choose, and the store is not asked.
 */
export class CourseBankChoice {
  constructor(
    readonly library: BankLibrary,
    private readonly courses: Pick<CourseRepository, "banks">,
  ) {}

  /** The banks `course` uses, in its order. */
  async of(course: string): Promise<CourseBanks> {
    if (this.library.banks.length === 1) return this.library.forCourse();
    return this.library.forCourse(await this.courses.banks(course));
  }
}
