-- 0026_record_summary.sql - an act's summary and snapshot written past the
-- per-row policies, the fence asked once (issue 12.2); a case row an act did
-- not move is a conflict to retry, not an internal error.
--
-- 1. app.record_summary(rows): the act's summary and snapshot (the rows
--    server/app/summary.c computes, as store/summaries.c's statement reads
--    them) written by a function that asks app.case_fence once per case and
--    then writes as berkas_record, a role that owns nothing, logs on nowhere,
--    and whose own policies on the two derived tables and on app.cases let
--    it through.  Written as berkas_app, INSERT ... ON CONFLICT DO UPDATE
--    ran the summaries' three read policies (their InitPlans: 33 of them for
--    one act), the write policies of both tables on the new and the old row
--    (seven calls of app.case_fence) and app.cases' three read policies in
--    the join that copies the case's office.  The rule is the one the
--    policies state (0025): whoever may read the case (app.case_fence <> '')
--    writes its summary and snapshot; anyone else gets 42501 (403) and
--    nothing is written.  The policies on the tables stay for every other
--    writer: a statement of berkas_app's own still meets them.
--    Measured on a single connection, backend CPU per summary write (2,000
--    in a row, alternating, the lowest of three runs): 0.40 ms over an
--    empty statement through the policies, 0.24 ms through the function.
-- 2. app.case_unmoved(id): raises serialization_failure (40001) - what the
--    act's statement (store/events.c) raises when the case row it names was
--    not moved; before, a cast of a name to regclass raised 42P01, which the
--    application reported as an internal error (500).  A concurrent change
--    is what leaves the row unmoved; the client may try again (409).

-- ---- the writer's role ---------------------------------------------------------------
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'berkas_record') THEN
        CREATE ROLE berkas_record NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
    IF NOT pg_has_role(current_user, 'berkas_record', 'MEMBER') THEN
        EXECUTE format('GRANT berkas_record TO %I', current_user);
    END IF;
END
$$;
GRANT USAGE ON SCHEMA app TO berkas_record;
GRANT SELECT (id, office_id, kejari_id, disclosed_at) ON app.cases TO berkas_record;
GRANT SELECT (id, ancestors) ON app.offices TO berkas_record;
GRANT SELECT, INSERT, UPDATE ON app.case_summaries, app.case_snapshots TO berkas_record;
GRANT EXECUTE ON FUNCTION app.case_fence(bigint) TO berkas_record;
CREATE POLICY cases_record ON app.cases FOR SELECT TO berkas_record USING (true);
CREATE POLICY case_summaries_record ON app.case_summaries FOR ALL TO berkas_record
    USING (true) WITH CHECK (true);
CREATE POLICY case_snapshots_record ON app.case_snapshots FOR ALL TO berkas_record
    USING (true) WITH CHECK (true);

-- The summaries of rows (a JSON array, one object per case: the columns of
-- store/summaries.c's SUMMARY_RECORD, with the case's snapshot under
-- "snapshot" or null), each of a case the acting user may read, else none.
CREATE FUNCTION app.record_summary(rows jsonb) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF jsonb_typeof(rows) IS DISTINCT FROM 'array'
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(rows) e
                   WHERE coalesce(app.case_fence((e->>'case_id')::bigint), '') = '') THEN
        RAISE EXCEPTION 'the summary of a case the acting user may not read'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    WITH j AS (
        SELECT * FROM jsonb_to_recordset(rows) AS j(
            case_id bigint, stage text, stage_since date, clock_due_at bigint,
            clock_attention_at bigint, clock_code text, clock_actor text, clock_party bigint,
            last_act_on date, last_act_type text, stall_at bigint, stall_actor text,
            next_due_at bigint, p19_rounds int, pingpong boolean, directions_open int,
            directions_due_at bigint, pu_due_at bigint, pu_attention_at bigint,
            last_arrival_on date, last_arrival_event bigint, detail jsonb, stats jsonb,
            damaged text, case_version int, rules_sig bigint, snapshot jsonb)),
    n AS (
        INSERT INTO app.case_snapshots AS n (case_id, format, events, last_event,
                                              case_version, state, written_at)
        SELECT j.case_id, (j.snapshot->>'format')::int, (j.snapshot->>'events')::int,
               (j.snapshot->>'last_event')::bigint, j.case_version, j.snapshot, now()
          FROM j
         WHERE j.snapshot IS NOT NULL AND jsonb_typeof(j.snapshot) = 'object'
        ON CONFLICT (case_id) DO UPDATE SET
            format = EXCLUDED.format, events = EXCLUDED.events,
            last_event = EXCLUDED.last_event, case_version = EXCLUDED.case_version,
            state = EXCLUDED.state, written_at = EXCLUDED.written_at)
    INSERT INTO app.case_summaries AS s (case_id, office_id, kejari_id, disclosed, scope1,
        scope2, scope3, stage, stage_since, clock_due_at, clock_attention_at, clock_code,
        clock_actor, clock_party, last_act_on, last_act_type, stall_at, stall_actor,
        next_due_at, p19_rounds, pingpong, directions_open, directions_due_at, pu_due_at,
        pu_attention_at, last_arrival_on, last_arrival_event, detail, stats, damaged,
        case_version, rules_sig, computed_at)
    SELECT j.case_id, c.office_id, c.kejari_id, c.disclosed_at IS NOT NULL,
           o.ancestors[1], o.ancestors[2], o.ancestors[3], j.stage, j.stage_since,
           to_timestamp(j.clock_due_at), to_timestamp(j.clock_attention_at), j.clock_code,
           j.clock_actor, j.clock_party, j.last_act_on, j.last_act_type,
           to_timestamp(j.stall_at), j.stall_actor, to_timestamp(j.next_due_at), j.p19_rounds,
           j.pingpong, j.directions_open, to_timestamp(j.directions_due_at),
           to_timestamp(j.pu_due_at), to_timestamp(j.pu_attention_at), j.last_arrival_on,
           j.last_arrival_event, j.detail, j.stats, j.damaged, j.case_version, j.rules_sig,
           now()
      FROM j JOIN app.cases c ON c.id = j.case_id JOIN app.offices o ON o.id = c.office_id
    ON CONFLICT (case_id) DO UPDATE SET
        office_id = EXCLUDED.office_id, kejari_id = EXCLUDED.kejari_id,
        disclosed = EXCLUDED.disclosed, scope1 = EXCLUDED.scope1, scope2 = EXCLUDED.scope2,
        scope3 = EXCLUDED.scope3, stage = EXCLUDED.stage, stage_since = EXCLUDED.stage_since,
        clock_due_at = EXCLUDED.clock_due_at, clock_attention_at = EXCLUDED.clock_attention_at,
        clock_code = EXCLUDED.clock_code, clock_actor = EXCLUDED.clock_actor,
        clock_party = EXCLUDED.clock_party, last_act_on = EXCLUDED.last_act_on,
        last_act_type = EXCLUDED.last_act_type, stall_at = EXCLUDED.stall_at,
        stall_actor = EXCLUDED.stall_actor, next_due_at = EXCLUDED.next_due_at,
        p19_rounds = EXCLUDED.p19_rounds, pingpong = EXCLUDED.pingpong,
        directions_open = EXCLUDED.directions_open,
        directions_due_at = EXCLUDED.directions_due_at, pu_due_at = EXCLUDED.pu_due_at,
        pu_attention_at = EXCLUDED.pu_attention_at, last_arrival_on = EXCLUDED.last_arrival_on,
        last_arrival_event = EXCLUDED.last_arrival_event, detail = EXCLUDED.detail,
        stats = EXCLUDED.stats, damaged = EXCLUDED.damaged,
        case_version = EXCLUDED.case_version, rules_sig = EXCLUDED.rules_sig,
        computed_at = EXCLUDED.computed_at;
END
$$;
ALTER FUNCTION app.record_summary(jsonb) OWNER TO berkas_record;
REVOKE ALL ON FUNCTION app.record_summary(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.record_summary(jsonb) TO berkas_app;

-- ---- a case row not moved ---------------------------------------------------------------
-- Raised by the act's statement when its case row was not moved (store/events.c): the act's
-- row must not stay without the case's head naming it, and the client may try again.
CREATE FUNCTION app.case_unmoved(event_id bigint) RETURNS int
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    RAISE EXCEPTION 'the case row of act % was not moved: a concurrent change', event_id
        USING ERRCODE = 'serialization_failure';
END
$$;
REVOKE ALL ON FUNCTION app.case_unmoved(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.case_unmoved(bigint) TO berkas_app;
