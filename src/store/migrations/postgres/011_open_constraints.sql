-- One open mock exam per student and one open regrade per attempt, as constraints of the schema
-- (the same in ../011_open_constraints.sql): the services check first and say so in words,
-- and when two processes race past that check, the loser breaks the constraint instead of
-- storing a second one. Rows made before the constraints existed are settled first, the way the
-- app would have: an older open session is submitted at its deadline, a later open request for
-- the same answer is closed in favour of the first.
UPDATE exam_sessions SET submitted_at = deadline, submitted_by = 'deadline'
  WHERE submitted_at IS NULL AND id < (SELECT max(o.id) FROM exam_sessions o
    WHERE o.course_id = exam_sessions.course_id AND o.user_id = exam_sessions.user_id AND o.submitted_at IS NULL);
UPDATE regrades SET resolved_at = created_at, resolved_by = 'tutor', score_after = score_before,
    note = 'Closed: an earlier request for the same answer is still open.'
  WHERE resolved_at IS NULL AND id > (SELECT min(o.id) FROM regrades o WHERE o.attempt_id = regrades.attempt_id AND o.resolved_at IS NULL);

CREATE UNIQUE INDEX exam_sessions_one_open ON exam_sessions (course_id, user_id) WHERE submitted_at IS NULL;
CREATE UNIQUE INDEX regrades_one_open ON regrades (attempt_id) WHERE resolved_at IS NULL;
