-- 0004_chain.sql: the hash chain of each case's event log, computed by the
-- database itself so that there is one definition of it.
--
-- hash = SHA-256(prev_hash || canonical text of the row), where prev_hash
-- is the hash of the case's previous event (32 zero bytes for the first)
-- and the canonical text names every column that states the act, each
-- length-prefixed so that no two rows can share a text.  A BEFORE INSERT
-- trigger fills prev_hash and hash; app.verify_chain(root) recomputes the
-- chain of every case under an office and names the first broken link.

CREATE FUNCTION app.event_canonical(e app.events) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    parts text[] := ARRAY[
        'berkas-event-v1',
        e.case_id::text,
        e.seq::text,
        e.type,
        e.legal_date::text,
        coalesce(to_char(e.legal_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), ''),
        e.doc_number,
        coalesce(e.party_id::text, ''),
        coalesce(e.corrects::text, ''),
        e.regime,
        e.stage_before,
        e.stage_after,
        e.payload::text,
        to_char(e.entered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        e.entered_by::text,
        e.late::text];
    out text := '';
    i int;
BEGIN
    FOR i IN 1 .. array_length(parts, 1) LOOP
        IF i > 1 THEN
            out := out || E'\n';
        END IF;
        out := out || length(parts[i])::text || ':' || parts[i];
    END LOOP;
    RETURN out;
END
$$;

CREATE FUNCTION app.events_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    prev bytea;
    last int;
BEGIN
    SELECT last_hash, events INTO prev, last FROM app.cases WHERE id = NEW.case_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no case %', NEW.case_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF NEW.seq <> last + 1 THEN
        RAISE EXCEPTION 'event % of case % out of order (expected %)', NEW.seq, NEW.case_id,
            last + 1 USING ERRCODE = 'serialization_failure';
    END IF;
    NEW.prev_hash := prev;
    NEW.hash := sha256(prev || convert_to(app.event_canonical(NEW), 'UTF8'));
    RETURN NEW;
END
$$;
CREATE TRIGGER events_chain BEFORE INSERT ON app.events
    FOR EACH ROW EXECUTE FUNCTION app.events_chain();

-- The verifier sees every case's log (and nothing else) whoever asks; it
-- reports links, never contents.  It runs as a role that owns nothing and
-- may only read the two tables, through a policy of its own.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'berkas_verifier') THEN
        CREATE ROLE berkas_verifier NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
    IF NOT pg_has_role(current_user, 'berkas_verifier', 'MEMBER') THEN
        EXECUTE format('GRANT berkas_verifier TO %I', current_user);
    END IF;
END
$$;
GRANT USAGE ON SCHEMA app TO berkas_verifier;
GRANT SELECT ON app.cases, app.events, app.offices TO berkas_verifier;
CREATE POLICY cases_verifier ON app.cases FOR SELECT TO berkas_verifier USING (true);
CREATE POLICY events_verifier ON app.events FOR SELECT TO berkas_verifier USING (true);

CREATE FUNCTION app.verify_chain(root bigint)
RETURNS TABLE (case_id bigint, number text, events int, broken_seq int, reason text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = app, pg_temp AS $$
DECLARE
    c record;
    e app.events;
    prev bytea;
    expect int;
BEGIN
    FOR c IN SELECT x.id, x.number, x.events, x.last_hash FROM app.cases x
             WHERE EXISTS (SELECT 1 FROM app.offices o
                           WHERE (o.id = x.office_id OR o.id = x.kejari_id)
                             AND root = ANY (o.ancestors))
             ORDER BY x.id LOOP
        prev := decode(repeat('00', 32), 'hex');
        expect := 1;
        broken_seq := NULL;
        reason := NULL;
        FOR e IN SELECT * FROM app.events y WHERE y.case_id = c.id ORDER BY y.seq LOOP
            IF e.seq <> expect THEN
                broken_seq := expect; reason := 'missing event';
            ELSIF e.prev_hash <> prev THEN
                broken_seq := e.seq; reason := 'prev_hash does not match the previous event';
            ELSIF e.hash <> sha256(prev || convert_to(app.event_canonical(e), 'UTF8')) THEN
                broken_seq := e.seq; reason := 'the row was changed after it was recorded';
            END IF;
            EXIT WHEN broken_seq IS NOT NULL;
            prev := e.hash;
            expect := expect + 1;
        END LOOP;
        IF broken_seq IS NULL AND (expect - 1 <> c.events OR prev <> c.last_hash) THEN
            broken_seq := expect; reason := 'the case head does not match its last event';
        END IF;
        case_id := c.id;
        number := c.number;
        events := expect - 1;
        RETURN NEXT;
    END LOOP;
END
$$;
ALTER FUNCTION app.verify_chain(bigint) OWNER TO berkas_verifier;
REVOKE ALL ON FUNCTION app.verify_chain(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.verify_chain(bigint) TO berkas_app;
GRANT UPDATE (status, body) ON app.idempotency TO berkas_app;

-- Gapless numbers per office, series and year (case numbers now, document
-- numbers with the forms): a counter row updated in the transaction that
-- uses the number, so a rollback gives it back.
CREATE TABLE app.counters (
    office_id bigint NOT NULL REFERENCES app.offices (id),
    series    text NOT NULL,
    year      int NOT NULL,
    next      int NOT NULL DEFAULT 1,
    PRIMARY KEY (office_id, series, year)
);
GRANT SELECT, INSERT, UPDATE ON app.counters TO berkas_app;

