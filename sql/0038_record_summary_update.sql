-- 0038_record_summary_update.sql - an act's summary and snapshot rewritten in place
-- (issue 12: the cost of an act).
--
-- app.record_summary (0026, plans generic since 0035) wrote each row as one statement:
-- jsonb_to_recordset joined to app.cases and app.offices, feeding INSERT ... ON CONFLICT
-- DO UPDATE into both tables.  Every act but a case's first finds both rows there, so each
-- insert probed the key, locked the row it found (a WAL record of its own), built the new
-- row once for the INSERT and again from EXCLUDED for the UPDATE; and the generic plan,
-- which cannot know the array holds one row, joined it to the case and its office by hash
-- (two hash joins set up per act).  Measured with callgrind on one backend
-- (bench/callgrind-act: bench/events' act, the statements as berkasd sends them, 200 acts),
-- PostgreSQL's instructions per act fall from 3.15 M to 3.01 M (the hash joins' set-up from
-- 0.17 M to 0.05 M, the ModifyTable nodes' from 0.28 M to 0.20 M).
--
-- Now each row is written by an UPDATE of its case's row, by key, the case's office read by
-- key beside it; only a row not yet there is inserted, still with ON CONFLICT DO UPDATE
-- (another writer's row in between is updated, as before).  Same rule as 0026: a row of a
-- case the acting user may not read (app.case_fence = '') raises 42501 and, the statement
-- failing, nothing is written - the check is made per row before its writes instead of over
-- the array first, which the statement's atomicity makes the same.  The same columns from
-- the same input, the office, Kejari, disclosure and scopes from the case and never from the
-- input, a row of a case that does not exist skipped, the snapshot written only when it is
-- an object.  Owner, SECURITY DEFINER, grants, the pinned search_path and the generic plans
-- stay as they were (the rls suite asserts them).
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
                   case_version = j.case_version, state = j.snapshot, written_at = now()
             WHERE n.case_id = j.case_id;
            IF NOT FOUND THEN
                INSERT INTO app.case_snapshots AS n (case_id, format, events, last_event,
                                                      case_version, state, written_at)
                VALUES (j.case_id, (j.snapshot->>'format')::int, (j.snapshot->>'events')::int,
                        (j.snapshot->>'last_event')::bigint, j.case_version, j.snapshot, now())
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
