-- 0052_upload_checked.sql - which check an uploaded PDF passed, so that one stored before any
-- check is never handed out or bound as if it were clean.
--
-- Since aa246a7 an upload holding active content (JavaScript, actions run unasked, embedded
-- files, XFA: server/render/bind.c) is refused when it comes in.  Uploads stored before were
-- never checked and were served as uploaded (reviewer's finding 8).  checked names the version
-- of the check (RENDER_PDF_CHECK_VERSION, server/render/render.h) the PDF passed when berkasd
-- stored it; NULL: stored before this column, never checked.  berkasd checks a PDF whose
-- checked is not the current version each time it is read or bound into a dossier: one that
-- fails is refused (409, naming the upload and what was found: re-upload a clean scan) and left
-- out of the dossier, its sheet saying so.  The value is written once, with the row (the
-- application role may INSERT uploads, never UPDATE them).
ALTER TABLE app.uploads ADD COLUMN checked text
    CHECK (checked IS NULL OR checked ~ '^[a-z0-9.-]{1,40}$');
COMMENT ON COLUMN app.uploads.checked IS
    'version of berkas''s active-content check this PDF passed when stored; NULL: stored before '
    'any check, checked again at each read and binding';
