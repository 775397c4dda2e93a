-- 0041_case_reporter.sql - whether a file has a reporter or victim, for the SPDP owed to one.
--
-- MK 130/PUU-XIII/2015 reads KUHAP 109(1) as owing the SPDP to the prosecutor, the reported
-- person and the victim/reporter (pelapor/korban) within 7 days of the Sprindik.  Most
-- immigration files have neither: they start from the office's own supervision, operations,
-- intelligence or border checks (DOMAIN 3), and the Laporan Kejadian is the officer's own - there
-- is no one outside the investigation to tell.  So the notice to the reporter is owed only when
-- the file has one: a party of kind reporter (pelapor) or victim (korban), new kinds here, or a
-- file that came from a public report (source public_report, pengaduan masyarakat, whose
-- complainant is the reporter).  berkasd reads it with the case (core/clock.h: no_reporter).
--
-- app.case_head (0031, 0040) gives it after the database's clock (its OUT columns change, so it
-- is dropped and made again: body, owner, SECURITY DEFINER, search_path, generic plans and grants
-- as 0040 left them).

ALTER TABLE app.parties
    DROP CONSTRAINT parties_kind_check,
    ADD CONSTRAINT parties_kind_check
        CHECK (kind IN ('suspect', 'witness', 'expert', 'reporter', 'victim')) NOT VALID;
ALTER TABLE app.parties VALIDATE CONSTRAINT parties_kind_check;

GRANT SELECT (source) ON app.cases TO berkas_record;

DROP FUNCTION app.case_head(bigint);
CREATE FUNCTION app.case_head(c bigint,
                              OUT id bigint, OUT office_id bigint, OUT kejari_id bigint,
                              OUT number text, OUT opened_on text, OUT tz text, OUT stage text,
                              OUT version int, OUT disclosed boolean, OUT last_hash text,
                              OUT now_s bigint, OUT reporter boolean, OUT snapshot text,
                              OUT events int, OUT suspects text[], OUT charged text[],
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
           extract(epoch FROM pg_catalog.now())::bigint,
           -- a reporter or victim: a party of that kind, or a file from a public report
           x.source = 'public_report'
               OR EXISTS (SELECT 1 FROM app.parties r
                           WHERE r.case_id = x.id AND r.kind IN ('reporter', 'victim')),
           n.state, x.events,
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
