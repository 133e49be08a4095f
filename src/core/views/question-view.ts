import type { ChoiceAnswer, Question } from "../bank/schema.ts";
import type { Action, Block, FormRequest, Reply, ReplyButton } from "../chat/reply.ts";
import { heading, list, reply, text } from "../chat/reply.ts";
import type { ServeReason } from "../practice/practice-service.ts";

const REASONS: Record<ServeReason, string> = {
  requested: "",
  topic: "",
  due: "Due for review.",
  new: "New to you.",
  weakest: "Your weakest so far.",
};

/** The letters of a choice's options: `a to d`. */
const optionRange = (a: ChoiceAnswer) => `${a.options[0]?.id ?? "a"} to ${a.options.at(-1)?.id ?? "a"}`;

/** How to type an answer, by kind, when the bank gives no specific advice. */
function defaultHowTo(q: Question): string {
  switch (q.answer.kind) {
    case "truefalse": return q.answer.justification.length === 0
      ? `True or false: \`/answer ${q.id} true\``
      : `Start with true or false, then justify: \`/answer ${q.id} false, because ...\``;
    // No example letter: any letter shown could read as a hint.
    case "choice": return q.answer.multiple
      ? `\`/answer ${q.id}\` and the letters of every option you choose (${optionRange(q.answer)}), separated by commas.`
      : `\`/answer ${q.id}\` and the letter of one option (${optionRange(q.answer)}).`;
    case "number": return `A number; arithmetic is fine: \`/answer ${q.id} 32*3*3*16\``;
    case "dimensions": return `Dimensions like \`m x n\`: \`/answer ${q.id} m x n\``;
    case "blanks": return `One \`label: value\` per blank, separated by \`;\`: ${q.answer.blanks.map((b) => `${b.label}: …`).join("; ")}`;
    case "expression": return `A formula using ${Object.keys(q.answer.symbols).concat(Object.keys(q.answer.derived)).join(", ")}.`;
    case "drawing": return `Describe your drawing, or attach a photo of it; a TA grades it.`;
    case "proof": return `Write your proof; a TA grades it.`;
    case "essay": return `Write your answer in a few paragraphs; a TA grades it.`;
    case "short": return `A few sentences: \`/answer ${q.id} ...\``;
  }
}

/** One button per option fits one row with the solution and next-question buttons on the next. */
const MAX_OPTION_BUTTONS = 5;

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
  const pick = (answer: string): Action => ({ command: "answer", options: { question: q.id, answer } });
  if (q.answer.kind === "truefalse") {
    // With no justification to write, the choice is the whole answer: the button answers at once.
    if (q.answer.justification.length === 0) buttons.push({ label: "True", style: "primary", action: pick("true") }, { label: "False", style: "primary", action: pick("false") });
    else buttons.push({ label: "True", style: "primary", form: form("true") }, { label: "False", style: "primary", form: form("false") });
  } else if (q.answer.kind === "choice" && !q.answer.multiple && q.answer.options.length <= MAX_OPTION_BUTTONS) {
    buttons.push(...q.answer.options.map((o): ReplyButton => ({ label: `(${o.id})`, style: "primary", action: pick(o.id) })));
  } else if (["short", "proof", "drawing", "essay", "choice"].includes(q.answer.kind)) {
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
  blocks.push(text(q.prompt.trim()));
  if (q.answer.kind === "choice") blocks.push(list(q.answer.options.map((o) => `(${o.id}) ${o.text}`)));
  blocks.push(text(`How to answer: ${(q.howToAnswer ?? defaultHowTo(q)).trim()}`));
  return reply(blocks, { buttons: questionButtons(q), data: { question: { id: q.id, points: q.points, kind: q.answer.kind } } });
}
