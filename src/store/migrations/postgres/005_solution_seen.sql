-- When a student last looked at a question's solution (the "Show solution" button) before answering
-- it again: that answer tests memory of the solution, so spaced repetition counts it as "Again".
ALTER TABLE served ADD COLUMN solution_seen_at bigint;
