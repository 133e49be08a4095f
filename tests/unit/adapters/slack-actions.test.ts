import { describe, expect, it } from "vitest";
import {
  buttonValue, FORM_CALLBACK, formModal, MODAL_LIMITS, readButtonValue, readFormMetadata, submittedText,
} from "../../../src/adapters/slack/slack-actions.ts";
import { decodeEntities } from "../../../src/adapters/slack/slack-interactions.ts";
import type { FormRequest, ReplyButton } from "../../../src/core/chat/reply.ts";
import { UserError } from "../../../src/core/errors.ts";

const form: FormRequest = {
  title: "Answer 3a",
  action: { command: "answer", options: { question: "3a", answer: "false" } },
  field: { option: "justification", label: "Why? (no credit without reasoning)", maxLength: 4000 },
};

function userError(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error("no error");
}

describe("Slack buttons carry the core's actions", () => {
  it("reads back what it encoded: an action, or the form a button opens", () => {
    const run: ReplyButton = { label: "Show solution", action: { command: "solution", options: { question: "3a" } } };
    expect(readButtonValue(buttonValue(run))).toEqual({ run: run.action });
    expect(readButtonValue(buttonValue({ label: "False", form }))).toEqual({ form });
  });

  it("refuses a garbled or forged value with a message for the person, never a crash", () => {
    const forged = [
      undefined, 42, "", "not json", "{}", '{"run":{}}', '{"run":{"command":"answer"}}',
      '{"run":{"command":"answer","options":{"question":3}}}', '{"run":{"command":"answer","options":{}},"extra":1}',
      JSON.stringify({ run: { command: "a".repeat(41), options: {} } }), `{"run":${"[".repeat(5000)}`, "x".repeat(2001),
    ];
    for (const value of forged) {
      const error = userError(() => readButtonValue(value));
      expect(error.code).toBe("bad-button");
      expect(error.message).toMatch(/Run the command again/);
    }
  });

  it("refuses garbled form metadata the same way", () => {
    for (const text of [undefined, "", "{", '{"action":{"command":"answer","options":{}}}', "x".repeat(3001)]) {
      expect(userError(() => readFormMetadata(text)).code).toBe("bad-form");
    }
  });
});

describe("Slack form modals", () => {
  const metadata = { action: form.action, option: "justification", responseUrl: "https://hooks.slack.com/actions/T/1/abc", channel: "CGENERAL01" };

  it("open one multiline input within Slack's limits, clamped to 3,000 characters with a note on how to send more", () => {
    const view = formModal(form, metadata) as { title: { text: string }; callback_id: string; private_metadata: string; blocks: Array<Record<string, unknown>> };
    expect(view.callback_id).toBe(FORM_CALLBACK);
    expect(view.title.text).toBe("Answer 3a");
    const input = view.blocks.find((b) => b.type === "input") as { element: { max_length: number; multiline: boolean; type: string } };
    expect(input.element).toMatchObject({ type: "plain_text_input", multiline: true, max_length: MODAL_LIMITS.inputChars });
    const context = JSON.stringify(view.blocks[0]);
    expect(context).toContain("answer: *false*");
    expect(context).toContain("Up to 3,000 characters here");
    expect(readFormMetadata(view.private_metadata)).toEqual(metadata);
  });

  it("keeps a smaller limit and cuts a long title to Slack's 24 characters", () => {
    const view = formModal({ ...form, title: "Answer 4a-iii about the GELU activation", field: { ...form.field, maxLength: 500 } }, metadata) as { title: { text: string }; blocks: Array<Record<string, unknown>> };
    expect(view.title.text.length).toBeLessThanOrEqual(MODAL_LIMITS.title);
    expect(JSON.stringify(view.blocks)).toContain('"max_length":500');
    expect(JSON.stringify(view.blocks)).not.toContain("Up to");
  });

  it("reads the submitted text from the view's state, or nothing", () => {
    expect(submittedText({ field: { value: { type: "plain_text_input", value: "because it generalizes" } } })).toBe("because it generalizes");
    expect(submittedText({ field: { value: { type: "plain_text_input", value: null } } })).toBe("");
    expect(submittedText(undefined)).toBe("");
  });
});

describe("Slack command text", () => {
  it("comes back as typed: Slack's entities decoded once", () => {
    expect(decodeEntities("x &lt; 1 &amp;&amp; y &gt; 2 &amp;lt;")).toBe("x < 1 && y > 2 &lt;");
  });
});
