-- 0031_case_head.sql - the write path's read of its case in one statement, the
-- fence asked once (issue 12, as 0026 and 0027 did for the writes).
--
-- app.case_head(case_id): what a write reads before it decides - the case row
-- locked FOR UPDATE with its office's zone, the database's clock, its snapshot
-- and count of events; its suspects (id order, each a foreign national or not,
-- needing an interpreter or not); the offences charged (in the order charged);
-- the rule sets' version (0024); and the id the act's row will take from the
-- log's sequence - one row, each list an array of one text per item.  Before,
-- these were five statements (events.reserve, casefile.head_locked,
-- casefile.suspects, casefile.charged, rulesets.version) in one round trip,
-- each as berkas_app: the case row through app.cases' three read policies and
-- the two write policies FOR UPDATE takes, with their InitPlans, and the
-- suspects and the offences through their tables' read policies (an EXISTS
-- over app.cases with app.cases' policies again, set up even at no rows).
-- Measured with callgrind on one backend, the statements of bench/events' act
-- as berkasd sends them (the session's check to the COMMIT, prepared, 200
-- acts): 4.43 M instructions per act before, 3.89 M with this function (4.10 M
-- with the lists as arrays of each column, whose eight ordered aggregates cost
-- more than the two ordered subqueries).
--
-- The rule is the read policies' (0002: app.cases; 0003: a case's children),
-- as app.case_fence states it (0025): a case the acting user may not read
-- (another office, an office not under theirs, a Kejari it was not disclosed
-- to, an admin, a disabled user, nobody) has no row here, exactly as the
-- policies hid it: 404, whether it exists or not.  The function runs as
-- berkas_record (0026), the role that owns nothing, logs on nowhere and cannot
-- bypass row-level security; its own policies let it read the rows the fence
-- has already decided over, and it is granted the columns it reads, no more.
-- The id is taken only for a case the user may read; taken and not used (a
-- refusal, a rollback) it is a gap in the ids, as before.

GRANT SELECT (number, opened_on, stage, version, last_hash) ON app.cases TO berkas_record;
GRANT SELECT (tz) ON app.offices TO berkas_record;
GRANT SELECT (id, case_id, kind, nationality, language) ON app.parties TO berkas_record;
GRANT SELECT (id, case_id, offence_id, party_id) ON app.case_offences TO berkas_record;
GRANT SELECT (id, code, max_prison_months, detainable, short_procedure)
    ON app.offence_catalogue TO berkas_record;
GRANT SELECT ON app.rules_version TO berkas_record;
CREATE POLICY parties_record ON app.parties FOR SELECT TO berkas_record USING (true);
CREATE POLICY case_offences_record ON app.case_offences FOR SELECT TO berkas_record USING (true);

-- The case c as a write reads it, when the acting user may read it; else no row.
-- A suspect "does not speak Indonesian" by the language recorded for him
-- (KUHAP 53, 177), as store/casefile.c's readers state it.
CREATE FUNCTION app.case_head(c bigint,
                              OUT id bigint, OUT office_id bigint, OUT kejari_id bigint,
                              OUT number text, OUT opened_on text, OUT tz text, OUT stage text,
                              OUT version int, OUT disclosed boolean, OUT last_hash text,
                              OUT now_s bigint, OUT snapshot text, OUT events int,
                              OUT suspects text[], OUT charged text[],
                              OUT rules bigint, OUT next_event bigint)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF coalesce(app.case_fence(c), '') = '' THEN
        RETURN;
    END IF;
    RETURN QUERY
    SELECT x.id, x.office_id, coalesce(x.kejari_id, 0), x.number,
           coalesce(x.opened_on::text, ''), o.tz, x.stage, x.version,
           x.disclosed_at IS NOT NULL, encode(x.last_hash, 'hex'),
           extract(epoch FROM pg_catalog.now())::bigint, n.state::text, x.events,
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
ALTER FUNCTION app.case_head(bigint) OWNER TO berkas_record;
REVOKE ALL ON FUNCTION app.case_head(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.case_head(bigint) TO berkas_app;

-- ---- the snapshot and the summary's JSON compressed with lz4 ---------------------------
-- Every act rewrites its case's snapshot and its summary's detail.  A case with a suspect
-- and a few acts has a snapshot of some 3 KB of JSON text, over TOAST's 2 KB as jsonb, so
-- it is compressed in its row at every act; with pglz, the default, that was the largest
-- cost of the act's summary statement: measured with callgrind on one backend, an UPDATE
-- of such a snapshot 1.40 M instructions with pglz, 0.65 M with lz4, 0.53 M uncompressed
-- (bench/events' young cases, with no suspect, stay under 2 KB and are not compressed).  lz4 applies to values written from now on
-- (the old ones stay readable as they are); a PostgreSQL built without lz4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE app.case_snapshots ALTER COLUMN state SET COMPRESSION lz4;
    ALTER TABLE app.case_summaries ALTER COLUMN detail SET COMPRESSION lz4,
                                   ALTER COLUMN stats SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 not supported by this PostgreSQL: the snapshots stay compressed with pglz';
END
$$;
