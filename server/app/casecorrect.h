/*
 * casecorrect.h - correcting a case's particulars (casecorrect.c).
 */
#ifndef BERKAS_APP_CASECORRECT_H
#define BERKAS_APP_CASECORRECT_H

#include <jansson.h>
#include <stdbool.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;

/* The case's particulars an investigator of its office corrects; NULL
 * members stay as they are (casecorrect.c). */
struct case_update {
    const char *summary, *source, *source_note;
    long long kejari_id;   /* 0: unchanged; refused once the file was disclosed */
    json_t *investigators; /* array of user ids (active investigators of the office), or NULL */
    int if_match;          /* the case version the client saw (required) */
};

/* Correct a case's particulars (If-Match; audited); *out: id and version. */
BERKAS_MUST_CHECK bool app_case_update(struct app *app, const struct actor *who, long long case_id,
                                       const struct case_update *in, json_t **out,
                                       struct audit_rec *au, struct berr *err);

#endif
