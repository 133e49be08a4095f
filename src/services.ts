import type { QuestionBank } from "./core/bank/question-bank.ts";
import type { Config } from "./config.ts";
import type { Store } from "./core/ports.ts";
import type { ExamService } from "./core/practice/exam-service.ts";
import type { PracticeService } from "./core/practice/practice-service.ts";
import type { ProgressService } from "./core/practice/progress-service.ts";
import type { CommandDefinition } from "./core/chat/command-definition.ts";
import type { CommandInput } from "./core/chat/command-input.ts";
import type { StatsService } from "./core/stats/stats-service.ts";
import type { AnnouncementService } from "./core/ta/announcement-service.ts";
import type { GradeExport } from "./core/ta/grade-export.ts";
import type { RegradeService } from "./core/ta/regrade-service.ts";
import type { ReviewService } from "./core/ta/review-service.ts";
import type { TaStore } from "./core/ta/ta-ports.ts";
import type { TimeZone } from "./core/time-zone.ts";

/** Everything a command handler may use; built once by the composition root (src/app.ts). */
export interface Services {
  config: Config;
  bank: QuestionBank;
  store: Store;
  /** The course's time zone (TUTOR_TIMEZONE): every time a person reads or types is in it. */
  zone: TimeZone;
  practice: PracticeService;
  exams: ExamService;
  progress: ProgressService;
  /** TA tools: their store, announcements, statistics, regrades, the review queue, grade export. */
  ta: TaStore;
  announcements: AnnouncementService;
  stats: StatsService;
  regrades: RegradeService;
  review: ReviewService;
  gradeExport: GradeExport;
  /** Whether the person may use TA commands (platform role, configuration or the store). */
  isTa(input: CommandInput): boolean;
}

/** A slash command of this app. */
export type Command = CommandDefinition<Services>;
