import type { Question } from "../bank/schema.ts";
import type { Block, FormRequest, Reply, ReplyButton } from "../chat/reply.ts";
import { heading, reply, text } from "../chat/reply.ts";
import type { ServeReason } from "../practice/practice-service.ts";

const REASONS: Record<ServeReason, string> = {
  requested: "",
  topic: "",
  due: "Due for review.",
  new: "New to you.",
  weakest: "Your weakest so far.",
};

/** How to type an answer, by kind, when the bank gives no specific advice. */
function defaultHowTo(q: Question): string {
  switch (q.answer.kind) {
    case "truefalse": return `Start with true or false, then justify: \`/answer ${q.id} false, because ...\``;
    case "number": return `A number; arithmetic is fine: \`/answer ${q.id} 32*3*3*16\``;
    case "dimensions": return `Dimensions like \`m x n\`: \`/answer ${q.id} m x n\``;
    case "blanks": return `One \`label: value\` per blank, separated by \`;\`: ${q.answer.blanks.map((b) => `${b.label}: …`).join("; ")}`;
    case "expression": return `A formula using ${Object.keys(q.answer.symbols).concat(Object.keys(q.answer.derived)).join(", ")}.`;
    case "drawing": return `Describe your drawing, or attach a photo of it; a TA grades it.`;
    case "proof": return `Write your proof; a TA grades it.`;
    case "short": return `A few sentences: \`/answer ${q.id} ...\``;
  }
}

/** Buttons under a question: how to answer (when a form fits), show the solution, next question. */
function questionButtons(q: Question): ReplyButton[] {
  const form = (answer?: string): FormRequest => ({
    title: `Answer ${q.id}`,
    action: { command: "answer", options: answer ? { question: q.id, answer } : { question: q.id } },
    field: answer
      ? { option: "justification", label: "Why? (no credit without reasoning)", maxLength: 4000 }
      : { option: "answer", label: "Your answer", maxLength: 4000 },
  });
  const buttons: ReplyButton[] = [];
  if (q.answer.kind === "truefalse") {
    buttons.push({ label: "True", style: "primary", form: form("true") }, { label: "False", style: "primary", form: form("false") });
  } else if (["short", "proof", "drawing"].includes(q.answer.kind)) {
    buttons.push({ label: "Answer", style: "primary", form: form() });
  }
  buttons.push(
    { label: "Show solution", style: "secondary", action: { command: "solution", options: { question: q.id } } },
    { label: "Next question", style: "secondary", action: { command: "quiz", options: {} } },
  );
  return buttons;
}

/** A question as a student sees it: id, points, problem, prompt, and how to answer. */
export function questionReply(q: Question, problemTitle: string, reason: ServeReason = "requested"): Reply {
  const blocks: Block[] = [heading(`Question ${q.id} · ${q.points} point${q.points === 1 ? "" : "s"}${q.bonus ? " (bonus)" : ""} · Problem ${q.problem}: ${problemTitle}`)];
  if (REASONS[reason]) blocks.push(text(REASONS[reason]));
  if (q.context) blocks.push(text(q.context.trim()));
  blocks.push(text(q.prompt.trim()), text(`How to answer: ${(q.howToAnswer ?? defaultHowTo(q)).trim()}`));
  return reply(blocks, { buttons: questionButtons(q), data: { question: { id: q.id, points: q.points, kind: q.answer.kind } } });
}
