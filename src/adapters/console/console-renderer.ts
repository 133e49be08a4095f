import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stripControl } from "../../core/chat/markup.ts";
import type { Block, DeliveryTarget, Reply, Visibility } from "../../core/chat/reply.ts";
import { PLAIN_TEXT, renderInline } from "../../render/inline-dialect.ts";
import { renderMathText } from "../../render/latex-to-text.ts";
import { textTable } from "../../render/text-table.ts";

/** Inline markup as terminal text: no `**` or backticks, math as Unicode, typed text exactly as typed. */
const inline = (markup: string) => renderInline(markup, PLAIN_TEXT);

/** Continuation lines of a list item or a field line up under its text. */
const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/** A table cell on the terminal: math as Unicode, one line, no control characters (headers too). */
const tableCell = (text: string) => stripControl(renderMathText(text)).replace(/\s*\n\s*/g, " ");

function blockText(block: Block): string {
  switch (block.kind) {
    case "heading":
    case "text":
      return inline(block.text);
    case "list":
      return block.items.map((item) => `• ${indent(inline(item), "  ")}`).join("\n");
    case "quote":
      return stripControl(block.text).split("\n").map((line) => (line ? `> ${line}` : ">")).join("\n");
    case "fields":
      return block.fields.map((f) => `${inline(f.name)}: ${indent(inline(f.value), "  ")}`).join("\n");
    case "table":
      // Aligned columns one space apart; the header line only when a column has a header.
      return textTable(block.columns, block.rows, { cell: tableCell, gap: " ", rule: false }).join("\n");
    case "code":
      return stripControl(block.text).replace(/\n+$/, "");
  }
}

/** A heading, or a line that introduces what follows ("Answer:"), sits right above its block. */
const leadsIn = (block: Block, next: Block) =>
  next.kind !== "heading" && (block.kind === "heading" || (block.kind === "text" && /:\s*$/.test(block.text)));

/**
 * A reply's blocks as plain terminal text: headings on their own line, `• ` lists, `> ` quotes,
 * `name: value` fields, aligned tables, math as Unicode; no Markdown markers and no control
 * characters, whatever a person typed. Paragraphs are a blank line apart.
 */
export function replyToText(reply: Pick<Reply, "blocks">): string {
  let out = "";
  reply.blocks.forEach((block, i) => {
    const text = blockText(block);
    if (i > 0) out += leadsIn(reply.blocks[i - 1]!, block) ? "\n" : "\n\n";
    out += text;
  });
  return out;
}

const targetName = (to: DeliveryTarget) => ("user" in to ? to.user : `#${to.channel}`);

/** Turns a Reply into terminal text: Unicode math, numbered buttons, images and files saved to files. */
export class ConsoleRenderer {
  private imageDir: string | null = null;
  private saved = 0;

  /** What the terminal shows for a reply; `forUser` heads a message for someone else (`→ to #ta:`). */
  render(reply: Reply, forUser?: string): string {
    const lines: string[] = [];
    if (forUser) lines.push(`→ to ${stripControl(forUser)}:`);
    lines.push(replyToText(reply));
    for (const image of reply.images ?? []) lines.push(`[image: ${stripControl(image.alt)} — saved to ${this.save(image.name, image.png)}]`);
    for (const file of reply.files ?? []) lines.push(`[file: ${stripControl(file.name)} — saved to ${this.saveFile(file.name, file.data)}]`);
    if (reply.buttons?.length) {
      lines.push(reply.buttons.map((b, i) => `[${i + 1}] ${stripControl(b.label)}`).join("   "));
    }
    for (const d of reply.deliveries ?? []) lines.push("", this.render(d.reply, targetName(d.to)));
    return lines.join("\n");
  }

  /**
   * One JSON object per reply: `text` (what the terminal shows), `ephemeral` (only its reader sees
   * it), buttons, attachments saved to files, deliveries each with their own text, and the reply's
   * data (grade, stats...) at the top level. A reply without a visibility is private.
   */
  json(reply: Reply & { visibility?: Visibility }): string {
    return JSON.stringify(this.jsonObject(reply, (reply.visibility ?? "private") === "private"));
  }

  private jsonObject(reply: Reply, ephemeral: boolean): Record<string, unknown> {
    const { images, files, buttons, deliveries, data } = reply;
    // Text first for people reading the lines; the data may not override what the reply says.
    const out: Record<string, unknown> = { text: "", ephemeral, ...data };
    Object.assign(out, { text: replyToText(reply), ephemeral });
    return {
      ...out,
      ...(buttons?.length ? { buttons } : {}),
      ...(images?.length ? { images: images.map((i) => ({ name: i.name, alt: i.alt, bytes: i.png.length, path: this.save(i.name, i.png) })) } : {}),
      ...(files?.length ? { files: files.map((f) => ({ name: f.name, contentType: f.contentType, bytes: f.data.length, path: this.saveFile(f.name, f.data) })) } : {}),
      // A direct message is seen by its recipient only; a channel post by everyone there.
      ...(deliveries?.length ? { deliveries: deliveries.map((d) => ({ to: d.to, ...this.jsonObject(d.reply, "user" in d.to) })) } : {}),
    };
  }

  private save(name: string, png: Buffer): string {
    return this.saveFile(name.endsWith(".png") ? name : `${name}.png`, png);
  }

  private saveFile(name: string, data: Buffer): string {
    this.imageDir ??= mkdtempSync(path.join(tmpdir(), "tutor-images-"));
    // The name comes from a reply; keep only its last segment so it cannot leave the folder, and
    // number it so a second chart of the session does not overwrite the first.
    const file = path.join(this.imageDir, `${++this.saved}-${path.basename(name)}`);
    writeFileSync(file, data);
    return file;
  }

  /** Removes the files this renderer saved (the session is over). */
  dispose(): void {
    if (this.imageDir) rmSync(this.imageDir, { recursive: true, force: true });
    this.imageDir = null;
  }
}
