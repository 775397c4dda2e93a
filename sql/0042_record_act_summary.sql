-- 0042_record_act_summary.sql - an act, its case row's move, its snapshot and its summary
-- written by ONE call (issue 12: the cost of an act).
--
-- An act was written by two calls sent in one pipeline: app.record_act (0027: the event row,
-- chained by app.events_chain, and the case row's move) and app.record_case_summary (0040: the
-- snapshot and the lists' summary row).  Each is a SECURITY DEFINER PL/pgSQL function with its
-- own settings (search_path, plan_cache_mode), its own call of app.case_fence, its own
-- statement at the top (Bind, portal, executor start), and the summary's row was read by a
-- statement of its own (jsonb_to_record) before the UPDATE that wrote it.  callgrind on one
-- backend (bench/callgrind-act) put the functions' entry and exit, the executor's start-up of
-- each statement and the catalog lookups it does at about half of PostgreSQL's 2.35 M
-- instructions per act.
--
-- app.record_act_summary(...) writes both, once the fence is asked: its first sixteen
-- arguments are app.record_act's (event_id: the row's id from app.case_head's nextval), the
-- last five app.record_case_summary's (the summary's row as jsonb, the snapshot's text and its
-- key; the snapshot's last event is the act's own id).  Either half may be left out:
--   type null    - no act: the summary and snapshot of case c, written for who may read c
--                  (app.record_case_summary's rule and effect, which now calls this);
--   summary null - the act alone (app.record_act's rule and effect, which now calls this).
-- So each rule is stated once: which acts a supervisor or prosecutor may record (0025, 0027),
-- that a summary goes in only for who may read the case, and that its office, Kejari,
-- disclosure and scopes are the case row's, never the input's (0026, 0040).  The case row's
-- office, Kejari and disclosure after the act come from the act's own UPDATE (RETURNING),
-- the summary's fields are read from the jsonb in the UPDATE that writes them.
-- Owner berkas_record (owns nothing, logs on nowhere, cannot bypass row-level security),
-- SECURITY DEFINER, pinned search_path and generic plans as the other writers (the rls suite
-- asserts all of it); EXECUTE for berkas_app only.

CREATE FUNCTION app.record_act_summary(case_id bigint, seq int, type text, legal_date date,
                                       legal_at timestamptz, doc_number text, party_id bigint,
                                       corrects bigint, regime text, stage_before text,
                                       stage_after text, payload jsonb, entered_by bigint,
                                       late boolean, discloses boolean, event_id bigint,
                                       summary jsonb, snapshot text, snapshot_format int,
                                       snapshot_events int, snapshot_last_event bigint,
                                       OUT id bigint, OUT hash text, OUT version int)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_variable
DECLARE
    -- the fence first: as berkas_fence it reads the acting user's row once for the
    -- transaction (0017), which app.acting() and the case row's guard then find kept
    fence text := coalesce(app.case_fence(case_id), '');
    role text;
    h bytea;
    office bigint;
    kejari bigint;
    is_disclosed boolean;
BEGIN
    IF type IS NULL THEN
        -- no act: the summary of a case the acting user may read (0026, 0040)
        IF fence = '' OR summary IS NULL THEN
            RAISE EXCEPTION 'the summary of a case the acting user may not read'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT x.office_id, x.kejari_id, x.disclosed_at IS NOT NULL
          INTO office, kejari, is_disclosed
          FROM app.cases x WHERE x.id = case_id;
    ELSE
        role := split_part(app.acting(), '|', 3);
        IF NOT (fence = 'w'
                OR (fence <> '' AND role = 'supervisor'
                    AND type IN ('review_note', 'direction_given', 'direction_done', 'reassigned',
                                 'corrected'))
                OR (fence <> '' AND role = 'prosecutor'
                    AND type IN ('tahap1_received_by_pu', 'spdp_received_by_pu', 'p16_received',
                                 'p17_received', 'p18_received', 'p19_received',
                                 'return_letter_received', 'p20_received', 'p21_received',
                                 'p21a_received', 'p22_received', 'p23_received', 'lapsed',
                                 'corrected'))) THEN
            RAISE EXCEPTION 'an act the acting user may not record on this case'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        INSERT INTO app.events AS e (id, case_id, seq, type, legal_date, legal_at, doc_number,
                                     party_id, corrects, regime, stage_before, stage_after,
                                     payload, entered_at, entered_by, late, prev_hash, hash)
        VALUES (coalesce(event_id, nextval('app.events_id_seq'::regclass)), case_id, seq, type,
                legal_date, legal_at, doc_number, party_id, corrects, regime, stage_before,
                stage_after, payload, now(), entered_by, late, '\x00', '\x00')
        RETURNING e.id, e.hash INTO id, h;
        UPDATE app.cases c SET stage = stage_after, version = c.version + 1, events = seq,
               last_hash = h,
               stage_since = CASE WHEN c.stage = stage_after THEN c.stage_since ELSE now() END,
               disclosed_at = CASE WHEN discloses AND c.kejari_id IS NOT NULL
                                   THEN coalesce(c.disclosed_at, now()) ELSE c.disclosed_at END
         WHERE c.id = case_id
        RETURNING c.version, c.office_id, c.kejari_id, c.disclosed_at IS NOT NULL
             INTO version, office, kejari, is_disclosed;
        IF NOT FOUND THEN -- as app.case_unmoved (0026): a concurrent change, to try again
            RAISE EXCEPTION 'the case row of act % was not moved: a concurrent change', id
                USING ERRCODE = 'serialization_failure';
        END IF;
        hash := encode(h, 'hex');
        IF summary IS NULL THEN
            RETURN;
        END IF;
        snapshot_last_event := id;
    END IF;
    IF jsonb_typeof(summary) IS DISTINCT FROM 'object' OR snapshot IS NULL THEN
        RAISE EXCEPTION 'the summary of a case the acting user may not read'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF office IS NULL THEN
        RETURN; -- as the join of 0026: no summary of a case not there
    END IF;
    UPDATE app.case_snapshots AS n
       SET format = snapshot_format, events = snapshot_events, last_event = snapshot_last_event,
           case_version = (summary->>'case_version')::int, state = snapshot, written_at = now()
     WHERE n.case_id = case_id;
    IF NOT FOUND THEN
        INSERT INTO app.case_snapshots AS n (case_id, format, events, last_event, case_version,
                                              state, written_at)
        VALUES (case_id, snapshot_format, snapshot_events, snapshot_last_event,
                (summary->>'case_version')::int, snapshot, now())
        ON CONFLICT ON CONSTRAINT case_snapshots_pkey DO UPDATE SET
            format = EXCLUDED.format, events = EXCLUDED.events, last_event = EXCLUDED.last_event,
            case_version = EXCLUDED.case_version, state = EXCLUDED.state,
            written_at = EXCLUDED.written_at;
    END IF;
    UPDATE app.case_summaries AS s SET
        office_id = office, kejari_id = kejari, disclosed = is_disclosed,
        scope1 = o.ancestors[1], scope2 = o.ancestors[2], scope3 = o.ancestors[3],
        stage = j.stage, stage_since = j.stage_since,
        clock_due_at = to_timestamp(j.clock_due_at),
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
      FROM jsonb_to_record(summary) AS j(
               stage text, stage_since date, clock_due_at bigint, clock_attention_at bigint,
               clock_code text, clock_actor text, clock_party bigint, last_act_on date,
               last_act_type text, stall_at bigint, stall_actor text, next_due_at bigint,
               p19_rounds int, pingpong boolean, directions_open int, directions_due_at bigint,
               pu_due_at bigint, pu_attention_at bigint, last_arrival_on date,
               last_arrival_event bigint, detail jsonb, stats jsonb, damaged text,
               case_version int, rules_sig bigint),
           app.offices o
     WHERE s.case_id = case_id AND o.id = office;
    IF FOUND THEN
        RETURN;
    END IF;
    INSERT INTO app.case_summaries AS s (case_id, office_id, kejari_id, disclosed, scope1,
        scope2, scope3, stage, stage_since, clock_due_at, clock_attention_at, clock_code,
        clock_actor, clock_party, last_act_on, last_act_type, stall_at, stall_actor,
        next_due_at, p19_rounds, pingpong, directions_open, directions_due_at, pu_due_at,
        pu_attention_at, last_arrival_on, last_arrival_event, detail, stats, damaged,
        case_version, rules_sig, computed_at)
    SELECT case_id, office, kejari, is_disclosed, o.ancestors[1], o.ancestors[2],
           o.ancestors[3], j.stage, j.stage_since, to_timestamp(j.clock_due_at),
           to_timestamp(j.clock_attention_at), j.clock_code, j.clock_actor, j.clock_party,
           j.last_act_on, j.last_act_type, to_timestamp(j.stall_at), j.stall_actor,
           to_timestamp(j.next_due_at), j.p19_rounds, j.pingpong, j.directions_open,
           to_timestamp(j.directions_due_at), to_timestamp(j.pu_due_at),
           to_timestamp(j.pu_attention_at), j.last_arrival_on, j.last_arrival_event, j.detail,
           j.stats, j.damaged, j.case_version, j.rules_sig, now()
      FROM jsonb_to_record(summary) AS j(
               stage text, stage_since date, clock_due_at bigint, clock_attention_at bigint,
               clock_code text, clock_actor text, clock_party bigint, last_act_on date,
               last_act_type text, stall_at bigint, stall_actor text, next_due_at bigint,
               p19_rounds int, pingpong boolean, directions_open int, directions_due_at bigint,
               pu_due_at bigint, pu_attention_at bigint, last_arrival_on date,
               last_arrival_event bigint, detail jsonb, stats jsonb, damaged text,
               case_version int, rules_sig bigint),
           app.offices o
     WHERE o.id = office
    ON CONFLICT ON CONSTRAINT case_summaries_pkey DO UPDATE SET
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
ALTER FUNCTION app.record_act_summary(bigint, int, text, date, timestamptz, text, bigint, bigint,
                                      text, text, text, jsonb, bigint, boolean, boolean, bigint,
                                      jsonb, text, int, int, bigint)
    OWNER TO berkas_record;
REVOKE ALL ON FUNCTION app.record_act_summary(bigint, int, text, date, timestamptz, text, bigint,
                                              bigint, text, text, text, jsonb, bigint, boolean,
                                              boolean, bigint, jsonb, text, int, int, bigint)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.record_act_summary(bigint, int, text, date, timestamptz, text,
                                                 bigint, bigint, text, text, text, jsonb, bigint,
                                                 boolean, boolean, bigint, jsonb, text, int, int,
                                                 bigint) TO berkas_app;

-- The two writers of before, each now the half of the one above (same arguments, answers,
-- owner, settings and grants): an act without its summary, a summary without an act.
CREATE OR REPLACE FUNCTION app.record_act(case_id bigint, seq int, type text, legal_date date,
                                          legal_at timestamptz, doc_number text, party_id bigint,
                                          corrects bigint, regime text, stage_before text,
                                          stage_after text, payload jsonb, entered_by bigint,
                                          late boolean, discloses boolean, event_id bigint,
                                          OUT id bigint, OUT hash text, OUT version int)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    -- an act needs its type: without one the call would write a summary (0042)
    IF record_act.type IS NULL THEN
        RAISE EXCEPTION 'an act the acting user may not record on this case'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT r.id, r.hash, r.version INTO record_act.id, record_act.hash, record_act.version
      FROM app.record_act_summary(record_act.case_id, record_act.seq, record_act.type,
                                  record_act.legal_date, record_act.legal_at,
                                  record_act.doc_number, record_act.party_id,
                                  record_act.corrects, record_act.regime,
                                  record_act.stage_before, record_act.stage_after,
                                  record_act.payload, record_act.entered_by, record_act.late,
                                  record_act.discloses, record_act.event_id, NULL, NULL, NULL,
                                  NULL, NULL) AS r;
END
$$;

CREATE OR REPLACE FUNCTION app.record_case_summary(c bigint, summary jsonb, snapshot text,
                                                   snapshot_format int, snapshot_events int,
                                                   snapshot_last_event bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    PERFORM app.record_act_summary(c, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                                   NULL, NULL, NULL, NULL, NULL, NULL, summary, snapshot,
                                   snapshot_format, snapshot_events, snapshot_last_event);
END
$$;
