import { afterEach, describe, expect, it } from "vitest";
import { TestClock, useConsoleDrivers } from "../fakes/console-driver.ts";
import { runTutorInProcess } from "../fakes/run-tutor.ts";

const openDriver = useConsoleDrivers(afterEach);
const driver = (clock?: TestClock) => openDriver(undefined, clock);

const DRAWING = "/answer 2a input x goes to W1 x, then relu, then W3, plus W2 x, gives z, then the loss";

describe("/regrade and /regrades", () => {
  it("refuses a regrade after the window with the date it closed", async () => {
    const clock = new TestClock(new Date("2026-11-28T10:00:00Z"));
    const d = driver(clock);
    await d.say("ana", "/exam start");
    await d.say("ana", "/answer 3a true");
    await d.say("ana", "/exam submit confirm");
    clock.advance(8 * 24 * 60);
    const refused = await d.say("ana", "/regrade 3a my answer deserves the choice points");
    expect(refused).toMatch(/Regrades for 3a closed on 2026-12-05 10:00:00 UTC, 7 days after your mock exam was submitted/);
  });

  it("takes requests for mock-exam answers only, with a reason in a sentence, one open per question; the student follows them with /regrade status", async () => {
    const d = driver();
    await d.say("ana", "/quiz 2b");
    await d.say("ana", "/answer 2b y - z");
    expect(await d.say("ana", "/regrade 2b the rubric accepts my sign convention")).toMatch(/Regrades are for answers in a submitted mock exam; your answers to 2b were practice\. Try it again with \/quiz 2b/);
    expect(await d.say("ana", "/regrade status")).toMatch(/You have asked for no regrade/);
    await d.say("ana", "/exam start");
    await d.say("ana", "/answer 3a true");
    await d.say("ana", "/answer 2b y - z");
    await d.say("ana", "/exam submit confirm");
    expect(await d.say("ana", "/regrade 3a wrong")).toMatch(/Say in a sentence why the rubric was applied wrongly/);
    expect(await d.say("ana", "/regrade 3a")).toMatch(/Say in a sentence/);
    expect(await d.say("ana", "/regrade 3a the loss on the training set does go down with L2")).toMatch(/request #1 for 3a went to Michael/);
    expect(await d.say("ana", "/regrade 3a and also my justification was complete")).toMatch(/already asked for a regrade of 3a \(request #1\)/);
    expect(await d.say("ana", "/regrade 2b my sign convention was stated in the answer")).toMatch(/request #2 for 2b/);

    expect(await d.say("mike", "/regrades resolve 1 2", "ta")).toMatch(/Add a note for the student/);
    expect(await d.say("mike", "/regrades resolve 1 keep regularization raises the training loss", "ta")).toMatch(/resolved: 0\/5 → 0\/5/);
    const status = await d.say("ana", "/regrade status");
    expect(status).toMatch(/#2 2b, asked .*: open, with \w+ \(0\/4 now\)\./);
    expect(status).toMatch(/#1 3a, asked .*: stays 0\/5 \(.*\)\. Note: regularization raises the training loss/);
    expect(await d.say("mike", "/regrades history", "ta")).toMatch(/#1 3a from ana: 0\/5 → 0\/5 by mike, .*: regularization raises the training loss/);
  });

  it("routes a request to the question's grader, and the resolution to the student and everywhere the score is read", async () => {
    const clock = new TestClock(new Date("2026-11-28T10:00:00Z"));
    const d = driver(clock);
    expect(await d.say("tara", "/regrades assign michael mike", "ta")).toMatch(/Regrades of Michael's questions now go to console:mike/);
    // A full id (adapters turn a platform mention into one) is kept as it is.
    expect(await d.json("tara", "/regrades assign Weixi discord:1234", "ta")).toMatchObject([{ assignment: { grader: "Weixi", user: "discord:1234" } }]);
    expect(await d.say("tara", "/regrades", "ta")).toMatch(/Routing: (Weixi → discord:1234, Michael → console:mike|Michael → console:mike, Weixi → discord:1234); others go to #ta\./);
    await d.say("ben", "/exam start");
    await d.say("ben", "/answer 3a true");
    await d.say("ben", "/answer 2b z - y");
    await d.say("ben", "/exam submit confirm");
    clock.advance(6 * 24 * 60);

    const [asked] = await d.json("ben", "/regrade 3a I argued that it lowers training error, please look again");
    expect(asked!.text).toMatch(/went to Michael/);
    expect(asked!.deliveries).toMatchObject([{ to: { user: "console:mike" }, ephemeral: true, text: expect.stringMatching(/^Regrade request #1 for 3a \(graded by Michael\) from ben: 0\/5\.\nAnswer:\n> true\n\nReason:\n> I argued/) }]);
    expect(await d.say("ben", "/regrade 3a once more, please look again")).toMatch(/already asked/);
    const [unassigned] = await d.json("ben", "/regrade 2b the sign convention was stated");
    expect(unassigned!.deliveries).toMatchObject([{ to: { channel: "ta" }, ephemeral: false }]);

    expect(await d.say("mike", "/regrades", "ta")).toMatch(/#1 3a \(Michael\) from ben.*\n#2 2b \(Johannes\)/);
    // The home page (Slack's Home tab): a TA's lists what waits; a student's shows only their progress.
    const taHome = await d.say("mike", "/home", "ta");
    expect(taHome).toMatch(/Review queue: nothing waits for review\./);
    expect(taHome).toMatch(/Open regrades: 2\n#1 3a from ben \(now 0\/5, grader Michael\)\n#2 2b from ben/);
    const studentHome = await d.say("ben", "/home");
    expect(studentHome).toMatch(/Your progress: 0 practice answers/);
    expect(studentHome).not.toMatch(/For TAs|regrades/i);
    const [resolved] = await d.json("mike", "/regrades resolve 1 2 partial credit for the reasoning", "ta");
    expect(resolved!.text).toMatch(/Regrade #1 \(3a\) resolved: 0\/5 → 2\/5/);
    expect(resolved!.deliveries).toEqual([{ to: { user: "console:ben" }, ephemeral: true, text: expect.stringMatching(/changed from 0\/5 to 2\/5[\s\S]*Note: partial credit for the reasoning/) }]);
    expect(await d.say("mike", "/regrades resolve 1 3", "ta")).toMatch(/already resolved/);

    expect(await d.say("ben", "/exam status")).toMatch(/Problem 3\s+2\/20/);
    const exported = (await d.json("tara", "/export", "ta"))[0]!.export as { csv: string };
    expect(exported.csv.split("\r\n")[1]).toBe("ben,,console:ben,,,,,,,,4,,,2,,,,,,,,,,,6");
    clock.advance(2 * 24 * 60);
    expect(await d.say("ben", "/regrade 3a and once more after the week")).toMatch(/Regrades for 3a closed on 2026-12-05 10:00:00 UTC, 7 days after your mock exam was submitted/);
    const attempt = (await d.app.store.ta.regrades.get(1))!.attempt;
    expect(await d.app.store.ta.grades.history(attempt)).toMatchObject([{ oldScore: 0, newScore: 2, source: "regrade", by: "console:mike" }]);
  });
});

describe("two people acting at once", () => {
  it("grades a waiting answer once, records one regrade request, and resolves it once", async () => {
    const d = driver();
    await d.say("ana", "/exam start");
    await d.say("ana", DRAWING);
    await d.say("ana", "/exam submit confirm");
    const [waiting] = (await d.app.store.attempts.forUser("console", "console:ana")).filter((a) => a.needsReview);
    const tara = { id: "console:tara", name: "tara" };
    const rita = { id: "console:rita", name: "rita" };
    const now = d.clock.read();
    const graded = await Promise.allSettled([
      d.app.services.review.decide("console", waiting!.id, { score: 4 }, tara, now),
      d.app.services.review.decide("console", waiting!.id, { score: 1 }, rita, now),
    ]);
    expect(graded.map((g) => g.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(graded.find((g) => g.status === "rejected")).toMatchObject({ reason: { code: "already-reviewed" } });
    expect(await d.app.store.ta.grades.history(waiting!.id)).toHaveLength(1);

    const ana = { id: "console:ana", name: "ana" };
    const asked = await Promise.allSettled([1, 2].map((n) => d.app.services.regrades.request("console", ana, "2a", `the graph is complete, every node is there (${n})`, now)));
    expect(asked.map((a) => a.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(asked.find((a) => a.status === "rejected")).toMatchObject({ reason: { code: "regrade-open" } });
    const [open] = await d.app.store.ta.regrades.open("console");
    const resolved = await Promise.allSettled([
      d.app.services.regrades.resolve("console", open!.id, { score: 4, note: "complete" }, tara, now),
      d.app.services.regrades.resolve("console", open!.id, { score: 3, note: "missing the loss" }, rita, now),
    ]);
    expect(resolved.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(resolved.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "regrade-resolved" } });
    expect(await d.app.store.ta.grades.history(waiting!.id)).toHaveLength(2);
  });
});

describe("/review", () => {
  it("grades a waiting answer: the TA's grade replaces the automatic one in progress, reports and the export", async () => {
    const d = driver();
    await d.say("ana", "/quiz 2a");
    await d.say("ana", DRAWING);
    expect(await d.say("ana", "/progress")).toMatch(/2a .*\(TA review pending\)/);
    await d.say("ana", "/exam start");
    await d.say("ana", DRAWING);
    await d.say("ana", "/exam submit confirm");

    const shown = await d.say("tara", "/review", "ta");
    expect(shown).toMatch(/Review\s+\(2 waiting\): answer #\d+ to 2a .* by ana, practice/);
    expect(shown).toMatch(/first-layer \(1\)/);
    expect(shown).toMatch(/\[1\] Award full \(4\)\s+\[2\] Award 0\s+\[3\] Score and note…\s+\[4\] Award items…\s+\[5\] Skip/);
    const [graded] = await d.json("tara", "1", "ta");
    expect(graded!.text).toMatch(/graded 4\/4; the student is told/);
    expect(graded!.text).toMatch(/\(1 waiting\): answer #\d+ to 2a .* mock exam/);
    expect(graded!.deliveries).toEqual([{ to: { user: "console:ana" }, ephemeral: true, text: expect.stringMatching(/A TA graded your answer to 2a: 4\/4/) }]);

    // The exam's answer, by rubric items typed into the form.
    expect(await d.say("tara", "4", "ta")).toMatch(/Item ids earned/);
    expect(await d.say("tara", "first-layer, shortcut", "ta")).toMatch(/graded 2\/4[\s\S]*Nothing waits for review/);

    const progress = await d.say("ana", "/progress");
    expect(progress).toMatch(/2a\s+4\/4/);
    expect(progress).not.toMatch(/review pending/);
    expect(progress).toMatch(/Problem 2\s+2\/20/);
    const exported = (await d.json("tara", "/export", "ta"))[0]!.export as { csv: string };
    expect(exported.csv.split("\r\n")[1]).toBe("ana,,console:ana,,,,,,,2,,,,,,,,,,,,,,,2");
  });

  it("leaves out exam answers a later answer replaced, and reschedules a reviewed practice answer", async () => {
    const d = driver();
    await d.say("bo", "/exam start");
    await d.say("bo", "/answer 2a draft: x, W1, relu");
    await d.say("bo", DRAWING);
    await d.say("bo", "/exam submit confirm");
    expect(await d.say("tara", "/review", "ta")).toMatch(/Review\s+\(1 waiting\)/);

    await d.say("bo", "/quiz 2a");
    await d.say("bo", DRAWING);
    expect(await d.app.store.schedules.get("console", "console:bo", "2a")).toBeNull();
    const practice = (await d.app.store.attempts.forUser("console", "console:bo")).filter((a) => a.mode === "practice").at(-1)!;
    await d.say("tara", `/review ${practice.id} 4 complete graph`, "ta");
    expect(await d.app.store.schedules.get("console", "console:bo", "2a")).not.toBeNull();
  });

  it("exports to a file from the command line and backs the database up", async () => {
    const d = driver();
    expect(await d.say("ana", "/enroll c247 sid: 905123456")).toMatch(/enrolled in C247 of ECE C147\/C247 with student ID 905123456/);
    expect(await d.say("ana", "/enroll C247 sid: 90 51")).toMatch(/"90 51" is not a student ID of this course: it is nine digits, e.g. 905123456/);
    await d.say("ana", "/exam start");
    await d.say("ana", "/answer 2b z - y");
    await d.say("ana", "/exam submit confirm");
    await d.close();
    const csv = await runTutorInProcess(["export", "--db", d.dbFile]);
    expect(csv.stdout.split("\r\n")[0]).toMatch(/^Name,SID,User,Section,1a,/);
    expect(csv.stdout.split("\r\n")[1]).toBe("ana,905123456,console:ana,C247,,,,,,,4,,,,,,,,,,,,,,4");
    const backup = `${d.dbFile}.bak`;
    expect((await runTutorInProcess(["db", "backup", backup, "--db", d.dbFile])).stdout).toMatch(/Backed up \d+ pages/);
    expect((await runTutorInProcess(["export", "--db", backup])).stdout).toBe(csv.stdout);
    expect((await runTutorInProcess(["db", "backup", backup, "--db", d.dbFile])).stderr).toMatch(/already exists/);
  });
});
