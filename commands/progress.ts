import { reply } from "../src/core/chat/reply.ts";
import { progressBlocks } from "../src/core/views/progress-view.ts";
import type { Command } from "../src/services.ts";

export const progress: Command = {
  name: "progress",
  description: "See your scores per question and problem, what is due for review, your streak and exam results",
  options: [{ name: "bank", description: "Only this bank, e.g. midterm (default: every bank of the course)", type: "string", required: false }],
  access: "everyone",
  visibility: "private",
  examples: ["/progress", "/progress midterm"],
  async handle(input, { progress, zone }) {
    const p = await progress.of({ course: input.course, user: input.user.id }, input.now, input.options.bank);
    return reply(progressBlocks(p, zone), {
      data: {
        progress: {
          attempts: p.attempts,
          streakDays: p.streakDays,
          due: p.due,
          questions: p.banks.flatMap((b) => b.problems.flatMap((x) => x.questions.map((q) => ({ question: q.question, bank: b.bank, best: q.best, attempts: q.attempts, max: q.max, hintsUsed: q.hintsUsed })))),
          exams: p.banks.flatMap((b) => b.exams.map((e) => ({ bank: b.bank, score: e.score, max: e.max, bonus: e.bonus }))),
          banks: p.banks.map((b) => ({ bank: b.bank, title: b.title, best: b.problems.reduce((sum, x) => sum + x.best, 0) })),
        },
      },
    });
  },
};
