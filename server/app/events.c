/*
 * events.c - recording an act in a case: the one write path of the case
 * file (the demo data goes through it too).
 *
 * In one transaction, as the acting user: lock the case row, compare the client's version
 * (If-Match), load the log as the core sees it, ask the core (stage machine, guards, and for acts
 * on a suspect the detention machine), then append the event (the database chains its hash), move
 * the stage, bump the version, store the P-19 items or the answer, write the audit line (which
 * claims the request's Idempotency-Key: idem.h), commit. A refusal writes nothing but its audit
 * line (written by the caller after the rollback).
 */
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acts.h"
#include "app.h"
#include "audit.h"
#include "casefile.h"
#include "deposit.h"
#include "events.h"
#include "evfield.h"
#include "forms.h"
#include "oath.h"
#include "p19answer.h"
#include "permit.h"
#include "release.h"
#include "sp3check.h"
#include "snapshot.h"
#include "statecache.h"
#include "core/answer.h"
#include "core/clock.h"
#include "core/detention.h"
#include "core/fsm.h"
#include "core/order.h"
#include "core/relground.h"
#include "core/sp3ground.h"
#include "store/events.h"
#include "store/instructions.h"
#include "store/tx.h"
#include "summary.h"
#include "validate.h"

static enum actor_role core_role(enum role r)
{
    switch (r) {
    case ROLE_INVESTIGATOR:
        return ACTOR_INVESTIGATOR;
    case ROLE_PROSECUTOR:
        return ACTOR_PROSECUTOR;
    case ROLE_SUPERVISOR:
        return ACTOR_SUPERVISOR;
    default:
        return ACTOR_NONE;
    }
}

static json_t *event_list(const enum event *ev, int n)
{
    json_t *a = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(a, json_string(event_code(ev[i])));
    return a;
}

/* A refusal as a problem with its extension members (DESIGN.md: 409 lists
 * the events allowed, 422 names each missing fact). */
static bool refuse(struct event_outcome *out, struct berr *err, enum berr_kind kind,
                   const char *type, const char *message)
{
    out->problem_type = type;
    return berr_set(err, kind, "%s", message);
}

/* Today on the office's calendar, by the database's clock (read with the
 * case row, so that one transaction has one "now"). */
static bool today_local(const struct casefile *cf, struct caldate *today, int64_t *now)
{
    *now = cf->now;
    *today = caldate_local_date(*now, cf->zone);
    return true;
}

/* The act's date (and instant) from the input, checked against the case:
 * a real date, not in the future, not before the case was opened. */
static bool act_when(const struct casefile *cf, const struct event_input *in, struct caldate today,
                     int64_t now, struct caldate *date, int64_t *at, bool *has_time,
                     struct berr *err)
{
    *has_time = false;
    if (in->at && *in->at) {
        if (!caldate_parse_instant(in->at, at))
            return berr_field(err, BERR_BAD_INPUT, "at",
                              "at harus waktu ISO 8601 dengan zona, mis. "
                              "2026-03-02T09:30:00+07:00");
        *date = caldate_local_date(*at, cf->zone);
        *has_time = true;
        /* both given: they must name the same day on the office's calendar
         * (issue 13.11), else which one holds would be a guess */
        struct caldate said;
        if (in->date && *in->date &&
            (!caldate_parse(in->date, &said) || caldate_cmp(said, *date) != 0)) {
            char local[CALDATE_DATE_LEN];
            caldate_format(*date, local, sizeof local);
            return berr_field(err, BERR_BAD_INPUT, "date",
                              "date tidak sama dengan tanggal at di zona kantor (%s %s)", local,
                              cf->zone->abbr);
        }
        if (*at > now + 300)
            return berr_field(err, BERR_BAD_INPUT, "at",
                              "waktu tindakan tidak boleh di masa depan");
    } else if (in->date && *in->date) {
        if (!caldate_parse(in->date, date))
            return berr_field(err, BERR_BAD_INPUT, "date", "date harus tanggal YYYY-MM-DD");
    } else {
        *date = today;
    }
    if (caldate_cmp(*date, today) > 0)
        return berr_field(err, BERR_BAD_INPUT, in->at && *in->at ? "at" : "date",
                          "tanggal tindakan tidak boleh di masa depan");
    struct caldate opened;
    if (cf->opened_on[0] && caldate_parse(cf->opened_on, &opened) && caldate_cmp(*date, opened) < 0)
        return berr_field(err, BERR_BAD_INPUT, in->at && *in->at ? "at" : "date",
                          "tanggal tindakan sebelum perkara dibuka (%s)", cf->opened_on);
    return true;
}

static bool check_party(struct tx *tx, const struct casefile *cf, long long party_id,
                        const char *want_kind, struct berr *err)
{
    char kind[32];
    bool found;
    if (!store_party_kind(tx, cf->id, party_id, kind, sizeof kind, &found, err))
        return false;
    if (!found || (want_kind && strcmp(kind, want_kind) != 0))
        return berr_field(err, BERR_BAD_INPUT, "party_id", "party_id %lld bukan %s perkara ini",
                          party_id, want_kind ? "tersangka" : "pihak");
    return true;
}

/* The invariant of the write path (issue 9): no accepted write leaves a
 * case that does not load.  The log with the new act appended goes through
 * the one validation every reader runs (casefile_clocks); a fault is the
 * request's, named by the field the API knows. */
/* An act out of date order (issue 13.1): 422 naming both acts and dates,
 * and the field the client dated it with. */
static bool refuse_order(const struct casefile *cf, const struct order_fault *f, bool timed,
                         struct event_outcome *out, struct berr *err)
{
    char msg[400];
    order_fault_message(f, cf->zone, msg, sizeof msg);
    /* a withdrawal refused while an act that presupposes it stands: the act to withdraw first */
    out->problem_type = f->withdrawn ? "dependent-act" : "date-order";
    json_t *acts[2];
    const struct case_event *e[2] = {&f->act_ev, &f->dep_ev};
    int idx[2] = {f->act, f->dep};
    for (int i = 0; i < 2; i++) {
        char d[CALDATE_DATE_LEN], at[CALDATE_INSTANT_LEN] = "";
        caldate_format(evlog_date(e[i], cf->zone), d, sizeof d);
        if (e[i]->has_time)
            caldate_format_instant(e[i]->at, cf->zone, at, sizeof at);
        acts[i] = json_pack("{s:s, s:s, s:s}", "type", event_code(e[i]->event), "label",
                            event_label(e[i]->event), "date", d);
        if (at[0])
            json_object_set_new(acts[i], "at", json_string(at));
        if (idx[i] < cf->nevents && cf->ev_id[idx[i]] > 0) /* the act itself has no row yet */
            json_object_set_new(acts[i], "id", json_integer(cf->ev_id[idx[i]]));
    }
    out->extra =
        json_pack("{s:o, s:o, s:s}", "act", acts[0], "depends_on", acts[1], "basis", f->basis);
    char first[sizeof msg + 32];
    snprintf(first, sizeof first, "%s", msg);
    /* the act to withdraw first, as the CLI's one line can name it */
    if (f->withdrawn && f->act < cf->nevents && cf->ev_id[f->act] > 0)
        snprintf(first, sizeof first, "%s (peristiwa %lld)", msg, cf->ev_id[f->act]);
    if (first[0] >= 'a' && first[0] <= 'z')
        first[0] = (char)(first[0] - 'a' + 'A');
    return berr_field(err, BERR_UNPROCESSABLE,
                      f->withdrawn ? "corrects"
                      : timed      ? "at"
                                   : "date",
                      "%s", first);
}

/* Append ce (payload its stored members, a reference taken) to cf's log in place: the room
 * casefile_load leaves for it. */
static void append_act(struct casefile *cf, const struct case_event *ce, json_t *payload)
{
    int n = cf->nevents;
    cf->ev[n] = *ce;
    cf->ev_id[n] = 0; /* the row's id once inserted */
    cf->ev_payload[n] = json_incref(payload);
    cf->nevents = n + 1;
    evlog_index_append(cf->ev, cf->nevents);
}

/* Take the act append_act appended off cf's log again: cf is the log as loaded. */
static void unappend_act(struct casefile *cf)
{
    cf->nevents--;
    json_decref(cf->ev_payload[cf->nevents]);
    cf->ev_payload[cf->nevents] = NULL;
    evlog_index(cf->ev, cf->nevents);
}

/* A log the act would leave unloadable: 400 naming the act's field (the core names its own). */
static bool refuse_unloadable(const struct berr *lerr, struct event_outcome *out, struct berr *err)
{
    if (lerr->kind == BERR_CONFLICT)
        return refuse(out, err, BERR_CONFLICT, "transition-not-allowed", lerr->message);
    if (lerr->kind == BERR_INTERNAL) {
        *err = *lerr;
        return false;
    }
    static const struct {
        const char *core, *api;
    } fields[] = {{"suspect", "party_id"}, {"ref", "corrects"}, {"det_type", "detention_type"}};
    const char *field = lerr->field[0] ? lerr->field : NULL;
    for (size_t i = 0; field && i < sizeof fields / sizeof fields[0]; i++)
        if (strcmp(field, fields[i].core) == 0)
            field = fields[i].api;
    return berr_field(err, BERR_BAD_INPUT, field ? field : "type",
                      "peristiwa ini membuat perkara tidak dapat dibaca: %s", lerr->message);
}

/* The log with the act appended (append_act) checked once, as every reader
 * checks it: the dates first, for a refusal that names both acts; then the
 * clocks' fold (casefile_clocks: the readers' one validation, clock_log_loads),
 * whose clocks the summary of this write reuses (*clocks, items malloc'd, also
 * on a refusal).  An act that is not a correction, on a log that loads, is
 * checked by stepping the case's state (st) by the act alone (casestate_step:
 * the same checks at the cost of one act), and the clocks come from its fold;
 * *stepped says so. */
static bool loads_with(struct casefile *cf, struct case_state *st, bool timed,
                       struct clock_set *clocks, bool *stepped, struct event_outcome *out,
                       struct berr *err)
{
    struct order_fault fault;
    struct berr lerr = {0};
    memset(clocks, 0, sizeof *clocks);
    *stepped = cf->ev[cf->nevents - 1].event != EV_CORRECTED && st->loads;
    if (*stepped) {
        struct clock_input in;
        casefile_clock_input(cf, cf->now, &in);
        if (!casestate_step(st, &in, &fault, &lerr))
            return fault.act >= 0 ? refuse_order(cf, &fault, timed, out, err)
                                  : refuse_unloadable(&lerr, out, err);
        clocks->cap = clock_fold_room(&st->clocks);
        clocks->items = calloc((size_t)clocks->cap, sizeof *clocks->items);
        if (!clocks->items)
            return berr_set(err, BERR_INTERNAL, "out of memory");
        clock_fold_emit(&st->clocks, &in, clocks);
        return true;
    }
    bool ordered = !evlog_check(cf->ev, cf->nevents, &lerr) ||
                   order_check(cf->ev, cf->nevents, cf->zone, &fault);
    if (!ordered)
        return refuse_order(cf, &fault, timed, out, err);
    int cap = summary_clock_room(cf);
    clocks->items = calloc((size_t)cap, sizeof *clocks->items);
    clocks->cap = cap;
    if (!clocks->items)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    memset(&lerr, 0, sizeof lerr);
    if (casefile_clocks(cf, cf->now, clocks, &lerr))
        return true;
    return refuse_unloadable(&lerr, out, err);
}

/* The other half of the date order (order.h, order_check_entered): the act this write puts
 * in the log - the new act, or the act a correction corrects as it now stands - against the
 * acts entered before it that must follow it.  At write only: a log accepted before still
 * loads. */
static bool ordered_entered(const struct casefile *cf, bool timed, struct event_outcome *out,
                            struct berr *err)
{
    int k = cf->nevents - 1;
    while (k >= 0 && cf->ev[k].event == EV_CORRECTED)
        k = cf->ev[k].ref;
    struct order_fault fault;
    if (order_check_entered(cf->ev, cf->nevents, k, cf->zone, &fault))
        return true;
    return refuse_order(cf, &fault, timed, out, err);
}

/* The P-19 items still open, as {id, round, item_no}, and one line naming
 * them ("babak 1 no. 2 (instruction_id 345)"); NULL on a database error. */
static json_t *open_instructions(struct tx *tx, const struct casefile *cf, char *line, size_t size,
                                 struct berr *err)
{
    struct store_instructions open;
    if (!store_instructions_open(tx, cf->id, &open, err))
        return NULL;
    json_t *items = json_array();
    size_t used = 0;
    line[0] = '\0';
    for (int i = 0; i < open.n; i++) {
        const struct store_instruction *x = &open.items[i];
        json_array_append_new(items, json_pack("{s:I, s:i, s:i}", "id", (json_int_t)x->id, "round",
                                               x->round, "item_no", x->item_no));
        int w = snprintf(line + used, used < size ? size - used : 0,
                         "%sbabak %d no. %d (instruction_id %lld)", i ? ", " : "", x->round,
                         x->item_no, x->id);
        if (w > 0 && used + (size_t)w < size)
            used += (size_t)w;
    }
    store_instructions_free(&open);
    return items;
}

/* A guard's refusal (422): each missing fact with how to supply it (issue
 * 8.7), and for unanswered P-19 items, which ones (issue 13.11). */
static bool refuse_guard(struct tx *tx, const struct casefile *cf, const char *reason,
                         const struct missing *m, struct event_outcome *out, struct berr *err)
{
    out->missing = json_array();
    json_t *hints = json_array();
    for (int i = 0; i < m->n; i++) {
        char hint[400];
        fact_hint(m->list[i], cf->id, hint, sizeof hint);
        json_array_append_new(out->missing, json_string(fact_code(m->list[i])));
        json_array_append_new(hints, json_pack("{s:s, s:s, s:s}", "fact", fact_code(m->list[i]),
                                               "label", fact_label(m->list[i]), "how", hint));
    }
    out->extra = json_pack("{s:o}", "hints", hints);
    char named[300] = "";
    if (missing_has(m, FACT_INSTRUCTIONS_ANSWERED)) {
        json_t *open = open_instructions(tx, cf, named, sizeof named, err);
        if (!open)
            return false;
        json_object_set_new(out->extra, "open_instructions", open);
    }
    out->problem_type = "guard-failed";
    if (named[0])
        return berr_set(err, BERR_UNPROCESSABLE, "%s; petunjuk belum dipenuhi: %s", reason, named);
    return berr_set(err, BERR_UNPROCESSABLE, "%s", reason);
}

/* The suspect's latest arrest in the log (corrections applied), or -1. */
static int last_arrest(const struct casefile *cf, int suspect)
{
    int found = -1;
    struct case_event e;
    for (int i = 0; i < cf->nevents; i++)
        if (evlog_effective(cf->ev, cf->nevents, i, &e) && e.event == EV_ARRESTED &&
            e.suspect == suspect)
            found = i;
    return found;
}

/* An act as the refusal names it: {id, type, label, date, at}. */
static json_t *act_json(const struct casefile *cf, const struct case_event *e, long long id)
{
    char d[CALDATE_DATE_LEN], at[CALDATE_INSTANT_LEN] = "";
    caldate_format(evlog_date(e, cf->zone), d, sizeof d);
    caldate_format_instant(evlog_instant(e, cf->zone), cf->zone, at, sizeof at);
    json_t *j = json_pack("{s:s, s:s, s:s, s:s}", "type", event_code(e->event), "label",
                          event_label(e->event), "date", d, "at", at);
    if (id > 0)
        json_object_set_new(j, "id", json_integer(id));
    return j;
}

/* "2026-03-02 09.30 WITA" for a message. */
static void local_time(const struct casefile *cf, int64_t t, char *buf, size_t size)
{
    struct caldate d = caldate_local_date(t, cf->zone);
    int64_t s = t - caldate_day_start(d, cf->zone);
    snprintf(buf, size, "%04d-%02d-%02d %02d.%02d %s", d.y, d.m, d.d, (int)(s / 3600),
             (int)(s % 3600 / 60), cf->zone->abbr);
}

static bool refuse_guard(struct tx *tx, const struct casefile *cf, const char *reason,
                         const struct missing *m, struct event_outcome *out, struct berr *err);

/* A detention after the arrest's hours (KUHAP 19(1); issue 13.7): 422 naming
 * both acts and their times, the arrest's end, with the guard's hints. */
static bool refuse_after_arrest(struct tx *tx, const struct casefile *cf,
                                const struct fsm_result *fr, int arrest,
                                const struct case_event *detention, int64_t ends_at,
                                struct event_outcome *out, struct berr *err)
{
    struct case_event a;
    evlog_effective(cf->ev, cf->nevents, arrest, &a);
    char arrested[48], ends[48], held[48], msg[1000];
    local_time(cf, evlog_instant(&a, cf->zone), arrested, sizeof arrested);
    local_time(cf, ends_at, ends, sizeof ends);
    local_time(cf, evlog_instant(detention, cf->zone), held, sizeof held);
    snprintf(msg, sizeof msg,
             "%s; penahanan pukul %s sesudah masa penangkapan habis: penangkapan (peristiwa %lld) "
             "pukul %s, berakhir %s (KUHAP 19(1))",
             fr->reason, held, cf->ev_id[arrest], arrested, ends);
    refuse_guard(tx, cf, msg, &fr->missing, out, err);
    if (!out->extra)
        return false;
    char end_at[CALDATE_INSTANT_LEN];
    caldate_format_instant(ends_at, cf->zone, end_at, sizeof end_at);
    json_object_set_new(out->extra, "act", act_json(cf, detention, 0));
    json_object_set_new(out->extra, "depends_on", act_json(cf, &a, cf->ev_id[arrest]));
    json_object_set_new(out->extra, "arrest_ends_at", json_string(end_at));
    return false;
}

/* Tahap I with a suspect who does not speak Indonesian examined without an
 * interpreter sworn before his BAP (KUHAP 53, 177; issue 13.9): 422 naming
 * each such suspect (`suspects`: id and name). */
static bool refuse_uninterpreted(struct tx *tx, const struct casefile *cf,
                                 const struct fsm_result *fr, struct event_outcome *out,
                                 struct berr *err)
{
    long long *ids = calloc((size_t)cf->nsuspects + 1, sizeof *ids);
    if (!ids)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    int nids = 0;
    for (int s = 0; s < cf->nsuspects; s++)
        if (cf->suspect_interpreted[s] && !evlog_interpreted(cf->ev, cf->nevents, s, cf->zone))
            ids[nids++] = cf->suspect_ids[s];
    struct store_party_names found;
    bool ok = store_party_names(tx, ids, nids, &found, err);
    free(ids);
    if (!ok)
        return false;
    json_t *who = json_array();
    char names[500] = "";
    size_t n = 0;
    for (int i = 0; i < found.n; i++) {
        const struct store_party_name *x = &found.items[i];
        json_array_append_new(who,
                              json_pack("{s:I, s:s}", "id", (json_int_t)x->id, "name", x->name));
        int w = snprintf(names + n, sizeof names - n, "%s%s (party_id %lld)", i ? ", " : "",
                         x->name, x->id);
        if (w > 0 && n + (size_t)w < sizeof names)
            n += (size_t)w;
    }
    store_party_names_free(&found);
    char msg[1200];
    snprintf(msg, sizeof msg, "%s; tersangka tanpa penerjemah yang disumpah sebelum BAP-nya: %s",
             fr->reason, names);
    refuse_guard(tx, cf, msg, &fr->missing, out, err);
    if (out->extra)
        json_object_set_new(out->extra, "suspects", who);
    else
        json_decref(who);
    return false;
}

/* A later return names P-19 items of this case that stay unmet, each once
 * (SE JAM Pidum B-3326/E/EJP/11/2011). */
static bool check_unmet(struct tx *tx, const struct casefile *cf, json_t *unmet, struct berr *err)
{
    for (size_t i = 0; i < json_array_size(unmet); i++) {
        json_int_t v = json_integer_value(json_array_get(unmet, i));
        for (size_t k = 0; k < i; k++)
            if (json_integer_value(json_array_get(unmet, k)) == v)
                return berr_field(err, BERR_BAD_INPUT, "unmet", "petunjuk %lld disebut dua kali",
                                  (long long)v);
        bool found;
        if (!store_instruction_of_case(tx, cf->id, (long long)v, &found, err))
            return false;
        if (!found)
            return berr_field(err, BERR_BAD_INPUT, "unmet",
                              "petunjuk %lld bukan petunjuk P-19 perkara ini", (long long)v);
    }
    return true;
}

/* The act discloses the file to its Kejari (app.cases.disclosed_at, sql/0027): the SPDP to the
 * prosecutor (KUHAP 109(1)), Tahap I, the short procedure's handover - and a correction that
 * makes an SPDP one to the prosecutor (its root as the log now stands, the act appended). */
static bool act_discloses(const struct casefile *cf, const struct case_event *ce)
{
    if (ce->event == EV_TAHAP1_SENT || ce->event == EV_SHORT_PROCEDURE_HANDOVER)
        return true;
    if (ce->event != EV_CORRECTED)
        return evlog_spdp_to_pu(ce);
    int k = casefile_root(cf, ce->ref);
    struct case_event now;
    return k >= 0 && evlog_effective(cf->ev, cf->nevents, k, &now) && evlog_spdp_to_pu(&now);
}

/* The fields of this act that could satisfy the facts a guard found
 * missing (evfields.def: answers), for the refusal's `fields`: a detention
 * after the arrest's hours asks for unlawful_reason, a summons on short
 * notice for appearance or urgent_reason. */
static json_t *answering(const struct casefile *cf, enum event ev, const struct event_input *in,
                         const struct missing *m)
{
    evfield_mask takes, needs;
    if (ev == EV_CORRECTED)
        event_correction_fields(casefile_acting_as(cf, ev, in->corrects), in->withdraws, &takes,
                                &needs);
    else
        takes = event_fields_taken(ev);
    return evfield_answering(m->list, m->n, takes);
}

/* Which fields the act takes and requires (core/event.c's table): a field it
 * does not take is refused, never stored (issue 13.11); then what it needs. */
static bool check_fields(const struct casefile *cf, enum event ev, enum event as,
                         const struct event_input *in, struct berr *err)
{
    if (ev == EV_CORRECTED && casefile_event_index(cf, in->corrects) < 0)
        return berr_field(err, BERR_BAD_INPUT, "corrects",
                          "corrects harus id peristiwa perkara ini");
    /* what fulfils a P-19 item is an act of this case (which acts: check_answer_act) */
    if (in->answer_act && casefile_event_index(cf, in->answer_act) < 0)
        return berr_field(err, BERR_BAD_INPUT, "answer_act",
                          "answer_act harus id tindakan penyidikan di perkara ini yang memenuhi "
                          "petunjuk");
    evfield_mask sent = evfield_sent(in);
    enum event_field f = event_field_unexpected(ev, as, in->withdraws, sent);
    if (f != EVF__COUNT)
        return berr_field(err, BERR_BAD_INPUT, event_field_code(f), "%s tidak dipakai oleh %s%s",
                          event_field_code(f), event_code(ev),
                          ev == EV_CORRECTED && !in->withdraws ? " atas tindakan ini" : "");
    f = event_field_missing(ev, as, in->withdraws, sent);
    if (f == EVF_PARTY_ID && as == EV_SUMMONS_SERVED)
        return berr_field(err, BERR_BAD_INPUT, "party_id",
                          "summons_served perlu party_id: orang yang dipanggil (KUHAP 112(1))");
    if (f != EVF__COUNT)
        return berr_field(err, BERR_BAD_INPUT, event_field_code(f), "%s perlu %s", event_code(as),
                          evfield_need(f));
    return true;
}

/* The refusal of an answer naming answer_act (log index act) for an item given by the return at
 * index given: why it does not fulfil it (f; at: its papers, for one dated before). */
static bool refuse_answer_act(const struct casefile *cf, long long answer_act, enum answer_fault f,
                              int act, int given, const struct p19attach *at, struct berr *err)
{
    long long given_id = given >= 0 ? cf->ev_id[given] : 0;
    char kinds[256] = "", on[CALDATE_DATE_LEN] = "", gon[CALDATE_DATE_LEN] = "";
    size_t n;
    const enum event *k = answer_kinds(&n);
    for (size_t i = 0; i < n; i++)
        snprintf(kinds + strlen(kinds), sizeof kinds - strlen(kinds), "%s%s", i ? ", " : "",
                 event_code(k[i]));
    const char *type = act >= 0 ? event_code(cf->ev[act].event) : "?";
    struct case_event a, g;
    if (f == ANSWER_BEFORE && evlog_effective(cf->ev, cf->nevents, act, &a) &&
        evlog_effective(cf->ev, cf->nevents, given, &g)) {
        caldate_format(evlog_date(&a, cf->zone), on, sizeof on);
        caldate_format(evlog_date(&g, cf->zone), gon, sizeof gon);
    }
    switch (f) {
    case ANSWER_NOT_AN_ACT:
        return berr_field(err, BERR_UNPROCESSABLE, "answer_act",
                          "answer_act %lld adalah koreksi; sebut tindakan yang dikoreksinya",
                          answer_act);
    case ANSWER_WITHDRAWN:
        return berr_field(err, BERR_UNPROCESSABLE, "answer_act",
                          "answer_act %lld (%s) telah ditarik dengan koreksi: tidak ada tindakan "
                          "yang memenuhi petunjuk",
                          answer_act, type);
    case ANSWER_KIND:
        return berr_field(err, BERR_UNPROCESSABLE, "answer_act",
                          "answer_act %lld (%s) tidak melengkapi berkas perkara: petunjuk P-19 "
                          "dipenuhi dengan tindakan penyidikan (%s), KUHAP 110(3), 138(2)",
                          answer_act, type, kinds);
    default:
        if (at->sent)
            return berr_field(err, BERR_UNPROCESSABLE, "answer_act",
                              "answer_act %lld (%s, %s) bertanggal sebelum pengembalian berkas "
                              "yang memuat petunjuk ini (peristiwa %lld, %s) dan dokumennya sudah "
                              "ada dalam berkas perkara yang dikirim (peristiwa %lld) lalu "
                              "dikembalikan: petunjuk dipenuhi dengan tindakan sesudah petunjuk "
                              "diterima, atau dengan melampirkan dokumen yang belum ada dalam "
                              "berkas itu, KUHAP 110(3), 138(2)",
                              answer_act, type, on, given_id, gon, at->sent_id);
        return berr_field(err, BERR_UNPROCESSABLE, "answer_act",
                          "answer_act %lld (%s, %s) bertanggal sebelum pengembalian berkas yang "
                          "memuat petunjuk ini (peristiwa %lld, %s) dan belum ada dokumennya: "
                          "petunjuk dipenuhi dengan tindakan sesudah petunjuk diterima, atau "
                          "dengan melampirkan dokumen tindakan itu yang belum ada dalam berkas "
                          "yang dikembalikan (terbitkan atau unggah dulu dokumennya), KUHAP "
                          "110(3), 138(2)",
                          answer_act, type, on, given_id, gon);
    }
}

/* The act an answer names fulfils its item (core/answer.h): an act of the investigation that
 * completes a file, not withdrawn, dated on or after the return that gave the item in its round
 * (KUHAP 110(3), 138(2)), or before it with its paper attached now - one the file returned did
 * not hold (p19answer.h: the refusal stays for a paper the PU had, d33c96c); 422 naming
 * answer_act and why otherwise.  Enforced on the answer's
 * write; an answer recorded before this rule still loads (forms.c asks again of a file sent). */
static bool check_answer_act(struct tx *tx, const struct casefile *cf, const struct event_input *in,
                             struct berr *err)
{
    /* a correction of the answer names the act for the item the answer answered */
    long long item = in->instruction_id, given_id = 0;
    if (!item) {
        int k = casefile_root(cf, casefile_event_index(cf, in->corrects));
        item = k >= 0 ? json_integer_value(json_object_get(cf->ev_payload[k], "instruction")) : 0;
    }
    if (!store_instruction_given(tx, cf->id, item, &given_id, err))
        return false;
    int act = casefile_event_index(cf, in->answer_act);
    int given = given_id ? casefile_event_index(cf, given_id) : -1;
    enum answer_fault f = answer_check(cf->ev, cf->nevents, act, given, cf->zone);
    /* an act before the return answers as its paper attached now, one the file returned did
     * not hold (p19answer.h) */
    struct p19attach at = {0};
    bool attached = false;
    if (f == ANSWER_BEFORE && !p19answer_attached(tx, cf, act, given, &at, &attached, err))
        return false;
    if (f == ANSWER_OK || attached)
        return true;
    return refuse_answer_act(cf, in->answer_act, f, act, given, &at, err);
}

/* A P-19 answer (or a correction of one) says what was done, or at least why the item cannot
 * be met (its reason is then the answer kept with the item: one text, not the same twice); it
 * names the act that meets the item or the reason it cannot be met, not both (p19answer.h); the
 * act it names fulfils the item (check_answer_act). */
static bool check_answer(struct tx *tx, const struct casefile *cf, enum event ev, enum event as,
                         const struct event_input *in, struct berr *err)
{
    if (ev == EV_INSTRUCTION_ANSWERED && !in->answer && !in->unmet_reason)
        return berr_field(err, BERR_BAD_INPUT, "answer",
                          "instruction_answered perlu instruction_id dan answer (atau "
                          "unmet_reason: alasan petunjuk tidak dapat dipenuhi)");
    if (in->answer_act && in->unmet_reason)
        return berr_field(err, BERR_BAD_INPUT, "unmet_reason",
                          "sebut answer_act (tindakan yang memenuhi petunjuk) atau unmet_reason "
                          "(alasan petunjuk tidak dapat dipenuhi), tidak keduanya");
    return as != EV_INSTRUCTION_ANSWERED || !in->answer_act || check_answer_act(tx, cf, in, err);
}

/* A text sent and of nothing but blanks, as field's refusal; else true. */
static bool filled(const char *s, const char *field, struct berr *err)
{
    return !s || !validate_blank(s) ||
           berr_field(err, BERR_BAD_INPUT, field, "%s tidak boleh kosong", field);
}

/* What people write into an act says something: a P-19's items (each one
 * an instruction the investigator must answer, KUHAP 110(2)-(3)), the
 * answer to one, the reasons of a late return, of a short summons and of
 * an unlawful detention, the place of a detention or of an arrest, a
 * seizure or a search (a blank one would print as nothing where the paper
 * otherwise leaves a dotted line to fill by hand).  Blanks are as empty as
 * nothing (a party's name: casework.c). */
static bool check_texts(enum event ev, const struct event_input *in, struct berr *err)
{
    if (!evfield_printable(in, err))
        return false;
    if (ev == EV_P19_RECEIVED && json_array_size(in->instructions) == 0)
        return berr_field(err, BERR_BAD_INPUT, "instructions",
                          "P-19 perlu daftar petunjuk (instructions)");
    size_t i;
    json_t *item;
    json_array_foreach(in->instructions, i, item)
    {
        const char *text = json_string_value(item);
        if (!text || validate_blank(text))
            return berr_field(err, BERR_BAD_INPUT, "instructions",
                              "petunjuk P-19 no. %zu tidak boleh kosong", i + 1);
    }
    return filled(in->answer, "answer", err) && filled(in->unmet_reason, "unmet_reason", err) &&
           filled(in->undelivered, "undelivered_reason", err) &&
           filled(in->late_reason, "late_reason", err) &&
           filled(in->urgent_reason, "urgent_reason", err) &&
           filled(in->unlawful_reason, "unlawful_reason", err) &&
           filled(in->facility, "facility", err) && filled(in->scene, "scene", err);
}

/* The direction a direction_done carries out: a direction_given of this case. */
static bool check_direction(const struct casefile *cf, long long direction, struct berr *err)
{
    int k = casefile_event_index(cf, direction);
    if (k < 0 || cf->ev[k].event != EV_DIRECTION_GIVEN)
        return berr_field(err, BERR_BAD_INPUT, "direction",
                          "direction harus id peristiwa direction_given perkara ini");
    return true;
}

/* An act done once in its round (core/order.h, order_once_first): the PU's receipt of one SPDP
 * (DOMAIN 4.4; a new Sprindik's SPDP is received anew), a direction's report that it was
 * carried out (its clock stops at the first, core/clock.c).  A second would only add a line
 * that says nothing, or move a clock that runs from the first: a conflict naming the first. */
static bool check_once(const struct casefile *cf, enum event ev, long long direction,
                       struct berr *err)
{
    struct case_event x = {.event = ev, .suspect = -1, .ref = -1};
    if (ev == EV_DIRECTION_DONE)
        x.ref = casefile_event_index(cf, direction);
    int first = order_once_first(cf->ev, cf->nevents, &x, NULL);
    if (first < 0)
        return true;
    if (ev == EV_DIRECTION_DONE)
        return berr_field(err, BERR_CONFLICT, "direction",
                          "arahan %lld sudah dilaksanakan (peristiwa %lld)", direction,
                          cf->ev_id[first]);
    struct case_event e;
    char on[CALDATE_DATE_LEN];
    evlog_effective(cf->ev, cf->nevents, first, &e);
    caldate_format(evlog_date(&e, cf->zone), on, sizeof on);
    if (ev == EV_REPORT_REGISTERED)
        return berr_field(err, BERR_CONFLICT, "type",
                          "perkara ini dibuka atas Laporan Kejadian yang dicatat pada %s "
                          "(peristiwa %lld); laporan lain dibuka sebagai perkara baru (berkas "
                          "case new)",
                          on, cf->ev_id[first]);
    if (ev == EV_SPDP_RECEIVED_BY_PU)
        return berr_field(err, BERR_CONFLICT, "type",
                          "penerimaan SPDP oleh Penuntut Umum sudah dicatat pada %s (peristiwa "
                          "%lld); SPDP yang sama tidak diterima dua kali",
                          on, cf->ev_id[first]);
    return berr_field(err, BERR_CONFLICT, "type", "%s sudah dicatat pada %s (peristiwa %lld)",
                      event_label(ev), on, cf->ev_id[first]);
}

/* The recipients a letter_delivered names (core/event.c notice_codes, app/permit.h). */
static const char recipients_known[] =
    "recipient surat: keluarga_penangkapan, keluarga_penahanan, perwakilan_negara (melalui "
    "Kementerian Luar Negeri); SPDP: spdp_kejari, spdp_korwas, spdp_pelapor, spdp_tersangka, "
    "spdp_perwakilan_negara; penetapan_tersangka (UU 20/2025 Pasal 90), salinan_bap (UU "
    "20/2025); ketua_pn_persetujuan (laporan tindakan mendesak kepada Ketua PN, KUHAP 34, 38(2), "
    "dengan approves); berkas_kejari (tanda terima berkas perkara dari Kejaksaan)";

/* The recipient an act names: a letter's, one of the notices or the report to the Ketua PN
 * (is_notice: a notice); an SP3 notice's addressee (core/event.h sp3_recipient_known); an
 * SPDP's addressee, one of the law's (core/event.h spdp_recipient_lookup) - the prosecutor's is the
 * SPDP of KUHAP 109(1), a copy to another counts only for him.  400 naming recipient with the list
 * otherwise. */
static bool check_recipient(enum event as, const char *recipient, bool is_notice, struct berr *err)
{
    if (as == EV_LETTER_DELIVERED && recipient && !is_notice &&
        strcmp(recipient, PERMIT_REPORT_RECIPIENT) != 0)
        return berr_field(err, BERR_BAD_INPUT, "recipient", "%s", recipients_known);
    enum notice_kind nk;
    enum sp3_recipient to;
    if (as == EV_NOTICE_UNDELIVERED && !(notice_lookup(recipient, &nk) && notice_of_custody(nk)) &&
        !sp3_undelivered_lookup(recipient, &to))
        return berr_field(err, BERR_BAD_INPUT, "recipient",
                          "notice_undelivered: pemberitahuan yang tidak dapat disampaikan, "
                          "recipient: %s",
                          undelivered_recipients_text());
    if (as == EV_SP3_NOTIFIED && !sp3_recipient_known(recipient))
        return recipient ? berr_field(err, BERR_BAD_INPUT, "recipient",
                                      "%.40s bukan penerima pemberitahuan SP3; recipient: %s",
                                      recipient, sp3_recipients_text())
                         : berr_field(err, BERR_BAD_INPUT, "recipient",
                                      "sp3_notified perlu recipient, kepada siapa penghentian "
                                      "penyidikan diberitahukan: %s",
                                      sp3_recipients_text());
    enum notice_kind sent_to;
    if (as != EV_SPDP_SENT || spdp_recipient_lookup(recipient, &sent_to))
        return true;
    if (recipient)
        return berr_field(err, BERR_BAD_INPUT, "recipient",
                          "%.40s bukan penerima SPDP; recipient: %s", recipient,
                          spdp_recipients_text());
    return berr_field(err, BERR_BAD_INPUT, "recipient",
                      "spdp_sent perlu recipient, kepada siapa SPDP dikirim: %s",
                      spdp_recipients_text());
}

/* The catatan of a short-procedure handover (UU 6/2011 Pasal 110(2): the PPNS hands the suspect
 * and the evidence to the Penuntut Umum "disertai catatan"; DOMAIN 4.14, 7.1): what the suspect
 * is alleged to have done, which its Surat Penyerahan Perkara prints.  Asked of every new
 * handover (422 naming catatan, nothing recorded); 10..4000 characters (400); a correction may
 * leave it as it was.  A handover logged before the field still loads. */
static bool check_catatan(enum event ev, enum event as, const struct event_input *in,
                          struct berr *err)
{
    if (as != EV_SHORT_PROCEDURE_HANDOVER)
        return true;
    if (in->catatan && (validate_blank(in->catatan) || utf8_length(in->catatan) < 10))
        return berr_field(err, BERR_BAD_INPUT, "catatan",
                          "catatan penyerahan perkara acara singkat 10 sampai 4000 huruf: apa "
                          "yang disangkakan, kapan, di mana, pasal berapa");
    if (in->catatan || ev == EV_CORRECTED)
        return true;
    return berr_field(err, BERR_UNPROCESSABLE, "catatan",
                      "penyerahan perkara acara pemeriksaan singkat disertai catatan (catatan): "
                      "apa yang disangkakan kepada tersangka, kapan, di mana, pasal berapa (UU "
                      "6/2011 Pasal 110(2))");
}

/* Semantic checks of the input against the event type. */
static bool check_input(struct tx *tx, const struct casefile *cf, enum event ev,
                        const struct event_input *in, struct berr *err)
{
    /* a correction that replaces an act's details must carry what the act
     * needs: it is checked as the act it corrects (evlog.h) */
    enum event as = casefile_acting_as(cf, ev, in->corrects);
    if (!check_fields(cf, ev, as, in, err))
        return false;
    if (ev == EV_CORRECTED && in->withdraws)
        return true;
    static const char *const baps[] = {"saksi", "tersangka", "ahli", "tambahan"};
    bool bap_known = false;
    for (size_t i = 0; in->bap && i < sizeof baps / sizeof baps[0]; i++)
        bap_known |= strcmp(in->bap, baps[i]) == 0;
    if (in->bap && !bap_known)
        return berr_field(err, BERR_BAD_INPUT, "bap", "bap: saksi, tersangka, ahli atau tambahan");
    /* a letter delivering the notice of an arrest or a detention (KUHAP
     * 18(3), 21(3); VCCR 36(1)(b)) names its suspect and who received it;
     * so does a delivery of the SPDP to a suspect or his representation,
     * and one to the prosecutor, Korwas or the reporter says who received
     * it (Permenkumham 39/2021 Pasal 27; MK 130/PUU-XIII/2015; issue 13.8) */
    enum notice_kind notice = NOTICE_NONE;
    bool is_notice = as == EV_LETTER_DELIVERED && notice_lookup(in->recipient, &notice);
    if (!check_recipient(as, in->recipient, is_notice, err))
        return false;
    /* a notice of custody declared undelivered is his, as its delivery would be */
    bool custody = as == EV_NOTICE_UNDELIVERED && notice_lookup(in->recipient, &notice);
    bool needs_suspect = event_info(as)->per_suspect || custody ||
                         (is_notice && notice_per_suspect(notice)) ||
                         (as == EV_BAP_RECORDED && in->bap && strcmp(in->bap, "tersangka") == 0);
    if (needs_suspect && !in->party_id)
        return berr_field(err, BERR_BAD_INPUT, "party_id", "%s perlu party_id tersangka",
                          event_code(as));
    if (in->party_id && !check_party(tx, cf, in->party_id, needs_suspect ? "suspect" : NULL, err))
        return false;
    if (is_notice && (!in->received_by || validate_blank(in->received_by)))
        return berr_field(err, BERR_BAD_INPUT, "received_by",
                          "pemberitahuan %s perlu received_by: siapa yang menerimanya",
                          notice_code(notice));
    if (!check_texts(ev, in, err) || !check_catatan(ev, as, in, err))
        return false;
    if (!check_answer(tx, cf, ev, as, in, err))
        return false;
    if (in->unmet && !check_unmet(tx, cf, in->unmet, err))
        return false;
    struct caldate due;
    if (in->due && !caldate_parse(in->due, &due))
        return berr_field(err, BERR_BAD_INPUT, "due", "due harus tanggal YYYY-MM-DD");
    if (ev == EV_DIRECTION_DONE && !check_direction(cf, in->direction_event, err))
        return false;
    if (!check_once(cf, ev, in->direction_event, err))
        return false;
    if (in->detention_type) {
        enum det_type t;
        if (!det_type_lookup(in->detention_type, &t))
            return berr_field(err, BERR_BAD_INPUT, "detention_type",
                              "detention_type: rutan, rumah atau kota");
    }
    return true;
}

/* The ground a release stands on after a correction that sends none: the original's, as its
 * corrections up to now left it (log index root). */
static const char *standing_ground(const struct casefile *cf, int root)
{
    const char *g = json_string_value(json_object_get(cf->ev_payload[root], "ground"));
    for (int i = root + 1; i < cf->nevents; i++) {
        const char *c = json_string_value(json_object_get(cf->ev_payload[i], "ground"));
        if (cf->ev[i].event == EV_CORRECTED && !cf->ev[i].withdraws && c &&
            casefile_root(cf, i) == root)
            g = c;
    }
    return g;
}

/* The suspect a release (or a correction of one: log index root) is of, a core index or -1. */
static int release_suspect(const struct casefile *cf, const struct event_input *in, int root)
{
    if (in->party_id)
        return casefile_suspect_index(cf, in->party_id);
    return root >= 0 ? cf->ev[root].suspect : -1;
}

/* The words a release's papers print of the ground sent (core/relground.h: those of the custody
 * the suspect is in on its date, *custody: RELC_*, 0 none known), or NULL. */
static const char *release_words(const struct casefile *cf, enum event ev,
                                 const struct event_input *in, struct caldate date,
                                 unsigned *custody)
{
    int root = ev == EV_CORRECTED ? casefile_root(cf, casefile_event_index(cf, in->corrects)) : -1;
    int suspect = release_suspect(cf, in, root);
    *custody = release_custody_on(cf, suspect, date, root);
    return release_ground_words(cf, suspect, in->ground, date, root);
}

/* A release's ground (KUHAP 19(1), 24(3)-(4), 26(4), 31; core/relground.h: why the suspect
 * leaves arrest or detention, which his papers state): one of the list, 400 otherwise; required
 * of a release recorded now - 422 naming the field with the grounds that end the custody he is
 * in.  Only the write asks it: a release logged before it was required loads as it was (its
 * papers refuse for want of it until a correction records it).  A correction that replaces a
 * release may leave the ground as it was; one it sends is held to the list.  The ground, sent or
 * kept, must fit his custody and be true of the file at the release (app/release.h). */
static bool check_release_ground(const struct casefile *cf, enum event ev,
                                 const struct event_input *in, struct caldate date, int64_t at,
                                 bool has_time, struct event_outcome *out, struct berr *err)
{
    char known[300];
    release_ground_list(RELC_ARREST | RELC_DETENTION, known, sizeof known);
    if (in->ground && !release_ground_find(in->ground))
        return berr_field(err, BERR_BAD_INPUT, "ground",
                          "%.60s bukan alasan pelepasan atau pengeluaran tahanan; pilih: %s",
                          in->ground, known);
    int root = ev == EV_CORRECTED ? casefile_root(cf, casefile_event_index(cf, in->corrects)) : -1;
    int suspect = release_suspect(cf, in, root);
    bool given = in->ground || ev == EV_CORRECTED;
    if (given && (in->withdraws || (ev == EV_CORRECTED && root < 0)))
        return true;
    if (given &&
        release_ground_borne(cf, suspect, in->ground ? in->ground : standing_ground(cf, root), date,
                             at, has_time, root, err))
        return true;
    /* refused: the grounds that end the custody he is in are named (grounds) */
    unsigned custody = release_custody_on(cf, suspect, date, root);
    if (!custody)
        custody = RELC_ARREST | RELC_DETENTION;
    json_t *codes = json_array();
    for (int i = 0; i < release_ground_count(); i++)
        if (release_ground_ends(release_ground_at(i), custody))
            json_array_append_new(codes, json_string(release_ground_at(i)->code));
    out->problem_type = "release-ground";
    out->extra = json_pack("{s:o}", "grounds", codes);
    if (given)
        return false;
    release_ground_list(custody, known, sizeof known);
    return berr_field(err, BERR_UNPROCESSABLE, "ground",
                      "%s perlu alasannya (ground), yang dinyatakan surat perintah dan berita "
                      "acaranya (KUHAP 19(1), 24(3)-(4), 26(4), 31): %s",
                      custody == RELC_ARREST ? "pelepasan dari penangkapan" : "pengeluaran tahanan",
                      known);
}

/* The SP3's ground (KUHAP 109(2); UU 20/2025 Pasal 24; issue 13.10): one
 * of the statute's, under the regime of the SP3's date, or a 422 naming the
 * field with the grounds that regime knows.  A correction that replaces an
 * SP3 may leave the ground as it was; one it sends is held to the list. */
static bool check_ground(const struct casefile *cf, enum event ev, const struct event_input *in,
                         struct caldate date, int64_t at, bool has_time, struct event_outcome *out,
                         struct berr *err)
{
    enum event as = casefile_acting_as(cf, ev, in->corrects);
    if (as == EV_RELEASED)
        return check_release_ground(cf, ev, in, date, at, has_time, out, err);
    if (as != EV_SP3_ISSUED || (ev == EV_CORRECTED && (in->withdraws || !in->ground)))
        return true;
    const struct ruleset *rs = ruleset_for_date(cf->rulesets, cf->nrulesets, date);
    if (!rs)
        return true; /* refused below for want of a rule set */
    const struct sp3_ground *g = sp3_ground_find(in->ground);
    if (g && sp3_ground_in(g, rs->regime))
        return true;
    json_t *codes = json_array();
    char list[400] = "";
    size_t used = 0;
    for (int i = 0; i < sp3_ground_count(); i++) {
        const struct sp3_ground *k = sp3_ground_at(i);
        if (!sp3_ground_in(k, rs->regime))
            continue;
        json_array_append_new(codes, json_string(k->code));
        int w = snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "", k->code);
        if (w > 0 && used + (size_t)w < sizeof list)
            used += (size_t)w;
    }
    out->problem_type = "sp3-ground";
    out->extra = json_pack("{s:o, s:s}", "grounds", codes, "regime", rs->name);
    if (!in->ground)
        return berr_field(err, BERR_UNPROCESSABLE, "ground",
                          "SP3 perlu alasan penghentian (ground) menurut %s: %s",
                          rs->regime == REGIME_KUHAP_1981 ? "KUHAP Pasal 109 ayat (2)"
                                                          : "UU 20/2025 Pasal 24",
                          list);
    return berr_field(
        err, BERR_UNPROCESSABLE, "ground",
        "%.60s bukan alasan penghentian penyidikan menurut %s (%s); pilih: %s", in->ground,
        rs->regime == REGIME_KUHAP_1981 ? "KUHAP Pasal 109 ayat (2)" : "UU 20/2025 Pasal 24",
        rs->name, list);
}

/* The item's row as a correction (log index before of cf) leaves the answer it corrects: an
 * answer withdrawn (the log says it never stood) leaves its item open again, to be answered anew
 * (KUHAP 110(3), 138(2)); one that stands again (its withdrawal corrected: the last correction
 * decides) answers it again; one changed keeps with the item what it now says (p19answer.h:
 * the text of the side it stands on), not the text it had. */
static bool answer_row(struct tx *tx, const struct casefile *cf, int before,
                       const struct event_input *in, struct berr *err)
{
    int root = casefile_root(cf, casefile_event_index(cf, in->corrects));
    if (root < 0 || cf->ev[root].event != EV_INSTRUCTION_ANSWERED)
        return true;
    if (in->withdraws)
        return store_instruction_unanswer(tx, cf->id, cf->ev_id[root], err);
    struct p19answer was, now;
    p19answer_of(cf, root, before, &was);
    p19answer_of(cf, root, before + 1, &now);
    const char *text = p19answer_text(&now);
    if (!was.withdrawn)
        return !text || store_instruction_restate(tx, cf->id, cf->ev_id[root], text, err);
    bool done;
    long long item = json_integer_value(json_object_get(cf->ev_payload[root], "instruction"));
    if (!store_instruction_answer(tx, cf->id, item, text, cf->ev_id[root], &done, err))
        return false;
    return done || berr_field(err, BERR_CONFLICT, "corrects",
                              "petunjuk %lld sudah dijawab lagi: jawaban ini tidak dapat berlaku "
                              "kembali",
                              item);
}

/* Store a P-19's items or an answer. */
static bool instruction_rows(struct tx *tx, const struct casefile *cf, int before, enum event ev,
                             long long event_id, const struct event_input *in, struct berr *err)
{
    if (ev == EV_P19_RECEIVED || ev == EV_RETURN_LETTER_RECEIVED) {
        /* every return is a round, the letters after the P-19 too */
        int round = 1;
        for (int i = 0; i < before; i++)
            if (cf->ev[i].event == EV_P19_RECEIVED || cf->ev[i].event == EV_RETURN_LETTER_RECEIVED)
                round++;
        /* the letter's items are the unmet ones, named again in this round */
        for (size_t i = 0; i < json_array_size(in->unmet); i++)
            if (!store_instruction_reopen(
                    tx, cf->id, event_id, round, (int)i + 1,
                    (long long)json_integer_value(json_array_get(in->unmet, i)), err))
                return false;
        for (size_t i = 0; i < json_array_size(in->instructions); i++)
            if (!store_instruction_add(tx, cf->id, event_id, round, (int)i + 1,
                                       json_string_value(json_array_get(in->instructions, i)), err))
                return false;
        return true;
    }
    if (ev == EV_CORRECTED)
        return answer_row(tx, cf, before, in, err);
    if (ev != EV_INSTRUCTION_ANSWERED)
        return true;
    bool done;
    /* the answer kept with the item: what was done, else why it cannot be met (trimmed, as
     * the payload keeps it: evfield.h PAY_TRIM) */
    char *reason = NULL;
    if (!in->answer) {
        size_t len;
        const char *t = validate_trim(in->unmet_reason, &len);
        if (!(reason = strndup(t, len)))
            return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    bool stored = store_instruction_answer(tx, cf->id, in->instruction_id,
                                           in->answer ? in->answer : reason, event_id, &done, err);
    free(reason);
    if (!stored)
        return false;
    if (!done)
        return berr_field(err, BERR_BAD_INPUT, "instruction_id",
                          "petunjuk %lld tidak ada di perkara ini atau sudah dijawab",
                          in->instruction_id);
    return true;
}

/* ---- recording, step by step ------------------------------------------------------------ */

/* One act on its way into the log: what each step of events_record_tx
 * learns, for the steps after it. */
struct recording {
    struct tx *tx;
    const struct actor *who;
    const struct event_input *in;
    struct event_outcome *out;
    enum event ev;
    struct casefile cf;
    bool loaded;   /* cf was loaded (casefile_release gives its log back) */
    bool appended; /* cf's log holds the act (append_act) */
    int before;    /* the log's events before the act */
    unsigned char head[sizeof((struct casefile *)0)->last_hash]; /* the chain's head as loaded */
    struct caldate today, date, appearance;
    int64_t now, at;
    bool has_time;
    char legal_date[CALDATE_DATE_LEN], legal_at[CALDATE_INSTANT_LEN];
    json_t *payload;
    struct case_event ce;
    struct case_state *st;    /* the case's folded state (snapshot.h) */
    struct summary_walk walk; /* the summary's walk of the log (snapshot.h) */
    long long sig;            /* the rule sets' fingerprint (summary_rules_sig) */
    struct case_facts f;
    int arrest; /* log index of the suspect's arrest a detention must come within, or -1 */
    const struct ruleset *rs;
    struct fsm_result fr;
    struct clock_set clocks; /* of the log with the act (loads_with) */
    bool stepped;            /* st was stepped by the act (loads_with) */
    long long event_id;      /* the act's row id, read with the case row (act_case) */
    struct recorded *later;  /* the act's row sent with the COMMIT (act_store), or NULL */
    char *snap_text;         /* the snapshot written, as the case row reads it back (act_summary) */
    size_t snap_len;
    bool summarised; /* the summary and snapshot went with the act's row (append_row) */
};

/* An act whose row goes with the transaction's COMMIT (store_events_append_later): its case
 * file is kept until the transaction ends, then given back to the write path's cache under
 * the head the act's row took, or, rolled back, under the head it was loaded with. */
struct recorded {
    struct store_later row;
    struct casefile cf;
    bool loaded;
    unsigned char head[sizeof((struct casefile *)0)->last_hash];
};

static void recorded_end(void *ctx, bool committed)
{
    struct recorded *d = ctx;
    struct event_appended added;
    bool kept = store_events_appended(&d->row, &added);
    if (committed && kept) {
        sodium_hex2bin(d->cf.last_hash, sizeof d->cf.last_hash, added.hash, strlen(added.hash),
                       NULL, NULL, NULL);
    } else {
        unappend_act(&d->cf);
        memcpy(d->cf.last_hash, d->head, sizeof d->head);
    }
    /* committed without its row's answer (cannot be: it went with the COMMIT): not cached */
    if (d->loaded && (kept || !committed))
        casefile_release(&d->cf);
    else
        casefile_free(&d->cf);
    free(d);
}

/* The act's type, known and recordable by the actor's role. */
static bool act_type(struct recording *r, struct berr *err)
{
    const struct event_input *in = r->in;
    if (!in->type || !event_lookup(in->type, &r->ev)) {
        /* "did you mean": the catalogue's closest code (issue 10) */
        const char *codes[EV__COUNT];
        for (int i = 0; i < EV__COUNT; i++)
            codes[i] = event_code((enum event)i);
        const char *near = validate_closest(in->type, codes, EV__COUNT);
        return berr_field(err, BERR_BAD_INPUT, "type", "jenis peristiwa tidak dikenal: %.60s%s%s%s",
                          in->type ? in->type : "", near ? " (maksud Anda " : "", near ? near : "",
                          near ? "?)" : "");
    }
    if (!event_recordable_by(r->ev, core_role(r->who->role)))
        return refuse(r->out, err, BERR_FORBIDDEN, "forbidden",
                      "peran Anda tidak mencatat peristiwa jenis ini");
    return true;
}

/* The case under its lock, at the version the client saw (If-Match); a
 * correction is made by the kind of person who recorded the act. */
static bool act_case(struct recording *r, long long case_id, struct berr *err)
{
    /* the act's row id comes with the case row (store_casefile_head_for_write) */
    if (!casefile_load_for_write(r->tx, r->who, case_id, &r->cf, &r->event_id, err))
        return false;
    r->loaded = true;
    if (r->ev == EV_CORRECTED) {
        /* the act behind a chain of corrections decides (a correction of a
         * correction corrects the original, evlog.h) */
        enum event as = casefile_acting_as(&r->cf, r->ev, r->in->corrects);
        if (as != EV_CORRECTED && !event_recordable_by(as, core_role(r->who->role)))
            return refuse(r->out, err, BERR_FORBIDDEN, "forbidden",
                          "peran Anda tidak mengoreksi peristiwa jenis ini");
    }
    if (r->in->if_match >= 0 && r->in->if_match != r->cf.version) {
        char msg[160];
        snprintf(msg, sizeof msg, "versi perkara sudah %d, bukan %d: muat ulang dan coba lagi",
                 r->cf.version, r->in->if_match);
        refuse(r->out, err, BERR_CONFLICT, "stale-version", msg);
        r->out->current_version = r->cf.version;
        return false;
    }
    return true;
}

/* The act's date and input checked, its payload and its core event built. */
static bool act_input(struct recording *r, struct berr *err)
{
    const struct event_input *in = r->in;
    struct casefile *cf = &r->cf;
    if (!today_local(cf, &r->today, &r->now) ||
        !act_when(cf, in, r->today, r->now, &r->date, &r->at, &r->has_time, err) ||
        !check_input(r->tx, cf, r->ev, in, err) ||
        !check_ground(cf, r->ev, in, r->date, r->at, r->has_time, r->out, err) ||
        !sp3_check(r->tx, cf, r->ev, in, r->out, err) ||
        !permit_check(cf, r->ev, casefile_acting_as(cf, r->ev, in->corrects), in, r->date, r->at,
                      r->has_time, r->out, err) ||
        !deposit_check(r->tx, cf, r->ev, casefile_acting_as(cf, r->ev, in->corrects), in, err))
        return false;
    /* a summons names the day to appear, no earlier than the day it is
     * served (KUHAP 112, 227(1)); whether the notice is long enough is the
     * guard's (guard_summons) */
    if (in->appearance && !caldate_parse(in->appearance, &r->appearance))
        return berr_field(err, BERR_BAD_INPUT, "appearance", "appearance harus tanggal YYYY-MM-DD");
    if (in->appearance && caldate_cmp(r->appearance, r->date) < 0) {
        char served[CALDATE_DATE_LEN];
        caldate_format(r->date, served, sizeof served);
        return berr_field(err, BERR_BAD_INPUT, "appearance",
                          "hari hadir %s sebelum panggilan disampaikan (%s)", in->appearance,
                          served);
    }
    r->payload = evfield_payload(in);
    /* the words of the SP3's or the release's ground, as their forms print them */
    const struct sp3_ground *ground = in->ground ? sp3_ground_find(in->ground) : NULL;
    unsigned custody = 0;
    const char *rw = in->ground && !ground ? release_words(cf, r->ev, in, r->date, &custody) : NULL;
    if (ground || rw)
        json_object_set_new(r->payload, "ground_text", json_string(ground ? ground->text : rw));
    if (rw && custody) /* and the custody it ends, whose papers it has (forms.c) */
        json_object_set_new(r->payload, "custody", json_string(release_custody_word(custody)));
    /* the people the act names, the rules of a direction (acts.h) */
    if (!acts_check(r->tx, cf, r->ev, in, r->who, r->today, r->payload, err))
        return false;
    caldate_format(r->date, r->legal_date, sizeof r->legal_date);
    if (r->has_time)
        caldate_format_instant(r->at, caldate_zone("Asia/Jakarta"), r->legal_at,
                               sizeof r->legal_at);
    casefile_event_from(cf, r->ev, r->legal_date, r->legal_at, in->party_id, in->corrects,
                        r->payload, &r->ce);
    return true;
}

/* KUHAP 19(1): a detention of a suspect still under arrest comes within the
 * arrest's hours (guard_detention); a date alone cannot show that on the day
 * they end: its hour is asked for. */
static bool act_arrest_hours(struct recording *r, struct berr *err)
{
    const struct case_event *ce = &r->ce;
    struct case_facts *f = &r->f;
    const struct casefile *cf = &r->cf;
    if (r->ev != EV_DETAINED || ce->suspect < 0 || ce->suspect >= EVLOG_MAX_SUSPECTS)
        return true;
    const struct detention held = r->st->det[ce->suspect];
    f->arrested = held.state == DET_ARRESTED;
    f->arrest_ends_at = held.arrest_ends_at;
    f->act_at = evlog_instant(ce, cf->zone);
    f->unlawful_reason = r->in->unlawful_reason != NULL;
    r->arrest = f->arrested ? last_arrest(cf, ce->suspect) : -1;
    int64_t from = caldate_day_start(r->date, cf->zone);
    int64_t to = caldate_day_start(caldate_add(r->date, 1), cf->zone);
    if (!f->arrested || r->has_time || from >= f->arrest_ends_at || to <= f->arrest_ends_at)
        return true;
    char ends[48], end_at[CALDATE_INSTANT_LEN];
    local_time(cf, f->arrest_ends_at, ends, sizeof ends);
    caldate_format_instant(f->arrest_ends_at, cf->zone, end_at, sizeof end_at);
    r->out->problem_type = "time-needed";
    r->out->extra = json_pack("{s:s}", "arrest_ends_at", end_at);
    return berr_field(err, BERR_UNPROCESSABLE, "at",
                      "masa penangkapan berakhir %s (KUHAP 19(1)): penahanan bertanggal %s saja "
                      "tidak menunjukkan apakah di dalam masa itu; sertakan jamnya sebagai "
                      "\"at\" (mis. \"%sT10:00:00%s\"; berkas record --at)",
                      ends, r->legal_date, r->legal_date, end_at + strlen(end_at) - 6);
}

/* The folded state is large (core/casestate.h: room for every suspect, some 190 KB): each
 * thread keeps the one its last act used instead of a malloc per act (from the heap's large
 * bins, its pages touched afresh) and a memset of it before its free (casestate_free); the
 * next act initialises it as a new one (snapshot_state); the thread's end frees it. */
static pthread_key_t spare_state;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;
static bool spare_ok;

static void spare_init(void)
{
    spare_ok = pthread_key_create(&spare_state, free) == 0;
}

static struct case_state *state_get(void)
{
    pthread_once(&spare_once, spare_init);
    struct case_state *st = spare_ok ? pthread_getspecific(spare_state) : NULL;
    if (st && pthread_setspecific(spare_state, NULL) == 0)
        return st;
    return malloc(sizeof *st);
}

/* What st holds freed, st kept for the thread's next act (or freed). */
static void state_put(struct case_state *st)
{
    if (!st)
        return;
    clock_fold_free(&st->clocks);
    if (spare_ok && !pthread_getspecific(spare_state) && pthread_setspecific(spare_state, st) == 0)
        return;
    free(st);
}

/* Whether the notice e declares undelivered is owed: a notice of custody, its suspect's clock of it
 * folded and running; an SP3's to another than the PU, its recipient's clock running (his
 * family's is his) - a log that does not load has no fold: nothing is owed by it. */
static bool notice_owed(const struct case_state *st, const struct case_event *e)
{
    if (!st->loads)
        return false;
    if (e->sp3_to > SP3_TO_KEJARI && e->sp3_to < SP3_TO__COUNT) {
        enum sp3_recipient to = e->sp3_to == SP3_TO_FAMILY ? SP3_TO_SUSPECT : e->sp3_to;
        const struct clock_slot *s = &st->clocks.sp3_to[to];
        return s->used && s->running;
    }
    if (!notice_of_custody(e->notice) || e->suspect < 0 || e->suspect >= EVLOG_MAX_SUSPECTS)
        return false;
    const struct clock_slot *s = &st->clocks.suspects[e->suspect].notices[e->notice];
    return s->used && s->running;
}

/* The case's folded state - its snapshot when it can be believed, else a
 * fold of the log (snapshot.h) - and the facts the guards decide over; the
 * rule set of the act's date. */
static bool act_facts(struct recording *r, struct berr *err)
{
    const struct event_input *in = r->in;
    r->sig = summary_rules_sig(r->cf.rulesets, r->cf.nrulesets);
    /* the state and walk this berkasd made its case's snapshot of, when the snapshot read
     * with the case row is that text still (statecache.h); else its parse or a fold */
    if (!statecache_take(&r->cf, r->sig, &r->st, &r->walk)) {
        r->st = state_get(); /* initialised by snapshot_state, whatever it finds */
        if (!r->st)
            return berr_set(err, BERR_INTERNAL, "out of memory");
        bool trusted;
        if (!snapshot_state(&r->cf, r->sig, r->st, &r->walk, &trusted))
            return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    struct case_facts *f = &r->f;
    casefile_facts_from(&r->cf, &r->st->facts, r->ce.suspect, r->date, f);
    f->act_known = true;
    f->handed_short = casefile_handed_short(&r->cf);
    f->late_reason = in->late_reason != NULL;
    f->polri_order = in->polri_order != NULL;
    f->polri_involved = in->polri_involved;
    f->severe_illness = in->severe_illness;
    f->has_appearance = in->appearance != NULL;
    f->appearance = r->appearance;
    f->urgent_reason = in->urgent_reason != NULL;
    bool letter = r->ce.event == EV_LETTER_DELIVERED || r->ce.event == EV_NOTICE_UNDELIVERED;
    f->custody_notice = letter && notice_of_custody(r->ce.notice);
    f->notice_owed = notice_owed(r->st, &r->ce);
    f->sp3_stands = r->st->loads && r->st->clocks.sp3_release_at != 0;
    r->arrest = -1;
    if (!act_arrest_hours(r, err))
        return false;
    r->rs = ruleset_for_date(r->cf.rulesets, r->cf.nrulesets, r->date);
    if (!r->rs)
        return berr_field(err, BERR_BAD_INPUT, "date", "tidak ada aturan yang berlaku pada %s",
                          r->legal_date);
    return true;
}

/* The stage machine and its guards decide (409 or 422 naming what is
 * missing); an SPDP delivery needs the SPDP of this Sprindik. */
static bool act_allowed(struct recording *r, struct berr *err)
{
    struct tx *tx = r->tx;
    const struct casefile *cf = &r->cf;
    struct event_outcome *out = r->out;
    struct fsm_result *fr = &r->fr;
    if (!fsm_apply(cf->stage, r->ev, &r->f, fr)) {
        if (fr->verdict == FSM_REFUSED_STAGE) {
            refuse(out, err, BERR_CONFLICT, "transition-not-allowed", fr->reason);
            out->allowed = event_list(fr->allowed, fr->nallowed);
        } else if (fr->verdict == FSM_REFUSED_GUARD) {
            if (missing_has(&fr->missing, FACT_ARREST_PERIOD) && r->arrest >= 0)
                refuse_after_arrest(tx, cf, fr, r->arrest, &r->ce, r->f.arrest_ends_at, out, err);
            else if (missing_has(&fr->missing, FACT_INTERPRETER_SWORN))
                refuse_uninterpreted(tx, cf, fr, out, err);
            else
                refuse_guard(tx, cf, fr->reason, &fr->missing, out, err);
            out->fields = answering(cf, r->ev, r->in, &fr->missing);
        } else {
            berr_set(err, BERR_BAD_INPUT, "%s", fr->reason);
        }
        return false;
    }
    /* the file's tanda terima from the Kejari is of a file sent and not yet answered back */
    if (r->ce.event == EV_LETTER_DELIVERED && r->ce.notice == NOTICE_BERKAS_KEJARI &&
        cf->stage != ST_WITH_PROSECUTOR)
        return refuse(out, err, BERR_CONFLICT, "transition-not-allowed",
                      "tanda terima berkas perkara dari Kejaksaan dicatat selama berkas ada di "
                      "Penuntut Umum (sesudah Tahap I atau pengiriman kembali, sebelum P-18/P-19 "
                      "atau P-21)");
    /* the SPDP is received after it is sent (Permenkumham 39/2021 Pasal 27;
     * issue 13.8) */
    if (r->ce.event == EV_LETTER_DELIVERED && notice_is_spdp(r->ce.notice) && !r->f.spdp_sent) {
        struct missing m;
        missing_clear(&m);
        missing_add(&m, FACT_SPDP_SENT);
        refuse_guard(tx, cf,
                     "SPDP belum dikirim sejak Sprindik terakhir: penerimaannya belum "
                     "dapat dicatat",
                     &m, out, err);
        return false;
    }
    return true;
}

/* What the standing answer to a P-19 item at log index i rests on (d33c96c, core/answer.h):
 * the act it names as fulfilling the item, as its corrections leave it (p19answer.h), -1 if
 * none in the log (an item that cannot be met names none). */
static int answer_named(const struct casefile *cf, int i)
{
    long long named;
    const char *unmet;
    p19answer_standing(cf, i, &named, &unmet);
    return named ? casefile_event_index(cf, named) : -1;
}

/* ...and the return that gave its item in its round (the P-19, or the letter naming the item
 * unmet again), -1 if none in the log: the item's row says it. */
static bool answer_given(struct tx *tx, const struct casefile *cf, int i, int *given,
                         struct berr *err)
{
    long long item = json_integer_value(json_object_get(cf->ev_payload[i], "instruction"));
    long long given_id = 0;
    *given = -1;
    if (item && !store_instruction_given(tx, cf->id, item, &given_id, err))
        return false;
    *given = given_id ? casefile_event_index(cf, given_id) : -1;
    return true;
}

/* A correction that leaves the answer at log index i (whose act `act` fulfilled its item,
 * given by `given`, before it) pointing at nothing or at an act that no longer fulfils it:
 * withdrawn, 422 dependent-act on corrects naming the answer to withdraw first (as
 * refuse_order names an act that presupposes the one withdrawn); re-dated, 422 date-order on
 * the date (at) saying why.  Nothing is written. */
static bool refuse_unanswered(const struct casefile *cf, int i, int act, int given,
                              enum answer_fault f, bool timed, struct event_outcome *out,
                              struct berr *err)
{
    struct case_event a, x, g;
    int n = cf->nevents;
    evlog_effective(cf->ev, n, i, &a);
    /* the act as the correction leaves it, or as it stood when withdrawn */
    if (!evlog_effective(cf->ev, n, act, &x))
        evlog_effective(cf->ev, n - 1, act, &x);
    bool dated = given >= 0 && evlog_effective(cf->ev, n, given, &g);
    const char *basis = "KUHAP 110(3), 138(2): petunjuk dipenuhi dengan tindakan sesudah "
                        "petunjuk diterima";
    out->extra = json_pack("{s:o, s:o, s:s}", "act", act_json(cf, &a, cf->ev_id[i]), "depends_on",
                           act_json(cf, &x, cf->ev_id[act]), "basis", basis);
    char xd[CALDATE_DATE_LEN], gd[CALDATE_DATE_LEN] = "?";
    caldate_format(evlog_date(&x, cf->zone), xd, sizeof xd);
    if (dated)
        caldate_format(evlog_date(&g, cf->zone), gd, sizeof gd);
    if (f == ANSWER_WITHDRAWN) {
        out->problem_type = "dependent-act";
        return berr_field(err, BERR_UNPROCESSABLE, "corrects",
                          "%s (%s) tidak dapat ditarik: %s (peristiwa %lld) menyebutnya sebagai "
                          "tindakan yang memenuhi petunjuk P-19 (%s); tarik dulu %s (peristiwa "
                          "%lld)",
                          event_label(x.event), xd, event_label(a.event), cf->ev_id[i], basis,
                          event_label(a.event), cf->ev_id[i]);
    }
    out->problem_type = "date-order";
    return berr_field(err, BERR_UNPROCESSABLE, timed ? "at" : "date",
                      "Koreksi ini membuat %s (peristiwa %lld, %s) tidak lagi memenuhi petunjuk "
                      "yang dijawab %s (peristiwa %lld): %s (pengembalian berkas yang memuat "
                      "petunjuk itu: %s, peristiwa %lld; %s); tarik dulu jawaban itu atau pilih "
                      "tanggal yang tidak mendahuluinya",
                      event_label(x.event), cf->ev_id[act], xd, event_label(a.event), cf->ev_id[i],
                      f == ANSWER_BEFORE ? "tindakan itu bertanggal sebelum petunjuk diterima"
                                         : "tindakan itu tidak lagi memenuhinya",
                      gd, given >= 0 ? cf->ev_id[given] : 0LL, basis);
}

/* A correction (the last act of cf's log, of act k) must not pull the ground from under a
 * standing answer to a P-19 item: the act it names fulfilled its item before the correction
 * (answer_check) and must still (not withdrawn, not dated before the return that gave the
 * item).  Withdraw the answer first.  An answer that did not fit before (written before the
 * rule) is not the correction's doing.  The link is the answer's payload and the item's row. */
static bool answers_kept(struct tx *tx, const struct casefile *cf, bool timed,
                         struct event_outcome *out, struct berr *err)
{
    int n = cf->nevents, k = n - 1;
    while (k >= 0 && cf->ev[k].event == EV_CORRECTED)
        k = cf->ev[k].ref;
    bool is_return = k >= 0 && (cf->ev[k].event == EV_P19_RECEIVED ||
                                cf->ev[k].event == EV_RETURN_LETTER_RECEIVED);
    struct case_event a;
    for (int i = 0; k >= 0 && i < n - 1; i++) {
        if (i == k || cf->ev[i].event != EV_INSTRUCTION_ANSWERED ||
            !evlog_effective(cf->ev, n, i, &a))
            continue;
        int act = answer_named(cf, i), given;
        if (act < 0 || (act != k && !is_return))
            continue; /* the correction touches neither what it names nor a return */
        if (!answer_given(tx, cf, i, &given, err))
            return false;
        if (act != k && given != k)
            continue;
        enum answer_fault was = answer_check(cf->ev, n - 1, act, given, cf->zone);
        enum answer_fault now = answer_check(cf->ev, n, act, given, cf->zone);
        if (was == ANSWER_OK && now != ANSWER_OK)
            return refuse_unanswered(cf, i, act, given, now, timed, out, err);
    }
    return true;
}

/* A correction of a P-19 answer (the last act of cf's log) leaves it saying what it means
 * (p19answer.h): one that turns it met, or makes a withdrawn answer stand again, says what was
 * done when the log does not (400 answer: a new met answer says it, KUHAP 110(3)); one that makes
 * it stand again does not give its item a second answer (409 naming the one given since: an
 * item has one standing answer) and names an act that still meets the item
 * (check_answer_act). */
static bool answer_restated(struct tx *tx, const struct casefile *cf, const struct event_input *in,
                            struct berr *err)
{
    int n = cf->nevents, root = casefile_root(cf, n - 1);
    if (root < 0 || cf->ev[root].event != EV_INSTRUCTION_ANSWERED)
        return true;
    struct p19answer was, now;
    p19answer_of(cf, root, n - 1, &was);
    p19answer_of(cf, root, n, &now);
    if (now.withdrawn)
        return true;
    bool turned = !was.withdrawn && !was.unmet != !now.unmet;
    if (!now.unmet && !p19answer_text(&now) && (turned || was.withdrawn))
        return berr_field(
            err, BERR_BAD_INPUT, "answer",
            turned ? "koreksi ini menyatakan petunjuk dipenuhi: sebut answer, apa yang dilakukan "
                     "untuk memenuhinya (jawaban semula menyatakan petunjuk tidak dapat dipenuhi)"
                   : "jawaban yang berlaku kembali ini tidak menyimpan teksnya: sebut answer, apa "
                     "yang dilakukan untuk memenuhi petunjuk");
    if (!was.withdrawn)
        return true;
    json_t *item = json_object_get(cf->ev_payload[root], "instruction");
    long long act;
    const char *unmet;
    for (int k = 0; k < n; k++)
        if (k != root && cf->ev[k].event == EV_INSTRUCTION_ANSWERED &&
            json_equal(json_object_get(cf->ev_payload[k], "instruction"), item) &&
            p19answer_standing(cf, k, &act, &unmet))
            return berr_field(err, BERR_CONFLICT, "corrects",
                              "petunjuk ini sudah dijawab lagi dengan %s (peristiwa %lld) sesudah "
                              "jawaban %lld ditarik: satu petunjuk satu jawaban; tarik dulu "
                              "jawaban itu",
                              event_label(cf->ev[k].event), cf->ev_id[k], cf->ev_id[root]);
    struct event_input named = *in;
    named.answer_act = now.act;
    return !now.act || in->answer_act || check_answer_act(tx, cf, &named, err);
}

/* The log with the act appended: a correction must still replay (the stage
 * is what the corrected log replays to), the log must load as every reader
 * loads it, and an act on a suspect must pass the detention machine. */
static bool act_in_log(struct recording *r, struct berr *err)
{
    struct casefile *cf = &r->cf;
    struct event_outcome *out = r->out;
    /* from here the log holds the act (its row id once inserted), taken off
     * again on any refusal or failure (act_end) */
    r->before = cf->nevents;
    memcpy(r->head, cf->last_hash, sizeof r->head);
    append_act(cf, &r->ce, r->payload);
    r->appended = true;
    const struct case_event *ce = &r->ce;
    bool on_suspect =
        event_is_detention(r->ev) && ce->suspect >= 0 && ce->suspect < EVLOG_MAX_SUSPECTS;
    /* the suspect's detention before the act (loads_with may step the state past it) */
    struct detention cur = on_suspect ? r->st->det[ce->suspect] : (struct detention){0}, next;
    if (r->ev == EV_CORRECTED) {
        struct berr rerr = {0};
        enum stage replayed;
        if (!evlog_stage(cf->ev, cf->nevents, &replayed, &rerr))
            return refuse(out, err, BERR_CONFLICT, "transition-not-allowed", rerr.message);
        r->fr.to = replayed;
    }
    if (!loads_with(cf, r->st, r->has_time, &r->clocks, &r->stepped, out, err) ||
        !ordered_entered(cf, r->has_time, out, err) ||
        (r->ev == EV_CORRECTED && (!answers_kept(r->tx, cf, r->has_time, out, err) ||
                                   !answer_restated(r->tx, cf, r->in, err) ||
                                   !permit_links_kept(cf, r->has_time, out, err) ||
                                   !oath_links_kept(cf, r->has_time, out, err))))
        return false;
    if (!on_suspect)
        return true;
    struct det_result dr;
    struct detention_act act = {
        .event = r->ev, .at = evlog_instant(ce, cf->zone), .type = ce->det_type, .days = ce->days};
    if (detention_apply(&cur, &act, r->rs, cf->zone, &r->f, &next, &dr))
        return true;
    if (dr.verdict == DET_REFUSED_STATE) {
        refuse(out, err, BERR_CONFLICT, "transition-not-allowed", dr.reason);
        out->allowed = event_list(dr.allowed, dr.nallowed);
    } else if (dr.verdict == DET_REFUSED_GUARD) {
        refuse_guard(r->tx, cf, dr.reason, &dr.missing, out, err);
        out->fields = answering(cf, r->ev, r->in, &dr.missing);
    } else {
        berr_set(err, BERR_BAD_INPUT, "%s", dr.reason);
    }
    return false;
}

static bool act_moved(struct recording *r, const struct event_appended *added, struct berr *err);
static struct summary_known act_known(const struct recording *r);
static json_t *act_snapshot(const struct recording *r);

/* The act's row and the case row's move: with the transaction's COMMIT when the row's id came
 * with the case row and the transaction takes the act's end (tx_after: one act a
 * transaction), and then with the act's summary and snapshot (sql/0042: one statement for
 * all, act_moved made them first); in a round trip of its own otherwise. */
static bool append_row(struct recording *r, const struct event_append *row,
                       struct event_appended *added, struct berr *err)
{
    struct recorded *d = r->event_id > 0 ? calloc(1, sizeof *d) : NULL;
    if (!d || !tx_after(r->tx, recorded_end, d)) {
        free(d);
        return store_events_append(r->tx, row, added, err);
    }
    r->later = d; /* from here the transaction's end gives back the case file (act_end) */
    *added = (struct event_appended){.id = r->event_id, .version = r->cf.version + 1};
    if (!act_moved(r, added, err))
        return false;
    struct summary_texts t;
    struct summary_known known = act_known(r);
    if (!summary_texts_make(&r->cf, act_snapshot(r), &known, &t, err))
        return false;
    struct event_summary sum = {
        .summary = t.row, .snapshot = t.snapshot, .format = t.format, .events = t.events};
    r->summarised = store_events_append_later(r->tx, row, r->event_id, &sum, &d->row, err);
    if (r->summarised) {
        /* the snapshot's text as stored, kept with the state (act_end, statecache.h) */
        r->snap_text = t.snapshot;
        r->snap_len = t.snapshot_len;
        t.snapshot = NULL;
    }
    summary_texts_free(&t);
    return r->summarised;
}

/* Store the act: its row and the case row's move in one statement
 * (store/events.h), then the P-19 items or the answer and the act's own rows
 * (acts.h); the answer's body. */
static bool act_store(struct recording *r, struct event_appended *added, struct berr *err)
{
    const struct event_input *in = r->in;
    enum event ev = r->ev;
    enum stage was = r->cf.stage; /* append_row may move cf with the act (act_moved) */
    bool late = ruleset_late_entry(r->rs, r->date, r->today);
    char *payload_text = json_dumps(r->payload, JSON_COMPACT | JSON_SORT_KEYS);
    if (!payload_text)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    struct event_append row = {
        .case_id = r->cf.id,
        .seq = r->before + 1,
        .type = event_code(ev),
        .legal_date = r->legal_date,
        .legal_at = r->has_time ? r->legal_at : NULL,
        .doc_number = in->number,
        .party_id = in->party_id,
        .corrects = in->corrects,
        .regime = r->rs->name,
        .stage_before = stage_code(r->cf.stage),
        .stage_after = stage_code(r->fr.to),
        .payload = payload_text,
        .entered_by = r->who->user_id,
        .late = late,
        .discloses = act_discloses(&r->cf, &r->ce),
    };
    bool stored = append_row(r, &row, added, err);
    free(payload_text);
    if (!stored || !instruction_rows(r->tx, &r->cf, r->before, ev, added->id, in, err) ||
        !acts_apply(r->tx, &r->cf, ev, added->id, r->payload, r->who, err))
        return false;
    struct event_outcome *out = r->out;
    out->status = 201;
    out->event_id = added->id;
    out->body = json_pack(
        "{s:I, s:I, s:i, s:s, s:s, s:s, s:s, s:s, s:b, s:s, s:i}", "id", (json_int_t)added->id,
        "case_id", (json_int_t)r->cf.id, "seq", r->before + 1, "type", event_code(ev), "label",
        event_label(ev), "legal_date", r->legal_date, "stage_before", stage_code(was), "stage",
        stage_code(r->fr.to), "late", late, "regime", r->rs->name, "version", added->version);
    return true;
}

/* The case as the act left it - the log with the act's row id, the chain's
 * head (once known), stage and version, the state stepped by the act (folded again for a
 * correction, which changes what the log says happened before it) and the summary's walk. */
static bool act_moved(struct recording *r, const struct event_appended *added, struct berr *err)
{
    struct casefile *cf = &r->cf;
    cf->ev_id[r->before] = added->id;
    /* the chain's head now ends with this act: the log is kept under it (once the row is
     * sent, recorded_end, when it goes with the COMMIT) */
    if (!r->later)
        sodium_hex2bin(cf->last_hash, sizeof cf->last_hash, added->hash, strlen(added->hash), NULL,
                       NULL, NULL);
    cf->stage = r->fr.to;
    cf->version = added->version;
    bool walked;
    if (r->stepped) {
        walked = summary_walk_step(&r->walk, cf, r->before, &cf->ev[r->before]);
    } else {
        /* a correction (or a log that did not load before): the state of the log again */
        struct clock_input in;
        casefile_clock_input(cf, cf->now, &in);
        casestate_free(r->st);
        (void)casestate_fold(&in, r->st);
        summary_walk_free(&r->walk);
        walked = summary_walk_log(cf, &r->walk);
    }
    return walked || berr_set(err, BERR_INTERNAL, "out of memory");
}

/* The clocks loads_with worked out, the facts of the state and the summary's walk just
 * stepped (or folded): the summary reads the log for none of them again. */
static struct summary_known act_known(const struct recording *r)
{
    return (struct summary_known){.clocks = &r->clocks, .facts = &r->st->facts, .walk = &r->walk};
}

static json_t *act_snapshot(const struct recording *r)
{
    return snapshot_json(&r->cf, r->st, &r->walk, r->sig);
}

/* The case as the act left it and the lists' summary with the snapshot, in the same
 * transaction (summary.h), unless they went with the act's row (append_row). */
static bool act_summary(struct recording *r, const struct event_appended *added, struct berr *err)
{
    if (r->summarised)
        return true;
    if (!act_moved(r, added, err))
        return false;
    struct summary_known known = act_known(r);
    return summary_write(r->tx, &r->cf, act_snapshot(r), &known, &r->snap_text, &r->snap_len, err);
}

/* Free what the recording holds; its log goes back to the write path's cache
 * under the head it ends with: the loaded one, or the act's (logcache.h). */
static void act_end(struct recording *r, bool ok)
{
    /* the state and walk kept with the text of the snapshot the act wrote, for the case's
     * next act (statecache.h; cf holds the act) */
    if (ok && r->snap_text && r->st)
        statecache_put(&r->cf, r->sig, r->snap_text, r->snap_len, &r->st, &r->walk);
    free(r->snap_text);
    if (r->later) {
        /* the transaction's end gives the log back (recorded_end): it holds the act until
         * then, taken off again if the transaction does not commit */
        r->later->cf = r->cf;
        r->later->loaded = r->loaded;
        memcpy(r->later->head, r->head, sizeof r->head);
        r->loaded = false;
        r->cf = (struct casefile){0};
        r->appended = false;
    }
    if (r->appended && !ok) {
        unappend_act(&r->cf);
        memcpy(r->cf.last_hash, r->head, sizeof r->head);
    }
    free(r->clocks.items);
    state_put(r->st);
    summary_walk_free(&r->walk);
    json_decref(r->payload);
    if (r->loaded)
        casefile_release(&r->cf);
    else
        casefile_free(&r->cf);
}

bool events_record_tx(struct tx *tx, const struct actor *who, long long case_id,
                      const struct event_input *in, struct event_outcome *out, struct berr *err)
{
    struct recording *r = calloc(1, sizeof *r);
    if (!r)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    r->tx = tx;
    r->who = who;
    r->in = in;
    r->out = out;
    struct event_appended added;
    bool ok = act_type(r, err) && act_case(r, case_id, err) && act_input(r, err) &&
              act_facts(r, err) && act_allowed(r, err) && act_in_log(r, err) &&
              act_store(r, &added, err) && act_summary(r, &added, err);
    act_end(r, ok);
    free(r);
    return ok;
}

/* The act's documents issued with it, in the same transaction (issue 8:
 * one act, one document): a refusal of any of them refuses the act. */
static bool issue_with_act(struct app *app, struct tx *tx, const struct actor *who,
                           long long case_id, const struct event_input *in,
                           struct event_outcome *out, struct berr *err)
{
    if (!in->issue || json_array_size(in->issue) == 0)
        return true;
    /* the act's own paper first (the order its Berita Acara cites by number), whatever order
     * they were asked in; the answer lists them as asked */
    json_t *docs = json_array();
    size_t i, n = json_array_size(in->issue);
    bool ok = true;
    for (i = 0; i < n; i++)
        json_array_append_new(docs, json_null());
    for (int primary = 1; ok && primary >= 0; primary--)
        for (i = 0; ok && i < n; i++) {
            const char *form = json_string_value(json_array_get(in->issue, i));
            if (forms_is_primary(form) != (primary == 1))
                continue;
            json_t *params = json_object(), *doc = NULL;
            ok = forms_issue_tx(app, tx, who, case_id, out->event_id, form, params, &doc, err);
            json_decref(params);
            if (ok)
                json_array_set_new(docs, i, doc);
        }
    if (ok)
        json_object_set_new(out->body, "documents", docs);
    else
        json_decref(docs);
    return ok;
}

/* The papers an act needs and the file lacks (missing: forms.h's list, owned; NULL when it could
 * not be made, err set): -1 then, 0 when none lacks, else 1 with their names in one line and the
 * list kept for the refusal's body (out->missing). */
static int papers_lacking(json_t *missing, struct event_outcome *out, char *names, size_t size)
{
    if (!missing)
        return -1;
    if (json_array_size(missing) == 0) {
        json_decref(missing);
        return 0;
    }
    forms_missing_line(missing, names, size);
    json_decref(out->body);
    out->body = NULL;
    out->missing = missing;
    return 1;
}

/* Tahap I sends the berkas perkara (KUHAP 8(3)(a), 110(1)), and so does
 * sending it back after a P-19 (110(3), 138(2)): each is refused until the
 * file holds the papers it needs (forms_dossier_missing: the five every
 * file needs, a paper for each BAP, for each Ketua PN's Penetapan of its
 * searches and seizures, and for each P-19 item answered),
 * naming each gap and how to fill it (issue 8.7; the setting
 * dossier.tahap1_requires_documents). */
static bool tahap1_documents(struct app *app, struct tx *tx, const struct actor *who,
                             long long case_id, const struct event_input *in,
                             struct event_outcome *out, struct berr *err)
{
    if (!in->type || (strcmp(in->type, "tahap1_sent") != 0 && strcmp(in->type, "resubmitted") != 0))
        return true;
    bool required;
    if (!store_tahap1_requires_documents(tx, &required, err))
        return false;
    if (!required)
        return true;
    struct casefile cf = {0};
    json_t *missing = NULL;
    if (casefile_load(tx, who, case_id, false, &cf, err))
        missing = forms_dossier_missing(app, tx, &cf, true, err);
    casefile_free(&cf);
    char names[1600], msg[2000];
    int lacks = papers_lacking(missing, out, names, sizeof names);
    if (lacks <= 0)
        return lacks == 0;
    snprintf(
        msg, sizeof msg,
        "%s mengirim berkas perkara: belum ada %s; terbitkan untuk tindakannya ('berkas "
        "issue %lld FORMULIR --event ID', atau 'berkas record ... --issue FORMULIR') atau "
        "unggah dokumennya ('berkas upload %lld FILE --title JUDUL --event ID'), lalu kirim lagi",
        strcmp(in->type, "tahap1_sent") == 0 ? "Tahap I" : "Pengiriman kembali", names, case_id,
        case_id);
    return refuse(out, err, BERR_UNPROCESSABLE, "guard-failed", msg);
}

/* The short procedure's hand-over (UU 6/2011 Pasal 110(2)) hands the suspect to the PU with his
 * examination: refused until each BAP tersangka has its paper, issued or uploaded
 * (forms_suspect_papers_missing), naming each - after it the file is closed and the paper could
 * never be issued (DOMAIN 4.14, 7.1).  The setting dossier.tahap1_requires_documents, which asks
 * the papers of a file handed to the PU, turns it off as it turns off Tahap I's. */
static bool short_procedure_papers(struct tx *tx, const struct actor *who, long long case_id,
                                   const struct event_input *in, struct event_outcome *out,
                                   struct berr *err)
{
    if (!in->type || strcmp(in->type, "short_procedure_handover") != 0)
        return true;
    bool required;
    if (!store_tahap1_requires_documents(tx, &required, err))
        return false;
    if (!required)
        return true;
    struct casefile cf = {0};
    json_t *missing = NULL;
    if (casefile_load(tx, who, case_id, false, &cf, err))
        missing = forms_suspect_papers_missing(tx, &cf, err);
    casefile_free(&cf);
    char names[1600], msg[2000];
    int lacks = papers_lacking(missing, out, names, sizeof names);
    if (lacks <= 0)
        return lacks == 0;
    snprintf(msg, sizeof msg,
             "Penyerahan perkara acara singkat (UU 6/2011 Pasal 110(2)) menyerahkan tersangka "
             "dengan berita acara pemeriksaannya: %s; terbitkan ('berkas issue %lld bap_tersangka "
             "--event ID') atau unggah dokumennya ('berkas upload %lld FILE --title JUDUL --event "
             "ID'), lalu serahkan lagi - sesudah penyerahan berkas ditutup",
             names, case_id, case_id);
    return refuse(out, err, BERR_UNPROCESSABLE, "guard-failed", msg);
}

/* The warnings of list (taken) added to the answer's "warnings". */
static void warnings_add(struct event_outcome *out, json_t *list)
{
    json_t *to = json_object_get(out->body, "warnings");
    if (!to)
        json_object_set_new(out->body, "warnings", list);
    else {
        json_array_extend(to, list);
        json_decref(list);
    }
}

/* Sending the file (Tahap I, or again after a P-19) with an urgent search or seizure whose
 * Ketua PN's approval is still owed or was refused: recorded, the answer naming each such act
 * under "warnings" (permit_warnings: the law berkas models does not forbid it, DOMAIN 4.9). */
static bool tahap1_warnings(struct tx *tx, const struct actor *who, long long case_id,
                            const struct event_input *in, struct event_outcome *out,
                            struct berr *err)
{
    if (!in->type || (strcmp(in->type, "tahap1_sent") != 0 && strcmp(in->type, "resubmitted") != 0))
        return true;
    struct casefile cf = {0};
    bool ok = casefile_load(tx, who, case_id, false, &cf, err);
    if (ok)
        warnings_add(out, permit_warnings(&cf));
    casefile_free(&cf);
    return ok;
}

/* An act a PPNS does himself recorded by one the team does not name: recorded, the answer
 * warning so (acts_team_warning; DOMAIN 4.3, never refused). */
static bool team_warnings(struct tx *tx, const struct actor *who, long long case_id,
                          const struct event_input *in, struct event_outcome *out, struct berr *err)
{
    enum event ev;
    if (!in->type || !event_lookup(in->type, &ev))
        return true;
    json_t *w = NULL;
    const char *date = json_string_value(json_object_get(out->body, "legal_date"));
    if (!acts_team_warning(tx, who, case_id, ev, out->event_id, date, &w, err))
        return false;
    if (w)
        warnings_add(out, json_pack("[o]", w));
    return true;
}

bool app_event_record(struct app *app, const struct actor *who, long long case_id,
                      const struct event_input *in, struct event_outcome *out, struct audit_rec *au,
                      struct berr *err)
{
    memset(out, 0, sizeof *out);
    au->action = "case.event";
    au->object_type = "case";
    au->object_id = case_id;
    enum event ev;
    if (in->type && event_lookup(in->type, &ev))
        snprintf(au->detail, sizeof au->detail, "{\"type\":\"%s\"}", event_code(ev));
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    bool ok = events_record_tx(&tx, who, case_id, in, out, err) &&
              issue_with_act(app, &tx, who, case_id, in, out, err) &&
              tahap1_documents(app, &tx, who, case_id, in, out, err) &&
              short_procedure_papers(&tx, who, case_id, in, out, err) &&
              tahap1_warnings(&tx, who, case_id, in, out, err) &&
              team_warnings(&tx, who, case_id, in, out, err) && audit_ok(&tx, who, au, err) &&
              tx_commit(&tx, err);
    if (!ok && out->body) {
        json_decref(out->body);
        out->body = NULL;
    }
    tx_end(&tx);
    return ok;
}
