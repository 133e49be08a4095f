-- Question variants: the values of the variant a student was last given of a question (served),
-- and of the one each answer was graded against (attempts), as {"seed": 7, "values": {"N": 28, ...}};
-- NULL is the exam's own numbers (the mock exam, a question without parameters).
ALTER TABLE served ADD COLUMN variant jsonb;
ALTER TABLE attempts ADD COLUMN variant jsonb;
