// What the local Discord refuses, as Discord does (400, code 50035 or 50006), and what it merely
// records as a problem for the test to assert on (a live mention, allowed_mentions missing).
import { discordProblems, type LooseDiscordMessage } from "./platform-limits.ts";

/** A message body as the bot sent it (JSON or `payload_json`), with the number of files uploaded. */
export interface SentMessage {
  content?: string;
  embeds?: Array<Record<string, unknown>>;
  components?: Array<{ type: number; components: Array<Record<string, unknown>> }>;
  attachments?: Array<{ id: string | number; description?: string }>;
  allowed_mentions?: { parse?: unknown[] };
  flags?: number;
}

/** Why Discord would reject this message: Discord's hard limits. Empty when it is accepted. */
export function rejections(body: SentMessage, fileNames: readonly string[], options: { edit?: boolean } = {}): string[] {
  const out: string[] = [];
  const content = body.content ?? "";
  if (content.length > 2000) out.push(`content of ${content.length} characters > 2000`);
  const embeds = body.embeds ?? [];
  if (embeds.length > 10) out.push(`${embeds.length} embeds > 10`);
  let embedChars = 0;
  for (const e of embeds) {
    const title = String(e.title ?? "");
    const description = String(e.description ?? "");
    const fields = (e.fields ?? []) as { name: string; value: string }[];
    if (title.length > 256) out.push(`embed title of ${title.length} > 256`);
    if (description.length > 4096) out.push(`embed description of ${description.length} > 4096`);
    if (fields.length > 25) out.push(`${fields.length} embed fields > 25`);
    embedChars += title.length + description.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    const image = (e.image as { url?: string } | undefined)?.url;
    if (image?.startsWith("attachment://") && !fileNames.includes(image.slice("attachment://".length))) out.push(`embed image ${image} is not among the files`);
  }
  if (embedChars > 6000) out.push(`embeds of ${embedChars} characters > 6000`);
  const rows = body.components ?? [];
  if (rows.length > 5) out.push(`${rows.length} action rows > 5`);
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.type !== 1 || row.components.length === 0 || row.components.length > 5) out.push(`an action row of ${row.components.length} components`);
    for (const c of row.components) {
      const id = String(c.custom_id ?? "");
      const label = String(c.label ?? "");
      if (id.length === 0 || id.length > 100) out.push(`custom_id of ${id.length} characters`);
      if (ids.has(id)) out.push(`duplicate custom_id ${id}`);
      ids.add(id);
      if (label.length === 0 || label.length > 80) out.push(`button label of ${label.length} characters`);
    }
  }
  if (fileNames.length > 10) out.push(`${fileNames.length} files > 10`);
  if (!options.edit && !content && embeds.length === 0 && rows.length === 0 && fileNames.length === 0) out.push("empty message (50006)");
  return out;
}

/**
 * What Discord accepts but the tutor must never send: a live mention, a control character, an open
 * code fence, `allowed_mentions` other than none (every message may echo what a person typed).
 */
export function problems(body: SentMessage, fileNames: readonly string[]): string[] {
  const loose: LooseDiscordMessage = {
    content: body.content ?? "",
    embeds: body.embeds as LooseDiscordMessage["embeds"],
    components: body.components as LooseDiscordMessage["components"],
    files: fileNames.map((n) => n),
    allowed_mentions: body.allowed_mentions,
  };
  const found = discordProblems([loose]).map((p) => p.replace(/^message 1\/1: /, ""));
  for (const e of body.embeds ?? []) {
    const text = `${String(e.title ?? "")}\n${String(e.description ?? "")}`;
    if (/@(everyone|here)\b/i.test(text) || /<[@#]|<\/\w|<t:/.test(text)) found.push("live mention in an embed");
  }
  return found;
}

/** Discord's checks of a modal: title and labels of 45, one to five rows of one text input. */
export function modalRejections(data: Record<string, unknown> | undefined): string[] {
  const out: string[] = [];
  const title = String(data?.title ?? "");
  const id = String(data?.custom_id ?? "");
  if (title.length === 0 || title.length > 45) out.push(`modal title of ${title.length} characters`);
  if (id.length === 0 || id.length > 100) out.push(`modal custom_id of ${id.length} characters`);
  const rows = (data?.components ?? []) as Array<{ type: number; components: Array<Record<string, unknown>> }>;
  if (rows.length === 0 || rows.length > 5) out.push(`modal of ${rows.length} rows`);
  for (const row of rows) {
    const input = row.components[0];
    if (row.type !== 1 || row.components.length !== 1 || input?.type !== 4) {
      out.push("a modal row that is not one text input");
      continue;
    }
    const label = String(input.label ?? "");
    if (label.length === 0 || label.length > 45) out.push(`text input label of ${label.length} characters`);
    if (String(input.custom_id ?? "").length === 0) out.push("text input without custom_id");
    if (Number(input.max_length ?? 4000) > 4000 || Number(input.max_length ?? 1) < 1) out.push(`text input max_length ${String(input.max_length)}`);
    if (String(input.placeholder ?? "").length > 100) out.push("placeholder > 100");
    if (![1, 2].includes(Number(input.style))) out.push(`text input style ${String(input.style)}`);
  }
  return out;
}

/** Discord's checks of autocomplete choices: at most 25, names and values of 1-100 characters. */
export function choiceRejections(data: Record<string, unknown> | undefined): string[] {
  const choices = (data?.choices ?? []) as { name: string; value: unknown }[];
  const out: string[] = [];
  if (choices.length > 25) out.push(`${choices.length} choices > 25`);
  for (const c of choices) {
    if (c.name.length === 0 || c.name.length > 100) out.push(`choice name of ${c.name.length}`);
    if (String(c.value).length > 100) out.push("choice value > 100");
  }
  return out;
}

/** Discord's checks of a command list (bulk overwrite). */
export function commandRejections(commands: Array<Record<string, unknown>>): string[] {
  const out: string[] = [];
  if (commands.length > 100) out.push(`${commands.length} commands > 100`);
  for (const c of commands) {
    const name = String(c.name ?? "");
    if (!/^[-_\p{Ll}\p{N}]{1,32}$/u.test(name)) out.push(`command name ${name}`);
    const description = String(c.description ?? "");
    if (description.length === 0 || description.length > 100) out.push(`/${name}: description of ${description.length}`);
    const options = (c.options ?? []) as Array<Record<string, unknown>>;
    if (options.length > 25) out.push(`/${name}: ${options.length} options`);
    let optional = false;
    for (const o of options) {
      if (!o.required) optional = true;
      else if (optional) out.push(`/${name}: required option ${String(o.name)} after an optional one`);
      if (!/^[-_\p{Ll}\p{N}]{1,32}$/u.test(String(o.name))) out.push(`/${name}: option name ${String(o.name)}`);
      const d = String(o.description ?? "");
      if (d.length === 0 || d.length > 100) out.push(`/${name} ${String(o.name)}: description of ${d.length}`);
      if (![3, 4, 5, 11].includes(Number(o.type))) out.push(`/${name} ${String(o.name)}: type ${String(o.type)}`);
      const choices = (o.choices ?? []) as unknown[];
      if (choices.length > 25) out.push(`/${name} ${String(o.name)}: ${choices.length} choices`);
      if (choices.length && o.autocomplete) out.push(`/${name} ${String(o.name)}: choices with autocomplete`);
      if (o.max_length !== undefined && (Number(o.max_length) < 1 || Number(o.max_length) > 6000)) out.push(`/${name} ${String(o.name)}: max_length`);
    }
    const perms = c.default_member_permissions;
    if (perms !== undefined && perms !== null && !/^\d+$/.test(String(perms))) out.push(`/${name}: default_member_permissions ${String(perms)}`);
  }
  return out;
}
