import type { Sync } from "./asynchronous.ts";
import { z } from "zod";
import type { Role } from "../core/chat/command-input.ts";
import type { CourseRepository, Enrollment, EnrollmentRepository } from "../core/ports.ts";
import type { Db } from "./database.ts";

const EnrollmentRow = z.object({
  course_id: z.string(),
  user_id: z.string(),
  display_name: z.string(),
  section: z.string().nullable(),
  role: z.enum(["student", "ta"]),
  student_id: z.string().nullable(),
});

/** An enrollments row (with the user's display name) as the port's record; both engines read it alike. */
export function toEnrollment(row: unknown): Enrollment {
  const r = EnrollmentRow.parse(row);
  return { course: r.course_id, user: r.user_id, name: r.display_name, section: r.section, role: r.role, studentId: r.student_id };
}

const SELECT = `SELECT e.course_id, e.user_id, u.display_name, e.section, e.role, e.student_id
  FROM enrollments e JOIN users u ON u.id = e.user_id`;

export class SqliteEnrollmentStore implements Sync<EnrollmentRepository> {
  private readonly upsertUserStmt;
  private readonly getStmt;
  private readonly enrollStmt;
  private readonly roleStmt;
  private readonly listStmt;
  private readonly studentIdStmt;

  constructor(db: Db) {
    this.upsertUserStmt = db.prepare(`INSERT INTO users (id, display_name) VALUES (?, ?)
      ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name
      WHERE display_name IS NOT excluded.display_name`);
    this.getStmt = db.prepare(`${SELECT} WHERE e.course_id = ? AND e.user_id = ?`);
    this.enrollStmt = db.prepare(`INSERT INTO enrollments (course_id, user_id, section, role) VALUES (?, ?, ?, ?)
      ON CONFLICT (course_id, user_id) DO UPDATE SET section = coalesce(excluded.section, section)`);
    this.roleStmt = db.prepare(`INSERT INTO enrollments (course_id, user_id, section, role) VALUES (?, ?, NULL, ?)
      ON CONFLICT (course_id, user_id) DO UPDATE SET role = excluded.role`);
    this.studentIdStmt = db.prepare("UPDATE enrollments SET student_id = ? WHERE course_id = ? AND user_id = ?");
    this.listStmt = db.prepare(`${SELECT} WHERE e.course_id = ? ORDER BY u.display_name`);
  }

  upsertUser(id: string, name: string): void {
    this.upsertUserStmt.run(id, name);
  }

  get(course: string, user: string): Enrollment | null {
    const row = this.getStmt.get(course, user);
    return row ? toEnrollment(row) : null;
  }

  enroll(course: string, user: string, section: string | null, role: Role = "student"): Enrollment {
    this.enrollStmt.run(course, user, section, role);
    return this.get(course, user)!;
  }

  setRole(course: string, user: string, role: Role): void {
    this.roleStmt.run(course, user, role);
  }

  setStudentId(course: string, user: string, studentId: string): void {
    this.studentIdStmt.run(studentId, course, user);
  }

  list(course: string): Enrollment[] {
    return this.listStmt.all(course).map(toEnrollment);
  }
}

export class SqliteCourseStore implements Sync<CourseRepository> {
  private readonly ensureStmt;
  private readonly banksStmt;
  private readonly replaceBanks;

  constructor(db: Db) {
    this.ensureStmt = db.prepare("INSERT OR IGNORE INTO courses (id, title, created_at) VALUES (?, ?, ?)");
    this.banksStmt = db.prepare("SELECT bank_id FROM course_banks WHERE course_id = ? ORDER BY position").pluck();
    const clear = db.prepare("DELETE FROM course_banks WHERE course_id = ?");
    const add = db.prepare("INSERT INTO course_banks (course_id, bank_id, position) VALUES (?, ?, ?)");
    // A savepoint inside a caller's transaction, a transaction of its own otherwise: never half a list.
    this.replaceBanks = db.transaction((course: string, banks: readonly string[]) => {
      clear.run(course);
      [...new Set(banks)].forEach((bank, position) => add.run(course, bank, position));
    });
  }

  ensure(id: string, title: string): void {
    this.ensureStmt.run(id, title, Date.now());
  }

  banks(course: string): string[] {
    return z.array(z.string()).parse(this.banksStmt.all(course));
  }

  setBanks(course: string, banks: readonly string[]): void {
    this.replaceBanks(course, banks);
  }
}
