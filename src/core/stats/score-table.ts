/**
 * Every student's scores on one assessment, kept in columns: a section and a total per student, and
 * per question a column of scores, a student a row (NaN where the student has no score for it).
 *
 * Why columns: /stats reads every student (50,000 in the benchmark's worst case). Held as one object
 * per student with a record of scores, the rows all stay alive until the statistics are done, so
 * the garbage collector copies them out of the young generation; that cost more than the query and
 * the arithmetic together. Numbers in typed arrays cost the collector nothing.
 */
export class ScoreTable {
  /** Each student's section, by row. */
  readonly sections: Array<string | null> = [];
  /** Each student's total, by row. */
  readonly totals: number[] = [];
  private readonly columns = new Map<string, Float64Array>();
  private capacity = 1024;

  /** The number of students. */
  get size(): number {
    return this.totals.length;
  }

  /** Adds a student: `scores` by question id, a question missing has no score. */
  add(section: string | null, total: number, scores: Readonly<Record<string, unknown>>): void {
    const row = this.totals.length;
    if (row === this.capacity) this.grow();
    this.sections.push(section);
    this.totals.push(total);
    for (const question in scores) {
      const score = scores[question];
      // The stores hand over their JSON unchecked: one typeof a score is the whole validation.
      if (typeof score !== "number" || Number.isNaN(score)) throw new Error(`score table: score ${String(score)} of ${question} is not a number`);
      (this.columns.get(question) ?? this.newColumn(question))[row] = score;
    }
  }

  /** The question's scores, a student a row, NaN where unanswered; undefined when nobody has a score for it. */
  column(question: string): Float64Array | undefined {
    return this.columns.get(question)?.subarray(0, this.size);
  }

  private newColumn(question: string): Float64Array {
    const column = new Float64Array(this.capacity).fill(NaN);
    this.columns.set(question, column);
    return column;
  }

  private grow(): void {
    this.capacity *= 2;
    for (const [question, old] of this.columns) {
      const column = new Float64Array(this.capacity).fill(NaN);
      column.set(old);
      this.columns.set(question, column);
    }
  }
}
