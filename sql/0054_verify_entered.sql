-- 0054_verify_entered.sql - the public verification says when a paper was really issued.
--
-- A paper is dated by its act (DOMAIN 12: a document is its act's; KUHAP 75), and one issued late
-- is marked as entered late - on its face (render: "Diterbitkan terlambat pada tanggal ...") and
-- where a judge or a Penuntut Umum checks it: the verification code's answer gave the act's date
-- alone, so a paper typed eleven months after its act read as made on the day (found in
-- acceptance, play4 #14).  The answer now adds the day it was issued on the issuing office's
-- calendar and whether it was issued late (the late-entry threshold of its act's rule set, as
-- stored with it).  Still never the case, never a name.
DROP FUNCTION app.verify_document(text);
CREATE FUNCTION app.verify_document(code text)
RETURNS TABLE (title text, doc_type text, number text, issued_on date, office text,
               revoked boolean, pdf_sha256 text, entered_on date, late boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = app, pg_temp AS $$
    SELECT d.title, d.doc_type, d.number, d.issued_on, o.name, d.revoked_at IS NOT NULL,
           encode(d.pdf_sha256, 'hex'), (d.issued_at AT TIME ZONE o.tz)::date, d.late
    FROM app.documents d JOIN app.offices o ON o.id = d.office_id
    WHERE d.verify_code = $1 -- not "code": offices has a column of that name
$$;
ALTER FUNCTION app.verify_document(text) OWNER TO berkas_verifier;
REVOKE ALL ON FUNCTION app.verify_document(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.verify_document(text) TO berkas_app;
