import { describe, expect, it } from "vitest";
import type { CommandDefinition } from "../../../src/core/chat/command-definition.ts";
import type { CommandInput } from "../../../src/core/chat/command-input.ts";
import { CommandDispatcher, type CommandRequest, type DispatchHooks, type DispatchPolicy } from "../../../src/core/chat/dispatcher.ts";
import { withoutVerbatimMarks } from "../../../src/core/chat/markup.ts";
import { textReply, type VisibleReply } from "../../../src/core/chat/reply.ts";
import { UserError } from "../../../src/core/errors.ts";

/** What the commands saw, so a test can tell whether the work ran. */
type Seen = { inputs: CommandInput[] };

const echo: CommandDefinition<Seen> = {
  name: "echo",
  description: "Echo",
  options: [
    { name: "mode", description: "How", type: "string", required: true, choices: ["loud", "quiet"] },
    { name: "words", description: "What to say", type: "string", required: false, rest: true, maxLength: 20 },
    { name: "times", description: "How often", type: "integer", required: false },
    { name: "post", description: "Show everyone", type: "boolean", required: false },
  ],
  access: "everyone",
  visibility: (input) => (input.options.post === "true" ? "public" : "private"),
  examples: [],
  handle(input, seen) {
    seen.inputs.push(input);
    if (input.options.words === "boom") throw new Error("database exploded at /secret/path");
    if (input.options.words === "nope") throw new UserError("nope", "Not that.");
    const said = textReply(`${input.options.mode}: ${input.options.words ?? ""}`);
    if (input.options.words === "tell ta") return { ...said, deliveries: [{ to: { channel: "ta" }, reply: textReply("from ana") }] };
    return said;
  },
};
const secret: CommandDefinition<Seen> = { ...echo, name: "secret", options: [], access: "ta", visibility: "public" };

function setup() {
  const seen: Seen = { inputs: [] };
  const remembered = new Map<string, VisibleReply>();
  const bugs: string[] = [];
  const queued: string[] = [];
  const policy: DispatchPolicy = {
    prepare: async () => {},
    isTa: async (input) => input.roles.includes("ta"),
    findReply: async (id) => remembered.get(id) ?? null,
    rememberReply: async (id, reply) => void remembered.set(id, reply),
    queueDeliveries: async (course, deliveries) => void queued.push(...deliveries.map((d) => `${course} ${JSON.stringify(d.to)}`)),
    logBug: (reference, error) => void bugs.push(`${reference} ${String(error)}`),
  };
  const dispatcher = new CommandDispatcher([echo, secret], seen, policy);
  const base = { course: "c", user: { id: "t:ana", name: "ana" }, roles: ["student" as const], attachments: [], now: new Date(0) };
  const say = (what: { line: string } | { command: string; options: Record<string, string | undefined> }, extra: Partial<CommandRequest> = {}, hooks: DispatchHooks = {}) =>
    dispatcher.dispatch({ ...base, ...what, ...extra } as CommandRequest, hooks);
  // The words as a person reads them: the marks around what they typed left out.
  const textOf = (r: VisibleReply) => withoutVerbatimMarks(r.blocks.map((b) => ("text" in b ? b.text : "")).join("\n"));
  return { seen, bugs, queued, dispatcher, say, textOf };
}

describe("the dispatcher's one funnel", () => {
  it("parses a typed line and checks its options like structured ones", async () => {
    const { say, seen, textOf } = setup();
    expect(textOf(await say({ line: "/echo LOUD hello there times: 3" }))).toBe("loud: hello there");
    expect(seen.inputs[0]!.options).toEqual({ mode: "loud", times: "3", words: "hello there" });
    expect(textOf(await say({ command: "echo", options: { mode: "Quiet", words: "  hi  " } }))).toBe("quiet: hi");
  });

  it("refuses every kind of bad option with the usage line, before any work", async () => {
    const { say, seen, textOf } = setup();
    const cases: [Parameters<typeof say>[0], RegExp][] = [
      [{ line: "/ecko loud" }, /There is no \/ecko command\. Did you mean \/echo\?/],
      [{ line: "hello" }, /Commands start with a slash/],
      [{ line: "/echo" }, /\/echo needs mode: how\./],
      [{ line: "/echo shout" }, /"shout" is not a choice for mode: use loud, quiet/],
      [{ line: "/echo loud times: many" }, /times must be a whole number, not "many"/],
      [{ line: "/echo loud post: maybe" }, /post is true or false, not "maybe"/],
      [{ line: `/echo loud ${"x".repeat(21)}` }, /words of \/echo is 21 characters; the limit is 20/],
      [{ command: "echo", options: { mode: "loud", colour: "red" } }, /\/echo has no option "colour"; its options are mode, words, times, post/],
    ];
    for (const [what, message] of cases) {
      const reply = await say(what);
      expect(reply.visibility).toBe("private");
      expect(textOf(reply)).toMatch(message);
      if ("command" in what || what.line.startsWith("/echo")) expect(textOf(reply)).toMatch(/Usage: \/echo mode \[words\] \[times\] \[post\]/);
    }
    expect(seen.inputs).toHaveLength(0);
  });

  it("says who will see the reply before the work, and refuses TA commands before that", async () => {
    const { say, seen } = setup();
    const order: string[] = [];
    const hooks = { beforeWork: (v: string) => void order.push(`${v} before run ${seen.inputs.length + 1}`) };
    expect((await say({ line: "/echo loud hi post: yes" }, {}, hooks)).visibility).toBe("public");
    expect((await say({ line: "/echo quiet hi" }, {}, hooks)).visibility).toBe("private");
    const refused = await say({ line: "/secret" }, {}, hooks);
    expect(refused.visibility).toBe("private");
    expect((await say({ line: "/secret" }, { roles: ["ta"] }, hooks)).visibility).toBe("public");
    expect(order).toEqual(["public before run 1", "private before run 2", "public before run 3"]);
  });

  it("runs one person's commands in the order they arrived, whatever each waits for; others do not wait", async () => {
    const { say, seen } = setup();
    let release!: () => void;
    const slowDefer = new Promise<void>((resolve) => (release = resolve));
    const first = say({ line: "/echo loud first" }, {}, { beforeWork: () => slowDefer });
    const second = say({ line: "/echo loud second" });
    const other = await say({ line: "/echo loud other" }, { user: { id: "t:ben", name: "ben" } });
    expect(other.visibility).toBe("private");
    expect(seen.inputs.map((i) => i.options.words)).toEqual(["other"]);
    release();
    await Promise.all([first, second]);
    expect(seen.inputs.map((i) => i.options.words)).toEqual(["other", "first", "second"]);
  });

  it("drops control characters a person typed before anything stores them", async () => {
    const { say, seen } = setup();
    await say({ line: "/echo loud \u001b[31mred\u0000 \u202Eevil" });
    expect(seen.inputs[0]!.options.words).toBe("red evil");
  });

  it("turns a bug into a reference, logged once, with nothing internal shown", async () => {
    const { say, bugs, textOf } = setup();
    const reply = await say({ line: "/echo loud boom" });
    expect(textOf(reply)).toMatch(/Something went wrong on our side \(reference \w+\)/);
    expect(textOf(reply)).not.toMatch(/secret|database/);
    expect(bugs).toHaveLength(1);
    expect(textOf(await say({ line: "/echo loud nope" }))).toBe("Not that.");
  });

  it("answers a repeated delivery once", async () => {
    const { say, seen } = setup();
    const [a, b] = await Promise.all([say({ line: "/echo loud once" }, { interactionId: "i1" }), say({ line: "/echo loud once" }, { interactionId: "i1" })]);
    const c = await say({ line: "/echo loud once" }, { interactionId: "i1" });
    expect(seen.inputs).toHaveLength(1);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it("hands a reply's messages for others to the outbox when the adapter asks, and shows them inline otherwise", async () => {
    const { say, queued } = setup();
    const inline = await say({ line: "/echo loud tell ta" });
    expect(inline.deliveries).toHaveLength(1);
    expect(queued).toEqual([]);
    const platform = await say({ line: "/echo loud tell ta" }, {}, { outbox: true });
    expect(platform.deliveries).toBeUndefined();
    expect(queued).toEqual(['c {"channel":"ta"}']);
  });

  it("drains for a shutdown: what was taken is answered, what comes after is refused and not remembered", async () => {
    const { say, seen, dispatcher, textOf } = setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The first command is held before its work until the gate opens.
    const slow = say({ line: "/echo loud first" }, { interactionId: "i1" }, { beforeWork: () => gate });
    const drained = dispatcher.drain();
    let done = false;
    void drained.then(() => (done = true));
    const late = await say({ line: "/echo loud second" }, { interactionId: "i2" });
    expect(late.data?.error).toBe("restarting");
    expect(textOf(late)).toBe("The tutor is restarting; send that again in a moment.");
    expect(late.visibility).toBe("private");
    // The same delivery as the one running joins it rather than being refused.
    const again = say({ line: "/echo loud first" }, { interactionId: "i1" });
    await Promise.resolve();
    expect(done).toBe(false);
    release();
    expect(textOf(await slow)).toBe("loud: first");
    expect(textOf(await again)).toBe("loud: first");
    await drained;
    expect(seen.inputs.map((i) => i.options.words)).toEqual(["first"]);
  });
});
