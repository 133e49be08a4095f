import type { CourseBankChoice } from "../bank/course-banks.ts";
import type { Question } from "../bank/schema.ts";
import type { AttemptRecord, AttemptRepository } from "../ports.ts";

/** One group of wrong answers: what the grader recognised in them, how many, and their share. */
export interface AnswerGroup {
  /** `mistake`: a named known mistake; `answer`: the same written answer; `missed`: the same rubric items missed. */
  kind: "mistake" | "answer" | "missed";
  label: string;
  count: number;
  /** Share of the wrong answers of this mode (0..1). */
  share: number;
  /** One answer of the group as a student wrote it. */
  example: string;
}

/** The wrong answers of one mode (practice or the mock exam), grouped and sorted by frequency. */
export interface ModeMistakes {
  answers: number;
  wrong: number;
  /** Answers still waiting for a TA: not counted as right or wrong yet. */
  pending: number;
  groups: AnswerGroup[];
}

/** What the class gets wrong on one question, in practice and in the mock exam separately. */
export interface QuestionMistakes {
  question: string;
  practice: ModeMistakes;
  exam: ModeMistakes;
}

/** Kinds graded by value: a wrong answer is grouped by what was written when no known mistake names it. */
const BY_VALUE = new Set(["number", "expression", "dimensions", "blanks", "choice"]);

/** Written answers that differ only in spacing and case are the same answer. */
function normalized(text: string): string {
  return text.toLowerCase().replace(/\s+/g, "");
}

/** What the grader recognised in one wrong answer: the group it belongs to. */
function groupOf(question: Question, a: AttemptRecord): { kind: AnswerGroup["kind"]; key: string; label: string } {
  if (a.mistakes.length) {
    const label = a.mistakes.join(" + ");
    return { kind: "mistake", key: `m:${label}`, label };
  }
  if (BY_VALUE.has(question.answer.kind)) {
    const text = a.answer.trim();
    return { kind: "answer", key: `a:${normalized(text)}`, label: text };
  }
  // Prose is never the same twice: what it missed of the rubric (and deductions it earned) is.
  const missed = a.items.filter((i) => (i.points > 0 && i.earned < i.points - 1e-9) || (i.points < 0 && i.earned < 0)).map((i) => i.label);
  const label = missed.length ? missed.join("; ") : "(nothing missed: partial credit)";
  return { kind: "missed", key: `r:${label}`, label };
}

/** Groups one mode's attempts; right answers and answers waiting for a TA are counted, not grouped. */
export function groupMistakes(question: Question, attempts: readonly AttemptRecord[], limit = 10): ModeMistakes {
  const pending = attempts.filter((a) => a.needsReview && a.reviewedBy === null).length;
  const wrong = attempts.filter((a) => !(a.needsReview && a.reviewedBy === null) && a.score < a.max - 1e-9);
  const groups = new Map<string, AnswerGroup>();
  for (const a of wrong) {
    const g = groupOf(question, a);
    const group = groups.get(g.key) ?? { kind: g.kind, label: g.label, count: 0, share: 0, example: a.answer };
    group.count++;
    groups.set(g.key, group);
  }
  const sorted = [...groups.values()]
    .map((g) => ({ ...g, share: wrong.length ? g.count / wrong.length : 0 }))
    .sort((x, y) => y.count - x.count || x.label.localeCompare(y.label));
  return { answers: attempts.length, wrong: wrong.length, pending, groups: sorted.slice(0, limit) };
}

/** The TAs' report of common wrong answers to a question (Gradescope's answer groups, in chat). */
export class MistakeReport {
  constructor(
    private readonly banks: CourseBankChoice,
    private readonly attempts: Pick<AttemptRepository, "forQuestion">,
  ) {}

  /** The report of the question a TA named (`2c-i`, `final/1a`) among the course's banks. */
  async forQuestion(course: string, questionId: string, limit = 10): Promise<QuestionMistakes> {
    const { question } = (await this.banks.of(course)).resolve(questionId, { command: "/stats question:", bankOption: false });
    const all = await this.attempts.forQuestion(course, question.id);
    return {
      question: question.id,
      practice: groupMistakes(question, all.filter((a) => a.mode === "practice"), limit),
      exam: groupMistakes(question, all.filter((a) => a.mode === "exam"), limit),
    };
  }
}
