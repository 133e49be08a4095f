import type { CommandInput } from "../src/core/chat/command-input.ts";
import { reply } from "../src/core/chat/reply.ts";
import type { AssessmentStats } from "../src/core/stats/stats-service.ts";
import { mistakesBlocks } from "../src/core/views/mistakes-view.ts";
import { gradersLines, regradeLine, statsBlocks, statsData } from "../src/core/views/stats-view.ts";
import { histogramBins, renderHistogram } from "../src/render/histogram-png.ts";
import type { Command } from "../src/services.ts";

const BIN_WIDTH = 5;

/** The histogram's bins: from the lowest score's bin (no run of empty bars) to the top score or the full marks. */
export function statsBins(stats: AssessmentStats) {
  const low = stats.overall?.low ?? 0;
  const high = stats.overall?.high ?? 0;
  const min = Math.floor(low / BIN_WIDTH) * BIN_WIDTH;
  const max = Math.max(stats.outOf, Math.ceil(high / BIN_WIDTH) * BIN_WIDTH, min + BIN_WIDTH);
  return histogramBins(stats.scores, { width: BIN_WIDTH, min, max });
}

/**
 * Reads /stats' options without side effects: whether to post, and the words left for the
 * assessment and the section. `/stats post` and `/stats midterm post`: the word fills a positional
 * slot, but means post. The visibility and the handler both use it, so they always agree.
 */
export function readStats(options: CommandInput["options"]): { post: boolean; assessment?: string; section?: string } {
  const words = [options.assessment, options.section].map((w) => w?.trim() || undefined);
  const isPost = (w: string | undefined) => w?.toLowerCase() === "post";
  const post = /^(true|yes|post)$/i.test(options.post?.trim() ?? "") || words.some(isPost);
  const [assessment, section] = words.map((w) => (isPost(w) ? undefined : w));
  return { post, assessment, section };
}

/** `/stats [assessment] [section] [post]`: private to the TA unless posted. */
export const stats: Command = {
  name: "stats",
  description: "Score statistics overall and per section, with a histogram; post to share them",
  options: [
    { name: "assessment", description: "A bank's mock exam (midterm, the first bank, by default) or an imported assessment", type: "string", required: false },
    { name: "section", description: "Only this section, e.g. C247", type: "string", required: false },
    { name: "post", description: "Post to the channel instead of showing only you", type: "boolean", required: false },
    { name: "question", description: "A question id such as 2c-i: its most common wrong answers", type: "string", required: false },
  ],
  access: "ta",
  visibility: (input) => (readStats(input.options).post ? "public" : "private"),
  examples: ["/stats", "/stats assessment: paper-midterm", "/stats midterm C247", "/stats post: true", "/stats question: 2c-i"],
  async handle(input, { stats: service, bank: library, courseBanks, zone, mistakes }) {
    const request = readStats(input.options);
    const { post } = request;
    let { assessment, section } = request;
    const names = () => service.names(input.course);
    // `/stats 2c-i`: a question id where the assessment goes (no assessment is named like a question).
    const asQuestion = assessment && !section && (await courseBanks.of(input.course)).matches(assessment).length && !(await names()).some((n) => n.toLowerCase() === assessment!.toLowerCase()) ? assessment : undefined;
    const questionId = input.options.question?.trim() || asQuestion;
    if (questionId) {
      const report = await mistakes.forQuestion(input.course, questionId);
      return reply(mistakesBlocks(report), { data: { mistakes: report } });
    }
    // `/stats C247`: a section given where the assessment goes.
    if (assessment && !section && library.sections().some((s) => s.toLowerCase() === assessment!.toLowerCase()) && !(await names()).some((n) => n.toLowerCase() === assessment!.toLowerCase())) {
      [assessment, section] = [undefined, assessment];
    }
    const result = await service.compute(input.course, { assessment, section });
    // Graders and the regrade window are the bank's; an imported assessment goes by the course's first bank.
    const bank = (result.bank ? library.bank(result.bank) : undefined) ?? (await courseBanks.of(input.course)).banks[0]!;
    const blocks = statsBlocks(result, post ? { graders: gradersLines(bank), regrades: regradeLine(result.kind, bank.exam.regradeWindowDays, input.now, zone) } : {});
    const bins = statsBins(result);
    const title = `${result.assessment}${result.section ? ` ${result.section}` : ""} scores (n = ${result.scores.length})`;
    const images = result.scores.length
      ? [{ name: "score-histogram.png", alt: `Histogram of ${title}, bins of ${BIN_WIDTH} points`, png: renderHistogram({ title, bins, xLabel: "Score", yLabel: "Students" }) }]
      : [];
    const data = { ...statsData(result), histogram: { bins: bins.map((b) => ({ label: b.label, count: b.count })) } };
    return reply(blocks, { images, data });
  },
};
