import type { Command } from "../src/services.ts";
import { answer } from "./answer.ts";
import { enroll } from "./enroll.ts";
import { exam } from "./exam.ts";
import { help } from "./help.ts";
import { progress } from "./progress.ts";
import { quiz } from "./quiz.ts";
import { solution } from "./solution.ts";

/** Every command, in the order /help lists them. Adapters and the Slack manifest are generated from this list. */
export const commands: readonly Command[] = [quiz, answer, progress, exam, enroll, help, solution];
