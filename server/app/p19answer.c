/* p19answer.c - see p19answer.h. */
#include "p19answer.h"

#include "casefile.h"

void p19answer_fold(json_t *payload, long long *act, const char **unmet)
{
    json_t *a = json_object_get(payload, "answer_act");
    const char *u = json_string_value(json_object_get(payload, "unmet_reason"));
    if (json_is_integer(a)) {
        *act = (long long)json_integer_value(a);
        *unmet = NULL;
    } else if (u) {
        *act = 0;
        *unmet = u;
    }
}

bool p19answer_standing(const struct casefile *cf, int i, long long *act, const char **unmet)
{
    *act = 0;
    *unmet = NULL;
    if (i < 0 || i >= cf->nevents || cf->ev[i].event != EV_INSTRUCTION_ANSWERED)
        return false;
    p19answer_fold(cf->ev_payload[i], act, unmet);
    for (int j = i + 1; j < cf->nevents; j++) {
        if (cf->ev[j].event != EV_CORRECTED || casefile_root(cf, j) != i)
            continue;
        if (cf->ev[j].withdraws) {
            *act = 0;
            *unmet = NULL;
            return false;
        }
        p19answer_fold(cf->ev_payload[j], act, unmet);
    }
    return true;
}
