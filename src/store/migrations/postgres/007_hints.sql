-- Hint ladders: how far up its question's ladder the student has climbed (reset by a full-marks
-- answer), and, with each attempt, the hints used before it and the known mistakes the grader
-- recognised (for spaced repetition, /progress and the TAs' common-mistakes report).
ALTER TABLE served ADD COLUMN hints_shown integer NOT NULL DEFAULT 0;
ALTER TABLE attempts ADD COLUMN hints_used integer NOT NULL DEFAULT 0;
ALTER TABLE attempts ADD COLUMN mistakes jsonb NOT NULL DEFAULT '[]';   -- ["dropped transpose", ...]
