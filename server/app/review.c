/*
 * review.c - the supervisors' review list and its counts per office, over
 * app.case_summaries (summary.h).
 *
 * What a row says, decided at query time from the stored instants:
 *   state    damaged     the log does not load (first in every list)
 *            overdue     the earliest running legal clock has passed (a notice
 *                        the law owes too: the SPDP to the embassy, a BAP's
 *                        copy, the family's and the consular notices)
 *            stalled     no act for the stage's N days (and no clock overdue)
 *            warning     a running clock is in its warning period
 *            ok          otherwise
 *   reason   the headline: when a running clock has passed, the late clock of
 *            least weight (each clock's rank, app/summary.c reason_rank: a
 *            person held, then the file's own clocks that change where it
 *            stands in law, then those that ask an answer or a report, then
 *            a supervisor's direction, the notices owed last), the longest
 *            late among equals - so the row's words name a clock that is
 *            late whenever the file is overdue.  Else, as stored with the
 *            summary: a suspect held, the running custody clock (arrest,
 *            detention, detensi) due first, whatever else falls due sooner;
 *            else whichever of the earliest clock and the stall comes first
 *            (the clock on a tie).  Its actor is who must act.  `reasons`
 *            lists every late clock, the headline first; `earliest` names
 *            the clock due first when it is not the headline; `idle` says
 *            how long the file has had no act when a clock is the reason and
 *            the stall has passed too.
 * The state comes from the earliest deadlines: a file with a clock passed is
 * overdue, listed, counted and filtered (state=overdue) as overdue, and its
 * headline is then a late clock.  The file is found (reason=) by each of its
 * reasons: every late clock, and the stored one; and (actor=) by the actor of
 * its headline (store/review.c, the same choice in SQL).  The stored reason
 * is computed when the log changes, so it rests on which clocks run (known
 * then); which have passed is known only now, from the clocks of the detail
 * (due_at, rank).  The order is next_due_at = min(earliest clock, stall): the
 * longest overdue first, then what falls due soonest.  A clock in warning is
 * marked, not moved ahead of one falling due sooner: the deadline that passes
 * first is the more urgent.  The reach of the caller picks the index: an
 * office, a Kanwil (scope2), Ditjen (scope1), a Kantor with its UKK (scope3).
 */
#include "review.h"
#include "render_swap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "core/caldate.h"
#include "core/clock.h"
#include "core/event.h"
#include "core/idtext.h"
#include "core/stage.h"
#include "heavyread.h"
#include "reach.h"
#include "stale.h"
#include "store/review.h"
#include "summary.h"

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

struct row_ctx {
    const struct store_review_row *r;
    const struct tzone *zone;
    int64_t now;
    struct caldate today;
    json_t *detail;
    json_t *why; /* the clock of detail that is the reason, or NULL (borrowed) */
};

/* A person held (app/summary.c: is_custody). */
static bool is_custody(const char *code)
{
    return code && (strcmp(code, "arrest") == 0 || strcmp(code, "detention") == 0 ||
                    strcmp(code, "detensi") == 0);
}

/* A notice owed (core/clock.h: clock_notice), by the clock's code: listed with the file too
 * (notices), and a deadline of the file like the others (app/summary.c: running_clocks). */
static bool is_notice(const char *code)
{
    for (int k = 0; code && k < CLK__COUNT; k++)
        if (strcmp(code, clock_kind_code((enum clock_kind)k)) == 0)
            return clock_notice((enum clock_kind)k) != NOTICE_NONE;
    return false;
}

/* The clock of the detail the reason names (code and suspect), or the first
 * of that code; detail.clocks is in the order they fall due. */
static json_t *reason_clock(const struct row_ctx *x)
{
    json_t *clocks = json_object_get(x->detail, "clocks"), *c, *named = NULL;
    size_t i;
    json_array_foreach(clocks, i, c)
    {
        const char *code = json_string_value(json_object_get(c, "code"));
        if (!code || strcmp(code, x->r->clock_code) != 0)
            continue;
        if (json_integer_value(json_object_get(c, "party_id")) == x->r->clock_party)
            return c;
        named = named ? named : c;
    }
    return named ? named : json_array_get(clocks, 0);
}

/* A clock's weight among the reasons (stored with it: app/summary.c reason_rank); a row
 * written before it had one weighs as a notice. */
static int rank_of(json_t *c)
{
    json_t *r = json_object_get(c, "rank");
    return json_is_integer(r) ? (int)json_integer_value(r) : 4;
}

static int64_t due_of(json_t *c)
{
    return json_integer_value(json_object_get(c, "due_at"));
}

/* Whether late clock a comes before b among the reasons: least weight, then the longest late.
 * detail.clocks is in the order they fall due, so the first of equals stays first, as in the
 * list's actor filter (store/review.c: ordered by rank, due, then place in the detail). */
static bool reason_before(json_t *a, json_t *b)
{
    return rank_of(a) < rank_of(b) || (rank_of(a) == rank_of(b) && due_of(a) < due_of(b));
}

/* The late clocks of the detail (passed by now), the headline first; NULL when none. */
static json_t *late_clocks(const struct row_ctx *x)
{
    json_t *clocks = json_object_get(x->detail, "clocks"), *c, *late = NULL;
    size_t i;
    json_array_foreach(clocks, i, c)
    {
        if (x->now < due_of(c))
            continue;
        if (!late)
            late = json_array();
        size_t at = json_array_size(late);
        while (at > 0 && reason_before(c, json_array_get(late, at - 1)))
            at--;
        json_array_insert(late, at, c);
    }
    return late;
}

/* The running clock due first, or NULL (detail.clocks is in the order they fall due). */
static json_t *earliest_clock(const struct row_ctx *x)
{
    return json_array_get(json_object_get(x->detail, "clocks"), 0);
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
    long long party = (long long)json_integer_value(id);
    const char *name = "";
    for (int i = 0; i < x->r->nsuspects; i++)
        if (x->r->suspects[i].id == party)
            name = x->r->suspects[i].name;
    return json_pack("{s:O, s:s}", "id", id, "name", name);
}

static const char *state_of_clock(const struct row_ctx *x, int64_t due, int64_t attention)
{
    return x->now >= due ? "overdue" : x->now >= attention ? "warning" : "ok";
}

/* A stage in a word or two, for a narrow column (the label is the core's). */
/* The few words of a file's stage; of a file handed over under the short procedure (UU 6/2011
 * Pasal 110), not "Tahap II" (stage_label_of). */
static const char *stage_short(enum stage s, bool short_procedure)
{
    if (s == ST_HANDED_OVER && short_procedure)
        return "Acara singkat";
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
                                           {"sp3_notify", "SP3: Penuntut Umum"},
                                           {"sp3_notify_korwas", "SP3: Korwas PPNS"},
                                           {"sp3_notify_suspect", "SP3: tersangka/keluarga"},
                                           {"sp3_notify_reporter", "SP3: pelapor/korban"},
                                           {"arrest", "Penangkapan"},
                                           {"detention", "Penahanan"},
                                           {"detensi", "Pendetensian"},
                                           {"direction", "Arahan"},
                                           {"family_arrest_notice", "Tembusan penangkapan"},
                                           {"family_detention_notice", "Tembusan penahanan"},
                                           {"consular_notice", "Notifikasi konsuler"},
                                           {"designation_notice", "Pemberitahuan penetapan"},
                                           {"bap_copy", "Salinan BAP"},
                                           {"pn_approval", "Persetujuan Ketua PN"},
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
static json_t *reason_json(struct row_ctx *x, const char **state)
{
    if (x->r->damaged) {
        *state = "damaged";
        return json_pack("{s:s, s:s, s:s, s:s, s:s}", "code", "damaged", "label",
                         "Log perkara tidak dapat dibaca; perlu koreksi", "short",
                         short_label("damaged"), "detail", x->r->damaged, "actor", "investigator");
    }
    bool has_clock = x->r->has_clock, has_stall = x->r->has_stall;
    int64_t a = has_clock ? x->r->clock_due_at : 0;
    int64_t s = has_stall ? x->r->stall_at : 0;
    bool pick_clock = has_clock && (!has_stall || a <= s || is_custody(x->r->clock_code));
    int64_t att = has_clock ? x->r->clock_attention_at : 0;
    *state = has_clock && a <= x->now     ? "overdue"
             : has_stall && s <= x->now   ? "stalled"
             : has_clock && att <= x->now ? "warning"
                                          : "ok";
    json_t *late = late_clocks(x);
    if (late) {
        /* a clock has passed: the late one of least weight is the headline (the file's comment) */
        x->why = json_array_get(late, 0);
        json_decref(late);
        return clock_view(x, x->why);
    }
    if (pick_clock && (x->why = reason_clock(x)) != NULL)
        return clock_view(x, x->why);
    int days = (int)json_integer_value(json_object_get(x->detail, "stall_days"));
    /* user-facing words: the date as Indonesian writes it ("4 Desember 2026"), not ISO */
    char label[160], date[CALDATE_DATE_LEN], since[48] = "";
    struct caldate last;
    if (!caldate_parse(x->r->last_act_on, &last) || !idtext_date_long(last, since, sizeof since))
        snprintf(since, sizeof since, "%s", x->r->last_act_on);
    snprintf(label, sizeof label, "Tidak ada kegiatan sejak %s (batas %d hari)", since, days);
    caldate_format(caldate_local_date(s - 1, x->zone), date, sizeof date);
    const char *actor = x->r->stall_actor;
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:n, s:o, s:s, s:i, s:s}", "code",
                     "stall", "label", label, "short", short_label("stall"), "actor", actor,
                     "actor_label", actor_label(actor_of(actor)), "basis",
                     "Kebijakan berkas: batas tanpa kegiatan per tahap (aturan)", "to_verify",
                     false, "party", "due_at", instant_json(x, s), "due_date", date, "days_left",
                     days_left(x, s), "state", s <= x->now ? "stalled" : "ok");
}

/* A file listed for a clock whose stall has passed too: how long it has had no act, beside the
 * reason (null when the reason is the stall itself, or the stall has not passed). An overdue
 * file is listed as overdue, never "stalled" (the state is the worse of the two), so without
 * this the board would not say that nobody has touched it for months. */
static json_t *idle_json(const struct row_ctx *x, const json_t *reason)
{
    const char *code = json_string_value(json_object_get(reason, "code"));
    struct caldate last;
    if (!x->r->has_stall || x->r->stall_at > x->now || !code || strcmp(code, "stall") == 0 ||
        strcmp(code, "damaged") == 0 || !caldate_parse(x->r->last_act_on, &last))
        return json_null();
    const char *actor = x->r->stall_actor;
    return json_pack("{s:s, s:i, s:I, s:s, s:s}", "since", x->r->last_act_on, "days",
                     caldate_diff(last, x->today), "limit_days",
                     json_integer_value(json_object_get(x->detail, "stall_days")), "actor",
                     actor ? actor : "", "actor_label", actor_label(actor_of(actor)));
}

/* Every late clock, the headline first (late_clocks): each a reason the file is listed for. */
static json_t *reasons_json(const struct row_ctx *x)
{
    json_t *late = late_clocks(x), *a = json_array(), *c;
    size_t i;
    json_array_foreach(late, i, c)
    {
        json_array_append_new(a, clock_view(x, c));
    }
    json_decref(late);
    return a;
}

/* Running arrests, detentions and detensi, one line per suspect. */
static json_t *detentions_json(const struct row_ctx *x)
{
    json_t *a = json_array(), *c;
    size_t i;
    json_array_foreach(json_object_get(x->detail, "clocks"), i, c)
    {
        if (is_custody(json_string_value(json_object_get(c, "code"))))
            json_array_append_new(a, clock_view(x, c));
    }
    return a;
}

/* The notices of arrest and detention owed and overdue (family, consular;
 * issue 13.7) and the SPDP's recipients that have not received it in time
 * (13.8), each with its reason: the clock's label, suspect and due date;
 * a delivery made late says when (`delivered_on`, `late`); one never made
 * before the file ended says so (`missed`, `closed_by`, `closed_on`), as does one declared
 * undelivered, with its reason (`closed_by` notice_undelivered, `undelivered_reason`). */
static json_t *notices_json(const struct row_ctx *x)
{
    json_t *a = json_array(), *c;
    size_t i;
    json_array_foreach(json_object_get(x->detail, "clocks"), i, c)
    {
        bool notice = is_notice(json_string_value(json_object_get(c, "code")));
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
    /* owed past its day and never delivered when the file ended (summary.c missed_notices): a
     * fault kept in sight, no deadline (state "missed", not counted as overdue); one the
     * investigator declared undelivered with his reason (notice_undelivered) is in sight too,
     * as what it is - not delivered, and why - not judged missed: a foreigner may decline his
     * consul's notice (VCCR 36(1)(b) "if he so requests"; review2 F4) */
    json_array_foreach(json_object_get(x->detail, "missed_notices"), i, c)
    {
        json_t *v = clock_view(x, c);
        json_t *why = json_object_get(c, "undelivered_reason");
        bool declared = json_is_string(why);
        json_object_set_new(v, "state", json_string(declared ? "undelivered" : "missed"));
        json_object_set(v, "closed_by", json_object_get(c, "closed_by"));
        json_object_set(v, "closed_on", json_object_get(c, "closed_on"));
        json_object_set_new(v, declared ? "undelivered" : "missed", json_true());
        if (declared)
            json_object_set(v, "undelivered_reason", why);
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
    if (strcmp(code, "stale_papers") == 0)
        return "Dokumen tidak sesuai koreksi: diterbitkan sebelum koreksi tindakannya (cabut dan "
               "terbitkan ulang), atau tindakannya ditarik (cabut)";
    if (strcmp(code, "detention_unlawful") == 0)
        return "Penahanan sesudah masa penangkapan habis, dicatat tidak sah dengan alasan "
               "(KUHAP 19(1))";
    if (strcmp(code, "pn_approval_refused") == 0)
        /* the law differs by the act's date (KUHAP 34, 38(2); UU 20/2025 as reported): the
         * case page's warning cites it (permit.c); a list label cannot */
        return "Persetujuan Ketua PN atas penggeledahan atau penyitaan mendesak ditolak; "
               "tindak lanjutnya belum dipastikan";
    return code;
}

/* A date of the detail ("2026-01-25") in words ("25 Januari 2026"), or as it is. */
static void date_words(json_t *d, char *buf, size_t n)
{
    struct caldate day;
    const char *s = json_string_value(d);
    if (!s || !caldate_parse(s, &day) || !idtext_date_long(day, buf, n))
        snprintf(buf, n, "%s", s ? s : "");
}

/* An arrest or detention that outlasted its order (summary.c overruns) as a flag: the suspect,
 * his last day in time, the act that stopped it and its day, how long over.  Not a deadline:
 * the file is not overdue for it, but it stays on the row. */
static json_t *overrun_flag(const struct row_ctx *x, json_t *c)
{
    const char *code = json_string_value(json_object_get(c, "code"));
    bool arrest = code && strcmp(code, "arrest") == 0;
    int days = (int)json_integer_value(json_object_get(c, "days_over"));
    int hours = (int)json_integer_value(json_object_get(c, "hours_over"));
    json_t *party = party_json(x, json_object_get(c, "party_id"));
    const char *name = json_string_value(json_object_get(party, "name"));
    const char *by = json_string_value(json_object_get(c, "stopped_by"));
    enum event ev;
    char due[48], on[48], over[32], label[512];
    date_words(json_object_get(c, "due_date"), due, sizeof due);
    date_words(json_object_get(c, "stopped_on"), on, sizeof on);
    /* an arrest is counted in hours (KUHAP 19(1)), a detention in days: by the hour only when
     * it ended on its last day, past the 24 h x N instant */
    if (arrest || days == 0)
        snprintf(over, sizeof over, "%d jam", hours);
    else
        snprintf(over, sizeof over, "%d hari", days);
    /* the law of the clock, as its act's date and what set its limit have it (a detention of 2026
     * under UU 20/2025, a release owed by an SP3's day: clock.c detention_basis and release_owed;
     * review2 F8: a literal cited KUHAP 1981 24(4) of every one) */
    const char *basis = json_string_value(json_object_get(c, "basis"));
    snprintf(label, sizeof label,
             "%s melampaui batas %s: %s, batas %s, berakhir %s (%s); dasar: %s%s",
             arrest ? "Penangkapan" : "Penahanan", over, name && *name ? name : "tersangka", due,
             on, by && event_lookup(by, &ev) ? event_label(ev) : (by ? by : ""),
             basis && *basis ? basis : (arrest ? "KUHAP 19(1)" : "KUHAP 24"),
             arrest ? "" : "; lewat masanya tersangka dikeluarkan demi hukum");
    json_t *f = json_pack("{s:s, s:s, s:o, s:i, s:i}", "code",
                          arrest ? "arrest_overrun" : "detention_overrun", "label", label, "party",
                          party, "days_over", days, "hours_over", hours);
    static const char *const keep[] = {"due_date", "stopped_on", "stopped_by"};
    for (size_t i = 0; f && i < sizeof keep / sizeof keep[0]; i++) {
        json_t *v = json_object_get(c, keep[i]);
        json_object_set_new(f, keep[i], v ? json_incref(v) : json_null());
    }
    return f;
}

/* What the log says was done out of time with a reason (p19_out_of_time,
 * detention_unlawful), or refused by the court (pn_approval_refused), with its Indonesian
 * label; then each arrest or detention held past its order (overrun_flag). */
static json_t *flags_json(const struct row_ctx *x)
{
    json_t *flags = json_array(), *fl;
    size_t fi;
    json_array_foreach(json_object_get(x->detail, "flags"), fi, fl)
    {
        const char *code = json_string_value(fl);
        if (code)
            json_array_append_new(flags,
                                  json_pack("{s:s, s:s}", "code", code, "label", flag_label(code)));
    }
    json_array_foreach(json_object_get(x->detail, "overruns"), fi, fl)
    {
        json_array_append_new(flags, overrun_flag(x, fl));
    }
    return flags;
}

static json_t *last_act_json(const struct row_ctx *x)
{
    struct caldate last;
    enum event ev;
    if (!caldate_parse(x->r->last_act_on, &last) || !event_lookup(x->r->last_act_type, &ev))
        return json_null();
    return json_pack("{s:s, s:s, s:s, s:i}", "type", x->r->last_act_type, "label", event_label(ev),
                     "date", x->r->last_act_on, "days_ago", caldate_diff(last, x->today));
}

/* A date column as a string and the days from it to today, or nulls. */
static void date_and_days(const struct row_ctx *x, const char *text, json_t **date, json_t **days)
{
    struct caldate d;
    bool has = caldate_parse(text, &d);
    *date = has ? json_string(text) : json_null();
    *days = has ? json_integer(caldate_diff(d, x->today)) : json_null();
}

static json_t *review_item(struct row_ctx *x)
{
    const struct store_review_row *r = x->r;
    x->zone = caldate_zone(r->tz);
    if (!x->zone)
        x->zone = caldate_zone("Asia/Jakarta");
    x->today = caldate_local_date(x->now, x->zone);
    x->detail = json_loads(r->detail, 0, NULL);
    enum stage st = ST_PRE_INVESTIGATION;
    stage_lookup(r->stage, &st);
    bool by_short = summary_handed_short(x->detail);
    json_t *since, *in_stage, *opened, *age;
    date_and_days(x, r->stage_since, &since, &in_stage);
    date_and_days(x, r->opened_on, &opened, &age);
    const char *state = "ok";
    json_t *reason = reason_json(x, &state);
    json_t *team = json_array();
    for (int i = 0; i < r->nteam; i++)
        json_array_append_new(team, json_string(r->team[i]));
    json_t *item = json_pack(
        "{s:I, s:s, s:{s:I, s:s, s:s, s:s}, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:s, s:o, s:o, "
        "s:i, s:b, s:o, s:o, s:o, s:o}",
        "case_id", (json_int_t)r->case_id, "number", r->number, "office", "id",
        (json_int_t)r->office_id, "code", r->office_code, "name", r->office_name, "tz", r->tz,
        "stage", stage_code(st), "stage_label", stage_label_of(st, by_short), "stage_short",
        stage_short(st, by_short), "stage_since", since, "in_stage_days", in_stage, "opened_on",
        opened, "age_days", age, "state", state, "reason", reason, "last_act", last_act_json(x),
        "p19_rounds", r->p19_rounds, "pingpong", r->pingpong, "directions", directions_json(x),
        "detentions", detentions_json(x), "team", team ? team : json_array(), "damaged",
        r->damaged ? json_string(r->damaged) : json_null());
    json_object_set_new(item, "idle", idle_json(x, reason));
    json_object_set_new(item, "reasons", reasons_json(x));
    json_object_set_new(item, "flags", flags_json(x));
    json_object_set_new(item, "notices", notices_json(x));
    /* the deadline the list is ordered by, and the clock that gives it when the
     * reason is another (a suspect held) */
    json_object_set_new(item, "next_due_at", instant_json(x, r->next_due_at));
    json_t *first = x->why ? earliest_clock(x) : NULL;
    json_object_set_new(item, "earliest",
                        first && first != x->why ? clock_view(x, first) : json_null());
    json_decref(x->detail);
    return item;
}

/* ---- the list ---------------------------------------------------------------------------- */

/* The page's query for filter f (checked) in the caller's reach. */
static void list_query(const struct actor *who, const struct review_filter *f,
                       const struct reach *reach, int limit, struct store_review_query *q)
{
    bool mine = f->mine ? strcmp(f->mine, "true") == 0 : who->role == ROLE_INVESTIGATOR;
    *q = (struct store_review_query){.scope = reach->scope,
                                     .reach = reach->office,
                                     .after_due = -99999999999LL,
                                     .limit = reach->empty ? 0 : limit + 1,
                                     .reason = f->reason,
                                     .actor = f->actor,
                                     .state = f->state,
                                     .stage = f->stage,
                                     .mine = mine ? who->user_id : 0};
    long long cdue = 0, cid = 0;
    if (f->cursor && parse_cursor(f->cursor, &cdue, &cid)) {
        q->after_due = cdue;
        q->after_id = cid;
    }
}

/* The page's cases with papers issued before a correction of their act that changed what they
 * print (stale.h) flagged stale_papers: read with the page, in one round trip, not stored in the
 * summary (a paper's issue or revocation is not an act). */
static bool stale_flags(struct tx *tx, json_t *items, const struct render_engine *render,
                        struct berr *err)
{
    size_t n = json_array_size(items);
    long long *ids = malloc((n ? n : 1) * sizeof *ids);
    if (!ids)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    for (size_t i = 0; i < n; i++)
        ids[i] =
            (long long)json_integer_value(json_object_get(json_array_get(items, i), "case_id"));
    struct store_stale_rows rows;
    bool ok = store_stale_rows(tx, ids, (int)n, &rows, err);
    for (size_t i = 0; ok && i < n; i++)
        if (stale_each(&rows, ids[i], render, NULL, NULL) > 0)
            json_array_append_new(json_object_get(json_array_get(items, i), "flags"),
                                  json_pack("{s:s, s:s}", "code", "stale_papers", "label",
                                            flag_label("stale_papers")));
    if (ok)
        store_stale_rows_free(&rows);
    free(ids);
    return ok;
}

/* The filter and what each form reads (stale.h), for review_list_in. */
struct review_args {
    const struct review_filter *f;
    const struct render_engine *render;
};

/* The page, inside tx (heavy_read: on the replica or the primary). */
static json_t *review_list_in(struct tx *tx, const struct actor *who, const void *arg,
                              struct audit_rec *au, struct berr *err)
{
    (void)au;
    const struct review_args *args = arg;
    const struct review_filter *f = args->f;
    int limit = f->limit > 0 && f->limit <= 100 ? f->limit : 50;
    struct reach reach;
    struct store_review_query q;
    struct store_review_page rows;
    if (!reach_of(tx, who, f->office, &reach, err))
        return NULL;
    list_query(who, f, &reach, limit, &q);
    if (!store_review_page(tx, &q, &rows, err))
        return NULL;
    json_t *items = json_array();
    for (int i = 0; i < rows.n && i < limit; i++) {
        struct row_ctx x = {.r = &rows.items[i], .now = rows.now};
        json_array_append_new(items, review_item(&x));
    }
    if (!stale_flags(tx, items, args->render, err)) {
        json_decref(items);
        store_review_page_free(&rows);
        return NULL;
    }
    char next[64] = "";
    if (rows.n > limit)
        snprintf(next, sizeof next, "%lld.%lld", rows.items[limit - 1].next_due_at,
                 rows.items[limit - 1].case_id);
    store_review_page_free(&rows);
    return json_pack("{s:o, s:o}", "items", items, "next_cursor",
                     next[0] ? json_string(next) : json_null());
}

json_t *app_review_list(struct app *app, const struct actor *who, const struct review_filter *f,
                        struct audit_rec *au, struct berr *err)
{
    au->action = "review.list";
    if (!check_filter(f, err))
        return NULL;
    struct review_args args = {.f = f, .render = app_render(app)};
    return heavy_read(app, who, review_list_in, &args, au, err);
}

/* ---- counts per office ----------------------------------------------------------------- */

/* Whether office is c's or one of its ancestors'. */
static bool under(const struct store_review_count *c, long long office)
{
    for (int a = 0; a < c->nancestors; a++)
        if (c->ancestors[a] == office)
            return true;
    return false;
}

/* An office's row counts its own files; `subtree` counts those of the office and of every office
 * under it (a Kanwil's Kanims and their UKK, the Ditjen's whole tree), as the list narrowed to
 * that office (?office=) shows them: a Kanwil holds few files itself, and a row of zeros beside
 * Kanims with overdue files told its supervisor nothing. Every office under one in the reach is
 * in the reach, so the rows hold them all. */
static json_t *subtree_json(const struct store_review_counts *rows, long long office,
                            const char *const *names)
{
    long long n[STORE_REVIEW__COUNTS] = {0};
    for (int i = 0; i < rows->n; i++)
        for (int k = 0; under(&rows->items[i], office) && k < STORE_REVIEW__COUNTS; k++)
            n[k] += rows->items[i].n[k];
    json_t *o = json_object();
    for (int k = 0; k < STORE_REVIEW__COUNTS; k++)
        json_object_set_new(o, names[k], json_integer(n[k]));
    return o;
}

static json_t *review_counts_in(struct tx *tx, const struct actor *who, const void *arg,
                                struct audit_rec *au, struct berr *err)
{
    (void)au;
    const char *office = arg;
    struct reach reach;
    struct store_review_counts rows;
    if (!reach_of(tx, who, office, &reach, err) ||
        !store_review_counts(tx, reach.scope, reach.office, reach.empty, &rows, err))
        return NULL;
    static const char *const names[STORE_REVIEW__COUNTS] = {
        [STORE_REVIEW_OPEN] = "open",
        [STORE_REVIEW_DAMAGED] = "damaged",
        [STORE_REVIEW_OVERDUE] = "overdue",
        [STORE_REVIEW_STALLED] = "stalled",
        [STORE_REVIEW_WARNING] = "warning",
        [STORE_REVIEW_DIRECTIONS_OVERDUE] = "directions_overdue",
        [STORE_REVIEW_PINGPONG] = "pingpong"};
    long long total[STORE_REVIEW__COUNTS] = {0};
    json_t *items = json_array();
    for (int i = 0; i < rows.n; i++) {
        const struct store_review_count *c = &rows.items[i];
        json_t *o = json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)c->office_id, "code",
                              c->code, "name", c->name, "kind", c->kind);
        for (int k = 0; k < STORE_REVIEW__COUNTS; k++) {
            json_object_set_new(o, names[k], json_integer(c->n[k]));
            total[k] += c->n[k];
        }
        json_object_set_new(o, "subtree", subtree_json(&rows, c->office_id, names));
        json_array_append_new(items, o);
    }
    store_review_counts_free(&rows);
    json_t *sum = json_object();
    for (int k = 0; k < STORE_REVIEW__COUNTS; k++)
        json_object_set_new(sum, names[k], json_integer(total[k]));
    return json_pack("{s:o, s:o}", "items", items, "total", sum);
}

json_t *app_review_counts(struct app *app, const struct actor *who, const char *office,
                          struct audit_rec *au, struct berr *err)
{
    au->action = "review.counts";
    return heavy_read(app, who, review_counts_in, office, au, err);
}
