import { type Block, heading, list, text, verbatim } from "../chat/reply.ts";
import type { ModeMistakes, QuestionMistakes } from "../stats/mistake-report.ts";

const KIND: Record<string, string> = { mistake: "known mistake", answer: "answer", missed: "missed" };

function modeBlocks(title: string, m: ModeMistakes): Block[] {
  const counted = `${m.answers} answer${m.answers === 1 ? "" : "s"}, ${m.wrong} not full marks${m.pending ? `, ${m.pending} waiting for a TA` : ""}`;
  if (m.groups.length === 0) return [heading(`${title}: ${counted}`), text("No wrong answers to group.")];
  // A list, not a table: table cells are plain text, and what students wrote must stay verbatim.
  const lines = m.groups.map((g) => {
    const what = g.kind === "answer" ? `answer ${verbatim(g.label)}` : `${KIND[g.kind] ?? g.kind}: ${g.label}`;
    return `${g.count} (${Math.round(g.share * 100)}%) · ${what}`;
  });
  return [heading(`${title}: ${counted}`), list(lines)];
}

/** `/stats question: 2c-i`: the most frequent wrong answers, practice and mock exam apart. */
export function mistakesBlocks(r: QuestionMistakes): Block[] {
  return [
    heading(`Common wrong answers to ${r.question} (share of the answers without full marks)`),
    ...modeBlocks("Practice", r.practice),
    ...modeBlocks("Mock exam", r.exam),
  ];
}
