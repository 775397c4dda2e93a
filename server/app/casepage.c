/* casepage.c - see casepage.h. */
#include "casepage.h"

#include <stdlib.h>
#include <string.h>

#include "casefile.h"
#include "core/answer.h"
#include "core/event.h"
#include "store/cases.h"

/* an id, null when 0 (none) */
static json_t *jid(long long id)
{
    return id ? json_integer((json_int_t)id) : json_null();
}

static json_t *parties_json(const struct store_case_lists *l)
{
    json_t *a = json_array();
    for (int i = 0; i < l->nparties; i++) {
        const struct store_party *p = &l->parties[i];
        json_array_append_new(
            a,
            json_pack("{s:I, s:s, s:s, s:s?, s:s?, s:s?, s:s, s:s?, s:s, s:s, s:s, s:s, s:s, "
                      "s:i}",
                      "id", (json_int_t)p->id, "kind", p->kind, "name", p->name, "nationality",
                      p->nationality, "passport_no", p->passport_no, "birth_date", p->birth_date,
                      "birth_place", p->birth_place, "sex", p->sex, "occupation", p->occupation,
                      "address_id", p->address_id, "address_abroad", p->address_abroad, "language",
                      p->language, "interpreter", p->interpreter, "version", p->version));
    }
    return a;
}

static json_t *offences_json(const struct store_case_lists *l)
{
    json_t *a = json_array();
    for (int i = 0; i < l->ncharges; i++) {
        const struct store_charge *c = &l->charges[i];
        json_array_append_new(
            a, json_pack("{s:I, s:s, s:s, s:o, s:i, s:b, s:b, s:b}", "id", (json_int_t)c->id,
                         "code", c->code, "label", c->label, "party_id", jid(c->party_id),
                         "max_prison_months", c->max_prison_months, "detainable", c->detainable,
                         "short_procedure", c->short_procedure, "to_verify", c->to_verify));
    }
    return a;
}

static json_t *evidence_json(const struct store_case_lists *l)
{
    json_t *a = json_array();
    for (int i = 0; i < l->nevidence; i++) {
        const struct store_evidence *e = &l->evidence[i];
        json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:o, s:s?, s:s, s:i}", "id",
                                           (json_int_t)e->id, "description", e->description,
                                           "quantity", e->quantity, "seized_from",
                                           jid(e->seized_from), "seized_on", e->seized_on,
                                           "storage", e->storage, "version", e->version));
    }
    return a;
}

/* The acts of cf that can answer an item given by the act given_id (core/answer.h), newest
 * first: what the case page offers as its answer_act. */
static json_t *answer_acts(const struct casefile *cf, long long given_id)
{
    json_t *a = json_array();
    int given = given_id ? casefile_event_index(cf, given_id) : -1;
    for (int k = cf->nevents - 1; k >= 0; k--)
        if (answer_check(cf->ev, cf->nevents, k, given, cf->zone) == ANSWER_OK)
            json_array_append_new(a, json_integer((json_int_t)cf->ev_id[k]));
    return a;
}

/* the items come by round: one object a round, its items in order */
static json_t *p19_rounds_json(const struct store_case_lists *l, const struct casefile *cf)
{
    json_t *a = json_array(), *items = NULL;
    for (int i = 0; i < l->np19; i++) {
        const struct store_p19_item *it = &l->p19[i];
        if (i == 0 || it->round != l->p19[i - 1].round ||
            strcmp(it->received_on, l->p19[i - 1].received_on) != 0) {
            items = json_array();
            json_array_append_new(a, json_pack("{s:i, s:s, s:o}", "round", it->round, "received_on",
                                               it->received_on, "items", items));
        }
        json_array_append_new(items, json_pack("{s:I, s:i, s:s, s:s?, s:b, s:o, s:o}", "id",
                                               (json_int_t)it->id, "item_no", it->item_no, "text",
                                               it->text, "answer", it->answer, "answered",
                                               it->answer != NULL, "reopens", jid(it->reopens),
                                               "answer_acts", answer_acts(cf, it->given)));
    }
    return a;
}

/* the acts that moved the stage */
static json_t *timeline_json(const struct store_case_lists *l)
{
    json_t *a = json_array();
    for (int i = 0; i < l->nacts; i++) {
        const struct store_act *e = &l->acts[i];
        if (strcmp(e->stage_before, e->stage_after) != 0)
            json_array_append_new(a, json_pack("{s:i, s:s, s:s, s:s, s:s}", "seq", e->seq, "date",
                                               e->legal_date, "from", e->stage_before, "to",
                                               e->stage_after, "event", e->type));
    }
    return a;
}

/* every act with its papers (both lists by the act's seq) and its label */
static json_t *history_json(const struct store_case_lists *l)
{
    json_t *a = json_array();
    int k = 0;
    for (int i = 0; i < l->nacts; i++) {
        const struct store_act *e = &l->acts[i];
        json_t *papers = json_array();
        for (; k < l->npapers && l->papers[k].event_id == e->id; k++)
            json_array_append_new(
                papers, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)l->papers[k].id, "form",
                                  l->papers[k].form, "number", l->papers[k].number));
        json_t *payload = json_loads(e->payload, 0, NULL);
        json_t *h = json_pack(
            "{s:I, s:i, s:s, s:s, s:s?, s:s, s:o, s:o, s:o, s:s, s:s, s:s, s:b, s:s, s:s, s:o}",
            "id", (json_int_t)e->id, "seq", e->seq, "type", e->type, "legal_date", e->legal_date,
            "legal_at", e->legal_at, "number", e->number, "documents", papers, "party_id",
            jid(e->party_id), "corrects", jid(e->corrects), "regime", e->regime, "stage_before",
            e->stage_before, "stage_after", e->stage_after, "late", e->late, "entered_at",
            e->entered_at, "entered_by", e->entered_by, "payload", payload ? payload : json_null());
        enum event ev;
        if (h && event_lookup(e->type, &ev))
            json_object_set_new(h, "label", json_string(event_label(ev)));
        json_array_append_new(a, h);
    }
    return a;
}

void casepage_lists(const struct store_case_lists *l, const struct casefile *cf, json_t *doc)
{
    json_object_set_new(doc, "parties", parties_json(l));
    json_object_set_new(doc, "offences", offences_json(l));
    json_object_set_new(doc, "evidence", evidence_json(l));
    json_object_set_new(doc, "p19_rounds", p19_rounds_json(l, cf));
    json_object_set_new(doc, "timeline", timeline_json(l));
    json_object_set_new(doc, "history", history_json(l));
}

json_t *casepage_members(const struct store_member *m, int n, bool with_source)
{
    json_t *a = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(
            a, with_source ? json_pack("{s:I, s:s, s:s, s:s?, s:s}", "id", (json_int_t)m[i].id,
                                       "name", m[i].name, "nip", m[i].nip, "source", m[i].source,
                                       "since", m[i].since)
                           : json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)m[i].id, "name",
                                       m[i].name, "nip", m[i].nip, "since", m[i].since));
    return a;
}

/* PostgreSQL's jsonb orders an object's keys shorter first, then bytewise:
 * the order the directions' keys always had in the API */
static int jsonb_key_order(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    size_t nx = strlen(x), ny = strlen(y);
    if (nx != ny)
        return nx < ny ? -1 : 1;
    return memcmp(x, y, nx);
}

/* v with every object's keys in jsonb's order (a new reference) */
static json_t *jsonb_ordered(json_t *v)
{
    if (!json_is_object(v))
        return json_incref(v);
    size_t n = json_object_size(v), i = 0;
    const char **keys = malloc((n ? n : 1) * sizeof *keys);
    json_t *out = json_object();
    if (!keys)
        return out;
    const char *key;
    json_t *val;
    json_object_foreach(v, key, val)
    {
        keys[i++] = key;
    }
    qsort(keys, n, sizeof *keys, jsonb_key_order);
    for (i = 0; i < n; i++)
        json_object_set_new(out, keys[i], jsonb_ordered(json_object_get(v, keys[i])));
    free(keys);
    return out;
}

json_t *casepage_directions(const json_t *dirs, const struct store_directions_named *names,
                            struct berr *err)
{
    if ((size_t)names->n != json_array_size(dirs)) {
        berr_set(err, BERR_INTERNAL, "%d names for %zu directions", names->n,
                 json_array_size(dirs));
        return NULL;
    }
    json_t *a = json_array();
    for (int i = 0; i < names->n; i++) {
        const struct store_direction_names *w = &names->items[i];
        json_t *d = json_copy(json_array_get(dirs, (size_t)i));
        json_object_set_new(d, "given_by", w->given_by ? json_string(w->given_by) : json_null());
        json_object_set_new(d, "to_name", w->to_name ? json_string(w->to_name) : json_null());
        json_object_set_new(d, "to_nip", w->to_nip ? json_string(w->to_nip) : json_null());
        json_object_set_new(d, "done_by", w->done_by ? json_string(w->done_by) : json_null());
        json_array_append_new(a, jsonb_ordered(d));
        json_decref(d);
    }
    return a;
}
