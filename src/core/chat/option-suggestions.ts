import type { CourseBankChoice } from "../bank/course-banks.ts";

/** One suggestion for an option being typed: what the person reads, and the value it fills in. */
export interface Suggestion {
  name: string;
  value: string;
}

/** What a person is typing: the course, the option's name and the text so far. */
export interface SuggestionRequest {
  course: string;
  option: string;
  typed: string;
}

/** Suggestions for an option being typed (Discord autocomplete), best first, at most `SUGGESTION_LIMIT`. */
export type OptionSuggestions = (request: SuggestionRequest) => Promise<Suggestion[]>;

/** Discord shows at most 25 suggestions. */
export const SUGGESTION_LIMIT = 25;
/** A suggestion's name and value are at most 100 characters on Discord. */
const NAME_CHARS = 100;

/** The options that have suggestions: question ids, topics, sections, banks, and the course's assessments. */
export const SUGGESTED_OPTIONS = ["question", "topic", "section", "bank", "assessment"] as const;

/**
 * Suggestions from the course's banks (question keys with their titles, topics, the banks
 * themselves), the sections and the course's assessments. Values that start with what was typed
 * come first, then names that contain it (`3` gives 3a-3d; `back` also finds a title that mentions
 * backprop), case and spaces ignored.
 */
export function bankSuggestions(banks: CourseBankChoice, assessments: (course: string) => Promise<string[]>): OptionSuggestions {
  return async ({ course, option, typed }) => {
    const candidates: Suggestion[] = await (async () => {
      switch (option) {
        case "question":
          return (await banks.of(course)).all().map((q) => ({ name: `${q.id} — ${q.title}`, value: q.id }));
        case "topic":
          return (await banks.of(course)).topics().map((t) => ({ name: t, value: t }));
        case "section":
          return banks.library.sections().map((s) => ({ name: s, value: s }));
        case "bank":
          return (await banks.of(course)).banks.map((b) => ({ name: `${b.exam.id} — ${b.exam.title}`, value: b.exam.id }));
        case "assessment":
          return (await assessments(course)).map((a) => ({ name: a, value: a }));
        default:
          return [];
      }
    })();
    return rank(candidates, typed).slice(0, SUGGESTION_LIMIT).map((s) => ({ name: s.name.slice(0, NAME_CHARS), value: s.value.slice(0, NAME_CHARS) }));
  };
}

function rank(candidates: Suggestion[], typed: string): Suggestion[] {
  const wanted = fold(typed);
  if (!wanted) return candidates;
  const starts = candidates.filter((c) => fold(c.value).startsWith(wanted));
  const contains = candidates.filter((c) => !starts.includes(c) && fold(c.name).includes(wanted));
  return [...starts, ...contains];
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, "");
