-- Timed work forgets remembered replies older than a day on every sweep: by creation time.
CREATE INDEX interactions_created ON interactions (created_at);
