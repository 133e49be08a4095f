-- Files a student attached to an answer (a photo of 2a's drawing), kept with the attempt so the TA
-- who reviews it sees exactly what was sent: platform links expire, so the bytes are stored.
CREATE TABLE attempt_files (
  id           INTEGER PRIMARY KEY,
  attempt_id   INTEGER NOT NULL REFERENCES attempts(id),
  name         TEXT NOT NULL,
  content_type TEXT NOT NULL,
  bytes        BLOB NOT NULL
);
CREATE INDEX attempt_files_attempt ON attempt_files (attempt_id);
