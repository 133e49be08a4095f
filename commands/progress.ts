import { reply } from "../src/core/chat/reply.ts";
import { progressBlocks } from "../src/core/views/progress-view.ts";
import type { Command } from "../src/services.ts";

export const progress: Command = {
  name: "progress",
  description: "See your scores per question and problem, what is due for review, your streak and exam results",
  options: [],
  access: "everyone",
  visibility: "private",
  examples: ["/progress"],
  async handle(input, { progress, bank, zone }) {
    const p = await progress.of({ course: input.course, user: input.user.id }, input.now);
    return reply(progressBlocks(p, bank.exam.title, zone), {
      data: {
        progress: {
          attempts: p.attempts,
          streakDays: p.streakDays,
          due: p.due,
          questions: p.problems.flatMap((x) => x.questions.map((q) => ({ question: q.question, best: q.best, attempts: q.attempts, max: q.max, hintsUsed: q.hintsUsed }))),
          exams: p.exams.map((e) => ({ score: e.score, max: e.max, bonus: e.bonus })),
        },
      },
    });
  },
};
