// How many terminal (or monospace) columns text takes, for aligning table columns.

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** Code points shown two columns wide: East Asian Wide and Fullwidth (Hangul, CJK, kana, fullwidth forms). */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3041, 0x33ff],
  [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3],
  [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6],
  [0x1b000, 0x1b2ff], [0x1f200, 0x1f2ff], [0x20000, 0x3fffd],
];

const isWide = (cp: number) => WIDE.some(([from, to]) => cp >= from && cp <= to);

/** One user-perceived character: 0 (a lone mark or format character), 1, or 2 (wide, emoji). */
function graphemeWidth(g: string): number {
  const cp = g.codePointAt(0)!;
  if (/^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u.test(g)) return 0;
  // Emoji shown as pictures (by default, or asked for with VS16) take two columns; flags too.
  if (/\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}/u.test(g)) return 2;
  return isWide(cp) ? 2 : 1;
}

/**
 * The columns `text` takes in a terminal: combining marks add nothing, CJK and emoji take two.
 * Ambiguous-width symbols (█, ░, —, math) count as one, as in Western terminals.
 * @example displayWidth("W₁ᵀ") === 3; displayWidth("学生") === 4
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += graphemeWidth(segment);
  return width;
}
