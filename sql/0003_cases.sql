-- 0003_cases.sql: the case file - parties, offences, evidence, P-19
-- instructions, the append-only event log with its hash chain, idempotency
-- keys, and the legal rule sets as data.
--
-- Every table that holds case contents sits behind the same fence as
-- app.cases (0002): its policies look the case up in app.cases, whose own
-- row-level security decides what the acting user may see.

-- ---- the case grows ---------------------------------------------------------
ALTER TABLE app.cases
    ADD COLUMN stage text NOT NULL DEFAULT 'pre_investigation'
        CHECK (stage IN ('pre_investigation', 'investigation', 'with_prosecutor', 'returned',
                         'complete', 'handed_over', 'lapsed', 'terminated', 'administrative',
                         'dismissed')),
    ADD COLUMN version int NOT NULL DEFAULT 1,
    ADD COLUMN source text NOT NULL DEFAULT 'other'
        CHECK (source IN ('jagratara', 'tim_pora', 'public_report', 'apoa', 'desa_binaan',
                          'tpi_check', 'supervision', 'intelligence', 'other_agency', 'other')),
    ADD COLUMN source_note text NOT NULL DEFAULT '',
    ADD COLUMN summary text NOT NULL DEFAULT '',
    ADD COLUMN opened_on date,
    ADD COLUMN created_by bigint REFERENCES app.users (id),
    ADD COLUMN stage_since timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN events int NOT NULL DEFAULT 0,
    ADD COLUMN last_hash bytea NOT NULL DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000',
    ADD COLUMN search text NOT NULL DEFAULT '';
CREATE INDEX cases_office_stage ON app.cases (office_id, stage, id);
CREATE INDEX cases_search ON app.cases USING gin (to_tsvector('simple', search));

-- supervisors touch the case row when they write a note (the version moves);
-- prosecutors when their P-forms move the stage
CREATE POLICY cases_supervisor_update ON app.cases FOR UPDATE TO berkas_app
    USING ((SELECT app.acting_role()) = 'supervisor'
           AND EXISTS (SELECT 1 FROM app.offices o WHERE o.id = cases.office_id
                         AND (SELECT app.acting_office()) = ANY (o.ancestors)))
    WITH CHECK ((SELECT app.acting_role()) = 'supervisor');
CREATE POLICY cases_prosecutor_update ON app.cases FOR UPDATE TO berkas_app
    USING ((SELECT app.acting_role()) = 'prosecutor'
           AND kejari_id = (SELECT app.acting_office()) AND disclosed_at IS NOT NULL)
    WITH CHECK ((SELECT app.acting_role()) = 'prosecutor'
                AND kejari_id = (SELECT app.acting_office()));

-- ...and a supervisor's or prosecutor's touch changes only what their acts
-- may change: the chain head for a supervisor, the stage too for a prosecutor.
CREATE FUNCTION app.cases_guard_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    role text := app.acting_role();
BEGIN
    IF role IN ('supervisor', 'prosecutor')
       AND (NEW.summary, NEW.source_note, NEW.kejari_id, NEW.disclosed_at, NEW.search)
           IS DISTINCT FROM
           (OLD.summary, OLD.source_note, OLD.kejari_id, OLD.disclosed_at, OLD.search) THEN
        RAISE EXCEPTION 'a % does not edit the case file', role
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF role = 'supervisor' AND NEW.stage IS DISTINCT FROM OLD.stage THEN
        RAISE EXCEPTION 'a supervisor does not move a case' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER cases_guard_update BEFORE UPDATE ON app.cases
    FOR EACH ROW EXECUTE FUNCTION app.cases_guard_update();

CREATE TABLE app.case_investigators (
    case_id  bigint NOT NULL REFERENCES app.cases (id),
    user_id  bigint NOT NULL REFERENCES app.users (id),
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, user_id)
);

-- ---- parties --------------------------------------------------------------------
CREATE TABLE app.parties (
    id              bigserial PRIMARY KEY,
    case_id         bigint NOT NULL REFERENCES app.cases (id),
    kind            text NOT NULL CHECK (kind IN ('suspect', 'witness', 'expert')),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200), -- as in the passport
    nationality     char(2) CHECK (nationality ~ '^[A-Z]{2}$'),          -- ISO 3166-1 alpha-2
    passport_no     text CHECK (passport_no ~ '^[A-Z0-9]{5,20}$'),
    birth_date      date,
    birth_place     text NOT NULL DEFAULT '',
    sex             char(1) CHECK (sex IN ('L', 'P')),                    -- laki-laki / perempuan
    occupation      text NOT NULL DEFAULT '',
    address_id      text NOT NULL DEFAULT '',  -- in Indonesia
    address_abroad  text NOT NULL DEFAULT '',
    language        text NOT NULL DEFAULT '',
    interpreter     text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         int NOT NULL DEFAULT 1
);
CREATE INDEX parties_case ON app.parties (case_id);

-- ---- offences ---------------------------------------------------------------------
-- UU 6/2011 Pasal 113-136, dated, from DOMAIN.md 8.2.  to_verify marks rows
-- the domain reference calls UNCERTAIN; an administrator corrects them here.
CREATE TABLE app.offence_catalogue (
    id                bigserial PRIMARY KEY,
    code              text NOT NULL,            -- '122(a)', '119(1)'
    article           int NOT NULL CHECK (article BETWEEN 113 AND 136),
    label             text NOT NULL,
    max_prison_months int NOT NULL,
    min_prison_months int NOT NULL DEFAULT 0,
    max_fine          bigint NOT NULL DEFAULT 0, -- rupiah
    min_fine          bigint NOT NULL DEFAULT 0,
    connector         text NOT NULL DEFAULT 'dan' CHECK (connector IN ('dan', 'dan/atau', 'atau')),
    kurungan          boolean NOT NULL DEFAULT false,
    detainable        boolean NOT NULL,
    short_procedure   boolean NOT NULL DEFAULT false,
    effective_from    date NOT NULL DEFAULT '2011-05-05',
    effective_to      date,
    to_verify         boolean NOT NULL DEFAULT false,
    UNIQUE (code, effective_from)
);

CREATE TABLE app.case_offences (
    id         bigserial PRIMARY KEY,
    case_id    bigint NOT NULL REFERENCES app.cases (id),
    offence_id bigint NOT NULL REFERENCES app.offence_catalogue (id),
    party_id   bigint REFERENCES app.parties (id), -- the suspect charged, or the whole case
    added_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (case_id, offence_id, party_id)
);

-- ---- evidence ----------------------------------------------------------------------
CREATE TABLE app.evidence (
    id          bigserial PRIMARY KEY,
    case_id     bigint NOT NULL REFERENCES app.cases (id),
    description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
    quantity    text NOT NULL DEFAULT '1',
    seized_from bigint REFERENCES app.parties (id),
    seized_on   date,
    storage     text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     int NOT NULL DEFAULT 1
);
CREATE INDEX evidence_case ON app.evidence (case_id);

-- ---- the event log -------------------------------------------------------------------
-- One row per act or received P-form.  Append-only; a correction is a new
-- row that points at the one it corrects.  hash = SHA-256(prev_hash ||
-- canonical text of the row), computed by berkasd (server/app/chain.c) and
-- checked by verify-chain.
CREATE TABLE app.events (
    id           bigserial PRIMARY KEY,
    case_id      bigint NOT NULL REFERENCES app.cases (id),
    seq          int NOT NULL CHECK (seq > 0),
    type         text NOT NULL,
    legal_date   date NOT NULL,       -- the act's date, on the office's calendar
    legal_at     timestamptz,         -- the act's instant, where the hour matters
    doc_number   text NOT NULL DEFAULT '',
    party_id     bigint REFERENCES app.parties (id),
    corrects     bigint REFERENCES app.events (id),
    regime       text NOT NULL,       -- the rule set in force on legal_date
    stage_before text NOT NULL,
    stage_after  text NOT NULL,
    payload      jsonb NOT NULL DEFAULT '{}',
    entered_at   timestamptz NOT NULL,
    entered_by   bigint NOT NULL REFERENCES app.users (id),
    late         boolean NOT NULL,    -- legal date more than 3 days before entry
    prev_hash    bytea NOT NULL CHECK (length(prev_hash) = 32),
    hash         bytea NOT NULL CHECK (length(hash) = 32),
    UNIQUE (case_id, seq)
);
CREATE INDEX events_case_type ON app.events (case_id, type);

CREATE FUNCTION app.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON app.events
    FOR EACH ROW EXECUTE FUNCTION app.refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON app.events
    FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change();

-- ---- P-19 instructions --------------------------------------------------------------
CREATE TABLE app.instructions (
    id          bigserial PRIMARY KEY,
    case_id     bigint NOT NULL REFERENCES app.cases (id),
    event_id    bigint NOT NULL REFERENCES app.events (id), -- the p19_received
    round       int NOT NULL CHECK (round > 0),
    item_no     int NOT NULL CHECK (item_no > 0),
    text        text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    answer      text,
    answered_by bigint REFERENCES app.events (id),          -- the instruction_answered
    UNIQUE (case_id, round, item_no)
);

-- ---- idempotency keys -------------------------------------------------------------------
-- A retried write with the same key gets the first answer (IETF
-- draft-ietf-httpapi-idempotency-key-header); kept 24 hours.
CREATE TABLE app.idempotency (
    user_id        bigint NOT NULL,
    key            text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_sha256 bytea NOT NULL,
    status         int NOT NULL,
    body           text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);

-- ---- rule sets: the law's numbers as data -----------------------------------------------
-- Seeded at start-up from the built-in defaults (server/core/ruleset.c)
-- when a key is missing; never overwritten, so an administrator's change
-- survives upgrades.
CREATE TABLE app.rulesets (
    name           text PRIMARY KEY,
    effective_from date NOT NULL,
    label          text NOT NULL DEFAULT ''
);
CREATE TABLE app.ruleset_values (
    ruleset    text NOT NULL REFERENCES app.rulesets (name),
    key        text NOT NULL,
    value      int NOT NULL,
    to_verify  boolean NOT NULL DEFAULT false,
    note       text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (ruleset, key)
);

-- ---- the fence for the case's children ----------------------------------------------------
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['case_investigators', 'parties', 'case_offences', 'evidence',
                             'events', 'instructions'] LOOP
        EXECUTE format('ALTER TABLE app.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE app.%I FORCE ROW LEVEL SECURITY', t);
        -- read: whatever case the acting user may read
        EXECUTE format('CREATE POLICY %I ON app.%I FOR SELECT TO berkas_app '
                       'USING (EXISTS (SELECT 1 FROM app.cases c WHERE c.id = %I.case_id))',
                       t || '_read', t, t);
        -- write: the investigators of the case's office
        EXECUTE format('CREATE POLICY %I ON app.%I FOR INSERT TO berkas_app '
                       'WITH CHECK ((SELECT app.acting_role()) = ''investigator'' AND EXISTS '
                       '(SELECT 1 FROM app.cases c WHERE c.id = %I.case_id '
                       'AND c.office_id = (SELECT app.acting_office())))',
                       t || '_write', t, t);
        EXECUTE format('CREATE POLICY %I ON app.%I FOR UPDATE TO berkas_app '
                       'USING ((SELECT app.acting_role()) = ''investigator'' AND EXISTS '
                       '(SELECT 1 FROM app.cases c WHERE c.id = %I.case_id '
                       'AND c.office_id = (SELECT app.acting_office())))',
                       t || '_update', t, t);
    END LOOP;
END
$$;
-- supervisors write supervision acts, prosecutors their P-forms (and the
-- lapse of a complete file), on cases they may read; both may correct their
-- own acts (the application checks the same, event by event, and that a
-- correction is of the corrector's own kind)
CREATE POLICY events_supervisor ON app.events FOR INSERT TO berkas_app
    WITH CHECK ((SELECT app.acting_role()) = 'supervisor'
                AND type IN ('review_note', 'direction_given', 'direction_done', 'reassigned',
                             'corrected')
                AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = events.case_id));
CREATE POLICY events_prosecutor ON app.events FOR INSERT TO berkas_app
    WITH CHECK ((SELECT app.acting_role()) = 'prosecutor'
                AND type IN ('tahap1_received_by_pu', 'p16_received', 'p17_received',
                             'p18_received', 'p19_received', 'p20_received', 'p21_received',
                             'p21a_received', 'p22_received', 'p23_received', 'lapsed',
                             'corrected')
                AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = events.case_id));
CREATE POLICY instructions_prosecutor ON app.instructions FOR INSERT TO berkas_app
    WITH CHECK ((SELECT app.acting_role()) = 'prosecutor'
                AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = instructions.case_id));

-- a charge laid in error is withdrawn by the investigators of the case's
-- office (the audit trail keeps that it was)
CREATE POLICY case_offences_withdraw ON app.case_offences FOR DELETE TO berkas_app
    USING ((SELECT app.acting_role()) = 'investigator'
           AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = case_offences.case_id
                       AND c.office_id = (SELECT app.acting_office())));

ALTER TABLE app.idempotency ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.idempotency FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_own ON app.idempotency FOR ALL TO berkas_app
    USING (user_id = (SELECT app.acting_user()))
    WITH CHECK (user_id = (SELECT app.acting_user()));

GRANT SELECT, INSERT ON app.case_investigators, app.case_offences, app.events,
    app.instructions, app.idempotency TO berkas_app;
GRANT DELETE ON app.case_offences TO berkas_app;
GRANT SELECT, INSERT, UPDATE ON app.parties, app.evidence TO berkas_app;
GRANT UPDATE (answer, answered_by) ON app.instructions TO berkas_app;
-- the case row: only what the use cases change (0002 granted the whole row)
REVOKE UPDATE ON app.cases FROM berkas_app;
GRANT UPDATE (stage, version, stage_since, events, last_hash, search, kejari_id, disclosed_at,
              summary, source_note) ON app.cases TO berkas_app;
GRANT SELECT ON app.offence_catalogue, app.rulesets, app.ruleset_values TO berkas_app;
GRANT INSERT, UPDATE ON app.rulesets, app.ruleset_values TO berkas_app;
GRANT INSERT, UPDATE ON app.offence_catalogue TO berkas_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA app TO berkas_app;

-- ---- the offence catalogue, as DOMAIN.md 8.2 has it ------------------------------------
-- months; rupiah.  Rows marked UNCERTAIN there are to_verify here.
INSERT INTO app.offence_catalogue
    (code, article, label, max_prison_months, min_prison_months, max_fine, min_fine, connector,
     kurungan, detainable, short_procedure, to_verify) VALUES
('113', 113, 'Masuk atau keluar wilayah Indonesia tanpa melalui pemeriksaan di TPI', 12, 0, 100000000, 0, 'dan/atau', false, false, false, false),
('114(1)', 114, 'Penanggung jawab alat angkut masuk atau keluar tidak melalui TPI', 12, 0, 100000000, 0, 'dan/atau', false, false, false, false),
('114(2)', 114, 'Penanggung jawab alat angkut menaikkan atau menurunkan penumpang tanpa pemeriksaan', 24, 0, 200000000, 0, 'dan/atau', false, false, false, false),
('115', 115, 'Penanggung jawab alat angkut tidak membayar biaya beban', 12, 0, 100000000, 0, 'dan/atau', false, false, false, false),
('116', 116, 'Orang asing tidak melakukan kewajiban Pasal 71', 3, 0, 25000000, 0, 'atau', true, false, true, false),
('117', 117, 'Pemilik atau pengurus penginapan tidak memberikan data orang asing yang menginap', 3, 0, 25000000, 0, 'dan/atau', true, false, true, true),
('118', 118, 'Penjamin memberikan keterangan tidak benar atau tidak memenuhi jaminannya', 60, 0, 500000000, 0, 'dan', false, true, false, true),
('119(1)', 119, 'Orang asing masuk atau berada di Indonesia tanpa dokumen perjalanan dan visa yang sah', 60, 0, 500000000, 0, 'dan', false, true, false, false),
('119(2)', 119, 'Orang asing menggunakan dokumen perjalanan palsu atau dipalsukan', 60, 0, 500000000, 0, 'dan', false, true, false, false),
('120', 120, 'Penyelundupan manusia', 180, 60, 1500000000, 500000000, 'dan', false, true, false, false),
('121', 121, 'Membuat, memalsukan atau menggunakan visa, tanda masuk atau izin tinggal palsu', 60, 0, 500000000, 0, 'dan', false, true, false, false),
('122', 122, 'Orang asing menyalahgunakan izin tinggal, atau menyuruh atau memberi kesempatan untuk itu', 60, 0, 500000000, 0, 'dan', false, true, false, false),
('123', 123, 'Memberikan data tidak sah atau keterangan tidak benar untuk memperoleh visa atau izin tinggal', 60, 0, 500000000, 0, 'dan/atau', false, true, false, false),
('124(a)', 124, 'Menyembunyikan, melindungi, memberi pemondokan atau mempekerjakan orang asing yang berada secara tidak sah', 24, 0, 200000000, 0, 'dan/atau', false, false, false, false),
('124(b)', 124, 'Perbuatan yang sama terhadap orang asing yang izin tinggalnya habis berlaku', 3, 0, 25000000, 0, 'atau', true, false, false, false),
('125', 125, 'Orang asing berada di daerah tertentu yang dinyatakan tertutup bagi orang asing', 24, 0, 25000000, 0, 'dan/atau', false, false, false, true),
('126', 126, 'Tindak pidana dokumen perjalanan Republik Indonesia', 60, 0, 500000000, 0, 'dan', false, true, false, false),
('127', 127, 'Menyimpan dokumen perjalanan Republik Indonesia palsu untuk digunakan', 60, 0, 500000000, 0, 'dan', false, true, false, false),
('128', 128, 'Mencetak, menyimpan blangko dokumen keimigrasian atau alat pengesahnya tanpa hak', 60, 0, 500000000, 0, 'dan', false, true, false, false),
('129', 129, 'Merusak atau mengubah keterangan atau cap dalam dokumen keimigrasian tanpa hak', 60, 0, 500000000, 0, 'dan', false, true, false, true),
('130', 130, 'Menguasai dokumen perjalanan atau dokumen keimigrasian orang lain tanpa hak', 24, 0, 25000000, 0, 'dan/atau', false, false, false, true),
('131', 131, 'Merusak atau mengubah data atau dokumen keimigrasian', 60, 0, 500000000, 0, 'dan/atau', false, true, false, true),
('132', 132, 'Pejabat menerbitkan atau memperpanjang dokumen keimigrasian kepada yang tidak berhak', 60, 0, 0, 0, 'dan', false, true, false, true),
('133(b)', 133, 'Pejabat membiarkan penyelundupan manusia', 60, 0, 0, 0, 'dan', false, true, false, true),
('134(b)', 134, 'Deteni melarikan diri dari Rumah atau Ruang Detensi Imigrasi', 84, 0, 0, 0, 'dan', false, true, false, true),
('135', 135, 'Perkawinan semu untuk memperoleh dokumen keimigrasian atau kewarganegaraan', 60, 0, 500000000, 0, 'dan', false, true, false, false);
