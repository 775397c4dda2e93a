-- 0019_case_snapshots.sql: one snapshot per case (issue 12.2).
--
-- app.case_snapshots is derived, never the truth: the core's folded state of
-- the case (server/core/casestate.h: the stage, the facts the guards read,
-- each suspect's arrest and detention), as JSON (server/app/snapshot.c),
-- written in the statement that writes the case's summary, in the
-- transaction of each act, so it is never ahead of nor behind its log.  A
-- write believes it only when it is of the running berkasd's format and was
-- folded from exactly the log as it stands (events, last_event) under the
-- rule sets in force (state->'rules_sig'); otherwise the write folds the log
-- again.  The summaries' check compares it with a fresh fold (berkasd
-- --check-summaries, POST /api/v1/summaries/check) and the repair, the
-- rebuild and the start-up sweep write it again.

CREATE TABLE app.case_snapshots (
    case_id      bigint PRIMARY KEY REFERENCES app.cases (id),
    format       int NOT NULL,     -- CASESTATE_FORMAT of the berkasd that folded it
    events       int NOT NULL,     -- events of the log folded (app.cases.events then)
    last_event   bigint NOT NULL,  -- id of the last of them, 0 for an empty log
    case_version int NOT NULL,     -- app.cases.version after the write that stored it
    state        jsonb NOT NULL,
    written_at   timestamptz NOT NULL
);

ALTER TABLE app.case_snapshots ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.case_snapshots FORCE ROW LEVEL SECURITY;
-- whoever sees the case sees and writes its snapshot (the case row's own
-- policies decide, as for app.case_summaries)
CREATE POLICY case_snapshots_read ON app.case_snapshots FOR SELECT TO berkas_app
    USING (EXISTS (SELECT 1 FROM app.cases c WHERE c.id = case_snapshots.case_id));
CREATE POLICY case_snapshots_write ON app.case_snapshots FOR INSERT TO berkas_app
    WITH CHECK (EXISTS (SELECT 1 FROM app.cases c WHERE c.id = case_snapshots.case_id));
CREATE POLICY case_snapshots_rewrite ON app.case_snapshots FOR UPDATE TO berkas_app
    USING (EXISTS (SELECT 1 FROM app.cases c WHERE c.id = case_snapshots.case_id))
    WITH CHECK (EXISTS (SELECT 1 FROM app.cases c WHERE c.id = case_snapshots.case_id));
GRANT SELECT, INSERT, UPDATE ON app.case_snapshots TO berkas_app;

-- the maintainer checks and rebuilds them with the summaries
GRANT SELECT, INSERT, UPDATE ON app.case_snapshots TO berkas_maint;
CREATE POLICY case_snapshots_maint ON app.case_snapshots FOR ALL TO berkas_maint
    USING (true) WITH CHECK (true);
