-- 0036_document_revoke.sql - an issued document is revoked, never changed nor deleted.
--
-- A paper issued before a correction of its act keeps the act as it was (app/stale.h): the
-- office that issued it revokes it (POST /api/v1/documents/{id}/revoke, with the reason) and
-- issues it again for the act as it stands.  The revoked paper keeps its bytes and its number:
-- GET /verify/{code} answers that it is genuine but revoked, the dossier binds it no more, and
-- one paper of its form for the act may be issued again (documents_one_per_act, 0007, counts
-- only the papers not revoked).  berkas_app may set revoked_at and revoked_note, nothing else,
-- on a document of a case it sees, as an investigator or a prosecutor (app/forms.c checks that
-- the paper is of the caller's role and office); once revoked, the row does not change again.
GRANT UPDATE (revoked_at, revoked_note) ON app.documents TO berkas_app;
CREATE POLICY documents_revoke ON app.documents FOR UPDATE TO berkas_app
    USING (revoked_at IS NULL
           AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = documents.case_id)
           AND (SELECT app.acting_role()) IN ('investigator', 'prosecutor'))
    WITH CHECK (revoked_at IS NOT NULL AND length(revoked_note) BETWEEN 1 AND 1000);

CREATE FUNCTION app.documents_revoke_once() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.revoked_at IS NOT NULL THEN
        RAISE EXCEPTION 'document % is revoked already', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER documents_revoke_once BEFORE UPDATE ON app.documents
    FOR EACH ROW EXECUTE FUNCTION app.documents_revoke_once();
