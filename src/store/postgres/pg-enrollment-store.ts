import { z } from "zod";
import type { Role } from "../../core/chat/command-input.ts";
import type { CourseRepository, Enrollment, EnrollmentRepository } from "../../core/ports.ts";
import { json } from "./pg-rows.ts";
import { toEnrollment } from "../sqlite-enrollment-store.ts";
import type { SqlClient } from "./sql-client.ts";

const COLUMNS = "e.course_id, e.user_id, u.display_name, e.section, e.role, e.student_id";
const SELECT = `SELECT ${COLUMNS} FROM enrollments e JOIN users u ON u.id = e.user_id`;

export class PgEnrollmentStore implements EnrollmentRepository {
  constructor(private readonly sql: SqlClient) {}

  async upsertUser(id: string, name: string): Promise<void> {
    // Unchanged names are not rewritten: every command upserts its user.
    await this.sql.query(`INSERT INTO users (id, display_name) VALUES ($1, $2)
      ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name
      WHERE users.display_name IS DISTINCT FROM excluded.display_name`, [id, name]);
  }

  async get(course: string, user: string): Promise<Enrollment | null> {
    const [row] = await this.sql.query(`${SELECT} WHERE e.course_id = $1 AND e.user_id = $2`, [course, user]);
    return row ? toEnrollment(row) : null;
  }

  async enroll(course: string, user: string, section: string | null, role: Role = "student"): Promise<Enrollment> {
    const [row] = await this.sql.query(`WITH e AS (
        INSERT INTO enrollments (course_id, user_id, section, role) VALUES ($1, $2, $3, $4)
        ON CONFLICT (course_id, user_id) DO UPDATE SET section = coalesce(excluded.section, enrollments.section)
        RETURNING *)
      SELECT ${COLUMNS} FROM e JOIN users u ON u.id = e.user_id`, [course, user, section, role]);
    return toEnrollment(row);
  }

  async setRole(course: string, user: string, role: Role): Promise<void> {
    await this.sql.query(`INSERT INTO enrollments (course_id, user_id, section, role) VALUES ($1, $2, NULL, $3)
      ON CONFLICT (course_id, user_id) DO UPDATE SET role = excluded.role`, [course, user, role]);
  }

  async setStudentId(course: string, user: string, studentId: string): Promise<void> {
    await this.sql.query("UPDATE enrollments SET student_id = $3 WHERE course_id = $1 AND user_id = $2", [course, user, studentId]);
  }

  async list(course: string): Promise<Enrollment[]> {
    // Byte order, as SQLite's BINARY collation sorts, whatever the server's locale.
    return (await this.sql.query(`${SELECT} WHERE e.course_id = $1 ORDER BY u.display_name COLLATE "C"`, [course])).map(toEnrollment);
  }
}

export class PgCourseStore implements CourseRepository {
  constructor(private readonly sql: SqlClient) {}

  async ensure(id: string, title: string): Promise<void> {
    await this.sql.query("INSERT INTO courses (id, title, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING", [id, title, Date.now()]);
  }

  async banks(course: string): Promise<string[]> {
    const rows = await this.sql.query("SELECT bank_id FROM course_banks WHERE course_id = $1 ORDER BY position", [course]);
    return z.array(z.object({ bank_id: z.string() })).parse(rows).map((r) => r.bank_id);
  }

  async setBanks(course: string, banks: readonly string[]): Promise<void> {
    // One transaction (inline inside a caller's): never half a list.
    await this.sql.transaction(async (tx) => {
      await tx.query("DELETE FROM course_banks WHERE course_id = $1", [course]);
      await tx.query(`INSERT INTO course_banks (course_id, bank_id, position)
        SELECT $1, bank, position - 1 FROM jsonb_array_elements_text($2::jsonb) WITH ORDINALITY AS b(bank, position)`,
      [course, json([...new Set(banks)])]);
    });
  }
}
