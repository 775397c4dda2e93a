-- 0040_snapshot_text.sql - the case's snapshot kept as the text berkasd wrote, and an act's
-- summary and snapshot written by one call made for one case (issue 12: the cost of an act).
--
-- app.case_snapshots.state was jsonb: each act's write parsed the snapshot berkasd had just
-- serialised (about 1 KB; jsonb_in was 0.38 M of the 2.75 M instructions PostgreSQL spends on
-- an act, bench/callgrind-act) and each act's read (app.case_head) printed it back to text for
-- berkasd to parse again.  Nothing in the database reads into the snapshot: it is derived,
-- never the truth (0019), written and read only by berkasd (server/app/snapshot.c), which
-- parses it and believes it only when its format, events, last event and rule sets' fingerprint
-- match the log as it stands.  So it is kept as text: written and read as it is.  Existing rows
-- are converted with jsonb's own text form, which berkasd reads as before.
--
-- app.record_summary(rows) (0026, 0038) took the act's summary row WITH the snapshot inside one
-- jsonb array; it stays for the rows it is given that way (tests, older callers) and now writes
-- the snapshot's text.  An act's own write goes through app.record_case_summary(c, summary,
-- snapshot, format, events, last_event): the same rule (the acting user may read case c, else
-- 42501 and nothing written; office, Kejari, disclosure and scopes from the case row, never from
-- the input; a case not there: nothing), the same columns, the snapshot as a text parameter and
-- its key columns as parameters of their own, the summary row taken for case c (its case_id
-- member is not read), and the case's office read in the UPDATE of its summary instead of a
-- statement of its own.  Owner, SECURITY DEFINER, the pinned search_path, the generic plans and
-- the grants are those of the other writers (the rls suite asserts them).

ALTER TABLE app.case_snapshots ALTER COLUMN state TYPE text USING state::text;
DO $$
BEGIN
    ALTER TABLE app.case_snapshots ALTER COLUMN state SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 not supported by this PostgreSQL: the snapshots stay compressed with pglz';
END
$$;

-- the write path's read: the snapshot as stored (0031's statement otherwise unchanged)
CREATE OR REPLACE FUNCTION app.case_head(c bigint,
                              OUT id bigint, OUT office_id bigint, OUT kejari_id bigint,
                              OUT number text, OUT opened_on text, OUT tz text, OUT stage text,
                              OUT version int, OUT disclosed boolean, OUT last_hash text,
                              OUT now_s bigint, OUT snapshot text, OUT events int,
                              OUT suspects text[], OUT charged text[],
                              OUT rules bigint, OUT next_event bigint)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    IF coalesce(app.case_fence(c), '') = '' THEN
        RETURN;
    END IF;
    RETURN QUERY
    SELECT x.id, x.office_id, coalesce(x.kejari_id, 0), x.number,
           coalesce(x.opened_on::text, ''), o.tz, x.stage, x.version,
           x.disclosed_at IS NOT NULL, encode(x.last_hash, 'hex'),
           extract(epoch FROM pg_catalog.now())::bigint, n.state, x.events,
           -- each suspect "id:foreign:interpreted", in id order
           ARRAY(SELECT p.id::text || ':' || coalesce(p.nationality <> 'ID', false)::text || ':'
                        || (btrim(p.language) <> ''
                            AND lower(btrim(p.language)) NOT IN
                                ('indonesia', 'bahasa indonesia', 'indonesian', 'id'))::text
                   FROM app.parties p
                  WHERE p.case_id = x.id AND p.kind = 'suspect'
                  ORDER BY p.id),
           -- each offence "party:max_prison_months:detainable:short_procedure:code" (the
           -- code last: whatever it holds), in the order charged
           ARRAY(SELECT coalesce(co.party_id, 0)::text || ':' || oc.max_prison_months::text
                        || ':' || oc.detainable::text || ':' || oc.short_procedure::text || ':'
                        || oc.code
                   FROM app.case_offences co
                   JOIN app.offence_catalogue oc ON oc.id = co.offence_id
                  WHERE co.case_id = x.id
                  ORDER BY co.id),
           coalesce((SELECT v.version FROM app.rules_version v LIMIT 1), 0),
           nextval('app.events_id_seq'::regclass)
      FROM app.cases x
      JOIN app.offices o ON o.id = x.office_id
      LEFT JOIN app.case_snapshots n ON n.case_id = x.id
     WHERE x.id = c
       FOR UPDATE OF x;
END
$$;

-- the rows' snapshots as text (0038's function otherwise unchanged)
CREATE OR REPLACE FUNCTION app.record_summary(rows jsonb) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    j record;
    office bigint;
    kejari bigint;
    is_disclosed boolean;
    scope bigint[];
BEGIN
    IF jsonb_typeof(rows) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'the summary of a case the acting user may not read'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    FOR j IN
        SELECT * FROM jsonb_to_recordset(rows) AS x(
            case_id bigint, stage text, stage_since date, clock_due_at bigint,
            clock_attention_at bigint, clock_code text, clock_actor text, clock_party bigint,
            last_act_on date, last_act_type text, stall_at bigint, stall_actor text,
            next_due_at bigint, p19_rounds int, pingpong boolean, directions_open int,
            directions_due_at bigint, pu_due_at bigint, pu_attention_at bigint,
            last_arrival_on date, last_arrival_event bigint, detail jsonb, stats jsonb,
            damaged text, case_version int, rules_sig bigint, snapshot jsonb)
    LOOP
        IF coalesce(app.case_fence(j.case_id), '') = '' THEN
            RAISE EXCEPTION 'the summary of a case the acting user may not read'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF j.snapshot IS NOT NULL AND jsonb_typeof(j.snapshot) = 'object' THEN
            UPDATE app.case_snapshots AS n
               SET format = (j.snapshot->>'format')::int, events = (j.snapshot->>'events')::int,
                   last_event = (j.snapshot->>'last_event')::bigint,
                   case_version = j.case_version, state = j.snapshot::text, written_at = now()
             WHERE n.case_id = j.case_id;
            IF NOT FOUND THEN
                INSERT INTO app.case_snapshots AS n (case_id, format, events, last_event,
                                                      case_version, state, written_at)
                VALUES (j.case_id, (j.snapshot->>'format')::int, (j.snapshot->>'events')::int,
                        (j.snapshot->>'last_event')::bigint, j.case_version, j.snapshot::text, now())
                ON CONFLICT (case_id) DO UPDATE SET
                    format = EXCLUDED.format, events = EXCLUDED.events,
                    last_event = EXCLUDED.last_event, case_version = EXCLUDED.case_version,
                    state = EXCLUDED.state, written_at = EXCLUDED.written_at;
            END IF;
        END IF;
        SELECT c.office_id, c.kejari_id, c.disclosed_at IS NOT NULL, o.ancestors
          INTO office, kejari, is_disclosed, scope
          FROM app.cases c JOIN app.offices o ON o.id = c.office_id
         WHERE c.id = j.case_id;
        CONTINUE WHEN NOT FOUND; -- as the join of 0026: no summary of a case not there
        UPDATE app.case_summaries AS s SET
            office_id = office, kejari_id = kejari, disclosed = is_disclosed,
            scope1 = scope[1], scope2 = scope[2], scope3 = scope[3], stage = j.stage,
            stage_since = j.stage_since, clock_due_at = to_timestamp(j.clock_due_at),
            clock_attention_at = to_timestamp(j.clock_attention_at), clock_code = j.clock_code,
            clock_actor = j.clock_actor, clock_party = j.clock_party,
            last_act_on = j.last_act_on, last_act_type = j.last_act_type,
            stall_at = to_timestamp(j.stall_at), stall_actor = j.stall_actor,
            next_due_at = to_timestamp(j.next_due_at), p19_rounds = j.p19_rounds,
            pingpong = j.pingpong, directions_open = j.directions_open,
            directions_due_at = to_timestamp(j.directions_due_at),
            pu_due_at = to_timestamp(j.pu_due_at),
            pu_attention_at = to_timestamp(j.pu_attention_at),
            last_arrival_on = j.last_arrival_on, last_arrival_event = j.last_arrival_event,
            detail = j.detail, stats = j.stats, damaged = j.damaged,
            case_version = j.case_version, rules_sig = j.rules_sig, computed_at = now()
         WHERE s.case_id = j.case_id;
        CONTINUE WHEN FOUND;
        INSERT INTO app.case_summaries AS s (case_id, office_id, kejari_id, disclosed, scope1,
            scope2, scope3, stage, stage_since, clock_due_at, clock_attention_at, clock_code,
            clock_actor, clock_party, last_act_on, last_act_type, stall_at, stall_actor,
            next_due_at, p19_rounds, pingpong, directions_open, directions_due_at, pu_due_at,
            pu_attention_at, last_arrival_on, last_arrival_event, detail, stats, damaged,
            case_version, rules_sig, computed_at)
        VALUES (j.case_id, office, kejari, is_disclosed, scope[1], scope[2],
                scope[3], j.stage, j.stage_since, to_timestamp(j.clock_due_at),
                to_timestamp(j.clock_attention_at), j.clock_code, j.clock_actor, j.clock_party,
                j.last_act_on, j.last_act_type, to_timestamp(j.stall_at), j.stall_actor,
                to_timestamp(j.next_due_at), j.p19_rounds, j.pingpong, j.directions_open,
                to_timestamp(j.directions_due_at), to_timestamp(j.pu_due_at),
                to_timestamp(j.pu_attention_at), j.last_arrival_on, j.last_arrival_event,
                j.detail, j.stats, j.damaged, j.case_version, j.rules_sig, now())
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
    END LOOP;
END
$$;

-- An act's summary row (summary_compute's object, without its snapshot) and its snapshot for
-- case c, written for the acting user who may read c (else 42501, nothing written).
CREATE FUNCTION app.record_case_summary(c bigint, summary jsonb, snapshot text,
                                        snapshot_format int, snapshot_events int,
                                        snapshot_last_event bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    j record;
BEGIN
    IF coalesce(app.case_fence(c), '') = '' OR jsonb_typeof(summary) IS DISTINCT FROM 'object'
       OR snapshot IS NULL THEN
        RAISE EXCEPTION 'the summary of a case the acting user may not read'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO j FROM jsonb_to_record(summary) AS x(
        stage text, stage_since date, clock_due_at bigint, clock_attention_at bigint,
        clock_code text, clock_actor text, clock_party bigint, last_act_on date,
        last_act_type text, stall_at bigint, stall_actor text, next_due_at bigint,
        p19_rounds int, pingpong boolean, directions_open int, directions_due_at bigint,
        pu_due_at bigint, pu_attention_at bigint, last_arrival_on date,
        last_arrival_event bigint, detail jsonb, stats jsonb, damaged text, case_version int,
        rules_sig bigint);
    UPDATE app.case_snapshots AS n
       SET format = snapshot_format, events = snapshot_events, last_event = snapshot_last_event,
           case_version = j.case_version, state = snapshot, written_at = now()
     WHERE n.case_id = c;
    IF NOT FOUND THEN
        INSERT INTO app.case_snapshots AS n (case_id, format, events, last_event, case_version,
                                              state, written_at)
        SELECT x.id, snapshot_format, snapshot_events, snapshot_last_event, j.case_version,
               snapshot, now()
          FROM app.cases x WHERE x.id = c
        ON CONFLICT (case_id) DO UPDATE SET
            format = EXCLUDED.format, events = EXCLUDED.events, last_event = EXCLUDED.last_event,
            case_version = EXCLUDED.case_version, state = EXCLUDED.state,
            written_at = EXCLUDED.written_at;
    END IF;
    UPDATE app.case_summaries AS s SET
        office_id = k.office_id, kejari_id = k.kejari_id, disclosed = k.disclosed,
        scope1 = k.scope[1], scope2 = k.scope[2], scope3 = k.scope[3], stage = j.stage,
        stage_since = j.stage_since, clock_due_at = to_timestamp(j.clock_due_at),
        clock_attention_at = to_timestamp(j.clock_attention_at), clock_code = j.clock_code,
        clock_actor = j.clock_actor, clock_party = j.clock_party,
        last_act_on = j.last_act_on, last_act_type = j.last_act_type,
        stall_at = to_timestamp(j.stall_at), stall_actor = j.stall_actor,
        next_due_at = to_timestamp(j.next_due_at), p19_rounds = j.p19_rounds,
        pingpong = j.pingpong, directions_open = j.directions_open,
        directions_due_at = to_timestamp(j.directions_due_at),
        pu_due_at = to_timestamp(j.pu_due_at), pu_attention_at = to_timestamp(j.pu_attention_at),
        last_arrival_on = j.last_arrival_on, last_arrival_event = j.last_arrival_event,
        detail = j.detail, stats = j.stats, damaged = j.damaged,
        case_version = j.case_version, rules_sig = j.rules_sig, computed_at = now()
      FROM (SELECT x.office_id, x.kejari_id, x.disclosed_at IS NOT NULL AS disclosed,
                   o.ancestors AS scope
              FROM app.cases x JOIN app.offices o ON o.id = x.office_id
             WHERE x.id = c) AS k
     WHERE s.case_id = c;
    IF FOUND THEN
        RETURN;
    END IF;
    INSERT INTO app.case_summaries AS s (case_id, office_id, kejari_id, disclosed, scope1,
        scope2, scope3, stage, stage_since, clock_due_at, clock_attention_at, clock_code,
        clock_actor, clock_party, last_act_on, last_act_type, stall_at, stall_actor,
        next_due_at, p19_rounds, pingpong, directions_open, directions_due_at, pu_due_at,
        pu_attention_at, last_arrival_on, last_arrival_event, detail, stats, damaged,
        case_version, rules_sig, computed_at)
    SELECT x.id, x.office_id, x.kejari_id, x.disclosed_at IS NOT NULL, o.ancestors[1],
           o.ancestors[2], o.ancestors[3], j.stage, j.stage_since, to_timestamp(j.clock_due_at),
           to_timestamp(j.clock_attention_at), j.clock_code, j.clock_actor, j.clock_party,
           j.last_act_on, j.last_act_type, to_timestamp(j.stall_at), j.stall_actor,
           to_timestamp(j.next_due_at), j.p19_rounds, j.pingpong, j.directions_open,
           to_timestamp(j.directions_due_at), to_timestamp(j.pu_due_at),
           to_timestamp(j.pu_attention_at), j.last_arrival_on, j.last_arrival_event, j.detail,
           j.stats, j.damaged, j.case_version, j.rules_sig, now()
      FROM app.cases x JOIN app.offices o ON o.id = x.office_id
     WHERE x.id = c
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
ALTER FUNCTION app.record_case_summary(bigint, jsonb, text, int, int, bigint)
    OWNER TO berkas_record;
REVOKE ALL ON FUNCTION app.record_case_summary(bigint, jsonb, text, int, int, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.record_case_summary(bigint, jsonb, text, int, int, bigint)
    TO berkas_app;
