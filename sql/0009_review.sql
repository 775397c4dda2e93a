-- 0009_review.sql: the supervisors' and prosecutors' workspace - a derived
-- summary per case that lists are SQL over, directions, the investigators and
-- jaksa assigned to a case, the prosecutor's inbox, and accent-folding search.
--
-- app.case_summaries is derived, never the truth: one row per case, computed
-- in C from the case's log with server/core's own clocks (server/app/summary.c)
-- and written in the same transaction as each event.  It is rebuilt from the
-- logs (berkasd --rebuild-summaries) and checked against them (berkasd
-- --check-summaries, POST /api/v1/summaries/check).
--
-- Time moves, the rows do not: a deadline is stored as the instant it passes
-- (and the instant its first warning begins), so "overdue" and "warning" are
-- decided by the query with now() and need no rewrite at midnight.  Lists page
-- on (next_due_at, case_id): the earliest deadline - the longest overdue - first.

-- ---- the summary ----------------------------------------------------------------
CREATE TABLE app.case_summaries (
    case_id            bigint PRIMARY KEY REFERENCES app.cases (id),
    -- copied from the case and its office (offices never move, 0002), for the
    -- fence and the indexes: scopeN is the office's ancestor at depth N
    office_id          bigint NOT NULL REFERENCES app.offices (id),
    kejari_id          bigint REFERENCES app.offices (id),
    disclosed          boolean NOT NULL,
    scope1             bigint NOT NULL,
    scope2             bigint,
    scope3             bigint,
    stage              text NOT NULL,
    stage_since        date,           -- legal date of the act that moved it there
    -- the earliest running legal clock (server/core/clock.c): when it passes,
    -- when its first warning begins (min over the running clocks), which
    -- clock, who must act, for which suspect
    clock_due_at       timestamptz,
    clock_attention_at timestamptz,
    clock_code         text,
    clock_actor        text,
    clock_party        bigint,
    -- "no act for N days" (N per stage, rule-set data): when it passes, who acts
    last_act_on        date,
    last_act_type      text,
    stall_at           timestamptz,
    stall_actor        text,
    -- the sort key of the review list: min(clock_due_at, stall_at)
    next_due_at        timestamptz,
    p19_rounds         int NOT NULL DEFAULT 0,
    pingpong           boolean NOT NULL DEFAULT false,
    directions_open    int NOT NULL DEFAULT 0,
    directions_due_at  timestamptz,
    -- the prosecutor's own earliest deadline, and the latest arrival at the Kejari
    pu_due_at          timestamptz,
    pu_attention_at    timestamptz,
    last_arrival_on    date,
    last_arrival_event bigint,
    detail             jsonb NOT NULL DEFAULT '{}', -- clocks, directions, arrivals
    stats              jsonb NOT NULL DEFAULT '{}', -- dates and periods for statistics
    damaged            text,            -- the log does not load: why
    case_version       int NOT NULL,
    rules_sig          bigint NOT NULL, -- fingerprint of the rule sets it was computed with
    computed_at        timestamptz NOT NULL DEFAULT now()
);
-- one index per reach of the caller: the office, a Kanwil (depth 2), Ditjen
-- (depth 1), a Kantor with its UKK (depth 3); each in the list's order
CREATE INDEX case_summaries_office ON app.case_summaries (office_id, next_due_at, case_id)
    WHERE next_due_at IS NOT NULL;
CREATE INDEX case_summaries_scope1 ON app.case_summaries (scope1, next_due_at, case_id)
    WHERE next_due_at IS NOT NULL;
CREATE INDEX case_summaries_scope2 ON app.case_summaries (scope2, next_due_at, case_id)
    WHERE next_due_at IS NOT NULL;
CREATE INDEX case_summaries_scope3 ON app.case_summaries (scope3, next_due_at, case_id)
    WHERE next_due_at IS NOT NULL;
CREATE INDEX case_summaries_directions ON app.case_summaries (directions_due_at, case_id)
    WHERE directions_open > 0;
CREATE INDEX case_summaries_inbox ON app.case_summaries (kejari_id, last_arrival_on, case_id)
    WHERE disclosed;
CREATE INDEX case_summaries_pu ON app.case_summaries (kejari_id, pu_due_at, case_id)
    WHERE disclosed AND pu_due_at IS NOT NULL;
CREATE INDEX case_summaries_rules ON app.case_summaries (rules_sig);

ALTER TABLE app.case_summaries ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.case_summaries FORCE ROW LEVEL SECURITY;
-- the same fence as app.cases (0002), on the row's own columns so that a list
-- pays no lookup per row
CREATE POLICY case_summaries_investigator ON app.case_summaries FOR SELECT TO berkas_app
    USING ((SELECT app.acting_role()) = 'investigator'
           AND office_id = (SELECT app.acting_office()));
CREATE POLICY case_summaries_supervisor ON app.case_summaries FOR SELECT TO berkas_app
    USING ((SELECT app.acting_role()) = 'supervisor'
           AND (SELECT app.acting_office()) IN (scope1, scope2, scope3, office_id));
CREATE POLICY case_summaries_prosecutor ON app.case_summaries FOR SELECT TO berkas_app
    USING ((SELECT app.acting_role()) = 'prosecutor' AND disclosed
           AND kejari_id = (SELECT app.acting_office()));
-- whoever records an act on a case they may read rewrites its summary
CREATE POLICY case_summaries_write ON app.case_summaries FOR INSERT TO berkas_app
    WITH CHECK (EXISTS (SELECT 1 FROM app.cases c WHERE c.id = case_summaries.case_id));
CREATE POLICY case_summaries_rewrite ON app.case_summaries FOR UPDATE TO berkas_app
    USING (EXISTS (SELECT 1 FROM app.cases c WHERE c.id = case_summaries.case_id))
    WITH CHECK (EXISTS (SELECT 1 FROM app.cases c WHERE c.id = case_summaries.case_id));
GRANT SELECT, INSERT, UPDATE ON app.case_summaries TO berkas_app;

-- ---- the maintainer: rebuilds and checks summaries ---------------------------------
-- Reads every log and writes every summary, whoever asks; reports cases and
-- differences, never contents.  berkasd uses it for --rebuild-summaries,
-- --check-summaries and after a rule set is amended; request handlers never do.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'berkas_maint') THEN
        CREATE ROLE berkas_maint NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
    IF NOT pg_has_role(current_user, 'berkas_maint', 'MEMBER') THEN
        EXECUTE format('GRANT berkas_maint TO %I', current_user);
    END IF;
END
$$;
GRANT USAGE ON SCHEMA app TO berkas_maint;
GRANT SELECT ON app.cases, app.events, app.parties, app.offices, app.rulesets,
    app.ruleset_values, app.settings TO berkas_maint;
GRANT SELECT, INSERT, UPDATE ON app.case_summaries TO berkas_maint;
CREATE POLICY cases_maint ON app.cases FOR SELECT TO berkas_maint USING (true);
CREATE POLICY events_maint ON app.events FOR SELECT TO berkas_maint USING (true);
CREATE POLICY parties_maint ON app.parties FOR SELECT TO berkas_maint USING (true);
CREATE POLICY case_summaries_maint ON app.case_summaries FOR ALL TO berkas_maint
    USING (true) WITH CHECK (true);

-- ---- assignment: the investigators of a case, the jaksa peneliti -------------------
-- A Sprindik or Surat Perintah Tugas names the team; a supervisor reassigns
-- (the reassigned event says who and why).  Leaving the team is a date, not
-- a deleted row, so the history stays.
ALTER TABLE app.case_investigators
    ADD COLUMN removed_at timestamptz,
    ADD COLUMN removed_by bigint REFERENCES app.users (id),
    ADD COLUMN source     text NOT NULL DEFAULT 'opened'
        CHECK (source IN ('opened', 'order', 'reassigned')),
    ADD COLUMN event_id   bigint REFERENCES app.events (id);
CREATE INDEX case_investigators_user ON app.case_investigators (user_id, case_id)
    WHERE removed_at IS NULL;
-- supervisors change the team of the cases under them; investigators by an order
CREATE POLICY case_investigators_supervisor ON app.case_investigators FOR INSERT TO berkas_app
    WITH CHECK ((SELECT app.acting_role()) = 'supervisor'
                AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = case_investigators.case_id));
CREATE POLICY case_investigators_supervisor_update ON app.case_investigators FOR UPDATE
    TO berkas_app
    USING ((SELECT app.acting_role()) = 'supervisor'
           AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = case_investigators.case_id));
GRANT UPDATE (removed_at, removed_by, source, event_id, added_at) ON app.case_investigators
    TO berkas_app;

CREATE TABLE app.case_prosecutors (
    case_id    bigint NOT NULL REFERENCES app.cases (id),
    user_id    bigint NOT NULL REFERENCES app.users (id),
    event_id   bigint NOT NULL REFERENCES app.events (id), -- the P-16 that named them
    added_at   timestamptz NOT NULL DEFAULT now(),
    removed_at timestamptz,
    PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_prosecutors_user ON app.case_prosecutors (user_id) WHERE removed_at IS NULL;
ALTER TABLE app.case_prosecutors ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.case_prosecutors FORCE ROW LEVEL SECURITY;
CREATE POLICY case_prosecutors_read ON app.case_prosecutors FOR SELECT TO berkas_app
    USING (EXISTS (SELECT 1 FROM app.cases c WHERE c.id = case_prosecutors.case_id));
CREATE POLICY case_prosecutors_name ON app.case_prosecutors FOR INSERT TO berkas_app
    WITH CHECK ((SELECT app.acting_role()) = 'prosecutor'
                AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = case_prosecutors.case_id));
CREATE POLICY case_prosecutors_rename ON app.case_prosecutors FOR UPDATE TO berkas_app
    USING ((SELECT app.acting_role()) = 'prosecutor'
           AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = case_prosecutors.case_id));
GRANT SELECT, INSERT ON app.case_prosecutors TO berkas_app;
GRANT UPDATE (removed_at, event_id, added_at) ON app.case_prosecutors TO berkas_app;

-- ---- the prosecutor's inbox: read or not, per prosecutor -------------------------------
CREATE TABLE app.inbox_reads (
    user_id  bigint NOT NULL REFERENCES app.users (id),
    event_id bigint NOT NULL REFERENCES app.events (id), -- the arrival (SPDP, Tahap I, ...)
    read_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, event_id)
);
ALTER TABLE app.inbox_reads ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.inbox_reads FORCE ROW LEVEL SECURITY;
CREATE POLICY inbox_reads_own ON app.inbox_reads FOR ALL TO berkas_app
    USING (user_id = (SELECT app.acting_user()))
    WITH CHECK (user_id = (SELECT app.acting_user())
                AND (SELECT app.acting_role()) = 'prosecutor');
GRANT SELECT, INSERT ON app.inbox_reads TO berkas_app;

-- the prosecutor also records the receipt of an SPDP (SOP Pidum: registrasi
-- SPDP), which 0008's policy did not list
ALTER POLICY events_prosecutor ON app.events
    WITH CHECK ((SELECT app.acting_role()) = 'prosecutor'
                AND type IN ('tahap1_received_by_pu', 'spdp_received_by_pu', 'p16_received',
                             'p17_received', 'p18_received', 'p19_received',
                             'return_letter_received', 'p20_received', 'p21_received',
                             'p21a_received', 'p22_received', 'p23_received', 'lapsed',
                             'corrected')
                AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = events.case_id));

-- ---- lists and search --------------------------------------------------------------------
-- an office's cases in id order (MEASURED.md: an office page sorted all of them)
CREATE INDEX cases_office_id ON app.cases (office_id, id);
-- a case named by its number (LK/KANIM-PLG/2026/0001)
CREATE INDEX cases_number ON app.cases (number);
-- statistics: the acts of a period by type, late entries by date
CREATE INDEX events_type_date ON app.events (type, legal_date);
CREATE INDEX events_late ON app.events (legal_date) WHERE late;

-- Search folds case and accents ("nguyen" finds "Nguyễn") through a trigram
-- index, so that "contains" is an index scan, not a scan of every case.  Both
-- extensions are "trusted" (PostgreSQL 13+), shipped in Debian's postgresql-15.
DO $$
DECLARE
    trgm text;
    unacc text;
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA app;
    CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA app;
    SELECT n.nspname INTO trgm FROM pg_extension e JOIN pg_namespace n
        ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    SELECT n.nspname INTO unacc FROM pg_extension e JOIN pg_namespace n
        ON n.oid = e.extnamespace WHERE e.extname = 'unaccent';
    -- unaccent() is only STABLE (its dictionary could change); naming the
    -- dictionary makes the fold fit for an index
    EXECUTE format('CREATE FUNCTION app.fold(t text) RETURNS text LANGUAGE sql IMMUTABLE '
                   'PARALLEL SAFE STRICT AS $f$ SELECT lower(%I.unaccent(%L::regdictionary, t)) '
                   '$f$', unacc, unacc || '.unaccent');
    EXECUTE format('CREATE INDEX cases_search_fold ON app.cases USING gin '
                   '(app.fold(search) %I.gin_trgm_ops)', trgm);
END
$$;
DROP INDEX app.cases_search; -- to_tsvector, which LIKE never used (MEASURED.md)
GRANT EXECUTE ON FUNCTION app.fold(text) TO berkas_app;
