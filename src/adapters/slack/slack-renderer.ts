// A neutral reply as Slack messages: Block Kit as plain objects the adapter hands to the Web API.
import { stripControl } from "../../core/chat/markup.ts";
import type { Reply, ReplyButton, Visibility, VisibleReply } from "../../core/chat/reply.ts";
import { chunk, continuedNote, truncate } from "../../render/split-message.ts";
import { mrkdwn, notificationText, SLACK_LIMITS, slackBlocks, type SlackBlock, type SlackButton } from "./slack-mrkdwn.ts";

export { SLACK_LIMITS, type SlackBlock, type SlackButton } from "./slack-mrkdwn.ts";

/** A file or image to upload with `files.uploadV2` (an ephemeral message cannot carry one). */
export interface SlackUpload {
  name: string;
  data: Buffer;
  contentType: string;
  /** Alt text of an image. */
  alt?: string;
}

/**
 * One message to post. `visibility` says how: `chat.postEphemeral` (or an ephemeral response) when
 * private, `chat.postMessage` when public; send it with `unfurl_links: false` and without `link_names`.
 */
export interface SlackMessage {
  /** The notification text shown where blocks are not (at most a few hundred characters). */
  text: string;
  blocks: SlackBlock[];
  visibility: Visibility;
  /** Uploads that belong with the reply; only on its first message. */
  files?: SlackUpload[];
}

export interface SlackRenderOptions {
  /** A button's `action_id` (at most 255 characters, unique in the message). Default `button:<index>`. */
  actionId?: (button: ReplyButton, index: number) => string;
  /** A button's `value` (at most 2,000 characters), e.g. its encoded action. Default none. */
  value?: (button: ReplyButton, index: number) => string | undefined;
}

/** Notification text: enough to know what the message is about. */
const NOTIFICATION_CHARS = 300;

/**
 * Renders a reply as Slack messages within Block Kit's limits: a header or sections per block
 * (mrkdwn, at most 3,000 characters each), buttons in actions blocks of 25 at the end, at most 50
 * blocks a message, each message but the last ending with a note saying where the rest is.
 */
export function renderSlackReply(reply: VisibleReply, options: SlackRenderOptions = {}): SlackMessage[] {
  let rest = slackReplyBlocks(reply, options);

  const groups: SlackBlock[][] = [];
  const max = SLACK_LIMITS.blocksPerMessage;
  // Every message but the last keeps one block for the note.
  while (rest.length > max) {
    groups.push(rest.slice(0, max - 1));
    rest = rest.slice(max - 1);
  }
  groups.push(rest);

  const summary = notificationText(reply.blocks, NOTIFICATION_CHARS) || "(reply)";
  const uploads = slackUploads(reply);
  return groups.map((blocks, i) => ({
    text: groups.length > 1 ? `${summary} (${i + 1}/${groups.length})` : summary,
    blocks: i < groups.length - 1
      ? [...blocks, { type: "context", elements: [mrkdwn(continuedNote(i + 1, groups.length))] }]
      : blocks,
    visibility: reply.visibility,
    ...(i === 0 && uploads.length ? { files: uploads } : {}),
  }));
}

/** A reply's blocks and then its buttons (actions blocks of 25), as one list not yet cut into messages. */
export function slackReplyBlocks(reply: Reply, options: SlackRenderOptions = {}): SlackBlock[] {
  const content = reply.blocks.flatMap(slackBlocks);
  const actions = chunk(buttons(reply.buttons ?? [], options), SLACK_LIMITS.actionsElements)
    .map((elements): SlackBlock => ({ type: "actions", elements }));
  const all = [...content, ...actions];
  return all.length ? all : [{ type: "section", text: mrkdwn("(no content)") }];
}

/**
 * A reply as the blocks of one view (the App Home tab holds at most 100): what does not fit is
 * left out, its place taken by `cutNote`, and the buttons are kept, since they are how one acts.
 */
export function renderSlackView(reply: Reply, options: SlackRenderOptions & { cutNote: string }): SlackBlock[] {
  const max = SLACK_LIMITS.blocksPerView;
  const blocks = slackReplyBlocks(reply, options);
  if (blocks.length <= max) return blocks;
  const actions = blocks.filter((b) => b.type === "actions").slice(0, max - 2);
  const content = blocks.filter((b) => b.type !== "actions").slice(0, max - 1 - actions.length);
  return [...content, { type: "context", elements: [mrkdwn(options.cutNote)] }, ...actions];
}

/** The default `action_id`: the button's place in the reply. */
export const defaultActionId = (_button: ReplyButton, index: number): string => `button:${index}`;

function buttons(list: readonly ReplyButton[], options: SlackRenderOptions): SlackButton[] {
  const actionId = options.actionId ?? defaultActionId;
  const seen = new Set<string>();
  return list.map((button, index) => {
    const id = actionId(button, index);
    const value = options.value?.(button, index);
    // The adapter decodes these to run the action: cutting one would run something else, so a bad one is a bug.
    if (id.length === 0 || id.length > SLACK_LIMITS.actionId || seen.has(id)) {
      throw new Error(`Slack action_id must be 1-${SLACK_LIMITS.actionId} characters and unique in a message: ${JSON.stringify(id)}`);
    }
    if (value !== undefined && value.length > SLACK_LIMITS.buttonValue) {
      throw new Error(`Slack button value must be at most ${SLACK_LIMITS.buttonValue} characters (button ${index})`);
    }
    seen.add(id);
    const label = truncate(stripControl(button.label).replace(/\s+/g, " ").trim(), SLACK_LIMITS.buttonText) || `Option ${index + 1}`;
    return {
      type: "button",
      // plain_text is shown as given: no entities, no mentions.
      text: { type: "plain_text", text: label, emoji: false },
      action_id: id,
      ...(value !== undefined ? { value } : {}),
      ...(button.style === "primary" || button.style === "danger" ? { style: button.style } : {}),
    };
  });
}

/** A reply's images and files as uploads, with names safe to show. */
export function slackUploads(reply: Pick<Reply, "images" | "files">): SlackUpload[] {
  const name = (n: string) => stripControl(n).replace(/[\\/]/g, "_") || "file";
  return [
    ...(reply.images ?? []).map((image) => ({
      name: name(image.name.endsWith(".png") ? image.name : `${image.name}.png`),
      data: image.png,
      contentType: "image/png",
      alt: stripControl(image.alt),
    })),
    ...(reply.files ?? []).map((file) => ({ name: name(file.name), data: file.data, contentType: file.contentType })),
  ];
}
