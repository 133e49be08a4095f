// Buttons and modals carry their action in Discord's 100-character custom_id: every button the
// commands make must fit (with the 19-digit guild a DM adds), decode to the same action, and a
// forged or garbled id must be a user error, never a crash.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCustomId, encodeButton, encodeModal } from "../../../src/adapters/discord/discord-custom-id.ts";
import { FormMemory, modalFor } from "../../../src/adapters/discord/discord-payload.ts";
import type { ReplyButton } from "../../../src/core/chat/reply.ts";
import { UserError } from "../../../src/core/errors.ts";
import { ConsoleDriver } from "../../fakes/console-driver.ts";

/** The longest guild id Discord makes (a snowflake of 19 digits). */
const GUILD = "1578084853457485827";

const driver = new ConsoleDriver();
const buttons: { from: string; button: ReplyButton }[] = [];

async function collect(user: string, line: string, role: "student" | "ta" = "student"): Promise<void> {
  for (const reply of await driver.replies(user, line, role)) {
    for (const button of reply.buttons ?? []) buttons.push({ from: line, button });
    for (const d of reply.deliveries ?? []) for (const button of d.reply.buttons ?? []) buttons.push({ from: `${line} → delivery`, button });
  }
}

beforeAll(async () => {
  const bank = driver.app.services.bank;
  for (const q of bank.all()) {
    await collect("ana", `/quiz ${q.id}`);
    await collect("ana", `/answer ${q.id} ${q.answer.kind === "truefalse" ? "false, because" : ""} I think so`);
  }
  await collect("ben", "/exam start");
  for (const q of bank.all()) await collect("ben", `/answer ${q.id} I do not know`);
  await collect("ben", "/exam submit");
  await collect("ben", "/exam submit confirm");
  await collect("ben", "/regrade 1a the rubric misread my answer");
  await collect("tara", "/regrades", "ta");
  for (let i = 0; i < 3; i++) await collect("tara", "/review", "ta");
  await collect("tara", "/announce Review session at: in 2h", "ta");
  await collect("tara", "/announce list", "ta");
}, 120_000);

afterAll(() => driver.close());

describe("Discord custom_id", () => {
  it("fits every button the commands make, in a DM too, and decodes to the same action", () => {
    const kinds = new Set(buttons.map(({ button }) => ("form" in button ? `form:${button.form.action.command}` : button.action.command)));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["announce", "exam", "form:answer", "form:regrades", "form:review", "quiz", "review", "solution"]));
    for (const { from, button } of buttons) {
      const id = encodeButton(button, 24, GUILD);
      expect(id.length, `${from}: ${button.label}`).toBeLessThanOrEqual(100);
      const decoded = decodeCustomId(id);
      if ("form" in button) {
        expect(decoded).toEqual({ kind: "form", guild: GUILD, action: button.form.action, field: button.form.field.option, maxLength: button.form.field.maxLength });
        const modal = decodeCustomId(encodeModal(decoded as Extract<typeof decoded, { kind: "form" }>));
        expect(modal).toEqual({ kind: "modal", guild: GUILD, action: button.form.action, field: button.form.field.option });
      } else {
        expect(decoded).toEqual({ kind: "action", guild: GUILD, action: button.action });
      }
    }
  });

  it("keeps values with separators and non-ASCII text intact, and two equal actions apart", () => {
    const button: ReplyButton = { label: "x", action: { command: "announce", options: { message: "cancel 3|a&b=c%20 é ✓" } } };
    expect(decodeCustomId(encodeButton(button, 0))).toEqual({ kind: "action", action: button.action });
    expect(encodeButton(button, 0)).not.toBe(encodeButton(button, 1));
  });

  it("refuses an action that does not fit, rather than cutting it", () => {
    const button: ReplyButton = { label: "long", action: { command: "announce", options: { message: "m".repeat(120) } } };
    expect(() => encodeButton(button, 0)).toThrow(/custom_id of \d+ characters/);
  });

  it("reads a forged or garbled id as a user error", () => {
    const garbled = [
      "", "x".repeat(100), "t1a", "t2a|0||quiz|", "t1z|0||quiz|", "t1a|0||Quiz!|", "t1a|0|123|quiz|", "t1a|0||quiz|question=%E0",
      "t1a|0||quiz|=x", "t1a|0||quiz|a=1&a=2", "t1a|0||quiz||extra", "t1f|0||answer|question=1a|answer|0", "t1f|0||answer|question=1a|answer|4001",
      "t1f|0||answer|question=1a|question|100", "t1m|0||answer|question=1a", "t1a|100||quiz|",
    ];
    for (const id of garbled) expect(() => decodeCustomId(id), id).toThrow(UserError);
  });
});

describe("Discord modals", () => {
  const form: ReplyButton = {
    label: "Award items…",
    form: { title: "Rubric items for #1234 (4b-iii), a long title", action: { command: "review", options: { attempt: "1234" } }, field: { option: "items", label: "Item ids earned, comma-separated (inputs, relu, output, loss)", maxLength: 500 } },
  };

  it("opens with the form's title and label within Discord's 45 characters, the full label as placeholder", () => {
    const forms = new FormMemory();
    const id = encodeButton(form, 3);
    if ("form" in form) forms.remember(id, form.form);
    const decoded = decodeCustomId(id) as Extract<ReturnType<typeof decodeCustomId>, { kind: "form" }>;
    const modal = modalFor(decoded, forms.get(id));
    expect(modal.title.length).toBeLessThanOrEqual(45);
    const input = modal.components[0]!.components[0]!;
    expect(input.label.length).toBeLessThanOrEqual(45);
    expect(input.placeholder).toBe("Item ids earned, comma-separated (inputs, relu, output, loss)");
    expect(input.max_length).toBe(500);
    expect(decodeCustomId(modal.custom_id)).toEqual({ kind: "modal", action: { command: "review", options: { attempt: "1234" } }, field: "items" });
  });

  it("still opens after a restart (no remembered form), titled from its action", () => {
    const decoded = decodeCustomId(encodeButton(form, 0)) as Extract<ReturnType<typeof decodeCustomId>, { kind: "form" }>;
    const modal = modalFor(decoded, new FormMemory().get("anything"));
    expect(modal.title).toBe("/review 1234");
    expect(modal.components[0]!.components[0]!.label).toBe("Items");
  });
});
