import type { TaStore } from "../../core/ta/ta-ports.ts";
import { PgAnnouncementStore } from "./pg-announcement-store.ts";
import { PgAssessmentStore } from "./pg-assessment-store.ts";
import { PgExamResultStore, PgPeopleQueries } from "./pg-exam-result-store.ts";
import { PgGradeStore } from "./pg-grade-store.ts";
import { PgGraderAssignmentStore, PgRegradeStore } from "./pg-regrade-store.ts";
import type { SqlClient } from "./sql-client.ts";

/** The TA tools' repositories over one client (the pool, or a transaction's connection). */
export function createPgTaStore(sql: SqlClient): TaStore {
  return {
    people: new PgPeopleQueries(sql),
    announcements: new PgAnnouncementStore(sql),
    regrades: new PgRegradeStore(sql),
    graders: new PgGraderAssignmentStore(sql),
    grades: new PgGradeStore(sql),
    assessments: new PgAssessmentStore(sql),
    examResults: new PgExamResultStore(sql),
  };
}
