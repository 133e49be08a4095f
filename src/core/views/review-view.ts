import type { Block, Reply, ReplyButton } from "../chat/reply.ts";
import { heading, list, quote, reply, text, verbatim } from "../chat/reply.ts";
import { formatScore } from "../format.ts";
import { variantNote } from "../bank/question-variants.ts";
import type { ReviewItem, ReviewRubricItem } from "../ta/review-service.ts";
import type { TimeZone } from "../time-zone.ts";

/**
 * One answer of the review queue for a TA: the question, the student, the answer, the automatic
 * grade, the rubric, and buttons (full marks, zero, a score with a note, rubric items, skip).
 */
export function reviewReply(item: ReviewItem, rubric: ReviewRubricItem[], zone: TimeZone, before: Block[] = []): Reply {
  const { attempt: a, question: q } = item;
  const id = String(a.id);
  const where = a.mode === "exam" ? "mock exam" : "practice";
  const blocks: Block[] = [
    ...before,
    heading(`Review (${item.waiting} waiting): answer #${a.id} to ${q.id} — ${q.title} (${q.points} points) by ${verbatim(item.student)}, ${where}, ${zone.format(a.createdAt)}`),
    ...(a.variant ? [text(variantNote(a.variant))] : []),
    text("Answer:"),
    quote(a.answer),
  ];
  if (a.justification) blocks.push(text("Justification:"), quote(a.justification));
  if (item.files.length) {
    blocks.push(text(`Attached: ${item.files.map((f) => `${verbatim(f.name)} (${f.contentType}, ${kilobytes(f.bytes.length)})`).join("; ")}; shown with this message.`));
  } else if (q.answer.kind === "drawing") {
    blocks.push(text("Attached image: none stored with this answer; the drawing is described in words above."));
  }
  blocks.push(text(`Automatic grade: ${formatScore(a.score, a.max)}${a.feedback.length ? ` — ${a.feedback.join(" ")}` : ""}`));
  if (rubric.length) blocks.push(text("Rubric:"), list(rubric.map((r) => `${r.id} (${r.points}): ${r.label}`)));
  blocks.push(text(`Grade with /review ${a.id} SCORE NOTE${rubric.length ? ` or /review ${a.id} items: ${rubric.slice(0, 2).map((r) => r.id).join(",")}` : ""}.`));
  const buttons: ReplyButton[] = [
    { label: `Award full (${a.max})`, style: "primary", action: { command: "review", options: { attempt: id, score: String(a.max) } } },
    { label: "Award 0", style: "danger", action: { command: "review", options: { attempt: id, score: "0" } } },
    { label: "Score and note…", form: { title: `Grade answer #${id} (${q.id})`, action: { command: "review", options: { attempt: id } }, field: { option: "score", label: `Score out of ${a.max}, then a note`, placeholder: `${a.max} clear and complete`, maxLength: 1000 } } },
  ];
  if (rubric.length) {
    buttons.push({ label: "Award items…", form: { title: `Rubric items for #${id} (${q.id})`, action: { command: "review", options: { attempt: id } }, field: { option: "items", label: `Item ids earned, comma-separated (${rubric.map((r) => r.id).join(", ")})`, maxLength: 500 } } });
  }
  buttons.push({ label: "Skip", style: "secondary", action: { command: "review", options: { after: id } } });
  return reply(blocks, {
    buttons,
    ...(item.files.length ? { files: item.files.map((f) => ({ name: f.name, contentType: f.contentType, data: f.bytes })) } : {}),
    data: { review: { attempt: a.id, question: q.id, user: a.user, waiting: item.waiting, attachments: item.files.map((f) => ({ name: f.name, contentType: f.contentType, bytes: f.bytes.length })) } },
  });
}

const kilobytes = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;
