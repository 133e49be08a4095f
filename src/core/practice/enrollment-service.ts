import { verbatim } from "../chat/reply.ts";
import type { QuestionBank } from "../bank/question-bank.ts";
import { UserError } from "../errors.ts";
import type { Store } from "../ports.ts";

/** A student's section and, when given, their university student ID. */
export interface EnrollmentResult {
  section: string;
  sid: string | null;
}

/** A university student ID as gradebooks spell them: letters, digits and a few separators. */
const SID = /^[A-Za-z0-9._@-]{1,40}$/;

/** Students choose their section (statistics per section count them) and give their SID (the export carries it). */
export class EnrollmentService {
  constructor(
    private readonly bank: QuestionBank,
    private readonly store: Store,
  ) {}

  /** Enrolls in the section named (any letter case) and records the SID, in one transaction. */
  async enroll(course: string, user: string, sectionName: string, sid?: string): Promise<EnrollmentResult> {
    const { sections, course: title } = this.bank.exam;
    const wanted = sectionName.trim().toUpperCase();
    const section = sections.find((s) => s.toUpperCase() === wanted);
    if (!section) throw new UserError("unknown-section", `"${verbatim(sectionName)}" is not a section of ${title}. Choose one of: ${sections.join(", ")}.`);
    const id = sid?.trim();
    if (id !== undefined && !SID.test(id)) {
      throw new UserError("bad-sid", "A student ID is letters and digits (up to 40), e.g. `/enroll C247 sid: 905123456`.");
    }
    await this.store.transaction(async (tx) => {
      await tx.enrollments.enroll(course, user, section);
      if (id) await tx.enrollments.setStudentId(course, user, id);
    });
    return { section, sid: id || null };
  }
}
