/**
 * The value a student states when a number comes wrapped in chat: a reason after it ("10, since
 * 2^10 > 1000"), work before it ("2^10 = 1024 > 1000 so 10", "log2(1000) ≈ 9.97"), a hedge
 * ("about 10", "it's 60") or words ("sixty"). Pure text work: the caller evaluates what is left, and
 * text it cannot read as one value still goes to a TA.
 */

const NUMBER_WORD = String.raw`(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|dozen|hundreds?|thousand|million)`;
/** Something that can be the value: a digit, or a number word. */
const HAS_VALUE = new RegExp(String.raw`\d|\b${NUMBER_WORD}\b`, "i");
/** A reason after the value: "10 because …", "10, since …", "10 (as 2^10 > 1000)". */
const REASON = /\s*(?:[,;(]|\s[-–—]\s)?\s*\b(?:since|because|bc|cuz|coz|as|given that|due to)\b/i;
/** The step that gives the result: "… so 10", "… → 10", "… which gives 10". */
const CONCLUSION = /\b(?:so|thus|therefore|hence|gives|giving|which is|that is|that's)\b|→|->|=>|⇒|∴/gi;
/** Words and marks before a value that do not change it. */
const HEDGE = /^(?:(?:the\s+answer\s+is|answer\s+is|it'?s|it\s+is|that'?s|i\s+think|i\s+get|i\s+got|we\s+get|should\s+be|is|about|around|approximately|approx\.?|roughly|almost|nearly|exactly|~|≈|=)\s*)+/i;
/** "= 1023", "≈ 9.97", "~= 10": what may stand between the work and its result. */
const EQUALS = /≈|~=|(?<![<>=!])=(?!=)/;
/** Words in the work, not math: "Depth 16. Each filter has 3*3*16 = 144" states two values, not one. */
const PROSE = /\b(?!(?:floor|ceil|log\d*|ln|sqrt|exp|max|min|sum|abs|mod)\b)[a-z]{3,}\b|\.\s/i;
/**
 * A call in code with its arguments, "np.prod(w.shape)", "math.prod((32, 16, 3, 3))", "w.numel()":
 * code, not words in the work, so "np.prod(w.shape) = 4608" states 4608. A name must touch its
 * bracket: "has (3*3*16)" is prose.
 */
const CODE_CALL = /(?<![\w.])[A-Za-z_][\w.]*\((?:[^()]|\([^()]*\))*\)/g;
const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/** The stated value of `text`, for a number question's reader (see the file comment). */
export function statedNumber(text: string): string {
  let t = text.trim();
  const reason = REASON.exec(t);
  if (reason && reason.index > 0 && HAS_VALUE.test(t.slice(0, reason.index))) t = t.slice(0, reason.index).trim();
  const markers = [...t.matchAll(CONCLUSION)];
  const last = markers.at(-1);
  if (last && HAS_VALUE.test(t.slice(last.index + last[0].length))) t = t.slice(last.index + last[0].length).trim();
  t = t.replace(HEDGE, "").replace(/[.!]+$/, "").trim();
  // Work, then its result: a bare number after the last "=" is what the student settled on.
  const sides = t.split(EQUALS);
  const result = sides.at(-1)?.trim().replace(HEDGE, "").replace(/\s+[a-z][a-z\s]*$/i, "") ?? "";
  if (sides.length > 1 && PLAIN_NUMBER.test(result) && !sides.slice(0, -1).some((side) => PROSE.test(side.replace(CODE_CALL, "f()")))) return result;
  return wordsToNumber(t) ?? t;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { dozen: 12, hundred: 100, hundreds: 100, thousand: 1000, million: 1_000_000 };

/**
 * "sixty" -> "60", "one hundred and twenty-eight" -> "128", "a thousand" -> "1000"; undefined unless
 * the whole text (a trailing unit word aside: "ten comparisons") is a number in words.
 */
export function wordsToNumber(text: string): string | undefined {
  const words = text.toLowerCase().replace(/-/g, " ").split(/\s+/).filter((w) => w !== "" && w !== "and");
  if (words.length > 1 && !(words.at(-1)! in UNITS) && !(words.at(-1)! in SCALES)) words.pop();
  if (words.length === 0 || words.length > 8) return undefined;
  let total = 0;
  let group = 0;
  let seen = false;
  for (const [i, word] of words.entries()) {
    if (word === "a" && i === 0 && words.length > 1) {
      group = 1;
      continue;
    }
    const unit = UNITS[word];
    const scale = SCALES[word];
    if (unit !== undefined) group += unit;
    else if (scale === 100 || scale === 12) group = (group || 1) * scale;
    else if (scale !== undefined) {
      total += (group || 1) * scale;
      group = 0;
    } else return undefined;
    seen = true;
  }
  return seen ? String(total + group) : undefined;
}
