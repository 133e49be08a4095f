// What Discord and Slack accept, written down independently of the renderers (DESIGN.md, the
// platforms' docs), so a renderer that drifts past a limit fails a test instead of an API call.

/** Whether text carries a control character (tab and newline are fine): no rendered message may. */
export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

/** Lines that open or close a code fence, in order: an odd count leaves the rest of a message in code. */
function fenceLines(text: string): number {
  return text.split("\n").filter((line) => line.startsWith("```")).length;
}

/** A Discord message as the renderer builds it, loosely: embeds included in case a renderer adds them. */
export interface LooseDiscordMessage {
  content: string;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[];
  components?: { type: number; components: { type: number; label?: string; custom_id?: string }[] }[];
  files?: unknown[];
  flags?: number;
  allowed_mentions?: { parse?: unknown[] };
}

/** Every way `messages` break Discord's limits or let a mention or a control character through. */
export function discordProblems(messages: readonly LooseDiscordMessage[]): string[] {
  const problems: string[] = [];
  if (messages.length === 0) problems.push("no message");
  messages.forEach((m, i) => {
    const at = `message ${i + 1}/${messages.length}`;
    const content = m.content;
    if (content.length > 2000) problems.push(`${at}: content ${content.length} > 2000`);
    if (!content && !m.components?.length && !m.files?.length && !m.embeds?.length) problems.push(`${at}: empty`);
    if (fenceLines(content) % 2 !== 0) problems.push(`${at}: unbalanced code fence`);
    if (hasControl(content)) problems.push(`${at}: control character in content`);
    if (/@(everyone|here)\b/i.test(content)) problems.push(`${at}: live @everyone/@here`);
    if (/<[@#]|<\/\w|<t:/.test(content)) problems.push(`${at}: live mention`);
    if (m.allowed_mentions?.parse?.length !== 0) problems.push(`${at}: allowed_mentions.parse is not []`);
    let embedChars = 0;
    for (const e of m.embeds ?? []) {
      if ((e.title ?? "").length > 256) problems.push(`${at}: embed title > 256`);
      if ((e.description ?? "").length > 4096) problems.push(`${at}: embed description > 4096`);
      if ((e.fields ?? []).length > 25) problems.push(`${at}: embed fields > 25`);
      for (const f of e.fields ?? []) {
        if (f.name.length > 256) problems.push(`${at}: field name > 256`);
        if (f.value.length > 1024) problems.push(`${at}: field value > 1024`);
        embedChars += f.name.length + f.value.length;
      }
      embedChars += (e.title ?? "").length + (e.description ?? "").length + (e.footer?.text ?? "").length;
    }
    if (embedChars > 6000) problems.push(`${at}: embeds ${embedChars} > 6000 characters`);
    if ((m.embeds ?? []).length > 10) problems.push(`${at}: more than 10 embeds`);
    if ((m.files ?? []).length > 10) problems.push(`${at}: more than 10 attachments`);
    const rows = m.components ?? [];
    if (rows.length > 5) problems.push(`${at}: ${rows.length} action rows > 5`);
    const ids = new Set<string>();
    for (const row of rows) {
      if (row.type !== 1) problems.push(`${at}: a component row is not an action row`);
      if (row.components.length === 0 || row.components.length > 5) problems.push(`${at}: a row of ${row.components.length} buttons`);
      for (const b of row.components) {
        const label = b.label ?? "";
        const id = b.custom_id ?? "";
        if (label.length === 0 || label.length > 80) problems.push(`${at}: button label of ${label.length}`);
        if (id.length === 0 || id.length > 100) problems.push(`${at}: custom_id of ${id.length}`);
        if (ids.has(id)) problems.push(`${at}: duplicate custom_id ${id}`);
        ids.add(id);
      }
    }
  });
  return problems;
}

interface LooseText {
  type: string;
  text: string;
}

/** A Slack message as the renderer builds it, loosely. */
export interface LooseSlackMessage {
  text: string;
  blocks: readonly ({ type: string } & Record<string, unknown>)[];
}

/** Every way `messages` break Block Kit's limits or let a mention, a raw `<` or a control character through. */
export function slackProblems(messages: readonly LooseSlackMessage[]): string[] {
  const problems: string[] = [];
  if (messages.length === 0) problems.push("no message");
  messages.forEach((m, i) => {
    const at = `message ${i + 1}/${messages.length}`;
    if (m.text.length === 0 || m.text.length > 3000) problems.push(`${at}: text of ${m.text.length}`);
    if (m.blocks.length === 0 || m.blocks.length > 50) problems.push(`${at}: ${m.blocks.length} blocks`);
    const mrkdwn = (t: LooseText, max: number, where: string) => {
      if (t.text.length === 0 || t.text.length > max) problems.push(`${at}: ${where} text of ${t.text.length} (max ${max})`);
      if (hasControl(t.text)) problems.push(`${at}: control character in ${where}`);
      if (t.type === "mrkdwn") {
        if (t.text.includes("<")) problems.push(`${at}: raw < in ${where}`);
        if (/@(channel|here|everyone)\b/i.test(t.text)) problems.push(`${at}: live @channel/@here/@everyone in ${where}`);
        if (fenceLines(t.text) % 2 !== 0) problems.push(`${at}: unbalanced code fence in ${where}`);
      }
    };
    mrkdwn({ type: "mrkdwn", text: m.text }, 3000, "notification");
    const ids = new Set<string>();
    for (const block of m.blocks) {
      switch (block.type) {
        case "header":
          mrkdwn(block.text as LooseText, 150, "header");
          if ((block.text as LooseText).type !== "plain_text") problems.push(`${at}: header is not plain_text`);
          break;
        case "section": {
          const fields = (block.fields ?? []) as LooseText[];
          if (block.text) mrkdwn(block.text as LooseText, 3000, "section");
          if (!block.text && fields.length === 0) problems.push(`${at}: empty section`);
          if (fields.length > 10) problems.push(`${at}: ${fields.length} fields > 10`);
          for (const f of fields) mrkdwn(f, 2000, "field");
          break;
        }
        case "context": {
          const elements = block.elements as LooseText[];
          if (elements.length === 0 || elements.length > 10) problems.push(`${at}: context of ${elements.length}`);
          for (const e of elements) mrkdwn(e, 3000, "context");
          break;
        }
        case "actions": {
          const elements = block.elements as { text: LooseText; action_id: string; value?: string }[];
          if (elements.length === 0 || elements.length > 25) problems.push(`${at}: actions of ${elements.length}`);
          for (const e of elements) {
            mrkdwn(e.text, 75, "button");
            if (e.action_id.length === 0 || e.action_id.length > 255) problems.push(`${at}: action_id of ${e.action_id.length}`);
            if (ids.has(e.action_id)) problems.push(`${at}: duplicate action_id ${e.action_id}`);
            ids.add(e.action_id);
            if ((e.value ?? "").length > 2000) problems.push(`${at}: button value > 2000`);
          }
          break;
        }
        default:
          problems.push(`${at}: unexpected block ${block.type}`);
      }
    }
  });
  return problems;
}
