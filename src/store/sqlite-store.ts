import type { Store } from "../core/ports.ts";
import type { TaStore } from "../core/ta/ta-ports.ts";
import { type Db, openDatabase } from "./database.ts";
import { createGroupCommit } from "./group-commit.ts";
import { SqliteAttemptStore } from "./sqlite-attempt-store.ts";
import { SqliteDeliveryStore } from "./sqlite-delivery-store.ts";
import { SqliteCourseStore, SqliteEnrollmentStore } from "./sqlite-enrollment-store.ts";
import { SqliteExamSessionStore } from "./sqlite-exam-session-store.ts";
import { SqliteInteractionStore, SqliteScheduleStore, SqliteServedStore } from "./sqlite-schedule-store.ts";
import { createSqliteTaStore } from "./sqlite-ta-store.ts";

/** The SQLite implementation of the core's Store, plus `close` and the raw handle for backups. */
export interface SqliteStore extends Store {
  db: Db;
  /** The TA tools' repositories (announcements, regrades, imported scores...), on the same connection. */
  ta: TaStore;
  close(): void;
}

export function createSqliteStore(file: string): SqliteStore {
  const db = openDatabase(file);
  const group = createGroupCommit(db);
  return {
    db,
    courses: new SqliteCourseStore(db),
    enrollments: new SqliteEnrollmentStore(db),
    attempts: new SqliteAttemptStore(db),
    schedules: new SqliteScheduleStore(db),
    examSessions: new SqliteExamSessionStore(db),
    interactions: new SqliteInteractionStore(db),
    served: new SqliteServedStore(db),
    deliveries: new SqliteDeliveryStore(db),
    ta: createSqliteTaStore(db),
    transaction: <T>(work: () => T): T => db.transaction(work)(),
    commit: group.commit,
    close: () => {
      group.flush();
      db.close();
    },
  };
}
