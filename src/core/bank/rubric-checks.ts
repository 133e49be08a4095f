import { readPhrase } from "../grading/phrase-reading.ts";
import { stem } from "../grading/porter-stemmer.ts";
import { lexWords } from "../grading/text-lexer.ts";
import type { RubricEntry, RubricLevel, Synonyms } from "./schema.ts";

/**
 * The semantic checks of rubrics (bank-checks.ts runs them): what a full answer earns against the
 * question's points, items with phrases or levels, groups whose options can reach their points,
 * phrases written so the grader can read them, and synonym groups that do not overlap.
 */

type Path = Array<string | number>;
type Report = (path: Path, message: string) => void;

/** Rounds away float noise so 2.5 + 2.5 + 0.1 compares as people expect. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;
const pts = (n: number) => `${round(n)} point${round(n) === 1 ? "" : "s"}`;

/** Something a rubric entry may hold: phrases, levels, or options (a group). */
interface EntryLike {
  id: string;
  points?: number | undefined;
  phrases?: readonly string[] | undefined;
  levels?: readonly RubricLevel[] | undefined;
  part?: string | undefined;
  pick?: number;
  max?: number | undefined;
  options?: readonly EntryLike[];
}

/** What a group earns at most: its `max`, else its points. */
export const groupCap = (g: { points: number; max?: number | undefined }) => g.max ?? g.points;

/** Points a full answer earns: positive items and groups (at their cap); deductions do not count. */
export function rubricPoints(rubric: readonly RubricEntry[]): number {
  return rubric.reduce((s, e) => s + Math.max(0, "options" in e ? groupCap(e) : e.points), 0);
}

/**
 * A rubric's points against what they must add up to: exactly `worth`, or with `cap` at least
 * `worth` (the score is capped). `what` names the sum ("the rubric's points").
 */
export function checkTotal(sum: number, worth: number, cap: boolean | undefined, what: string, of: string, at: Path, report: Report): void {
  if (round(sum) === round(worth) || (cap && round(sum) > round(worth))) return;
  if (round(sum) > round(worth)) {
    report(at, `${what} add up to ${pts(sum)}, but ${of}; if they may add past it on purpose (the score is capped), add cap: true to the answer`);
  } else report(at, `${what} add up to ${pts(sum)}, but ${of}${cap ? ": a full answer could not earn full marks" : ""}`);
}

/**
 * Checks every entry of a rubric: ids, picks and parts; phrases or levels; levels and options
 * within their item's or group's points; and each phrase's syntax. `reviewed` rubrics (drawings,
 * proofs) may have no phrases: a TA awards them.
 */
export function checkRubric(rubric: readonly EntryLike[], at: Path, report: Report, parts?: string[], reviewed = false): void {
  const ids = new Set<string>();
  rubric.forEach((entry, i) => {
    const here = [...at, i];
    if (ids.has(entry.id)) report([...here, "id"], `rubric id "${entry.id}" is used twice`);
    ids.add(entry.id);
    const concepts = entry.options ? entry.options.map((o, k) => ({ concept: o, path: [...here, "options", k] })) : [{ concept: entry, path: here }];
    if (entry.options) checkGroup(entry as Required<Pick<EntryLike, "pick" | "points">> & EntryLike, here, report);
    for (const { concept, path } of concepts) {
      // Parts are reported at the entry, a group's options included, as they always were.
      checkPart(concept.part, here, report, parts);
      const worth = entry.options ? concept.points ?? (entry.points ?? 0) / (entry.pick ?? 1) : entry.points;
      checkConcept(concept, worth, path, report, reviewed);
    }
  });
}

function checkPart(part: string | undefined, at: Path, report: Report, parts?: string[]): void {
  if (part === undefined) {
    if (parts) report(at, `the answer is written in parts (${parts.join(", ")}), so this item must name its part`);
    return;
  }
  if (!parts) report(at, `the item names part "${part}", but the answer declares no parts`);
  else if (!parts.includes(part)) report([...at, "part"], `unknown part "${part}" (declared parts: ${parts.join(", ")})`);
}

/** A group's options can earn its cap, and none earns more than it. */
function checkGroup(group: EntryLike & { pick: number; points: number }, at: Path, report: Report): void {
  const options = group.options ?? [];
  if (group.pick > options.length) report([...at, "pick"], `pick is ${group.pick}, but the group has only ${options.length} option(s)`);
  const cap = groupCap(group);
  const worth = options.map((o) => Math.max(o.points ?? group.points / group.pick, ...(o.levels ?? []).map((l) => l.points)));
  worth.forEach((w, k) => {
    if (round(w) > round(cap)) report([...at, "options", k, "points"], `this option earns ${pts(w)}, more than the ${pts(cap)} the group may earn`);
  });
  const best = [...worth].sort((a, b) => b - a).slice(0, group.pick).reduce((s, w) => s + w, 0);
  if (round(best) < round(cap) && group.pick <= options.length) {
    report([...at, "points"], `the group's best ${group.pick} option(s) earn ${pts(best)}, less than the ${pts(cap)} it is worth: a full answer could not earn full marks`);
  }
}

/** An item or option: phrases or levels (not both), levels within its points, phrases readable. */
function checkConcept(concept: EntryLike, points: number | undefined, at: Path, report: Report, reviewed: boolean): void {
  const levels = concept.levels ?? [];
  if (concept.phrases && levels.length > 0) report(at, "give the item phrases or levels, not both: with levels, each level has its own phrases");
  if (!reviewed && !concept.phrases && levels.length === 0) report(at, "the item has no phrases: add phrases (or levels, each with points and phrases)");
  if (levels.length > 0 && points !== undefined) {
    if (points < 0) report([...at, "levels"], "a deduction cannot have levels: give it phrases");
    levels.forEach((l, k) => {
      if (round(l.points) > round(points)) report([...at, "levels", k, "points"], `this level earns ${pts(l.points)}, more than the item's ${pts(points)}`);
    });
    if (points > 0 && !levels.some((l) => round(l.points) === round(points))) {
      report([...at, "levels"], `no level earns the item's ${pts(points)}: give the best level the item's points`);
    }
  }
  (concept.phrases ?? []).forEach((p, k) => checkPhrase(p, [...at, "phrases", k], report));
  levels.forEach((l, j) => l.phrases.forEach((p, k) => checkPhrase(p, [...at, "levels", j, "phrases", k], report)));
}

function checkPhrase(phrase: string, at: Path, report: Report): void {
  for (const problem of readPhrase(phrase).problems) report(at, `phrase "${phrase}": ${problem}`);
}

/** A synonym entry's words by stem: "fixed in advance" and "fix in advance" are the same entry. */
const entryKey = (entry: string) => lexWords(entry).map(stem).join(" ");

/** Each entry has a word the grader reads, and no entry is in two groups (a word means one thing). */
export function checkSynonyms(synonyms: Synonyms | undefined, at: Path, report: Report): void {
  const groupOf = new Map<string, number>();
  (synonyms ?? []).forEach((group, i) => group.forEach((entry, j) => {
    const key = entryKey(entry);
    if (key === "") {
      report([...at, i, j], `"${entry}" has no word the grader can read: write it in words`);
      return;
    }
    const other = groupOf.get(key);
    if (other !== undefined && other !== i) {
      report([...at, i, j], `"${entry}" is also in synonym group ${other + 1}: a word means one thing here; merge the two groups or drop it from one`);
    } else groupOf.set(key, i);
  }));
}
