-- TA tools: announcements, regrades, grader assignments, TA grade history, imported scores,
-- and the index the statistics and the review queue read through.
CREATE TABLE announcements (
  id           INTEGER PRIMARY KEY,
  course_id    TEXT NOT NULL,
  author_id    TEXT NOT NULL,
  message      TEXT NOT NULL,             -- Markdown, posted as written
  channel      TEXT NOT NULL,
  post_at      INTEGER NOT NULL,
  created_at   INTEGER NOT NULL,
  delivered_at INTEGER,                   -- set in the statement that claims it: delivered once
  cancelled_at INTEGER
);
CREATE INDEX announcements_pending ON announcements (post_at) WHERE delivered_at IS NULL AND cancelled_at IS NULL;

CREATE TABLE grader_assignments (
  course_id TEXT NOT NULL,
  grader    TEXT NOT NULL COLLATE NOCASE, -- as the bank names the grader, e.g. Ken-Fu
  user_id   TEXT NOT NULL,
  PRIMARY KEY (course_id, grader)
);

CREATE TABLE regrades (
  id           INTEGER PRIMARY KEY,
  course_id    TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  question_id  TEXT NOT NULL,
  attempt_id   INTEGER NOT NULL REFERENCES attempts(id),
  grader       TEXT NOT NULL,
  reason       TEXT NOT NULL,
  score_before REAL NOT NULL,
  created_at   INTEGER NOT NULL,
  resolved_at  INTEGER,
  resolved_by  TEXT,
  score_after  REAL,
  note         TEXT
);
CREATE INDEX regrades_open ON regrades (course_id, id) WHERE resolved_at IS NULL;
CREATE INDEX regrades_attempt ON regrades (attempt_id);

-- Every grade a TA replaced, with who, why and when: the attempt row holds only the current one.
CREATE TABLE grade_history (
  id         INTEGER PRIMARY KEY,
  attempt_id INTEGER NOT NULL REFERENCES attempts(id),
  old_score  REAL NOT NULL,
  old_items  TEXT NOT NULL,
  new_score  REAL NOT NULL,
  new_items  TEXT NOT NULL,
  source     TEXT NOT NULL CHECK (source IN ('review', 'regrade')),
  changed_by TEXT NOT NULL,
  note       TEXT,
  changed_at INTEGER NOT NULL
);
CREATE INDEX grade_history_attempt ON grade_history (attempt_id);

CREATE TABLE assessments (
  course_id   TEXT NOT NULL,
  name        TEXT NOT NULL COLLATE NOCASE,
  imported_at INTEGER NOT NULL,
  PRIMARY KEY (course_id, name)
);

CREATE TABLE imported_scores (
  course_id  TEXT NOT NULL,
  assessment TEXT NOT NULL COLLATE NOCASE,
  student    TEXT NOT NULL,               -- SID, else e-mail
  name       TEXT NOT NULL,
  section    TEXT,
  score      REAL NOT NULL,
  PRIMARY KEY (course_id, assessment, student),
  FOREIGN KEY (course_id, assessment) REFERENCES assessments (course_id, name) ON DELETE CASCADE
);

-- The mock exam's results, one row per session: the last answer's score to each question and their
-- sum, kept by triggers as answers arrive and as TAs change scores. Statistics and exports then read
-- one row per student instead of every attempt (1,000,000 attempts stay well under a second).
CREATE TABLE exam_results (
  session_id INTEGER PRIMARY KEY REFERENCES exam_sessions(id),
  scores     TEXT NOT NULL DEFAULT '{}',  -- JSON: {"1a": 5, "2a": 3.5, ...}, the last answer counts
  total      REAL NOT NULL DEFAULT 0
);

CREATE INDEX attempts_session_question ON attempts (exam_session, question_id, id) WHERE exam_session IS NOT NULL;
CREATE INDEX exam_sessions_submitted ON exam_sessions (course_id, exam_id, user_id, id) WHERE submitted_at IS NOT NULL;
CREATE INDEX attempts_needs_review ON attempts (course_id, id) WHERE needs_review = 1;

INSERT INTO exam_results (session_id, scores, total)
  SELECT session, json_group_object(question, score), sum(score) FROM (
    SELECT exam_session AS session, question_id AS question, max(id), score FROM attempts
    WHERE exam_session IS NOT NULL GROUP BY exam_session, question_id
  ) GROUP BY session;

-- Answers arrive in id order, so the newest one to a question overwrites the older.
CREATE TRIGGER exam_results_answer AFTER INSERT ON attempts WHEN new.exam_session IS NOT NULL
BEGIN
  INSERT INTO exam_results (session_id, scores) VALUES (new.exam_session, json_object(new.question_id, new.score))
    ON CONFLICT (session_id) DO UPDATE SET scores = json_set(scores, '$."' || new.question_id || '"', new.score);
  UPDATE exam_results SET total = (SELECT coalesce(sum(value), 0) FROM json_each(scores)) WHERE session_id = new.exam_session;
END;

-- A TA's review or regrade changes an answer's score: it counts if that answer is the last to its question.
CREATE TRIGGER exam_results_rescore AFTER UPDATE OF score ON attempts
  WHEN new.exam_session IS NOT NULL AND new.score IS NOT old.score AND NOT EXISTS
    (SELECT 1 FROM attempts b WHERE b.exam_session = new.exam_session AND b.question_id = new.question_id AND b.id > new.id)
BEGIN
  UPDATE exam_results SET scores = json_set(scores, '$."' || new.question_id || '"', new.score) WHERE session_id = new.exam_session;
  UPDATE exam_results SET total = (SELECT coalesce(sum(value), 0) FROM json_each(scores)) WHERE session_id = new.exam_session;
END;

-- Attempts are not deleted by the app; if one ever is, rebuild its session's row from what is left.
CREATE TRIGGER exam_results_forget AFTER DELETE ON attempts WHEN old.exam_session IS NOT NULL
BEGIN
  UPDATE exam_results SET scores = coalesce((SELECT json_group_object(question, score) FROM (
      SELECT question_id AS question, max(id), score FROM attempts WHERE exam_session = old.exam_session GROUP BY question_id)), '{}')
    WHERE session_id = old.exam_session;
  UPDATE exam_results SET total = (SELECT coalesce(sum(value), 0) FROM json_each(scores)) WHERE session_id = old.exam_session;
END;
