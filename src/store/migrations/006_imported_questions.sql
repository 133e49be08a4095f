-- Imported assessments keep their per-question columns (Gradescope's question scores), so TAs get
-- per-question statistics for the real exam too.
ALTER TABLE assessments ADD COLUMN questions TEXT NOT NULL DEFAULT '[]';      -- JSON: [{id, title, max}]
ALTER TABLE imported_scores ADD COLUMN questions TEXT NOT NULL DEFAULT '{}';  -- JSON: {"1a": 4.5, ...}
