/*
 * casexml.h - the case as one XML document (casexml.c).
 */
#ifndef BERKAS_APP_CASEXML_H
#define BERKAS_APP_CASEXML_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;
struct tx;

/* The case as one XML document (schemas/case.xsd), the data forms bind to;
 * *xml is malloc'd UTF-8 of *len bytes, caller frees.  Same visibility and
 * audit as app_case_get. */
BERKAS_MUST_CHECK bool app_case_xml(struct app *app, const struct actor *who, long long id,
                                    char **xml, size_t *len, struct audit_rec *au,
                                    struct berr *err);

/* The case as the XML document of schemas/case.xsd, read inside tx as the
 * actor sees it, in one round trip: one instant of the case when tx is one
 * snapshot (tx_begin_read) or holds the case row's lock (an issuing
 * writer: casefile_load's lock).  *xml malloc'd. */
BERKAS_MUST_CHECK bool casexml_build(struct tx *tx, const struct actor *who, long long id,
                                     char **xml, size_t *len, struct berr *err);

#endif
