-- Courses, people, every attempt, exam sessions, spaced repetition, processed deliveries.
CREATE TABLE courses (
  id         TEXT PRIMARY KEY,            -- e.g. discord:<guild>, slack:<team>, console
  title      TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE users (
  id           TEXT PRIMARY KEY,          -- discord:<id>, slack:<team>:<user>, console:<name>
  display_name TEXT NOT NULL
);

CREATE TABLE enrollments (
  course_id TEXT NOT NULL REFERENCES courses(id),
  user_id   TEXT NOT NULL REFERENCES users(id),
  section   TEXT,
  role      TEXT NOT NULL DEFAULT 'student' CHECK (role IN ('student', 'ta')),
  student_id TEXT,                         -- the university's SID, for the gradebook export
  PRIMARY KEY (course_id, user_id)
);

CREATE TABLE exam_sessions (
  id           INTEGER PRIMARY KEY,
  course_id    TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  exam_id      TEXT NOT NULL,
  started_at   INTEGER NOT NULL,
  deadline     INTEGER NOT NULL,
  submitted_at INTEGER,
  submitted_by TEXT CHECK (submitted_by IN ('student', 'deadline')),
  reported_at  INTEGER                  -- when the student saw the report of an automatic submission
);
CREATE INDEX exam_sessions_user ON exam_sessions (course_id, user_id, started_at);
CREATE INDEX exam_sessions_open ON exam_sessions (deadline) WHERE submitted_at IS NULL;

CREATE TABLE attempts (
  id             INTEGER PRIMARY KEY,
  course_id      TEXT NOT NULL,
  user_id        TEXT NOT NULL,
  question_id    TEXT NOT NULL,
  mode           TEXT NOT NULL CHECK (mode IN ('practice', 'exam')),
  exam_session   INTEGER REFERENCES exam_sessions(id),
  answer         TEXT NOT NULL,
  justification  TEXT,
  score          REAL NOT NULL,
  max            REAL NOT NULL,
  items          TEXT NOT NULL,           -- JSON: the rubric items as awarded
  feedback       TEXT NOT NULL,           -- JSON: sentences for the student
  needs_review   INTEGER NOT NULL,
  grader_version TEXT NOT NULL,
  created_at     INTEGER NOT NULL,
  reviewed_by    TEXT,
  interaction_id TEXT                     -- the delivery that carried it: a retry is stored once
);
CREATE UNIQUE INDEX attempts_interaction ON attempts (interaction_id) WHERE interaction_id IS NOT NULL;
CREATE INDEX attempts_user ON attempts (course_id, user_id, question_id);
CREATE INDEX attempts_session ON attempts (exam_session) WHERE exam_session IS NOT NULL;

CREATE TABLE schedules (
  course_id   TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  question_id TEXT NOT NULL,
  due_at      INTEGER NOT NULL,
  state       TEXT NOT NULL,              -- JSON: the scheduler's card
  PRIMARY KEY (course_id, user_id, question_id)
) WITHOUT ROWID;

CREATE TABLE served (
  course_id   TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  question_id TEXT NOT NULL,
  served_at   INTEGER NOT NULL,
  PRIMARY KEY (course_id, user_id, question_id)
) WITHOUT ROWID;

CREATE TABLE interactions (
  id         TEXT PRIMARY KEY,            -- the platform's delivery id
  reply      TEXT NOT NULL,               -- JSON of the reply that was sent
  created_at INTEGER NOT NULL
);
