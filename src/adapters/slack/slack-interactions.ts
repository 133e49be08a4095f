// Slack's requests as the core's commands: a slash command's text, a button's action, a submitted
// form, an opened Home tab; each answered where the person is.
import type { webApi } from "@slack/bolt";
import type { CommandDispatcher, CommandRequest } from "../../core/chat/dispatcher.ts";
import { textReply, verbatim, type VisibleReply } from "../../core/chat/reply.ts";
import { newErrorReference, UserError } from "../../core/errors.ts";
import type { Logger } from "../../logger.ts";
import type { Services } from "../../services.ts";
import { formModal, readButtonValue, readFormMetadata, SLACK_BUTTONS, submittedText } from "./slack-actions.ts";
import type { SlackPeople } from "./slack-people.ts";
import type { ReplyPlace, SlackPoster } from "./slack-replies.ts";
import { slackError } from "./slack-replies.ts";
import { renderSlackView } from "./slack-renderer.ts";

/** The fields of a slash command the adapter reads (Slack sends more). */
export interface SlashCommandBody {
  command: string;
  text: string;
  user_id: string;
  user_name?: string;
  channel_id?: string;
  trigger_id: string;
  response_url?: string;
}

export interface SlackUserRef {
  id: string;
  username?: string;
  name?: string;
}

/** A click on one of the tutor's buttons (`block_actions`). */
export interface ButtonBody {
  user: SlackUserRef;
  channel?: { id?: string } | null;
  trigger_id: string;
  response_url?: string;
}

/** A submitted form (`view_submission`). */
export interface SubmissionBody {
  user: SlackUserRef;
  trigger_id?: string;
  view: { id: string; hash?: string; private_metadata?: string; state?: { values?: unknown } };
}

/** Commands after which the person's Home tab is published again: their progress changed. */
const HOME_AFTER = new Set(["answer", "exam"]);
/** People whose Home tab is kept current after their answers (those who opened it most recently). */
const HOME_VIEWERS = 10_000;
/** Requests remembered to recognise Slack's retries (it retries within minutes). */
const RECENT_IDS = 10_000;
const RECENT_MS = 15 * 60_000;
const HOME_CUT_NOTE = "(Shortened to fit the Home tab: /progress shows everything.)";

export interface SlackInteractionDeps {
  dispatcher: CommandDispatcher<Services>;
  people: SlackPeople;
  poster: SlackPoster;
  web: webApi.WebClient;
  logger: Logger;
  /** The workspace's course, `slack:<team>`, known once the adapter started. */
  course: () => string;
}

/**
 * Turns each acknowledged Slack request into one dispatch and one reply. Work runs after the ack
 * (Slack's 3 seconds are never at stake) and is tracked, so stopping waits for it. A request seen
 * again (Slack's retry, `X-Slack-Retry-Num`) is not answered again; after a restart the dispatcher
 * still answers it once, from the stored reply.
 */
export class SlackInteractions {
  private readonly running = new Set<Promise<void>>();
  private readonly recent = new Map<string, number>();
  /** Home tabs being published, and whether another answer came meanwhile (publish once more). */
  private readonly homes = new Map<string, { again: boolean }>();
  /** Who opened the Home tab since the start, oldest first. */
  private readonly homeViewers = new Set<string>();

  constructor(private readonly deps: SlackInteractionDeps) {}

  /** Runs `work` in the background unless request `id` was already taken; failures are logged. */
  run(label: string, id: string | undefined, work: () => Promise<void>): void {
    if (id !== undefined && !this.firstTime(id)) {
      this.deps.logger.info("slack request seen before; not answered again", { request: label, id });
      return;
    }
    const done: Promise<void> = work()
      .catch((error: unknown) => this.deps.logger.error("slack request failed", { request: label, id, error }))
      .finally(() => this.running.delete(done));
    this.running.add(done);
  }

  /** Resolves once no work is running (stopping: the receiver no longer takes requests). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  /** `/quiz 3a`: the typed text as the core's text form; the reply through the command's response_url. */
  async command(body: SlashCommandBody): Promise<void> {
    const now = new Date();
    const name = body.command.replace(/^\//, "").trim().toLowerCase();
    const place: ReplyPlace = { user: body.user_id, channel: body.channel_id, responseUrl: body.response_url };
    await this.answer(place, name, async () => ({
      ...(await this.who(body.user_id, body.user_name, body.channel_id, now)),
      interactionId: this.interactionId(body.trigger_id),
      line: `/${name} ${decodeEntities(body.text ?? "")}`.trim(),
    }));
  }

  /** A button: its action runs at once, or its form opens as a modal (the trigger is valid for 3 s: nothing slow first). */
  async button(body: ButtonBody, value: unknown): Promise<void> {
    const now = new Date();
    const place: ReplyPlace = { user: body.user.id, channel: body.channel?.id ?? undefined, responseUrl: body.response_url };
    let clicked;
    try {
      clicked = readButtonValue(value);
    } catch (error) {
      return this.fail(error, place, "button");
    }
    if ("form" in clicked) {
      const { form } = clicked;
      const responseUrl = this.deps.poster.trusted(body.response_url);
      try {
        await this.deps.web.views.open({
          trigger_id: body.trigger_id,
          view: formModal(form, { action: form.action, option: form.field.option, ...(responseUrl ? { responseUrl } : {}), ...(place.channel ? { channel: place.channel } : {}) }) as never,
        });
      } catch (error) {
        this.deps.logger.warn("slack views.open failed", { error: slackError(error) });
        // Slack gives a form 3 seconds to open; the typed command always works.
        return this.fail(new UserError("form-not-opened", `The form did not open (${verbatim(slackError(error))}). Click the button again, or type the command instead, e.g. \`/${form.action.command} ...\`.`), place, "form");
      }
      return;
    }
    const { run } = clicked;
    await this.answer(place, run.command, async () => ({
      ...(await this.who(body.user.id, body.user.username ?? body.user.name, place.channel, now)),
      interactionId: this.interactionId(body.trigger_id),
      command: run.command,
      options: run.options,
    }));
  }

  /** A submitted form: its action with the typed text as the field's option; answered where the button was. */
  async submit(body: SubmissionBody): Promise<void> {
    const now = new Date();
    let place: ReplyPlace = { user: body.user.id };
    try {
      const form = readFormMetadata(body.view.private_metadata);
      place = { ...place, channel: form.channel, responseUrl: this.deps.poster.trusted(form.responseUrl) };
      const typed = submittedText(body.view.state?.values);
      await this.answer(place, form.action.command, async () => ({
        ...(await this.who(body.user.id, body.user.username ?? body.user.name, form.channel, now)),
        interactionId: this.interactionId(body.trigger_id ?? `${body.view.id}:${body.view.hash ?? ""}`),
        command: form.action.command,
        options: { ...form.action.options, [form.option]: typed },
      }));
    } catch (error) {
      await this.fail(error, place, "form");
    }
  }

  /**
   * The Home tab was opened: publish it, and keep it current after the person's answers from now
   * on. Slack sends `app_home_opened` each time the tab is opened, so a Home nobody opened since
   * the start is fresh when it is next seen; publishing it after every answer of every student
   * would double the work of an answer for a tab nobody is looking at.
   */
  async openHome(user: string): Promise<void> {
    this.homeViewers.delete(user);
    this.homeViewers.add(user);
    if (this.homeViewers.size > HOME_VIEWERS) this.homeViewers.delete(this.homeViewers.values().next().value!);
    await this.publishHome(user);
  }

  /** The person's Home tab: the core's `home` page, published as a view of at most 100 blocks. */
  private async publishHome(user: string): Promise<void> {
    const request = { ...(await this.who(user, undefined, undefined, new Date())), command: "home", options: {} };
    const reply = await this.deps.dispatcher.dispatch(request, { outbox: true });
    await this.deps.web.views.publish({ user_id: user, view: { type: "home", blocks: renderSlackView(reply, { ...SLACK_BUTTONS, cutNote: HOME_CUT_NOTE }) as never } });
  }

  /**
   * Dispatches, replies, and refreshes the Home tab when progress changed; every failure ends as a
   * private reply. No `beforeWork` hook: Slack was acked before the dispatch (an ack says nothing
   * about who sees the reply, which travels with the reply itself), so a command queued behind the
   * person's previous one never risks Slack's 3 seconds.
   */
  private async answer(place: ReplyPlace, command: string, request: () => Promise<CommandRequest>): Promise<void> {
    let reply: VisibleReply;
    try {
      reply = await this.deps.dispatcher.dispatch(await request(), { outbox: true });
    } catch (error) {
      return this.fail(error, place, command);
    }
    await this.deps.poster.reply(reply, place);
    if (HOME_AFTER.has(command) && this.homeViewers.has(place.user)) this.refreshHome(place.user);
  }

  /**
   * Publishes a person's Home tab again after their progress changed, in the background. Answers
   * in quick succession share publishes: one runs at a time per person, and one more follows it
   * if anything changed meanwhile, so the tab always ends up current.
   */
  private refreshHome(user: string): void {
    const publishing = this.homes.get(user);
    if (publishing) {
      publishing.again = true;
      return;
    }
    const state = { again: false };
    this.homes.set(user, state);
    this.run("home", undefined, async () => {
      try {
        do {
          state.again = false;
          await this.publishHome(user);
        } while (state.again);
      } finally {
        this.homes.delete(user);
      }
    });
  }

  /** The adapter's own funnel, beside the dispatcher's: a UserError in its words, anything else a reference. */
  private async fail(error: unknown, place: ReplyPlace, request: string): Promise<void> {
    let message: string;
    if (error instanceof UserError) {
      message = error.message;
    } else {
      const reference = newErrorReference();
      this.deps.logger.error(`[bug ${reference}] slack ${request}`, { reference, user: place.user, error });
      message = `Something went wrong on our side (reference ${reference}). Please try again; if it happens again, tell a TA this reference.`;
    }
    await this.deps.poster.reply({ ...textReply(message), visibility: "private" }, place);
  }

  private async who(user: string, fallbackName: string | undefined, channel: string | undefined, now: Date) {
    return {
      course: this.deps.course(),
      user: await this.deps.people.person(user, fallbackName),
      roles: this.deps.people.roles(user),
      attachments: [],
      ...(channel ? { channel } : {}),
      now,
    };
  }

  /** Slack's id of one request (its trigger), scoped to the workspace, for the dispatcher's answered-once memory. */
  interactionId(trigger: string): string {
    return `${this.deps.course()}:${trigger}`;
  }

  private firstTime(id: string): boolean {
    if (this.recent.has(id)) return false;
    const now = Date.now();
    if (this.recent.size >= RECENT_IDS) {
      for (const [key, at] of this.recent) if (at < now - RECENT_MS || this.recent.size >= RECENT_IDS) this.recent.delete(key);
    }
    this.recent.set(id, now);
    return true;
  }
}

/** Slack sends `&`, `<` and `>` in a command's text as entities; the core wants what was typed. */
export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
