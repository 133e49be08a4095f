import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { DEFAULT_BANKS } from "../config.ts";
import { bankFiles, formatIssue, parseBank } from "../core/bank/load-bank.ts";
import type { Bank } from "../core/bank/schema.ts";
import { type CliContext, writeLine } from "./cli-command.ts";

/** One bank file as read from disk (its text kept, to place findings), or the issues that kept it from loading. */
export type LoadedBank = { file: string; text: string; bank: Bank } | { file: string; issues: string[] };

/** The bank PATH a `tutor bank` action reads: the one given, else TUTOR_BANKS, else data/banks. */
export function bankTarget(given: string | undefined, ctx: CliContext): string {
  return given ?? ctx.env.TUTOR_BANKS ?? DEFAULT_BANKS;
}

/** The bank files at PATH (a file or a folder); prints why and returns undefined when there are none. */
export function resolveBankFiles(target: string, ctx: CliContext): string[] | undefined {
  const shown = displayPath(target);
  if (!existsSync(target)) {
    writeLine(ctx.stderr, `tutor bank: ${shown} does not exist.`);
    return undefined;
  }
  const files = statSync(target).isDirectory() ? bankFiles(target) : [target];
  if (files.length === 0) writeLine(ctx.stderr, `tutor bank: no bank files (*.yaml, *.yml) in ${shown}.`);
  return files.length > 0 ? files : undefined;
}

/** Reads and checks one bank file, labelled with its displayed path. */
export function loadBank(file: string): LoadedBank {
  const shown = displayPath(file);
  const text = readFileSync(file, "utf8");
  const result = parseBank(text, shown);
  return result.ok ? { file: shown, text, bank: result.bank } : { file: shown, issues: result.issues.map(formatIssue) };
}

/**
 * Loads every bank at PATH. When one does not validate, prints every issue on stderr with a count
 * and returns undefined (the caller exits 1), so no action works on half a folder.
 */
export function loadValidBanks(target: string, ctx: CliContext): Array<{ file: string; text: string; bank: Bank }> | undefined {
  const files = resolveBankFiles(target, ctx);
  if (!files) return undefined;
  const loaded = files.map(loadBank);
  const failed = loaded.filter((l) => "issues" in l);
  if (failed.length > 0) {
    for (const f of failed) for (const line of f.issues) writeLine(ctx.stderr, line);
    const count = failed.reduce((n, f) => n + f.issues.length, 0);
    writeLine(ctx.stderr, `${count} issue${count === 1 ? "" : "s"} in ${failed.map((f) => f.file).join(", ")}.`);
    return undefined;
  }
  return loaded.flatMap((l) => ("bank" in l ? [l] : []));
}

/** Paths under the current folder are shown relative to it, so they are short and clickable. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
