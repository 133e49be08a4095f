import { verbatim } from "../chat/reply.ts";
import type { BankLibrary } from "../bank/bank-library.ts";
import { UserError } from "../errors.ts";
import type { Store } from "../ports.ts";

/** A student's section and, when given, their university student ID. */
export interface EnrollmentResult {
  section: string;
  sid: string | null;
}

/** How the course's student IDs look (TUTOR_SID_PATTERN); the default is the university's nine digits. */
export interface SidRule {
  pattern: RegExp;
  /** The pattern in words, for the message when an ID does not match. */
  description: string;
}

export const DEFAULT_SID_RULE: SidRule = { pattern: /^\d{9}$/, description: "nine digits, e.g. 905123456" };

/** Students choose their section (statistics per section count them) and give their SID (the export carries it). */
export class EnrollmentService {
  constructor(
    private readonly banks: BankLibrary,
    private readonly store: Store,
    private readonly sids: SidRule = DEFAULT_SID_RULE,
  ) {}

  /** The sections a student can choose: every bank's. */
  sections(): readonly string[] {
    return this.banks.sections();
  }

  /** Enrolls in the section named (any letter case) and records the SID, in one transaction. */
  async enroll(course: string, user: string, sectionName: string, sid?: string): Promise<EnrollmentResult> {
    const [sections, title] = [this.sections(), this.banks.course];
    const wanted = sectionName.trim().toUpperCase();
    const section = sections.find((s) => s.toUpperCase() === wanted);
    if (!section) throw new UserError("unknown-section", `"${verbatim(sectionName)}" is not a section of ${title}. Choose one of: ${sections.join(", ")}.`);
    const id = sid?.trim() || undefined;
    if (id !== undefined && !this.sids.pattern.test(id)) {
      throw new UserError("bad-sid", `"${verbatim(id)}" is not a student ID of this course: it is ${this.sids.description}. Send /enroll ${section} sid: YOUR_ID again.`);
    }
    await this.store.transaction(async (tx) => {
      // Two students with one SID would merge in the gradebook export: the second is refused.
      const taken = id ? (await tx.enrollments.list(course)).find((e) => e.studentId === id && e.user !== user) : undefined;
      if (taken) throw new UserError("sid-taken", `Student ID ${verbatim(id!)} is already someone else's in this course. Check it; if it is yours, ask a TA to sort it out.`);
      await tx.enrollments.enroll(course, user, section);
      if (id) await tx.enrollments.setStudentId(course, user, id);
    });
    return { section, sid: id || null };
  }
}
