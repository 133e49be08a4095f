import { bankCommand } from "./bank-command.ts";
import { chatCommand } from "./chat-command.ts";
import { checkCommand } from "./check-command.ts";
import type { CliCommand } from "./cli-command.ts";
import { courseCommand } from "./course-command.ts";
import { dbCommand } from "./db-command.ts";
import { exportCommand } from "./export-command.ts";
import { gradeCommand } from "./grade-command.ts";
import { mistakesCommand } from "./mistakes-command.ts";
import { rolesCommand } from "./roles-command.ts";
import { scoresCommand } from "./scores-command.ts";
import { statsCommand } from "./stats-command.ts";

/** Every `tutor` subcommand, listed explicitly. */
export const cliCommands: CliCommand[] = [
  chatCommand,
  bankCommand,
  checkCommand,
  gradeCommand,
  scoresCommand,
  statsCommand,
  mistakesCommand,
  exportCommand,
  dbCommand,
  rolesCommand,
  courseCommand,
];
