-- The app's installations in chat workspaces (Slack's OAuth flow): one row per workspace (team) or,
-- for an organisation-wide install, per organisation (enterprise). `installation` is the platform's
-- record as the adapter sealed it (encrypted: it holds the bot token), never the plain token.
-- The twin of ../012_installations.sql.
CREATE TABLE installations (
  kind         text NOT NULL CHECK (kind IN ('team', 'enterprise')),
  id           text NOT NULL,
  installation text NOT NULL,
  updated_at   bigint NOT NULL,
  PRIMARY KEY (kind, id)
);
