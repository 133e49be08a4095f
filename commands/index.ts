import type { Command } from "../src/services.ts";
import { announce } from "./announce.ts";
import { answer } from "./answer.ts";
import { enroll } from "./enroll.ts";
import { exam } from "./exam.ts";
import { exportGrades } from "./export.ts";
import { help } from "./help.ts";
import { hint } from "./hint.ts";
import { home } from "./home.ts";
import { progress } from "./progress.ts";
import { quiz } from "./quiz.ts";
import { regrade } from "./regrade.ts";
import { regrades } from "./regrades.ts";
import { review } from "./review.ts";
import { solution } from "./solution.ts";
import { stats } from "./stats.ts";

/** Every command, in the order /help lists them. Adapters and the Slack manifest are generated from this list. */
export const commands: readonly Command[] = [
  quiz, answer, progress, exam, enroll, regrade, help, solution, hint, home,
  // TA commands
  announce, stats, review, regrades, exportGrades,
];
