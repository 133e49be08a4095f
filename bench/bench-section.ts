/** One part of `npm run bench`: a title, lines of figures, and whether its targets were met. */
export interface BenchSection {
  title: string;
  lines: string[];
  ok: boolean;
}
