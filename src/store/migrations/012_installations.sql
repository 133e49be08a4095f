-- The app's installations in chat workspaces (Slack's OAuth flow): one row per workspace (team) or,
-- for an organisation-wide install, per organisation (enterprise). `installation` is the platform's
-- record as the adapter sealed it (encrypted: it holds the bot token), never the plain token.
-- The twin of postgres/012_installations.sql.
CREATE TABLE installations (
  kind         TEXT NOT NULL CHECK (kind IN ('team', 'enterprise')),
  id           TEXT NOT NULL,
  installation TEXT NOT NULL,
  updated_at   INTEGER NOT NULL,
  PRIMARY KEY (kind, id)
);
