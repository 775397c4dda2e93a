/* snapshot.c - see snapshot.h. */
#include "snapshot.h"

#include <string.h>

static json_t *jday(struct caldate d)
{
    return json_pack("[i, i, i]", d.y, d.m, d.d);
}

static bool get_day(json_t *a, struct caldate *d)
{
    if (!json_is_array(a) || json_array_size(a) != 3)
        return false;
    d->y = (int)json_integer_value(json_array_get(a, 0));
    d->m = (int)json_integer_value(json_array_get(a, 1));
    d->d = (int)json_integer_value(json_array_get(a, 2));
    return true;
}

/* A suspect's detention, member by member of struct detention. */
static json_t *det_json(const struct detention *d)
{
    json_t *o =
        json_pack("{s:i, s:i, s:i, s:b, s:i, s:I, s:I, s:i, s:i, s:I}", "state", d->state, "period",
                  d->period, "type", d->type, "ever_detained", d->ever_detained, "court_extensions",
                  d->court_extensions, "arrested_at", (json_int_t)d->arrested_at, "arrest_ends_at",
                  (json_int_t)d->arrest_ends_at, "period_days", d->period_days, "days_granted",
                  d->days_granted, "started_at", (json_int_t)d->started_at);
    json_object_set_new(o, "start", jday(d->start));
    json_object_set_new(o, "end", jday(d->end));
    json_object_set_new(o, "day_end_at", json_integer(d->day_end_at));
    json_object_set_new(o, "strict_end_at", json_integer(d->strict_end_at));
    json_object_set_new(o, "suspended_on", jday(d->suspended_on));
    json_object_set_new(o, "days_left", json_integer(d->days_left));
    json_object_set_new(o, "strict_left", json_integer(d->strict_left));
    json_object_set_new(o, "in_detensi", json_boolean(d->in_detensi));
    json_object_set_new(o, "detensi_since_at", json_integer(d->detensi_since_at));
    return o;
}

static int64_t num(json_t *o, const char *k)
{
    return json_integer_value(json_object_get(o, k));
}

static bool det_read(json_t *o, struct detention *d)
{
    if (!json_is_object(o) || json_object_size(o) != 19)
        return false;
    d->state = (enum det_state)num(o, "state");
    d->period = (enum det_period)num(o, "period");
    d->type = (enum det_type)num(o, "type");
    d->ever_detained = json_is_true(json_object_get(o, "ever_detained"));
    d->court_extensions = (int)num(o, "court_extensions");
    d->arrested_at = num(o, "arrested_at");
    d->arrest_ends_at = num(o, "arrest_ends_at");
    d->period_days = (int)num(o, "period_days");
    d->days_granted = (int)num(o, "days_granted");
    d->started_at = num(o, "started_at");
    d->day_end_at = num(o, "day_end_at");
    d->strict_end_at = num(o, "strict_end_at");
    d->days_left = (int)num(o, "days_left");
    d->strict_left = num(o, "strict_left");
    d->in_detensi = json_is_true(json_object_get(o, "in_detensi"));
    d->detensi_since_at = num(o, "detensi_since_at");
    return get_day(json_object_get(o, "start"), &d->start) &&
           get_day(json_object_get(o, "end"), &d->end) &&
           get_day(json_object_get(o, "suspended_on"), &d->suspended_on);
}

static json_t *facts_json(const struct case_facts *f)
{
    json_t *o =
        json_pack("{s:b, s:b, s:b, s:i, s:b, s:b, s:i, s:i, s:b, s:b}", "report_registered",
                  f->report_registered, "spdp_sent", f->spdp_sent, "resume_written",
                  f->resume_written, "instructions_open", f->instructions_open, "tahap1_received",
                  f->tahap1_received, "p21", f->p21, "returns", f->returns, "returns_late",
                  f->returns_late, "returned", f->returned, "return_received", f->return_received);
    json_object_set_new(o, "tahap1_received_on", jday(f->tahap1_received_on));
    json_object_set_new(o, "p21_on", jday(f->p21_on));
    json_object_set_new(o, "returned_on", jday(f->returned_on));
    json_object_set_new(o, "return_received_on", jday(f->return_received_on));
    return o;
}

static bool facts_read(json_t *o, struct case_facts *f)
{
    if (!json_is_object(o) || json_object_size(o) != 14)
        return false;
    f->report_registered = json_is_true(json_object_get(o, "report_registered"));
    f->spdp_sent = json_is_true(json_object_get(o, "spdp_sent"));
    f->resume_written = json_is_true(json_object_get(o, "resume_written"));
    f->instructions_open = (int)num(o, "instructions_open");
    f->tahap1_received = json_is_true(json_object_get(o, "tahap1_received"));
    f->p21 = json_is_true(json_object_get(o, "p21"));
    f->returns = (int)num(o, "returns");
    f->returns_late = (int)num(o, "returns_late");
    f->returned = json_is_true(json_object_get(o, "returned"));
    f->return_received = json_is_true(json_object_get(o, "return_received"));
    return get_day(json_object_get(o, "tahap1_received_on"), &f->tahap1_received_on) &&
           get_day(json_object_get(o, "p21_on"), &f->p21_on) &&
           get_day(json_object_get(o, "returned_on"), &f->returned_on) &&
           get_day(json_object_get(o, "return_received_on"), &f->return_received_on);
}

json_t *snapshot_json(const struct casefile *cf, const struct case_state *st, long long rules_sig)
{
    struct detention idle;
    detention_init(&idle);
    json_t *idle_json = det_json(&idle);
    json_t *suspects = json_array();
    for (int s = 0; s < cf->nsuspects && s < EVLOG_MAX_SUSPECTS; s++) {
        json_t *det = det_json(&st->det[s]);
        bool touched = st->facts.designated[s] || st->facts.bap[s] || !json_equal(det, idle_json);
        if (touched)
            json_array_append_new(suspects, json_pack("{s:I, s:b, s:b, s:o}", "party",
                                                      (json_int_t)cf->suspect_ids[s], "designated",
                                                      st->facts.designated[s], "bap",
                                                      st->facts.bap[s], "detention", det));
        else
            json_decref(det);
    }
    json_decref(idle_json);
    return json_pack("{s:i, s:i, s:I, s:I, s:b, s:s, s:o, s:o}", "format", CASESTATE_FORMAT,
                     "events", st->nevents, "last_event",
                     (json_int_t)(cf->nevents > 0 ? cf->ev_id[cf->nevents - 1] : 0), "rules_sig",
                     (json_int_t)rules_sig, "replays", st->replays, "stage", stage_code(st->stage),
                     "facts", facts_json(&st->facts.f), "suspects", suspects);
}

bool snapshot_read(const struct casefile *cf, const char *text, long long rules_sig,
                   struct case_state *st)
{
    if (!text || !*text)
        return false;
    json_t *o = json_loads(text, 0, NULL);
    if (!o)
        return false;
    casestate_init(st);
    long long last = cf->nevents > 0 ? cf->ev_id[cf->nevents - 1] : 0;
    json_t *suspects = json_object_get(o, "suspects");
    bool ok = num(o, "format") == CASESTATE_FORMAT && num(o, "events") == cf->nevents &&
              num(o, "last_event") == last && num(o, "rules_sig") == rules_sig &&
              json_is_boolean(json_object_get(o, "replays")) &&
              json_is_string(json_object_get(o, "stage")) &&
              stage_lookup(json_string_value(json_object_get(o, "stage")), &st->stage) &&
              facts_read(json_object_get(o, "facts"), &st->facts.f) && json_is_array(suspects);
    st->nevents = cf->nevents;
    st->replays = json_is_true(json_object_get(o, "replays"));
    size_t i;
    json_t *s;
    json_array_foreach(suspects, i, s)
    {
        if (!ok)
            break;
        int k = casefile_suspect_index(cf, (long long)num(s, "party"));
        ok = k >= 0 && k < EVLOG_MAX_SUSPECTS &&
             det_read(json_object_get(s, "detention"), &st->det[k]);
        if (ok) {
            st->facts.designated[k] = json_is_true(json_object_get(s, "designated"));
            st->facts.bap[k] = json_is_true(json_object_get(s, "bap"));
        }
    }
    json_decref(o);
    return ok;
}

void snapshot_state(const struct casefile *cf, long long rules_sig, struct case_state *st,
                    bool *trusted)
{
    *trusted = snapshot_read(cf, cf->snapshot, rules_sig, st);
    if (!*trusted)
        casestate_fold(cf->ev, cf->nevents, cf->zone, cf->rulesets, cf->nrulesets, st);
}

void snapshot_facts(const struct case_state *st, struct case_facts *f)
{
    evlog_fold_facts(&st->facts, f);
}
