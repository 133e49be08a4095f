import type { Sync } from "./asynchronous.ts";
import type { PeopleQueries, TaStore } from "../core/ta/ta-ports.ts";
import type { Db } from "./database.ts";
import { SqliteAnnouncementStore } from "./sqlite-announcement-store.ts";
import { SqliteAssessmentStore } from "./sqlite-assessment-store.ts";
import { SqliteExamResultStore } from "./sqlite-exam-result-store.ts";
import { SqliteGradeStore } from "./sqlite-grade-store.ts";
import { SqliteGraderAssignmentStore, SqliteRegradeStore } from "./sqlite-regrade-store.ts";

class SqlitePeopleQueries implements Sync<PeopleQueries> {
  private readonly nameStmt;
  constructor(db: Db) {
    this.nameStmt = db.prepare("SELECT display_name FROM users WHERE id = ?").pluck();
  }
  displayName(user: string): string | null {
    const name = this.nameStmt.get(user);
    return typeof name === "string" ? name : null;
  }
}

/** The TA tools' repositories over an open database (same connection, so one transaction spans both stores). */
export function createSqliteTaStore(db: Db): { [K in keyof TaStore]: Sync<TaStore[K]> } {
  return {
    people: new SqlitePeopleQueries(db),
    announcements: new SqliteAnnouncementStore(db),
    regrades: new SqliteRegradeStore(db),
    graders: new SqliteGraderAssignmentStore(db),
    grades: new SqliteGradeStore(db),
    assessments: new SqliteAssessmentStore(db),
    examResults: new SqliteExamResultStore(db),
  };
}
