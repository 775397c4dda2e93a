/* casepage.c - see casepage.h. */
#include "casepage.h"

#include <stdlib.h>
#include <string.h>

#include "casefile.h"
#include "core/answer.h"
#include "core/buf.h"
#include "core/event.h"
#include "core/relground.h"
#include "p19answer.h"
#include "store/casefile.h"
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
            a, json_pack("{s:I, s:s, s:s, s:s?, s:s?, s:s?, s:s, s:s?, s:s, s:s, s:s, s:s, s:s, "
                         "s:i, s:s?}",
                         "id", (json_int_t)p->id, "kind", p->kind, "name", p->name, "nationality",
                         p->nationality, "passport_no", p->passport_no, "birth_date", p->birth_date,
                         "birth_place", p->birth_place, "sex", p->sex, "occupation", p->occupation,
                         "address_id", p->address_id, "address_abroad", p->address_abroad,
                         "language", p->language, "interpreter", p->interpreter, "version",
                         p->version, "nik", p->nik));
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
        json_array_append_new(
            a, json_pack("{s:I, s:s, s:s, s:o, s:s?, s:s, s:i, s:o}", "id", (json_int_t)e->id,
                         "description", e->description, "quantity", e->quantity, "seized_from",
                         jid(e->seized_from), "seized_on", e->seized_on, "storage", e->storage,
                         "version", e->version, "seizure_event", jid(e->seizure_event)));
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
        /* met (naming its act, or with its paper on the answer) or not met with its reason,
         * as the answer's corrections leave it (p19answer.h) */
        long long act = 0;
        const char *unmet = NULL;
        if (it->answered_by)
            p19answer_standing(cf, casefile_event_index(cf, it->answered_by), &act, &unmet);
        const char *status = !it->answer ? "terbuka" : unmet ? "tidak_dapat_dipenuhi" : "dipenuhi";
        json_array_append_new(
            items,
            json_pack("{s:I, s:i, s:s, s:s?, s:b, s:s, s:s?, s:o, s:o, s:o, s:o}", "id",
                      (json_int_t)it->id, "item_no", it->item_no, "text", it->text, "answer",
                      it->answer, "answered", it->answer != NULL, "status", status, "unmet_reason",
                      unmet, "answer_act", jid(act), "answered_by", jid(it->answered_by), "reopens",
                      jid(it->reopens), "answer_acts", answer_acts(cf, it->given)));
    }
    return a;
}

/* the acts that moved the stage */
static json_t *timeline_json(const struct store_log *log)
{
    json_t *a = json_array();
    for (int i = 0; i < log->n; i++) {
        const struct store_log_act *e = &log->acts[i];
        if (strcmp(e->stage_before, e->stage_after) != 0)
            json_array_append_new(a, json_pack("{s:i, s:s, s:s, s:s, s:s}", "seq", e->seq, "date",
                                               e->legal_date, "from", e->stage_before, "to",
                                               e->stage_after, "event", log->items[i].type));
    }
    return a;
}

/* ---- the history, written as text ----------------------------------------------------------
 *
 * A long case's history is most of its page (10,000 acts: 4.3 MB of 4.35): built as a jansson
 * tree it was some 20 allocations an act, then dumped and freed, more than half of the
 * request's CPU (issue 12.4).  It is written straight into the answer instead, in the bytes
 * json_dumps(JSON_COMPACT) gave for the tree (its keys in the same order, strings escaped as
 * jansson escapes them), each act's payload dumped from the tree cf decoded it into.  Every
 * string is the database's text, valid UTF-8 (PostgreSQL checks it), or berkas' own. */

/* a JSON string of s as jansson's dump writes it: ", \ and the control characters escaped,
 * the rest (UTF-8 included) as is */
static void put_string(struct buf *b, const char *s)
{
    buf_append(b, "\"", 1);
    const char *run = s;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        buf_append(b, run, (size_t)(p - run));
        run = p + 1;
        switch (c) {
        case '"':
            buf_append(b, "\\\"", 2);
            break;
        case '\\':
            buf_append(b, "\\\\", 2);
            break;
        case '\b':
            buf_append(b, "\\b", 2);
            break;
        case '\f':
            buf_append(b, "\\f", 2);
            break;
        case '\n':
            buf_append(b, "\\n", 2);
            break;
        case '\r':
            buf_append(b, "\\r", 2);
            break;
        case '\t':
            buf_append(b, "\\t", 2);
            break;
        default:
            buf_printf(b, "\\u%04X", c);
        }
    }
    buf_append_str(b, run);
    buf_append(b, "\"", 1);
}

/* ,"key": then the string s (null when NULL) */
static void put_str_member(struct buf *b, const char *key, const char *s)
{
    buf_printf(b, ",\"%s\":", key);
    if (s)
        put_string(b, s);
    else
        buf_append_str(b, "null");
}

/* ,"key": then the id (null when 0) */
static void put_id_member(struct buf *b, const char *key, long long id)
{
    if (id)
        buf_printf(b, ",\"%s\":%lld", key, id);
    else
        buf_printf(b, ",\"%s\":null", key);
}

static int dump_to_buf(const char *p, size_t n, void *ud)
{
    return buf_append(ud, p, n) ? 0 : -1;
}

/* the act's papers (*k: the next paper of l, by the act's seq) */
static void put_papers(struct buf *b, const struct store_case_lists *l, long long act, int *k)
{
    buf_append_str(b, ",\"documents\":[");
    for (int first = *k; *k < l->npapers && l->papers[*k].event_id == act; (*k)++) {
        buf_printf(b, "%s{\"id\":%lld", *k == first ? "" : ",", l->papers[*k].id);
        put_str_member(b, "form", l->papers[*k].form);
        put_str_member(b, "number", l->papers[*k].number);
        buf_append(b, "}", 1);
    }
    buf_append(b, "]", 1);
}

/* one act of the history: {id, seq, type, legal_date, legal_at, number, documents, party_id,
 * corrects, regime, stage_before, stage_after, late, entered_at, entered_by, payload, label} */
static void put_act(struct buf *b, const struct store_case_lists *l, const struct store_log *log,
                    const struct casefile *cf, int i, int *k)
{
    const struct store_log_row *r = &log->items[i];
    const struct store_log_act *e = &log->acts[i];
    buf_printf(b, "{\"id\":%lld,\"seq\":%d", r->id, e->seq);
    put_str_member(b, "type", r->type);
    put_str_member(b, "legal_date", e->legal_date);
    put_str_member(b, "legal_at", e->legal_at);
    put_str_member(b, "number", e->number);
    put_papers(b, l, r->id, k);
    put_id_member(b, "party_id", r->party_id);
    put_id_member(b, "corrects", r->corrects);
    put_str_member(b, "regime", e->regime);
    put_str_member(b, "stage_before", e->stage_before);
    put_str_member(b, "stage_after", e->stage_after);
    buf_printf(b, ",\"late\":%s", e->late ? "true" : "false");
    put_str_member(b, "entered_at", e->entered_at);
    put_str_member(b, "entered_by", e->entered_by);
    buf_append_str(b, ",\"payload\":");
    json_t *payload = i < cf->nevents ? cf->ev_payload[i] : NULL;
    if (!payload)
        buf_append_str(b, "null");
    else if (json_dump_callback(payload, dump_to_buf, b, JSON_COMPACT) != 0)
        b->failed = true;
    enum event ev;
    /* a release from an arrest is named as such (core/relground.h) */
    const char *rl = r->type && strcmp(r->type, "released") == 0
                         ? release_act_label(json_string_value(json_object_get(payload, "custody")))
                         : NULL;
    if (rl)
        put_str_member(b, "label", rl);
    else if (event_lookup(r->type, &ev))
        put_str_member(b, "label", event_label(ev));
    buf_append(b, "}", 1);
}

/* every act with its papers (both lists by the act's seq) and its label, as a JSON array */
static void put_history(struct buf *b, const struct store_case_lists *l,
                        const struct store_log *log, const struct casefile *cf)
{
    buf_append(b, "[", 1);
    int k = 0;
    for (int i = 0; i < log->n; i++) {
        if (i)
            buf_append(b, ",", 1);
        put_act(b, l, log, cf, i, &k);
    }
    buf_append(b, "]", 1);
}

char *casepage_text(const json_t *doc, const struct store_case_lists *l,
                    const struct store_log *log, const struct casefile *cf, size_t *len)
{
    struct buf b = {0};
    /* room for the history at once: its payloads' text and some 400 bytes an act around them */
    size_t room = 4096;
    for (int i = 0; i < log->n; i++)
        room += strlen(log->items[i].payload) + 400;
    if (!buf_reserve(&b, room))
        return NULL;
    buf_append(&b, "{", 1);
    const char *key;
    json_t *value;
    bool first = true;
    json_object_foreach((json_t *)doc, key, value)
    {
        buf_append_str(&b, first ? "" : ",");
        first = false;
        put_string(&b, key);
        buf_append(&b, ":", 1);
        if (strcmp(key, "history") == 0)
            put_history(&b, l, log, cf);
        else if (json_dump_callback(value, dump_to_buf, &b, JSON_COMPACT | JSON_ENCODE_ANY) != 0)
            b.failed = true;
    }
    buf_append(&b, "}", 1);
    return buf_take(&b, len);
}

void casepage_lists(const struct store_case_lists *l, const struct store_log *log,
                    const struct casefile *cf, json_t *doc)
{
    json_object_set_new(doc, "parties", parties_json(l));
    json_object_set_new(doc, "offences", offences_json(l));
    json_object_set_new(doc, "evidence", evidence_json(l));
    json_object_set_new(doc, "p19_rounds", p19_rounds_json(l, cf));
    json_object_set_new(doc, "timeline", timeline_json(log));
    json_object_set_new(doc, "history", json_null()); /* written by casepage_text */
}

json_t *casepage_members(const struct store_member *m, int n, bool with_source,
                         const struct casefile *cf)
{
    json_t *a = json_array();
    for (int i = 0; i < n; i++) {
        char day[CALDATE_DATE_LEN];
        const char *since = m[i].since;
        int k = cf && m[i].event_id ? casefile_event_index(cf, m[i].event_id) : -1;
        struct case_event e;
        if (k >= 0 && evlog_effective(cf->ev, cf->nevents, k, &e)) {
            caldate_format(evlog_date(&e, cf->zone), day, sizeof day);
            since = day;
        }
        json_array_append_new(
            a, with_source
                   ? json_pack("{s:I, s:s, s:s, s:s?, s:s}", "id", (json_int_t)m[i].id, "name",
                               m[i].name, "nip", m[i].nip, "source", m[i].source, "since", since)
                   : json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)m[i].id, "name", m[i].name,
                               "nip", m[i].nip, "since", since));
    }
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
