// The Slack bot as `npm start` runs it, in HTTP mode, against a local Slack: signed requests in,
// Web API calls and response_url posts out, checked as a person in the workspace would see them.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotProcess } from "../fakes/bot-process.ts";
import { dmOf } from "../fakes/local-slack-api.ts";
import { type Exchange, postText, SignedHttp, SlackPerson } from "../fakes/local-slack-client.ts";
import { freePort, LocalSlack, localSlackEnv, type SlackPost } from "../fakes/local-slack.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

const SECRET = "e2e-signing-secret-0123456789";
const BOT_TOKEN = "xoxb-e2e-bot-token-0123456789";
const GENERAL = "CGENERAL01";
const ANNOUNCEMENTS = "CANNOUNCE1";
const TA_ROOM = "CTAROOM001";
const TEAM = "T0LOCAL01";
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

let slack: LocalSlack;
let bot: BotProcess;
let env: Record<string, string>;
let ana: SlackPerson;
let ben: SlackPerson;
let tara: SlackPerson;
const db = tempDbFile();

/** The one reply to an exchange, once it came. */
async function replyTo(exchange: Promise<Exchange> | Exchange): Promise<SlackPost> {
  const ex = await exchange;
  expect(ex.status).toBe(200);
  const [first] = await ex.waitForReplies(1);
  return first!;
}

/** Every reply to an exchange after the last one came (a long reply is several messages). */
async function repliesTo(exchange: Promise<Exchange> | Exchange, count: number): Promise<string> {
  const ex = await exchange;
  return (await ex.waitForReplies(count)).map(postText).join("\n");
}

beforeAll(async () => {
  slack = await LocalSlack.start({
    team: TEAM,
    botToken: BOT_TOKEN,
    users: [{ id: "UANA00001", name: "ana", displayName: "Ana" }, { id: "UBEN00002", name: "ben" }, { id: "UTARA0003", name: "tara", displayName: "Tara (TA)" }],
    channels: [
      { id: GENERAL, name: "general", appIsMember: true },
      { id: "CRANDOM001", name: "random", appIsMember: false },
      { id: "CSTUDY0001", name: "study-group", appIsMember: true },
      { id: ANNOUNCEMENTS, name: "announcements", appIsMember: true },
      { id: TA_ROOM, name: "ta", appIsMember: true },
    ],
  });
  const port = await freePort();
  env = { ...localSlackEnv(slack, { mode: "http", port, signingSecret: SECRET, taUsers: ["UTARA0003"] }), TUTOR_DB: db, TUTOR_SWEEP_SECONDS: "0.3" };
  bot = await BotProcess.start(env);
  const http = new SignedHttp(`http://127.0.0.1:${port}/slack/events`, SECRET);
  ana = new SlackPerson(slack, http, "UANA00001", "ana");
  ben = new SlackPerson(slack, http, "UBEN00002", "ben");
  tara = new SlackPerson(slack, http, "UTARA0003", "tara");
});

afterAll(async () => {
  await bot?.stop();
  await slack?.close();
});

describe("the Slack bot over HTTP", () => {
  it("answers GET /healthz", async () => {
    const response = await fetch(`http://127.0.0.1:${env.SLACK_PORT}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, course: `slack:${TEAM}` });
  });

  it("refuses a forged signature and a five-minute-old timestamp with 401, and answers neither", async () => {
    const forged = await ana.command("/quiz 3a", GENERAL, { forge: true });
    const stale = await ana.command("/quiz 3a", GENERAL, { ageSeconds: 301 });
    expect([forged.status, stale.status]).toEqual([401, 401]);
    // A signed request sent after them is answered; the refused ones never are.
    await replyTo(ana.command("/help"));
    expect([...forged.replies(), ...stale.replies()]).toEqual([]);
  });

  it("/quiz 3a: the question privately, with True, False and solution buttons", async () => {
    const quiz = await replyTo(ana.command("/quiz 3a"));
    expect(quiz.ephemeral).toBe(true);
    const shown = postText(quiz);
    expect(shown).toContain("Question 3a");
    expect(shown).toContain("Regularization is helpful to achieve lower loss on the training set.");
    for (const label of ["True", "False", "Show solution", "Next question"]) expect(shown).toContain(label);
  });

  it("/answer by text: graded at once, rubric and score privately; an open Home tab follows", async () => {
    await ana.openHome();
    expect(JSON.stringify(await ana.home())).toContain("Your progress: 0 practice answers");
    const graded = await replyTo(ana.command("/answer 3a false, because regularization improves generalization to unseen data, not the training loss"));
    expect(graded.ephemeral).toBe(true);
    expect(postText(graded)).toMatch(/3a: 5\/5/);
    expect(JSON.stringify(await ana.home(1))).toContain("Your progress: 1 practice answer");
  });

  it("/answer by button: False opens a modal for the justification; the grade comes back where the button was", async () => {
    const quiz = await replyTo(ana.command("/quiz 3b"));
    const click = await ana.click(quiz, "False");
    const modal = await ana.openedView(click);
    expect(JSON.stringify(modal.view.blocks)).toContain("answer: *false*");
    const submitted = await ana.submit(modal, "minibatch SGD only estimates the gradient from a random sample of the training set");
    expect(submitted.status).toBe(200);
    const graded = await replyTo(click);
    expect(postText(graded)).toMatch(/^3b: \d+(\.\d+)?\/5/);
    expect(graded.ephemeral).toBe(true);
  });

  it("/answer by modal submission: a short answer typed in the Answer form", async () => {
    const quiz = await replyTo(ana.command("/quiz 1b"));
    const click = await ana.click(quiz, "Answer");
    const modal = await ana.openedView(click);
    const input = modal.view.blocks.find((b) => b.type === "input") as unknown as { element: { max_length: number } };
    expect(input.element.max_length).toBe(3000);
    await ana.submit(modal, "It reduces internal covariate shift, so each layer sees inputs with a stable distribution and training converges faster.");
    expect(postText(await replyTo(click))).toMatch(/^1b: \d+(\.\d+)?\/5/);
  });

  it("a button that runs an action: Show solution", async () => {
    const quiz = await replyTo(ana.command("/quiz 3c"));
    expect(postText(await replyTo(ana.click(quiz, "Show solution")))).toContain("Reference solution for 3c");
  });

  it("a garbled button value gets a message, not a crash", async () => {
    const garbled: SlackPost = {
      via: "response_url", channel: GENERAL, ephemeral: true, text: "", at: 0,
      blocks: [{ type: "actions", elements: [{ type: "button", action_id: "tutor:0", value: '{"run":{"command":', text: { type: "plain_text", text: "Odd" } }] }],
    };
    const reply = await replyTo(ana.click(garbled, "Odd"));
    expect(reply.ephemeral).toBe(true);
    expect(postText(reply)).toContain("That button no longer works");
  });

  it("a malformed command gets its usage line", async () => {
    expect(postText(await replyTo(ana.command("/exam begin")))).toContain("Usage: /exam action [bank] [confirm]");
    expect(postText(await replyTo(ana.command("/answer")))).toContain("Usage: /answer question answer [justification]");
  });

  it("text a student typed is shown as typed and pings nobody", async () => {
    const refused = await replyTo(ana.command("/quiz topic: <!channel> <@UBEN00002> & @here"));
    expect(JSON.stringify(refused.blocks)).not.toMatch(/<!channel>|<@UBEN00002>|@here/);
    expect(postText(refused)).toContain('There is no topic "<!channel> <@UBEN00002> & @here"');
    // A graded answer with the same text (stored as typed, and quoted back in the exam report).
    await replyTo(ana.command("/quiz 3d"));
    expect(postText(await replyTo(ana.command("/answer 3d true <!channel> & x < y, because the learning rate is too small")))).toMatch(/^3d: /);
  });

  it("/progress privately, and the Home tab when it opens", async () => {
    const progress = await replyTo(ana.command("/progress"));
    expect(progress.ephemeral).toBe(true);
    expect(postText(progress)).toMatch(/Your progress: \d+ practice answers/);
    const before = slack.callsOf("views.publish").filter((c) => c.args.user_id === "UANA00001").length;
    expect((await ana.openHome()).status).toBe(200);
    const home = JSON.stringify(await ana.home(before));
    expect(home).toContain("Your progress");
    expect(home).toContain("3a");
  });

  it("a TA's Home shows the review queue and open regrades", async () => {
    await tara.openHome();
    const home = JSON.stringify(await tara.home());
    expect(home).toContain("For TAs");
    expect(home).toMatch(/Review queue/);
    expect(home).toMatch(/Open regrades/);
  });

  it("a retried request is answered once and stored once", async () => {
    await replyTo(ben.command("/quiz 1a"));
    const first = await ben.command("/answer 1a testing is computationally expensive since every prediction compares the image with every training image, and L2 distance in high dimensions does not reflect similarity");
    const retry = await first.again({ retryNum: 1 });
    const later = await first.again({ retryNum: 2 });
    expect([retry.status, later.status]).toEqual([200, 200]);
    await replyTo(first);
    // Requests are taken in order: once a later command is answered, a second reply would be there.
    await replyTo(ben.command("/help"));
    expect(first.replies()).toHaveLength(1);
    const store = new Database(db, { readonly: true });
    const stored = store.prepare("SELECT count(*) AS n FROM attempts WHERE user_id = ? AND question_id = '1a'").get(`slack:${TEAM}:UBEN00002`) as { n: number };
    store.close();
    expect(stored.n).toBe(1);
  });

  it("refuses /stats to a student without showing any statistic", async () => {
    const refusal = postText(await replyTo(ben.command("/stats")));
    expect(refusal).toContain("for the course staff");
    expect(refusal).not.toMatch(/mean|median|\bsd\b|n = |histogram/i);
    expect(slack.uploads.filter((u) => u.channel === dmOf("UBEN00002"))).toEqual([]);
  });

  it("the whole /exam, with a restart in the middle: nothing is lost", async () => {
    expect(postText(await replyTo(ben.command("/exam start")))).toContain("Mock midterm started.");
    expect(postText(await replyTo(ben.command("/answer 3a false, because it helps generalization to the test set <!here> & more")))).toContain("Answer to 3a received");
    const quiz = await replyTo(ben.command("/quiz 3b"));
    expect(postText(quiz)).not.toContain("Show solution");

    expect(await bot.stop()).toBe(0);
    expect(bot.logs.some((l) => l.msg === "stopped")).toBe(true);
    bot = await BotProcess.start(env);

    expect(postText(await replyTo(ben.command("/exam status")))).toContain("Answered 1 of");
    const click = await ben.click(quiz, "False");
    await ben.submit(await ben.openedView(click), "a minibatch only estimates the full training gradient");
    expect(postText(await replyTo(click))).toContain("Answer to 3b received");
    const confirm = await replyTo(ben.command("/exam submit"));
    expect(postText(confirm)).toContain("Submit your mock exam now?");
    const submitted = await ben.click(confirm, "Submit now");
    const report = await repliesTo(submitted, 1);
    expect(report).toMatch(/Mock midterm report \(submitted/);
    expect(report).toMatch(/Total\s+\d+(\.\d+)?\/100/);
    expect(report).toContain("You answered 2 of");
    expect(report).toContain("it helps generalization to the test set <!here> & more");
  }, 60_000);

  it("a regrade reaches the TA channel; the TA resolves it in a form; the student hears in a DM", async () => {
    const asked = await replyTo(ben.command("/regrade 3a The rubric accepts generalization to the test set, which my justification names"));
    expect(postText(asked)).toMatch(/Your regrade request #\d+ for 3a went to/);
    const request = await slack.waitFor(() => slack.posts.find((p) => p.channel === TA_ROOM && postText(p).includes("Regrade request")), "regrade request in #ta");
    const click = await tara.click(request, postText(request).match(/Resolve #\d+/)![0]);
    await tara.submit(await tara.openedView(click), "5 You named generalization, which the rubric accepts");
    expect(postText(await replyTo(click))).toMatch(/#\d+/);
    const told = await slack.waitFor(() => slack.posts.find((p) => p.channel === dmOf("UBEN00002") && p.via === "chat.postMessage"), "the outcome in ben's DM");
    expect(postText(told)).toContain("5/5");
  });

  it("a TA's /stats post: the statistics in the channel and the histogram uploaded there", async () => {
    const posted = await replyTo(tara.command("/stats post", GENERAL));
    expect(posted.ephemeral).toBe(false);
    expect(postText(posted)).toMatch(/mean/i);
    const upload = await slack.waitFor(() => slack.uploads.find((u) => u.channel === GENERAL && u.filename.endsWith(".png")), "histogram in #general");
    expect(upload.bytes.subarray(0, 4)).toEqual(PNG);
    expect(upload.alt).toMatch(/^Histogram of/);
  });

  it("a TA's own /stats: the chart goes to the TA's DM, with a note in the ephemeral reply", async () => {
    const mine = await replyTo(tara.command("/stats", GENERAL));
    expect(mine.ephemeral).toBe(true);
    expect(postText(mine)).toContain("Sent to our direct messages");
    const upload = await slack.waitFor(() => slack.uploads.find((u) => u.channel === dmOf("UTARA0003") && u.filename.endsWith(".png")), "histogram in the TA's DM");
    expect(upload.bytes.subarray(0, 4)).toEqual(PNG);
  });

  it("/announce here is posted in the channel, display math uploaded as an image", async () => {
    const posted = await replyTo(tara.command("/announce Review session Friday at 5pm. We derive $$\\frac{\\partial L}{\\partial W} = x^T \\delta$$", GENERAL));
    expect(posted.ephemeral).toBe(false);
    expect(postText(posted)).toContain("Review session Friday at 5pm.");
    const formula = await slack.waitFor(() => slack.uploads.find((u) => u.channel === GENERAL && u.filename.startsWith("formula")), "formula image");
    expect(formula.bytes.subarray(0, 4)).toEqual(PNG);
    expect(formula.alt).toContain("∂");
  });

  it("/announce to another channel, by name: delivered there, and retried when Slack refuses it once", async () => {
    slack.api.failNext("chat.postMessage", "internal_error");
    const note = await replyTo(tara.command("/announce Office hours moved to Thursday channel: announcements", GENERAL));
    expect(note.ephemeral).toBe(true);
    expect(postText(note)).toContain("Posted in #announcements");
    const post = await slack.waitFor(() => slack.posts.find((p) => p.channel === ANNOUNCEMENTS && p.via === "chat.postMessage"), "announcement in #announcements");
    expect(postText(post)).toContain("Office hours moved to Thursday");
    expect(slack.callsOf("chat.postMessage").filter((c) => c.args.channel === ANNOUNCEMENTS).map((c) => c.error ?? "ok")).toEqual(["internal_error", "ok"]);
    expect(slack.posts.filter((p) => p.channel === ANNOUNCEMENTS)).toHaveLength(1);
  });

  it("/export: the CSV is delivered as a file to the TA's DM", async () => {
    const note = await replyTo(tara.command("/export", GENERAL));
    expect(note.ephemeral).toBe(true);
    expect(postText(note)).toMatch(/Sent to our direct messages.*\.csv/s);
    const csv = await slack.waitFor(() => slack.uploads.find((u) => u.channel === dmOf("UTARA0003") && u.filename.endsWith(".csv")), "CSV in the TA's DM");
    const text = csv.bytes.toString("utf8");
    expect(text.split(/\r?\n/)[0]).toMatch(/^Name,SID,User,Section/);
    expect(text).toContain(`slack:${TEAM}:UBEN00002`);
  });

  it("stayed within Slack's limits and never logged a secret", () => {
    expect(slack.problems).toEqual([]);
    const logs = bot.describe();
    expect(logs).not.toContain(SECRET);
    expect(logs).not.toContain(BOT_TOKEN);
    expect(slack.calls.every((c) => c.auth === "bot")).toBe(true);
  });
});
