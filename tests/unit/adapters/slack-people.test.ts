import { describe, expect, it, vi } from "vitest";
import type { webApi } from "@slack/bolt";
import { SlackPeople } from "../../../src/adapters/slack/slack-people.ts";
import type { Logger } from "../../../src/logger.ts";

/** A WebClient whose users.info answers only when the test says so, counting the calls. */
function slowSlack() {
  const pending: Array<(name: string) => void> = [];
  let calls = 0;
  const web = {
    users: {
      info: ({ user }: { user: string }) => {
        calls += 1;
        return new Promise((resolve) => pending.push((name) => resolve({ ok: true, user: { id: user, profile: { display_name: name } } })));
      },
    },
  } as unknown as webApi.WebClient;
  return { web, answer: (name: string) => pending.shift()!(name), calls: () => calls };
}

const quiet: Logger = { info() {}, warn() {}, error() {} } as unknown as Logger;
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("Slack display names", () => {
  it("answers a class's first commands with their usernames at once, asking Slack once per person in the background", async () => {
    const slack = slowSlack();
    const people = new SlackPeople(slack.web, () => "T1", [], quiet);
    // Slack has not answered users.info: the request still gets a person at once.
    const first = await people.person("U1", "ada.l");
    expect(first).toEqual({ id: "slack:T1:U1", name: "ada.l" });
    await people.person("U1", "ada.l");
    expect(slack.calls()).toBe(1);
    slack.answer("Ada Lovelace");
    await settle();
    expect((await people.person("U1", "ada.l")).name).toBe("Ada Lovelace");
    expect(slack.calls()).toBe(1);
  });

  it("waits for Slack when the request carries no username to show meanwhile", async () => {
    const slack = slowSlack();
    const people = new SlackPeople(slack.web, () => "T1", [], quiet);
    const asked = people.person("U2", undefined);
    await settle();
    slack.answer("Grace");
    expect((await asked).name).toBe("Grace");
  });
});

describe("Slack display names for a class arriving at once", () => {
  it("asks Slack a few at a time, never all at once, and every name arrives", async () => {
    const slack = slowSlack();
    const people = new SlackPeople(slack.web, () => "T1", [], quiet, 0);
    for (let u = 0; u < 10; u += 1) await people.person(`U${u}`, `user${u}`);
    await settle();
    expect(slack.calls()).toBe(4);
    for (let answered = 0; answered < 10; answered += 1) {
      slack.answer(`Name ${answered}`);
      await settle();
      expect(slack.calls()).toBe(Math.min(10, 5 + answered));
    }
    const names = await Promise.all(Array.from({ length: 10 }, (_, u) => people.person(`U${u}`, `user${u}`)));
    expect(names.map((p) => p.name)).toEqual(Array.from({ length: 10 }, (_, u) => `Name ${u}`));
  });

  it("keeps to Slack's rate once a queue forms: each slot is handed on after a pause, not at once", async () => {
    vi.useFakeTimers();
    try {
      const slack = slowSlack();
      const people = new SlackPeople(slack.web, () => "T1", [], quiet, 2400);
      for (let u = 0; u < 6; u += 1) await people.person(`U${u}`, `user${u}`);
      expect(slack.calls()).toBe(4);
      slack.answer("Name 0");
      await vi.advanceTimersByTimeAsync(2399);
      expect(slack.calls()).toBe(4);
      await vi.advanceTimersByTimeAsync(1);
      expect(slack.calls()).toBe(5);
      // A slot that nobody waits for is simply freed: the next person is asked at once.
      for (let k = 1; k < 5; k += 1) slack.answer(`Name ${k}`);
      await vi.advanceTimersByTimeAsync(2400);
      expect(slack.calls()).toBe(6);
      slack.answer("Name 5");
      await vi.advanceTimersByTimeAsync(0);
      await people.person("U9", "user9");
      expect(slack.calls()).toBe(7);
    } finally {
      vi.useRealTimers();
    }
  });
});
