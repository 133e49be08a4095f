// Every command's reply, for every question, as student and TA, deliveries and timed work included,
// rendered by the console, Discord and Slack renderers: none may pass a platform limit, let a mention
// or a control character through, or leave a code fence open.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { CONSOLE_COURSE, consoleUserId } from "../../src/adapters/console/console-chat.ts";
import { replyToText } from "../../src/adapters/console/console-renderer.ts";
import { renderDiscordReply } from "../../src/adapters/discord/discord-renderer.ts";
import { renderSlackReply } from "../../src/adapters/slack/slack-renderer.ts";
import type { Question } from "../../src/core/bank/schema.ts";
import type { Role } from "../../src/core/chat/command-input.ts";
import type { Adapter } from "../../src/core/chat/adapter.ts";
import type { CourseDelivery, Delivery, ReplyButton, VisibleReply } from "../../src/core/chat/reply.ts";
import { ConsoleDriver, TestClock } from "../fakes/console-driver.ts";
import { discordProblems, hasControl, slackProblems } from "../fakes/platform-limits.ts";

/** What a hostile or careless student types: Markdown of both platforms, mentions, terminal escapes, NUL. */
const HOSTILE = "@everyone @here <!channel> <@123> <@!123> <@&456> <#789> **not bold** *nor this* _x_ ~y~ `tick` ||spoiler|| [link](https://evil.example) <https://evil.example|click> & \u001b[31mred\u001b[0m \u0000nul";
const LONG = (n: number) => Array.from({ length: n }, (_, i) => (i % 7 === 6 ? `${HOSTILE}\n# heading ${i}\n> quote ${i}` : `word${i}`)).join(" ");

/** Words or phrases the rubric looks for, anywhere in a question's answer spec (rubric groups nest). */
function phrases(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(phrases);
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const own = Array.isArray(record.phrases) ? record.phrases.filter((p): p is string => typeof p === "string" && !p.startsWith("unless:")) : [];
    return [...own.slice(0, 1), ...Object.entries(record).filter(([k]) => k !== "phrases").flatMap(([, v]) => phrases(v))];
  }
  return [];
}

/** An answer a student might give: the reference where the bank has one, rubric phrases where not. */
function plausible(q: Question): string {
  const a = q.answer;
  switch (a.kind) {
    case "number": return String(a.value);
    case "expression": return a.reference;
    case "dimensions": return a.value.join(" x ");
    case "blanks": return a.blanks.map((b) => `${b.label}: ${"reference" in b ? b.reference : Array.isArray(b.value) ? b.value.join(" x ") : String(b.value)}`).join("; ");
    case "truefalse": return `${a.correct ? "true" : "false"}, because ${phrases(a.justification).slice(0, 3).join(", ")}`;
    case "short": return phrases(a.rubric).join(". ");
    case "choice": return a.options.filter((o) => o.points > 0).map((o) => o.id).join(", ");
    case "drawing":
    case "proof":
    case "essay": return `${phrases(a.rubric).join(", ")}; the rest follows as in lecture`;
  }
}

const clock = new TestClock();
const driver = new ConsoleDriver(undefined, clock);
const bank = driver.app.services.bank;
const questions = bank.all();

/** Every reply seen, with the line that produced it; and what each renderer did wrong with it. */
const seen: { label: string; reply: VisibleReply }[] = [];
const commandsRun = new Set<string>();
const problems: string[] = [];

function check(label: string, reply: VisibleReply): void {
  seen.push({ label, reply });
  const at = (p: string) => `${label}: ${p}`;
  problems.push(...discordProblems(renderDiscordReply(reply)).map((p) => at(`discord ${p}`)));
  problems.push(...slackProblems(renderSlackReply(reply)).map((p) => at(`slack ${p}`)));
  const text = replyToText(reply);
  if (hasControl(text)) problems.push(at("console: control character"));
  if (/^```/m.test(text)) problems.push(at("console: a Markdown fence"));
  for (const d of reply.deliveries ?? []) check(`${label} → ${"user" in d.to ? d.to.user : `#${d.to.channel}`}`, asVisible(d));
}

/** A direct message only its recipient sees; a channel post everyone there sees. */
const asVisible = (d: Delivery): VisibleReply => ({ ...d.reply, visibility: "user" in d.to ? "private" : "public" });

async function say(user: string, line: string, role: Role = "student"): Promise<VisibleReply[]> {
  const name = /^\/(\w+)/.exec(line)?.[1];
  if (name) commandsRun.add(name);
  const replies = await driver.replies(user, line, role);
  for (const r of replies) check(`${user}${role === "ta" ? " (TA)" : ""}: ${line.slice(0, 60)}`, r);
  return replies;
}

/** What to type into a button's form. */
function formInput(button: Extract<ReplyButton, { form: unknown }>): string {
  const { field, action } = button.form;
  const q = action.options.question ? bank.get(action.options.question) : undefined;
  switch (field.option) {
    case "answer": return q ? plausible(q) : "an answer";
    case "justification": return `because ${HOSTILE}`;
    case "score": return `1 ${HOSTILE}`;
    default: return "a, b";
  }
}

/**
 * Runs `line`, then each button of its reply as a platform adapter does: the button's action, or
 * its form's action with the field filled in.
 */
async function sayAndPress(user: string, line: string, role: Role = "student"): Promise<void> {
  const [first] = await say(user, line, role);
  for (const button of first?.buttons ?? []) {
    const { command, options } = "action" in button ? button.action : button.form.action;
    const filled = "form" in button ? { ...options, [button.form.field.option]: formInput(button) } : options;
    commandsRun.add(command);
    const reply = await driver.app.dispatcher.dispatch({
      command, options: filled, course: CONSOLE_COURSE, user: { id: consoleUserId(user), name: user }, roles: [role], attachments: [], now: clock.read(),
    });
    check(`${user}: [${button.label}] under ${line.slice(0, 40)}`, reply);
  }
}

/** Timed work (exam deadlines, reminders, scheduled announcements) reaches this adapter. */
const timed: CourseDelivery[] = [];
const recorder: Adapter = {
  name: "render-test",
  owns: () => true,
  start: async () => {},
  stop: async () => {},
  deliver: async (d) => void timed.push(d),
};

beforeAll(async () => {
  driver.app.timedWork.attach(recorder);
  await say("ana", "/enroll C147");
  await say("ben", "/enroll C247");
  await say("ana", "/enroll C999");
  for (const role of ["student", "ta"] as const) await say("tara", "/help", role);

  for (const q of questions) {
    await sayAndPress("ana", `/quiz ${q.id}`);
    const tf = q.answer.kind === "truefalse";
    await sayAndPress("ana", `/answer ${q.id} ${plausible(q)}`);
    await say("ana", `/answer ${q.id} ${tf ? "false " : ""}${HOSTILE}`);
    await sayAndPress("ana", `/solution ${q.id}`);
  }
  await say("ana", "/quiz");
  await say("ana", "/quiz topic: backprop");
  await say("ana", `/answer 1a ${LONG(4000).slice(0, 4000)}`);
  await say("ana", `/answer 3a false ${LONG(3990).slice(0, 3990)}`);

  // Errors through the one funnel: unknown command, missing option, a TA command, a bad choice.
  await say("ana", "/nope");
  await say("ana", "/answer");
  await say("ana", "/stats");
  await say("ana", "/exam later");

  // A mock exam: started, answered in part, looked at, submitted.
  await sayAndPress("ben", "/exam start");
  for (const q of questions.slice(0, 12)) await say("ben", `/answer ${q.id} ${plausible(q)}`);
  await say("ben", "/answer 5 a proof by induction on the depth");
  await say("ben", "/exam status");
  await sayAndPress("ben", "/exam submit");
  await say("ben", "/exam status");

  await say("tara", "/announce Midterm review **Friday** $x^2$ @everyone <@123> at: in 2h channel: announcements", "ta");
  await say("tara", `/announce ${LONG(300).slice(0, 1800)}`, "ta");
  await say("tara", "/announce list", "ta");
  await say("tara", "/announce edit 1 Review moved to 6pm", "ta");
  await say("tara", "/announce cancel 99", "ta");

  await say("tara", "/regrades assign Michael mike", "ta");
  await say("ben", `/regrade 3a ${LONG(1500).slice(0, 1500)}`);
  await say("ben", `/regrade 2b ${HOSTILE}`);
  await say("ana", `/regrade 1a ${HOSTILE}`);
  await sayAndPress("mike", "/regrades", "ta");
  await say("mike", `/regrades resolve 1 2 ${HOSTILE}`, "ta");
  await say("mike", "/regrades resolve 2 keep", "ta");
  for (let i = 0; i < 3; i++) await sayAndPress("tara", "/review", "ta");
  const [next] = await say("tara", "/review", "ta");
  const waiting = (next?.data?.review as { attempt: number } | null | undefined)?.attempt;
  expect(waiting).toBeTypeOf("number");
  await say("tara", `/review ${waiting} 1 ${HOSTILE}`, "ta");

  await say("ana", "/progress");
  await sayAndPress("ben", "/progress");
  await say("ana", "/home");
  await say("tara", "/home", "ta");
  await say("tara", "/stats", "ta");
  await say("tara", "/stats post: true", "ta");
  await say("tara", "/stats midterm C247", "ta");
  await say("tara", "/export", "ta");

  // Timed work: a reminder near the end, the automatic submission, the scheduled announcement.
  await say("cara", "/exam start");
  for (let minutes = 0; minutes < 8 * 60; minutes += 15) {
    clock.advance(15);
    await driver.app.timedWork.sweep(clock.read());
  }
  for (const d of timed) check(`timed work → ${"user" in d.to ? d.to.user : `#${d.to.channel}`}`, asVisible(d));
}, 120_000);

afterAll(() => driver.close());

describe("every reply, on every renderer, within every platform limit", () => {
  it("covers every command, every question, deliveries and timed work", () => {
    expect([...commandsRun].filter((c) => commands.some((k) => k.name === c)).sort()).toEqual(commands.map((c) => c.name).sort());
    for (const q of questions) expect(seen.some((s) => s.label.includes(`/answer ${q.id} `))).toBe(true);
    expect(seen.some((s) => s.label.includes(" → "))).toBe(true);
    expect(timed.map((d) => Object.keys(d.reply.data ?? {})[0] ?? "announcement").sort()).toEqual(expect.arrayContaining(["exam", "reminder", "announcement"]));
    // Long replies exist, so the splitters are exercised, not only trusted.
    expect(seen.some((s) => renderDiscordReply(s.reply).length > 1)).toBe(true);
  });

  it("finds no reply past a limit, with a live mention, a control character or an open fence", () => {
    expect(problems).toEqual([]);
  });
});
