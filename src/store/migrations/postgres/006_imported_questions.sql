-- Imported assessments keep their per-question columns (Gradescope's question scores), so TAs get
-- per-question statistics for the real exam too.
ALTER TABLE assessments ADD COLUMN questions jsonb NOT NULL DEFAULT '[]';      -- [{id, title, max}]
ALTER TABLE imported_scores ADD COLUMN questions jsonb NOT NULL DEFAULT '{}';  -- {"1a": 4.5, ...}
