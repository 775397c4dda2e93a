-- 0025_record.sql - the database side of one recorded act, cheaper (issue 12.2).
--
-- 1. The fence of a case's children checked with one key lookup per
--    transaction, not through app.cases' own row-level security.  The write
--    policies of the event log and of the tables an act writes (its P-19
--    items, the snapshot, the summary) asked EXISTS (SELECT 1 FROM app.cases
--    ...), and that subquery ran app.cases' three policies, each with its own
--    InitPlans, in every statement: about 0.35 ms of PostgreSQL's CPU per act
--    (measured: the act's three writes 0.93 ms with those policies, 0.50 ms
--    with none, 0.58 ms with these).  They now ask app.case_fence(case_id),
--    which states the rule of app.cases' policies once (0002, 0003):
--      investigator - the cases of their own office (and only they write);
--      supervisor   - the cases of every office under theirs;
--      prosecutor   - the cases disclosed to their Kejari.
--    It runs as berkas_fence, a role that owns nothing, logs on nowhere and
--    reads only the columns the rule names, and answers for the acting user
--    (berkas.user_id) only.  The read policies of the log and of the other
--    children stay as they were: a log of 10,000 rows is one semi-join with
--    app.cases, which a function called per row would not be.
-- 2. The chain's canonical text (0004) as one SQL expression instead of a
--    PL/pgSQL loop over an array.  The text, and so every hash, is the same
--    (tests/integration: every row written before is checked against the old
--    definition).

-- ---- the fence's role ----------------------------------------------------------------
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'berkas_fence') THEN
        CREATE ROLE berkas_fence NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
    IF NOT pg_has_role(current_user, 'berkas_fence', 'MEMBER') THEN
        EXECUTE format('GRANT berkas_fence TO %I', current_user);
    END IF;
END
$$;
GRANT USAGE ON SCHEMA app TO berkas_fence;
GRANT SELECT (id, office_id, kejari_id, disclosed_at) ON app.cases TO berkas_fence;
GRANT SELECT (id, ancestors) ON app.offices TO berkas_fence;
GRANT SELECT (id, role, office_id, disabled_at) ON app.users TO berkas_fence;
CREATE POLICY cases_fence ON app.cases FOR SELECT TO berkas_fence USING (true);

-- What may the acting user do with case c: 'w' read and write its contents
-- (the investigators of its office), 'r' read it (a supervisor above its
-- office, the prosecutors of the Kejari it was disclosed to), '' nothing.
-- The union of app.cases' policies for berkas_app (0002, 0003), stated once.
--
-- An act asks this some ten times for its one case (the event's, the
-- snapshot's and the summary's policies), so the answer is kept for the rest
-- of the transaction in berkas.fence, as 0017 keeps the acting user's row in
-- berkas.acting: bound to that value (the user, the transaction's start, the
-- role and office) and to the case; another value, missing or forged for
-- another user or transaction, is not believed and the case row is read
-- again.  Only a yes is kept.  What decides it cannot change within the
-- acting user's transaction: berkas_app may not update a case's office_id
-- (0003's column grants), only investigators move kejari_id and disclosed_at
-- (cases_guard_update), and only they, whose answer depends on neither; the
-- office tree is an administrator's, who sees no case.  tests/gate.sh refuses
-- the setting's name in server/ and client/, as berkas.acting's.
--
-- The role and office come from app.acting() itself, not app.acting_role():
-- that PL/pgSQL function's cached plan would be planned again at every call
-- from under this function's search_path.
CREATE FUNCTION app.case_fence(c bigint) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    a text := app.acting();
    k text := a || '#' || c::text || '#';
    kept text := current_setting('berkas.fence', true);
    r text;
    o bigint;
    ok text;
BEGIN
    IF starts_with(kept, k) THEN
        RETURN substr(kept, length(k) + 1);
    END IF;
    r := split_part(a, '|', 3);
    o := nullif(split_part(a, '|', 4), '')::bigint;
    IF o IS NULL THEN
        RETURN '';
    END IF;
    SELECT CASE
               WHEN r = 'investigator' AND x.office_id = o THEN 'w'
               WHEN r = 'supervisor' AND o = ANY (f.ancestors) THEN 'r'
               WHEN r = 'prosecutor' AND x.kejari_id = o AND x.disclosed_at IS NOT NULL THEN 'r'
               ELSE ''
           END
      INTO ok
      FROM app.cases x JOIN app.offices f ON f.id = x.office_id
     WHERE x.id = c;
    IF coalesce(ok, '') = '' THEN
        RETURN '';
    END IF;
    PERFORM set_config('berkas.fence', k || ok, true);
    RETURN ok;
END
$$;
ALTER FUNCTION app.case_fence(bigint) OWNER TO berkas_fence;
REVOKE ALL ON FUNCTION app.case_fence(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.case_fence(bigint) TO berkas_app;

-- ---- the event log's and the act's write policies -------------------------------------
ALTER POLICY events_write ON app.events WITH CHECK (app.case_fence(case_id) = 'w');
ALTER POLICY events_update ON app.events USING (app.case_fence(case_id) = 'w');
ALTER POLICY events_supervisor ON app.events
    WITH CHECK ((SELECT app.acting_role()) = 'supervisor'
                AND type IN ('review_note', 'direction_given', 'direction_done', 'reassigned',
                             'corrected')
                AND app.case_fence(case_id) <> '');
ALTER POLICY events_prosecutor ON app.events
    WITH CHECK ((SELECT app.acting_role()) = 'prosecutor'
                AND type IN ('tahap1_received_by_pu', 'spdp_received_by_pu', 'p16_received',
                             'p17_received', 'p18_received', 'p19_received',
                             'return_letter_received', 'p20_received', 'p21_received',
                             'p21a_received', 'p22_received', 'p23_received', 'lapsed',
                             'corrected')
                AND app.case_fence(case_id) <> '');
ALTER POLICY instructions_write ON app.instructions WITH CHECK (app.case_fence(case_id) = 'w');
ALTER POLICY instructions_update ON app.instructions USING (app.case_fence(case_id) = 'w');
ALTER POLICY instructions_prosecutor ON app.instructions
    WITH CHECK ((SELECT app.acting_role()) = 'prosecutor' AND app.case_fence(case_id) <> '');

-- whoever records an act on a case they may read rewrites its summary and snapshot
ALTER POLICY case_summaries_write ON app.case_summaries WITH CHECK (app.case_fence(case_id) <> '');
ALTER POLICY case_summaries_rewrite ON app.case_summaries
    USING (app.case_fence(case_id) <> '') WITH CHECK (app.case_fence(case_id) <> '');
ALTER POLICY case_snapshots_read ON app.case_snapshots USING (app.case_fence(case_id) <> '');
ALTER POLICY case_snapshots_write ON app.case_snapshots WITH CHECK (app.case_fence(case_id) <> '');
ALTER POLICY case_snapshots_rewrite ON app.case_snapshots
    USING (app.case_fence(case_id) <> '') WITH CHECK (app.case_fence(case_id) <> '');

-- ---- the chain's canonical text, one expression -----------------------------------------
-- Each part length-prefixed ("<characters>:<text>"), the parts joined by a
-- newline, as 0004's loop built it; PL/pgSQL still (a SQL function with
-- to_char, which is only STABLE, would not be inlined and would be planned
-- again in every transaction), but one expression, kept for the session.
CREATE OR REPLACE FUNCTION app.event_canonical(e app.events) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN '15:berkas-event-v1'
        || E'\n' || length(e.case_id::text)::text || ':' || e.case_id::text
        || E'\n' || length(e.seq::text)::text || ':' || e.seq::text
        || E'\n' || length(e.type)::text || ':' || e.type
        || E'\n' || length(e.legal_date::text)::text || ':' || e.legal_date::text
        || E'\n' || length(coalesce(to_char(e.legal_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), ''))::text || ':' || coalesce(to_char(e.legal_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), '')
        || E'\n' || length(e.doc_number)::text || ':' || e.doc_number
        || E'\n' || length(coalesce(e.party_id::text, ''))::text || ':' || coalesce(e.party_id::text, '')
        || E'\n' || length(coalesce(e.corrects::text, ''))::text || ':' || coalesce(e.corrects::text, '')
        || E'\n' || length(e.regime)::text || ':' || e.regime
        || E'\n' || length(e.stage_before)::text || ':' || e.stage_before
        || E'\n' || length(e.stage_after)::text || ':' || e.stage_after
        || E'\n' || length(e.payload::text)::text || ':' || e.payload::text
        || E'\n' || length(to_char(e.entered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text || ':' || to_char(e.entered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
        || E'\n' || length(e.entered_by::text)::text || ':' || e.entered_by::text
        || E'\n' || length(e.late::text)::text || ':' || e.late::text;
END
$$;
