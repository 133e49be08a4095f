import type {
  AttemptRepository, CourseRepository, DeliveryRepository, EnrollmentRepository, ExamSessionRepository, InstallationRepository, InteractionRepository,
  Repositories, ScheduleRepository, ServedRepository, Store,
} from "../core/ports.ts";
import type { TaStore } from "../core/ta/ta-ports.ts";
import { asynchronous, type Sync } from "./asynchronous.ts";
import { ConnectionGate, runNow } from "./connection-gate.ts";
import { type Db, immediately, openDatabase } from "./database.ts";
import { createGroupCommit } from "./group-commit.ts";
import { SqliteAttemptStore } from "./sqlite-attempt-store.ts";
import { SqliteDeliveryStore } from "./sqlite-delivery-store.ts";
import { SqliteCourseStore, SqliteEnrollmentStore } from "./sqlite-enrollment-store.ts";
import { SqliteExamSessionStore } from "./sqlite-exam-session-store.ts";
import { SqliteInteractionStore, SqliteScheduleStore, SqliteServedStore } from "./sqlite-schedule-store.ts";
import { SqliteInstallationStore } from "./sqlite-installation-store.ts";
import { createSqliteTaStore } from "./sqlite-ta-store.ts";

/** The SQLite implementation of the core's Store, plus `close` and the raw handle for backups. */
export interface SqliteStore extends Store {
  db: Db;
  /** Commits what is queued and closes the file. */
  close(): Promise<void>;
}

type Runner = <R>(statement: () => R) => Promise<R>;

/** Every repository over one connection, synchronous as better-sqlite3 is: its statements prepared once. */
function syncRepositories(db: Db): { [K in keyof Omit<Repositories, "ta">]: Sync<Repositories[K]> } & { ta: { [K in keyof TaStore]: Sync<TaStore[K]> } } {
  return {
    courses: new SqliteCourseStore(db),
    enrollments: new SqliteEnrollmentStore(db),
    attempts: new SqliteAttemptStore(db),
    schedules: new SqliteScheduleStore(db),
    examSessions: new SqliteExamSessionStore(db),
    interactions: new SqliteInteractionStore(db),
    served: new SqliteServedStore(db),
    deliveries: new SqliteDeliveryStore(db),
    ta: createSqliteTaStore(db),
    installations: new SqliteInstallationStore(db),
  };
}

/** The ports' asynchronous repositories over the synchronous ones, each statement run by `run`. */
function repositories(sync: ReturnType<typeof syncRepositories>, run: Runner): Repositories {
  const wrap = <T extends object>(repository: Sync<T>): T => asynchronous<T>(repository, run);
  const { ta } = sync;
  return {
    courses: wrap<CourseRepository>(sync.courses),
    enrollments: wrap<EnrollmentRepository>(sync.enrollments),
    attempts: wrap<AttemptRepository>(sync.attempts),
    schedules: wrap<ScheduleRepository>(sync.schedules),
    examSessions: wrap<ExamSessionRepository>(sync.examSessions),
    interactions: wrap<InteractionRepository>(sync.interactions),
    served: wrap<ServedRepository>(sync.served),
    deliveries: wrap<DeliveryRepository>(sync.deliveries),
    ta: {
      people: wrap<TaStore["people"]>(ta.people), announcements: wrap<TaStore["announcements"]>(ta.announcements),
      regrades: wrap<TaStore["regrades"]>(ta.regrades), graders: wrap<TaStore["graders"]>(ta.graders),
      grades: wrap<TaStore["grades"]>(ta.grades), assessments: wrap<TaStore["assessments"]>(ta.assessments),
      examResults: wrap<TaStore["examResults"]>(ta.examResults),
    },
    installations: wrap<InstallationRepository>(sync.installations),
  };
}

/**
 * SQLite behind the asynchronous ports: one connection, transactions that hold it across their
 * awaits (BEGIN IMMEDIATE, so a write never fails to upgrade a read lock), statements outside any
 * transaction run once none is open, and group commit for the answer path.
 */
export function createSqliteStore(file: string): SqliteStore {
  const db = openDatabase(file);
  const gate = new ConnectionGate();
  const sync = syncRepositories(db);
  // Inside a transaction its work holds the connection: statements run at once.
  const tx = repositories(sync, runNow);
  const transaction = <T>(work: () => Promise<T>): Promise<T> =>
    gate.exclusive(() => immediately(db, work));
  const group = createGroupCommit(db, transaction, tx);
  return {
    db,
    ...repositories(sync, (statement) => gate.outside(statement)),
    transaction: (work) => transaction(() => work(tx)),
    commit: group.commit,
    async close() {
      await group.flush();
      await gate.exclusive(async () => db.close());
    },
  };
}
