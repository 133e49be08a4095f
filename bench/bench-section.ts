/** A figure of `npm run bench`, beside a reference measured in the same run. */
export interface BenchRow {
  name: string;
  value: number;
  /** "ms", "/s", ... */
  unit: string;
  /** The same work done by a peer or a bare baseline (sympy, raw SQLite, a do-nothing handler), in the same unit. */
  reference?: { name: string; value: number };
  /** value / reference.value. */
  ratio?: number;
  /** What the figure aims for, as text ("< 50 ms", ">= 50% of reference"); reported, not enforced. */
  target?: string;
  met?: boolean;
}

/** One part of `npm run bench`: a title, its rows, and notes (what was measured, counts, checks). */
export interface BenchSection {
  title: string;
  rows: BenchRow[];
  /** Notes printed under the table. */
  lines: string[];
  /**
   * What went wrong while measuring (a reply that was not a grade, a platform rule broken): the
   * figures then measure something else, and `npm run bench` exits 1. Targets missed are not failures.
   */
  failures?: string[];
}

/** A row; the ratio is value / reference when there is a reference. */
export function row(
  name: string,
  value: number,
  unit: string,
  reference?: { name: string; value: number },
  target?: { text: string; met: boolean },
): BenchRow {
  const r: BenchRow = { name, value, unit };
  if (reference && Number.isFinite(reference.value)) {
    r.reference = reference;
    if (reference.value !== 0) r.ratio = value / reference.value;
  }
  if (target) {
    r.target = target.text;
    r.met = target.met;
  }
  return r;
}

/** A figure to 3 significant digits or so, with thousands separators. */
export function figure(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  const digits = abs === 0 ? 0 : abs < 0.01 ? 4 : abs < 1 ? 3 : abs < 10 ? 2 : abs < 100 ? 1 : 0;
  return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The ratio; under 0.1 also as a fraction (0.0049x = 1/204), easier to read. */
const ratioText = (r: number | undefined) =>
  r === undefined ? "" : r > 0 && r < 0.1 ? `${r.toPrecision(2)}x (1/${figure(Math.round(1 / r))})` : `${figure(r)}x`;
const cell = (s: string) => s.replace(/\|/g, "\\|");

/** One Markdown table of rows: name | value | unit | reference | ratio | target. */
export function markdownTable(rows: BenchRow[]): string {
  const out = ["| benchmark | value | unit | reference (same run) | ratio | target |", "| --- | ---: | --- | --- | ---: | --- |"];
  for (const r of rows) {
    const reference = r.reference ? `${cell(r.reference.name)}: ${figure(r.reference.value)}` : "";
    const target = r.target ? `${cell(r.target)}: ${r.met ? "met" : "missed"}` : "";
    out.push(`| ${cell(r.name)} | ${figure(r.value)} | ${r.unit} | ${reference} | ${ratioText(r.ratio)} | ${target} |`);
  }
  return out.join("\n");
}

/** A section on its own (`tsx bench/x-bench.ts`): its table, then its notes. */
export function printSection(section: BenchSection): void {
  const failures = (section.failures ?? []).map((f) => `- FAILED: ${f}`);
  console.log(`## ${section.title}\n\n${markdownTable(section.rows)}\n\n${[...failures, ...section.lines.map((l) => `- ${l}`)].join("\n")}`);
  if (failures.length) process.exitCode = 1;
}
