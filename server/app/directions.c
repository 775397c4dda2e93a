/*
 * directions.c - a supervisor's directions as a list, and the reassignment
 * of files (issue 10, items 2 and 3).
 *
 * A direction is an act (direction_given: its text, due date, addressee) and
 * is done by another (direction_done, with a note); the list reads them from
 * the case summaries, where summary_compute() keeps every direction of the
 * log with its clock's due instant, so that "overdue" is decided by now().
 *
 * A reassignment is one `reassigned` act per file, all in one transaction:
 * every file moves, or none does, and each keeps in its log who moved whom
 * and why (the reason is required).
 */
#include "directions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "casefile.h"
#include "core/caldate.h"
#include "events.h"
#include "reach.h"
#include "sqlbuf.h"
#include "store/directions.h"
#include "store/tx.h"

#define REASSIGN_MAX 100

/* ---- the list ------------------------------------------------------------------------ */

static bool parse_cursor(const char *s, long long *due, long long *id)
{
    char *end;
    *due = strtoll(s, &end, 10);
    if (end == s || *end != '.')
        return false;
    const char *rest = end + 1;
    *id = strtoll(rest, &end, 10);
    return end != rest && *end == '\0' && *id > 0 && *rest >= '0' && *rest <= '9';
}

static bool check_directions_filter(const struct direction_filter *f, struct berr *err)
{
    long long a, b;
    if (f->state && strcmp(f->state, "open") != 0 && strcmp(f->state, "overdue") != 0 &&
        strcmp(f->state, "done") != 0 && strcmp(f->state, "all") != 0)
        return berr_field(err, BERR_BAD_INPUT, "state", "state: open, overdue, done atau all");
    if (f->mine && strcmp(f->mine, "true") != 0 && strcmp(f->mine, "false") != 0)
        return berr_field(err, BERR_BAD_INPUT, "mine", "mine: true atau false");
    if (f->cursor && !parse_cursor(f->cursor, &a, &b))
        return berr_field(err, BERR_BAD_INPUT, "cursor", "cursor dari halaman sebelumnya");
    return true;
}

/* The list's query for filter f (checked) and the caller's reach. */
static void directions_query(const struct actor *who, const struct direction_filter *f,
                             const struct reach *reach, int limit, struct store_directions_query *q)
{
    static const char *const states[] = {"open", "overdue", "done", "all"};
    const char *state = f->state ? f->state : "open";
    bool mine = f->mine ? strcmp(f->mine, "true") == 0 : who->role == ROLE_INVESTIGATOR;
    *q = (struct store_directions_query){.scope = reach->scope,
                                         .reach = reach->office,
                                         .after_due = -99999999999LL,
                                         .limit = reach->empty ? 0 : limit + 1,
                                         .me = who->user_id};
    for (size_t i = 0; i < sizeof states / sizeof states[0]; i++)
        if (strcmp(state, states[i]) == 0)
            q->state = (enum store_direction_state)i;
    /* an investigator's: addressed to them or to the office; a supervisor's:
     * the ones they gave */
    if (mine)
        q->mine =
            who->role == ROLE_INVESTIGATOR ? STORE_DIRECTIONS_TO_ME : STORE_DIRECTIONS_GIVEN_BY_ME;
    long long cdue, cid;
    if (f->cursor && parse_cursor(f->cursor, &cdue, &cid)) {
        q->after_due = cdue;
        q->after_id = cid;
    }
}

static json_t *direction_item(const struct store_direction_row *row, int64_t now)
{
    const struct tzone *z = caldate_zone(row->tz);
    if (!z)
        z = caldate_zone("Asia/Jakarta");
    json_t *d = json_loads(row->direction, 0, NULL);
    if (!d)
        return json_null();
    int64_t due = json_integer_value(json_object_get(d, "due_at"));
    json_t *done = json_object_get(d, "done");
    char at[CALDATE_INSTANT_LEN];
    caldate_format_instant(due, z, at, sizeof at);
    int left = caldate_diff(caldate_local_date(now, z), caldate_local_date(due - 1, z));
    const char *state = json_is_object(done) ? "done" : now >= due ? "overdue" : "open";
    json_t *item = json_pack(
        "{s:O, s:I, s:s, s:s, s:O, s:O, s:s, s:s, s:i, s:O, s:s, s:o, s:o}", "event_id",
        json_object_get(d, "event_id"), "case_id", (json_int_t)row->case_id, "number", row->number,
        "office", row->office_code, "text", json_object_get(d, "text"), "due",
        json_object_get(d, "due"), "due_at", at, "state", state, "days_left", left, "given_on",
        json_object_get(d, "given_on"), "given_by", row->given_by, "to",
        !row->to_name ? json_null()
                      : json_pack("{s:O, s:s, s:s}", "id", json_object_get(d, "to"), "name",
                                  row->to_name, "nip", row->to_nip),
        "done",
        json_is_object(done) ? json_pack("{s:O, s:O, s:s}", "on", json_object_get(done, "on"),
                                         "note", json_object_get(done, "note"), "by", row->done_by)
                             : json_null());
    json_decref(d);
    return item;
}

/* The page of rows: at most limit items, and the cursor after the last when
 * more follow. */
static json_t *directions_page(const struct store_directions *rows, int limit)
{
    json_t *items = json_array();
    for (int i = 0; i < rows->n && i < limit; i++)
        json_array_append_new(items, direction_item(&rows->items[i], rows->now));
    char next[64] = "";
    if (rows->n > limit) {
        json_t *last = json_array_get(items, (size_t)limit - 1);
        json_t *d = json_loads(rows->items[limit - 1].direction, 0, NULL);
        snprintf(next, sizeof next, "%lld.%lld",
                 (long long)json_integer_value(json_object_get(d, "due_at")),
                 (long long)json_integer_value(json_object_get(last, "event_id")));
        json_decref(d);
    }
    return json_pack("{s:o, s:o}", "items", items, "next_cursor",
                     next[0] ? json_string(next) : json_null());
}

json_t *app_directions_list(struct app *app, const struct actor *who,
                            const struct direction_filter *f, struct audit_rec *au,
                            struct berr *err)
{
    au->action = "direction.list";
    if (!check_directions_filter(f, err))
        return NULL;
    int limit = f->limit > 0 && f->limit <= 100 ? f->limit : 50;
    struct tx tx;
    if (!list_tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    json_t *page = NULL;
    struct reach reach;
    struct store_directions_query q;
    struct store_directions rows = {0};
    if (reach_of(&tx, who, f->office, &reach, err)) {
        directions_query(who, f, &reach, limit, &q);
        if (store_directions_list(&tx, &q, &rows, err))
            page = directions_page(&rows, limit);
        store_directions_free(&rows);
    }
    if (page && (!audit_ok(&tx, who, au, err) || !tx_commit(&tx, err))) {
        json_decref(page);
        page = NULL;
    }
    tx_end(&tx);
    return page;
}

/* ---- reassignment ----------------------------------------------------------------------- */

/* The case named by ref (its id, or its number) as the supervisor sees it. */
static long long case_named(struct tx *tx, const struct actor *who, json_t *ref, char *number,
                            size_t numsz, struct berr *err)
{
    char key[160];
    if (json_is_integer(ref))
        snprintf(key, sizeof key, "%lld", (long long)json_integer_value(ref));
    else if (json_is_string(ref) && strlen(json_string_value(ref)) < sizeof key)
        snprintf(key, sizeof key, "%s", json_string_value(ref));
    else {
        berr_field(err, BERR_BAD_INPUT, "cases", "cases: id atau nomor perkara");
        return 0;
    }
    long long id = 0;
    if (!store_case_in_subtree(tx, who->office_id, key, &id, number, numsz, err))
        return 0;
    if (!id)
        berr_set(err, BERR_NOT_FOUND, "perkara %.60s tidak ditemukan", key);
    return id;
}

static bool check_reassign(const struct actor *who, const struct reassign_input *in,
                           struct berr *err)
{
    if (who->role != ROLE_SUPERVISOR)
        return berr_set(err, BERR_FORBIDDEN, "hanya pengawas yang mengalihkan berkas");
    size_t n = json_array_size(in->cases);
    if (!json_is_array(in->cases) || n == 0 || n > REASSIGN_MAX)
        return berr_field(err, BERR_BAD_INPUT, "cases", "cases: 1 sampai %d perkara", REASSIGN_MAX);
    if ((in->add && !json_is_array(in->add)) || (in->remove && !json_is_array(in->remove)))
        return berr_field(err, BERR_BAD_INPUT,
                          in->add && !json_is_array(in->add) ? "add" : "remove", "daftar NIP");
    if (json_array_size(in->add) + json_array_size(in->remove) == 0)
        return berr_field(err, BERR_BAD_INPUT, "add",
                          "sebutkan penyidik yang ditambah (add) "
                          "atau dikeluarkan (remove)");
    if (!in->reason || strspn(in->reason, " \t") == strlen(in->reason))
        return berr_field(err, BERR_BAD_INPUT, "reason", "alasan pengalihan wajib diisi");
    return true;
}

/* The active team of each moved case, by name. */
static bool teams_of(struct tx *tx, json_t *items, struct berr *err)
{
    json_t *it;
    size_t i;
    json_array_foreach(items, i, it)
    {
        struct store_names team;
        if (!store_case_team(tx, (long long)json_integer_value(json_object_get(it, "case_id")),
                             &team, err))
            return false;
        json_t *names = json_array();
        for (int k = 0; k < team.n; k++)
            json_array_append_new(names, json_string(team.items[k]));
        json_object_set_new(it, "team", names);
        store_names_free(&team);
    }
    return true;
}

json_t *app_reassign(struct app *app, const struct actor *who, const struct reassign_input *in,
                     struct audit_rec *au, struct berr *err)
{
    au->action = "case.reassign";
    if (!check_reassign(who, in, err))
        return NULL;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    json_t *items = json_array(), *ref;
    size_t i;
    bool ok = true;
    json_array_foreach(in->cases, i, ref)
    {
        char number[128] = "";
        long long id = case_named(&tx, who, ref, number, sizeof number, err);
        struct event_input ev = {.type = "reassigned",
                                 .note = in->reason,
                                 .added = in->add,
                                 .removed = in->remove,
                                 .if_match = -1};
        struct event_outcome out = {0};
        ok = id && events_record_tx(&tx, who, id, &ev, &out, err);
        json_decref(out.allowed);
        json_decref(out.missing);
        json_decref(out.fields);
        json_decref(out.extra);
        if (!ok) {
            json_decref(out.body);
            if (number[0]) { /* say which file refused */
                char why[sizeof err->message];
                memcpy(why, err->message, sizeof why);
                snprintf(err->message, sizeof err->message, "%.120s: %.380s", number, why);
            }
            break;
        }
        json_array_append_new(items,
                              json_pack("{s:I, s:s, s:I}", "case_id", (json_int_t)id, "number",
                                        number, "event_id", (json_int_t)out.event_id));
        json_decref(out.body);
    }
    snprintf(au->detail, sizeof au->detail, "{\"cases\":%zu}", json_array_size(items));
    ok = ok && teams_of(&tx, items, err) && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    if (!ok) {
        json_decref(items);
        return NULL;
    }
    return json_pack("{s:o}", "items", items);
}
