-- 0039_document_number_in_force.sql - a paper issued again in place of a revoked one keeps its
-- act's number.
--
-- An act has one number (30fbde2): the Sprindik done as SP.SIDIK/7 is cited as /7 by the SPDP
-- the Kejari holds and by every berita acara.  When its paper is revoked because a correction
-- changed what it prints and issued again for the act as it stands (POST
-- /api/v1/documents/{id}/reissue, app/stale.c), the new paper carries the same number
-- (app/forms.c forms_reissue_tx).  A number is therefore unique among the papers in force of
-- an office's series, not among all papers ever issued: the revoked one keeps its number and
-- bytes (GET /verify/{code} still says which it is).  A paper issued anew after a plain revoke
-- takes the next number of the series (store_number_take), as before.
ALTER TABLE app.documents DROP CONSTRAINT documents_office_id_doc_type_number_key;
CREATE UNIQUE INDEX documents_number_in_force ON app.documents (office_id, doc_type, number)
    WHERE revoked_at IS NULL;
