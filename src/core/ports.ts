import type { QuestionVariant } from "./bank/question-variants.ts";
import type { AwardedItem } from "./grading/grade.ts";
import type { Role } from "./chat/command-input.ts";
import type { CourseDelivery, DeliveryTarget, Reply } from "./chat/reply.ts";
import type { TaStore } from "./ta/ta-ports.ts";

/**
 * What the core needs from storage. src/store implements it; the core never sees SQL. Every
 * repository method is asynchronous; `Store.transaction` groups calls that must stand or fall together.
 */

/** One stored answer with its grade. */
export interface AttemptRecord {
  id: number;
  course: string;
  user: string;
  question: string;
  mode: "practice" | "exam";
  examSession: number | null;
  answer: string;
  justification: string | null;
  score: number;
  max: number;
  items: AwardedItem[];
  feedback: string[];
  needsReview: boolean;
  graderVersion: string;
  createdAt: Date;
  /** Set when a TA's grade replaced the automatic one (review queue or regrade). */
  reviewedBy: string | null;
  /** Hints the student had seen of this question's ladder when answering (0 in an exam). */
  hintsUsed: number;
  /** Names of the known mistakes the grader recognised in the answer. */
  mistakes: string[];
  /** The variant of the question the answer was graded against; null or absent: the exam's own numbers. */
  variant?: QuestionVariant | null;
}
/** A file kept with an answer (a photo of a drawing): its type checked from its bytes. */
export interface AttemptFile {
  name: string;
  contentType: string;
  bytes: Buffer;
}

/** An attempt to store, with the files attached to the answer. */
export type NewAttempt = Omit<AttemptRecord, "id" | "reviewedBy" | "hintsUsed" | "mistakes">
  & { interactionId?: string; files?: readonly AttemptFile[]; hintsUsed?: number; mistakes?: string[] };

export interface Enrollment {
  course: string;
  user: string;
  name: string;
  section: string | null;
  role: Role;
  /** The university's student id (SID), as the student gave it, for the gradebook export. */
  studentId: string | null;
}

/** A spaced-repetition card: the scheduler's state for one question and one student. */
export interface ScheduleRecord {
  question: string;
  dueAt: Date;
  /** The scheduler's own state, opaque to the store. */
  state: unknown;
}

export interface ExamSessionRecord {
  id: number;
  course: string;
  user: string;
  exam: string;
  startedAt: Date;
  deadline: Date;
  submittedAt: Date | null;
  submittedBy: "student" | "deadline" | null;
  /** When the student was shown the report of a submission made by the deadline. */
  reportedAt: Date | null;
}

/** A student's attempts at one question, summed up by the store. */
export interface QuestionSummary {
  question: string;
  attempts: number;
  best: number;
  latest: number;
  /** Attempts with full marks. */
  fullMarks: number;
  latestNeedsReview: boolean;
  lastAt: Date;
  /** Hints used before the latest attempt. */
  latestHints: number;
}

export interface AttemptRepository {
  /** Stores an attempt and its files; a second attempt carried by the same delivery returns the first one. */
  add(attempt: NewAttempt): Promise<AttemptRecord>;
  /** The files attached to an attempt, in the order they were attached. */
  files(attemptId: number): Promise<AttemptFile[]>;
  forUser(course: string, user: string): Promise<AttemptRecord[]>;
  /** Per question: count, best, latest and full-mark count of one mode's attempts. */
  summarize(course: string, user: string, mode: AttemptRecord["mode"]): Promise<QuestionSummary[]>;
  /**
   * The starts (ms since the epoch) of the distinct quarter hours with at least one attempt of this
   * mode: few enough to map to days in any time zone quickly, and no zone changes offset within one.
   */
  activeTimes(course: string, user: string, mode: AttemptRecord["mode"]): Promise<number[]>;
  forSession(session: number): Promise<AttemptRecord[]>;
  /** Every attempt at one question in a course, oldest first (for the TAs' common-mistakes report). */
  forQuestion(course: string, question: string): Promise<AttemptRecord[]>;
  get(id: number): Promise<AttemptRecord | null>;
  /**
   * Replaces the automatic grade of an attempt no TA has graded (a retry after grading failed), in
   * one statement; null when a TA graded it meanwhile (reviewedBy set) or there is no such attempt.
   */
  setAutomaticGrade(id: number, grade: AutomaticGrade): Promise<AttemptRecord | null>;
}

/** What automatic grading decides of an attempt; a TA's grade goes through the review queue instead. */
export type AutomaticGrade = Pick<AttemptRecord, "score" | "items" | "feedback" | "needsReview" | "graderVersion">;

export interface EnrollmentRepository {
  upsertUser(id: string, name: string): Promise<void>;
  get(course: string, user: string): Promise<Enrollment | null>;
  /** Sets the section (and keeps the role), creating the enrollment if needed. */
  enroll(course: string, user: string, section: string | null, role?: Role): Promise<Enrollment>;
  setRole(course: string, user: string, role: Role): Promise<void>;
  setStudentId(course: string, user: string, studentId: string): Promise<void>;
  list(course: string): Promise<Enrollment[]>;
}

export interface ScheduleRepository {
  get(course: string, user: string, question: string): Promise<ScheduleRecord | null>;
  put(course: string, user: string, record: ScheduleRecord): Promise<void>;
  forUser(course: string, user: string): Promise<ScheduleRecord[]>;
}

export interface ExamSessionRepository {
  start(course: string, user: string, exam: string, startedAt: Date, deadline: Date): Promise<ExamSessionRecord>;
  open(course: string, user: string): Promise<ExamSessionRecord | null>;
  latest(course: string, user: string): Promise<ExamSessionRecord | null>;
  /** Submits an open session; false when it was already submitted (by another process, say). */
  submit(id: number, at: Date, by: "student" | "deadline"): Promise<boolean>;
  /** Marks a deadline submission's report shown; false when it already was (by another process, say). */
  markReported(id: number, at: Date): Promise<boolean>;
  /** Open sessions whose deadline has passed, for automatic submission. */
  expired(now: Date): Promise<ExamSessionRecord[]>;
  submittedForUser(course: string, user: string): Promise<ExamSessionRecord[]>;
  /** Claims open sessions ending by `endsBy` whose student has not been reminded; each is returned once. */
  claimReminders(endsBy: Date, now: Date): Promise<ExamSessionRecord[]>;
}

/** A delivery waiting in the store for the adapter that owns its course and recipient. */
export interface StoredDelivery extends CourseDelivery {
  id: number;
  createdAt: Date;
}

/**
 * The outbox of timed work: deliveries made in one process, claimed once, delivered by whichever
 * process runs the adapter that owns them.
 */
export interface DeliveryRepository {
  /** Stores a delivery; images and files are left out (they are made again on demand). */
  enqueue(course: string, to: DeliveryTarget, reply: Reply, at: Date): Promise<number>;
  /**
   * Undelivered deliveries after `afterId` that nobody holds (or whose claim is older than
   * `staleBefore`), oldest first; those refused too often by their platform are left out.
   */
  pending(staleBefore: Date, afterId: number, limit: number): Promise<StoredDelivery[]>;
  /** Takes a delivery for `claimant`; false when another claimant holds it. */
  claim(id: number, claimant: string, at: Date, staleBefore: Date): Promise<boolean>;
  delivered(id: number, at: Date): Promise<void>;
  /** Gives a claimed delivery back after a failed attempt, to be tried again (a few times). */
  release(id: number): Promise<void>;
}

/** Remembers what was answered to each platform delivery, so a retry gets the same answer, once. */
export interface InteractionRepository {
  /** The reply remembered for a delivery; null when there is none yet (or its work is still running). */
  find(id: string): Promise<string | null>;
  /**
   * Takes a delivery for this process before its work, so a retry that reaches another process is
   * not worked twice: false when another holds it (claimed since `staleBefore`) or answered it.
   */
  claim(id: string, at: Date, staleBefore: Date): Promise<boolean>;
  /** Remembers the reply sent (once: a second reply for the same delivery is ignored). */
  remember(id: string, reply: string, at: Date): Promise<void>;
  /** Forgets replies remembered before `before` (platforms retry within minutes); returns how many. */
  prune(before: Date): Promise<number>;
}

/** Which questions were shown to whom: an answer must follow a question. */
export interface ServedRepository {
  /** Marks the question served, with the variant shown (null: the exam's own numbers). */
  mark(course: string, user: string, question: string, at: Date, variant?: QuestionVariant | null): Promise<void>;
  /** The variant last served of the question (null: the exam's own numbers, or never served). */
  variant(course: string, user: string, question: string): Promise<QuestionVariant | null>;
  has(course: string, user: string, question: string): Promise<boolean>;
  /** Records that the student looked at the question's solution (it also counts as served). */
  solutionSeen(course: string, user: string, question: string, at: Date): Promise<void>;
  /** True when the solution was looked at since the last answer; clears the mark in the same statement. */
  takeSolutionSeen(course: string, user: string, question: string): Promise<boolean>;
  /** Moves the student to rung `rung` of the question's hint ladder, never down; returns the rung now reached. */
  climbHints(course: string, user: string, question: string, rung: number): Promise<number>;
  /** How many hints of the question the student has seen since the ladder was last reset (0 if none). */
  hintsShown(course: string, user: string, question: string): Promise<number>;
  /** Starts the ladder over (after a full-marks answer: the next review starts without help). */
  resetHints(course: string, user: string, question: string): Promise<void>;
}

/** Who installed the app: one workspace (team), or a whole organisation (enterprise) at once. */
export interface InstallationKey {
  kind: "team" | "enterprise";
  id: string;
}

/**
 * The app's installations in chat workspaces (Slack's OAuth flow). `installation` is opaque text
 * the adapter sealed (it holds a bot token, so it arrives encrypted); saving again replaces it.
 */
export interface InstallationRepository {
  save(key: InstallationKey, installation: string, at: Date): Promise<void>;
  /** The sealed installation, or null when the app is not installed there. */
  fetch(key: InstallationKey): Promise<string | null>;
  /** Forgets an installation (the app was uninstalled); false when there was none. */
  delete(key: InstallationKey): Promise<boolean>;
}

export interface CourseRepository {
  ensure(id: string, title: string): Promise<void>;
  /** The exam ids of the banks the course chose, in its order (`tutor course banks`); empty: every loaded bank. */
  banks(course: string): Promise<string[]>;
  /** Replaces the course's banks with these, in this order; none: back to every loaded bank. The course must exist. */
  setBanks(course: string, banks: readonly string[]): Promise<void>;
}

/** Every repository of the store: what a transaction hands its work, bound to that transaction. */
export interface Repositories {
  courses: CourseRepository;
  enrollments: EnrollmentRepository;
  attempts: AttemptRepository;
  schedules: ScheduleRepository;
  examSessions: ExamSessionRepository;
  interactions: InteractionRepository;
  served: ServedRepository;
  deliveries: DeliveryRepository;
  /** The TA tools' repositories (announcements, regrades, imported scores...). */
  ta: TaStore;
  /** Where the app is installed (Slack workspaces added through OAuth). */
  installations: InstallationRepository;
}

/**
 * The whole store, as the core sees it. Every method returns a promise, so a store may sit behind a
 * network (PostgreSQL) as well as in the process (SQLite). Between two awaited calls anything may
 * happen: a read followed by a write that depends on it belongs in one transaction (or one statement).
 */
export interface Store extends Repositories {
  /**
   * Runs `work` in one transaction with repositories bound to it: all of it is stored, or none.
   * Inside, use only `tx`; the store's own repositories wait for the transaction to end.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /**
   * Like `transaction`, but shares one commit with the other writes queued in the same turn of the
   * event loop (group commit); resolves once the write is durable. For the answer path under load.
   */
  commit<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
}
