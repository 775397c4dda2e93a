-- 0001_foundation.sql: the schema everything else lives in.
--
-- Migrations are applied in order, once each, in their own transaction, by
-- berkasd at start-up (server/store/migrate.c).  Never edit an applied one:
-- add the next number instead.

CREATE SCHEMA IF NOT EXISTS app;
COMMENT ON SCHEMA app IS 'berkas: case files, people, offices';

-- Server-wide settings an administrator may change without a release
-- (the log-on banner, limits).  Values are text; their meaning is the code's.
CREATE TABLE app.settings (
    key        text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_.]{0,62}$'),
    value      text NOT NULL,
    note       text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now()
);
