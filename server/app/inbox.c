/*
 * inbox.c - the prosecutor's inbox (issue 10, item 4): what arrived at the
 * caller's Kejaksaan Negeri - SPDPs (KUHAP 109(1)), files sent (Tahap I,
 * KUHAP 8(3)(a), 110(1)), files re-sent after a P-19 (110(3)), suspects and
 * evidence handed over (Tahap II, 8(3)(b)), the notice that the investigation was stopped
 * (SP3, 109(3)) - one row per case, read or not
 * per prosecutor, the prosecutor's own deadlines first.
 *
 * It is SQL over the case summaries (summary.h), which keep each case's
 * arrivals and receipts and the earliest running clock the prosecutor must
 * act on (the 7 days to answer, the 14 to return, P-17).  Two sections, each
 * paged by its own order: the cases with a prosecutor's deadline, the
 * earliest first; then the others, the latest arrival first.  Words are the
 * prosecutor's: the investigator's "p19_received" is the prosecutor's
 * "return", "p21_received" is "accept".
 */
#include "inbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "core/caldate.h"
#include "core/stage.h"
#include "sqlbuf.h"
#include "summary.h"
#include "store/inbox.h"
#include "store/tx.h"

/* ---- the prosecutor's words ------------------------------------------------------------ */

static const char *arrival_label(const char *kind)
{
    static const char *const words[][2] = {
        {"spdp", "SPDP masuk"},
        {"tahap1", "Berkas perkara masuk (Tahap I)"},
        {"resend", "Berkas dikirim kembali setelah P-19"},
        {"tahap2", "Penyerahan tersangka dan barang bukti (Tahap II)"},
        {"sp3", "Pemberitahuan penghentian penyidikan (SP3)"},
        {"short", "Penyerahan perkara acara singkat"}};
    for (size_t i = 0; kind && i < sizeof words / sizeof words[0]; i++)
        if (strcmp(kind, words[i][0]) == 0)
            return words[i][1];
    return kind ? kind : "";
}

static const char *deadline_label(const char *code)
{
    static const char *const words[][2] = {
        {"pu_answer", "Beritahukan lengkap (P-21) atau belum lengkap (P-18)"},
        {"pu_return", "Kembalikan dengan petunjuk (P-19); lewat 14 hari berkas dianggap lengkap"},
        {"p17", "Minta perkembangan penyidikan (P-17)"}};
    for (size_t i = 0; code && i < sizeof words / sizeof words[0]; i++)
        if (strcmp(code, words[i][0]) == 0)
            return words[i][1];
    return NULL;
}

/* Whether the PU's period to return the file received has passed (its pu_return clock running
 * and due by now): the file is complete by law (KUHAP 110(4)) and the server refuses a P-19 or
 * a P-18 that brings no reason for its lateness (core/guard.c return_in_time). */
static bool return_period_over(json_t *detail, int64_t now)
{
    json_t *c;
    size_t i;
    json_array_foreach(json_object_get(detail, "clocks"), i, c)
    {
        const char *code = json_string_value(json_object_get(c, "code"));
        if (code && strcmp(code, "pu_return") == 0 &&
            json_integer_value(json_object_get(c, "due_at")) <= now)
            return true;
    }
    return false;
}

/* What the prosecutor may do next, in their verbs, from the latest arrival
 * and the stage: receive it, appoint a jaksa (P-16), return (P-19) - within his period
 * only (return_period_over: past it the server refuses it without a late reason, and the file is
 * complete by law) - accept (P-21). */
static json_t *next_verbs(json_t *latest, enum stage st, bool has_jaksa, bool period_over)
{
    json_t *a = json_array();
    const char *kind = json_string_value(json_object_get(latest, "kind"));
    bool received = json_is_object(json_object_get(latest, "received"));
#define VERB(v, ev, label)                                                                         \
    json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "verb", v, "event", ev, "label", label))
    /* only where the stage machine takes the receipt (core/fsm.c): an SPDP while the
     * investigation runs, a file while it is with the prosecutor - not after an SP3, a lapse
     * or a hand-over, which the server would refuse (409) */
    bool open = st == ST_INVESTIGATION || st == ST_WITH_PROSECUTOR || st == ST_RETURNED;
    if (kind && !received && open && strcmp(kind, "spdp") == 0)
        VERB("receive", "spdp_received_by_pu", "Catat SPDP diterima");
    if (kind && !received && st == ST_WITH_PROSECUTOR &&
        (strcmp(kind, "tahap1") == 0 || strcmp(kind, "resend") == 0))
        VERB("receive", "tahap1_received_by_pu", "Catat berkas diterima");
    if (!has_jaksa && (st == ST_INVESTIGATION || st == ST_WITH_PROSECUTOR || st == ST_RETURNED))
        VERB("appoint", "p16_received", "Tunjuk jaksa peneliti (P-16)");
    if (st == ST_WITH_PROSECUTOR && received && !period_over)
        VERB("return", "p19_received", "Kembalikan dengan petunjuk (P-19)");
    if (st == ST_WITH_PROSECUTOR && received)
        VERB("accept", "p21_received", "Nyatakan lengkap (P-21)");
#undef VERB
    return a;
}

/* ---- the list --------------------------------------------------------------------------- */

static json_t *parse_or(const char *text, json_t *(*dflt)(void))
{
    json_t *j = json_loads(text, 0, NULL);
    return j ? j : dflt();
}

/* The clock of detail the prosecutor's deadline is: of his running clocks, the late one of least
 * weight (app/summary.c reason_rank: his 14 days, after which the file is complete by law, KUHAP
 * 110(4), before his 7-day answer, 138(1), which they settle), the longest late among equals, as
 * the review board's headline; none late, the one due first (detail.clocks is in due order). */
static json_t *deadline_clock(json_t *detail, int64_t now)
{
    json_t *c, *first = NULL, *late = NULL;
    size_t i;
    json_array_foreach(json_object_get(detail, "clocks"), i, c)
    {
        const char *actor = json_string_value(json_object_get(c, "actor"));
        if (!actor || strcmp(actor, "prosecutor") != 0)
            continue;
        first = first ? first : c;
        int64_t due = json_integer_value(json_object_get(c, "due_at"));
        if (due > now)
            continue;
        if (!late || json_integer_value(json_object_get(c, "rank")) <
                         json_integer_value(json_object_get(late, "rank")))
            late = c;
    }
    return late ? late : first;
}

/* The prosecutor's deadline of the case (deadline_clock), or null. */
static json_t *deadline_json(json_t *detail, const struct tzone *z, int64_t now)
{
    json_t *c = deadline_clock(detail, now);
    if (!c)
        return json_null();
    const char *code = json_string_value(json_object_get(c, "code"));
    int64_t due = json_integer_value(json_object_get(c, "due_at"));
    int64_t att = json_integer_value(json_object_get(c, "attention_at"));
    char at[CALDATE_INSTANT_LEN], date[CALDATE_DATE_LEN];
    caldate_format_instant(due, z, at, sizeof at);
    caldate_format(caldate_local_date(due - 1, z), date, sizeof date);
    /* past his 14 days the file is complete by law: a P-18 or P-19 is refused without a reason
     * for its lateness (core/guard.c return_in_time) - his deadline no longer offers them */
    const char *label = code && strcmp(code, "pu_return") == 0 && now >= due
                            ? "Lewat 14 hari tanpa pengembalian: berkas dianggap lengkap (KUHAP "
                              "110(4)); nyatakan lengkap (P-21)"
                            : deadline_label(code);
    return json_pack("{s:s, s:s, s:O, s:s, s:s, s:i, s:s}", "code", code, "label",
                     label ? label : json_string_value(json_object_get(c, "label")), "basis",
                     json_object_get(c, "basis"), "due_at", at, "due_date", date, "days_left",
                     caldate_diff(caldate_local_date(now, z), caldate_local_date(due - 1, z)),
                     "state",
                     now >= due   ? "overdue"
                     : now >= att ? "warning"
                                  : "ok");
}

/* Whether the prosecutor has read the arrival event of case. */
static bool was_read(const struct store_inbox_page *pg, long long case_id, json_t *event)
{
    for (int i = 0; i < pg->nread; i++)
        if (pg->read[i].case_id == case_id && json_is_integer(event) &&
            pg->read[i].event_id == (long long)json_integer_value(event))
            return true;
    return false;
}

/* Whether arrival a is the hand-over under the short procedure (UU 6/2011 Pasal 110): the
 * suspect, the evidence and the catatan go to the Penuntut Umum at once - no P-21 before it, no
 * berkas perkara, no receipt for him to record in berkas (DOMAIN 4.14). */
static bool handed_short(json_t *a)
{
    const char *kind = json_string_value(json_object_get(a, "kind"));
    return kind && strcmp(kind, "short") == 0;
}

/* The case's arrivals as the prosecutor sees them, each read or not; awaiting while neither
 * received nor ended by the SP3's notice (ended_on: the investigation stopped, KUHAP 109(3):
 * nothing to receive any more) - a short procedure's hand-over awaits nothing of him. */
static json_t *arrivals_json(json_t *detail, const struct store_inbox_page *pg, long long case_id)
{
    json_t *arrivals = json_array(), *a;
    size_t k;
    json_array_foreach(json_object_get(detail, "arrivals"), k, a)
    {
        bool read = was_read(pg, case_id, json_object_get(a, "event_id"));
        json_t *rec = json_object_get(a, "received"), *end = json_object_get(a, "ended");
        json_array_append_new(
            arrivals,
            json_pack("{s:O, s:O, s:s, s:O, s:o, s:o, s:b, s:b}", "event_id",
                      json_object_get(a, "event_id"), "kind", json_object_get(a, "kind"), "label",
                      arrival_label(json_string_value(json_object_get(a, "kind"))), "sent_on",
                      json_object_get(a, "sent_on"), "received_on",
                      json_is_object(rec) ? json_incref(json_object_get(rec, "on")) : json_null(),
                      "ended_on",
                      json_is_object(end) ? json_incref(json_object_get(end, "on")) : json_null(),
                      "awaiting", !json_is_object(rec) && !json_is_object(end) && !handed_short(a),
                      "read", read));
    }
    return arrivals;
}

/* The case's suspects [{name, nationality}], offences charged [{code,
 * label}] and jaksa peneliti [names] from the page's lists. */
static json_t *suspects_json(const struct store_inbox_page *pg, long long case_id)
{
    json_t *a = json_array();
    for (int i = 0; i < pg->nsuspects; i++)
        if (pg->suspects[i].case_id == case_id)
            json_array_append_new(a, json_pack("{s:s, s:s?}", "name", pg->suspects[i].name,
                                               "nationality", pg->suspects[i].nationality));
    return a;
}

static json_t *offences_json(const struct store_inbox_page *pg, long long case_id)
{
    json_t *a = json_array();
    for (int i = 0; i < pg->noffences; i++)
        if (pg->offences[i].case_id == case_id)
            json_array_append_new(a, json_pack("{s:s, s:s}", "code", pg->offences[i].code, "label",
                                               pg->offences[i].label));
    return a;
}

static json_t *jaksa_json(const struct store_inbox_page *pg, long long case_id)
{
    json_t *a = json_array();
    for (int i = 0; i < pg->njaksa; i++)
        if (pg->jaksa[i].case_id == case_id)
            json_array_append_new(a, json_string(pg->jaksa[i].name));
    return a;
}

static json_t *inbox_item(const struct store_inbox_page *pg, const struct store_inbox_row *r)
{
    const struct tzone *z = caldate_zone(r->tz);
    if (!z)
        z = caldate_zone("Asia/Jakarta");
    json_t *detail = parse_or(r->detail, json_object);
    json_t *jaksa = jaksa_json(pg, r->case_id);
    enum stage st = ST_INVESTIGATION;
    stage_lookup(r->stage, &st);
    json_t *arrivals = arrivals_json(detail, pg, r->case_id);
    json_t *latest = json_array_get(arrivals, json_array_size(arrivals) - 1);
    json_t *latest_raw = json_array_get(json_object_get(detail, "arrivals"),
                                        json_array_size(json_object_get(detail, "arrivals")) - 1);
    /* a file handed over under the short procedure: said so, not "Tahap II", and no dossier - it
     * has no berkas perkara (DOMAIN 4.14) */
    bool by_short = st == ST_HANDED_OVER && summary_handed_short(detail);
    json_t *item = json_pack(
        "{s:I, s:s, s:{s:s, s:s}, s:s, s:s, s:O, s:o, s:b, s:o, s:o, s:o, s:o, s:o, s:o}",
        "case_id", (json_int_t)r->case_id, "number", r->number, "from", "code", r->office_code,
        "name", r->office_name, "stage", stage_code(st), "stage_label",
        stage_label_of(st, by_short), "latest", latest ? latest : json_null(), "arrivals", arrivals,
        "unread", r->unread, "suspects", suspects_json(pg, r->case_id), "offences",
        offences_json(pg, r->case_id), "jaksa", jaksa, "deadline",
        deadline_json(detail, z, pg->now), "next",
        next_verbs(latest_raw, st, json_array_size(jaksa) > 0, return_period_over(detail, pg->now)),
        "dossier",
        by_short ? json_null() : json_sprintf("/api/v1/cases/%lld/dossier.pdf", r->case_id));
    json_decref(detail);
    return item;
}

struct inbox_cursor {
    char section;  /* 'a': with a deadline; 'b': the others */
    long long key; /* a: the deadline's epoch; b: the arrival's day number */
    long long id;
};

/* "a.<epoch>.<id>" or "b.<YYYY-MM-DD>.<id>" */
static bool parse_inbox_cursor(const char *s, struct inbox_cursor *c)
{
    if (!s || (s[0] != 'a' && s[0] != 'b') || s[1] != '.')
        return false;
    c->section = s[0];
    const char *p = s + 2;
    char *end;
    if (c->section == 'a') {
        c->key = strtoll(p, &end, 10);
        if (end == p || *end != '.')
            return false;
    } else {
        char date[CALDATE_DATE_LEN];
        struct caldate d;
        if (strlen(p) < 11 || p[10] != '.')
            return false;
        memcpy(date, p, 10);
        date[10] = '\0';
        if (!caldate_parse(date, &d))
            return false;
        c->key = caldate_to_days(d);
        end = (char *)(p + 10);
    }
    const char *rest = end + 1;
    c->id = strtoll(rest, &end, 10);
    return end != rest && *end == '\0' && c->id > 0 && *rest >= '0' && *rest <= '9';
}

static bool check_inbox_filter(const struct inbox_filter *f, struct berr *err)
{
    struct inbox_cursor c;
    static const char *const kinds[] = {"spdp", "tahap1", "resend", "tahap2", "sp3", "short", NULL};
    bool kind_ok = !f->kind;
    for (size_t i = 0; f->kind && kinds[i]; i++)
        kind_ok |= strcmp(f->kind, kinds[i]) == 0;
    if (!kind_ok)
        return berr_field(err, BERR_BAD_INPUT, "kind",
                          "kind: spdp, tahap1, resend, tahap2, sp3 atau short");
    if (f->unread && strcmp(f->unread, "true") != 0 && strcmp(f->unread, "false") != 0)
        return berr_field(err, BERR_BAD_INPUT, "unread", "unread: true atau false");
    if (f->mine && strcmp(f->mine, "true") != 0 && strcmp(f->mine, "false") != 0)
        return berr_field(err, BERR_BAD_INPUT, "mine", "mine: true atau false");
    if (f->cursor && !parse_inbox_cursor(f->cursor, &c))
        return berr_field(err, BERR_BAD_INPUT, "cursor", "cursor dari halaman sebelumnya");
    return true;
}

/* Up to want rows of one section after its cursor into items; *next the
 * cursor after the last row when more follow in that section. */
static bool inbox_section(struct tx *tx, const struct actor *who, const struct inbox_filter *f,
                          char section, const struct inbox_cursor *from, int want, json_t *items,
                          char *next, size_t nextsz, struct berr *err)
{
    struct store_inbox_query q = {.kejari = who->office_id,
                                  .section = section,
                                  .after = from             ? from->key
                                           : section == 'a' ? -99999999999LL
                                                            : 99999999LL,
                                  .after_id = from             ? from->id
                                              : section == 'a' ? 0LL
                                                               : (1LL << 62),
                                  .limit = want + 1,
                                  .me = who->user_id,
                                  .unread = f->unread && strcmp(f->unread, "true") == 0,
                                  .kind = f->kind,
                                  .mine = f->mine && strcmp(f->mine, "true") == 0,
                                  .case_id = f->case_id};
    struct store_inbox_page rows;
    if (!store_inbox_section(tx, &q, &rows, err))
        return false;
    for (int i = 0; i < rows.n && i < want; i++)
        json_array_append_new(items, inbox_item(&rows, &rows.items[i]));
    next[0] = '\0';
    if (rows.n > want) {
        const struct store_inbox_row *last = &rows.items[want - 1];
        if (section == 'a')
            snprintf(next, nextsz, "a.%lld.%lld", last->pu_due_at, last->case_id);
        else
            snprintf(next, nextsz, "b.%s.%lld", last->arrived_on, last->case_id);
    }
    store_inbox_page_free(&rows);
    return true;
}

json_t *app_inbox_list(struct app *app, const struct actor *who, const struct inbox_filter *f,
                       struct audit_rec *au, struct berr *err)
{
    au->action = "inbox.list";
    if (who->role != ROLE_PROSECUTOR) {
        berr_set(err, BERR_FORBIDDEN, "kotak masuk untuk penuntut umum");
        return NULL;
    }
    if (!check_inbox_filter(f, err))
        return NULL;
    int limit = f->limit > 0 && f->limit <= 100 ? f->limit : 50;
    struct inbox_cursor c = {0};
    bool has_cursor = f->cursor && parse_inbox_cursor(f->cursor, &c);
    struct tx tx;
    if (!list_tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    json_t *items = json_array(), *page = NULL;
    char next[64] = "";
    /* the prosecutor's deadlines first; then what arrived, the latest first */
    bool ok = true;
    if (!has_cursor || c.section == 'a')
        ok = inbox_section(&tx, who, f, 'a', has_cursor ? &c : NULL, limit, items, next,
                           sizeof next, err);
    int left = limit - (int)json_array_size(items);
    if (ok && !next[0] && left > 0)
        ok = inbox_section(&tx, who, f, 'b', has_cursor && c.section == 'b' ? &c : NULL, left,
                           items, next, sizeof next, err);
    else if (ok && !next[0] && left == 0) /* the page ends with section a: b may follow */
        snprintf(next, sizeof next, "b.9999-12-31.%lld", (1LL << 62));
    if (ok)
        page = json_pack("{s:O, s:o}", "items", items, "next_cursor",
                         next[0] ? json_string(next) : json_null());
    json_decref(items);
    if (page && (!audit_ok(&tx, who, au, err) || !tx_commit(&tx, err))) {
        json_decref(page);
        page = NULL;
    }
    tx_end(&tx);
    return page;
}

/* ---- read or not ------------------------------------------------------------------------ */

/* events and cases: arrays of ids, at most 200 each, at least one id in all. */
static bool check_read_input(json_t *events, json_t *cases, struct berr *err)
{
    json_t *lists[2] = {events, cases};
    static const char *const names[2] = {"events", "cases"};
    size_t total = 0;
    for (int k = 0; k < 2; k++) {
        json_t *v;
        size_t i;
        if (lists[k] && (!json_is_array(lists[k]) || json_array_size(lists[k]) > 200))
            return berr_field(err, BERR_BAD_INPUT, names[k], "%s: daftar id (paling banyak 200)",
                              names[k]);
        json_array_foreach(lists[k], i, v)
        {
            if (!json_is_integer(v) || json_integer_value(v) < 1)
                return berr_field(err, BERR_BAD_INPUT, names[k], "%s: daftar id", names[k]);
        }
        total += json_array_size(lists[k]);
    }
    if (total == 0)
        return berr_field(err, BERR_BAD_INPUT, "events", "sebutkan events atau cases");
    return true;
}

json_t *app_inbox_read(struct app *app, const struct actor *who, json_t *events, json_t *cases,
                       struct audit_rec *au, struct berr *err)
{
    au->action = "inbox.read";
    if (who->role != ROLE_PROSECUTOR) {
        berr_set(err, BERR_FORBIDDEN, "kotak masuk untuk penuntut umum");
        return NULL;
    }
    if (!check_read_input(events, cases, err))
        return NULL;
    char *ev = events ? json_dumps(events, JSON_COMPACT) : NULL;
    char *cs = cases ? json_dumps(cases, JSON_COMPACT) : NULL;
    if ((events && !ev) || (cases && !cs)) {
        free(ev);
        free(cs);
        berr_set(err, BERR_INTERNAL, "out of memory");
        return NULL;
    }
    struct tx tx;
    json_t *out = NULL;
    struct store_inbox_marked m;
    if (tx_begin(&tx, app->db, who->user_id, err)) {
        if (store_inbox_mark_read(&tx, who->user_id, who->office_id, ev ? ev : "[]", cs ? cs : "[]",
                                  &m, err)) {
            bool all = m.events_found == (long long)json_array_size(events) &&
                       m.cases >= (long long)json_array_size(cases);
            if (!all || m.found == 0)
                berr_set(err, BERR_NOT_FOUND, "kiriman tidak ditemukan di kotak masuk Anda");
            else
                out = json_pack("{s:I, s:I}", "read", (json_int_t)m.found, "newly",
                                (json_int_t)m.newly);
            if (out && (!audit_ok(&tx, who, au, err) || !tx_commit(&tx, err))) {
                json_decref(out);
                out = NULL;
            }
        }
        tx_end(&tx);
    }
    free(ev);
    free(cs);
    return out;
}
