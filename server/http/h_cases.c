/* h_cases.c - cases (read side; the state machine's routes come with it). */
#include <stdlib.h>

#include "app/app.h"
#include "handlers.h"

HANDLER(h_cases_list)
{
    struct berr err = {0};
    reply_result(rep, 200, app_cases_list(app, &req->actor, &req->audit, &err), &err);
}

HANDLER(h_case_get)
{
    struct berr err = {0};
    long long id;
    req->audit.action = "case.read";
    json_t *j = path_id(req->params[0], "id", &id, &err)
                    ? app_case_get(app, &req->actor, id, &req->audit, &err)
                    : NULL;
    reply_result(rep, 200, j, &err);
}

HANDLER(h_case_xml)
{
    struct berr err = {0};
    long long id;
    char *xml = NULL;
    size_t len = 0;
    req->audit.action = "case.export";
    if (path_id(req->params[0], "id", &id, &err) &&
        app_case_xml(app, &req->actor, id, &xml, &len, &req->audit, &err)) {
        free(rep->body);
        rep->status = 200;
        rep->content_type = "application/xml";
        rep->body = xml;
        rep->len = len;
    } else {
        reply_berr(rep, &err);
    }
}
