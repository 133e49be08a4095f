import { hostname } from "node:os";
import { commands } from "../commands/index.ts";
import type { Config } from "./config.ts";
import { type BankLibrary, loadBankLibrary } from "./core/bank/bank-library.ts";
import { CourseBankChoice } from "./core/bank/course-banks.ts";
import type { QuestionBank } from "./core/bank/question-bank.ts";
import type { CommandInput } from "./core/chat/command-input.ts";
import { CommandDispatcher } from "./core/chat/dispatcher.ts";
import { bankSuggestions, type OptionSuggestions } from "./core/chat/option-suggestions.ts";
import { text, type VisibleReply } from "./core/chat/reply.ts";
import { TimedWork } from "./core/delivery/timed-work.ts";
import { prepareClaimReading } from "./core/grading/claim-reading.ts";
import { createGradingPool, type GradingPool } from "./core/grading/grading-pool.ts";
import { DEFAULT_SID_RULE, EnrollmentService } from "./core/practice/enrollment-service.ts";
import { AnswerGrading } from "./core/practice/answer-grading.ts";
import { AnswerRate } from "./core/practice/answer-rate.ts";
import { ExamService } from "./core/practice/exam-service.ts";
import { PracticeService } from "./core/practice/practice-service.ts";
import { ProgressService } from "./core/practice/progress-service.ts";
import { MistakeReport } from "./core/stats/mistake-report.ts";
import { StatsService } from "./core/stats/stats-service.ts";
import { AnnouncementService } from "./core/ta/announcement-service.ts";
import { GradeExport } from "./core/ta/grade-export.ts";
import { RegradeService } from "./core/ta/regrade-service.ts";
import { ReviewService } from "./core/ta/review-service.ts";
import type { Store } from "./core/ports.ts";
import { TimeZone } from "./core/time-zone.ts";
import type { Services } from "./services.ts";
import { createSqliteStore, type SqliteStore } from "./store/sqlite-store.ts";

/** The running application, whatever adapters sit in front of it. */
export interface App {
  services: Services;
  dispatcher: CommandDispatcher<Services>;
  /** SQLite's (with its file, for backups) unless the caller gave one (PostgreSQL). */
  store: SqliteStore | ClosableStore;
  pool: GradingPool;
  /** Deadlines, reminders and scheduled announcements, delivered through the attached adapters. */
  timedWork: TimedWork;
  /** What to suggest while a person types an option (Discord autocomplete). */
  suggest: OptionSuggestions;
  close(): Promise<void>;
}

/** Where the app reports bugs and failed timed work: a line, and the same facts as fields for JSON logs. */
export type AppLog = (line: string, fields?: Record<string, unknown>) => void;

/** A store as a caller hands it to the app: the core's port, and a way to let go of its connections. */
export type ClosableStore = Store & { close(): Promise<void> };

export interface AppOptions {
  /** Where bugs are logged; defaults to stderr. */
  log?: AppLog;
  /** A grading pool to share (tests run many apps on one); the app then leaves closing it to the owner. */
  pool?: GradingPool;
  /** The store to use instead of TUTOR_DB's SQLite file (PostgreSQL, opened by the caller); the app closes it. */
  store?: ClosableStore;
}

/** Every bank of TUTOR_BANKS (a folder, or one bank file), named as the library names them. */
export function loadBanks(config: Config): BankLibrary {
  return loadBankLibrary(config.TUTOR_BANKS);
}

/** The bank of TUTOR_BANKS with the earliest exam, alone: for tools and tests about one exam. */
export function loadQuestionBank(config: Config): QuestionBank {
  return loadBanks(config).banks[0]!;
}

/** The composition root's core: every service is created here and nowhere else. */
export function createApp(config: Config, options: AppOptions = {}): App {
  const log: AppLog = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const bank = loadBanks(config);
  const store = options.store ?? createSqliteStore(config.TUTOR_DB);
  const courseBanks = new CourseBankChoice(bank, store.courses);
  const zone = new TimeZone(config.TUTOR_TIMEZONE);
  const pool = options.pool ?? createGradingPool();
  prepareClaimReading();
  const grading = new AnswerGrading(pool, bank, store, log);
  const exams = new ExamService(courseBanks, store, grading, zone);
  const isTa = async (input: CommandInput) => input.roles.includes("ta") || (await store.enrollments.get(input.course, input.user.id))?.role === "ta";
  const services: Services = {
    bank, courseBanks, zone, exams, isTa, commands, answerRate: new AnswerRate({ answers: config.TUTOR_ANSWER_LIMIT, windowMs: 60_000 }),
    practice: new PracticeService(courseBanks, store, grading),
    progress: new ProgressService(courseBanks, store, exams, zone),
    enrollment: new EnrollmentService(bank, store, config.TUTOR_SID_PATTERN ? { pattern: anchored(config.TUTOR_SID_PATTERN), description: `as the course writes them (${config.TUTOR_SID_PATTERN})` } : DEFAULT_SID_RULE),
    announcements: new AnnouncementService(store),
    stats: new StatsService(courseBanks, store.ta),
    mistakes: new MistakeReport(courseBanks, store.attempts),
    regrades: new RegradeService(courseBanks, store, zone),
    review: new ReviewService(bank, store),
    gradeExport: new GradeExport(courseBanks, store.ta),
  };
  const dispatcher = new CommandDispatcher(commands, services, {
    isTa,
    // In the group commit: a class starting an exam together shares fsyncs instead of one each.
    prepare: (input) => store.commit(async (tx) => {
      await tx.courses.ensure(input.course, bank.course);
      await tx.enrollments.upsertUser(input.user.id, input.user.name);
    }),
    async findReply(id) {
      const json = await store.interactions.find(id);
      return json ? (JSON.parse(json) as VisibleReply) : null;
    },
    // Claim and reply in the group commit: one fsync shared with the answers stored in the same turn.
    claimReply: (id, at) => store.commit((tx) => tx.interactions.claim(id, at, new Date(at.getTime() - CLAIM_STALE_MS))),
    rememberReply: (id, reply, at) => store.commit((tx) => tx.interactions.remember(id, JSON.stringify(forRetries(reply)), at)),
    async queueDeliveries(course, deliveries, at) {
      await store.transaction(async (tx) => {
        for (const d of deliveries) await tx.deliveries.enqueue(course, d.to, d.reply, at);
      });
      void timedWork.flush().catch((error: unknown) => log(`[timed work] ${describeError(error)}`, { error }));
    },
    logBug: (reference, error, input) =>
      log(`[bug ${reference}] /${input.command} by ${input.user.id}: ${describeError(error)}`, { reference, command: input.command, user: input.user.id, error }),
  });
  const timedWork = new TimedWork(store, exams, services.announcements, zone, (exam) => exams.titleOf(exam), {
    claimant: `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
    log,
  });
  const suggest = bankSuggestions(courseBanks, (course) => services.stats.names(course));
  return {
    services, dispatcher, store, pool, timedWork, suggest,
    async close() {
      await timedWork.stop();
      grading.close();
      if (!options.pool) await pool.close();
      await store.close();
    },
  };
}

/**
 * How long a delivery's claim holds before another process may work it: replies take seconds, and
 * a claim this old is of a process that stopped mid-work.
 */
const CLAIM_STALE_MS = 30_000;

/** A pattern that must match a whole student ID, whether or not its author anchored it. */
const anchored = (pattern: string) => new RegExp(`^(?:${pattern.replace(/^\^/, "").replace(/\$$/, "")})$`);

const describeError = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/**
 * What a retried platform delivery gets: the reply's text and buttons once more, never its side
 * effects. Images and files are large and made again on demand (the text says what was attached);
 * messages for others (a grader, a student, a channel) went out with the first reply and are not
 * sent again.
 */
function forRetries(reply: VisibleReply): VisibleReply {
  const { images, files, deliveries: _sent, ...rest } = reply;
  const attached = [...(images ?? []).map((i) => i.alt), ...(files ?? []).map((f) => f.name)];
  return attached.length ? { ...rest, blocks: [...rest.blocks, text(`(Attachments were sent with the first reply: ${attached.join("; ")}.)`)] } : rest;
}
