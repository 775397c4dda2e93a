-- bench/lists.sql - a national caseload for bench/lists, made from berkasd's own demo cases.
--
--   psql -v cases=1000000 -v kanwils=30 -v kanims=4 -v seed=0.42 -f bench/lists.sql
--
-- Run as the cluster's superuser on a database berkasd --demo has just loaded.  It adds
-- :kanwils Kanwil under DITJEN with :kanims Kanim each, then :cases case files, each a copy
-- of one of the demo's (one at every stage, recorded act by act through the use cases, so
-- the core accepts every log) in a random Kanim of the country, its dates moved back by a
-- random number of days (most few, some up to the start of the rule set in force), and, for
-- files past their Sprindik, 0 to 6 more witness BAPs: about 10 events a file.  The copies
-- go in with INSERT ... SELECT over generate_series, into the same tables and columns the
-- write path fills; only the hash chain is left out (its trigger is disabled for the load:
-- a chain is one SHA-256 per event in order, and no list reads it), so `berkas verify-chain`
-- reports these files as broken.  The summaries are not made here: berkasd
-- --rebuild-summaries computes them from the logs with the core, as after an upgrade.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
SET work_mem = '256MB';
SELECT setseed(:seed);

BEGIN;
-- ---- offices -------------------------------------------------------------------------------
INSERT INTO app.offices (parent_id, kind, code, name, tz)
SELECT d.id, 'kanwil', format('KANWIL-B%s', lpad(k::text, 2, '0')),
       format('Kantor Wilayah Uji Beban %s', k), 'Asia/Jakarta'
FROM generate_series(1, :kanwils) k CROSS JOIN (SELECT id FROM app.offices WHERE code = 'DITJEN') d
ON CONFLICT (code) DO NOTHING;
INSERT INTO app.offices (parent_id, kind, code, name, tz, class)
SELECT w.id, 'kanim', format('KANIM-B%s-%s', right(w.code, 2), j),
       format('Kantor Imigrasi Uji Beban %s-%s', right(w.code, 2), j), 'Asia/Jakarta', 'Kelas II TPI'
FROM app.offices w CROSS JOIN generate_series(1, :kanims) j
WHERE w.code LIKE 'KANWIL-B%'
ON CONFLICT (code) DO NOTHING;

-- ---- the templates: the demo's cases, weighted by how common their stage is ---------------
CREATE TEMP TABLE tmpl AS
SELECT c.id, c.stage, c.events,
       (SELECT e.seq FROM app.events e WHERE e.case_id = c.id AND e.type = 'sprindik_issued'
        ORDER BY e.seq LIMIT 1) AS sprindik_seq,
       CASE c.stage WHEN 'pre_investigation' THEN 8 WHEN 'investigation' THEN 30
                    WHEN 'with_prosecutor' THEN 8 WHEN 'returned' THEN 6 WHEN 'complete' THEN 5
                    WHEN 'handed_over' THEN 20 WHEN 'lapsed' THEN 2 WHEN 'terminated' THEN 12
                    WHEN 'administrative' THEN 6 ELSE 3 END AS weight
FROM app.cases c;
CREATE TEMP TABLE tmplw AS
SELECT t.*, coalesce(sum(weight) OVER w - weight, 0)::float8 / (SELECT sum(weight) FROM tmpl) AS lo,
       (sum(weight) OVER w)::float8 / (SELECT sum(weight) FROM tmpl) AS hi
FROM tmpl t WINDOW w AS (ORDER BY id);

-- how far back a copy may move: its acts stay within the rule set the demo was recorded under
SELECT (SELECT min(legal_date) FROM app.events)
       - (SELECT effective_from FROM app.rulesets WHERE name =
            (SELECT regime FROM app.events ORDER BY legal_date LIMIT 1)) - 1 AS maxshift \gset
SELECT max(events) + 7 AS emax, (SELECT max(id) FROM app.events) AS ebase,
       (SELECT max(id) FROM app.cases) AS cbase,
       coalesce((SELECT max(id) FROM app.parties), 0) AS pbase,
       greatest((SELECT max(n) FROM (SELECT count(*) AS n FROM app.parties GROUP BY case_id) x), 1)
           AS pmax,
       coalesce((SELECT max(id) FROM app.instructions), 0) AS ibase,
       greatest((SELECT max(n) FROM (SELECT count(*) AS n FROM app.instructions
                                      GROUP BY case_id) x), 1) AS imax,
       coalesce((SELECT max(id) FROM app.case_offences), 0) AS obase
FROM app.cases \gset

CREATE TEMP TABLE kanim AS
SELECT row_number() OVER (ORDER BY id) AS k, id FROM app.offices WHERE kind = 'kanim';
CREATE TEMP TABLE kejari AS
SELECT row_number() OVER (ORDER BY id) AS k, id FROM app.offices WHERE kind = 'kejari';
SELECT count(*) AS nkanim FROM kanim \gset
SELECT count(*) AS nkejari FROM kejari \gset

-- one row a copy: its template, office, Kejari, shift and extra witness BAPs
CREATE TEMP TABLE plan AS
SELECT n, t.id AS tmpl, t.sprindik_seq, t.events AS tevents,
       :cbase + n AS case_id, k.id AS office_id, j.id AS kejari_id, x.shift,
       CASE WHEN t.sprindik_seq IS NULL THEN 0 ELSE floor(x.r3 * 7)::int END AS extra
FROM (SELECT g AS n, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
             floor(power(random(), 2) * :maxshift)::int AS shift
      FROM generate_series(1, :cases) g) x
JOIN tmplw t ON x.r1 >= t.lo AND x.r1 < t.hi
JOIN kanim k ON k.k = 1 + floor(x.r2 * :nkanim)::int
JOIN kejari j ON j.k = 1 + floor(x.r4 * :nkejari)::int;
CREATE INDEX ON plan (tmpl);
ANALYZE plan;

-- a template's parties and P-19 items by their rank in it, its events by id
CREATE TEMP TABLE pmap AS
SELECT id, case_id, row_number() OVER (PARTITION BY case_id ORDER BY id) AS k FROM app.parties;
CREATE TEMP TABLE imap AS
SELECT id, case_id, row_number() OVER (PARTITION BY case_id ORDER BY id) AS k
FROM app.instructions;
CREATE TEMP TABLE emap AS SELECT id, case_id, seq FROM app.events;
-- a template event's seq in a copy: after the extra BAPs when it follows the Sprindik
CREATE FUNCTION pg_temp.moved(seq int, sprindik int, extra int) RETURNS int
LANGUAGE sql IMMUTABLE AS $$
    SELECT seq + CASE WHEN sprindik IS NOT NULL AND seq > sprindik THEN extra ELSE 0 END
$$;

ALTER TABLE app.events DISABLE TRIGGER events_chain;

INSERT INTO app.cases (id, number, office_id, kejari_id, disclosed_at, created_at, stage, version,
                       source, source_note, summary, opened_on, created_by, stage_since, events,
                       last_hash, search)
SELECT p.case_id, format('LK/%s/UJI/%s', o.code, p.n), p.office_id,
       CASE WHEN c.kejari_id IS NULL THEN NULL ELSE p.kejari_id END,
       c.disclosed_at - make_interval(days => p.shift), c.created_at - make_interval(days => p.shift),
       c.stage, c.version + p.extra, c.source, c.source_note, c.summary,
       c.opened_on - p.shift, c.created_by, c.stage_since - make_interval(days => p.shift),
       c.events + p.extra, sha256(int8send(p.case_id)),
       c.search || ' ' || format('LK/%s/UJI/%s', o.code, p.n)
FROM plan p JOIN app.cases c ON c.id = p.tmpl JOIN app.offices o ON o.id = p.office_id;

INSERT INTO app.parties (id, case_id, kind, name, nationality, passport_no, birth_date,
                         birth_place, sex, occupation, address_id, address_abroad, language,
                         interpreter, created_at, updated_at, version)
SELECT :pbase + (p.n - 1) * :pmax + pm.k, p.case_id, r.kind, r.name, r.nationality,
       r.passport_no, r.birth_date, r.birth_place, r.sex, r.occupation, r.address_id,
       r.address_abroad, r.language, r.interpreter, r.created_at - make_interval(days => p.shift),
       r.updated_at - make_interval(days => p.shift), r.version
FROM plan p JOIN app.parties r ON r.case_id = p.tmpl JOIN pmap pm ON pm.id = r.id;

-- the template's events, renumbered past the extra BAPs; references to parties, events and
-- P-19 items follow the copy
INSERT INTO app.events (id, case_id, seq, type, legal_date, legal_at, doc_number, party_id,
                        corrects, regime, stage_before, stage_after, payload, entered_at,
                        entered_by, late, prev_hash, hash)
SELECT :ebase + (p.n - 1) * :emax + pg_temp.moved(e.seq, p.sprindik_seq, p.extra), p.case_id,
       pg_temp.moved(e.seq, p.sprindik_seq, p.extra), e.type, e.legal_date - p.shift,
       e.legal_at - make_interval(days => p.shift), e.doc_number,
       :pbase + (p.n - 1) * :pmax + pm.k,
       :ebase + (p.n - 1) * :emax + pg_temp.moved(ce.seq, p.sprindik_seq, p.extra),
       e.regime, e.stage_before, e.stage_after,
       CASE WHEN im.k IS NOT NULL
            THEN jsonb_set(e.payload, '{instruction}', to_jsonb(:ibase + (p.n - 1) * :imax + im.k))
            WHEN de.seq IS NOT NULL
            THEN jsonb_set(e.payload, '{direction}', to_jsonb(:ebase + (p.n - 1) * :emax +
                           pg_temp.moved(de.seq, p.sprindik_seq, p.extra)))
            ELSE e.payload END,
       e.entered_at - make_interval(days => p.shift), e.entered_by, e.late,
       sha256(int8send(p.case_id) || int4send(e.seq)), sha256(int8send(p.case_id) || int4send(-e.seq))
FROM plan p JOIN app.events e ON e.case_id = p.tmpl
LEFT JOIN pmap pm ON pm.id = e.party_id
LEFT JOIN emap ce ON ce.id = e.corrects
LEFT JOIN imap im ON e.payload ? 'instruction' AND im.id = (e.payload->>'instruction')::bigint
LEFT JOIN emap de ON e.payload ? 'direction' AND de.id = (e.payload->>'direction')::bigint;

-- the extra witness BAPs, on the Sprindik's day
INSERT INTO app.events (id, case_id, seq, type, legal_date, legal_at, doc_number, party_id,
                        corrects, regime, stage_before, stage_after, payload, entered_at,
                        entered_by, late, prev_hash, hash)
SELECT :ebase + (p.n - 1) * :emax + p.sprindik_seq + x, p.case_id, p.sprindik_seq + x,
       'bap_recorded', e.legal_date - p.shift, NULL, '', NULL, NULL, e.regime, e.stage_after,
       e.stage_after, '{"bap": "saksi"}', e.entered_at - make_interval(days => p.shift)
       + make_interval(mins => x), e.entered_by, e.late,
       sha256(int8send(p.case_id) || int4send(p.sprindik_seq + x)),
       sha256(int8send(p.case_id) || int4send(p.sprindik_seq + x + 1))
FROM plan p JOIN app.events e ON e.case_id = p.tmpl AND e.seq = p.sprindik_seq
CROSS JOIN generate_series(1, p.extra) x
WHERE p.extra > 0;

INSERT INTO app.instructions (id, case_id, event_id, round, item_no, text, answer, answered_by)
SELECT :ibase + (p.n - 1) * :imax + im.k, p.case_id,
       :ebase + (p.n - 1) * :emax + pg_temp.moved(pe.seq, p.sprindik_seq, p.extra),
       i.round, i.item_no, i.text, i.answer,
       :ebase + (p.n - 1) * :emax + pg_temp.moved(ae.seq, p.sprindik_seq, p.extra)
FROM plan p JOIN app.instructions i ON i.case_id = p.tmpl
JOIN imap im ON im.id = i.id
JOIN emap pe ON pe.id = i.event_id
LEFT JOIN emap ae ON ae.id = i.answered_by;

INSERT INTO app.case_offences (id, case_id, offence_id, party_id, added_at)
SELECT :obase + row_number() OVER (), p.case_id, co.offence_id,
       :pbase + (p.n - 1) * :pmax + pm.k, co.added_at - make_interval(days => p.shift)
FROM plan p JOIN app.case_offences co ON co.case_id = p.tmpl
LEFT JOIN pmap pm ON pm.id = co.party_id;

INSERT INTO app.case_investigators (case_id, user_id, added_at, source)
SELECT p.case_id, ci.user_id, ci.added_at - make_interval(days => p.shift), ci.source
FROM plan p JOIN app.case_investigators ci ON ci.case_id = p.tmpl AND ci.removed_at IS NULL;

ALTER TABLE app.events ENABLE TRIGGER events_chain;
COMMIT;

SELECT setval(pg_get_serial_sequence('app.cases', 'id'), (SELECT max(id) FROM app.cases));
SELECT setval(pg_get_serial_sequence('app.events', 'id'), (SELECT max(id) FROM app.events));
SELECT setval(pg_get_serial_sequence('app.parties', 'id'), (SELECT max(id) FROM app.parties));
SELECT setval(pg_get_serial_sequence('app.instructions', 'id'),
              (SELECT max(id) FROM app.instructions));
SELECT setval(pg_get_serial_sequence('app.case_offences', 'id'),
              (SELECT max(id) FROM app.case_offences));
