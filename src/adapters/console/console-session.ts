import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { App } from "../../app.ts";
import type { Role } from "../../core/chat/command-input.ts";
import { examReportText } from "../../core/views/exam-view.ts";
import { CONSOLE_COURSE, ConsoleChat, consoleUserId } from "./console-chat.ts";
import { ConsoleRenderer } from "./console-renderer.ts";

export interface ConsoleOptions {
  user: string;
  role: Role;
  section?: string;
  json: boolean;
  input: Readable;
  output: Writable;
  /** True for a person at a terminal: show a banner and a prompt. */
  interactive: boolean;
}

/** Runs the console chat until the input ends (Ctrl-D) or `/quit`. */
export async function runConsoleSession(app: App, options: ConsoleOptions): Promise<void> {
  const chat = new ConsoleChat(app.dispatcher, { name: options.user, role: options.role });
  const renderer = new ConsoleRenderer();
  const write = (text: string) => options.output.write(`${text}\n`);
  const show = (reply: Parameters<ConsoleRenderer["render"]>[0]) => write(options.json ? renderer.json(reply) : `${renderer.render(reply)}\n`);

  if (options.section) {
    for (const r of await chat.handleLine(`/enroll ${options.section}`)) show(r);
  }
  const rl = createInterface({ input: options.input, output: options.interactive ? options.output : undefined, terminal: options.interactive, historySize: 200 });
  if (options.interactive) {
    const exam = app.services.bank.exam;
    write(`${exam.course} exam tutor — console chat as ${options.user} (${options.role}). Type /help for commands, /quit to leave.\n`);
    rl.setPrompt(`${options.user}> `);
    rl.prompt();
  }
  // Scheduled announcements of the console course, claimed once (also those due while it was closed).
  const announce = () => {
    for (const d of app.services.announcements.deliverDue(new Date(), CONSOLE_COURSE)) {
      const to = "channel" in d.to ? `#${d.to.channel}` : d.to.user;
      write(options.json ? renderer.json({ ...d.reply, data: { ...d.reply.data, delivery: { to } } }) : `${renderer.render(d.reply, to)}\n`);
    }
  };
  announce();
  // The mock exam's deadline is enforced even if nobody types: submit and tell the student.
  const timer = setInterval(() => {
    for (const report of app.services.exams.submitExpired(new Date())) {
      if (report.session.course !== CONSOLE_COURSE || report.session.user !== consoleUserId(options.user)) continue;
      app.store.examSessions.markReported(report.session.id, new Date());
      write(`\n${examReportText(report, app.services.bank.exam.title, app.services.zone)} (time ran out at ${app.services.zone.format(report.session.deadline)})`);
    }
    announce();
  }, 15_000);
  timer.unref();
  try {
    for await (const line of rl) {
      if (/^\s*\/(quit|exit)\s*$/.test(line)) break;
      for (const reply of await chat.handleLine(line)) show(reply);
      if (options.interactive) rl.prompt();
    }
  } finally {
    clearInterval(timer);
    rl.close();
  }
}
