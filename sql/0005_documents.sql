-- 0005_documents.sql: issued documents, their numbers and their
-- verification codes.
--
-- A form is first a draft (rendered on demand, never stored, no number).
-- Issuing it takes the next number of a gapless counter per office, document
-- type and year (app.counters, 0004), formats it by the office's pattern,
-- renders the PDF with the number and a verification code, and stores the
-- PDF with its SHA-256 - all in one transaction, so a failed render gives
-- the number back.  GET /verify/{code} answers, without a session, only the
-- document type, number, date, office and whether it is genuine and in force.

-- Number patterns per office and document type; an administrator changes
-- them without a release.  Tokens: {seq} {seq:04} {roman_month} {month}
-- {year} {office} {type}.  Without a row, the office's pattern for '*'
-- applies, and without that the built-in default (server/core/numfmt.c).
CREATE TABLE app.number_patterns (
    office_id bigint NOT NULL REFERENCES app.offices (id),
    doc_type  text NOT NULL CHECK (doc_type ~ '^([a-z0-9_]{1,40}|\*)$'),
    pattern   text NOT NULL CHECK (length(pattern) BETWEEN 1 AND 120),
    PRIMARY KEY (office_id, doc_type)
);

CREATE TABLE app.documents (
    id           bigserial PRIMARY KEY,
    case_id      bigint NOT NULL REFERENCES app.cases (id),
    form         text NOT NULL,           -- template name: 'sprindik'
    doc_type     text NOT NULL,           -- numbering series
    title        text NOT NULL,
    number       text NOT NULL,
    issued_on    date NOT NULL,           -- the document's date (office calendar)
    issued_at    timestamptz NOT NULL DEFAULT now(),
    issued_by    bigint NOT NULL REFERENCES app.users (id),
    office_id    bigint NOT NULL REFERENCES app.offices (id), -- the issuing office
    params       jsonb NOT NULL DEFAULT '{}',  -- the form's parameters (party, round)
    case_xml     text NOT NULL,           -- the data it was rendered from
    pdf          bytea NOT NULL,
    pdf_sha256   bytea NOT NULL CHECK (length(pdf_sha256) = 32),
    pages        int NOT NULL CHECK (pages > 0),
    verify_code  text NOT NULL UNIQUE CHECK (verify_code ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
    revoked_at   timestamptz,
    revoked_note text,
    UNIQUE (office_id, doc_type, number)
);
CREATE INDEX documents_case ON app.documents (case_id, form);

ALTER TABLE app.documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.documents FORCE ROW LEVEL SECURITY;
CREATE POLICY documents_read ON app.documents FOR SELECT TO berkas_app
    USING (EXISTS (SELECT 1 FROM app.cases c WHERE c.id = documents.case_id));
-- investigators issue for their office's cases, prosecutors their P-forms
-- for the cases that reached them
CREATE POLICY documents_issue ON app.documents FOR INSERT TO berkas_app
    WITH CHECK (issued_by = (SELECT app.acting_user())
                AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = documents.case_id)
                AND (SELECT app.acting_role()) IN ('investigator', 'prosecutor'));
GRANT SELECT, INSERT ON app.documents TO berkas_app;
GRANT SELECT, INSERT, UPDATE ON app.number_patterns TO berkas_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA app TO berkas_app;

-- The public answer for a verification code: never the case, never a name.
CREATE FUNCTION app.verify_document(code text)
RETURNS TABLE (title text, doc_type text, number text, issued_on date, office text,
               revoked boolean, pdf_sha256 text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = app, pg_temp AS $$
    SELECT d.title, d.doc_type, d.number, d.issued_on, o.name, d.revoked_at IS NOT NULL,
           encode(d.pdf_sha256, 'hex')
    FROM app.documents d JOIN app.offices o ON o.id = d.office_id
    WHERE d.verify_code = $1 -- not "code": offices has a column of that name
$$;
-- it runs as the verifier role, which reads documents through its own policy
GRANT SELECT ON app.documents, app.offices TO berkas_verifier;
CREATE POLICY documents_verifier ON app.documents FOR SELECT TO berkas_verifier USING (true);
ALTER FUNCTION app.verify_document(text) OWNER TO berkas_verifier;
REVOKE ALL ON FUNCTION app.verify_document(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.verify_document(text) TO berkas_app;
