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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "casefile.h"
#include "core/caldate.h"
#include "reach.h"
#include "sqlbuf.h"
#include "store/tx.h"
#include "visibility.h"
#include "workspace.h"

#define REASSIGN_MAX 100

static long long ll(PGresult *r, int row, int col)
{
    return strtoll(PQgetvalue(r, row, col), NULL, 10);
}

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

#define DIRECTION_DUE "(d->>'due_at')::bigint"
#define DIRECTION_ID  "(d->>'event_id')::bigint"

static void directions_sql(struct sqlbuf *b, const struct reach *reach, const char *state,
                           bool mine, enum role role, const char *me)
{
    b->len = (size_t)snprintf(
        b->text, sizeof b->text,
        "SELECT s.case_id, c.number, o.code, o.tz, d::text, gu.name, tu.name, tu.nip, du.name, "
        "extract(epoch FROM now())::bigint FROM app.case_summaries s "
        "JOIN app.cases c ON c.id = s.case_id JOIN app.offices o ON o.id = s.office_id "
        "CROSS JOIN LATERAL jsonb_array_elements(s.detail->'directions') d "
        "LEFT JOIN app.events ge ON ge.id = " DIRECTION_ID " AND ge.case_id = s.case_id "
        "LEFT JOIN app.users gu ON gu.id = ge.entered_by "
        "LEFT JOIN app.users tu ON tu.id = (d->>'to')::bigint "
        "LEFT JOIN app.events de ON de.id = (d->'done'->>'event_id')::bigint "
        "AND de.case_id = s.case_id LEFT JOIN app.users du ON du.id = de.entered_by "
        "WHERE s.%s = $1::bigint AND (" DIRECTION_DUE ", " DIRECTION_ID
        ") > ($2::bigint, $3::bigint)",
        reach->column);
    b->n = 4; /* $1 reach, $2 $3 cursor, $4 limit */
    if (strcmp(state, "open") == 0 || strcmp(state, "overdue") == 0)
        sqlbuf_add(b, " AND s.directions_open > 0 AND d->'done' = 'null'::jsonb", NULL);
    if (strcmp(state, "overdue") == 0)
        sqlbuf_add(b, " AND " DIRECTION_DUE " <= extract(epoch FROM now())", NULL);
    if (strcmp(state, "done") == 0)
        sqlbuf_add(b, " AND d->'done' <> 'null'::jsonb", NULL);
    /* an investigator's: addressed to them or to the office; a supervisor's:
     * the ones they gave */
    if (mine && role == ROLE_INVESTIGATOR)
        sqlbuf_add(b, " AND (d->>'to' IS NULL OR (d->>'to')::bigint = $?::bigint)", me);
    else if (mine)
        sqlbuf_add(b, " AND ge.entered_by = $?::bigint", me);
    sqlbuf_add(b, " ORDER BY " DIRECTION_DUE ", " DIRECTION_ID " LIMIT $4::int", NULL);
}

static json_t *direction_item(PGresult *r, int i)
{
    const struct tzone *z = caldate_zone(PQgetvalue(r, i, 3));
    if (!z)
        z = caldate_zone("Asia/Jakarta");
    json_t *d = json_loads(PQgetvalue(r, i, 4), 0, NULL);
    if (!d)
        return json_null();
    int64_t now = ll(r, i, 9);
    int64_t due = json_integer_value(json_object_get(d, "due_at"));
    json_t *done = json_object_get(d, "done");
    char at[CALDATE_INSTANT_LEN];
    caldate_format_instant(due, z, at, sizeof at);
    int left = caldate_diff(caldate_local_date(now, z), caldate_local_date(due - 1, z));
    const char *state = json_is_object(done) ? "done" : now >= due ? "overdue" : "open";
    json_t *item = json_pack(
        "{s:O, s:I, s:s, s:s, s:O, s:O, s:s, s:s, s:i, s:O, s:s, s:o, s:o}", "event_id",
        json_object_get(d, "event_id"), "case_id", (json_int_t)ll(r, i, 0), "number",
        PQgetvalue(r, i, 1), "office", PQgetvalue(r, i, 2), "text", json_object_get(d, "text"),
        "due", json_object_get(d, "due"), "due_at", at, "state", state, "days_left", left,
        "given_on", json_object_get(d, "given_on"), "given_by", PQgetvalue(r, i, 5), "to",
        PQgetisnull(r, i, 6) ? json_null()
                             : json_pack("{s:O, s:s, s:s}", "id", json_object_get(d, "to"), "name",
                                         PQgetvalue(r, i, 6), "nip", PQgetvalue(r, i, 7)),
        "done",
        json_is_object(done)
            ? json_pack("{s:O, s:O, s:s}", "on", json_object_get(done, "on"), "note",
                        json_object_get(done, "note"), "by", PQgetvalue(r, i, 8))
            : json_null());
    json_decref(d);
    return item;
}

json_t *app_directions_list(struct app *app, const struct actor *who,
                            const struct direction_filter *f, struct audit_rec *au,
                            struct berr *err)
{
    au->action = "direction.list";
    if (!check_directions_filter(f, err))
        return NULL;
    const char *state = f->state ? f->state : "open";
    bool mine = f->mine ? strcmp(f->mine, "true") == 0 : who->role == ROLE_INVESTIGATOR;
    int limit = f->limit > 0 && f->limit <= 100 ? f->limit : 50;
    struct tx tx;
    if (!list_tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    json_t *page = NULL;
    struct reach reach;
    struct sqlbuf *b = calloc(1, sizeof *b);
    if (!b) {
        berr_set(err, BERR_INTERNAL, "out of memory");
        goto done;
    }
    if (!reach_of(&tx, who, f->office, &reach, err))
        goto done;
    char office[24], due[24] = "-99999999999", id[24] = "0", lim[16], me[24];
    long long cdue, cid;
    if (f->cursor && parse_cursor(f->cursor, &cdue, &cid)) {
        snprintf(due, sizeof due, "%lld", cdue);
        snprintf(id, sizeof id, "%lld", cid);
    }
    snprintf(office, sizeof office, "%lld", reach.office);
    snprintf(lim, sizeof lim, "%d", reach.empty ? 0 : limit + 1);
    snprintf(me, sizeof me, "%lld", who->user_id);
    b->params[0] = office;
    b->params[1] = due;
    b->params[2] = id;
    b->params[3] = lim;
    directions_sql(b, &reach, state, mine, who->role, me);
    PGresult *r = tx_query(&tx, b->text, b->n, b->params, err);
    if (!r)
        goto done;
    json_t *items = json_array();
    int n = PQntuples(r);
    for (int i = 0; i < n && i < limit; i++)
        json_array_append_new(items, direction_item(r, i));
    char next[64] = "";
    if (n > limit) {
        json_t *last = json_array_get(items, (size_t)limit - 1);
        json_t *d = json_loads(PQgetvalue(r, limit - 1, 4), 0, NULL);
        snprintf(next, sizeof next, "%lld.%lld",
                 (long long)json_integer_value(json_object_get(d, "due_at")),
                 (long long)json_integer_value(json_object_get(last, "event_id")));
        json_decref(d);
    }
    PQclear(r);
    page = json_pack("{s:o, s:o}", "items", items, "next_cursor",
                     next[0] ? json_string(next) : json_null());
    if (!audit_ok(&tx, who, au, err) || !tx_commit(&tx, err)) {
        json_decref(page);
        page = NULL;
    }
done:
    free(b);
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
    char sql[512], office[24];
    snprintf(sql, sizeof sql,
             "SELECT c.id, c.number FROM app.cases c WHERE (c.number = $2 OR c.id::text = $2) "
             "AND %s",
             case_visible_clause(who->role));
    snprintf(office, sizeof office, "%lld", who->office_id);
    const char *p[2] = {office, key};
    PGresult *r = tx_query(tx, sql, 2, p, err);
    if (!r)
        return 0;
    long long id = PQntuples(r) == 1 ? ll(r, 0, 0) : 0;
    if (id)
        snprintf(number, numsz, "%s", PQgetvalue(r, 0, 1));
    PQclear(r);
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
        char cid[24];
        snprintf(cid, sizeof cid, "%lld",
                 (long long)json_integer_value(json_object_get(it, "case_id")));
        const char *p[1] = {cid};
        PGresult *r = tx_query(tx,
                               "SELECT coalesce(json_agg(u.name ORDER BY u.name), '[]')::text FROM "
                               "app.case_investigators ci JOIN app.users u ON u.id = ci.user_id "
                               "WHERE ci.case_id = $1::bigint AND ci.removed_at IS NULL",
                               1, p, err);
        if (!r)
            return false;
        json_object_set_new(it, "team", json_loads(PQgetvalue(r, 0, 0), 0, NULL));
        PQclear(r);
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
