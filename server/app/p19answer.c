/* p19answer.c - see p19answer.h. */
#include "p19answer.h"

#include <stdio.h>
#include <stdlib.h>

#include "casefile.h"
#include "store/documents.h"

/* The act or the reason a payload names: the one named replaces the other. */
static void fold_side(struct p19answer *a, json_t *payload)
{
    json_t *act = json_object_get(payload, "answer_act");
    const char *u = json_string_value(json_object_get(payload, "unmet_reason"));
    if (json_is_integer(act)) {
        a->act = (long long)json_integer_value(act);
        a->unmet = NULL;
    } else if (u) {
        a->act = 0;
        a->unmet = u;
    }
}

void p19answer_start(struct p19answer *a, json_t *payload)
{
    *a = (struct p19answer){0};
    fold_side(a, payload);
    a->text = json_string_value(json_object_get(payload, "answer"));
    /* an answer that cannot be met and says nothing besides is answered by its reason; a met one
     * without its text in the payload was recorded before the text was kept there */
    a->known = a->text || a->unmet;
}

void p19answer_apply(struct p19answer *a, json_t *payload)
{
    if (json_is_true(json_object_get(payload, "withdraws"))) {
        a->withdrawn = true;
        return;
    }
    a->withdrawn = false;
    bool was_met = !a->unmet;
    fold_side(a, payload);
    const char *text = json_string_value(json_object_get(payload, "answer"));
    if (text) {
        a->text = text;
        a->known = true;
    } else if (was_met != !a->unmet) {
        a->text = NULL; /* turned: what it said was done was said of the other side */
        a->known = true;
    }
}

const char *p19answer_text(const struct p19answer *a)
{
    return !a->known ? NULL : a->text ? a->text : a->unmet;
}

bool p19answer_of(const struct casefile *cf, int i, int n, struct p19answer *a)
{
    *a = (struct p19answer){0};
    if (n > cf->nevents)
        n = cf->nevents;
    if (i < 0 || i >= n || cf->ev[i].event != EV_INSTRUCTION_ANSWERED)
        return false;
    p19answer_start(a, cf->ev_payload[i]);
    for (int j = i + 1; j < n; j++)
        if (cf->ev[j].event == EV_CORRECTED && casefile_root(cf, j) == i)
            p19answer_apply(a, cf->ev_payload[j]);
    return true;
}

bool p19answer_standing(const struct casefile *cf, int i, long long *act, const char **unmet)
{
    struct p19answer a;
    bool stands = p19answer_of(cf, i, cf->nevents, &a) && !a.withdrawn;
    *act = stands ? a.act : 0;
    *unmet = stands ? a.unmet : NULL;
    return stands;
}

bool p19answer_attached(struct tx *tx, const struct casefile *cf, int act, int given,
                        struct p19attach *out, bool *attached, struct berr *err)
{
    *out = (struct p19attach){0};
    *attached = false;
    if (act < 0 || act >= cf->nevents || given < 0 || given >= cf->nevents)
        return true;
    for (int k = given - 1; k >= 0 && !out->sent_id; k--)
        if (cf->ev[k].event == EV_TAHAP1_SENT || cf->ev[k].event == EV_RESUBMITTED)
            out->sent_id = cf->ev_id[k];
    /* the act's ids and its corrections' (a correction's paper is its act's) */
    size_t size = (size_t)cf->nevents * 24 + 3, len = 0;
    char *ids = malloc(size);
    if (!ids)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    len += (size_t)snprintf(ids, size, "{%lld", cf->ev_id[act]);
    for (int j = act + 1; j < cf->nevents; j++)
        if (cf->ev[j].event == EV_CORRECTED && casefile_root(cf, j) == act)
            len += (size_t)snprintf(ids + len, size - len, ",%lld", cf->ev_id[j]);
    snprintf(ids + len, size - len, "}");
    bool ok = store_act_paper_sent(tx, cf->id, ids, out->sent_id, &out->paper, &out->sent, err);
    free(ids);
    *attached = ok && out->paper && !out->sent;
    return ok;
}
