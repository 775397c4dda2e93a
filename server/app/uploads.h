/*
 * uploads.h - documents from outside berkas (uploads.c).
 */
#ifndef BERKAS_APP_UPLOADS_H
#define BERKAS_APP_UPLOADS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;
struct store_upload_blob;

/* A PDF from outside berkas (uploads.c). */
struct upload_input {
    long long event_id;    /* the act it is the paper of, or 0 */
    long long document_id; /* the issued document it is the signed scan of, or 0 */
    const char *title, *number, *dated;
    const unsigned char *pdf;
    size_t len;
};

/* Attach an upload (content sniffed, size-limited, SHA-256, page count). */
BERKAS_MUST_CHECK bool app_upload_add(struct app *app, const struct actor *who, long long case_id,
                                      const struct upload_input *in, json_t **out,
                                      struct audit_rec *au, struct berr *err);

/* Whether a stored upload may leave the server: it passed the current active-content check
 * when it came in, or passes it now (one stored before any check: sql/0052).  False with *why
 * saying what the check found (BERR_INTERNAL: the check itself failed, not the PDF). */
bool app_upload_passes(const struct store_upload_blob *u, struct berr *why);

/* An uploaded PDF as uploaded; one that does not pass the check (app_upload_passes) is refused
 * BERR_CONFLICT naming it, what was found, and what to do. */
BERKAS_MUST_CHECK bool app_upload_pdf(struct app *app, const struct actor *who, long long upload_id,
                                      unsigned char **pdf, size_t *len, struct audit_rec *au,
                                      struct berr *err);

#endif
