-- 0007_acts_documents.sql: one act, one document (issue 8).
--
-- A document belongs to the act it records or orders: it carries the act's
-- date, the rule set (procedural regime) of that date, the act's lateness,
-- and a snapshot of who signed it as they were on that date, so the dossier
-- reprints it exactly as issued whatever happens to the users table later.
-- Who signs which form is rule data (app.signing_rules), the officials who
-- may sign are dated rows per office (app.officials), both managed by
-- administrators and marked to verify where DOMAIN.md is UNCERTAIN.
-- Documents from outside berkas (a court's penetapan, the Kejari's letters,
-- signed scans) are PDFs stored here with their SHA-256 (app.uploads).
-- What an examiner or investigator writes into a BAP or a Resume is the
-- act's content (app.act_contents); the elements of each offence are data
-- (app.offence_elements).

-- ---- documents belong to acts ------------------------------------------------------------
ALTER TABLE app.documents
    ADD COLUMN event_id bigint REFERENCES app.events (id),
    ADD COLUMN regime   text,
    ADD COLUMN late     boolean NOT NULL DEFAULT false,
    -- this document's number is its act's number (the act's primary paper:
    -- the Sprindik of sprindik_issued, the SP Penangkapan of arrested)
    ADD COLUMN act_number boolean NOT NULL DEFAULT false,
    -- the signer's particulars in force on the document's date, as printed
    ADD COLUMN signer   jsonb NOT NULL DEFAULT '{}';
-- one document of a form per act (a revoked one may be issued again)
CREATE UNIQUE INDEX documents_one_per_act ON app.documents (event_id, form)
    WHERE event_id IS NOT NULL AND revoked_at IS NULL;
CREATE INDEX documents_event ON app.documents (event_id);

-- ---- who signs -----------------------------------------------------------------------------
-- The officials of an office who sign its orders and letters, with the
-- period in which each holds the position (valid_to inclusive; NULL: still).
-- An acting official (Plh./Plt.) prints that prefix before the title and is
-- preferred over the holder for the days both are in force (the holder is
-- away).  Ended, never deleted: a document issued earlier keeps its signer.
CREATE TABLE app.officials (
    id         bigserial PRIMARY KEY,
    office_id  bigint NOT NULL REFERENCES app.offices (id),
    role       text NOT NULL CHECK (role IN ('kepala_kantor', 'kepala_inteldakim', 'kepala_kejari',
                                             'kasi_pidum')),
    title      text NOT NULL CHECK (length(title) BETWEEN 3 AND 200), -- as printed
    acting     text NOT NULL DEFAULT '' CHECK (acting IN ('', 'Plh.', 'Plt.')),
    name       text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
    nip        char(18) NOT NULL CHECK (nip ~ '^[0-9]{18}$'),
    pangkat    text NOT NULL DEFAULT '' CHECK (length(pangkat) <= 60),
    golongan   text NOT NULL DEFAULT '' CHECK (golongan ~ '^((I|II|III|IV)/[a-e])?$'),
    valid_from date NOT NULL,
    valid_to   date CHECK (valid_to IS NULL OR valid_to >= valid_from),
    created_by bigint REFERENCES app.users (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX officials_office_role ON app.officials (office_id, role, valid_from);

-- Which signature each form carries.  'official': the office's official of
-- official_role in force on the document's date (for a.n., the title of
-- on_behalf_role is printed above); 'investigator': the PPNS who did the act;
-- 'prosecutor': the jaksa who recorded the act, with pangkat and NIP.
-- DOMAIN.md 4.3, 4.11 and 12: orders are signed by the atasan PPNS
-- (Permenkumham 39/2021 Pasal 1 angka 8) - which official exactly is
-- UNCERTAIN, so every row is to_verify until an administrator confirms it.
CREATE TABLE app.signing_rules (
    form           text PRIMARY KEY CHECK (form ~ '^[a-z0-9_]{1,40}$'),
    signer         text NOT NULL CHECK (signer IN ('official', 'investigator', 'prosecutor')),
    official_role  text CHECK (official_role IN ('kepala_kantor', 'kepala_inteldakim',
                                                 'kepala_kejari', 'kasi_pidum')),
    on_behalf_role text CHECK (on_behalf_role IN ('kepala_kantor', 'kepala_inteldakim',
                                                  'kepala_kejari', 'kasi_pidum')),
    basis          text NOT NULL DEFAULT '',
    to_verify      boolean NOT NULL DEFAULT true,
    CHECK ((signer = 'official') = (official_role IS NOT NULL))
);
INSERT INTO app.signing_rules (form, signer, official_role, on_behalf_role, basis, to_verify) VALUES
('sprindik',          'official', 'kepala_kantor', NULL, 'Permenkumham 39/2021 Pasal 1 angka 8 (atasan PPNS)', true),
('sp_penangkapan',    'official', 'kepala_kantor', NULL, 'KUHAP 18; atasan PPNS', true),
('sp_penahanan',      'official', 'kepala_kantor', NULL, 'KUHAP 21; atasan PPNS', true),
('sp_penyitaan',      'official', 'kepala_kantor', NULL, 'KUHAP 38; atasan PPNS', true),
('sp_penggeledahan',  'official', 'kepala_kantor', NULL, 'KUHAP 33; atasan PPNS', true),
('sp_tugas',          'official', 'kepala_kantor', NULL, 'atasan PPNS', true),
('sp3',               'official', 'kepala_kantor', NULL, 'KUHAP 109(2); atasan PPNS', true),
('penetapan_tersangka','official','kepala_kantor', NULL, 'Permenkumham 39/2021 Pasal 27(5)', true),
('spdp',              'official', 'kepala_kantor', NULL, 'Permenkumham 39/2021 Pasal 27(1) huruf e', true),
('pengantar_tahap1',  'official', 'kepala_kantor', NULL, 'DOMAIN.md 4.11 (atasan PPNS)', true),
('pengiriman_kembali','official', 'kepala_kantor', NULL, 'DOMAIN.md 4.11 (atasan PPNS)', true),
('pemberitahuan_sp3', 'official', 'kepala_kantor', NULL, 'KUHAP 109(3)', true),
('permintaan_perpanjangan','official','kepala_kantor', NULL, 'KUHAP 24(2)', true),
('surat_panggilan',   'investigator', NULL, NULL, 'KUHAP 112', true),
('laporan_kejadian',  'investigator', NULL, NULL, 'Permenkumham 39/2021 Pasal 27(1) huruf a', true),
('bap_saksi',         'investigator', NULL, NULL, 'KUHAP 75, 116', false),
('bap_tersangka',     'investigator', NULL, NULL, 'KUHAP 75, 117, 118', false),
('bap_ahli',          'investigator', NULL, NULL, 'KUHAP 75, 120', false),
('ba_penangkapan',    'investigator', NULL, NULL, 'KUHAP 75', false),
('ba_penahanan',      'investigator', NULL, NULL, 'KUHAP 75', false),
('ba_penyitaan',      'investigator', NULL, NULL, 'KUHAP 75', false),
('ba_tahap2',         'investigator', NULL, NULL, 'KUHAP 8(3) huruf b', false),
('resume',            'investigator', NULL, NULL, 'Permenkumham 1/2023 Pasal 48', false),
('p19',               'prosecutor', NULL, NULL, 'KEP-518/A/J.A/11/2001', true),
('p21',               'prosecutor', NULL, NULL, 'KEP-518/A/J.A/11/2001', true);

-- ---- documents from outside ------------------------------------------------------------------
-- A PDF given to berkas: attached to an act (the court's penetapan, a P-19
-- received, a delivery receipt) or as the signed scan of an issued document.
CREATE TABLE app.uploads (
    id          bigserial PRIMARY KEY,
    case_id     bigint NOT NULL REFERENCES app.cases (id),
    event_id    bigint REFERENCES app.events (id),
    document_id bigint REFERENCES app.documents (id),
    title       text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
    number      text NOT NULL DEFAULT '' CHECK (length(number) <= 160),
    dated       date,
    pdf         bytea NOT NULL,
    pdf_sha256  bytea NOT NULL CHECK (length(pdf_sha256) = 32),
    size        int NOT NULL CHECK (size > 0),
    pages       int CHECK (pages > 0),
    uploaded_by bigint NOT NULL REFERENCES app.users (id),
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    CHECK (event_id IS NOT NULL OR document_id IS NOT NULL)
);
CREATE INDEX uploads_case ON app.uploads (case_id);
INSERT INTO app.settings (key, value, note) VALUES
    ('upload.max_bytes', '10485760', 'largest PDF accepted as an upload, in bytes'),
    ('dossier.tahap1_requires_documents', 'true',
     'Tahap I is refused until the documents the berkas perkara needs are issued or uploaded')
ON CONFLICT (key) DO NOTHING;

-- ---- what the act says -------------------------------------------------------------------
-- A BAP's questions and answers, a Resume's facts, analysis and conclusion:
-- written by the investigator for a recorded act, revised until the act's
-- document is issued (the document keeps the case XML it was issued from).
CREATE TABLE app.act_contents (
    event_id   bigint PRIMARY KEY REFERENCES app.events (id),
    case_id    bigint NOT NULL REFERENCES app.cases (id),
    content    jsonb NOT NULL,
    version    int NOT NULL DEFAULT 1,
    updated_by bigint NOT NULL REFERENCES app.users (id),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- ---- the fence: as every case table -------------------------------------------------------
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['uploads', 'act_contents'] LOOP
        EXECUTE format('ALTER TABLE app.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE app.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON app.%I FOR SELECT TO berkas_app '
                       'USING (EXISTS (SELECT 1 FROM app.cases c WHERE c.id = %I.case_id))',
                       t || '_read', t, t);
        EXECUTE format('CREATE POLICY %I ON app.%I FOR INSERT TO berkas_app '
                       'WITH CHECK ((SELECT app.acting_role()) IN (''investigator'', ''prosecutor'') '
                       'AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = %I.case_id))',
                       t || '_write', t, t);
        EXECUTE format('CREATE POLICY %I ON app.%I FOR UPDATE TO berkas_app '
                       'USING ((SELECT app.acting_role()) = ''investigator'' AND EXISTS '
                       '(SELECT 1 FROM app.cases c WHERE c.id = %I.case_id '
                       'AND c.office_id = (SELECT app.acting_office())))',
                       t || '_update', t, t);
    END LOOP;
END
$$;
GRANT SELECT, INSERT ON app.uploads TO berkas_app;
GRANT SELECT, INSERT, UPDATE ON app.act_contents TO berkas_app;
GRANT SELECT, INSERT, UPDATE ON app.officials TO berkas_app;
GRANT SELECT, UPDATE ON app.signing_rules TO berkas_app;
-- the case's particulars an investigator corrects (PUT /cases/{id})
GRANT UPDATE (source) ON app.cases TO berkas_app;
CREATE OR REPLACE FUNCTION app.cases_guard_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    role text := app.acting_role();
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
CREATE POLICY case_investigators_remove ON app.case_investigators FOR DELETE TO berkas_app
    USING ((SELECT app.acting_role()) = 'investigator' AND EXISTS
           (SELECT 1 FROM app.cases c WHERE c.id = case_investigators.case_id
            AND c.office_id = (SELECT app.acting_office())));
GRANT DELETE ON app.case_investigators TO berkas_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA app TO berkas_app;

-- ---- the elements (unsur) of each offence ------------------------------------------------------
-- UU 6/2011 Bab XI as DOMAIN.md 8.2 paraphrases it; the Resume's analysis
-- takes each charged Pasal's elements in order.  Rows DOMAIN.md calls
-- UNCERTAIN are to_verify.  Pasal 136 (corporate liability) adds no offence.
CREATE TABLE app.offence_elements (
    code      text NOT NULL,            -- app.offence_catalogue.code
    no        int NOT NULL CHECK (no BETWEEN 1 AND 12),
    element   text NOT NULL CHECK (length(element) BETWEEN 3 AND 1000),
    to_verify boolean NOT NULL DEFAULT false,
    PRIMARY KEY (code, no)
);
GRANT SELECT ON app.offence_elements TO berkas_app;
INSERT INTO app.offence_elements (code, no, element, to_verify) VALUES
('113', 1, 'Setiap orang', false),
('113', 2, 'dengan sengaja', false),
('113', 3, 'masuk atau keluar Wilayah Indonesia', false),
('113', 4, 'tidak melalui pemeriksaan oleh Pejabat Imigrasi di Tempat Pemeriksaan Imigrasi sebagaimana dimaksud dalam Pasal 9 ayat (1)', false),
('114(1)', 1, 'Penanggung Jawab Alat Angkut', false),
('114(1)', 2, 'masuk atau keluar Wilayah Indonesia dengan alat angkutnya', false),
('114(1)', 3, 'tidak melalui Tempat Pemeriksaan Imigrasi sebagaimana dimaksud dalam Pasal 17 ayat (1)', false),
('114(2)', 1, 'Penanggung Jawab Alat Angkut', false),
('114(2)', 2, 'dengan sengaja', false),
('114(2)', 3, 'menurunkan atau menaikkan penumpang', false),
('114(2)', 4, 'tidak melalui pemeriksaan Pejabat Imigrasi atau petugas pemeriksa pendaratan di Tempat Pemeriksaan Imigrasi sebagaimana dimaksud dalam Pasal 17 ayat (2)', false),
('115', 1, 'Setiap Penanggung Jawab Alat Angkut', false),
('115', 2, 'tidak membayar biaya beban sebagaimana dimaksud dalam Pasal 19 ayat (4) dan Pasal 79 ayat (2)', false),
('116', 1, 'Setiap Orang Asing', false),
('116', 2, 'tidak melakukan kewajibannya sebagaimana dimaksud dalam Pasal 71', false),
('117', 1, 'Pemilik atau pengurus tempat penginapan', false),
('117', 2, 'tidak memberikan keterangan atau tidak memberikan data Orang Asing yang menginap di rumah atau di tempat penginapannya', false),
('117', 3, 'setelah diminta oleh Pejabat Imigrasi yang bertugas sebagaimana dimaksud dalam Pasal 72 ayat (2)', true),
('118', 1, 'Setiap Penjamin', false),
('118', 2, 'dengan sengaja', false),
('118', 3, 'memberikan keterangan tidak benar atau tidak memenuhi jaminannya sebagaimana dimaksud dalam Pasal 63 ayat (2) dan ayat (3)', true),
('119(1)', 1, 'Setiap Orang Asing', false),
('119(1)', 2, 'masuk dan/atau berada di Wilayah Indonesia', false),
('119(1)', 3, 'tidak memiliki Dokumen Perjalanan dan Visa yang sah dan masih berlaku sebagaimana dimaksud dalam Pasal 8', false),
('119(2)', 1, 'Setiap Orang Asing', false),
('119(2)', 2, 'dengan sengaja menggunakan Dokumen Perjalanan', false),
('119(2)', 3, 'diketahui atau patut diduga bahwa Dokumen Perjalanan itu palsu atau dipalsukan', false),
('120', 1, 'Setiap orang', false),
('120', 2, 'melakukan perbuatan yang bertujuan mencari keuntungan, baik secara langsung maupun tidak langsung, untuk diri sendiri atau untuk orang lain', false),
('120', 3, 'membawa, atau memerintahkan orang lain untuk membawa, seseorang atau kelompok orang, baik secara terorganisasi maupun tidak terorganisasi', false),
('120', 4, 'yang tidak memiliki hak secara sah untuk memasuki atau keluar dari Wilayah Indonesia dan/atau masuk wilayah negara lain, baik dengan dokumen sah maupun palsu, atau tanpa Dokumen Perjalanan, baik melalui pemeriksaan imigrasi maupun tidak', false),
('121', 1, 'Setiap orang (huruf a) atau Setiap Orang Asing (huruf b)', false),
('121', 2, 'dengan sengaja', false),
('121', 3, 'membuat palsu atau memalsukan Visa, Tanda Masuk atau Izin Tinggal dengan maksud untuk digunakan (huruf a), atau menggunakan Visa, Tanda Masuk atau Izin Tinggal palsu atau yang dipalsukan (huruf b)', false),
('121', 4, 'untuk masuk atau keluar atau berada di Wilayah Indonesia', false),
('122', 1, 'Setiap Orang Asing (huruf a) atau Setiap orang (huruf b)', false),
('122', 2, 'dengan sengaja menyalahgunakan atau melakukan kegiatan (huruf a), atau menyuruh atau memberikan kesempatan kepada Orang Asing menyalahgunakan atau melakukan kegiatan (huruf b)', false),
('122', 3, 'yang tidak sesuai dengan maksud dan tujuan pemberian Izin Tinggal yang diberikan kepadanya', false),
('123', 1, 'Setiap orang (huruf a) atau Orang Asing (huruf b)', false),
('123', 2, 'dengan sengaja', false),
('123', 3, 'memberikan data yang tidak sah atau keterangan yang tidak benar untuk memperoleh Visa atau Izin Tinggal bagi dirinya sendiri atau orang lain (huruf a), atau menggunakan Visa atau Izin Tinggal yang diperoleh dengan cara itu untuk masuk dan/atau berada di Wilayah Indonesia (huruf b)', false),
('124(a)', 1, 'Setiap orang', false),
('124(a)', 2, 'dengan sengaja', false),
('124(a)', 3, 'menyembunyikan, melindungi, memberi pemondokan, memberikan penghidupan atau pekerjaan kepada Orang Asing', false),
('124(a)', 4, 'yang diketahui atau patut diduga berada di Wilayah Indonesia secara tidak sah', false),
('124(b)', 1, 'Setiap orang', false),
('124(b)', 2, 'dengan sengaja', false),
('124(b)', 3, 'menyembunyikan, melindungi, memberi pemondokan, memberikan penghidupan atau pekerjaan kepada Orang Asing', false),
('124(b)', 4, 'yang diketahui atau patut diduga Izin Tinggalnya habis berlaku', false),
('125', 1, 'Setiap Orang Asing', true),
('125', 2, 'tanpa izin berada di daerah tertentu yang telah dinyatakan terlarang bagi Orang Asing', true),
('126', 1, 'Setiap orang', false),
('126', 2, 'dengan sengaja', false),
('126', 3, 'menggunakan Dokumen Perjalanan Republik Indonesia palsu atau dipalsukan (huruf a); menggunakan Dokumen Perjalanan Republik Indonesia orang lain atau yang dicabut atau dinyatakan batal, atau menyerahkannya kepada orang lain untuk digunakan tanpa hak (huruf b); memberikan data tidak sah atau keterangan tidak benar untuk memperolehnya (huruf c); memiliki atau menggunakan 2 (dua) atau lebih yang sejenis dan masih berlaku (huruf d); atau memalsukan atau membuat palsu Dokumen Perjalanan Republik Indonesia (huruf e)', false),
('127', 1, 'Setiap orang', false),
('127', 2, 'dengan sengaja dan melawan hukum', false),
('127', 3, 'menyimpan Dokumen Perjalanan Republik Indonesia palsu atau dipalsukan', false),
('127', 4, 'dengan maksud untuk digunakan bagi diri sendiri atau orang lain', false),
('128', 1, 'Setiap orang', false),
('128', 2, 'dengan sengaja dan tanpa hak', false),
('128', 3, 'mencetak, mempunyai atau menyimpan blangko Dokumen Perjalanan Republik Indonesia atau blangko Dokumen Keimigrasian lainnya (huruf a), atau membuat, mempunyai atau menyimpan cap atau alat lain untuk mengesahkannya (huruf b)', false),
('129', 1, 'Setiap orang', true),
('129', 2, 'dengan sengaja dan melawan hukum untuk kepentingan diri sendiri atau orang lain', true),
('129', 3, 'merusak, menghilangkan atau mengubah, sebagian atau seluruhnya, keterangan atau cap dalam Dokumen Perjalanan Republik Indonesia atau Dokumen Keimigrasian', true),
('130', 1, 'Setiap orang', true),
('130', 2, 'tanpa hak dan melawan hukum', true),
('130', 3, 'menguasai Dokumen Perjalanan atau Dokumen Keimigrasian milik orang lain dengan maksud untuk disalahgunakan', true),
('131', 1, 'Setiap orang', true),
('131', 2, 'dengan sengaja dan tanpa hak', true),
('131', 3, 'merusak, mengubah, menambah, mengurangi atau menghilangkan data Keimigrasian atau Dokumen Keimigrasian', true),
('132', 1, 'Pejabat Imigrasi atau pejabat lain yang ditunjuk', true),
('132', 2, 'dengan sengaja dan melawan hukum', true),
('132', 3, 'memberikan atau memperpanjang Dokumen Perjalanan Republik Indonesia atau Dokumen Keimigrasian kepada seseorang yang diketahuinya tidak berhak', true),
('133(b)', 1, 'Pejabat Imigrasi atau pejabat lain', true),
('133(b)', 2, 'dengan sengaja', true),
('133(b)', 3, 'membiarkan seseorang melakukan tindak pidana Penyelundupan Manusia', true),
('134(b)', 1, 'Setiap Deteni', true),
('134(b)', 2, 'dengan sengaja', true),
('134(b)', 3, 'melarikan diri dari Rumah Detensi Imigrasi atau Ruang Detensi Imigrasi', true),
('135', 1, 'Setiap orang', false),
('135', 2, 'melakukan perkawinan semu', false),
('135', 3, 'dengan tujuan untuk memperoleh Dokumen Keimigrasian dan/atau untuk memperoleh status kewarganegaraan Republik Indonesia', false);
