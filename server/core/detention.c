/*
 * detention.c - see detention.h.
 *
 * state_refusal() is the state table (which act each state accepts);
 * detention_apply() adds the guards and the arithmetic of the periods.
 */
#include "detention.h"

#include <stdio.h>
#include <string.h>

#include "guard.h"

static const struct {
    const char *code;
    const char *label;
} states[DET__COUNT] = {
    [DET_FREE] = {"free", "Tidak ditahan"},
    [DET_ARRESTED] = {"arrested", "Ditangkap"},
    [DET_DETAINED] = {"detained", "Ditahan"},
    [DET_SUSPENDED] = {"suspended", "Penahanan ditangguhkan"},
    [DET_RELEASED] = {"released", "Dikeluarkan dari tahanan"},
};

/* Each period's label under the law of its act's date, as the clocks' bases (clock.c): UU 8/1981
 * article by article; UU 20/2025 by its title (its Pasal 99-111 on detention are not confirmed
 * article by article, DOMAIN 9.2). */
static const struct {
    const char *code;
    const char *label_1981;
    const char *label_2025;
} periods[DETP__COUNT] = {
    [DETP_NONE] = {"none", "-", "-"},
    [DETP_INVESTIGATOR] = {"investigator", "Penahanan oleh penyidik (KUHAP 24(1))",
                           "Penahanan oleh penyidik (UU 20/2025)"},
    [DETP_PU] = {"pu", "Perpanjangan oleh Penuntut Umum (KUHAP 24(2))",
                 "Perpanjangan oleh Penuntut Umum (UU 20/2025)"},
    [DETP_COURT_1] = {"court_1", "Perpanjangan pertama oleh Ketua PN (KUHAP 29)",
                      "Perpanjangan pertama oleh Ketua PN (UU 20/2025)"},
    [DETP_COURT_2] = {"court_2", "Perpanjangan kedua oleh Ketua PN (KUHAP 29)",
                      "Perpanjangan kedua oleh Ketua PN (UU 20/2025)"},
};

static const struct {
    const char *code;
    const char *label;
} types[DETT__COUNT] = {
    [DETT_RUTAN] = {"rutan", "Rumah tahanan negara"},
    [DETT_RUMAH] = {"rumah", "Tahanan rumah"},
    [DETT_KOTA] = {"kota", "Tahanan kota"},
};

void detention_init(struct detention *d)
{
    memset(d, 0, sizeof *d);
    d->state = DET_FREE;
    d->period = DETP_NONE;
    d->type = DETT_RUTAN;
}

int64_t detention_expires_at(const struct detention *d)
{
    if (d->state == DET_ARRESTED)
        return d->arrest_ends_at;
    if (d->state == DET_DETAINED)
        return d->day_end_at < d->strict_end_at ? d->day_end_at : d->strict_end_at;
    return 0;
}

/* Why a court extension is refused once the rule set's extensions are all granted: KUHAP
 * 29(2) allows two of 30 days; UU 20/2025 keeps the rule set's numbers until its Pasal 99-111
 * are confirmed (DOMAIN 9.2).  Written into buf. */
static const char *court_used_up(const struct ruleset *rules, char *buf, size_t size)
{
    int count = rules->detention_ext_court_count.value;
    const char *article = rules->regime == REGIME_KUHAP_1981
                              ? "Pasal 29 ayat (2) KUHAP"
                              : "Pasal 29 ayat (2) KUHAP 1981 (UU 20/2025 Pasal 99-111: belum "
                                "dipastikan)";
    if (count <= 0)
        snprintf(buf, size, "aturan %s tidak memberi perpanjangan oleh Ketua PN (%s)", rules->name,
                 article);
    else
        snprintf(buf, size,
                 "%s perpanjangan oleh Ketua PN menurut %s (%d x %d hari) sudah digunakan",
                 count == 2   ? "kedua"
                 : count == 1 ? "satu-satunya"
                              : "semua",
                 article, count, rules->detention_ext_court_days.value);
    return buf;
}

/* The days a suspect may be detained at the investigation stage without the court: the
 * investigator's and the PU's (KUHAP 24(1)-(2), (4): 60). */
static int stage_limit(const struct ruleset *rules)
{
    return rules->detention_days.value + rules->detention_ext_pu_days.value;
}

/* Why a suspect released may not be detained again: the rule set says released is released,
 * or the days served fill the stage's limit.  NULL when he may. */
static const char *redetention_refusal(const struct detention *d, const struct ruleset *rules,
                                       char *buf, size_t size)
{
    if (!rules || !rules->redetention_within_limit.value)
        return "tersangka sudah pernah ditahan dan dikeluarkan pada tingkat penyidikan "
               "(KUHAP 24(4); aturan tidak mengizinkan penahanan kembali)";
    if (stage_limit(rules) - d->days_served >= 1)
        return NULL;
    snprintf(buf, size,
             "masa penahanan tingkat penyidikan %d hari (KUHAP 24(4)) sudah dijalani seluruhnya "
             "(%d hari)",
             stage_limit(rules), d->days_served);
    return buf;
}

/* NULL when d's state accepts ev, else why not (Indonesian; in buf when it
 * names the rule set's numbers).  rules may be NULL (court extensions are
 * then not counted). */
static const char *state_refusal(const struct detention *d, enum event ev,
                                 const struct ruleset *rules, char *buf, size_t size)
{
    switch (ev) {
    case EV_ARRESTED:
        if (d->state != DET_FREE && d->state != DET_RELEASED)
            return "tersangka sedang ditangkap atau ditahan";
        if (d->in_detensi)
            return "tersangka dalam pendetensian: akhiri pendetensian lebih dahulu";
        return NULL;
    case EV_DETAINED:
        if (d->state == DET_SUSPENDED)
            return NULL; /* KUHAP 31(2): the suspension is revoked */
        if (d->state == DET_DETAINED)
            return "tersangka sudah ditahan";
        if (d->in_detensi)
            return "tersangka dalam pendetensian: akhiri pendetensian lebih dahulu";
        if (d->ever_detained)
            return redetention_refusal(d, rules, buf, size);
        return NULL;
    case EV_DETENTION_EXTENDED_PU:
        if (d->state != DET_DETAINED || d->period != DETP_INVESTIGATOR)
            return "perpanjangan oleh Penuntut Umum hanya atas penahanan oleh penyidik yang "
                   "berjalan";
        return NULL;
    case EV_DETENTION_EXTENDED_COURT:
        /* after the PU's extension or a court's: the count first, so that a third is refused
         * for what it is */
        if (rules && d->state == DET_DETAINED && d->period >= DETP_PU &&
            d->court_extensions >= rules->detention_ext_court_count.value)
            return court_used_up(rules, buf, size);
        if (d->state != DET_DETAINED || (d->period != DETP_PU && d->period != DETP_COURT_1))
            return "perpanjangan oleh Ketua PN hanya setelah perpanjangan oleh Penuntut Umum "
                   "(KUHAP 29)";
        return NULL;
    case EV_DETENTION_SUSPENDED:
    case EV_DETENTION_TYPE_CHANGED:
        if (d->state != DET_DETAINED)
            return "tersangka tidak sedang ditahan";
        return NULL;
    case EV_RELEASED:
        if (d->state != DET_ARRESTED && d->state != DET_DETAINED && d->state != DET_SUSPENDED)
            return "tersangka tidak sedang ditangkap atau ditahan";
        return NULL;
    case EV_DETENSI_STARTED:
        if (d->in_detensi)
            return "tersangka sudah dalam pendetensian";
        if (d->state == DET_ARRESTED || d->state == DET_DETAINED)
            return "tersangka sedang ditangkap atau ditahan (pendetensian bukan penahanan)";
        return NULL;
    case EV_DETENSI_ENDED:
        if (!d->in_detensi)
            return "tersangka tidak dalam pendetensian";
        return NULL;
    default:
        return "bukan peristiwa penangkapan atau penahanan";
    }
}

int detention_allowed(const struct detention *d, const struct ruleset *rules, enum event *out,
                      int max)
{
    int n = 0;
    char why[160];
    for (int e = EV_ARRESTED; e <= EV_DETENSI_ENDED; e++)
        if (!state_refusal(d, (enum event)e, rules, why, sizeof why)) {
            if (n < max)
                out[n] = (enum event)e;
            n++;
        }
    return n;
}

/* A new period of n days starting on local day `start` at instant at. */
static void begin_period(struct detention *d, enum det_period p, int n, int64_t at,
                         struct caldate start, int64_t strict_end, const struct tzone *z)
{
    d->state = DET_DETAINED;
    d->period = p;
    d->period_days = n;
    d->started_at = at;
    d->start = start;
    d->end = caldate_add(start, n - 1);
    d->day_end_at = caldate_day_start(caldate_add(start, n), z);
    d->strict_end_at = strict_end;
}

/* An extension of n days running on from the current period's end. */
static void extend(struct detention *d, enum det_period p, int n, const struct tzone *z)
{
    int64_t strict = d->strict_end_at + (int64_t)n * CALDATE_DAY_SECONDS;
    begin_period(d, p, n, d->day_end_at, caldate_add(d->end, 1), strict, z);
    d->days_granted += n;
}

/* Days granted by an extension act: act->days, or the maximum when 0. */
static int extension_days(const struct detention_act *act, int max, struct missing *m)
{
    int days = act->days ? act->days : max;
    if (days < 1 || days > max) {
        missing_add(m, FACT_EXTENSION_WITHIN_LIMIT);
        return 0;
    }
    return days;
}

static void refuse_state(const struct detention *cur, const struct ruleset *rules, enum event ev,
                         const char *why, struct det_result *res)
{
    res->verdict = DET_REFUSED_STATE;
    res->nallowed = detention_allowed(cur, rules, res->allowed, DETENTION_EVENTS);
    snprintf(res->reason, sizeof res->reason, "%s ditolak: %s", event_label(ev), why);
}

static void refuse_guard(enum event ev, struct det_result *res)
{
    res->verdict = DET_REFUSED_GUARD;
    size_t used = (size_t)snprintf(res->reason, sizeof res->reason,
                                   "%s belum dapat dicatat, belum terpenuhi: ", event_label(ev));
    for (int i = 0; i < res->missing.n && used < sizeof res->reason; i++) {
        int w = snprintf(res->reason + used, sizeof res->reason - used, "%s%s", i ? "; " : "",
                         fact_label(res->missing.list[i]));
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

/* KUHAP 21: detention begins; after a suspension (KUHAP 31(2)) it resumes
 * with the days and hours left then, no more. */
static void act_detain(const struct detention *cur, const struct detention_act *act,
                       const struct ruleset *rs, const struct tzone *z, const struct case_facts *f,
                       struct detention *nx, struct missing *m)
{
    struct caldate day = caldate_local_date(act->at, z);
    if (f)
        guard_detention(f, m);
    nx->type = act->type;
    if (cur->state == DET_SUSPENDED) {
        /* KUHAP 31(2): the days left at suspension, no more. */
        if (cur->days_left < 1) {
            missing_add(m, FACT_DETENTION_DAYS_LEFT);
            return;
        }
        begin_period(nx, cur->period, cur->days_left, act->at, day, act->at + cur->strict_left, z);
        return;
    }
    /* KUHAP 24(1): day 1 is the day of the order; detained again, no more than the days left
     * of the stage's limit (24(4)), the court's extensions granted before still counted */
    int days = rs->detention_days.value;
    if (cur->ever_detained && stage_limit(rs) - cur->days_served < days)
        days = stage_limit(rs) - cur->days_served;
    if (days < 1) {
        missing_add(m, FACT_DETENTION_DAYS_LEFT);
        return;
    }
    begin_period(nx, DETP_INVESTIGATOR, days, act->at, day,
                 act->at + (int64_t)days * CALDATE_DAY_SECONDS, z);
    nx->ever_detained = true;
    nx->days_granted = days;
}

/* The days of the current detention served up to the release at `at`: granted, less those
 * left after the day of release (the day itself served), or less those kept at a suspension. */
static int served_until(const struct detention *cur, int64_t at, const struct tzone *z)
{
    int left = 0;
    if (cur->state == DET_DETAINED)
        left = caldate_diff(caldate_local_date(at, z), cur->end);
    else if (cur->state == DET_SUSPENDED)
        left = cur->days_left;
    else
        return 0;
    if (left < 0)
        left = 0;
    return cur->days_granted > left ? cur->days_granted - left : 0;
}

/* An extension by the Penuntut Umum (KUHAP 24(2): requested and granted
 * before the 20 days run out) or by the court (KUHAP 29: the first, then the
 * second), while the detention is in force. */
static void act_extend(const struct detention *cur, const struct detention_act *act,
                       const struct ruleset *rs, const struct tzone *z, const struct case_facts *f,
                       struct detention *nx, struct missing *m)
{
    bool court = act->event == EV_DETENTION_EXTENDED_COURT;
    if (court && f)
        guard_court_extension(f, m);
    if (act->at >= detention_expires_at(cur))
        missing_add(m, FACT_DETENTION_IN_FORCE);
    /* each no longer than the law's, and all together within the limit: 24(4)'s 60, with the
     * court's (29) 60 more, less the days served in an earlier detention */
    int max = court ? rs->detention_ext_court_days.value : rs->detention_ext_pu_days.value;
    int limit =
        stage_limit(rs) +
        (court ? rs->detention_ext_court_days.value * rs->detention_ext_court_count.value : 0);
    int room = limit - cur->days_served - cur->days_granted;
    int days = extension_days(act, room < max ? room : max, m);
    if (m->n != 0)
        return;
    if (!court) {
        extend(nx, DETP_PU, days, z);
        return;
    }
    extend(nx, cur->court_extensions == 0 ? DETP_COURT_1 : DETP_COURT_2, days, z);
    nx->court_extensions = cur->court_extensions + 1;
}

/* A detention in force suspended (KUHAP 31(1)): the days and the hours left
 * are kept for a resumption. */
static void act_suspend(const struct detention *cur, const struct detention_act *act,
                        const struct tzone *z, struct detention *nx, struct missing *m)
{
    if (act->at >= detention_expires_at(cur)) {
        missing_add(m, FACT_DETENTION_IN_FORCE);
        return;
    }
    struct caldate day = caldate_local_date(act->at, z);
    nx->state = DET_SUSPENDED;
    nx->suspended_on = day;
    nx->days_left = caldate_diff(day, cur->end);
    nx->strict_left = cur->strict_end_at - act->at;
}

/* The guards and the arithmetic, once the state accepts the act.  Fills
 * res->missing on refusal and leaves nx unspecified. */
static void apply_act(const struct detention *cur, const struct detention_act *act,
                      const struct ruleset *rs, const struct tzone *z, const struct case_facts *f,
                      struct detention *nx, struct det_result *res)
{
    struct missing *m = &res->missing;
    switch (act->event) {
    case EV_ARRESTED:
        if (f)
            guard_arrest(f, m);
        nx->state = DET_ARRESTED;
        nx->arrested_at = act->at;
        nx->arrest_ends_at = act->at + (int64_t)rs->arrest_hours.value * 3600;
        break;
    case EV_DETAINED:
        act_detain(cur, act, rs, z, f, nx, m);
        break;
    case EV_DETENTION_EXTENDED_PU:
    case EV_DETENTION_EXTENDED_COURT:
        act_extend(cur, act, rs, z, f, nx, m);
        break;
    case EV_DETENTION_SUSPENDED:
        act_suspend(cur, act, z, nx, m);
        break;
    case EV_DETENTION_TYPE_CHANGED:
        nx->type = act->type;
        break;
    case EV_RELEASED:
        nx->days_served = cur->days_served + served_until(cur, act->at, z);
        nx->state = DET_RELEASED;
        break;
    case EV_DETENSI_STARTED:
        nx->in_detensi = true;
        nx->detensi_since_at = act->at;
        break;
    case EV_DETENSI_ENDED:
        nx->in_detensi = false;
        break;
    default:
        break;
    }
}

bool detention_apply(const struct detention *cur, const struct detention_act *act,
                     const struct ruleset *rules, const struct tzone *z, const struct case_facts *f,
                     struct detention *next, struct det_result *res)
{
    struct det_result local;
    if (!res)
        res = &local;
    memset(res, 0, sizeof *res);
    struct detention nx = *cur;

    if (!act || !event_is_detention(act->event) || !rules || !z ||
        (act->event == EV_DETAINED || act->event == EV_DETENTION_TYPE_CHANGED
             ? (int)act->type < 0 || act->type >= DETT__COUNT
             : false)) {
        res->verdict = DET_INVALID;
        snprintf(res->reason, sizeof res->reason,
                 "Peristiwa penahanan, jenis tahanan atau aturan tidak dikenal");
        *next = *cur;
        return false;
    }
    char buf[160];
    const char *why = state_refusal(cur, act->event, rules, buf, sizeof buf);
    if (why) {
        refuse_state(cur, rules, act->event, why, res);
        *next = *cur;
        return false;
    }
    apply_act(cur, act, rules, z, f, &nx, res);
    if (res->missing.n > 0) {
        refuse_guard(act->event, res);
        *next = *cur;
        return false;
    }
    res->verdict = DET_ALLOWED;
    *next = nx;
    return true;
}

const char *det_state_code(enum det_state s)
{
    return (int)s >= 0 && s < DET__COUNT ? states[s].code : "";
}

const char *det_state_label(enum det_state s)
{
    return (int)s >= 0 && s < DET__COUNT ? states[s].label : "";
}

const char *det_period_code(enum det_period p)
{
    return (int)p >= 0 && p < DETP__COUNT ? periods[p].code : "";
}

const char *det_period_label(enum det_period p, enum regime r)
{
    if ((int)p < 0 || p >= DETP__COUNT)
        return "";
    return r == REGIME_KUHAP_2025 ? periods[p].label_2025 : periods[p].label_1981;
}

const char *det_type_code(enum det_type t)
{
    return (int)t >= 0 && t < DETT__COUNT ? types[t].code : "";
}

const char *det_type_label(enum det_type t)
{
    return (int)t >= 0 && t < DETT__COUNT ? types[t].label : "";
}

bool det_type_lookup(const char *code, enum det_type *out)
{
    if (!code)
        return false;
    for (int i = 0; i < DETT__COUNT; i++)
        if (strcmp(types[i].code, code) == 0) {
            *out = (enum det_type)i;
            return true;
        }
    return false;
}

bool detention_equal(const struct detention *x, const struct detention *y)
{
    return x->state == y->state && x->period == y->period && x->type == y->type &&
           x->ever_detained == y->ever_detained && x->court_extensions == y->court_extensions &&
           x->arrested_at == y->arrested_at && x->arrest_ends_at == y->arrest_ends_at &&
           x->period_days == y->period_days && x->days_granted == y->days_granted &&
           x->days_served == y->days_served && x->started_at == y->started_at &&
           caldate_cmp(x->start, y->start) == 0 && caldate_cmp(x->end, y->end) == 0 &&
           x->day_end_at == y->day_end_at && x->strict_end_at == y->strict_end_at &&
           caldate_cmp(x->suspended_on, y->suspended_on) == 0 && x->days_left == y->days_left &&
           x->strict_left == y->strict_left && x->in_detensi == y->in_detensi &&
           x->detensi_since_at == y->detensi_since_at;
}
