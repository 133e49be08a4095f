import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Reply } from "../../core/chat/reply.ts";
import { renderMathText } from "../../render/latex-to-text.ts";

/** Turns a Reply into terminal text: Unicode math, numbered buttons, images saved to files. */
export class ConsoleRenderer {
  private imageDir: string | null = null;

  render(reply: Reply, forUser?: string): string {
    const lines: string[] = [];
    if (forUser) lines.push(`→ to ${forUser}:`);
    lines.push(renderMathText(reply.text).replace(/\*\*(.+?)\*\*/g, "$1"));
    for (const image of reply.images ?? []) lines.push(`[image: ${image.alt} — saved to ${this.save(image.name, image.png)}]`);
    for (const file of reply.files ?? []) lines.push(`[file: ${file.name} — saved to ${this.saveFile(file.name, file.data)}]`);
    if (reply.form) lines.push(`(${reply.form.field.label}: type it on the next line)`);
    if (reply.buttons?.length) {
      lines.push(reply.buttons.map((b, i) => `[${i + 1}] ${b.label}`).join("   "));
    }
    for (const f of reply.followUps ?? []) lines.push("", this.render(f));
    for (const d of reply.deliveries ?? []) {
      lines.push("", this.render(d.reply, "user" in d.to ? d.to.user : `#${d.to.channel}`));
    }
    return lines.join("\n");
  }

  /** One JSON object per reply: text, ephemeral, buttons, and the reply's data (grade, stats...) at the top level. */
  json(reply: Reply): string {
    const { images, files, data, ...rest } = reply;
    return JSON.stringify({
      ...rest,
      text: renderMathText(reply.text),
      ...(images?.length ? { images: images.map((i) => ({ name: i.name, alt: i.alt, bytes: i.png.length, path: this.save(i.name, i.png) })) } : {}),
      ...(files?.length ? { files: files.map((f) => ({ name: f.name, contentType: f.contentType, bytes: f.data.length, path: this.saveFile(f.name, f.data) })) } : {}),
      ...data,
    });
  }

  private save(name: string, png: Buffer): string {
    return this.saveFile(name.endsWith(".png") ? name : `${name}.png`, png);
  }

  private saveFile(name: string, data: Buffer): string {
    this.imageDir ??= mkdtempSync(path.join(tmpdir(), "tutor-images-"));
    // The name comes from a reply; keep only its last segment so it cannot leave the folder.
    const file = path.join(this.imageDir, path.basename(name));
    writeFileSync(file, data);
    return file;
  }
}
