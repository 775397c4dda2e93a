-- 0007_scope.sql: the chain check answers for the caller's own subtree.
--
-- An administrator sees the links (case id, number, first broken event) of
-- the cases investigated in, or sent to, the offices under their own; the
-- national picture is for an administrator at the root of a tree.

DROP FUNCTION app.verify_chain();
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
GRANT SELECT ON app.offices TO berkas_verifier;
ALTER FUNCTION app.verify_chain(bigint) OWNER TO berkas_verifier;
REVOKE ALL ON FUNCTION app.verify_chain(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.verify_chain(bigint) TO berkas_app;
