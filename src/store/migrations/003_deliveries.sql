-- Messages for people other than the one who ran a command, made by timed work (scheduled
-- announcements, automatic exam submissions, exam reminders). Each row is claimed by one process
-- and delivered by the adapter that owns its course and recipient; a claim that was never
-- confirmed (the process died) can be taken again after a while.
CREATE TABLE deliveries (
  id           INTEGER PRIMARY KEY,
  course_id    TEXT NOT NULL,
  to_user      TEXT,
  to_channel   TEXT,
  reply        TEXT NOT NULL,            -- the neutral reply as JSON, attachments left out
  created_at   INTEGER NOT NULL,
  claimed_by   TEXT,
  claimed_at   INTEGER,
  delivered_at INTEGER,
  failures     INTEGER NOT NULL DEFAULT 0,
  CHECK ((to_user IS NULL) <> (to_channel IS NULL))
);
CREATE INDEX deliveries_pending ON deliveries (course_id, id) WHERE delivered_at IS NULL;

-- When a running mock exam's student was reminded that time is almost up.
ALTER TABLE exam_sessions ADD COLUMN reminded_at INTEGER;
