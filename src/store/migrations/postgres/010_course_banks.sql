-- The banks a course uses (tutor course banks), in its order; a course without rows uses every
-- loaded bank. Banks are named by their exam id; a bank whose file is gone is skipped when read.
CREATE TABLE course_banks (
  course_id text NOT NULL REFERENCES courses(id),
  bank_id   text NOT NULL,
  position  integer NOT NULL,
  PRIMARY KEY (course_id, bank_id)
);
