-- 0027_record_act.sql - an act's row and its case row's move written past the
-- per-row policies of app.events and app.cases, the fence asked once
-- (issue 12.2, as 0026 did for the summary).
--
-- app.record_act(...): the statement of store/events.c (the event row, its
-- hash chained by app.events_chain as before, and the case row's move: stage,
-- version, events, last_hash, stage_since, disclosed_at) run by a function
-- that asks app.case_fence once and then writes as berkas_record, the role of
-- 0026 that owns nothing, logs on nowhere and cannot bypass row-level
-- security; its own policies on the two tables let it through, and it is
-- granted the columns it writes and reads, no more.  Written as berkas_app,
-- the INSERT ran events' three write policies and its read policy (for
-- RETURNING: an EXISTS over app.cases with app.cases' three read policies),
-- the chain trigger's read of the case row through those policies again, and
-- the UPDATE app.cases' three update and three read policies, each with its
-- InitPlans: about 0.4 ms of PostgreSQL's CPU per act (the two writes 1.15 to
-- 1.23 ms as berkas_app, 0.70 to 0.84 ms as the superuser).
--
-- The rule is the one the write policies state (0003, 0008, 0009, 0025):
--   the investigators of the case's office (app.case_fence = 'w') record any
--   act and move the case row;
--   a supervisor above the case's office records only supervision acts,
--   a prosecutor of the Kejari the case was disclosed to only P-forms (the
--   lists of events_supervisor and events_prosecutor, as 0025 left them),
--   on a case they may read (app.case_fence <> '');
--   anyone else (another office, an admin, a disabled user, nobody) gets
--   42501 (403) and nothing is written.
-- app.cases_guard_update still fires on the case row (a supervisor does not
-- move a case, neither edits the case file), and app.case_unmoved (0026)
-- still answers a case row not moved.  The policies on the tables stay for
-- every other writer: a statement of berkas_app's own still meets them.
-- A case row not moved raises serialization_failure (40001) as app.case_unmoved
-- does (0026), whose EXECUTE is berkas_app's alone.

GRANT INSERT (id, case_id, seq, type, legal_date, legal_at, doc_number, party_id, corrects,
              regime, stage_before, stage_after, payload, entered_at, entered_by, late,
              prev_hash, hash) ON app.events TO berkas_record;
GRANT SELECT (id, hash) ON app.events TO berkas_record;
GRANT USAGE ON SEQUENCE app.events_id_seq TO berkas_record;
GRANT SELECT (stage, version, stage_since, events, last_hash) ON app.cases TO berkas_record;
GRANT UPDATE (stage, version, stage_since, events, last_hash, disclosed_at) ON app.cases
    TO berkas_record;
CREATE POLICY events_record ON app.events FOR INSERT TO berkas_record WITH CHECK (true);
CREATE POLICY events_record_read ON app.events FOR SELECT TO berkas_record USING (true);
CREATE POLICY cases_record_update ON app.cases FOR UPDATE TO berkas_record
    USING (true) WITH CHECK (true);

-- The act (the columns of store/events.c's statement; event_id null: the
-- sequence's next) on a case the acting user may record it on, else nothing:
-- the event's id, its hash in hex and the case's new version.
CREATE FUNCTION app.record_act(case_id bigint, seq int, type text, legal_date date,
                               legal_at timestamptz, doc_number text, party_id bigint,
                               corrects bigint, regime text, stage_before text,
                               stage_after text, payload jsonb, entered_by bigint,
                               late boolean, discloses boolean, event_id bigint,
                               OUT id bigint, OUT hash text, OUT version int)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_variable
DECLARE
    -- the fence first: as berkas_fence it reads the acting user's row once for the
    -- transaction (0017), which app.acting() and the case row's guard then find kept
    fence text := coalesce(app.case_fence(case_id), '');
    role text := split_part(app.acting(), '|', 3);
    h bytea;
BEGIN
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
                                 party_id, corrects, regime, stage_before, stage_after, payload,
                                 entered_at, entered_by, late, prev_hash, hash)
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
    RETURNING c.version INTO version;
    IF NOT FOUND THEN -- as app.case_unmoved (0026): a concurrent change, to try again
        RAISE EXCEPTION 'the case row of act % was not moved: a concurrent change', id
            USING ERRCODE = 'serialization_failure';
    END IF;
    hash := encode(h, 'hex');
END
$$;
ALTER FUNCTION app.record_act(bigint, int, text, date, timestamptz, text, bigint, bigint, text,
                              text, text, jsonb, bigint, boolean, boolean, bigint)
    OWNER TO berkas_record;
REVOKE ALL ON FUNCTION app.record_act(bigint, int, text, date, timestamptz, text, bigint, bigint,
                                      text, text, text, jsonb, bigint, boolean, boolean, bigint)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.record_act(bigint, int, text, date, timestamptz, text, bigint,
                                         bigint, text, text, text, jsonb, bigint, boolean,
                                         boolean, bigint) TO berkas_app;

-- ---- the case row's guard, its role as app.acting() states it --------------------------
-- As 0007's, but the role read through app.acting() (0017) in the trigger's own
-- expression instead of a call of app.acting_role(): that PL/pgSQL function is
-- also called by app.cases' policies, under berkas_app's search_path, and its
-- one cached expression was planned again at each switch between the two
-- search paths (twice per act, about 0.4 ms of instructions: valgrind).  The
-- answer is the same expression (0024's app.acting_role()).
CREATE OR REPLACE FUNCTION app.cases_guard_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    role text := nullif(split_part(app.acting(), '|', 3), '');
BEGIN
    IF role IN ('supervisor', 'prosecutor')
       AND (NEW.summary, NEW.source, NEW.source_note, NEW.kejari_id, NEW.disclosed_at, NEW.search)
           IS DISTINCT FROM
           (OLD.summary, OLD.source, OLD.source_note, OLD.kejari_id, OLD.disclosed_at, OLD.search)
    THEN
        RAISE EXCEPTION 'a % does not edit the case file', role
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF role = 'supervisor' AND NEW.stage IS DISTINCT FROM OLD.stage THEN
        RAISE EXCEPTION 'a supervisor does not move a case' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
