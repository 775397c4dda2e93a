/* stale.c - see stale.h. */
#include "stale.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actfix.h"
#include "app.h"
#include "audit.h"
#include "casefile.h"
#include "forms.h"
#include "core/event.h"
#include "render/render.h"
#include "validate.h"
#include "store/tx.h"

/* The act as its corrections left it (actfix.h: what one leaves out stands as before it). */
struct act_state {
    const char *date, *number;
    bool has_at, withdrawn;
    long long at, party;
    json_t *payload; /* owned */
};

static struct actfix_row row_of(const struct store_stale_act *a)
{
    return (struct actfix_row){.date = a->legal_date,
                               .has_at = a->has_at,
                               .at = a->at,
                               .number = a->own_number,
                               .party = a->party_id,
                               .payload = a->payload};
}

/* Members of a payload no paper prints as the act: the correction's own. */
static bool not_printed(const char *key)
{
    return strcmp(key, "note") == 0 || strcmp(key, "withdraws") == 0 ||
           strcmp(key, "corrects") == 0;
}

static void payload_diff(json_t *x, json_t *y, json_t *fields)
{
    const char *key;
    json_t *v;
    json_object_foreach(x, key, v)
    {
        if (!not_printed(key) && !json_equal(v, json_object_get(y, key)))
            json_array_append_new(fields, json_string(key));
    }
    json_object_foreach(y, key, v)
    {
        if (!not_printed(key) && !json_object_get(x, key))
            json_array_append_new(fields, json_string(key));
    }
}

/* What differs between the act as printed (then) and as it stands (now), by name. */
static json_t *state_diff(const struct act_state *then, const struct act_state *now)
{
    json_t *f = json_array();
    if (strcmp(then->date, now->date) != 0)
        json_array_append_new(f, json_string("date"));
    /* the hour of the day: the offices' zones keep one offset all year */
    if (then->has_at != now->has_at || (then->has_at && then->at % 86400 != now->at % 86400))
        json_array_append_new(f, json_string("hour"));
    if (strcmp(then->number, now->number) != 0)
        json_array_append_new(f, json_string("number"));
    if (then->party != now->party)
        json_array_append_new(f, json_string("party"));
    payload_diff(then->payload, now->payload, f);
    return f;
}

static int by_id(const void *key, const void *item)
{
    long long k = *(const long long *)key, id = ((const struct store_stale_act *)item)->id;
    return (k > id) - (k < id);
}

/* The index of act id among a[0..n) (sorted by id), or -1. */
static int act_at(const struct store_stale_act *a, int n, long long id)
{
    const struct store_stale_act *x = n > 0 ? bsearch(&id, a, (size_t)n, sizeof *a, by_id) : NULL;
    return x ? (int)(x - a) : -1;
}

/* One case's acts a[0..n): root[i] the act correction i stands for (itself for an act, -1
 * when its act is not among them), next[i] the act's next correction, by id (-1: none). */
struct chains {
    int *root, *first, *next, *last;
};

static bool chains_of(const struct store_stale_act *a, int n, struct chains *c)
{
    size_t m = n > 0 ? (size_t)n : 1;
    c->root = malloc(m * sizeof *c->root);
    c->first = malloc(m * sizeof *c->first);
    c->next = malloc(m * sizeof *c->next);
    c->last = malloc(m * sizeof *c->last);
    if (!c->root || !c->first || !c->next || !c->last)
        return false;
    for (int i = 0; i < n; i++) {
        c->first[i] = c->next[i] = c->last[i] = -1;
        int k = a[i].corrects ? act_at(a, i, a[i].corrects) : i; /* a correction points back */
        c->root[i] = k < 0 ? -1 : k == i ? i : c->root[k];
        int r = c->root[i];
        if (r < 0 || r == i)
            continue;
        if (c->last[r] < 0)
            c->first[r] = i;
        else
            c->next[c->last[r]] = i;
        c->last[r] = i;
    }
    return true;
}

static void chains_free(struct chains *c)
{
    free(c->root);
    free(c->first);
    free(c->next);
    free(c->last);
}

/* The number act a had at instant t (Unix microseconds) among the case's papers p[0..np): the
 * one it was recorded with, else its numbered paper standing then (the first, as
 * STORE_ACT_NUMBER takes it), else none when it had such papers, else its number now (an
 * upload's).  Revoked and issued again, a numbered paper gives its act a new number, which the
 * act's other papers print (a BA cites its order's). */
static const char *number_at(const struct store_stale_paper *p, int np,
                             const struct store_stale_act *a, long long t)
{
    if (a->own_number[0])
        return a->own_number;
    bool any = false;
    for (int i = 0; i < np; i++) {
        if (p[i].event_id != a->id || !p[i].act_number)
            continue;
        any = true;
        if (p[i].issued_us <= t && (!p[i].revoked_us || p[i].revoked_us > t))
            return p[i].number;
    }
    return any ? "" : a->number;
}

struct case_rows {
    const struct store_stale_act *a; /* the case's acts and corrections */
    int n;
    const struct store_stale_paper *p; /* the case's papers */
    int np;
    const struct store_stale_party *x; /* the case's parties */
    int nx;
    const struct store_stale_charge *w; /* the case's charges withdrawn */
    int nw;
    const struct store_stale_item *v; /* the case's items of evidence changed since recorded */
    int nv;
    const struct render_engine *render; /* what each form reads (NULL: its own act only) */
};

/* Act r as its corrections recorded at or before t (Unix microseconds) left it, its number
 * number (the act's own, or its numbered paper's then: number_at). */
static struct act_state state_at(const struct store_stale_act *a, const struct chains *c, int r,
                                 long long t, const char *number)
{
    struct actfix_row act = row_of(&a[r]);
    act.number = number;
    struct actfix f;
    actfix_init(&f, &act);
    for (int j = c->first[r]; j >= 0; j = c->next[j]) {
        if (a[j].entered_us > t)
            continue;
        struct actfix_row fix = row_of(&a[j]);
        actfix_apply(&f, &fix);
    }
    return (struct act_state){.date = f.date,
                              .number = f.number,
                              .has_at = f.has_at,
                              .withdrawn = f.withdrawn,
                              .at = f.at,
                              .party = f.party,
                              .payload = f.payload};
}

/* What a paper issued at t prints of act r that differs now, by name (prefix before each: "" for
 * the paper's own act, "sprindik_issued." for a Sprindik it cites); *fix the act's standing
 * correction when one recorded after t changed it (unless *fix is set already).  *then_s,
 * *now_s (may be NULL) keep the states (the caller frees their payloads). */
static void act_changes(const struct case_rows *k, const struct chains *c, int r, long long t,
                        const char *prefix, json_t *fields, const struct store_stale_act **fix,
                        struct act_state *then_s, struct act_state *now_s)
{
    const struct store_stale_act *a = k->a;
    int then = -1, now = c->last[r];
    for (int j = c->first[r]; j >= 0; j = c->next[j])
        if (a[j].entered_us <= t)
            then = j;
    const char *n_then = number_at(k->p, k->np, &a[r], t),
               *n_now = number_at(k->p, k->np, &a[r], LLONG_MAX);
    struct act_state x = state_at(a, c, r, t, n_then), y = state_at(a, c, r, LLONG_MAX, n_now);
    json_t *f = x.withdrawn || y.withdrawn || (now == then && strcmp(n_then, n_now) == 0)
                    ? json_array()
                    : state_diff(&x, &y);
    size_t i;
    json_t *v;
    json_array_foreach(f, i, v)
    {
        char name[120];
        snprintf(name, sizeof name, "%s%s", prefix, json_string_value(v));
        json_array_append_new(fields, json_string(name));
    }
    if (json_array_size(f) > 0 && now != then && !*fix)
        *fix = &a[now];
    json_decref(f);
    if (then_s)
        *then_s = x;
    else
        json_decref(x.payload);
    if (now_s)
        *now_s = y;
    else
        json_decref(y.payload);
}

/* Whether form info cites act a: the Penetapan the paper's act names (permit_act, then or now),
 * or an act of a kind the template reads, not the paper's own act's kind (a template selects
 * its own act by kind only when it is given none). */
static bool cited(const struct render_form_info *info, const struct store_stale_act *own,
                  const struct store_stale_act *a, const struct act_state *x,
                  const struct act_state *y)
{
    if (info->reads & RENDER_READS_PERMIT) {
        json_t *p = json_object_get(x->payload, "permit_act"),
               *q = json_object_get(y->payload, "permit_act");
        if ((json_is_integer(p) && json_integer_value(p) == a->id) ||
            (json_is_integer(q) && json_integer_value(q) == a->id))
            return true;
    }
    char kind[64];
    snprintf(kind, sizeof kind, " %s ", a->type);
    return strcmp(a->type, own->type) != 0 && info->cites && strstr(info->cites, kind) != NULL;
}

/* Whether a paper of form info (NULL: unknown), of an act naming party then or now, prints
 * party x. */
static bool prints_party(const struct render_form_info *info, const struct store_stale_party *x,
                         long long then, long long now)
{
    unsigned r = info ? info->reads : RENDER_READS_PARTY;
    return (r & RENDER_READS_SEIZED) || /* whoever a thing was seized from: any of them */
           (strcmp(x->kind, "suspect") == 0 && (r & RENDER_READS_SUSPECTS)) ||
           (strcmp(x->kind, "witness") == 0 && (r & RENDER_READS_WITNESSES)) ||
           (strcmp(x->kind, "expert") == 0 && (r & RENDER_READS_EXPERTS)) ||
           ((r & RENDER_READS_PARTY) && (x->id == then || x->id == now));
}

/* The acts paper p of act r cites, corrected after it: their changes into fields. */
static void cited_changes(const struct case_rows *k, const struct chains *c, int r,
                          const struct store_stale_paper *p, const struct render_form_info *info,
                          const struct act_state *x, const struct act_state *y, json_t *fields,
                          const struct store_stale_act **fix)
{
    const struct store_stale_act *a = k->a;
    for (int q = 0; info && q < k->n; q++) {
        /* an act recorded after the paper is none it printed */
        if (q == r || c->root[q] != q || c->last[q] < 0 || a[q].entered_us > p->issued_us ||
            a[c->last[q]].entered_us <= p->issued_us || !cited(info, &a[r], &a[q], x, y))
            continue;
        char prefix[80];
        snprintf(prefix, sizeof prefix, "%s.", a[q].type);
        act_changes(k, c, q, p->issued_us, prefix, fields, fix, NULL, NULL);
    }
}

/* The correction that withdrew act r (the first of its corrections saying so), or NULL. */
static const struct store_stale_act *withdrawal_of(const struct store_stale_act *a,
                                                   const struct chains *c, int r)
{
    for (int j = c->first[r]; j >= 0; j = c->next[j]) {
        json_t *p = json_loads(a[j].payload, 0, NULL);
        bool w = json_is_true(json_object_get(p, "withdraws"));
        json_decref(p);
        if (w)
            return &a[j];
    }
    return NULL;
}

/* The charges withdrawn after paper p that were laid at or before it, when the paper prints the
 * charges (form info): [{code, party_id, at}], empty if none. */
static json_t *charges_dropped(const struct case_rows *k, const struct store_stale_paper *p,
                               const struct render_form_info *info)
{
    json_t *list = json_array();
    for (int i = 0; info && (info->reads & RENDER_READS_CHARGES) && i < k->nw; i++)
        if (k->w[i].added_us <= p->issued_us && k->w[i].withdrawn_us > p->issued_us)
            json_array_append_new(list, json_pack("{s:s, s:I, s:s}", "code", k->w[i].code,
                                                  "party_id", (json_int_t)k->w[i].party_id, "at",
                                                  k->w[i].withdrawn_at));
    return list;
}

/* An item of evidence a paper of form info (NULL: unknown) for act act issued at t printed
 * and that changed since in what it prints of it, or NULL: one recorded at or before t whose
 * description, quantity, day or seizer changed after t; for a paper listing only the things its
 * act took (a seizure's), one naming that act whose text changed, or one linked to it or away
 * from it after t (recorded after t too: the paper misses it).  Not a move of storage alone. */
static const struct store_stale_item *item_changed(const struct case_rows *k,
                                                   const struct render_form_info *info,
                                                   long long act, long long t)
{
    unsigned r = info ? info->reads : 0u;
    for (int i = 0; (r & RENDER_READS_EVIDENCE) && i < k->nv; i++) {
        const struct store_stale_item *v = &k->v[i];
        bool printed = v->created_us <= t && v->printed_us > t;
        if (!(r & RENDER_READS_ACT_ITEMS) && printed)
            return v;
        if ((r & RENDER_READS_ACT_ITEMS) &&
            ((printed && v->seizure_event == act) ||
             (v->linked_us > t && (v->seizure_event == act || v->seizure_was == act))))
            return v;
    }
    return NULL;
}

/* A reporter or victim added after paper p, when its template lists every one of them (the
 * SP3 and its notice name them among those the stop is notified to: KUHAP 109(2), UU 20/2025
 * Pasal 24(4); DOMAIN 4.15): the paper would now name him, so it is stale ("party_added"), the
 * first such party; else NULL.  Unlike a party added after a paper that lists the suspects or
 * witnesses of its day (none it printed), he was owed the notice the paper lists. */
static const struct store_stale_party *reporter_added(const struct case_rows *k,
                                                      const struct store_stale_paper *p,
                                                      const struct render_form_info *info,
                                                      json_t *fields)
{
    for (int i = 0; info && (info->reads & RENDER_READS_REPORTERS) && i < k->nx; i++)
        if (k->x[i].created_us > p->issued_us &&
            (strcmp(k->x[i].kind, "reporter") == 0 || strcmp(k->x[i].kind, "victim") == 0)) {
            json_array_append_new(fields, json_string("party_added"));
            return &k->x[i];
        }
    return NULL;
}

/* Paper p of act r: fn when what it prints changed since it was issued - its act corrected
 * after it, its act's number given anew (its numbered paper revoked and issued again), an act
 * its template cites corrected after it, a party it prints changed after it, a charge it printed
 * withdrawn after it - or when its act
 * is withdrawn, whenever (the paper of an act the log says never stood: "withdrawn"). */
static bool paper_check(const struct case_rows *k, const struct chains *c, int r,
                        const struct store_stale_paper *p, stale_fn *fn, void *ctx)
{
    const struct store_stale_act *fix = NULL;
    const struct render_form_info *info = k->render ? render_form_find(k->render, p->form) : NULL;
    json_t *fields = json_array();
    struct act_state x, y;
    act_changes(k, c, r, p->issued_us, "", fields, &fix, &x, &y);
    bool withdrawn = y.withdrawn; /* nothing it prints matters: it is revoked, never reissued */
    if (withdrawn) {
        json_array_clear(fields);
        json_array_append_new(fields, json_string("withdrawn"));
        fix = withdrawal_of(k->a, c, r);
    } else {
        cited_changes(k, c, r, p, info, &x, &y, fields, &fix);
    }
    const struct store_stale_party *who = NULL;
    for (int i = 0; !withdrawn && !who && i < k->nx; i++)
        if (k->x[i].created_us <= p->issued_us && k->x[i].updated_us > p->issued_us &&
            prints_party(info, &k->x[i], x.party, y.party)) {
            who = &k->x[i];
            json_array_append_new(fields, json_string("party_data"));
        }
    const struct store_stale_item *item =
        withdrawn ? NULL : item_changed(k, info, k->a[r].id, p->issued_us);
    if (item)
        json_array_append_new(fields, json_string("evidence_data"));
    bool added = !withdrawn && !who && (who = reporter_added(k, p, info, fields)) != NULL;
    json_t *dropped = withdrawn ? json_array() : charges_dropped(k, p, info);
    if (json_array_size(dropped) > 0)
        json_array_append_new(fields, json_string("charges"));
    bool stale = json_array_size(fields) > 0;
    if (stale && fn) {
        struct stale_paper s = {.paper = p,
                                .act = &k->a[r],
                                .fix = fix,
                                .party = who,
                                .item = item,
                                .added = added,
                                .charges = dropped,
                                .fields = fields,
                                .withdrawn = withdrawn};
        fn(&s, ctx);
    }
    json_decref(fields);
    json_decref(dropped);
    json_decref(x.payload);
    json_decref(y.payload);
    return stale;
}

int stale_each(const struct store_stale_rows *rows, long long case_id,
               const struct render_engine *render, stale_fn *fn, void *ctx)
{
    int a0 = 0, n = 0, count = 0;
    while (a0 < rows->nacts && rows->acts[a0].case_id != case_id)
        a0++;
    while (a0 + n < rows->nacts && rows->acts[a0 + n].case_id == case_id)
        n++;
    const struct store_stale_act *a = rows->acts + a0;
    struct chains c = {0};
    if (n == 0 || !chains_of(a, n, &c)) {
        chains_free(&c);
        return 0;
    }
    struct case_rows k = {.a = a, .n = n, .p = rows->papers, .x = rows->parties, .render = render};
    while (k.p < rows->papers + rows->npapers && k.p->case_id != case_id)
        k.p++;
    while (k.p + k.np < rows->papers + rows->npapers && k.p[k.np].case_id == case_id)
        k.np++;
    while (k.x < rows->parties + rows->nparties && k.x->case_id != case_id)
        k.x++;
    while (k.x + k.nx < rows->parties + rows->nparties && k.x[k.nx].case_id == case_id)
        k.nx++;
    k.v = rows->items;
    while (k.v < rows->items + rows->nitems && k.v->case_id != case_id)
        k.v++;
    while (k.v + k.nv < rows->items + rows->nitems && k.v[k.nv].case_id == case_id)
        k.nv++;
    k.w = rows->charges;
    while (k.w < rows->charges + rows->ncharges && k.w->case_id != case_id)
        k.w++;
    while (k.w + k.nw < rows->charges + rows->ncharges && k.w[k.nw].case_id == case_id)
        k.nw++;
    for (int i = 0; i < k.np; i++) {
        const struct store_stale_paper *p = &k.p[i];
        int x = p->revoked_us ? -1 : act_at(a, n, p->event_id); /* a revoked one stands no more */
        int r = x < 0 ? -1 : c.root[x]; /* a paper of a correction is its act's */
        if (r >= 0 && paper_check(&k, &c, r, p, fn, ctx))
            count++;
    }
    chains_free(&c);
    return count;
}

/* A payload member or a change of stale.h's in words. */
static const char *field_word(const char *f)
{
    static const char *const words[][2] = {
        {"date", "tanggal"},
        {"hour", "jam"},
        {"number", "nomor"},
        {"party", "pihak"},
        {"party_data", "data pihak"},
        {"evidence_data", "data barang bukti"},
        {"party_added", "pelapor/korban yang ditambahkan"},
        {"charges", "pasal yang disangkakan"},
        {"withdrawn", "tindakan ditarik"},
        {"bap", "jenis BAP"},
        {"permit_act", "izin Ketua PN"},
        {"urgent_reason", "alasan mendesak"},
        {"permit_kind", "jenis penetapan"},
        {"permit_for", "keperluan penetapan"},
        {"decision", "putusan Ketua PN"},
        {"court", "pengadilan"},
        {"approves", "tindakan yang disetujui"},
        {"days", "jumlah hari"},
        {"detention_type", "jenis penahanan"},
        {"recipient", "penerima"},
        {"received_by", "penerima"},
        {"ground", "dasar"},
        {"polri_order", "surat perintah Polri"},
        {"polri_involved", "keikutsertaan Polri"},
        {"severe_illness", "sakit keras"},
        {"instructions", "petunjuk"},
        {"instruction_id", "petunjuk"},
        {"answer", "jawaban"},
        {"answer_act", "tindakan jawaban"},
        {"unmet_reason", "alasan tidak dapat dipenuhi"},
        {"due", "batas waktu"},
        {"direction", "arahan"},
        {"late_reason", "alasan terlambat"},
        {"unmet", "petunjuk belum dipenuhi"},
        {"to", "tujuan"},
        {"jaksa", "jaksa"},
        {"team", "tim penyidik"},
        {"appearance", "kehadiran"},
        {"unlawful_reason", "alasan tidak sah"},
        {"facility", "tempat penahanan"},
        {"scene", "tempat kejadian"},
        {"conditions", "syarat penangguhan"},
        {"guarantee", "jaminan penangguhan"},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i][0], f) == 0)
            return words[i][1];
    return f;
}

const char *stale_field_words(const char *f, char *out, size_t n)
{
    const char *dot = strchr(f, '.');
    enum event ev;
    char kind[64];
    snprintf(kind, sizeof kind, "%.*s", dot ? (int)(dot - f) : 0, f);
    if (dot && event_lookup(kind, &ev))
        snprintf(out, n, "%s %s", field_word(dot + 1), event_label(ev));
    else
        snprintf(out, n, "%s", field_word(f));
    return out;
}

/* ---- who may revoke a paper ------------------------------------------------------------- */

/* What the rule reads of a paper (store_revoke_target, store_stale_paper). */
struct revoke_paper {
    const char *issuer_role, *title, *number; /* the issuing user's role */
    long long office_id;                      /* the issuing office */
    bool revoked;
};

bool stale_file_held(const struct casefile *cf)
{
    return cf->stage == ST_WITH_PROSECUTOR || cf->stage == ST_COMPLETE ||
           cf->stage == ST_HANDED_OVER;
}

bool stale_held_refusal(const struct casefile *cf, const char *field, const char *paper,
                        const char *verb, struct berr *err)
{
    if (cf->stage == ST_WITH_PROSECUTOR)
        return berr_field(err, BERR_CONFLICT, field,
                          "berkas sedang diteliti Penuntut Umum (Tahap I): %s %s sesudah berkas "
                          "dikembalikan (P-18/P-19)",
                          paper, verb);
    /* a file handed over under the short procedure had no P-21 (UU 6/2011 Pasal 110; DOMAIN
     * 4.14): say what ended it (reviewer's finding 7) */
    struct case_event e;
    for (int i = 0; cf->stage == ST_HANDED_OVER && i < cf->nevents; i++)
        if (cf->ev[i].event == EV_SHORT_PROCEDURE_HANDOVER &&
            evlog_effective(cf->ev, cf->nevents, i, &e))
            return berr_field(err, BERR_CONFLICT, field,
                              "berkas sudah diserahkan kepada Penuntut Umum dengan acara "
                              "pemeriksaan singkat (UU 6/2011 Pasal 110): %s tidak %s lagi",
                              paper, verb);
    return berr_field(err, BERR_CONFLICT, field,
                      "berkas sudah dinyatakan lengkap (P-21): %s tidak %s lagi", paper, verb);
}

/* An investigator's paper stays as the prosecutor holds it while the file is with him
 * (Tahap I, KUHAP 110, 138) and once he has declared it complete (P-21) or received the
 * suspect and evidence (Tahap II): revoking it then would change, unseen, the file he is
 * examining or has accepted.  A returned file (P-18/P-19) is the investigator's again. */
static bool papers_may_change(const struct casefile *cf, const struct revoke_paper *t,
                              struct berr *err)
{
    if (strcmp(t->issuer_role, "investigator") != 0 || !stale_file_held(cf))
        return true;
    char paper[400];
    snprintf(paper, sizeof paper, "%s no. %s", t->title, t->number);
    return stale_held_refusal(cf, "document", paper, "dicabut", err);
}

static bool revoke_allowed(const struct actor *who, const struct casefile *cf,
                           const struct revoke_paper *t, long long doc_id, struct berr *err)
{
    /* an investigator of another office sees nothing of the case (as casecorrect.c) */
    if (who->role == ROLE_INVESTIGATOR && cf->office_id != who->office_id)
        return berr_set(err, BERR_NOT_FOUND, "dokumen %lld tidak ditemukan", doc_id);
    if (strcmp(t->issuer_role, who->role == ROLE_PROSECUTOR ? "prosecutor" : "investigator") != 0 ||
        t->office_id != who->office_id)
        return berr_set(err, BERR_FORBIDDEN,
                        "dokumen ini diterbitkan oleh peran atau kantor lain: dicabut olehnya");
    if (t->revoked)
        return berr_field(err, BERR_CONFLICT, "document", "%s no. %s sudah dicabut", t->title,
                          t->number);
    return papers_may_change(cf, t, err);
}

/* Whether who may revoke paper p of the case cf: the rule a revocation meets (revoke_in), asked
 * without its answer's words. */
static bool may_revoke(const struct actor *who, const struct casefile *cf,
                       const struct store_stale_paper *p)
{
    if (who->role != ROLE_INVESTIGATOR && who->role != ROLE_PROSECUTOR)
        return false;
    struct revoke_paper r = {.issuer_role = p->issuer_role,
                             .title = p->title,
                             .number = p->number,
                             .office_id = p->office_id,
                             .revoked = p->revoked_us != 0};
    struct berr ignored = {0};
    return revoke_allowed(who, cf, &r, p->id, &ignored);
}

struct json_ctx {
    json_t *list;
    const struct actor *who; /* the reader, or NULL */
    const struct casefile *cf;
};

static void append_json(const struct stale_paper *s, void *ctx)
{
    struct json_ctx *x = ctx;
    json_t *o =
        json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:i, s:O}", "document_id",
                  (json_int_t)s->paper->id, "form", s->paper->form, "title", s->paper->title,
                  "number", s->paper->number, "issued_on", s->paper->issued_on, "event_id",
                  (json_int_t)s->act->id, "act_seq", s->act->seq, "fields", s->fields);
    /* none when only the act's number was given anew (its numbered paper issued again) */
    json_object_set_new(o, "correction_id", s->fix ? json_integer(s->fix->id) : json_null());
    json_object_set_new(o, "correction_seq", s->fix ? json_integer(s->fix->seq) : json_null());
    json_object_set_new(o, "corrected_at", s->fix ? json_string(s->fix->entered_at) : json_null());
    json_object_set_new(o, "corrected_date",
                        s->fix ? json_string(s->fix->legal_date) : json_null());
    /* its act withdrawn: the paper is of no act, revoked and never issued again */
    json_object_set_new(o, "withdrawn", json_boolean(s->withdrawn));
    /* a party it prints changed after it (PUT /parties/{id}), or a reporter or victim added
     * after it whom it would now name: who and when */
    json_t *who = s->party ? json_pack("{s:I, s:s, s:s}", "id", (json_int_t)s->party->id, "name",
                                       s->party->name, "at", s->party->updated_at)
                           : json_null();
    json_object_set_new(o, "party_changed", s->added ? json_null() : json_incref(who));
    json_object_set_new(o, "party_added", s->added ? json_incref(who) : json_null());
    json_decref(who);
    /* an item of evidence it prints changed after it (PUT /evidence/{item}): which and when */
    json_object_set_new(o, "evidence_changed",
                        s->item ? json_pack("{s:I, s:s, s:s}", "id", (json_int_t)s->item->id,
                                            "description", s->item->description, "at",
                                            s->item->changed_at)
                                : json_null());
    /* the charges it printed withdrawn after it (DELETE /offences/{charge}): which and when */
    json_object_set(o, "charges_withdrawn", s->charges);
    /* each field in words, as the file's gap says it */
    json_t *labels = json_array();
    size_t i;
    json_t *v;
    json_array_foreach(s->fields, i, v)
    {
        char w[160];
        json_array_append_new(labels,
                              json_string(stale_field_words(json_string_value(v), w, sizeof w)));
    }
    json_object_set_new(o, "labels", labels);
    /* what the reader may do with it: revoke; issue again (not a withdrawn act's paper) */
    json_t *can = json_array();
    if (x->who && x->cf && may_revoke(x->who, x->cf, s->paper)) {
        json_array_append_new(can, json_string("revoke"));
        if (!s->withdrawn)
            json_array_append_new(can, json_string("reissue"));
    }
    json_object_set_new(o, "actions", can);
    json_array_append_new(x->list, o);
}

json_t *stale_json(const struct store_stale_rows *rows, long long case_id,
                   const struct render_engine *render, const struct actor *who,
                   const struct casefile *cf)
{
    struct json_ctx x = {.list = json_array(), .who = who, .cf = cf};
    stale_each(rows, case_id, render, append_json, &x);
    return x.list;
}

/* ---- revoking a paper ------------------------------------------------------------------- */

/* Revoke doc_id inside tx (locking its case), the caller's paper, not revoked: *t is it. */
static bool revoke_in(struct tx *tx, const struct actor *who, long long doc_id, const char *note,
                      struct store_revoke_target *t, struct berr *err)
{
    if (who->role != ROLE_INVESTIGATOR && who->role != ROLE_PROSECUTOR)
        return berr_set(err, BERR_FORBIDDEN, "peran ini tidak mencabut dokumen");
    size_t chars = note ? utf8_length(note) : 0;
    if (!note || validate_blank(note) || chars < 3 || chars > 1000)
        return berr_field(err, BERR_BAD_INPUT, "note",
                          "note: alasan pencabutan, 3 sampai 1000 huruf (mis. \"diterbitkan "
                          "sebelum koreksi peristiwa 7\")");
    struct casefile cf = {0};
    bool found = false, done = false;
    bool ok = store_revoke_target(tx, doc_id, t, &found, err) &&
              (found || berr_set(err, BERR_NOT_FOUND, "dokumen %lld tidak ditemukan", doc_id));
    struct revoke_paper r = {.issuer_role = t->issuer_role,
                             .title = t->title,
                             .number = t->number,
                             .office_id = t->office_id,
                             .revoked = t->revoked};
    /* the case locked: a revocation, an issue and an act of the case are one after another */
    ok = ok && casefile_load(tx, who, t->case_id, true, &cf, err) &&
         revoke_allowed(who, &cf, &r, doc_id, err) &&
         store_document_revoke(tx, t->case_id, doc_id, note, &done, err) &&
         (done || berr_field(err, BERR_CONFLICT, "document", "dokumen %lld sudah dicabut", doc_id));
    casefile_free(&cf);
    return ok;
}

bool app_document_revoke(struct app *app, const struct actor *who, long long doc_id,
                         const char *note, json_t **out, struct audit_rec *au, struct berr *err)
{
    *out = NULL;
    au->action = "document.revoke";
    au->object_type = "document";
    au->object_id = doc_id;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    struct store_revoke_target t = {0};
    bool ok = revoke_in(&tx, who, doc_id, note, &t, err);
    if (ok) {
        snprintf(au->detail, sizeof au->detail,
                 "{\"case\":%lld,\"form\":\"%.40s\",\"document\":%lld}", t.case_id, t.form, doc_id);
        ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    }
    if (ok)
        *out = json_pack("{s:I, s:I, s:s, s:s, s:b}", "id", (json_int_t)doc_id, "case_id",
                         (json_int_t)t.case_id, "form", t.form, "number", t.number, "revoked", 1);
    tx_end(&tx);
    store_revoke_target_free(&t);
    return ok;
}

/* The paper's parameters as the issuer gave them, without those the issue takes from the act
 * (forms.c params_from_act, params_prosecutor, params_acknowledger; the extension request's
 * det-*, params_extension): the act, or the detention, as it stands says them again. */
static json_t *params_given(const char *text)
{
    json_t *p = text ? json_loads(text, 0, NULL) : NULL;
    if (!json_is_object(p)) {
        json_decref(p);
        return json_object();
    }
    json_object_del(p, "party");
    const char *key;
    void *tmp;
    json_t *v;
    json_object_foreach_safe(p, tmp, key, v)
    {
        if (strncmp(key, "prosecutor", 10) == 0 || strncmp(key, "head-", 5) == 0 ||
            strncmp(key, "det-", 4) == 0)
            json_object_del(p, key);
    }
    return p;
}

bool app_document_reissue(struct app *app, const struct actor *who, long long doc_id,
                          const char *note, json_t **out, struct audit_rec *au, struct berr *err)
{
    *out = NULL;
    au->action = "document.reissue";
    au->object_type = "document";
    au->object_id = doc_id;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    struct store_revoke_target t = {0};
    json_t *params = NULL;
    bool ok = revoke_in(&tx, who, doc_id, note, &t, err) &&
              (t.event_id || berr_field(err, BERR_UNPROCESSABLE, "document",
                                        "%s no. %s bukan dokumen suatu tindakan: dicabut saja, "
                                        "lalu terbitkan yang baru",
                                        t.title, t.number));
    if (ok) {
        params = params_given(t.params);
        ok = forms_reissue_tx(app, &tx, who, t.case_id, t.event_id, t.form, params,
                              t.act_number ? t.number : NULL, out, err);
    }
    if (ok) {
        json_object_set_new(*out, "revoked", json_integer(doc_id));
        snprintf(au->detail, sizeof au->detail,
                 "{\"case\":%lld,\"form\":\"%.40s\",\"revoked\":%lld,\"document\":%lld}", t.case_id,
                 t.form, doc_id, (long long)json_integer_value(json_object_get(*out, "id")));
        ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    }
    if (!ok) {
        json_decref(*out);
        *out = NULL;
    }
    tx_end(&tx); /* nothing revoked when the new paper is not issued */
    json_decref(params);
    store_revoke_target_free(&t);
    return ok;
}
