import type { BankLibrary } from "./core/bank/bank-library.ts";
import type { CourseBankChoice } from "./core/bank/course-banks.ts";
import type { EnrollmentService } from "./core/practice/enrollment-service.ts";
import type { AnswerRate } from "./core/practice/answer-rate.ts";
import type { ExamService } from "./core/practice/exam-service.ts";
import type { PracticeService } from "./core/practice/practice-service.ts";
import type { ProgressService } from "./core/practice/progress-service.ts";
import type { CommandDefinition } from "./core/chat/command-definition.ts";
import type { CommandInput } from "./core/chat/command-input.ts";
import type { MistakeReport } from "./core/stats/mistake-report.ts";
import type { StatsService } from "./core/stats/stats-service.ts";
import type { AnnouncementService } from "./core/ta/announcement-service.ts";
import type { GradeExport } from "./core/ta/grade-export.ts";
import type { RegradeService } from "./core/ta/regrade-service.ts";
import type { ReviewService } from "./core/ta/review-service.ts";
import type { TimeZone } from "./core/time-zone.ts";

/**
 * Everything a command handler may use; built once by the composition root (src/app.ts). Services
 * only: no store, no configuration (platform tokens stay with the adapters).
 */
export interface Services {
  /** Every loaded bank, and the rule that names their questions (keys such as `1a`, `final/1a`). */
  bank: BankLibrary;
  /** The banks each course uses (`tutor course banks`), and how a typed question name is found in them. */
  courseBanks: CourseBankChoice;
  /** The course's time zone (TUTOR_TIMEZONE): every time a person reads or types is in it. */
  zone: TimeZone;
  practice: PracticeService;
  exams: ExamService;
  /** The per-student limit on answers. */
  answerRate: AnswerRate;
  progress: ProgressService;
  enrollment: EnrollmentService;
  /** TA tools: announcements, statistics, regrades, the review queue, grade export. */
  announcements: AnnouncementService;
  stats: StatsService;
  /** The common wrong answers to a question, for TAs (/stats question: ID). */
  mistakes: MistakeReport;
  regrades: RegradeService;
  review: ReviewService;
  gradeExport: GradeExport;
  /** Whether the person may use TA commands (platform role, configuration or the store). */
  isTa(input: CommandInput): Promise<boolean>;
  /** Every command of the app, as the composition root registered them (what /help lists). */
  commands: readonly Command[];
}

/** A slash command of this app. */
export type Command = CommandDefinition<Services>;
