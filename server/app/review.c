/*
 * review.c - the supervisors' review list and its counts per office, over
 * app.case_summaries (summary.h).
 *
 * What a row says, decided at query time from the stored instants:
 *   state    damaged     the log does not load (first in every list)
 *            overdue     the earliest running legal clock has passed
 *            stalled     no act for the stage's N days (and no clock overdue)
 *            warning     a running clock is in its warning period
 *            ok          otherwise
 *   reason   whichever of the earliest clock and the stall comes first (the
 *            clock on a tie): the deadline that put the file where it is in
 *            the list.  Its actor is who must act.
 * The order is next_due_at = min(earliest clock, stall): the longest overdue
 * first, then what falls due soonest.  A clock in warning is marked, not
 * moved ahead of one falling due sooner: the deadline that passes first is
 * the more urgent.  The reach of the caller picks the index: an office,
 * a Kanwil (scope2), Ditjen (scope1), a Kantor with its UKK (scope3).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "core/caldate.h"
#include "core/clock.h"
#include "core/event.h"
#include "core/stage.h"
#include "heavyread.h"
#include "reach.h"
#include "sqlbuf.h"
#include "store/tx.h"
#include "workspace.h"

/* The clock is the reason (see above); else the stall is. */
#define PICK_CLOCK                                                                                 \
    "(s.clock_due_at IS NOT NULL AND (s.stall_at IS NULL OR s.clock_due_at <= s.stall_at))"
#define STATE_OF                                                                                   \
    "(CASE WHEN s.damaged IS NOT NULL THEN 'damaged' WHEN s.clock_due_at <= now() THEN "           \
    "'overdue' WHEN s.stall_at <= now() THEN 'stalled' WHEN s.clock_attention_at <= now() "        \
    "THEN 'warning' ELSE 'ok' END)"

static long long ll(PGresult *r, int row, int col)
{
    return strtoll(PQgetvalue(r, row, col), NULL, 10);
}

/* ---- whose files --------------------------------------------------------------------- */

static enum store_scope scope_of(int depth)
{
    return depth >= 1 && depth <= 3 ? (enum store_scope)depth
                                    : STORE_SCOPE_OFFICE; /* a UKK has nothing under it */
}

/* See reach.h. */
bool reach_of(struct tx *tx, const struct actor *who, const char *office, struct reach *r,
              struct berr *err)
{
    memset(r, 0, sizeof *r);
    if (who->role != ROLE_INVESTIGATOR && who->role != ROLE_SUPERVISOR)
        return berr_set(err, BERR_FORBIDDEN,
                        "daftar tinjauan untuk penyidik dan pengawas; penuntut umum: kotak masuk");
    struct store_reach_offices q;
    if (!store_reach_offices(tx, who->office_id, office, &q, err))
        return false;
    bool ok = q.found;
    if (ok && office && !q.named)
        ok = berr_field(err, BERR_BAD_INPUT, "office", "kantor tidak dikenal: %.40s", office);
    else if (ok && who->role == ROLE_INVESTIGATOR) {
        r->scope = STORE_SCOPE_OFFICE;
        r->office = who->office_id;
        r->empty = office && q.named_id != who->office_id;
    } else if (ok && office) {
        r->scope = scope_of(q.named_depth);
        r->office = q.named_id;
        r->empty = !q.named_under;
    } else if (ok) {
        r->scope = scope_of(q.depth);
        r->office = who->office_id;
    }
    if (!ok && err->kind == BERR_NONE)
        berr_set(err, BERR_NOT_FOUND, "kantor Anda tidak ditemukan");
    return ok;
}

/* ---- the filter ------------------------------------------------------------------------ */

static bool known_reason(const char *s)
{
    if (strcmp(s, "stall") == 0 || strcmp(s, "damaged") == 0)
        return true;
    for (int k = 0; k < CLK__COUNT; k++)
        if (strcmp(s, clock_kind_code((enum clock_kind)k)) == 0)
            return true;
    return false;
}

static enum actor_role actor_of(const char *code)
{
    static const enum actor_role all[] = {ACTOR_INVESTIGATOR, ACTOR_PROSECUTOR, ACTOR_SUPERVISOR,
                                          ACTOR_COURT};
    for (size_t i = 0; code && i < sizeof all / sizeof all[0]; i++)
        if (strcmp(code, actor_code(all[i])) == 0)
            return all[i];
    return ACTOR_NONE;
}

static bool one_of(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return true;
    return false;
}

/* "<epoch>.<case id>" */
static bool parse_cursor(const char *s, long long *due, long long *id)
{
    char *end;
    *due = strtoll(s, &end, 10);
    if (end == s || *end != '.')
        return false;
    const char *rest = end + 1;
    *id = strtoll(rest, &end, 10);
    return end != rest && *end == '\0' && *id > 0 && (*rest >= '0' && *rest <= '9');
}

static bool check_filter(const struct review_filter *f, struct berr *err)
{
    static const char *const states[] = {"overdue", "stalled", "warning", "ok", "damaged", NULL};
    static const char *const bools[] = {"true", "false", NULL};
    enum stage st;
    long long a, b;
    if (f->reason && !known_reason(f->reason))
        return berr_field(err, BERR_BAD_INPUT, "reason",
                          "reason: stall, damaged, atau kode jam (spdp, pu_answer, pu_return, "
                          "resend, tahap2, detention, direction, ...)");
    if (f->actor && actor_of(f->actor) == ACTOR_NONE)
        return berr_field(err, BERR_BAD_INPUT, "actor",
                          "actor: investigator, prosecutor, court atau supervisor");
    if (f->stage && !stage_lookup(f->stage, &st))
        return berr_field(err, BERR_BAD_INPUT, "stage", "tahap tidak dikenal: %.40s", f->stage);
    if (f->state && !one_of(f->state, states))
        return berr_field(err, BERR_BAD_INPUT, "state",
                          "state: overdue, stalled, warning, ok atau damaged");
    if (f->mine && !one_of(f->mine, bools))
        return berr_field(err, BERR_BAD_INPUT, "mine", "mine: true atau false");
    if (f->cursor && !parse_cursor(f->cursor, &a, &b))
        return berr_field(err, BERR_BAD_INPUT, "cursor", "cursor dari halaman sebelumnya");
    return true;
}

/* ---- one row ---------------------------------------------------------------------------- */

enum col {
    C_ID,
    C_NUMBER,
    C_OPENED,
    C_OFFICE,
    C_CODE,
    C_ONAME,
    C_TZ,
    C_STAGE,
    C_SINCE,
    C_CLOCK_DUE,
    C_CLOCK_ATT,
    C_CLOCK_CODE,
    C_CLOCK_ACTOR,
    C_LAST_ON,
    C_LAST_TYPE,
    C_STALL_AT,
    C_STALL_ACTOR,
    C_NEXT,
    C_ROUNDS,
    C_PINGPONG,
    C_DIR_OPEN,
    C_DETAIL,
    C_DAMAGED,
    C_NAMES,
    C_TEAM,
    C_NOW,
};

#define REVIEW_COLUMNS                                                                             \
    "s.case_id, c.number, coalesce(c.opened_on::text, ''), o.id, o.code, o.name, o.tz, s.stage, "  \
    "coalesce(s.stage_since::text, ''), extract(epoch FROM s.clock_due_at)::bigint, "              \
    "extract(epoch FROM s.clock_attention_at)::bigint, s.clock_code, s.clock_actor, "              \
    "coalesce(s.last_act_on::text, ''), s.last_act_type, extract(epoch FROM s.stall_at)::bigint, " \
    "s.stall_actor, extract(epoch FROM s.next_due_at)::bigint, s.p19_rounds, s.pingpong, "         \
    "s.directions_open, s.detail::text, s.damaged, "                                               \
    "(SELECT json_object_agg(p.id, p.name) FROM app.parties p WHERE p.case_id = s.case_id "        \
    "AND p.kind = 'suspect')::text, "                                                              \
    "(SELECT json_agg(u.name ORDER BY u.name) FROM app.case_investigators ci JOIN app.users u "    \
    "ON u.id = ci.user_id WHERE ci.case_id = s.case_id AND ci.removed_at IS NULL)::text, "         \
    "extract(epoch FROM now())::bigint"

struct row_ctx {
    PGresult *r;
    int row;
    const struct tzone *zone;
    int64_t now;
    struct caldate today;
    json_t *detail, *names;
};

static bool null_at(const struct row_ctx *x, enum col c)
{
    return PQgetisnull(x->r, x->row, (int)c);
}

static const char *str_at(const struct row_ctx *x, enum col c)
{
    return PQgetvalue(x->r, x->row, (int)c);
}

static json_t *instant_json(const struct row_ctx *x, int64_t t)
{
    char buf[CALDATE_INSTANT_LEN];
    caldate_format_instant(t, x->zone, buf, sizeof buf);
    return json_string(buf);
}

/* Days from today to the last day still in time: < 0 when late. */
static int days_left(const struct row_ctx *x, int64_t due_at)
{
    return caldate_diff(x->today, caldate_local_date(due_at - 1, x->zone));
}

static json_t *party_json(const struct row_ctx *x, json_t *id)
{
    if (!json_is_integer(id))
        return json_null();
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)json_integer_value(id));
    const char *name = json_string_value(json_object_get(x->names, key));
    return json_pack("{s:O, s:s}", "id", id, "name", name ? name : "");
}

static const char *state_of_clock(const struct row_ctx *x, int64_t due, int64_t attention)
{
    return x->now >= due ? "overdue" : x->now >= attention ? "warning" : "ok";
}

/* A stage in a word or two, for a narrow column (the label is the core's). */
static const char *stage_short(enum stage s)
{
    static const char *const words[ST__COUNT] = {[ST_PRE_INVESTIGATION] = "Prapenyidikan",
                                                 [ST_INVESTIGATION] = "Penyidikan",
                                                 [ST_WITH_PROSECUTOR] = "Tahap I di PU",
                                                 [ST_RETURNED] = "P-19",
                                                 [ST_COMPLETE] = "P-21",
                                                 [ST_HANDED_OVER] = "Tahap II",
                                                 [ST_LAPSED] = "Dikembalikan",
                                                 [ST_TERMINATED] = "SP3",
                                                 [ST_ADMINISTRATIVE] = "TAK",
                                                 [ST_DISMISSED] = "Dihentikan"};
    return stage_valid(s) ? words[s] : "";
}

/* A few words for a narrow column (the label is the core's). */
static const char *short_label(const char *code)
{
    static const char *const words[][2] = {{"spdp", "SPDP"},
                                           {"p17", "P-17"},
                                           {"pu_answer", "Jawaban PU"},
                                           {"pu_return", "Pengembalian PU"},
                                           {"resend", "Kirim ulang"},
                                           {"tahap2", "Tahap II"},
                                           {"sp3_notify", "Pemberitahuan SP3"},
                                           {"arrest", "Penangkapan"},
                                           {"detention", "Penahanan"},
                                           {"detensi", "Pendetensian"},
                                           {"direction", "Arahan"},
                                           {"family_arrest_notice", "Tembusan penangkapan"},
                                           {"family_detention_notice", "Tembusan penahanan"},
                                           {"consular_notice", "Notifikasi konsuler"},
                                           {"spdp_to_kejari", "SPDP: Kejaksaan"},
                                           {"spdp_to_korwas", "SPDP: Korwas PPNS"},
                                           {"spdp_to_pelapor", "SPDP: pelapor/korban"},
                                           {"spdp_to_tersangka", "SPDP: tersangka"},
                                           {"spdp_to_perwakilan_negara", "SPDP: perwakilan negara"},
                                           {"stall", "Tanpa kegiatan"},
                                           {"damaged", "Log rusak"}};
    for (size_t i = 0; code && i < sizeof words / sizeof words[0]; i++)
        if (strcmp(code, words[i][0]) == 0)
            return words[i][1];
    return code ? code : "";
}

/* A clock of the summary's detail as a list shows it. */
static json_t *clock_view(const struct row_ctx *x, json_t *c)
{
    int64_t due = json_integer_value(json_object_get(c, "due_at"));
    int64_t att = json_integer_value(json_object_get(c, "attention_at"));
    const char *actor = json_string_value(json_object_get(c, "actor"));
    char date[CALDATE_DATE_LEN];
    caldate_format(caldate_local_date(due - 1, x->zone), date, sizeof date);
    return json_pack("{s:O, s:O, s:s, s:s, s:s, s:O, s:O, s:o, s:o, s:s, s:i, s:s}", "code",
                     json_object_get(c, "code"), "label", json_object_get(c, "label"), "short",
                     short_label(json_string_value(json_object_get(c, "code"))), "actor",
                     actor ? actor : "", "actor_label", actor_label(actor_of(actor)), "basis",
                     json_object_get(c, "basis"), "to_verify", json_object_get(c, "to_verify"),
                     "party", party_json(x, json_object_get(c, "party_id")), "due_at",
                     instant_json(x, due), "due_date", date, "days_left", days_left(x, due),
                     "state", state_of_clock(x, due, att));
}

/* The reason the row is listed (see the file's comment). */
static json_t *reason_json(const struct row_ctx *x, const char **state)
{
    if (!null_at(x, C_DAMAGED)) {
        *state = "damaged";
        return json_pack("{s:s, s:s, s:s, s:s, s:s}", "code", "damaged", "label",
                         "Log perkara tidak dapat dibaca; perlu koreksi", "short",
                         short_label("damaged"), "detail", str_at(x, C_DAMAGED), "actor",
                         "investigator");
    }
    bool has_clock = !null_at(x, C_CLOCK_DUE), has_stall = !null_at(x, C_STALL_AT);
    int64_t a = has_clock ? ll(x->r, x->row, C_CLOCK_DUE) : 0;
    int64_t s = has_stall ? ll(x->r, x->row, C_STALL_AT) : 0;
    bool pick_clock = has_clock && (!has_stall || a <= s);
    int64_t att = has_clock ? ll(x->r, x->row, C_CLOCK_ATT) : 0;
    *state = has_clock && a <= x->now     ? "overdue"
             : has_stall && s <= x->now   ? "stalled"
             : has_clock && att <= x->now ? "warning"
                                          : "ok";
    if (pick_clock) {
        json_t *clocks = json_object_get(x->detail, "clocks"), *c, *first = NULL;
        size_t i;
        json_array_foreach(clocks, i, c)
        {
            if (json_integer_value(json_object_get(c, "due_at")) == a &&
                strcmp(json_string_value(json_object_get(c, "code")), str_at(x, C_CLOCK_CODE)) ==
                    0) {
                first = c;
                break;
            }
        }
        if (!first)
            first = json_array_get(clocks, 0);
        if (first)
            return clock_view(x, first);
    }
    int days = (int)json_integer_value(json_object_get(x->detail, "stall_days"));
    char label[160], date[CALDATE_DATE_LEN];
    snprintf(label, sizeof label, "Tidak ada kegiatan sejak %s (batas %d hari)",
             str_at(x, C_LAST_ON), days);
    caldate_format(caldate_local_date(s - 1, x->zone), date, sizeof date);
    const char *actor = str_at(x, C_STALL_ACTOR);
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:n, s:o, s:s, s:i, s:s}", "code",
                     "stall", "label", label, "short", short_label("stall"), "actor", actor,
                     "actor_label", actor_label(actor_of(actor)), "basis",
                     "Kebijakan berkas: batas tanpa kegiatan per tahap (aturan)", "to_verify",
                     false, "party", "due_at", instant_json(x, s), "due_date", date, "days_left",
                     days_left(x, s), "state", s <= x->now ? "stalled" : "ok");
}

/* Running arrests, detentions and detensi, one line per suspect. */
static json_t *detentions_json(const struct row_ctx *x)
{
    json_t *a = json_array(), *c;
    size_t i;
    json_array_foreach(json_object_get(x->detail, "clocks"), i, c)
    {
        const char *code = json_string_value(json_object_get(c, "code"));
        if (code && (strcmp(code, "arrest") == 0 || strcmp(code, "detention") == 0 ||
                     strcmp(code, "detensi") == 0))
            json_array_append_new(a, clock_view(x, c));
    }
    return a;
}

/* The notices of arrest and detention owed and overdue (family, consular;
 * issue 13.7) and the SPDP's recipients that have not received it in time
 * (13.8), each with its reason: the clock's label, suspect and due date;
 * a delivery made late says when (`delivered_on`, `late`). */
static json_t *notices_json(const struct row_ctx *x)
{
    json_t *a = json_array(), *c;
    size_t i;
    json_array_foreach(json_object_get(x->detail, "clocks"), i, c)
    {
        const char *code = json_string_value(json_object_get(c, "code"));
        size_t n = code ? strlen(code) : 0;
        bool notice = (n > 7 && strcmp(code + n - 7, "_notice") == 0) ||
                      (code && strncmp(code, "spdp_to_", 8) == 0);
        if (notice && json_integer_value(json_object_get(c, "due_at")) <= x->now)
            json_array_append_new(a, clock_view(x, c));
    }
    json_array_foreach(json_object_get(x->detail, "late_deliveries"), i, c)
    {
        json_t *v = clock_view(x, c);
        json_object_set(v, "delivered_on", json_object_get(c, "delivered_on"));
        json_object_set_new(v, "late", json_true());
        json_array_append_new(a, v);
    }
    return a;
}

static json_t *directions_json(const struct row_ctx *x)
{
    int open = 0, overdue = 0;
    int64_t next = 0;
    json_t *d;
    size_t i;
    json_array_foreach(json_object_get(x->detail, "directions"), i, d)
    {
        if (!json_is_null(json_object_get(d, "done")))
            continue;
        int64_t due = json_integer_value(json_object_get(d, "due_at"));
        open++;
        overdue += due <= x->now;
        if (open == 1 || due < next)
            next = due;
    }
    return json_pack("{s:i, s:i, s:o}", "open", open, "overdue", overdue, "next_due",
                     open ? instant_json(x, next) : json_null());
}

/* The review list's words for a summary flag (summary_flags). */
static const char *flag_label(const char *code)
{
    if (strcmp(code, "p19_out_of_time") == 0)
        return "P-19 sesudah batas waktu Penuntut Umum, dengan alasan (KUHAP 110(4))";
    if (strcmp(code, "detention_unlawful") == 0)
        return "Penahanan sesudah masa penangkapan habis, dicatat tidak sah dengan alasan "
               "(KUHAP 19(1))";
    return code;
}

static json_t *review_item(struct row_ctx *x)
{
    x->zone = caldate_zone(str_at(x, C_TZ));
    if (!x->zone)
        x->zone = caldate_zone("Asia/Jakarta");
    x->today = caldate_local_date(x->now, x->zone);
    x->detail = json_loads(str_at(x, C_DETAIL), 0, NULL);
    x->names = null_at(x, C_NAMES) ? json_object() : json_loads(str_at(x, C_NAMES), 0, NULL);
    enum stage st = ST_PRE_INVESTIGATION;
    stage_lookup(str_at(x, C_STAGE), &st);
    struct caldate opened, since, last;
    bool has_opened = caldate_parse(str_at(x, C_OPENED), &opened);
    bool has_since = caldate_parse(str_at(x, C_SINCE), &since);
    bool has_last = caldate_parse(str_at(x, C_LAST_ON), &last);
    const char *state = "ok";
    json_t *reason = reason_json(x, &state);
    enum event ev;
    const char *last_type = str_at(x, C_LAST_TYPE);
    json_t *last_act =
        has_last && event_lookup(last_type, &ev)
            ? json_pack("{s:s, s:s, s:s, s:i}", "type", last_type, "label", event_label(ev), "date",
                        str_at(x, C_LAST_ON), "days_ago", caldate_diff(last, x->today))
            : json_null();
    json_t *team = null_at(x, C_TEAM) ? json_array() : json_loads(str_at(x, C_TEAM), 0, NULL);
    json_t *item = json_pack(
        "{s:I, s:s, s:{s:I, s:s, s:s, s:s}, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:s, s:o, s:o, "
        "s:i, s:b, s:o, s:o, s:o, s:o}",
        "case_id", (json_int_t)ll(x->r, x->row, C_ID), "number", str_at(x, C_NUMBER), "office",
        "id", (json_int_t)ll(x->r, x->row, C_OFFICE), "code", str_at(x, C_CODE), "name",
        str_at(x, C_ONAME), "tz", str_at(x, C_TZ), "stage", stage_code(st), "stage_label",
        stage_label(st), "stage_short", stage_short(st), "stage_since",
        has_since ? json_string(str_at(x, C_SINCE)) : json_null(), "in_stage_days",
        has_since ? json_integer(caldate_diff(since, x->today)) : json_null(), "opened_on",
        has_opened ? json_string(str_at(x, C_OPENED)) : json_null(), "age_days",
        has_opened ? json_integer(caldate_diff(opened, x->today)) : json_null(), "state", state,
        "reason", reason, "last_act", last_act, "p19_rounds", (int)ll(x->r, x->row, C_ROUNDS),
        "pingpong", str_at(x, C_PINGPONG)[0] == 't', "directions", directions_json(x), "detentions",
        detentions_json(x), "team", team ? team : json_array(), "damaged",
        null_at(x, C_DAMAGED) ? json_null() : json_string(str_at(x, C_DAMAGED)));
    /* what the log says was done out of time with a reason (p19_out_of_time,
     * detention_unlawful), with the reason's Indonesian label */
    json_t *flags = json_array(), *fl;
    size_t fi;
    json_array_foreach(json_object_get(x->detail, "flags"), fi, fl)
    {
        const char *code = json_string_value(fl);
        if (code)
            json_array_append_new(flags,
                                  json_pack("{s:s, s:s}", "code", code, "label", flag_label(code)));
    }
    json_object_set_new(item, "flags", flags);
    json_object_set_new(item, "notices", notices_json(x));
    json_decref(x->detail);
    json_decref(x->names);
    return item;
}

/* ---- the list ---------------------------------------------------------------------------- */

static void build_list_sql(struct sqlbuf *b, const struct reach *reach,
                           const struct review_filter *f, bool mine, const char *me)
{
    b->len = (size_t)snprintf(b->text, sizeof b->text,
                              "SELECT " REVIEW_COLUMNS " FROM (SELECT * FROM app.case_summaries s "
                              "WHERE s.%s = $1::bigint AND s.next_due_at IS NOT NULL AND "
                              "(s.next_due_at, s.case_id) > (to_timestamp($2::bigint), "
                              "$3::bigint)",
                              store_scope_column(reach->scope));
    b->n = 4; /* $1 reach, $2 $3 cursor, $4 limit */
    /* word for word the predicate of sql/0020's case_summaries_stall_*: a
     * page of stalled files walks its reach's stall index, not the reach */
    if (f->reason && strcmp(f->reason, "stall") == 0)
        sqlbuf_add(b, " AND s.damaged IS NULL AND s.stall_at IS NOT NULL AND NOT " PICK_CLOCK,
                   NULL);
    else if (f->reason && strcmp(f->reason, "damaged") == 0)
        sqlbuf_add(b, " AND s.damaged IS NOT NULL", NULL);
    else if (f->reason)
        sqlbuf_add(b, " AND s.damaged IS NULL AND " PICK_CLOCK " AND s.clock_code = $?", f->reason);
    if (f->actor)
        sqlbuf_add(b,
                   " AND s.damaged IS NULL AND (CASE WHEN " PICK_CLOCK
                   " THEN s.clock_actor ELSE s.stall_actor END) = $?",
                   f->actor);
    if (f->state)
        sqlbuf_add(b, " AND " STATE_OF " = $?", f->state);
    if (f->stage)
        sqlbuf_add(b, " AND s.stage = $?", f->stage);
    if (mine)
        sqlbuf_add(b,
                   " AND EXISTS (SELECT 1 FROM app.case_investigators ci WHERE ci.case_id = "
                   "s.case_id AND ci.user_id = $?::bigint AND ci.removed_at IS NULL)",
                   me);
    sqlbuf_add(b,
               " ORDER BY s.next_due_at, s.case_id LIMIT $4::int) s "
               "JOIN app.cases c ON c.id = s.case_id JOIN app.offices o ON o.id = s.office_id "
               "ORDER BY s.next_due_at, s.case_id",
               NULL);
}

/* The page, inside tx (heavy_read: on the replica or the primary). */
static json_t *review_list_in(struct tx *tx, const struct actor *who, const void *arg,
                              struct audit_rec *au, struct berr *err)
{
    (void)au;
    const struct review_filter *f = arg;
    int limit = f->limit > 0 && f->limit <= 100 ? f->limit : 50;
    bool mine = f->mine ? strcmp(f->mine, "true") == 0 : who->role == ROLE_INVESTIGATOR;
    struct reach reach;
    json_t *page = NULL;
    /* A page walks the reach's (next_due_at, case_id) index from the cursor
     * and stops after limit + 1 rows that pass.  The planner cannot see that:
     * it takes the fence's OR of roles and a filter's CASE (actor, reason) for
     * a handful of rows, and would fetch every file of the reach by bitmap or
     * sequential scan and sort them (a Kanwil's 5,000 at 1M cases; 29,000
     * rows for the national actor=prosecutor at 100k).  For this
     * transaction only, neither scan nor a sort is on offer. */
    if (!reach_of(tx, who, f->office, &reach, err) ||
        !tx_exec(
            tx,
            "SELECT set_config('enable_bitmapscan', 'off', true), "
            "set_config('enable_seqscan', 'off', true), set_config('enable_sort', 'off', true)",
            0, NULL, err))
        return NULL;
    char office[24], due[24] = "-99999999999", id[24] = "0", lim[16], me[24];
    long long cdue = 0, cid = 0;
    if (f->cursor && parse_cursor(f->cursor, &cdue, &cid)) {
        snprintf(due, sizeof due, "%lld", cdue);
        snprintf(id, sizeof id, "%lld", cid);
    }
    snprintf(office, sizeof office, "%lld", reach.office);
    snprintf(lim, sizeof lim, "%d", reach.empty ? 0 : limit + 1);
    snprintf(me, sizeof me, "%lld", who->user_id);
    struct sqlbuf *b = calloc(1, sizeof *b);
    if (!b) {
        berr_set(err, BERR_INTERNAL, "out of memory");
        return NULL;
    }
    b->params[0] = office;
    b->params[1] = due;
    b->params[2] = id;
    b->params[3] = lim;
    build_list_sql(b, &reach, f, mine, me);
    PGresult *r = tx_query(tx, b->text, b->n, b->params, err);
    free(b);
    if (!r)
        return NULL;
    json_t *items = json_array();
    int n = PQntuples(r);
    for (int i = 0; i < n && i < limit; i++) {
        struct row_ctx x = {.r = r, .row = i, .now = ll(r, i, C_NOW)};
        json_array_append_new(items, review_item(&x));
    }
    char next[64] = "";
    if (n > limit)
        snprintf(next, sizeof next, "%lld.%lld", ll(r, limit - 1, C_NEXT), ll(r, limit - 1, C_ID));
    PQclear(r);
    page = json_pack("{s:o, s:o}", "items", items, "next_cursor",
                     next[0] ? json_string(next) : json_null());
    return page;
}

json_t *app_review_list(struct app *app, const struct actor *who, const struct review_filter *f,
                        struct audit_rec *au, struct berr *err)
{
    au->action = "review.list";
    if (!check_filter(f, err))
        return NULL;
    return heavy_read(app, who, review_list_in, f, au, err);
}

/* ---- counts per office ----------------------------------------------------------------- */

static json_t *review_counts_in(struct tx *tx, const struct actor *who, const void *arg,
                                struct audit_rec *au, struct berr *err)
{
    (void)au;
    const char *office = arg;
    struct reach reach;
    json_t *out = NULL;
    /* The counts read every listed file of the subtree: a query JIT would
     * compile for (its cost estimate is high) but that runs in about the time
     * the compiling takes. */
    if (!reach_of(tx, who, office, &reach, err) || !tx_no_jit(tx, err))
        return NULL;
    char sql[3072], id[24];
    /* Every office of the reach, with or without files (a quiet office is
     * news too), each counted on its own from case_summaries_counts
     * (sql/0020), which holds all the columns read here and by the
     * row-level policies: an index-only scan per office, never the wide
     * summary rows. */
    snprintf(sql, sizeof sql,
             "SELECT o.id, o.code, o.name, o.kind, x.* FROM app.offices o CROSS JOIN LATERAL "
             "(SELECT count(*), count(*) FILTER (WHERE s.damaged IS NOT NULL), "
             "count(*) FILTER (WHERE s.damaged IS NULL AND s.clock_due_at <= now()), "
             "count(*) FILTER (WHERE " STATE_OF " = 'stalled'), "
             "count(*) FILTER (WHERE " STATE_OF " = 'warning'), "
             "count(*) FILTER (WHERE s.directions_due_at <= now()), "
             "count(*) FILTER (WHERE s.pingpong) "
             "FROM app.case_summaries s WHERE s.office_id = o.id AND s.%s = $1::bigint "
             "AND s.next_due_at IS NOT NULL) x "
             "WHERE o.tree = 'imigrasi' AND %s AND NOT $2::boolean ORDER BY o.ancestors",
             store_scope_column(reach.scope),
             reach.scope == STORE_SCOPE_OFFICE ? "o.id = $1::bigint"
                                               : "$1::bigint = ANY (o.ancestors)");
    snprintf(id, sizeof id, "%lld", reach.office);
    const char *p[2] = {id, reach.empty ? "true" : "false"};
    PGresult *r = tx_query(tx, sql, 2, p, err);
    if (!r)
        return NULL;
    json_t *items = json_array();
    static const char *const names[] = {
        "open", "damaged", "overdue", "stalled", "warning", "directions_overdue", "pingpong"};
    json_t *total = json_object();
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        json_object_set_new(total, names[k], json_integer(0));
    for (int i = 0; i < PQntuples(r); i++) {
        json_t *o = json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)ll(r, i, 0), "code",
                              PQgetvalue(r, i, 1), "name", PQgetvalue(r, i, 2), "kind",
                              PQgetvalue(r, i, 3));
        for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
            long long v = ll(r, i, 4 + (int)k);
            json_object_set_new(o, names[k], json_integer(v));
            json_object_set_new(
                total, names[k],
                json_integer(json_integer_value(json_object_get(total, names[k])) + v));
        }
        json_array_append_new(items, o);
    }
    PQclear(r);
    out = json_pack("{s:o, s:o}", "items", items, "total", total);
    return out;
}

json_t *app_review_counts(struct app *app, const struct actor *who, const char *office,
                          struct audit_rec *au, struct berr *err)
{
    au->action = "review.counts";
    return heavy_read(app, who, review_counts_in, office, au, err);
}
