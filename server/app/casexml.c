/* casexml.c - the case as one XML document (being written). */
#include "app.h"

bool app_case_xml(struct app *app, const struct actor *who, long long id, char **xml, size_t *len,
                  struct audit_rec *au, struct berr *err)
{
    (void)app;
    (void)who;
    (void)id;
    (void)xml;
    (void)len;
    (void)au;
    return berr_set(err, BERR_INTERNAL, "not yet");
}
