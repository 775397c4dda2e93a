-- 0025_record.sql - the database side of one recorded act, cheaper (issue 12.2).
--
-- 1. The fence of a case's children checked once per row, not through
--    app.cases' own row-level security.  The write policies of the event log
--    and of the tables an act writes (its P-19 items, the summary, the
--    snapshot) asked EXISTS (SELECT 1 FROM app.cases ...), and that subquery
--    ran app.cases' three policies, each with its own InitPlans: some 0.5 ms
--    of PostgreSQL's CPU per act.  They now call app.case_readable(case_id) or
--    app.case_writable(case_id): one lookup of the case row by its key, with
--    the same rule app.cases' policies state (0002, 0003):
--      investigator - the cases of their own office (and only they write);
--      supervisor   - the cases of every office under theirs;
--      prosecutor   - the cases disclosed to their Kejari.
--    The helpers run as berkas_fence, a role that owns nothing, may log on
--    nowhere and reads only the columns the rule names; each answers for the
--    acting user (berkas.user_id) only and says nothing but yes or no.  The
--    read policies stay as they were: a log of 10,000 rows is one semi-join
--    with app.cases, which a function called per row would not be.
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

-- May the acting user read case c?  The union of app.cases' SELECT policies
-- for berkas_app, stated once.  The role and office come from app.acting()
-- (0017: the user's row read once per transaction, bound to berkas.user_id),
-- not from app.acting_role(): that PL/pgSQL function's cached plan would be
-- planned again at every call from here, under this function's search_path.
CREATE FUNCTION app.case_readable(c bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    a text := app.acting();
    r text := split_part(a, '|', 3);
    o bigint := nullif(split_part(a, '|', 4), '')::bigint;
    ok boolean;
BEGIN
    IF o IS NULL THEN
        RETURN false;
    END IF;
    SELECT CASE r
               WHEN 'investigator' THEN x.office_id = o
               WHEN 'supervisor' THEN o = ANY (f.ancestors)
               WHEN 'prosecutor' THEN x.kejari_id = o AND x.disclosed_at IS NOT NULL
               ELSE false
           END
      INTO ok
      FROM app.cases x JOIN app.offices f ON f.id = x.office_id
     WHERE x.id = c;
    RETURN coalesce(ok, false);
END
$$;

-- May the acting user write case c's contents?  Its office's investigators.
CREATE FUNCTION app.case_writable(c bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    a text := app.acting();
    o bigint := nullif(split_part(a, '|', 4), '')::bigint;
BEGIN
    RETURN split_part(a, '|', 3) = 'investigator' AND o IS NOT NULL
           AND EXISTS (SELECT 1 FROM app.cases x WHERE x.id = c AND x.office_id = o);
END
$$;

ALTER FUNCTION app.case_readable(bigint) OWNER TO berkas_fence;
ALTER FUNCTION app.case_writable(bigint) OWNER TO berkas_fence;
REVOKE ALL ON FUNCTION app.case_readable(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.case_writable(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.case_readable(bigint), app.case_writable(bigint) TO berkas_app;

-- ---- the event log's and the act's write policies -------------------------------------
ALTER POLICY events_write ON app.events WITH CHECK (app.case_writable(case_id));
ALTER POLICY events_update ON app.events USING (app.case_writable(case_id));
ALTER POLICY events_supervisor ON app.events
    WITH CHECK ((SELECT app.acting_role()) = 'supervisor'
                AND type IN ('review_note', 'direction_given', 'direction_done', 'reassigned',
                             'corrected')
                AND app.case_readable(case_id));
ALTER POLICY events_prosecutor ON app.events
    WITH CHECK ((SELECT app.acting_role()) = 'prosecutor'
                AND type IN ('tahap1_received_by_pu', 'spdp_received_by_pu', 'p16_received',
                             'p17_received', 'p18_received', 'p19_received',
                             'return_letter_received', 'p20_received', 'p21_received',
                             'p21a_received', 'p22_received', 'p23_received', 'lapsed',
                             'corrected')
                AND app.case_readable(case_id));
ALTER POLICY instructions_write ON app.instructions WITH CHECK (app.case_writable(case_id));
ALTER POLICY instructions_update ON app.instructions USING (app.case_writable(case_id));
ALTER POLICY instructions_prosecutor ON app.instructions
    WITH CHECK ((SELECT app.acting_role()) = 'prosecutor' AND app.case_readable(case_id));

-- whoever records an act on a case they may read rewrites its summary and snapshot
ALTER POLICY case_summaries_write ON app.case_summaries WITH CHECK (app.case_readable(case_id));
ALTER POLICY case_summaries_rewrite ON app.case_summaries
    USING (app.case_readable(case_id)) WITH CHECK (app.case_readable(case_id));
ALTER POLICY case_snapshots_write ON app.case_snapshots WITH CHECK (app.case_readable(case_id));
ALTER POLICY case_snapshots_rewrite ON app.case_snapshots
    USING (app.case_readable(case_id)) WITH CHECK (app.case_readable(case_id));

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
