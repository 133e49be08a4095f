import type { AwardedItem } from "../grading/grade.ts";
import type { AttemptRecord } from "../ports.ts";
import type { ScoreTable } from "../stats/score-table.ts";

/**
 * What the TA tools need from storage, beside the core Store: announcements, regrades, grader
 * assignments, TA grade changes, imported scores and the aggregates statistics are built from.
 * Kept apart from Store so the practice code and its fakes do not grow with every TA feature.
 */

/** An announcement, posted at once or scheduled. */
export interface AnnouncementRecord {
  id: number;
  course: string;
  author: string;
  /** Markdown, posted as written. */
  message: string;
  channel: string;
  postAt: Date;
  createdAt: Date;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
}

export interface AnnouncementRepository {
  add(a: { course: string; author: string; message: string; channel: string; postAt: Date; createdAt: Date; deliveredAt: Date | null }): Promise<AnnouncementRecord>;
  get(id: number): Promise<AnnouncementRecord | null>;
  /** Scheduled, not yet delivered nor cancelled, soonest first. */
  pending(course: string): Promise<AnnouncementRecord[]>;
  /** Changes a pending announcement; false when it was delivered or cancelled meanwhile. */
  update(id: number, changes: { message: string; channel: string; postAt: Date }): Promise<boolean>;
  cancel(id: number, at: Date): Promise<boolean>;
  /**
   * Marks every due, pending announcement (of one course, or all) delivered at `now` and returns
   * them, in one statement: an announcement is claimed once, whoever sweeps and however often.
   */
  claimDue(now: Date, course?: string): Promise<AnnouncementRecord[]>;
}

/** A student's request to look at a grade again. */
export interface RegradeRecord {
  id: number;
  course: string;
  user: string;
  question: string;
  attempt: number;
  /** The grader named by the bank for the question (e.g. Ken-Fu). */
  grader: string;
  reason: string;
  scoreBefore: number;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  scoreAfter: number | null;
  note: string | null;
}

export interface RegradeRepository {
  add(r: Omit<RegradeRecord, "id" | "resolvedAt" | "resolvedBy" | "scoreAfter" | "note">): Promise<RegradeRecord>;
  get(id: number): Promise<RegradeRecord | null>;
  /** Unresolved requests of a course, oldest first. */
  open(course: string): Promise<RegradeRecord[]>;
  openForAttempt(attempt: number): Promise<RegradeRecord | null>;
  /** A student's requests in a course, newest first. */
  forUser(course: string, user: string): Promise<RegradeRecord[]>;
  /** The course's resolved requests, most recently resolved first. */
  resolved(course: string, limit: number): Promise<RegradeRecord[]>;
  /** Records the decision; false when someone resolved it first. */
  resolve(id: number, decision: { by: string; score: number; note: string | null; at: Date }): Promise<boolean>;
}

/** Which chat user answers for a grader named in the bank. */
export interface GraderAssignmentRepository {
  assign(course: string, grader: string, user: string): Promise<void>;
  userFor(course: string, grader: string): Promise<string | null>;
  list(course: string): Promise<{ grader: string; user: string }[]>;
}

/** A TA's grade replacing the one an attempt had (review queue or regrade). */
export interface GradeChange {
  attempt: number;
  score: number;
  items: AwardedItem[];
  by: string;
  source: "review" | "regrade";
  note: string | null;
  at: Date;
}

/** One replaced grade, kept so every change can be traced. */
export interface GradeHistoryRecord {
  attempt: number;
  oldScore: number;
  newScore: number;
  source: "review" | "regrade";
  by: string;
  note: string | null;
  at: Date;
}

export interface GradeRepository {
  /** Sets the attempt's score and items, clears needs_review, sets reviewed_by, keeps the old grade in the history. */
  replace(change: GradeChange): Promise<AttemptRecord>;
  history(attempt: number): Promise<GradeHistoryRecord[]>;
  /** Answers waiting for a TA, oldest first, after attempt `after`: practice answers and answers of submitted exams. */
  pendingReview(course: string, after: number, limit: number): Promise<AttemptRecord[]>;
  countPendingReview(course: string): Promise<number>;
}

/** One student's score on an imported (paper) assessment. */
export interface ImportedScore {
  /** SID, else e-mail: the student's identity in the gradebook. */
  student: string;
  name: string;
  section: string | null;
  score: number;
  /** Per-question scores, by question id (a bank id, or the gradebook's column title). */
  questions?: Record<string, number>;
}

/** A per-question column of an imported assessment. */
export interface AssessmentQuestion {
  /** The bank's id when the column names a bank question, else the column's title. */
  id: string;
  title: string;
  /** Its points, when the gradebook or the bank says; null when unknown. */
  max: number | null;
}

export interface AssessmentRepository {
  /** Replaces every score of the assessment at once; returns how many scores it had before. */
  replace(course: string, assessment: string, scores: ImportedScore[], at: Date, questions?: AssessmentQuestion[]): Promise<{ previous: number }>;
  /** Removes an assessment and its scores; false when there is none of that name. */
  remove(course: string, assessment: string): Promise<boolean>;
  /** The assessment's per-question columns, in the gradebook's order. */
  questions(course: string, assessment: string): Promise<AssessmentQuestion[]>;
  /** The stored spelling of an assessment name, matched without regard to case. */
  find(course: string, name: string): Promise<string | null>;
  list(course: string): Promise<{ name: string; count: number; importedAt: Date }[]>;
  scores(course: string, assessment: string): Promise<ImportedScore[]>;
}

/** A student's result on the mock exam: their latest submitted session. */
export interface ExamResult {
  user: string;
  name: string;
  section: string | null;
  /** The SID the student gave with /enroll, if any. */
  studentId: string | null;
  session: number;
  /** Sum of `scores`, bonus included. */
  total: number;
  /** The score of the last answer to each answered question. */
  scores: Record<string, number>;
}

/** Read model of the mock exam: one row per student, however many attempts the store holds. */
export interface ExamResultQueries {
  /** Each student's latest submitted session of `exam` in `course`. */
  latest(course: string, exam: string): Promise<ExamResult[]>;
  /** The same sessions as `latest`, in the same order, with only what /stats reads (section, total, scores), in columns. */
  scores(course: string, exam: string): Promise<ScoreTable>;
}

/** Display names of people, whether or not they enrolled in a section. */
export interface PeopleQueries {
  displayName(user: string): Promise<string | null>;
}

/** Everything the TA tools store. */
export interface TaStore {
  people: PeopleQueries;
  announcements: AnnouncementRepository;
  regrades: RegradeRepository;
  graders: GraderAssignmentRepository;
  grades: GradeRepository;
  assessments: AssessmentRepository;
  examResults: ExamResultQueries;
}
