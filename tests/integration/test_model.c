/*
 * test_model.c - the case file against its model, over real HTTP
 * (issue 4 item 7; RELIABILITY.md B10, L2, L4, F6, and B5's chain check).
 *
 * The model test drives a seeded random walk of legal and illegal acts
 * through a real berkasd.  It keeps its own copy of every case (the log of
 * accepted acts as the core's struct case_event, the stage, each suspect's
 * detention state) and, before each request, asks the core what must happen:
 * fsm_apply() with the facts evlog_facts() derives plus the offences it
 * charged, detention_apply() for acts on a suspect.  The server's answer
 * must agree: 201 with the same stage, 409 listing the same events, 422
 * naming the same missing facts.  The few answers the core does not decide
 * (role, visibility, version, dates, input shape) follow the order of checks
 * in server/app/events.c and are modelled here from the API's rules.
 *
 * The rules of issue 13 are not asked of the core at all: the model states
 * them here, from the law, and the server must agree with that statement.
 * Which fields each act takes; that `date` and `at` name one day; the order
 * of act dates (no act before one it depends on, KUHAP and the P-form
 * cycle, written out below as a list of its own); P-21 only on a file the
 * prosecutor received; no extension of a detention once no detainable
 * offence is charged; a submission received once; a return within the
 * prosecutor's 14 days of receiving the file or with a reason (KUHAP
 * 110(4)); the P-19 once, a later return an ordinary letter naming the
 * unmet items (SE B-3326/2011); the investigator's receipt of a return once;
 * P-20 only after his 14 days from that receipt, or from the return (KUHAP
 * 138(2)).  The Ketua PN's hand in a search or a seizure (DOMAIN 4.9, D8):
 * each done under his izin of its purpose given on or before it, or in
 * urgency (KUHAP 33(1), 34, 38); his Penetapan an izin or the persetujuan of
 * one urgent act of its purpose done before it, approved once; the report of
 * an urgent act to him, once and not after its approval, meeting the
 * approval's clock (pn_approval_days after the act; compared as read back);
 * no correction pulling a permit from under its act, or an urgent act from
 * under its approval or report, or re-dating either past the other.  A P-19
 * item answered by an act of the case that completes the file, standing and
 * done on or after the return that carried it (KUHAP 110(3), 138(2)), which
 * no correction may then withdraw or re-date before that return.  Where a
 * stage's guard mixes those with older facts,
 * the model takes the core's older facts and its own new ones, and compares
 * the sets.
 *
 * The other tests prove what the model test cannot: concurrent writers on
 * one case lose and duplicate nothing, an idempotent retry writes once and
 * answers the same bytes, and the chain check names an edited or deleted row.
 *
 * BERKAS_MODEL_SEED and BERKAS_MODEL_STEPS reproduce or lengthen a run.
 */
#include <check.h>
#include <curl/curl.h>
#include <jansson.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/caldate.h"
#include "core/detention.h"
#include "core/event.h"
#include "core/evlog.h"
#include "core/facts.h"
#include "core/fsm.h"
#include "core/ruleset.h"
#include "core/stage.h"
#include "harness.h"
#include "suites.h"

#define DEFAULT_SEED  20260102ULL
#define DEFAULT_STEPS 10000

static struct demo_server demo;
static const char *tok_sup, *tok_admin;

/* ---- HTTP with keep-alive: one easy handle per client --------------------------- */

struct client {
    CURL *curl;
    int port;
    char *buf; /* the last answer's body, NUL-terminated */
    size_t len, cap;
};

static size_t client_write(char *data, size_t size, size_t nmemb, void *userp)
{
    struct client *c = userp;
    size_t n = size * nmemb;
    if (c->len + n + 1 > c->cap) {
        size_t cap = (c->len + n + 1) * 2;
        char *grown = realloc(c->buf, cap);
        if (!grown)
            return 0;
        c->buf = grown;
        c->cap = cap;
    }
    memcpy(c->buf + c->len, data, n);
    c->len += n;
    c->buf[c->len] = '\0';
    return n;
}

static bool client_init(struct client *c, int on_port)
{
    memset(c, 0, sizeof *c);
    c->port = on_port;
    c->curl = curl_easy_init();
    if (!c->curl)
        return false;
    curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, client_write);
    curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, c);
    curl_easy_setopt(c->curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
    return true;
}

static void client_free(struct client *c)
{
    if (c->curl)
        curl_easy_cleanup(c->curl);
    free(c->buf);
    memset(c, 0, sizeof *c);
}

/* method path as token with an optional JSON body, If-Match (when >= 0) and
 * Idempotency-Key (when not NULL).  The status, or 0 on a transport error;
 * the body is in c->buf. */
static long client_call(struct client *c, const char *method, const char *path, const char *token,
                        const char *body, int if_match, const char *key)
{
    char url[256], auth[256], im[48], ik[256];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", c->port, path);
    struct curl_slist *h = NULL;
    if (token) {
        snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
        h = curl_slist_append(h, auth);
    }
    if (body)
        h = curl_slist_append(h, "Content-Type: application/json");
    if (if_match >= 0) {
        snprintf(im, sizeof im, "If-Match: \"%d\"", if_match);
        h = curl_slist_append(h, im);
    }
    if (key) {
        snprintf(ik, sizeof ik, "Idempotency-Key: %s", key);
        h = curl_slist_append(h, ik);
    }
    c->len = 0;
    if (c->buf)
        c->buf[0] = '\0';
    curl_easy_setopt(c->curl, CURLOPT_URL, url);
    if (strcmp(method, "GET") == 0) {
        curl_easy_setopt(c->curl, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, body ? body : "");
        curl_easy_setopt(c->curl, CURLOPT_POSTFIELDSIZE, (long)(body ? strlen(body) : 0));
    }
    curl_easy_setopt(c->curl, CURLOPT_CUSTOMREQUEST,
                     strcmp(method, "GET") == 0 || strcmp(method, "POST") == 0 ? NULL : method);
    curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, h);
    long status = 0;
    if (curl_easy_perform(c->curl) == CURLE_OK)
        curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, NULL);
    curl_slist_free_all(h);
    if (!c->buf)
        client_write("", 1, 0, c);
    return status;
}

/* The last answer as JSON (caller decrefs), or NULL. */
static json_t *client_json(const struct client *c)
{
    return c->buf ? json_loads(c->buf, 0, NULL) : NULL;
}

static long long json_id(json_t *j, const char *key)
{
    json_t *v = json_object_get(j, key);
    return json_is_integer(v) ? (long long)json_integer_value(v) : 0;
}

static const char *json_str(json_t *j, const char *key)
{
    const char *s = json_string_value(json_object_get(j, key));
    return s ? s : "";
}

/* POST a JSON object (stolen) as token; the new object's "id", or 0. */
static long long post_id(struct client *c, const char *path, const char *token, json_t *body,
                         long want)
{
    char *text = json_dumps(body, JSON_COMPACT);
    json_decref(body);
    long st = client_call(c, "POST", path, token, text, -1, NULL);
    free(text);
    if (st != want)
        return 0;
    json_t *j = client_json(c);
    long long id = json_id(j, "id");
    json_decref(j);
    return id;
}

/* ---- the suite's server ------------------------------------------------------------ */

static void setup(void)
{
    demo_server_start(&demo, "model_suite");
    /* this suite checks the stage machine's own guards; the documents that
     * Tahap I also needs (issue 8) are checked in test_acts.c */
    harness_setting(demo.db, "dossier.tahap1_requires_documents", "false");
    tok_sup = demo_server_login(&demo, NIP_SUP_PLG);
    tok_admin = demo_server_login(&demo, NIP_ADMIN_DITJEN);
}

static void teardown(void)
{
    demo_server_stop(&demo);
}

/* Open a case at KANIM-PLG for KEJARI-PLG, opened on `opened`; its id or 0. */
static long long open_case(struct client *c, const char *token, long long kejari,
                           struct caldate opened, const char *summary)
{
    char d[CALDATE_DATE_LEN];
    caldate_format(opened, d, sizeof d);
    return post_id(c, "/api/v1/cases", token,
                   json_pack("{s:I, s:s, s:s, s:s}", "kejari_id", (json_int_t)kejari, "source",
                             "jagratara", "opened_on", d, "summary", summary),
                   201);
}

static const struct tzone *wib(void)
{
    return caldate_zone("Asia/Jakarta");
}

static struct caldate today_wib(void)
{
    return caldate_local_date((int64_t)time(NULL), wib());
}

/* ---- the model ------------------------------------------------------------------------ */

#define POOL       12 /* cases open at once */
#define MAX_SUS    3
#define MAX_LOG    260
#define MAX_INSTR  96
#define MAX_REPORT 8
#define MAX_KINDS  32
#define MAX_GIVEN  400

enum { OFF_122, OFF_116, OFF_117, OFF_120, OFF_113, NOFF };
static const char *const off_codes[NOFF] = {"122", "116", "117", "120", "113"};
struct offence {
    int months;
    bool detainable, short_procedure;
};
static struct offence catalogue[NOFF];

/* What a case is charged with: an offence to the case (suspect -1) or to
 * one suspect (an index, clamped to the suspects there are). */
struct charge {
    int off;
    int suspect;
};
static const struct {
    int n;
    struct charge c[2];
} profiles[] = {
    {1, {{OFF_122, -1}}},                /* detainable, 5 years */
    {1, {{OFF_116, -1}}},                /* short procedure only */
    {2, {{OFF_120, 0}, {OFF_116, 1}}},   /* 15 years for one, Pasal 116 for another */
    {1, {{OFF_113, -1}}},                /* neither detainable nor short */
    {2, {{OFF_116, -1}, {OFF_117, -1}}}, /* both short */
    {0, {{0, 0}}},                       /* nothing charged yet */
    {2, {{OFF_122, 0}, {OFF_113, -1}}},  /* detainable for one suspect only */
    {1, {{OFF_120, -1}}},                /* court extensions possible */
};
#define NPROFILES ((int)(sizeof profiles / sizeof profiles[0]))

struct mcase {
    long long id;
    long long item_id; /* its item of evidence, which a deposit deposits */
    int nsus;
    long long sus_id[MAX_SUS];
    long long witness_id;
    int ncharges;
    struct charge charges[2];
    long long charge_id[2]; /* their rows, for a withdrawal */
    struct caldate opened;
    int64_t clock; /* the instant of the case's latest act */
    int n;         /* accepted events, report_registered included */
    struct case_event log[MAX_LOG];
    long long log_id[MAX_LOG];
    enum stage stage;
    struct detention det[MAX_SUS];
    bool disclosed; /* SPDP, Tahap I or short handover recorded: the Kejari sees it */
    int nopen;
    long long open_instr[MAX_INSTR];
    long long answered_instr;
    int nanswered;
    long long answered[MAX_INSTR]; /* answered items, for a letter naming them unmet */
    int idle;                      /* steps spent in a terminal stage */
    bool desynced;                 /* server and model parted: compare it no more */
    /* what the log's acts name beyond struct case_event (DOMAIN 4.9, D8; the P-19's answers):
     * a search or seizure, or its correction, the izin it cites (log index, -1: none); a
     * Penetapan, 'i' izin or 'p' persetujuan, and its purpose (search_done or seizure_done);
     * an answer, the act that fulfils its item and the return that carried the item (-1) */
    int permit[MAX_LOG];
    char pkind[MAX_LOG];
    bool refused[MAX_LOG]; /* ... the Ketua PN's refusal (decision ditolak) */
    enum event pfor[MAX_LOG];
    int answer_act[MAX_LOG], answer_given[MAX_LOG];
    const char *ground[MAX_LOG];  /* an SP3, or a correction of one: the ground it sent, or NULL */
    const char *rground[MAX_LOG]; /* a release: the ground it was recorded on (NULL: none) */
    int ngiven; /* each P-19 item (and each reopened by a later return): its return */
    long long given_id[MAX_GIVEN];
    int given_ix[MAX_GIVEN];
};

/* One request as the model builds it. */
struct req {
    enum event ev;
    long long deposit_item; /* a new deposit: the item it deposits (app/deposit.h) */
    unsigned role;          /* one ACTOR_* bit; 0 for an administrator */
    bool timed;
    int64_t at;
    struct caldate date;
    long long party;
    int suspect; /* the suspect index the party is, or -1 */
    bool witness;
    const char *bap;
    enum bap_kind bapk;
    int days;
    bool has_type;
    enum det_type type;
    bool polri_order, polri_involved, severe_illness;
    int ninstr;
    long long instruction;
    int ref;
    long long ref_id;
    bool withdraws;
    bool has_due;
    struct caldate due;
    bool has_note;           /* issue 10: a direction's text, done's note, reassignment's reason */
    bool foreign;            /* corrected: the original is an act another role records */
    int extra;               /* a field added that the act does not take (enum mfield), or -1 */
    bool late_reason;        /* a return after the prosecutor's period, with its reason */
    const char *ground;      /* sp3_issued, released: the ground sent, or NULL */
    bool has_appearance;     /* summons_served: names the day to appear ... */
    int appear_in;           /* ... this many days after the day it is served */
    bool urgent;             /* ... and says why it is urgent; a search or seizure: done in urgency
                                without the Ketua PN's permit (KUHAP 34, 38(2)) */
    const char *permit_kind; /* court_permit_received: izin or persetujuan (as sent), or NULL */
    const char *permit_for;  /* ... penggeledahan or penyitaan (as sent), or NULL */
    const char *court;       /* ... the Pengadilan Negeri (as sent), or NULL */
    const char *decision;    /* ... dikabulkan or ditolak (as sent), or NULL: granted */
    long long permit_act;    /* a search or seizure: the izin it cites (an event id), or 0 */
    int permit_ix;           /* ... its log index in this case, -1 if none of it */
    long long approves;      /* a persetujuan, a report to the Ketua PN: the urgent act named */
    int approves_ix;         /* ... its log index in this case, or -1 */
    bool report;             /* letter_delivered to ketua_pn_persetujuan (KUHAP 34, 38(2)) */
    long long answer_act;    /* instruction_answered: the act that fulfils the item, or 0 */
    int answer_ix;           /* ... its log index in this case, or -1 */
    bool unlawful;           /* detained: recorded as unlawful with a reason (KUHAP 19(1)) */
    const char *notice;      /* letter_delivered: the notice it delivers (recipient), or NULL */
    const char *sent_to;     /* spdp_sent (or a correction of one): its addressee, or NULL */
    const char *sp3_to;      /* sp3_notified (or a correction of one): its addressee, or NULL */
    bool received;           /* ... and who received it */
    int nunmet;              /* a later return: the items it names unmet */
    long long unmet[2];
    bool both;           /* sends `date` beside `at` ... */
    struct caldate said; /* ... this one */
    int if_match;
    bool stale;
    char key[64];
};

/* What the model says the server must answer. */
struct expect {
    long status;
    const char *type;  /* problem type after urn:berkas:problem:, or NULL */
    const char *field; /* 400: the field named */
    bool has_allowed;
    int nallowed;
    enum event allowed[EV__COUNT];
    bool has_missing;
    struct missing missing;
    enum stage to;
    struct detention det;
    struct case_event ce;
    const char *why; /* which rule decided, for the report */
};

struct model {
    struct client cl;
    uint64_t rng;
    uint64_t seed;
    struct ruleset rules[RULESET_BUILTIN_COUNT];
    struct mcase *pool[POOL];
    long counts[600];
    long opened, accepted;
    long corrections, loadable; /* accepted corrections; cases that loaded after them */
    int nmis;
    char report[MAX_REPORT][1400];
    int nkinds; /* mismatches grouped by (event, role, model's answer, server's status) */
    struct {
        char sig[160];
        int count, first_step;
    } kinds[MAX_KINDS];
    bool tried[ST__COUNT][EV__COUNT], took[ST__COUNT][EV__COUNT];
    /* accepted: izin, persetujuan, searches and seizures under an izin, in urgency, reports to
     * the Ketua PN, answers naming the act that fulfils the item; clocks compared */
    long izin, persetujuan, under_izin, urgent, reports, answer_acts, pn_clocks;
    int nwhys; /* the model's answers by the rule that decided them */
    struct {
        const char *why;
        long count;
    } whys[80];
};

static uint64_t rng_next(struct model *m)
{
    /* splitmix64 */
    uint64_t z = (m->rng += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int rnd(struct model *m, int n)
{
    return n <= 0 ? 0 : (int)(rng_next(m) % (uint64_t)n);
}

static bool chance(struct model *m, int percent)
{
    return rnd(m, 100) < percent;
}

static void mismatch(struct model *m, int step, const struct mcase *mc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void mismatch(struct model *m, int step, const struct mcase *mc, const char *fmt, ...)
{
    if (m->nmis < MAX_REPORT) {
        char *r = m->report[m->nmis];
        int w = snprintf(r, sizeof m->report[0], "step %d (seed %llu), case %lld in %s: ", step,
                         (unsigned long long)m->seed, mc ? mc->id : 0LL,
                         mc ? stage_code(mc->stage) : "-");
        va_list ap;
        va_start(ap, fmt);
        if (w >= 0 && (size_t)w < sizeof m->report[0])
            vsnprintf(r + w, sizeof m->report[0] - (size_t)w, fmt, ap);
        va_end(ap);
    }
    m->nmis++;
}

/* Count a mismatch under its kind, so that one cause does not hide another. */
static void note_kind(struct model *m, const char *sig, int step)
{
    int k = 0;
    while (k < m->nkinds && strcmp(m->kinds[k].sig, sig) != 0)
        k++;
    if (k == m->nkinds && k < MAX_KINDS) {
        snprintf(m->kinds[k].sig, sizeof m->kinds[k].sig, "%s", sig);
        m->kinds[k].first_step = step;
        m->nkinds++;
    }
    if (k < m->nkinds)
        m->kinds[k].count++;
}

/* The facts the server derives for an act on `suspect` (or -1) dated date:
 * the log's, plus the offences charged to that suspect or to the case
 * (app/casefile.c's rule, restated). */
static void model_facts(const struct model *m, const struct mcase *mc, int suspect,
                        struct caldate date, struct case_facts *f)
{
    memset(f, 0, sizeof *f);
    f->rulesets = m->rules;
    f->nrulesets = RULESET_BUILTIN_COUNT;
    f->act_date = date;
    evlog_facts(mc->log, mc->n, wib(), f);
    bool all_short = true;
    for (int i = 0; i < mc->ncharges; i++) {
        const struct charge *c = &mc->charges[i];
        if (suspect >= 0 && c->suspect >= 0 && c->suspect != suspect)
            continue;
        const struct offence *o = &catalogue[c->off];
        f->offences++;
        if (o->months > f->max_prison_months)
            f->max_prison_months = o->months;
        if (o->detainable)
            f->offence_detainable = true;
        if (!o->short_procedure)
            all_short = false;
    }
    f->short_procedure_only = f->offences > 0 && all_short;
}

/* Each suspect's detention replayed from the effective log without guards,
 * as the server rebuilds it (after a correction the increments no longer
 * hold). */
static void replay_detention(const struct model *m, struct mcase *mc)
{
    for (int s = 0; s < mc->nsus; s++) {
        detention_init(&mc->det[s]);
        for (int i = 0; i < mc->n; i++) {
            struct case_event e;
            if (!evlog_effective(mc->log, mc->n, i, &e) || e.suspect != s ||
                !event_is_detention(e.event))
                continue;
            struct caldate d = evlog_date(&e, wib());
            const struct ruleset *rs = ruleset_for_date(m->rules, RULESET_BUILTIN_COUNT, d);
            struct detention_act act = {.event = e.event,
                                        .at = evlog_instant(&e, wib()),
                                        .type = e.det_type,
                                        .days = e.days};
            if (rs)
                detention_apply(&mc->det[s], &act, rs, wib(), NULL, &mc->det[s], NULL);
        }
    }
}

/* The event the server will store for r (its details as the log reads them). */
#define N_NOTICES 8

/* Whether a recipient is the SPDP's (Permenkumham 39/2021 Pasal 27), and
 * whether it names one suspect: the family's copies, the consulate's
 * notice, the SPDP to a suspect or to his representation. */
static bool model_spdp_notice(const char *code)
{
    return code && strncmp(code, "spdp_", 5) == 0;
}

/* The SPDP's addressees (the law's, stated here apart from core/event.c). */
static bool model_spdp_addressee(const char *code)
{
    static const char *const to[] = {"kejari",  "korwas", "reporter",
                                     "suspect", "family", "embassy"};
    for (size_t i = 0; code && i < sizeof to / sizeof to[0]; i++)
        if (strcmp(code, to[i]) == 0)
            return true;
    return false;
}

/* The SP3 notice's addressees (the law's, stated here apart from core/event.c). */
static bool model_sp3_addressee(const char *code)
{
    static const char *const to[] = {"kejari", "korwas", "suspect", "family", "reporter"};
    for (size_t i = 0; code && i < sizeof to / sizeof to[0]; i++)
        if (strcmp(code, to[i]) == 0)
            return true;
    return false;
}

static bool model_notice_of_suspect(const char *code)
{
    return code && (!model_spdp_notice(code) || strcmp(code, "spdp_tersangka") == 0 ||
                    strcmp(code, "spdp_perwakilan_negara") == 0);
}

static struct case_event model_event(const struct req *r)
{
    struct case_event e = evlog_event(r->ev, r->date);
    if (r->timed) {
        e.at = r->at;
        e.has_time = true;
        e.date = caldate_local_date(r->at, wib());
    }
    e.suspect = r->suspect;
    e.ref = r->ref;
    e.withdraws = r->withdraws;
    e.items = r->ninstr;
    e.days = r->days;
    if (r->has_type)
        e.det_type = r->type;
    e.bap = r->bapk;
    if (r->has_due)
        e.due = r->due;
    e.late_return = r->late_reason;
    e.urgent = r->urgent && r->ev != EV_SUMMONS_SERVED; /* a search's or a seizure's */
    e.items = r->ninstr + r->nunmet;
    /* the SPDP to the prosecutor, or a correction of it naming him again */
    if (r->sent_to && strcmp(r->sent_to, "kejari") == 0)
        e.notice = NOTICE_SPDP_KEJARI;
    /* the SP3's notice to the addressee it names (the law's five, stated here apart from
     * core/event.c); one outside them is no one's */
    static const struct {
        const char *code;
        enum sp3_recipient to;
    } sp3s[] = {{"kejari", SP3_TO_KEJARI},
                {"korwas", SP3_TO_KORWAS},
                {"suspect", SP3_TO_SUSPECT},
                {"family", SP3_TO_FAMILY},
                {"reporter", SP3_TO_REPORTER}};
    if (r->sp3_to)
        e.sp3_to = SP3_TO_NONE;
    for (size_t k = 0; r->sp3_to && k < sizeof sp3s / sizeof sp3s[0]; k++)
        if (strcmp(r->sp3_to, sp3s[k].code) == 0)
            e.sp3_to = sp3s[k].to;
    /* the notice a letter delivers, by the recipient it names */
    static const struct {
        const char *code;
        enum notice_kind kind;
    } notices[] = {{"keluarga_penangkapan", NOTICE_FAMILY_ARREST},
                   {"keluarga_penahanan", NOTICE_FAMILY_DETENTION},
                   {"perwakilan_negara", NOTICE_CONSULAR},
                   {"spdp_kejari", NOTICE_SPDP_KEJARI},
                   {"spdp_korwas", NOTICE_SPDP_KORWAS},
                   {"spdp_pelapor", NOTICE_SPDP_PELAPOR},
                   {"spdp_tersangka", NOTICE_SPDP_TERSANGKA},
                   {"spdp_perwakilan_negara", NOTICE_SPDP_PERWAKILAN}};
    for (size_t k = 0; r->ev == EV_LETTER_DELIVERED && r->notice && k < N_NOTICES; k++)
        if (strcmp(r->notice, notices[k].code) == 0)
            e.notice = notices[k].kind;
    return e;
}

/* ---- the fields an act takes (issue 13.11), stated from the acts ------------------------- */

/* The input fields beyond type, date, at, number and note, in the order the
 * API lists them (a request with several at fault is told of the first). */
enum mfield {
    MF_PARTY,
    MF_BAP,
    MF_DAYS,
    MF_DETENTION_TYPE,
    MF_RECIPIENT,
    MF_GROUND,
    MF_POLRI_ORDER,
    MF_POLRI_INVOLVED,
    MF_SEVERE_ILLNESS,
    MF_INSTRUCTIONS,
    MF_INSTRUCTION_ID,
    MF_ANSWER,
    MF_CORRECTS,
    MF_WITHDRAWS,
    MF_DUE,
    MF_DIRECTION,
    MF_LATE_REASON,
    MF_UNMET,
    MF_TO,
    MF_JAKSA,
    MF_TEAM,
    MF_APPEARANCE,
    MF_URGENT_REASON,
    MF_UNLAWFUL_REASON,
    MF_RECEIVED_BY,
    MF_ANSWER_ACT,
    MF_PERMIT_KIND,
    MF_PERMIT_FOR,
    MF_PERMIT_ACT,
    MF_APPROVES,
    MF_DECISION,
    MF_COURT,
    NMF
};
static const char *const mfield_names[NMF] = {"party_id",
                                              "bap",
                                              "days",
                                              "detention_type",
                                              "recipient",
                                              "ground",
                                              "polri_order",
                                              "polri_involved",
                                              "severe_illness",
                                              "instructions",
                                              "instruction_id",
                                              "answer",
                                              "corrects",
                                              "withdraws",
                                              "due",
                                              "direction",
                                              "late_reason",
                                              "unmet",
                                              "to",
                                              "jaksa",
                                              "team",
                                              "appearance",
                                              "urgent_reason",
                                              "unlawful_reason",
                                              "received_by",
                                              "answer_act",
                                              "permit_kind",
                                              "permit_for",
                                              "permit_act",
                                              "approves",
                                              "decision",
                                              "court"};

/* Whether an act of type `as` takes field f: the person it concerns (acts on
 * a suspect, examinations, summonses, oaths), the BAP's kind, the days of an
 * extension, the kind of custody, to whom a notice went, the SP3's ground and
 * the Polri's part in it, the Polri order for an arrest or detention, the
 * doctor's certificate for a court extension (KUHAP 29(1)(a)), a P-19's
 * items and their answers, a direction's due date and the direction done. */
static bool model_takes(enum event as, enum mfield f)
{
    switch (f) {
    case MF_PARTY:
        return event_info(as)->per_suspect || as == EV_BAP_RECORDED || as == EV_SUMMONS_SERVED ||
               as == EV_INTERPRETER_SWORN || as == EV_LETTER_DELIVERED;
    case MF_BAP:
        return as == EV_BAP_RECORDED;
    case MF_DAYS:
        return as == EV_DETENTION_EXTENDED_PU || as == EV_DETENTION_EXTENDED_COURT;
    case MF_DETENTION_TYPE:
        return as == EV_DETAINED || as == EV_DETENTION_TYPE_CHANGED;
    case MF_RECIPIENT: /* and a letter delivering a notice of arrest or detention (13.7) */
        return as == EV_SPDP_SENT || as == EV_SP3_NOTIFIED || as == EV_LETTER_DELIVERED;
    case MF_RECEIVED_BY:
        return as == EV_LETTER_DELIVERED;
    case MF_GROUND: /* and a release's (KUHAP 24(3)-(4), 26(4), 31; core/relground.h) */
        return as == EV_SP3_ISSUED || as == EV_RELEASED;
    case MF_POLRI_INVOLVED:
        return as == EV_SP3_ISSUED;
    case MF_POLRI_ORDER:
        return as == EV_ARRESTED || as == EV_DETAINED;
    case MF_SEVERE_ILLNESS:
        return as == EV_DETENTION_EXTENDED_COURT;
    case MF_INSTRUCTIONS:
        return as == EV_P19_RECEIVED;
    case MF_INSTRUCTION_ID:
    case MF_ANSWER:
    case MF_ANSWER_ACT: /* the act whose paper fulfils the item (KUHAP 110(3), 138(2)) */
        return as == EV_INSTRUCTION_ANSWERED;
    case MF_DUE:
        return as == EV_DIRECTION_GIVEN;
    case MF_DIRECTION:
        return as == EV_DIRECTION_DONE;
    case MF_LATE_REASON: /* a return, first or later */
        return as == EV_P19_RECEIVED || as == EV_RETURN_LETTER_RECEIVED;
    case MF_UNMET:
        return as == EV_RETURN_LETTER_RECEIVED;
    case MF_APPEARANCE: /* KUHAP 227(1): the day a summons calls one to appear */
        return as == EV_SUMMONS_SERVED;
    case MF_URGENT_REASON: /* a short summons; a search or seizure without the Ketua PN's
                              permit (KUHAP 34, 38(2)) */
        return as == EV_SUMMONS_SERVED || as == EV_SEARCH_DONE || as == EV_SEIZURE_DONE;
    case MF_PERMIT_ACT: /* the permit a search or seizure was done under (KUHAP 33(1), 38(1)) */
        return as == EV_SEARCH_DONE || as == EV_SEIZURE_DONE;
    case MF_PERMIT_KIND: /* the Ketua PN's Penetapan: what it is, for what */
    case MF_PERMIT_FOR:
    case MF_DECISION: /* the Ketua PN's answer: granted, or refused */
        return as == EV_COURT_PERMIT_RECEIVED;
    case MF_COURT: /* the Pengadilan Negeri whose Ketua gave it, or extended a detention */
        return as == EV_COURT_PERMIT_RECEIVED || as == EV_DETENTION_EXTENDED_COURT;
    case MF_APPROVES: /* the urgent act a persetujuan approves, or a report to him names */
        return as == EV_COURT_PERMIT_RECEIVED || as == EV_LETTER_DELIVERED;
    case MF_UNLAWFUL_REASON: /* KUHAP 19(1): a detention after the arrest's day */
        return as == EV_DETAINED;
    default:
        return false;
    }
}

/* What request r may carry: a correction carries what the act it corrects
 * does, except what stays with the original (a P-19's items, an answer,
 * the direction done); a withdrawal carries nothing but itself. */
static bool req_takes(const struct mcase *mc, const struct req *r, enum mfield f)
{
    if (r->ev != EV_CORRECTED)
        return model_takes(r->ev, f);
    if (f == MF_CORRECTS)
        return true;
    if (r->withdraws)
        return f == MF_WITHDRAWS;
    if (f == MF_INSTRUCTIONS || f == MF_UNMET || f == MF_INSTRUCTION_ID || f == MF_ANSWER ||
        f == MF_ANSWER_ACT || f == MF_DIRECTION || f == MF_PERMIT_KIND || f == MF_PERMIT_FOR ||
        f == MF_APPROVES || f == MF_DECISION)
        return false; /* what a Penetapan is and approves stays with it, as an answer's act */
    return model_takes(mc->log[r->ref].event, f);
}

static bool req_sends(const struct req *r, enum mfield f)
{
    switch (f) {
    case MF_PARTY:
        return r->party != 0;
    case MF_BAP:
        return r->bap != NULL;
    case MF_DAYS:
        return r->days != 0;
    case MF_DETENTION_TYPE:
        return r->has_type;
    case MF_POLRI_ORDER:
        return r->polri_order;
    case MF_POLRI_INVOLVED:
        return r->polri_involved;
    case MF_SEVERE_ILLNESS:
        return r->severe_illness;
    case MF_INSTRUCTIONS:
        return r->ninstr > 0;
    case MF_INSTRUCTION_ID:
    case MF_ANSWER:
        return r->instruction != 0;
    case MF_CORRECTS:
        return r->ev == EV_CORRECTED;
    case MF_WITHDRAWS:
        return r->withdraws;
    case MF_DUE:
        return r->has_due;
    case MF_DIRECTION:
        return r->ev == EV_DIRECTION_DONE && r->ref >= 0;
    case MF_LATE_REASON:
        return r->late_reason;
    case MF_UNMET:
        return r->nunmet > 0;
    case MF_GROUND:
        return r->ground != NULL || r->extra == (int)f;
    case MF_APPEARANCE:
        return r->has_appearance || r->extra == (int)f;
    case MF_URGENT_REASON:
        return r->urgent || r->extra == (int)f;
    case MF_UNLAWFUL_REASON:
        return r->unlawful || r->extra == (int)f;
    case MF_RECIPIENT:
        return r->notice != NULL || r->report || r->sent_to != NULL || r->sp3_to != NULL ||
               r->extra == (int)f;
    case MF_RECEIVED_BY:
        return r->received || r->extra == (int)f;
    case MF_PERMIT_KIND:
        return r->permit_kind || r->extra == (int)f;
    case MF_PERMIT_FOR:
        return r->permit_for || r->extra == (int)f;
    case MF_PERMIT_ACT:
        return r->permit_act != 0;
    case MF_APPROVES:
        return r->approves != 0;
    case MF_ANSWER_ACT:
        return r->answer_act != 0;
    case MF_COURT:
        return r->court || r->extra == (int)f;
    case MF_DECISION:
        return r->decision || r->extra == (int)f;
    default:
        return r->extra == (int)f;
    }
}

/* The first field r sends that its act does not take, or -1. */
static int req_unexpected(const struct mcase *mc, const struct req *r)
{
    for (int f = 0; f < NMF; f++)
        if ((req_sends(r, (enum mfield)f) || r->extra == f) && !req_takes(mc, r, (enum mfield)f))
            return f;
    return -1;
}

/* ---- the order of act dates (issue 13.1), from the law ----------------------------------- */

/* Whether act x may not be dated before act y recorded earlier: the
 * acts of an investigation rest on its Sprindik (or its reopening) -- the
 * SPDP notifies it (KUHAP 109(1)), suspects are designated, summoned,
 * examined (KUHAP 75, 112) and detained (KUHAP 20(1)) under it, the resume
 * sums it up; a suspect is examined as one after his designation; the
 * Sprindik rests on the Laporan (Permenkumham 39/2021 Pasal 27(1)(a)), or
 * after a lapse or an SP3 on them; the short procedure's hand-over (UU 6/2011 Pasal 110(2)) on
 * the SPDP, the designations and the BAP of each suspect; Tahap I on the SPDP, the designations,
 * the BAP of each suspect and the resume (KUHAP 110(1)); the prosecutor's
 * receipt on the file sent (KUHAP 138(1)), his answers (P-18, P-19, P-21)
 * on the file sent and received; the SPDP's receipt, P-16 and P-17 on the
 * SPDP; the answers to a P-19, the re-send and P-20 on the P-19 (KUHAP
 * 110(3), 138(2)); what
 * follows a complete file on P-21 or the deemed completion; the SP3 on the
 * Sprindik or the return, and what follows it on the SP3; one suspect's
 * arrest, detention, extensions, suspension, release and detensi on each
 * other in turn (KUHAP 16-31). */
static bool model_depends(const struct case_event *x, const struct case_event *y)
{
    enum event X = x->event, Y = y->event;
    bool round = Y == EV_SPRINDIK_ISSUED || Y == EV_REOPENED;
    bool sent = Y == EV_TAHAP1_SENT || Y == EV_RESUBMITTED;
    bool complete = Y == EV_P21_RECEIVED || Y == EV_DEEMED_COMPLETE_CONFIRMED;
    bool returned = Y == EV_P19_RECEIVED || Y == EV_RETURN_LETTER_RECEIVED;
    bool received = Y == EV_TAHAP1_RECEIVED_BY_PU;
    if (event_is_detention(X) && event_is_detention(Y))
        return x->suspect == y->suspect;
    switch (X) {
    case EV_SPRINDIK_ISSUED:
        return Y == EV_REPORT_REGISTERED || Y == EV_LAPSED || Y == EV_SP3_ISSUED;
    case EV_SPDP_SENT:
    case EV_SUSPECT_DESIGNATED:
    case EV_SUMMONS_SERVED:
    case EV_RESUME_WRITTEN:
    case EV_DETAINED:
        return round;
    case EV_BAP_RECORDED:
        return round ||
               (x->bap == BAP_TERSANGKA && Y == EV_SUSPECT_DESIGNATED && y->suspect == x->suspect);
    case EV_TAHAP1_SENT:
        return round || Y == EV_SPDP_SENT || Y == EV_SUSPECT_DESIGNATED ||
               (Y == EV_BAP_RECORDED && y->bap == BAP_TERSANGKA) || Y == EV_RESUME_WRITTEN;
    case EV_SHORT_PROCEDURE_HANDOVER: /* UU 6/2011 Pasal 110(2): the suspect examined; KUHAP
                                         109(1) jo. MK 130/2015: the SPDP in every investigation */
        return round || Y == EV_SPDP_SENT || Y == EV_SUSPECT_DESIGNATED ||
               (Y == EV_BAP_RECORDED && y->bap == BAP_TERSANGKA);
    case EV_SP3_ISSUED:
        return round || returned;
    case EV_SPDP_RECEIVED_BY_PU:
        return Y == EV_SPDP_SENT;
    case EV_P16_RECEIVED: /* the PU appoints and asks after registering the SPDP it received */
    case EV_P17_RECEIVED:
        return Y == EV_SPDP_SENT || Y == EV_SPDP_RECEIVED_BY_PU;
    case EV_TAHAP1_RECEIVED_BY_PU:
        return sent;
    case EV_P18_RECEIVED:
        return received;
    case EV_P19_RECEIVED:
    case EV_P21_RECEIVED:
    case EV_DEEMED_COMPLETE_CONFIRMED:
        return sent || received;
    case EV_RETURN_LETTER_RECEIVED: /* and after the P-19 it follows */
        return sent || received || Y == EV_P19_RECEIVED;
    case EV_INSTRUCTION_ANSWERED:
    case EV_RETURNED_FILE_RECEIVED:
        return returned;
    case EV_P20_RECEIVED:
        return returned || Y == EV_RETURNED_FILE_RECEIVED;
    case EV_RESUBMITTED:
        return returned || Y == EV_INSTRUCTION_ANSWERED;
    case EV_P21A_RECEIVED:
    case EV_P22_RECEIVED:
    case EV_P23_RECEIVED:
    case EV_TAHAP2_DONE:
    case EV_LAPSED:
        return complete;
    case EV_SP3_NOTIFIED:
    case EV_REOPENED:
    case EV_TAK_DECIDED:
        return Y == EV_SP3_ISSUED;
    case EV_LETTER_DELIVERED:
        /* a notice tells of an act done (KUHAP 18(3), 21(3)): the family's
         * copy of his arrest's or detention's order comes after it; the
         * SPDP is received after it was sent (Permenkumham 39/2021 Pasal
         * 27); the consular notice: model_out_of_order */
        if (x->notice == NOTICE_FAMILY_ARREST)
            return Y == EV_ARRESTED && y->suspect == x->suspect;
        if (x->notice == NOTICE_FAMILY_DETENTION)
            return Y == EV_DETAINED && y->suspect == x->suspect;
        return x->notice >= NOTICE_SPDP_KEJARI && x->notice <= NOTICE_SPDP_PERWAKILAN &&
               Y == EV_SPDP_SENT;
    default:
        return false;
    }
}

/* y is dated after x: by the hour when both carry one, else by the day on
 * the office's calendar (WIB here). */
static bool dated_after(const struct case_event *y, const struct case_event *x)
{
    if (y->has_time && x->has_time)
        return y->at > x->at;
    return caldate_cmp(evlog_date(y, wib()), evlog_date(x, wib())) > 0;
}

/* The other half.  The law orders the acts, not their entry: an act x entered first and
 * dated before an act y entered after it, which x depends on, came before the act it must
 * follow (a P-16 before the PU's receipt of the SPDP, DOMAIN 4.4, 6).  x waits for y when it
 * was entered in y's round - after the latest act y itself depends on: a P-16 of one SPDP
 * does not wait for the receipt of the SPDP sent after it, nor an arrest for the release
 * entered after it - and before any act of y's kind it depends on: an SPDP sent under its
 * Sprindik does not wait for a reopening.  The consular notice waits for the custody it
 * tells of. */
static bool model_waits(const struct case_event *x, const struct case_event *y)
{
    if (x->event == EV_LETTER_DELIVERED && x->notice == NOTICE_CONSULAR)
        return (y->event == EV_ARRESTED || y->event == EV_DETAINED) && y->suspect == x->suspect;
    return model_depends(x, y);
}

static bool same_kind(const struct case_event *a, const struct case_event *b)
{
    return a->event == b->event || (event_is_detention(a->event) && event_is_detention(b->event));
}

/* Whether act m begins a new round for acts of y's kind: y depends on it (an SPDP's receipt on
 * the SPDP sent, the file's receipt on its sending or re-sending, a P-19 on the receipt), a
 * suspect's acts on each other left out (each would begin the next). */
static bool model_opens_round(const struct case_event *y, const struct case_event *m)
{
    return model_depends(y, m) && !(event_is_detention(y->event) && event_is_detention(m->event));
}

/* Whether x (act i), which waits for acts of y's kind, follows one of them other than act
 * `skip` in its own round (his: of y's suspect): the latest such act entered before x, unless
 * an act entered after that one (before act `end`) begins a new round and is dated no later
 * than x.  A P-16 entered
 * after a new SPDP is of that SPDP; a late letter of the first SPDP dated before the new
 * Sprindik is of the first; a notice follows any of his arrests. */
static bool model_anchored(const struct case_event *eff, const bool *live, int i, int end, int skip,
                           const struct case_event *y, bool his)
{
    int last = -1;
    for (int j = i - 1; j >= 0 && last < 0; j--)
        if (j != skip && live[j] && same_kind(&eff[j], y) && model_waits(&eff[i], &eff[j]) &&
            (!his || eff[j].suspect == y->suspect))
            last = j;
    if (last < 0)
        return false;
    for (int m = last + 1; m < end; m++)
        if (m != skip && m != i && live[m] && model_opens_round(y, &eff[m]) &&
            !dated_after(&eff[m], &eff[i]))
            return false;
    return true;
}

/* Whether the pair (x, y) was out of order already before the correction that changed act
 * `fixed` (i or k) from `old`, and the correction did not move it further the wrong way: a
 * correction answers for what it changes (a number fixed on a log entered before the other
 * half was checked is no new fault). */
static bool model_already_out(const struct case_event *x, const struct case_event *y,
                              const struct case_event *old, bool x_fixed)
{
    if (!old)
        return false;
    if (x_fixed)
        return model_waits(old, y) && dated_after(y, old) && !dated_after(old, x);
    return model_waits(x, old) && dated_after(old, x) && !dated_after(y, old);
}

/* Whether act k was entered after an act (only >= 0: act `only` alone) that waits for it, is
 * dated before it and follows no act of its kind in its own round; old: the corrected act
 * (k, or `only`) before the correction, or NULL. */
static bool model_waited_for(const struct case_event *eff, const bool *live, int k, int only,
                             const struct case_event *old)
{
    if (!live[k])
        return false;
    const struct case_event *y = &eff[k];
    int start = -1;
    for (int j = k - 1; j >= 0 && start < 0; j--)
        if (live[j] && model_waits(y, &eff[j]))
            start = j;
    for (int i = start + 1; i < k; i++) {
        if (!live[i] || (only >= 0 && i != only) || !model_waits(&eff[i], y) ||
            !dated_after(y, &eff[i]) || model_already_out(&eff[i], y, old, only >= 0) ||
            model_anchored(eff, live, i, k, -1, y, false))
            continue;
        return true;
    }
    return false;
}

/* Tahap I sends the examination of every suspect (KUHAP 110(1), 8(3)(a)): the BAP tersangka
 * it rests on is each suspect's own, and another suspect's does not stand in for it. */
static bool model_his(const struct case_event *x, const struct case_event *y)
{
    return x->event == EV_TAHAP1_SENT && y->event == EV_BAP_RECORDED && y->bap == BAP_TERSANGKA;
}

/* Whether withdrawing act k (y as it stood) leaves an act that presupposes it: one entered
 * after it, standing, that depends on it (or points at it: a direction's report) and follows
 * no other act of its kind in its round (Tahap I: no other BAP of y's suspect, model_his).  A
 * suspect's acts on each other are not asked: a detention needs no arrest before it (KUHAP 20-21).
 */
static bool model_withdrawal_blocked(const struct case_event *eff, const bool *live, int n, int k,
                                     const struct case_event *y)
{
    for (int i = k + 1; i < n - 1; i++) {
        if (!live[i])
            continue;
        if (eff[i].event == EV_DIRECTION_DONE && eff[i].ref == k)
            return true;
        if (event_is_detention(eff[i].event) && event_is_detention(y->event))
            continue;
        if (model_waits(&eff[i], y) &&
            !model_anchored(eff, live, i, i, k, y, model_his(&eff[i], y)))
            return true;
    }
    return false;
}

/* Whether the log (corrections applied) has an act dated before one it
 * depends on, or the act written (the new act, or the act a correction corrects) entered
 * after an act that waits for it and is dated before it (model_waited_for: the server weighs
 * the write, while a log entered before that check still loads).  *blocked: the write is a
 * withdrawal of an act another stands on (model_withdrawal_blocked). */
static bool model_out_of_order(const struct case_event *log, int n, bool *blocked)
{
    static struct case_event eff[MAX_LOG + 1];
    static bool live[MAX_LOG + 1], custody[MAX_LOG + 1];
    bool held[EVLOG_MAX_SUSPECTS] = {false};
    *blocked = false;
    for (int i = 0; i < n; i++) {
        live[i] = evlog_effective(log, n, i, &eff[i]);
        /* the act that took a suspect into custody: an arrest, or a
         * detention while he was free (VCCR 36(1)(b) notifies custody) */
        custody[i] = false;
        int sx = eff[i].suspect;
        if (!live[i] || sx < 0 || sx >= EVLOG_MAX_SUSPECTS)
            continue;
        if (eff[i].event == EV_ARRESTED || eff[i].event == EV_DETAINED) {
            custody[i] = eff[i].event == EV_ARRESTED || !held[sx];
            held[sx] = true;
        } else if (eff[i].event == EV_RELEASED) {
            held[sx] = false;
        }
    }
    for (int i = 0; i < n; i++) {
        if (!live[i])
            continue;
        /* the consular notice comes after the custody it notifies */
        if (eff[i].event == EV_LETTER_DELIVERED && eff[i].notice == NOTICE_CONSULAR)
            for (int j = 0; j < i; j++)
                if (live[j] && custody[j] && eff[j].suspect == eff[i].suspect &&
                    dated_after(&eff[j], &eff[i]))
                    return true;
        /* a direction is done no earlier than it was given */
        if (eff[i].event == EV_DIRECTION_DONE && eff[i].ref >= 0 && live[eff[i].ref] &&
            dated_after(&eff[eff[i].ref], &eff[i]))
            return true;
        for (int j = 0; j < i; j++)
            if (live[j] && model_depends(&eff[i], &eff[j]) && dated_after(&eff[j], &eff[i]))
                return true;
    }
    int k = n - 1;
    while (k >= 0 && log[k].event == EV_CORRECTED)
        k = log[k].ref;
    /* a correction: k as it stood before it */
    static struct case_event was;
    const struct case_event *old =
        k >= 0 && k < n - 1 && evlog_effective(log, n - 1, k, &was) ? &was : NULL;
    if (old && log[n - 1].withdraws) {
        *blocked = model_withdrawal_blocked(eff, live, n, k, old);
        return *blocked;
    }
    if (k < 0 || model_waited_for(eff, live, k, -1, old))
        return k >= 0;
    for (int m = k + 1; m < n; m++)
        if (model_waited_for(eff, live, m, k, old))
            return true;
    return false;
}

/* ---- the guards of issue 13, stated from the law ----------------------------------------- */

/* Whether the file now with the prosecutor was received by him: a receipt
 * after the latest sending (KUHAP 138(1)). */
static bool model_received(const struct mcase *mc)
{
    bool received = false;
    struct case_event e;
    for (int i = 0; i < mc->n; i++) {
        if (!evlog_effective(mc->log, mc->n, i, &e))
            continue;
        if (e.event == EV_TAHAP1_SENT || e.event == EV_RESUBMITTED || e.event == EV_SPRINDIK_ISSUED)
            received = false;
        else if (e.event == EV_TAHAP1_RECEIVED_BY_PU)
            received = true;
    }
    return received;
}

/* The file's returns as the law counts them: since the latest Sprindik (a
 * new file after it), the P-19 and the letters; the latest return's day and
 * the investigator's receipt of it (KUHAP 138(2)); the day the file now with
 * the prosecutor was received. */
struct returns {
    int count;
    bool returned, received_back, received;
    struct caldate returned_on, received_back_on, received_on;
};

static struct returns model_returns(const struct mcase *mc)
{
    struct returns rt;
    memset(&rt, 0, sizeof rt);
    struct case_event e;
    for (int i = 0; i < mc->n; i++) {
        if (!evlog_effective(mc->log, mc->n, i, &e))
            continue;
        struct caldate d = evlog_date(&e, wib());
        switch (e.event) {
        case EV_SPRINDIK_ISSUED:
            rt.count = 0;
            rt.returned = rt.received = false;
            break;
        case EV_TAHAP1_SENT:
        case EV_RESUBMITTED:
            rt.returned = rt.received = false;
            break;
        case EV_TAHAP1_RECEIVED_BY_PU:
            rt.received = true;
            rt.received_on = d;
            break;
        case EV_P19_RECEIVED:
        case EV_RETURN_LETTER_RECEIVED:
            rt.count++;
            rt.returned = true;
            rt.returned_on = d;
            rt.received_back = false;
            break;
        case EV_RETURNED_FILE_RECEIVED:
            rt.received_back = true;
            rt.received_back_on = d;
            break;
        default:
            break;
        }
    }
    return rt;
}

/* Whether a detainable offence is charged to the suspect (or the case):
 * one on UU 6/2011 Pasal 109's list, or of five years or more (KUHAP
 * 21(4)); an extension continues a detention only on that ground. */
static bool model_detainable(const struct mcase *mc, int suspect)
{
    for (int i = 0; i < mc->ncharges; i++) {
        const struct charge *c = &mc->charges[i];
        if (c->suspect >= 0 && suspect >= 0 && c->suspect != suspect)
            continue;
        if (catalogue[c->off].detainable || catalogue[c->off].months >= 5 * 12)
            return true;
    }
    return false;
}

/* When the arrest of suspect s still holding him runs out, or 0 when he is
 * not under arrest: the detention machine, replayed on his acts as corrected
 * (replay_detention: an act it does not take - an extension or a change of
 * kind left behind by a withdrawn detention - changes nothing), holds him
 * under arrest; it lasts one day of 24 hours from its hour (KUHAP 19(1), Pasal
 * 1 angka 31; UU 20/2025 keeps the 1 x 24 hours, DOMAIN.md 9.1).  Found when
 * the walk withdrew a detention extended since: its latest act on custody was
 * the extension, yet he stood arrested. */
static int64_t model_arrest_ends(const struct mcase *mc, int s)
{
    if (s < 0 || mc->det[s].state != DET_ARRESTED)
        return 0;
    return mc->det[s].arrested_at + 24 * 3600;
}

/* The facts the model decides itself for act ev (the set `decides`), and
 * which of them are missing. */
static void model_guard(const struct mcase *mc, const struct req *r, struct missing *decides,
                        struct missing *missing)
{
    missing_clear(decides);
    missing_clear(missing);
    struct returns rt = model_returns(mc);
    struct caldate day = r->timed ? caldate_local_date(r->at, wib()) : r->date;
    /* KUHAP 110(4): a return after day 14 from the receipt is out of time
     * (the file is complete by law) unless its reason is recorded */
    bool late = rt.received && caldate_diff(rt.received_on, day) > 14 && !r->late_reason;
    switch (r->ev) {
    case EV_LETTER_DELIVERED: {
        /* the SPDP is received only once it was sent, since the latest
         * Sprindik: a new Sprindik owes a new SPDP (Permenkumham 39/2021
         * Pasal 27; DOMAIN.md 4.4, 4.13) */
        if (!model_spdp_notice(r->notice))
            break;
        bool sent = false;
        struct case_event e;
        for (int i = 0; i < mc->n; i++)
            if (evlog_effective(mc->log, mc->n, i, &e)) {
                if (e.event == EV_SPRINDIK_ISSUED)
                    sent = false;
                else if (e.event == EV_SPDP_SENT)
                    sent = true;
            }
        missing_add(decides, FACT_SPDP_SENT);
        if (!sent)
            missing_add(missing, FACT_SPDP_SENT);
        break;
    }
    case EV_P21_RECEIVED:
    case EV_P18_RECEIVED:
        missing_add(decides, FACT_TAHAP1_RECEIVED);
        if (!model_received(mc))
            missing_add(missing, FACT_TAHAP1_RECEIVED);
        /* KUHAP 110(4): past the 14 days the file is complete by law; "not yet complete" (P-18)
         * then is as late as a return, the P-21 only confirms it */
        if (r->ev == EV_P18_RECEIVED) {
            missing_add(decides, FACT_PU_RETURN_IN_TIME);
            if (late)
                missing_add(missing, FACT_PU_RETURN_IN_TIME);
        }
        break;
    case EV_TAHAP1_RECEIVED_BY_PU:
        missing_add(decides, FACT_NEW_SUBMISSION);
        if (model_received(mc))
            missing_add(missing, FACT_NEW_SUBMISSION);
        break;
    case EV_P19_RECEIVED:
    case EV_RETURN_LETTER_RECEIVED: {
        bool letter = r->ev == EV_RETURN_LETTER_RECEIVED;
        enum fact once = letter ? FACT_P19_GIVEN : FACT_FIRST_RETURN;
        missing_add(decides, FACT_TAHAP1_RECEIVED);
        missing_add(decides, once);
        missing_add(decides, FACT_PU_RETURN_IN_TIME);
        if (!model_received(mc))
            missing_add(missing, FACT_TAHAP1_RECEIVED);
        if (letter ? rt.count == 0 : rt.count > 0)
            missing_add(missing, once);
        if (late)
            missing_add(missing, FACT_PU_RETURN_IN_TIME);
        break;
    }
    case EV_RETURNED_FILE_RECEIVED:
        missing_add(decides, FACT_RETURN_UNRECEIVED);
        if (rt.received_back)
            missing_add(missing, FACT_RETURN_UNRECEIVED);
        break;
    case EV_P20_RECEIVED: {
        /* KUHAP 138(2): 14 days from the investigator's receipt of the
         * returned file, else from the return */
        struct caldate from = rt.received_back ? rt.received_back_on : rt.returned_on;
        missing_add(decides, FACT_RESEND_PERIOD_ELAPSED);
        if (!rt.returned || caldate_diff(from, day) <= 14)
            missing_add(missing, FACT_RESEND_PERIOD_ELAPSED);
        break;
    }
    case EV_SUMMONS_SERVED:
        /* KUHAP 227(1): the summons reaches the person at least three days
         * before the day it calls him to appear, unless urgent with a reason
         * (UU 20/2025 keeps the value as data, the same three) */
        missing_add(decides, FACT_SUMMONS_NOTICE);
        if (!r->has_appearance || (r->appear_in < 3 && !r->urgent))
            missing_add(missing, FACT_SUMMONS_NOTICE);
        break;
    case EV_DETAINED: {
        /* KUHAP 19(1): within the arrest's day, or released first, or
         * recorded as unlawful with its reason */
        int64_t ends = model_arrest_ends(mc, r->suspect);
        missing_add(decides, FACT_ARREST_PERIOD);
        if (ends && r->at >= ends && !r->unlawful)
            missing_add(missing, FACT_ARREST_PERIOD);
        break;
    }
    case EV_DETENTION_EXTENDED_PU:
    case EV_DETENTION_EXTENDED_COURT:
        missing_add(decides, FACT_DETAINABLE_OFFENCE);
        if (!model_detainable(mc, r->suspect))
            missing_add(missing, FACT_DETAINABLE_OFFENCE);
        break;
    default:
        break;
    }
}

/* The SP3's grounds, from the statutes (issue 13.10; DOMAIN.md 4.15, 9.1):
 * KUHAP 1981 Pasal 109(2) -- not enough evidence, not a crime, stopped by
 * law for one of its reasons (KUHP 75-78); UU 20/2025 Pasal 24 names the
 * same and adds restorative justice and the payment of the maximum fine. */
static const char *const grounds_1981[] = {
    "tidak_cukup_bukti",          "bukan_tindak_pidana",    "demi_hukum_nebis_in_idem",
    "demi_hukum_meninggal_dunia", "demi_hukum_kedaluwarsa", "demi_hukum_pengaduan_dicabut"};
static const char *const grounds_2025_added[] = {"keadilan_restoratif", "denda_kategori_ii",
                                                 "denda_kategori_iv"};

static bool model_ground_ok(const char *ground, struct caldate day)
{
    if (!ground)
        return false;
    for (size_t i = 0; i < sizeof grounds_1981 / sizeof grounds_1981[0]; i++)
        if (strcmp(ground, grounds_1981[i]) == 0)
            return true;
    if (caldate_cmp(day, (struct caldate){2026, 1, 2}) < 0) /* UU 20/2025 Pasal 369 */
        return false;
    for (size_t i = 0; i < sizeof grounds_2025_added / sizeof grounds_2025_added[0]; i++)
        if (strcmp(ground, grounds_2025_added[i]) == 0)
            return true;
    return false;
}

/* play4 #28 (KUHAP 109(2) jo. KUHP 76-78; UU 20/2025 Pasal 24): the SP3 the file stands
 * terminated on ends it for good unless it stopped for want of evidence or of a crime - the
 * two new evidence may reopen; the ground as the SP3's corrections left it. */
static bool model_sp3_final(const struct mcase *mc)
{
    if (mc->stage != ST_TERMINATED)
        return false;
    for (int i = mc->n - 1; i >= 0; i--) {
        if (mc->log[i].event != EV_SP3_ISSUED)
            continue;
        const char *g = mc->ground[i];
        bool withdrawn = false;
        for (int j = i + 1; j < mc->n; j++) {
            int k = j;
            while (mc->log[k].event == EV_CORRECTED && mc->log[k].ref >= 0 && mc->log[k].ref < k)
                k = mc->log[k].ref;
            if (mc->log[j].event != EV_CORRECTED || k != i)
                continue;
            withdrawn = mc->log[j].withdraws;
            if (!withdrawn && mc->ground[j])
                g = mc->ground[j];
        }
        if (withdrawn)
            continue;
        return g && strcmp(g, "tidak_cukup_bukti") != 0 && strcmp(g, "bukan_tindak_pidana") != 0;
    }
    return false;
}

static void expect_problem(struct expect *x, long status, const char *type, const char *field,
                           const char *why)
{
    x->status = status;
    x->type = type;
    x->field = field;
    x->why = why;
}

/* Whether the direction at log index `given` was already reported done: a
 * direction is carried out once (DOMAIN 10: the supervisor's direction and
 * its report), so a second report is a conflict.  The report as it stands,
 * after its corrections; a withdrawn one reported nothing. */
static bool model_direction_done(const struct mcase *mc, int given)
{
    struct case_event e;
    for (int i = 0; i < mc->n; i++) {
        if (!evlog_effective(mc->log, mc->n, i, &e) || e.event != EV_DIRECTION_DONE)
            continue;
        int k = e.ref;
        while (k >= 0 && k < mc->n && mc->log[k].event == EV_CORRECTED)
            k = mc->log[k].ref;
        if (k == given)
            return true;
    }
    return false;
}

/* Whether the PU's receipt of the SPDP sent last is recorded already: the Kejaksaan
 * registers an SPDP once (DOMAIN 4.4); a new Sprindik owes a new SPDP, received anew.  Stated
 * here from the law, as model_direction_done is, and not asked of the core's table of acts
 * done once (order_once_first): the model stays an oracle independent of the server. */
static bool model_spdp_received(const struct mcase *mc)
{
    struct case_event e;
    bool received = false;
    for (int i = 0; i < mc->n; i++) {
        if (!evlog_effective(mc->log, mc->n, i, &e))
            continue;
        if (e.event == EV_SPDP_SENT || e.event == EV_SPRINDIK_ISSUED)
            received = false;
        else if (e.event == EV_SPDP_RECEIVED_BY_PU)
            received = true;
    }
    return received;
}

/* Whether the case's Laporan Kejadian stands: a case is opened on one report (DOMAIN 4.1), a
 * second report is another case; a Laporan withdrawn stands no more.  Stated from the law, as
 * model_spdp_received is. */
static bool model_laporan_registered(const struct mcase *mc)
{
    struct case_event e;
    for (int i = 0; i < mc->n; i++)
        if (evlog_effective(mc->log, mc->n, i, &e) && e.event == EV_REPORT_REGISTERED)
            return true;
    return false;
}

/* ---- the Ketua PN's Penetapan and the P-19's answers, stated from the law ----------------- */

/* The acts whose berita acara complete a file (KUHAP 75(1); DOMAIN 4.6-4.10, 7.4 items 3, 7,
 * 8): an examination, an interpreter's oath, a search, a seizure, the Ketua PN's Penetapan on
 * them, the evidence kept, the Resume.  What opened the case, a designation, a summons, custody,
 * a notice, the P-forms are no answer to what the prosecutor found missing. */
static bool model_completes_file(enum event ev)
{
    return ev == EV_BAP_RECORDED || ev == EV_INTERPRETER_SWORN || ev == EV_SEARCH_DONE ||
           ev == EV_SEIZURE_DONE || ev == EV_COURT_PERMIT_RECEIVED || ev == EV_EVIDENCE_DEPOSITED ||
           ev == EV_RESUME_WRITTEN;
}

enum afault { AF_OK, AF_CORRECTION, AF_WITHDRAWN, AF_KIND, AF_BEFORE };

/* Whether act a (a log index) fulfils a P-19 item carried by the return at g (-1: unknown) in
 * log[0..n): an act (not a correction), standing, that completes the file, done no earlier
 * than the return reached the investigator (KUHAP 110(3), 138(2)); a return withdrawn since
 * dates nothing. */
static enum afault model_fulfils(const struct case_event *log, int n, int a, int g)
{
    struct case_event e, ret;
    if (a < 0 || a >= n || log[a].event == EV_CORRECTED)
        return AF_CORRECTION;
    if (!evlog_effective(log, n, a, &e))
        return AF_WITHDRAWN;
    if (!model_completes_file(e.event))
        return AF_KIND;
    if (g >= 0 && g < n && evlog_effective(log, n, g, &ret) && dated_after(&ret, &e))
        return AF_BEFORE;
    return AF_OK;
}

/* The return (log index) that carried P-19 item `id`, or -1. */
static int model_given(const struct mcase *mc, long long id)
{
    for (int i = 0; i < mc->ngiven; i++)
        if (mc->given_id[i] == id)
            return mc->given_ix[i];
    return -1;
}

/* An answer naming the act that fulfils its item: one that does not, 422 on answer_act. */
/* The custody the law's release grounds end (KUHAP 19(1), 21: an arrest; 24(3)-(4): a
 * detention; 109(2), 77 huruf a: either), stated here apart from core/relground.c: 1 arrest,
 * 2 detention. */
static unsigned model_ground_custody(const char *g)
{
    if (strcmp(g, "masa_penangkapan_habis") == 0 || strcmp(g, "tidak_perlu_ditahan") == 0)
        return 1;
    if (strcmp(g, "kepentingan_terpenuhi") == 0 || strcmp(g, "masa_penahanan_habis") == 0)
        return 2;
    return 3;
}

/* Whether the ground release r sends (or its correction keeps) ends the custody its suspect is
 * in on the act's date: his effective detention acts dated on or before it replayed in the log's
 * order, without the release a correction replaces.  No custody: the machine's 409. */
static bool model_release_ground_fits(const struct model *m, const struct mcase *mc,
                                      const struct req *r, const struct case_event *ce)
{
    int root = -1;
    if (r->ev == EV_CORRECTED)
        for (root = r->ref; root >= 0 && mc->log[root].event == EV_CORRECTED;)
            root = mc->log[root].ref;
    const char *g = r->ground ? r->ground : root >= 0 ? mc->rground[root] : NULL;
    if (!g || r->suspect < 0)
        return true;
    struct caldate day = evlog_date(ce, wib());
    struct detention d;
    detention_init(&d);
    for (int i = 0; i < mc->n; i++) {
        struct case_event e;
        if (i == root || !evlog_effective(mc->log, mc->n, i, &e) || e.suspect != r->suspect ||
            !event_is_detention(e.event) || caldate_cmp(evlog_date(&e, wib()), day) > 0)
            continue;
        struct caldate on = evlog_date(&e, wib());
        const struct ruleset *rs = ruleset_for_date(m->rules, RULESET_BUILTIN_COUNT, on);
        struct detention_act act = {
            .event = e.event, .at = evlog_instant(&e, wib()), .type = e.det_type, .days = e.days};
        if (rs)
            detention_apply(&d, &act, rs, wib(), NULL, &d, NULL);
    }
    unsigned custody = d.state == DET_ARRESTED                               ? 1
                       : d.state == DET_DETAINED || d.state == DET_SUSPENDED ? 2
                                                                             : 0;
    return !custody || (model_ground_custody(g) & custody);
}

static bool expect_answer(const struct mcase *mc, const struct req *r, struct expect *x)
{
    if (r->ev != EV_INSTRUCTION_ANSWERED || !r->answer_act)
        return false;
    static const char *const why[] = {"", "answer_act names a correction", "answer_act withdrawn",
                                      "answer_act does not complete the file",
                                      "answer_act before the return"};
    enum afault f = model_fulfils(mc->log, mc->n, r->answer_ix, model_given(mc, r->instruction));
    if (f == AF_OK)
        return false;
    expect_problem(x, 422, "unprocessable", "answer_act", why[f]);
    return true;
}

/* The act at log index i as it stands in log[0..n), if it stands: a search or a seizure. */
static bool model_search_or_seizure(const struct case_event *log, int n, int i,
                                    struct case_event *e)
{
    return evlog_effective(log, n, i, e) &&
           (e->event == EV_SEARCH_DONE || e->event == EV_SEIZURE_DONE);
}

/* The izin the search or seizure at log index j stands on in log[0..n) (permit: each entry's
 * own, corrections included): the one its record or its latest correction states, or -1
 * (urgent). */
static int model_izin_of(const struct case_event *log, const int *permit, int n, int j)
{
    int last = j;
    for (int t = j + 1; t < n; t++)
        if (log[t].event == EV_CORRECTED && !log[t].withdraws && log[t].ref == j)
            last = t;
    return permit[last];
}

/* Whether the approval of act k is recorded in the log (a standing persetujuan naming it), or
 * (reports too) its report to the Ketua PN. */
static bool model_approved(const struct mcase *mc, int k, bool reports)
{
    struct case_event e;
    for (int i = k + 1; i < mc->n; i++)
        if (mc->log[i].ref == k && evlog_effective(mc->log, mc->n, i, &e) &&
            ((e.event == EV_COURT_PERMIT_RECEIVED && mc->pkind[i] == 'p') ||
             (reports && e.event == EV_LETTER_DELIVERED)))
            return true;
    return false;
}

/* A search or a seizure stands on the Ketua PN's izin of its purpose given before it (KUHAP
 * 33(1), 38(1); UU 20/2025 Pasal 44 as reported) or on its urgency (34, 38(2)), one or the
 * other. */
static bool expect_basis(const struct mcase *mc, const struct req *r, enum event as,
                         struct expect *x)
{
    if (r->permit_act && r->urgent) {
        expect_problem(x, 400, "bad-input", "permit_act", "both a permit and urgency");
        return true;
    }
    if (!r->permit_act && !r->urgent) {
        expect_problem(x, 422, "permit-missing", "permit_act", "neither permit nor urgency");
        return true;
    }
    if (!r->permit_act)
        return false;
    struct case_event e;
    int k = r->permit_ix;
    const char *why = NULL;
    if (k < 0 || !evlog_effective(mc->log, mc->n, k, &e) || e.event != EV_COURT_PERMIT_RECEIVED)
        why = "permit_act is no standing Penetapan of the case";
    else if (mc->refused[k]) /* no act is done under the Ketua PN's refusal */
        why = "permit_act is a refusal";
    else if (mc->pkind[k] != 'i')
        why = "permit_act is an approval, not a permit";
    else if (mc->pfor[k] != as)
        why = "permit_act permits the other act";
    else if (dated_after(&e, &x->ce))
        why = "permit_act given after the act";
    if (why)
        expect_problem(x, 422, "permit-mismatch", "permit_act", why);
    return why != NULL;
}

/* The act a persetujuan approves or a report to the Ketua PN names: a standing urgent search
 * or seizure of the case (of the persetujuan's purpose), done on or before it, approved once;
 * reported once and not after its approval (KUHAP 34, 38(2)). */
static bool expect_approved_act(const struct mcase *mc, const struct req *r, bool report,
                                struct expect *x)
{
    struct case_event e;
    int k = r->approves_ix;
    const char *why = NULL;
    if (k < 0 || !model_search_or_seizure(mc->log, mc->n, k, &e))
        why = "approves names no standing search or seizure of the case";
    else if (!report &&
             strcmp(r->permit_for, e.event == EV_SEARCH_DONE ? "penggeledahan" : "penyitaan") != 0)
        why = "a persetujuan of the other act";
    else if (!e.urgent)
        why = "approves names an act done under a permit";
    else if (dated_after(&e, &x->ce))
        why = "approval dated before the act";
    if (why) {
        expect_problem(x, 422, "permit-mismatch", "approves", why);
        return true;
    }
    if (!model_approved(mc, k, report))
        return false;
    expect_problem(x, 409, "conflict", "approves",
                   report ? "reported or approved already" : "approved already");
    return true;
}

/* The Ketua PN's Penetapan: an izin or a persetujuan, for a search or a seizure; a persetujuan
 * names the urgent act it approves, an izin none (it comes before its act, which names it). */
static bool expect_penetapan(const struct mcase *mc, const struct req *r, struct expect *x)
{
    bool izin = r->permit_kind && strcmp(r->permit_kind, "izin") == 0;
    bool persetujuan = r->permit_kind && strcmp(r->permit_kind, "persetujuan") == 0;
    if (!izin && !persetujuan)
        expect_problem(x, 400, "bad-input", "permit_kind",
                       "permit_kind neither izin nor persetujuan");
    else if (!r->permit_for || (strcmp(r->permit_for, "penggeledahan") != 0 &&
                                strcmp(r->permit_for, "penyitaan") != 0))
        expect_problem(x, 400, "bad-input", "permit_for", "permit_for neither act");
    else if (!r->court) /* the Pengadilan Negeri whose Ketua gave it (DOMAIN 4.9, 11.5) */
        expect_problem(x, 400, "bad-input", "court", "a Penetapan without its court");
    else if (r->decision && strcmp(r->decision, "dikabulkan") != 0 &&
             strcmp(r->decision, "ditolak") != 0)
        expect_problem(x, 400, "bad-input", "decision", "decision neither granted nor refused");
    else if (izin && r->approves)
        expect_problem(x, 400, "bad-input", "approves", "an izin approves nothing");
    else if (persetujuan && !r->approves)
        expect_problem(x, 400, "bad-input", "approves", "a persetujuan names its act");
    else
        return persetujuan && expect_approved_act(mc, r, false, x);
    return true;
}

/* The rules of DOMAIN 4.9 and D8 on a write (not a withdrawal): a search's or a seizure's
 * basis, the Penetapan, the report to the Ketua PN (recipient ketua_pn_persetujuan and the act
 * it names go together). */
static bool expect_permit(const struct mcase *mc, const struct req *r, enum event as,
                          struct expect *x)
{
    if (r->ev == EV_CORRECTED && r->withdraws)
        return false;
    if (as == EV_SEARCH_DONE || as == EV_SEIZURE_DONE)
        return expect_basis(mc, r, as, x);
    if (as == EV_COURT_PERMIT_RECEIVED && r->court && !r->court[strspn(r->court, " ")]) {
        expect_problem(x, 400, "bad-input", "court", "a blank court");
        return true;
    }
    if (r->ev == EV_CORRECTED)
        return false; /* a Penetapan or a report re-dated or renumbered: what it is stays */
    if (as == EV_COURT_PERMIT_RECEIVED)
        return expect_penetapan(mc, r, x);
    if (as != EV_LETTER_DELIVERED)
        return false;
    if (r->report != (r->approves != 0)) {
        expect_problem(x, 400, "bad-input", r->report ? "approves" : "recipient",
                       "a report to the Ketua PN and the act it names go together");
        return true;
    }
    return r->report && expect_approved_act(mc, r, true, x);
}

enum lfault { LF_OK, LF_WITHDRAWN, LF_AFTER, LF_NOT_URGENT };

/* The link of act dep on act base in log[0..n): a search or seizure on its izin, a persetujuan
 * or a report on the urgent act it names.  While dep stands, base stands, is dated on or
 * before it, and under an approval or a report stays urgent (only an act done without the izin
 * is reported to the Ketua PN for his approval). */
static enum lfault model_link(const struct case_event *log, int n, int base, int dep)
{
    struct case_event b, d;
    if (!evlog_effective(log, n, dep, &d))
        return LF_OK;
    if (!evlog_effective(log, n, base, &b))
        return LF_WITHDRAWN;
    if ((d.event == EV_COURT_PERMIT_RECEIVED || d.event == EV_LETTER_DELIVERED) && !b.urgent)
        return LF_NOT_URGENT;
    return dated_after(&b, &d) ? LF_AFTER : LF_OK;
}

/* A correction (the last of log[0..n), of act k) leaves the acts resting on others as the law
 * wants them, each link it breaks refused (nothing written): the Ketua PN's Penetapan is not
 * pulled from under the act resting on it nor re-dated past it, an urgent act is not withdrawn,
 * re-dated after or made one done under an izin under its persetujuan or report; and a P-19's
 * standing answer keeps the act it names standing, and done on or after the return that
 * carried its item.  A link already broken before is not the correction's doing. */
static bool expect_links(const struct mcase *mc, const struct case_event *log, const int *permit,
                         int n, int k, const struct req *r, struct expect *x)
{
    for (int i = 0; i < n - 1; i++) {
        struct case_event a;
        if (i == k || log[i].event != EV_INSTRUCTION_ANSWERED || !evlog_effective(log, n, i, &a))
            continue;
        int act = mc->answer_act[i], g = mc->answer_given[i];
        if (act < 0 || (act != k && g != k))
            continue;
        enum afault was = model_fulfils(log, n - 1, act, g), now = model_fulfils(log, n, act, g);
        if (was != AF_OK || now == AF_OK)
            continue;
        if (now == AF_WITHDRAWN)
            expect_problem(x, 422, "dependent-act", "corrects", "withdrawn from under an answer");
        else
            expect_problem(x, 422, "date-order", r->timed ? "at" : "date",
                           "an answer's act re-dated before its return");
        return true;
    }
    for (int j = 0; j < n - 1; j++) {
        enum event ev = log[j].event;
        int base = -1;
        if ((ev == EV_SEARCH_DONE || ev == EV_SEIZURE_DONE) && j != k)
            base = model_izin_of(log, permit, n, j);
        else if (ev == EV_COURT_PERMIT_RECEIVED || ev == EV_LETTER_DELIVERED)
            base = log[j].ref;
        if (base < 0 || (base != k && j != k))
            continue;
        enum lfault now = model_link(log, n, base, j);
        if (now == LF_OK || model_link(log, n - 1, base, j) != LF_OK)
            continue;
        if (now == LF_WITHDRAWN)
            expect_problem(x, 422, "dependent-act", "corrects", "a permit or urgent act withdrawn");
        else if (now == LF_NOT_URGENT)
            expect_problem(x, 422, "dependent-act", "permit_act",
                           "an approved or reported act made one under a permit");
        else
            expect_problem(x, 422, "permit-mismatch", r->timed ? "at" : "date",
                           "a permit re-dated after its act, or an approval before");
        return true;
    }
    return false;
}

/* The checks before the core, in the order server/app/events.c makes them:
 * role, visibility, version, date, input; and the rule core/event.c states
 * for corrections, which events.c lacks (its place in that order is not
 * fixed, so build_req never combines it with another fault).  True when one
 * refuses. */
static bool expect_edge(const struct model *m, const struct mcase *mc, const struct req *r,
                        struct expect *x)
{
    const char *when = r->timed ? "at" : "date";
    if (!(event_info(r->ev)->recorders & r->role)) {
        expect_problem(x, 403, "forbidden", NULL, "role may not record the type");
    } else if (r->role == ACTOR_PROSECUTOR && !mc->disclosed) {
        expect_problem(x, 404, "not-found", NULL, "not yet sent to the Kejari");
    } else if (r->foreign) {
        /* core/event.c: "A correction may be recorded by any role (the app
         * checks it is the role of the original)" */
        expect_problem(x, 403, "forbidden", NULL, "correction of another role's act");
    } else if (r->stale) {
        expect_problem(x, 409, "stale-version", NULL, "If-Match is stale");
    } else if (r->both && caldate_cmp(r->said, caldate_local_date(r->at, wib())) != 0) {
        /* issue 13.11: `date` and `at` that name two days */
        expect_problem(x, 400, "bad-input", "date", "date and at disagree");
    } else if (caldate_cmp(x->ce.has_time ? caldate_local_date(x->ce.at, wib()) : x->ce.date,
                           today_wib()) > 0 ||
               (r->timed && r->at > (int64_t)time(NULL) + 300)) {
        expect_problem(x, 400, "bad-input", when, "act in the future");
    } else if (caldate_cmp(evlog_date(&x->ce, wib()), mc->opened) < 0) {
        expect_problem(x, 400, "bad-input", when, "act before the case was opened");
    } else if (r->answer_act && r->answer_ix < 0) {
        /* what fulfils a P-19 item is an act of this case */
        expect_problem(x, 400, "bad-input", "answer_act", "answer_act of another case");
    } else if (req_unexpected(mc, r) >= 0) {
        /* issue 13.11: a field the act does not take is refused, not stored */
        expect_problem(x, 400, "bad-input", mfield_names[req_unexpected(mc, r)],
                       "a field the act does not take");
    } else if (r->ev == EV_COURT_PERMIT_RECEIVED && (!r->permit_kind || !r->permit_for)) {
        /* a Penetapan says what it is and for what */
        expect_problem(x, 400, "bad-input", r->permit_kind ? "permit_for" : "permit_kind",
                       "a Penetapan without its kind or purpose");
    } else {
        /* a correction that replaces an act's details is held to what the
         * act needs: it stands for the act from then on */
        enum event as = r->ev;
        if (r->ev == EV_CORRECTED && !r->withdraws && r->ref >= 0)
            as = mc->log[r->ref].event;
        bool needs_suspect = event_info(as)->per_suspect ||
                             (as == EV_LETTER_DELIVERED && model_notice_of_suspect(r->notice)) ||
                             (as == EV_BAP_RECORDED && r->bapk == BAP_TERSANGKA);
        /* KUHAP 109(1) jo. MK 130/PUU-XIII/2015, Permenkumham 39/2021 Pasal 27: an SPDP goes
         * to the prosecutor, Korwas, the reporter, the suspect, his family or his embassy */
        if (as == EV_SPDP_SENT && !model_spdp_addressee(r->sent_to))
            expect_problem(x, 400, "bad-input", "recipient", "an SPDP names its addressee");
        /* KUHAP 109(3), UU 20/2025 Pasal 24(4): the PU, the Polri investigator (Korwas), the
         * suspect or his family, the reporter or victim */
        else if (as == EV_SP3_NOTIFIED && !model_sp3_addressee(r->sp3_to))
            expect_problem(x, 400, "bad-input", "recipient", "an SP3 notice names its addressee");
        else if (needs_suspect && (!r->party || r->witness))
            expect_problem(x, 400, "bad-input", "party_id", "needs a suspect");
        else if (as == EV_SUMMONS_SERVED && !r->party) /* KUHAP 112(1): a named person */
            expect_problem(x, 400, "bad-input", "party_id", "a summons calls a person");
        else if (as == EV_LETTER_DELIVERED && r->notice && !r->received)
            expect_problem(x, 400, "bad-input", "received_by", "a notice names who received it");
        else if (expect_answer(mc, r, x))
            ;
        else if (r->ev == EV_CORRECTED && as == EV_DIRECTION_GIVEN && !r->has_due)
            expect_problem(x, 400, "bad-input", "due", "a direction needs its due date");
        else if (r->ev == EV_DIRECTION_DONE && r->ref < 0)
            expect_problem(x, 400, "bad-input", "direction", "no direction_given to point at");
        else if (r->ev == EV_DIRECTION_DONE && model_direction_done(mc, r->ref))
            expect_problem(x, 409, "conflict", "direction", "a direction is done once");
        else if (r->ev == EV_SPDP_RECEIVED_BY_PU && model_spdp_received(mc))
            expect_problem(x, 409, "conflict", "type", "an SPDP is received once");
        else if (r->ev == EV_REPORT_REGISTERED && model_laporan_registered(mc))
            expect_problem(x, 409, "conflict", "type", "a case is opened on one Laporan");
        else if (r->ev == EV_RETURN_LETTER_RECEIVED && r->nunmet == 0)
            expect_problem(x, 400, "bad-input", "unmet", "a later return names the unmet items");
        /* issue 10 (server/app/acts.c, after the input's own checks): a
         * direction has its text and is due no earlier than today; done and
         * reassigned carry a note */
        else if (r->ev == EV_DIRECTION_GIVEN && !r->has_note)
            expect_problem(x, 400, "bad-input", "note", "a direction without its text");
        else if (as == EV_DIRECTION_GIVEN && r->has_due && caldate_cmp(r->due, today_wib()) < 0)
            expect_problem(x, 400, "bad-input", "due", "a direction due before today");
        else if ((r->ev == EV_DIRECTION_DONE || r->ev == EV_REASSIGNED) && !r->has_note)
            expect_problem(x, 400, "bad-input", "note", "done or reassigned without a note");
        /* issue 13.10: an SP3 rests on a ground of the statute in force on
         * its date; a correction that sends one is held to the same list */
        else if (as == EV_SP3_ISSUED && (r->ev != EV_CORRECTED || r->ground) &&
                 !model_ground_ok(r->ground, evlog_date(&x->ce, wib())))
            expect_problem(x, 422, "sp3-ground", "ground", "an SP3 without a statutory ground");
        /* play4 #28: no new Sprindik after an SP3 that ended the file for good */
        else if (r->ev == EV_SPRINDIK_ISSUED && model_sp3_final(mc))
            expect_problem(x, 422, "sp3-final", "type", "a new Sprindik after a final SP3");
        /* KUHAP 19(1), 24(3)-(4): a release's ground, sent or kept by a correction, ends the
         * custody the suspect is in on its date (core/relground.h) */
        else if (as == EV_RELEASED && !model_release_ground_fits(m, mc, r, &x->ce))
            expect_problem(x, 422, "release-ground", "ground",
                           "a release on a ground of the other custody");
        /* KUHAP 33(1), 34, 38: a search or a seizure under the Ketua PN's permit, or urgent;
         * his Penetapan; the report of an urgent act to him */
        else if (expect_permit(mc, r, as, x))
            ;
        else
            return false;
    }
    return true;
}

/* Whether an SP3 stands in mc: the latest of its effective SP3s, reopenings and Sprindiks is an
 * SP3 (a reopening or a new Sprindik starts the investigation again). */
static bool model_sp3_stands(const struct mcase *mc)
{
    bool stands = false;
    struct case_event e;
    for (int i = 0; i < mc->n; i++)
        if (evlog_effective(mc->log, mc->n, i, &e)) {
            if (e.event == EV_SP3_ISSUED)
                stands = true;
            else if (e.event == EV_REOPENED || e.event == EV_SPRINDIK_ISSUED)
                stands = false;
        }
    return stands;
}

/* What the server must answer to r on mc, asking the core. */
static void expect_of(const struct model *m, const struct mcase *mc, const struct req *r,
                      struct expect *x)
{
    memset(x, 0, sizeof *x);
    x->ce = model_event(r);
    x->to = mc->stage;
    if (expect_edge(m, mc, r, x))
        return;
    struct caldate date = evlog_date(&x->ce, wib());
    struct case_facts f;
    model_facts(m, mc, x->ce.suspect, date, &f);
    f.act_known = true;
    f.late_reason = r->late_reason;
    f.polri_order = r->polri_order;
    f.polri_involved = r->polri_involved;
    f.severe_illness = r->severe_illness;
    /* a file that ended still takes the notices owed for a person taken (KUHAP 18(3), 21(3);
     * VCCR 36(1)(b)) */
    f.custody_notice = x->ce.event == EV_LETTER_DELIVERED &&
                       (x->ce.notice == NOTICE_FAMILY_ARREST ||
                        x->ce.notice == NOTICE_FAMILY_DETENTION || x->ce.notice == NOTICE_CONSULAR);
    /* an SP3 is told whatever follows it, a TAK included (KUHAP 109(2)-(3)) */
    f.sp3_stands = model_sp3_stands(mc);
    struct fsm_result fr;
    bool allowed = fsm_apply(mc->stage, r->ev, &f, &fr);
    if (!allowed && fr.verdict == FSM_REFUSED_STAGE) {
        expect_problem(x, 409, "transition-not-allowed", NULL, "fsm: stage");
        x->has_allowed = true;
        x->nallowed = fr.nallowed;
        memcpy(x->allowed, fr.allowed, sizeof fr.allowed);
        return;
    }
    if (!allowed && fr.verdict != FSM_REFUSED_GUARD) {
        expect_problem(x, 400, "bad-input", NULL, "fsm: invalid");
        return;
    }
    /* the guards: the core's older facts, the model's own for issue 13 */
    struct missing decides, mine, want = {0};
    model_guard(mc, r, &decides, &mine);
    /* a file that has ended takes no letter of the investigation: that is the whole answer, not
     * what else such a letter would lack (the SPDP it delivers) */
    if (!allowed && missing_has(&fr.missing, FACT_CUSTODY_NOTICE))
        mine.n = 0;
    for (int i = 0; !allowed && i < fr.missing.n; i++)
        if (!missing_has(&decides, fr.missing.list[i]))
            missing_add(&want, fr.missing.list[i]);
    for (int i = 0; i < mine.n; i++)
        missing_add(&want, mine.list[i]);
    if (want.n > 0) {
        /* reported by the first fact the model decided, else as the core's */
        expect_problem(x, 422, "guard-failed", NULL,
                       mine.n > 0 ? fact_code(mine.list[0]) : "guard (core)");
        x->has_missing = true;
        x->missing = want;
        return;
    }
    if (!fsm_accepts(mc->stage, r->ev, &x->to))
        x->to = mc->stage;
    if (r->ev == EV_CORRECTED) {
        static struct case_event log[MAX_LOG + 1];
        memcpy(log, mc->log, (size_t)mc->n * sizeof *log);
        log[mc->n] = x->ce;
        struct berr err = {0};
        if (!evlog_stage(log, mc->n + 1, &x->to, &err)) {
            expect_problem(x, 409, "transition-not-allowed", NULL, "corrected log does not replay");
            return;
        }
    }
    {
        /* issue 13.1: the log with this act must keep the order of dates */
        static struct case_event log[MAX_LOG + 1];
        memcpy(log, mc->log, (size_t)mc->n * sizeof *log);
        log[mc->n] = x->ce;
        bool blocked;
        if (model_out_of_order(log, mc->n + 1, &blocked)) {
            if (blocked)
                expect_problem(x, 422, "dependent-act", "corrects",
                               "withdrawn from under an act that presupposes it");
            else
                expect_problem(x, 422, "date-order", r->timed ? "at" : "date",
                               "dates out of order");
            return;
        }
        static int permit[MAX_LOG + 1];
        memcpy(permit, mc->permit, (size_t)mc->n * sizeof *permit);
        permit[mc->n] = r->permit_ix;
        if (r->ev == EV_CORRECTED && expect_links(mc, log, permit, mc->n + 1, r->ref, r, x))
            return;
    }
    if (event_is_detention(r->ev)) {
        const struct ruleset *rs = ruleset_for_date(m->rules, RULESET_BUILTIN_COUNT, date);
        struct detention_act act = {.event = r->ev,
                                    .at = evlog_instant(&x->ce, wib()),
                                    .type = x->ce.det_type,
                                    .days = x->ce.days};
        struct det_result dr;
        if (!detention_apply(&mc->det[r->suspect], &act, rs, wib(), &f, &x->det, &dr)) {
            if (dr.verdict == DET_REFUSED_STATE) {
                expect_problem(x, 409, "transition-not-allowed", NULL, "detention: state");
                x->has_allowed = true;
                x->nallowed = dr.nallowed;
                memcpy(x->allowed, dr.allowed, (size_t)dr.nallowed * sizeof dr.allowed[0]);
            } else {
                expect_problem(x, dr.verdict == DET_REFUSED_GUARD ? 422 : 400,
                               dr.verdict == DET_REFUSED_GUARD ? "guard-failed" : "bad-input", NULL,
                               "detention: guard");
                x->has_missing = dr.verdict == DET_REFUSED_GUARD;
                x->missing = dr.missing;
            }
            return;
        }
    }
    if (r->ev == EV_INSTRUCTION_ANSWERED && mc->nopen == 0) {
        expect_problem(x, 400, "bad-input", "instruction_id", "no open instruction to answer");
        return;
    }
    x->status = 201;
    x->why = "allowed";
}

/* ---- building requests ------------------------------------------------------------- */

static unsigned recorder_of(struct model *m, enum event ev)
{
    unsigned rec = event_info(ev)->recorders;
    static const unsigned bits[] = {ACTOR_INVESTIGATOR, ACTOR_PROSECUTOR, ACTOR_SUPERVISOR};
    if (chance(m, 2)) { /* a role that may not record it (or an administrator) */
        unsigned wrong[4];
        int n = 0;
        for (int i = 0; i < 3; i++)
            if (!(rec & bits[i]))
                wrong[n++] = bits[i];
        wrong[n++] = 0;
        return wrong[rnd(m, n)];
    }
    unsigned mine[3] = {ACTOR_INVESTIGATOR, ACTOR_INVESTIGATOR, ACTOR_INVESTIGATOR};
    int n = 0;
    for (int i = 0; i < 3; i++)
        if (rec & bits[i])
            mine[n++] = bits[i];
    return mine[rnd(m, n)];
}

static const char *token_of(unsigned role)
{
    switch (role) {
    case ACTOR_INVESTIGATOR:
        return demo.inv;
    case ACTOR_PROSECUTOR:
        return demo.pros;
    case ACTOR_SUPERVISOR:
        return tok_sup;
    default:
        return tok_admin;
    }
}

/* How strongly the walk prefers an allowed event: acts that move a file
 * forward, often; those that end it early, rarely. */
static int weight(enum event ev)
{
    switch (ev) {
    case EV_TAK_DECIDED:
    case EV_DISMISSED:
    case EV_SP3_ISSUED:
        return 1;
    case EV_TAHAP2_DONE: /* rarely, so that some complete files wait for the lapse */
        return 1;
    case EV_SHORT_PROCEDURE_HANDOVER:
    case EV_CORRECTED:
        return 2;
    case EV_SPRINDIK_ISSUED:
    case EV_SPDP_SENT:
    case EV_SUSPECT_DESIGNATED:
    case EV_BAP_RECORDED:
    case EV_RESUME_WRITTEN:
    case EV_TAHAP1_SENT:
    case EV_TAHAP1_RECEIVED_BY_PU:
    case EV_P19_RECEIVED:
    case EV_RETURN_LETTER_RECEIVED:
    case EV_RETURNED_FILE_RECEIVED:
    case EV_P21_RECEIVED:
    case EV_INSTRUCTION_ANSWERED:
    case EV_RESUBMITTED:
    case EV_REOPENED:
    case EV_DEEMED_COMPLETE_CONFIRMED:
    case EV_LAPSED:
        return 10;
    case EV_ARRESTED:
    case EV_DETAINED:
    case EV_DETENTION_EXTENDED_PU:
    case EV_DETENTION_EXTENDED_COURT:
        return 8;
    default:
        return 3;
    }
}

/* A suspect whose detention state accepts ev, or -1. */
static int suspect_for(struct model *m, const struct mcase *mc, enum event ev)
{
    int start = rnd(m, mc->nsus);
    for (int k = 0; k < mc->nsus; k++) {
        int s = (start + k) % mc->nsus;
        enum event ok[DETENTION_EVENTS];
        int n = detention_allowed(&mc->det[s], m->rules + 1, ok, DETENTION_EVENTS);
        for (int i = 0; i < n; i++)
            if (ok[i] == ev)
                return s;
    }
    return -1;
}

static enum event pick_any_event(struct model *m, const struct mcase *mc, struct caldate date)
{
    int r = rnd(m, 100);
    if (r < 65) {
        struct case_facts f;
        model_facts(m, mc, -1, date, &f);
        /* what the request itself may bring (build_details decides) */
        f.polri_order = f.polri_involved = f.severe_illness = true;
        enum event ev[EV__COUNT];
        int w[EV__COUNT], total = 0;
        int n = fsm_allowed(mc->stage, &f, ev, EV__COUNT);
        for (int i = 0; i < n; i++) {
            bool pu = event_info(ev[i])->recorders == ACTOR_PROSECUTOR;
            bool dead = event_is_detention(ev[i]) && suspect_for(m, mc, ev[i]) < 0;
            w[i] = (pu && !mc->disclosed) || dead ? 0 : weight(ev[i]);
            total += w[i];
        }
        if (total > 0) {
            int k = rnd(m, total);
            for (int i = 0; i < n; i++) {
                if (k < w[i])
                    return ev[i];
                k -= w[i];
            }
        }
    }
    if (r < 88) {
        enum event ev[EV__COUNT];
        int n = fsm_stage_events(mc->stage, ev, EV__COUNT);
        if (n > 0)
            return ev[rnd(m, n)];
    }
    return (enum event)rnd(m, EV__COUNT);
}

/* The next event: mostly one the core allows now, else one the stage
 * takes (its guard may fail), else any.  Not notice_undelivered: whether the notice it names is
 * still owed is a clock's state the model does not restate (a delivery, a declaration, a new
 * arrest; test_law's and the core's clock and fsm tests state it from the law). */
static enum event pick_event(struct model *m, const struct mcase *mc, struct caldate date)
{
    enum event e;
    do
        e = pick_any_event(m, mc, date);
    while (e == EV_NOTICE_UNDELIVERED);
    return e;
}

/* Move the case's clock on: mostly hours, sometimes a day, now and then
 * weeks (so that 14- and 60-day periods run out, more often once the file
 * is complete); never past now. */
static void advance(struct model *m, struct mcase *mc)
{
    int r = rnd(m, 100);
    int weeks = mc->stage == ST_COMPLETE          ? 50
                : mc->stage == ST_WITH_PROSECUTOR ? 15
                : mc->stage == ST_RETURNED        ? 10
                                                  : 3;
    int64_t d = r < weeks        ? (int64_t)(5 + rnd(m, 20)) * 86400
                : r < weeks + 17 ? 86400 + rnd(m, 3600)
                                 : rnd(m, 6 * 3600);
    int64_t limit = (int64_t)time(NULL) - 30;
    mc->clock = mc->clock + d > limit ? limit : mc->clock + d;
}

static void pick_party(struct model *m, const struct mcase *mc, struct req *r, int suspect)
{
    if (chance(m, 2)) { /* a witness where a suspect is needed: 400 */
        r->party = mc->witness_id;
        r->witness = true;
        r->suspect = -1;
        return;
    }
    r->suspect = suspect >= 0 ? suspect : rnd(m, mc->nsus);
    r->party = mc->sus_id[r->suspect];
}

/* An act of another case of the pool (of kind ev if one has it): its id, else an id no act has. */
static long long foreign_act(const struct model *m, const struct mcase *mc, enum event ev)
{
    long long any = 0;
    for (int p = 0; p < POOL; p++) {
        const struct mcase *o = m->pool[p];
        for (int i = 0; o && o != mc && i < o->n; i++) {
            if (o->log[i].event == ev)
                return o->log_id[i];
            if (!any && o->log[i].event != EV_CORRECTED)
                any = o->log_id[i];
        }
    }
    return any ? any : 999999999LL;
}

/* Whether the case holds a standing izin for an act of kind as. */
static bool model_has_izin(const struct mcase *mc, enum event as)
{
    struct case_event e;
    for (int i = 0; i < mc->n; i++)
        if (mc->pkind[i] == 'i' && mc->pfor[i] == as && !mc->refused[i] &&
            evlog_effective(mc->log, mc->n, i, &e))
            return true;
    return false;
}

/* Whether a standing urgent act of the case still waits for its approval (or its report). */
static bool model_owes(const struct mcase *mc, bool report)
{
    struct case_event e;
    for (int i = 0; i < mc->n; i++)
        if (model_search_or_seizure(mc->log, mc->n, i, &e) && e.urgent &&
            !model_approved(mc, i, report))
            return true;
    return false;
}

/* The izin a search or seizure of kind as cites: mostly a standing one of its purpose; some any
 * Penetapan (the other purpose, a persetujuan, one withdrawn, one given later), some an act
 * that is no Penetapan, a few another case's. */
static void pick_permit(struct model *m, const struct mcase *mc, struct req *r, enum event as)
{
    int cand[MAX_LOG], nc = 0, mode = rnd(m, 100);
    struct case_event e;
    for (int i = 0; i < mc->n; i++) {
        enum event ev = mc->log[i].event;
        bool ok = mode < 80 ? mc->pkind[i] == 'i' && mc->pfor[i] == as && !mc->refused[i] &&
                                  evlog_effective(mc->log, mc->n, i, &e)
                  : mode < 94 ? ev == EV_COURT_PERMIT_RECEIVED
                              : ev != EV_CORRECTED;
        if (ok)
            cand[nc++] = i;
    }
    r->permit_ix = nc > 0 && mode < 97 ? cand[rnd(m, nc)] : -1;
    r->permit_act =
        r->permit_ix >= 0 ? mc->log_id[r->permit_ix] : foreign_act(m, mc, EV_COURT_PERMIT_RECEIVED);
}

/* The act a persetujuan approves or a report names: mostly an urgent one still owed it; some
 * any search or seizure (under a permit, withdrawn, approved already), some any act, a few
 * another case's. */
static void pick_approved(struct model *m, const struct mcase *mc, struct req *r, bool report)
{
    int cand[MAX_LOG], nc = 0, mode = rnd(m, 100);
    struct case_event e;
    for (int i = 0; i < mc->n; i++) {
        enum event ev = mc->log[i].event;
        bool ok = mode < 75 ? model_search_or_seizure(mc->log, mc->n, i, &e) && e.urgent &&
                                  !model_approved(mc, i, report)
                  : mode < 90 ? ev == EV_SEARCH_DONE || ev == EV_SEIZURE_DONE
                              : ev != EV_CORRECTED;
        if (ok)
            cand[nc++] = i;
    }
    r->approves_ix = nc > 0 && mode < 97 ? cand[rnd(m, nc)] : -1;
    r->approves =
        r->approves_ix >= 0 ? mc->log_id[r->approves_ix] : foreign_act(m, mc, EV_SEIZURE_DONE);
    r->ref = r->approves_ix; /* the act it names (the core's ref) */
}

/* The act an answer names as fulfilling its item: mostly one that does, or none named; some an
 * act of the file done before the return, any act (the Sprindik, a summons), a correction, a
 * few another case's. */
static void pick_answer(struct model *m, const struct mcase *mc, struct req *r)
{
    int g = model_given(mc, r->instruction), cand[MAX_LOG], nc = 0, mode = rnd(m, 100);
    for (int i = 0; i < mc->n; i++) {
        enum event ev = mc->log[i].event;
        bool ok = mode < 70   ? model_fulfils(mc->log, mc->n, i, g) == AF_OK
                  : mode < 82 ? model_completes_file(ev)
                  : mode < 94 ? ev != EV_CORRECTED
                              : ev == EV_CORRECTED;
        if (ok)
            cand[nc++] = i;
    }
    r->answer_ix = nc > 0 && mode < 98 ? cand[rnd(m, nc)] : -1;
    if (r->answer_ix >= 0)
        r->answer_act = mc->log_id[r->answer_ix];
    else if (mode >= 70) /* none fulfils it: answered without naming an act */
        r->answer_act = foreign_act(m, mc, EV_BAP_RECORDED);
}

static const char *purpose_of(enum event as)
{
    return as == EV_SEARCH_DONE ? "penggeledahan" : "penyitaan";
}

/* The Ketua PN's Penetapan: mostly an izin, or the persetujuan of an urgent act owed one; a
 * few without its kind or purpose, an izin naming an act, a persetujuan naming none. */
static void build_penetapan(struct model *m, const struct mcase *mc, struct req *r)
{
    static const char *const fors[] = {"penggeledahan", "penyitaan"};
    static const char *const decisions[] = {NULL, NULL, NULL,      NULL,      NULL,        NULL,
                                            NULL, NULL, "ditolak", "ditolak", "dikabulkan"};
    int k = rnd(m, 100), c = rnd(m, 100);
    r->permit_for = fors[rnd(m, 2)];
    /* its court (a few none, or blank); mostly granted, some refused, a few unknown */
    r->court = c < 97 ? "Palembang" : c < 99 ? NULL : " ";
    r->decision = chance(m, 2) ? "batal" : decisions[rnd(m, 11)];
    if (k < (model_owes(mc, false) ? 40 : 85)) {
        r->permit_kind = "izin";
    } else if (k < 95) {
        r->permit_kind = "persetujuan";
        pick_approved(m, mc, r, false);
        if (r->approves_ix >= 0 && !chance(m, 8))
            r->permit_for = purpose_of(mc->log[r->approves_ix].event);
    } else {
        switch (rnd(m, 5)) {
        case 0:
            r->permit_kind = NULL;
            break;
        case 1:
            r->permit_kind = "surat";
            break;
        case 2:
            r->permit_kind = "izin";
            r->permit_for = "pemeriksaan";
            break;
        case 3:
            r->permit_kind = "izin";
            pick_approved(m, mc, r, false);
            break;
        default:
            r->permit_kind = "persetujuan";
            break;
        }
    }
}

/* A search or a seizure: under an izin when the case has one, else mostly urgent; a few with
 * both, a few with neither. */
static void build_basis(struct model *m, const struct mcase *mc, struct req *r)
{
    int k = rnd(m, 100);
    if (k < (model_has_izin(mc, r->ev) ? 55 : 8)) {
        pick_permit(m, mc, r, r->ev);
    } else if (k < 95) {
        r->urgent = true;
    } else if (k < 97) {
        r->urgent = true;
        pick_permit(m, mc, r, r->ev);
    }
}

/* A correction of a search or seizure states its basis again: mostly the same, some switch
 * between the izin and urgency or cite another izin, a few none. */
static void correct_basis(struct model *m, const struct mcase *mc, struct req *r, int t)
{
    struct case_event e;
    bool urgent = evlog_effective(mc->log, mc->n, t, &e) ? e.urgent : mc->log[t].urgent;
    int izin = model_izin_of(mc->log, mc->permit, mc->n, t), k = rnd(m, 100);
    r->urgent = false;
    if (k < 70 && izin >= 0) {
        r->permit_ix = izin;
        r->permit_act = mc->log_id[izin];
    } else if (k < 70) {
        r->urgent = urgent;
    } else if (k < 80 && (izin >= 0 || !urgent)) {
        r->urgent = true;
    } else if (k < 95) {
        pick_permit(m, mc, r, mc->log[t].event);
    }
}

/* Some corrections move an act past another that rests on it or that it rests on: an act an
 * answer names to before the return that carried the item, an izin to after an act citing it,
 * an urgent act to after its persetujuan or report (each refused while the link stands). */
static void correct_past(struct model *m, const struct mcase *mc, struct req *r, int t)
{
    struct case_event e;
    int other = -1;
    for (int i = t + 1; i < mc->n && other < 0; i++) {
        if (mc->answer_act[i] == t && mc->answer_given[i] >= 0)
            other = mc->answer_given[i];
        else if (mc->permit[i] == t || (mc->log[i].ref == t && mc->log[i].event != EV_CORRECTED &&
                                        (mc->log[i].event == EV_COURT_PERMIT_RECEIVED ||
                                         mc->log[i].event == EV_LETTER_DELIVERED)))
            other = i;
    }
    if (other < 0 || !chance(m, 60) || !evlog_effective(mc->log, mc->n, other, &e))
        return;
    bool before = mc->log[other].event == EV_P19_RECEIVED ||
                  mc->log[other].event == EV_RETURN_LETTER_RECEIVED;
    struct caldate d = caldate_add(evlog_date(&e, wib()), (before ? -1 : 1) * (1 + rnd(m, 3)));
    if (caldate_cmp(d, today_wib()) >= 0 || caldate_cmp(d, mc->opened) < 0)
        return;
    r->date = d;
    r->at = caldate_day_start(d, wib()) + 10 * 3600;
}

/* The details of a correction: withdraw the original, or re-date it with
 * its own details. */
static void build_correction(struct model *m, const struct mcase *mc, struct req *r)
{
    /* mostly an act of the corrector's own role, so that the allowed case
     * is exercised for every role; else any act */
    bool own = chance(m, 70);
    int t = -1;
    for (int tries = 0; tries < 16 && t < 0; tries++) {
        int k = rnd(m, mc->n);
        if (mc->log[k].event != EV_CORRECTED &&
            (!own || tries >= 12 || (event_info(mc->log[k].event)->recorders & r->role)))
            t = k;
    }
    /* a third of them an act another rests on: a Penetapan, a search or seizure, a report to
     * the Ketua PN, an act an answer names, a return that carried an item (DOMAIN 4.9, D8;
     * KUHAP 110(3), 138(2)) */
    bool linked = chance(m, 35);
    if (linked) {
        int cand[MAX_LOG], nc = 0;
        for (int k = 0; k < mc->n; k++) {
            enum event ev = mc->log[k].event;
            bool named = false;
            for (int i = k + 1; i < mc->n && !named; i++)
                named = mc->answer_act[i] == k || mc->answer_given[i] == k;
            if (ev == EV_COURT_PERMIT_RECEIVED || ev == EV_SEARCH_DONE || ev == EV_SEIZURE_DONE ||
                (ev == EV_LETTER_DELIVERED && mc->log[k].ref >= 0) || named)
                cand[nc++] = k;
        }
        if (nc > 0)
            t = cand[rnd(m, nc)];
    }
    if (t < 0)
        t = 0;
    const struct case_event *o = &mc->log[t];
    r->ref = t;
    r->ref_id = mc->log_id[t];
    r->foreign = !(event_info(o->event)->recorders & r->role);
    r->withdraws = chance(m, linked ? 50 : 70);
    if (r->withdraws)
        return;
    if (o->has_time)
        r->timed = true;
    /* a fifth of the replacements forget the suspect the act needs (issue 9:
     * such a correction once made its case unreadable for good) */
    if (o->suspect >= 0 && !chance(m, 20)) {
        r->suspect = o->suspect;
        r->party = mc->sus_id[o->suspect];
    }
    static const char *const baps[] = {NULL, "saksi", "tersangka", "ahli", "tambahan"};
    r->bapk = o->bap;
    r->bap = baps[o->bap];
    r->days = o->days;
    r->has_type = o->event == EV_DETAINED || o->event == EV_DETENTION_TYPE_CHANGED;
    r->type = o->det_type;
    r->has_due = caldate_valid(o->due) && !chance(m, 20); /* or the due date */
    r->due = o->due;
    r->late_reason = o->late_return;
    /* a summons corrected says again why it was urgent; a tenth forget it */
    r->urgent = o->urgent && !chance(m, 10);
    if (o->event == EV_SEARCH_DONE || o->event == EV_SEIZURE_DONE)
        correct_basis(m, mc, r, t);
    correct_past(m, mc, r, t);
    /* and some carry a field the act does not use */
    if (chance(m, 15) && o->event != EV_DETENTION_EXTENDED_PU &&
        o->event != EV_DETENTION_EXTENDED_COURT)
        r->days = 1 + rnd(m, 30);
    if (chance(m, 10) && o->event != EV_BAP_RECORDED) {
        r->bap = "saksi";
        r->bapk = BAP_SAKSI;
    }
}

static void build_details(struct model *m, const struct mcase *mc, struct req *r)
{
    static const char *const baps[] = {"saksi", "tersangka", "ahli", "tambahan"};
    static const enum bap_kind bapk[] = {BAP_SAKSI, BAP_TERSANGKA, BAP_AHLI, BAP_TAMBAHAN};
    enum event ev = r->ev;
    if (event_info(ev)->per_suspect) {
        pick_party(m, mc, r, event_is_detention(ev) && chance(m, 85) ? suspect_for(m, mc, ev) : -1);
    } else if (ev == EV_BAP_RECORDED) {
        int k = chance(m, 60) ? 1 : rnd(m, 4);
        r->bap = baps[k];
        r->bapk = bapk[k];
        if (r->bapk == BAP_TERSANGKA)
            pick_party(m, mc, r, -1);
        else if (r->bapk == BAP_SAKSI && chance(m, 50))
            r->party = mc->witness_id;
    }
    r->timed = event_is_detention(ev);
    if (ev == EV_DETENTION_EXTENDED_PU || ev == EV_DETENTION_EXTENDED_COURT)
        r->days = chance(m, 50) ? 0 : 1 + rnd(m, 60);
    if (ev == EV_DETAINED || ev == EV_DETENTION_TYPE_CHANGED) {
        r->has_type = ev == EV_DETENTION_TYPE_CHANGED || chance(m, 70);
        r->type = (enum det_type)rnd(m, DETT__COUNT);
    }
    if (ev == EV_ARRESTED || ev == EV_DETAINED)
        r->polri_order = chance(m, 65);
    r->polri_involved = ev == EV_SP3_ISSUED && chance(m, 60);
    if (ev == EV_SUMMONS_SERVED) {
        /* KUHAP 112(1): a summons calls a suspect or a witness by name; a
         * few name no one */
        if (chance(m, 50))
            r->party = mc->witness_id;
        else if (!chance(m, 20))
            pick_party(m, mc, r, -1);
        r->has_appearance = chance(m, 95);
        r->appear_in = rnd(m, 7); /* the same day .. a week on */
        r->urgent = chance(m, 15);
    }
    r->unlawful = ev == EV_DETAINED && chance(m, 20);
    /* a search or seizure under the Ketua PN's izin or in urgency, his Penetapan (KUHAP 33(1),
     * 34, 38) */
    if (ev == EV_SEARCH_DONE || ev == EV_SEIZURE_DONE)
        build_basis(m, mc, r);
    if (ev == EV_COURT_PERMIT_RECEIVED)
        build_penetapan(m, mc, r);
    if (ev == EV_LETTER_DELIVERED && chance(m, 60)) {
        /* the family's copy of an arrest's or a detention's order, or the
         * consular notice (KUHAP 18(3), 21(3); VCCR 36(1)(b)): its suspect
         * and who received it */
        static const char *const notices[] = {"keluarga_penangkapan", "keluarga_penahanan",
                                              "perwakilan_negara",    "spdp_kejari",
                                              "spdp_korwas",          "spdp_pelapor",
                                              "spdp_tersangka",       "spdp_perwakilan_negara"};
        /* or a delivery of the SPDP (issue 13.8): a suspect's copy names
         * him, the others name no one */
        r->notice = notices[rnd(m, N_NOTICES)];
        if (model_notice_of_suspect(r->notice))
            pick_party(m, mc, r, -1);
        r->received = !chance(m, 10);
    } else if (ev == EV_LETTER_DELIVERED && chance(m, model_owes(mc, true) ? 70 : 12)) {
        /* the report of an urgent search or seizure to the Ketua PN for his approval (KUHAP
         * 34, 38(2)); a few name no act, or name one without the recipient */
        r->report = !chance(m, 4);
        if (!r->report || !chance(m, 5))
            pick_approved(m, mc, r, true);
        r->received = chance(m, 30);
    }
    if (ev == EV_SP3_ISSUED) {
        /* mostly a ground of the list, some none, some not a ground */
        static const char *const tries[] = {"tidak_cukup_bukti", "bukan_tindak_pidana",
                                            "demi_hukum_kedaluwarsa", "keadilan_restoratif",
                                            "dideportasi"};
        r->ground = chance(m, 4) ? NULL : tries[rnd(m, (int)(sizeof tries / sizeof tries[0]))];
    }
    if (ev == EV_RELEASED) { /* a ground the file need not bear out: the examination is done
                              * (from detention) or shows none is called for (from an arrest), or
                              * the court's praperadilan order, an outside paper; a tenth the
                              * other custody's (KUHAP 19(1), 21, 24(3)): 422 */
        bool arrest = r->suspect >= 0 && mc->det[r->suspect].state == DET_ARRESTED;
        if (chance(m, 10))
            arrest = !arrest;
        r->ground = chance(m, 40) ? "putusan_praperadilan"
                    : arrest      ? "tidak_perlu_ditahan"
                                  : "kepentingan_terpenuhi";
    }
    r->severe_illness = ev == EV_DETENTION_EXTENDED_COURT && chance(m, 50);
    if (ev == EV_DETENTION_EXTENDED_COURT) /* the court whose Ketua extended it (KUHAP 29) */
        r->court = "Palembang";
    if (ev == EV_P19_RECEIVED)
        r->ninstr = 1 + rnd(m, 3);
    if (ev == EV_RETURN_LETTER_RECEIVED && !chance(m, 3)) {
        /* names one or two answered items as unmet (an open one if none) */
        int want = 1 + rnd(m, 2);
        for (int k = 0; k < want && r->nunmet < 2; k++) {
            long long id = mc->nanswered > 0 ? mc->answered[rnd(m, mc->nanswered)]
                           : mc->nopen > 0   ? mc->open_instr[rnd(m, mc->nopen)]
                                             : 0;
            if (id && (r->nunmet == 0 || r->unmet[0] != id))
                r->unmet[r->nunmet++] = id;
        }
    }
    if (ev == EV_P19_RECEIVED || ev == EV_RETURN_LETTER_RECEIVED) {
        struct returns rt = model_returns(mc);
        bool late = rt.received && caldate_diff(rt.received_on, r->date) > 14;
        r->late_reason = chance(m, late ? 60 : 10);
    }
    if (ev == EV_INSTRUCTION_ANSWERED)
        r->instruction = mc->nopen > 0            ? mc->open_instr[rnd(m, mc->nopen)]
                         : mc->answered_instr > 0 ? mc->answered_instr
                                                  : 999999999LL;
    if (ev == EV_INSTRUCTION_ANSWERED && chance(m, 75)) /* naming the act that fulfils it */
        pick_answer(m, mc, r);
    if (ev == EV_DIRECTION_GIVEN) {
        r->has_due = true;
        /* issue 10: due no earlier than today; a few try an earlier one */
        r->due = chance(m, 92) ? caldate_add(today_wib(), rnd(m, 21))
                               : caldate_add(today_wib(), -1 - rnd(m, 5));
    }
    r->has_note = (ev == EV_DIRECTION_GIVEN || ev == EV_DIRECTION_DONE || ev == EV_REASSIGNED) &&
                  chance(m, 95);
    if (ev == EV_DIRECTION_DONE)
        for (int i = mc->n - 1; i >= 0 && r->ref < 0; i--)
            if (mc->log[i].event == EV_DIRECTION_GIVEN) {
                r->ref = i;
                r->ref_id = mc->log_id[i];
            }
    if (ev == EV_CORRECTED)
        build_correction(m, mc, r);
    /* an SPDP names its addressee (KUHAP 109(1): the prosecutor's is the SPDP); a few name none
     * or one the law does not know */
    enum event as = ev == EV_CORRECTED && !r->withdraws && r->ref >= 0 ? mc->log[r->ref].event : ev;
    if (as == EV_SPDP_SENT) {
        int k = rnd(m, 100);
        r->sent_to = k < 3 ? NULL : k < 5 ? "zzz" : "kejari";
    }
    /* an SP3's notice names its addressee (KUHAP 109(3); UU 20/2025 Pasal 24(4)) */
    if (as == EV_SP3_NOTIFIED) {
        int k = rnd(m, 100);
        r->sp3_to = k < 3    ? NULL
                    : k < 5  ? "pelapor"
                    : k < 20 ? "korwas"
                    : k < 30 ? (k < 25 ? "suspect" : "family")
                    : k < 35 ? "reporter"
                             : "kejari";
    }
}

static void build_req(struct model *m, struct mcase *mc, int step, struct req *r)
{
    memset(r, 0, sizeof *r);
    r->suspect = -1;
    r->ref = -1;
    r->extra = -1;
    r->if_match = -1;
    r->permit_ix = r->approves_ix = r->answer_ix = -1;
    advance(m, mc);
    r->at = mc->clock;
    r->date = caldate_local_date(mc->clock, wib());
    r->ev = pick_event(m, mc, r->date);
    r->role = recorder_of(m, r->ev);
    build_details(m, mc, r);
    if (r->foreign) /* its place in the order of checks is not fixed yet: alone */
        return;
    int bad = rnd(m, 100);
    if (bad < 2) { /* a date in the future */
        r->at = (int64_t)time(NULL) + 86400 * (1 + rnd(m, 3));
        r->date = caldate_add(today_wib(), 1 + rnd(m, 3));
    } else if (bad < 3) { /* a date before the case was opened */
        r->date = caldate_add(mc->opened, -1 - rnd(m, 5));
        r->at = caldate_day_start(r->date, wib()) + 3600;
    } else if (bad < 7) { /* back-dated a few days, maybe before an act it rests on */
        int64_t back = r->at - (int64_t)(1 + rnd(m, 10)) * 86400 - rnd(m, 3600);
        int64_t floor = caldate_day_start(mc->opened, wib()) + 3600;
        r->at = back < floor ? floor : back;
        r->date = caldate_local_date(r->at, wib());
    }
    if (r->timed && chance(m, 3)) { /* `date` beside `at`, naming a day or another */
        r->both = true;
        r->said = chance(m, 50)
                      ? caldate_local_date(r->at, wib())
                      : caldate_add(caldate_local_date(r->at, wib()), chance(m, 50) ? 1 : -1);
    }
    if (chance(m, 3)) { /* a field the act does not take */
        static const enum mfield extras[] = {
            MF_PARTY,          MF_BAP,        MF_DAYS,        MF_DETENTION_TYPE,
            MF_RECIPIENT,      MF_GROUND,     MF_POLRI_ORDER, MF_POLRI_INVOLVED,
            MF_SEVERE_ILLNESS, MF_DUE,        MF_APPEARANCE,  MF_UNLAWFUL_REASON,
            MF_RECEIVED_BY,    MF_PERMIT_KIND};
        enum mfield f = extras[rnd(m, (int)(sizeof extras / sizeof extras[0]))];
        if (!req_sends(r, f) && !req_takes(mc, r, f))
            r->extra = (int)f;
    }
    int version = mc->n + 1;
    if (chance(m, 3)) {
        r->stale = true;
        r->if_match = version - 1 - rnd(m, 2);
    } else if (chance(m, 50)) {
        r->if_match = version;
    }
    if (chance(m, 10))
        snprintf(r->key, sizeof r->key, "model-%llu-%d", (unsigned long long)m->seed, step);
}

static char *req_json(const struct req *r)
{
    json_t *o = json_object();
    char buf[CALDATE_INSTANT_LEN];
    json_object_set_new(o, "type", json_string(event_code(r->ev)));
    if (r->timed) {
        caldate_format_instant(r->at, wib(), buf, sizeof buf);
        json_object_set_new(o, "at", json_string(buf));
        if (r->both) {
            caldate_format(r->said, buf, sizeof buf);
            json_object_set_new(o, "date", json_string(buf));
        }
    } else {
        caldate_format(r->date, buf, sizeof buf);
        json_object_set_new(o, "date", json_string(buf));
    }
    if (r->party)
        json_object_set_new(o, "party_id", json_integer(r->party));
    if (r->bap)
        json_object_set_new(o, "bap", json_string(r->bap));
    if (r->days)
        json_object_set_new(o, "days", json_integer(r->days));
    if (r->has_type)
        json_object_set_new(o, "detention_type", json_string(det_type_code(r->type)));
    if (r->polri_order)
        json_object_set_new(o, "polri_order", json_string("SP.Perintah/17/POLRI"));
    if (r->polri_involved)
        json_object_set_new(o, "polri_involved", json_true());
    if (r->severe_illness)
        json_object_set_new(o, "severe_illness", json_true());
    if (r->ninstr) {
        json_t *items = json_array();
        for (int i = 0; i < r->ninstr; i++)
            json_array_append_new(items, json_string("Lengkapi keterangan saksi"));
        json_object_set_new(o, "instructions", items);
    }
    if (r->instruction) {
        json_object_set_new(o, "instruction_id", json_integer(r->instruction));
        json_object_set_new(o, "answer", json_string("Sudah dilengkapi"));
    }
    if (r->nunmet > 0) {
        json_t *ids = json_array();
        for (int i = 0; i < r->nunmet; i++)
            json_array_append_new(ids, json_integer(r->unmet[i]));
        json_object_set_new(o, "unmet", ids);
    }
    if (r->late_reason)
        json_object_set_new(o, "late_reason", json_string("Berkas diterima kembali terlambat"));
    if (r->ground)
        json_object_set_new(o, "ground", json_string(r->ground));
    if (r->has_appearance) { /* counted from the day the summons is served */
        struct caldate served = r->timed ? caldate_local_date(r->at, wib()) : r->date;
        caldate_format(caldate_add(served, r->appear_in), buf, sizeof buf);
        json_object_set_new(o, "appearance", json_string(buf));
    }
    if (r->urgent)
        json_object_set_new(o, "urgent_reason", json_string("Saksi akan meninggalkan Indonesia"));
    if (r->deposit_item) {
        json_object_set_new(o, "place", json_string("Rupbasan Kelas I Palembang"));
        json_object_set_new(o, "items", json_pack("[I]", (json_int_t)r->deposit_item));
    }
    if (r->permit_kind || r->extra == MF_PERMIT_KIND)
        json_object_set_new(o, "permit_kind",
                            json_string(r->permit_kind ? r->permit_kind : "izin"));
    if (r->permit_for || r->extra == MF_PERMIT_FOR)
        json_object_set_new(o, "permit_for",
                            json_string(r->permit_for ? r->permit_for : "penyitaan"));
    if (r->permit_act)
        json_object_set_new(o, "permit_act", json_integer(r->permit_act));
    if (r->approves)
        json_object_set_new(o, "approves", json_integer(r->approves));
    if (r->court || r->extra == MF_COURT)
        json_object_set_new(o, "court", json_string(r->court ? r->court : "Palembang"));
    if (r->decision || r->extra == MF_DECISION)
        json_object_set_new(o, "decision", json_string(r->decision ? r->decision : "dikabulkan"));
    if (r->answer_act)
        json_object_set_new(o, "answer_act", json_integer(r->answer_act));
    if (r->notice || r->report)
        json_object_set_new(o, "recipient",
                            json_string(r->report ? "ketua_pn_persetujuan" : r->notice));
    if (r->sent_to)
        json_object_set_new(o, "recipient", json_string(r->sent_to));
    if (r->sp3_to)
        json_object_set_new(o, "recipient", json_string(r->sp3_to));
    if (r->received || r->extra == MF_RECEIVED_BY)
        json_object_set_new(o, "received_by", json_string("Nguyen Thi Lan (istri)"));
    if (r->unlawful || r->extra == MF_UNLAWFUL_REASON)
        json_object_set_new(o, "unlawful_reason", json_string("Surat perintah terlambat"));
    /* a short-procedure hand-over is made with its catatan (UU 6/2011 Pasal 110(2)) */
    if (r->ev == EV_SHORT_PROCEDURE_HANDOVER)
        json_object_set_new(o, "catatan",
                            json_string("Tidak memperlihatkan paspor ketika diminta petugas"));
    if (r->ev == EV_CORRECTED)
        json_object_set_new(o, "corrects", json_integer(r->ref_id));
    if (r->withdraws)
        json_object_set_new(o, "withdraws", json_true());
    if (r->ev == EV_DIRECTION_DONE && r->ref >= 0)
        json_object_set_new(o, "direction", json_integer(r->ref_id));
    if (r->has_due) {
        caldate_format(r->due, buf, sizeof buf);
        json_object_set_new(o, "due", json_string(buf));
    }
    switch (r->extra) {
    case MF_PARTY:
        json_object_set_new(o, "party_id", json_integer(1));
        break;
    case MF_BAP:
        json_object_set_new(o, "bap", json_string("saksi"));
        break;
    case MF_DAYS:
        json_object_set_new(o, "days", json_integer(5));
        break;
    case MF_DETENTION_TYPE:
        json_object_set_new(o, "detention_type", json_string("rutan"));
        break;
    case MF_RECIPIENT:
        json_object_set_new(o, "recipient", json_string("kejari"));
        break;
    case MF_GROUND:
        json_object_set_new(o, "ground", json_string("insufficient_evidence"));
        break;
    case MF_POLRI_ORDER:
        json_object_set_new(o, "polri_order", json_string("SP.Perintah/18/POLRI"));
        break;
    case MF_POLRI_INVOLVED:
        json_object_set_new(o, "polri_involved", json_true());
        break;
    case MF_SEVERE_ILLNESS:
        json_object_set_new(o, "severe_illness", json_true());
        break;
    case MF_DUE:
        caldate_format(caldate_add(r->date, 7), buf, sizeof buf);
        json_object_set_new(o, "due", json_string(buf));
        break;
    case MF_APPEARANCE:
        caldate_format(caldate_add(r->date, 5), buf, sizeof buf);
        json_object_set_new(o, "appearance", json_string(buf));
        break;
    default:
        break;
    }
    if (r->has_note)
        json_object_set_new(o, "note", json_string("Catatan uji model"));
    json_object_set_new(o, "number", json_string("B-1/IMI.3/GR.02/2026"));
    char *s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return s;
}

/* ---- comparing -------------------------------------------------------------------- */

/* A JSON array of event codes or fact codes against the model's list; ""
 * when equal, else both lists in `out`. */
static bool same_codes(json_t *arr, const char *const *want, int n, char *out, size_t outsz)
{
    bool same = json_is_array(arr) && (int)json_array_size(arr) == n;
    for (int i = 0; same && i < n; i++)
        same = strcmp(json_string_value(json_array_get(arr, (size_t)i))
                          ? json_string_value(json_array_get(arr, (size_t)i))
                          : "",
                      want[i]) == 0;
    if (!same) {
        char *got = arr ? json_dumps(arr, JSON_COMPACT) : NULL;
        size_t used = (size_t)snprintf(out, outsz, "want [");
        for (int i = 0; i < n && used < outsz; i++)
            used += (size_t)snprintf(out + used, outsz - used, "%s%s", i ? "," : "", want[i]);
        if (used < outsz)
            snprintf(out + used, outsz - used, "] got %s", got ? got : "(absent)");
        free(got);
    }
    return same;
}

/* A 422 names the facts the model expects (as a set: the order is the
 * guards'), says how to supply each (issue 8.7), and a re-send refused for
 * open P-19 items names each of them (issue 13.11). */
static bool same_facts(json_t *j, const struct missing *want, const struct mcase *mc, char *detail,
                       size_t size)
{
    json_t *got = json_object_get(j, "missing"), *hints = json_object_get(j, "hints");
    bool same = json_is_array(got) && (int)json_array_size(got) == want->n;
    for (int i = 0; same && i < want->n; i++) {
        enum fact f;
        same = fact_lookup(json_string_value(json_array_get(got, (size_t)i)), &f) &&
               missing_has(want, f);
    }
    char *text = got ? json_dumps(got, JSON_COMPACT) : NULL;
    if (!same) {
        size_t used = (size_t)snprintf(detail, size, "want {");
        for (int i = 0; i < want->n && used < size; i++)
            used += (size_t)snprintf(detail + used, size - used, "%s%s", i ? "," : "",
                                     fact_code(want->list[i]));
        if (used < size)
            snprintf(detail + used, size - used, "} got %s", text ? text : "(absent)");
        free(text);
        return false;
    }
    free(text);
    for (int i = 0; i < want->n; i++) {
        const char *how =
            json_string_value(json_object_get(json_array_get(hints, (size_t)i), "how"));
        if (json_array_size(hints) != (size_t)want->n || !how || strlen(how) < 10) {
            snprintf(detail, size, "hints absent or empty for %d missing facts", want->n);
            return false;
        }
    }
    if (missing_has(want, FACT_INSTRUCTIONS_ANSWERED)) {
        json_t *open = json_object_get(j, "open_instructions");
        bool named = json_is_array(open) && (int)json_array_size(open) == mc->nopen;
        for (int i = 0; named && i < mc->nopen; i++) {
            bool found = false;
            for (size_t k = 0; k < json_array_size(open); k++)
                found |= json_id(json_array_get(open, k), "id") == mc->open_instr[i];
            named = found;
        }
        if (!named) {
            snprintf(detail, size, "open_instructions do not name the %d open items", mc->nopen);
            return false;
        }
    }
    return true;
}

/* Compare the answer with x; true when they agree. */
static bool compare(struct model *m, int step, const struct mcase *mc, const struct req *r,
                    const char *body, const struct expect *x, long status, json_t *j)
{
    char detail[700] = "";
    bool ok = status == x->status;
    if (!ok) {
        snprintf(detail, sizeof detail, "status %ld, model %ld (%s)", status, x->status, x->why);
    } else if (status == 201) {
        int version = mc->n + 2;
        if (strcmp(json_str(j, "stage"), stage_code(x->to)) != 0 ||
            json_id(j, "version") != version || json_id(j, "seq") != mc->n + 1) {
            ok = false;
            snprintf(detail, sizeof detail,
                     "201 with stage %s version %lld seq %lld, model %s %d %d",
                     json_str(j, "stage"), json_id(j, "version"), json_id(j, "seq"),
                     stage_code(x->to), version, mc->n + 1);
        }
    } else {
        char type[96];
        snprintf(type, sizeof type, "urn:berkas:problem:%s", x->type);
        const char *codes[EV__COUNT + FACT__COUNT];
        if (strcmp(json_str(j, "type"), type) != 0) {
            ok = false;
            snprintf(detail, sizeof detail, "type %s, model %s", json_str(j, "type"), type);
        } else if (x->field && strcmp(json_str(j, "field"), x->field) != 0) {
            ok = false;
            snprintf(detail, sizeof detail, "field %s, model %s", json_str(j, "field"), x->field);
        } else if (status == 409 && strcmp(x->type, "stale-version") == 0) {
            if (json_id(j, "current_version") != mc->n + 1) {
                ok = false;
                snprintf(detail, sizeof detail, "current_version %lld, model %d",
                         json_id(j, "current_version"), mc->n + 1);
            }
        } else if (status == 409 && strcmp(x->type, "transition-not-allowed") == 0) {
            for (int i = 0; i < x->nallowed; i++)
                codes[i] = event_code(x->allowed[i]);
            json_t *got = json_object_get(j, "allowed");
            if (x->has_allowed)
                ok = same_codes(got, codes, x->nallowed, detail, sizeof detail);
            else if (got)
                ok = false, snprintf(detail, sizeof detail, "an allowed list where none is due");
        } else if (status == 422 && x->has_missing) {
            ok = same_facts(j, &x->missing, mc, detail, sizeof detail);
        }
    }
    if (!ok) {
        const char *role = r->role ? actor_code((enum actor_role)r->role) : "admin";
        mismatch(m, step, mc, "%s as %s: %s; body %.300s", body, role, detail,
                 status ? (m->cl.buf ? m->cl.buf : "") : "(transport error)");
        char sig[160];
        snprintf(sig, sizeof sig, "%s as %s: model %ld (%s), server %ld", event_code(r->ev), role,
                 x->status, x->why, status);
        note_kind(m, sig, step);
    }
    return ok;
}

/* ---- the model's cases -------------------------------------------------------------- */

static bool load_catalogue(struct client *c)
{
    if (client_call(c, "GET", "/api/v1/offences", demo.inv, NULL, -1, NULL) != 200)
        return false;
    json_t *j = client_json(c);
    int found = 0;
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(j, "items"), i, it)
    {
        for (int k = 0; k < NOFF; k++)
            if (strcmp(json_str(it, "code"), off_codes[k]) == 0) {
                catalogue[k].months = (int)json_id(it, "max_prison_months");
                catalogue[k].detainable = json_is_true(json_object_get(it, "detainable"));
                catalogue[k].short_procedure = json_is_true(json_object_get(it, "short_procedure"));
                found++;
            }
    }
    json_decref(j);
    return found == NOFF;
}

/* A new case in the pool: opened about 120 or 240 days ago, or (a third of
 * them) just before the regime switch of 2 January 2026, so that acts fall
 * under both KUHAP-1981 and KUHAP-2025. */
static struct mcase *model_open(struct model *m)
{
    struct client *c = &m->cl;
    struct mcase *mc = calloc(1, sizeof *mc);
    ck_assert_ptr_nonnull(mc);
    struct caldate today = today_wib(), before_switch = {2025, 12, 20};
    int r = rnd(m, 3);
    mc->opened = r == 0 && caldate_cmp(before_switch, caldate_add(today, -60)) < 0
                     ? caldate_add(before_switch, rnd(m, 10))
                     : caldate_add(today, (r == 1 ? -240 : -120) - rnd(m, 10));
    mc->clock = caldate_day_start(mc->opened, wib()) + 8 * 3600;
    mc->id = open_case(c, demo.inv, demo.kejari_plg, mc->opened, "Kasus model acak");
    ck_assert_msg(mc->id > 0, "opening a model case: %s", c->buf);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", mc->id);
    mc->nsus = 1 + rnd(m, MAX_SUS);
    for (int s = 0; s < mc->nsus; s++) {
        mc->sus_id[s] =
            post_id(c, path, demo.inv,
                    json_pack("{s:s, s:s, s:s, s:s}", "kind", "suspect", "name", "NGUYEN VAN AN",
                              "nationality", "VN", "passport_no", "C1234567"),
                    201);
        ck_assert_msg(mc->sus_id[s] > 0, "adding a suspect: %s", c->buf);
        detention_init(&mc->det[s]);
    }
    mc->witness_id =
        post_id(c, path, demo.inv, json_pack("{s:s, s:s}", "kind", "witness", "name", "BUDI"), 201);
    ck_assert_msg(mc->witness_id > 0, "adding a witness: %s", c->buf);
    /* the thing a deposit hands to the Rupbasan names (KUHAP 44(1)) */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", mc->id);
    mc->item_id = post_id(c, path, demo.inv,
                          json_pack("{s:s}", "description", "Paspor Vietnam C1234567"), 201);
    ck_assert_msg(mc->item_id > 0, "adding an item of evidence: %s", c->buf);
    int p = rnd(m, NPROFILES);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", mc->id);
    for (int i = 0; i < profiles[p].n; i++) {
        struct charge ch = profiles[p].c[i];
        if (ch.suspect >= mc->nsus)
            ch.suspect = mc->nsus - 1;
        json_t *b = json_pack("{s:s}", "code", off_codes[ch.off]);
        if (ch.suspect >= 0)
            json_object_set_new(b, "party_id", json_integer(mc->sus_id[ch.suspect]));
        mc->charge_id[mc->ncharges] = post_id(c, path, demo.inv, b, 201);
        ck_assert_msg(mc->charge_id[mc->ncharges] > 0, "charging: %s", c->buf);
        mc->charges[mc->ncharges++] = ch;
    }
    /* the Laporan, recorded with the case */
    mc->log[0] = evlog_event(EV_REPORT_REGISTERED, mc->opened);
    mc->permit[0] = mc->answer_act[0] = mc->answer_given[0] = -1;
    mc->n = 1;
    mc->stage = ST_PRE_INVESTIGATION;
    char *seq1 = NULL;
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", mc->id);
    const char *pc[1] = {cid};
    seq1 = sql_value(demo.db, "SELECT id FROM app.events WHERE case_id = $1::bigint AND seq = 1", 1,
                     pc);
    ck_assert_ptr_nonnull(seq1);
    mc->log_id[0] = strtoll(seq1, NULL, 10);
    free(seq1);
    m->opened++;
    return mc;
}

/* The P-19's instruction ids, now open. */
static void note_instructions(struct mcase *mc, long long event_id)
{
    char eid[24];
    snprintf(eid, sizeof eid, "%lld", event_id);
    const char *p[1] = {eid};
    char *ids = sql_value(demo.db,
                          "SELECT string_agg(id::text, ',' ORDER BY item_no) FROM "
                          "app.instructions WHERE event_id = $1::bigint",
                          1, p);
    for (char *s = ids; s && *s && mc->nopen < MAX_INSTR;) {
        char *end;
        mc->open_instr[mc->nopen++] = strtoll(s, &end, 10);
        if (mc->ngiven < MAX_GIVEN) { /* carried by the return just taken */
            mc->given_id[mc->ngiven] = mc->open_instr[mc->nopen - 1];
            mc->given_ix[mc->ngiven++] = mc->n - 1;
        }
        s = *end == ',' ? end + 1 : end;
    }
    free(ids);
}

/* The model takes the accepted act. */
static void model_accept(const struct model *m, struct mcase *mc, const struct req *r,
                         const struct expect *x, long long event_id)
{
    mc->log[mc->n] = x->ce;
    mc->log_id[mc->n] = event_id;
    mc->permit[mc->n] = r->permit_act ? r->permit_ix : -1;
    mc->pkind[mc->n] = r->ev == EV_COURT_PERMIT_RECEIVED ? r->permit_kind[0] : 0;
    mc->refused[mc->n] =
        r->ev == EV_COURT_PERMIT_RECEIVED && r->decision && strcmp(r->decision, "ditolak") == 0;
    mc->pfor[mc->n] = r->permit_for && strcmp(r->permit_for, "penggeledahan") == 0
                          ? EV_SEARCH_DONE
                          : EV_SEIZURE_DONE;
    mc->answer_act[mc->n] = r->answer_act ? r->answer_ix : -1;
    mc->ground[mc->n] = r->ground;
    mc->rground[mc->n] = r->ev == EV_RELEASED ? r->ground : NULL;
    mc->answer_given[mc->n] =
        r->ev == EV_INSTRUCTION_ANSWERED ? model_given(mc, r->instruction) : -1;
    mc->n++;
    mc->stage = x->to;
    if (event_is_detention(r->ev))
        mc->det[r->suspect] = x->det;
    if (r->ev == EV_CORRECTED)
        replay_detention(m, mc);
    if (r->ev == EV_SPDP_SENT || r->ev == EV_TAHAP1_SENT || r->ev == EV_SHORT_PROCEDURE_HANDOVER)
        mc->disclosed = true;
    if (r->ev == EV_P19_RECEIVED || r->ev == EV_RETURN_LETTER_RECEIVED)
        note_instructions(mc, event_id);
    if (r->ev == EV_INSTRUCTION_ANSWERED)
        for (int i = 0; i < mc->nopen; i++)
            if (mc->open_instr[i] == r->instruction) {
                mc->answered_instr = r->instruction;
                if (mc->nanswered < MAX_INSTR)
                    mc->answered[mc->nanswered++] = r->instruction;
                mc->open_instr[i] = mc->open_instr[--mc->nopen];
                break;
            }
}

static void model_close(struct model *m, struct mcase *mc);

/* The invariant of the write path (issue 9): a case that accepted a write
 * loads, whole (GET answers 200 and the case is not marked damaged). */
static void check_loads(struct model *m, int step, const struct mcase *mc)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", mc->id);
    long st = client_call(&m->cl, "GET", path, demo.inv, NULL, -1, NULL);
    json_t *j = client_json(&m->cl);
    json_t *d = json_object_get(j, "damaged");
    m->corrections++;
    if (st == 200 && json_is_null(d)) {
        m->loadable++;
    } else {
        mismatch(m, step, mc, "accepted correction left a case that does not load: %ld %.300s", st,
                 m->cl.buf ? m->cl.buf : "");
        note_kind(m, "an accepted correction left a case that does not load", step);
    }
    json_decref(j);
}

/* The acts that end the file: into handed_over, terminated, lapsed, administrative,
 * dismissed (DOMAIN 4.13-4.17). */
static bool ends_file(enum event ev)
{
    return ev == EV_TAHAP2_DONE || ev == EV_SHORT_PROCEDURE_HANDOVER || ev == EV_SP3_ISSUED ||
           ev == EV_LAPSED || ev == EV_DISMISSED || ev == EV_TAK_DECIDED;
}

/* The approval clocks the law owes against the case read back (DOMAIN 4.9, D8; KUHAP 34,
 * 38(2)): one per standing urgent search or seizure, due pn_approval_days (of the rule set of
 * its date) after its day; met by the first standing report of it to the Ketua PN or
 * persetujuan naming it (the report is the investigator's duty: the court's answer is then
 * awaited, and named once given, approved_by or refused_by: a refusal answers too), or, with
 * neither, closed undelivered by the act that ends the file (not_delivered); overdue when
 * met after its due day, or still running after it.  "" when they agree, else what differs in
 * `detail`. */
static void compare_pn_clocks(const struct model *m, const struct mcase *mc, json_t *j,
                              char *detail, size_t size)
{
    json_t *clocks = json_object_get(j, "clocks"), *k;
    size_t at;
    int want = 0, got = 0;
    json_array_foreach(clocks, at, k) got += strcmp(json_str(k, "code"), "pn_approval") == 0;
    detail[0] = '\0';
    for (int i = 0; i < mc->n && !detail[0]; i++) {
        struct case_event e, s;
        if (!model_search_or_seizure(mc->log, mc->n, i, &e) || !e.urgent)
            continue;
        struct caldate day = evlog_date(&e, wib());
        const struct ruleset *rs = ruleset_for_date(m->rules, RULESET_BUILTIN_COUNT, day);
        int days = rs ? rs->pn_approval_days.value : 0;
        if (days <= 0)
            continue;
        want++;
        struct caldate due = caldate_add(day, days);
        int stop = -1, approved = -1, end = -1;
        for (int t = i + 1; t < mc->n; t++) {
            if (!evlog_effective(mc->log, mc->n, t, &s))
                continue;
            if (end < 0 && ends_file(s.event))
                end = t;
            if (mc->log[t].ref != i ||
                (s.event != EV_COURT_PERMIT_RECEIVED && s.event != EV_LETTER_DELIVERED))
                continue;
            stop = stop < 0 ? t : stop;
            if (s.event == EV_COURT_PERMIT_RECEIVED && approved < 0)
                approved = t;
        }
        /* the report owed is closed undelivered by the act that ends the file, when none came
         * (no one can make it in a stage that takes no act): met by that act, late if after the
         * due day, a report or the court's answer recorded after it meeting it instead */
        bool closed = stop < 0 && end >= 0;
        if (closed)
            stop = end;
        bool late = false;
        if (stop >= 0 && evlog_effective(mc->log, mc->n, stop, &s))
            late = caldate_cmp(evlog_date(&s, wib()), due) > 0;
        else
            late = caldate_cmp(today_wib(), due) > 0;
        char d[CALDATE_DATE_LEN];
        caldate_format(due, d, sizeof d);
        json_t *c = NULL;
        json_array_foreach(clocks, at, k) if (strcmp(json_str(k, "code"), "pn_approval") == 0 &&
                                              json_id(k, "event_id") == mc->log_id[i]) c = k;
        bool report = !closed && stop >= 0 && mc->log[stop].event == EV_LETTER_DELIVERED;
        const char *by =
            stop < 0 ? ""
            : closed ? event_code(evlog_effective(mc->log, mc->n, stop, &s) ? s.event
                                                                            : mc->log[stop].event)
            : report ? "letter_delivered"
                     : "court_permit_received";
        if (!c)
            snprintf(detail, size, "no clock for the urgent act %lld", mc->log_id[i]);
        else if (strcmp(json_str(c, "due_date"), d) != 0 ||
                 json_is_true(json_object_get(c, "running")) != (stop < 0) ||
                 strcmp(json_str(c, "state"), late ? "overdue" : "ok") != 0 ||
                 strcmp(json_str(c, "stopped_by"), by) != 0 ||
                 json_id(c, "reported_by") != (report ? mc->log_id[stop] : 0) ||
                 json_id(c, "approved_by") !=
                     (approved >= 0 && !mc->refused[approved] ? mc->log_id[approved] : 0) ||
                 json_id(c, "refused_by") !=
                     (approved >= 0 && mc->refused[approved] ? mc->log_id[approved] : 0) ||
                 json_is_true(json_object_get(c, "awaiting_approval")) !=
                     (report && approved < 0) ||
                 json_is_true(json_object_get(c, "not_delivered")) != closed)
            snprintf(detail, size,
                     "act %lld: model due %s %s%s by %lld, approved by %lld; server %.300s",
                     mc->log_id[i], d, late ? "overdue" : "ok", stop < 0 ? " running" : " met",
                     stop >= 0 ? mc->log_id[stop] : 0LL, approved >= 0 ? mc->log_id[approved] : 0LL,
                     json_dumps(c, JSON_COMPACT));
    }
    if (!detail[0] && want != got)
        snprintf(detail, size, "%d pn_approval clocks, model %d", got, want);
}

/* After an act on a search or seizure, a Penetapan or a report: the case's clocks read back. */
static void check_pn_clocks(struct model *m, int step, const struct mcase *mc)
{
    char path[96], detail[700];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", mc->id);
    long st = client_call(&m->cl, "GET", path, demo.inv, NULL, -1, NULL);
    json_t *j = client_json(&m->cl);
    m->pn_clocks++;
    compare_pn_clocks(m, mc, j, detail, sizeof detail);
    if (st != 200 && !detail[0])
        snprintf(detail, sizeof detail, "GET %ld", st);
    if (detail[0]) {
        mismatch(m, step, mc, "pn_approval clock: %s", detail);
        note_kind(m, "a pn_approval clock differs from the model", step);
    }
    json_decref(j);
}

/* Now and then a charge laid in error is withdrawn (issue 13.11: an
 * extension of a detention is then refused once no detainable offence is
 * left).  True when this step was that. */
static bool model_withdraw_charge(struct model *m, struct mcase *mc, int step)
{
    if (mc->ncharges == 0 || !chance(m, 1))
        return false;
    int k = rnd(m, mc->ncharges);
    char path[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences/%lld", mc->id, mc->charge_id[k]);
    long st = client_call(&m->cl, "DELETE", path, demo.inv, NULL, -1, NULL);
    /* a file closed for good - handed over to the PU (KUHAP 8(3)(b)), diverted to administrative
     * action, dismissed - keeps its charges: its papers went with it (409, nothing changed); so
     * does one the PU holds, sent (Tahap I) or declared complete (P-21): the papers he examines
     * print them (KUHAP 110, 138(1)) */
    bool closed = mc->stage == ST_HANDED_OVER || mc->stage == ST_ADMINISTRATIVE ||
                  mc->stage == ST_DISMISSED || mc->stage == ST_WITH_PROSECUTOR ||
                  mc->stage == ST_COMPLETE;
    if (closed && st == 409)
        return true;
    if (!closed && st == 204) {
        mc->ncharges--;
        mc->charges[k] = mc->charges[mc->ncharges];
        mc->charge_id[k] = mc->charge_id[mc->ncharges];
    } else {
        mismatch(m, step, mc, "withdrawing charge %lld: %ld %.200s", mc->charge_id[k], st,
                 m->cl.buf ? m->cl.buf : "");
        note_kind(m, "a charge could not be withdrawn", step);
        mc->desynced = true;
    }
    return true;
}

static void model_step(struct model *m, int step)
{
    int slot = rnd(m, POOL);
    struct mcase *mc = m->pool[slot];
    if (model_withdraw_charge(m, mc, step))
        return;
    struct req r;
    build_req(m, mc, step, &r);
    if (r.ev == EV_EVIDENCE_DEPOSITED)
        r.deposit_item = mc->item_id;
    struct expect x;
    expect_of(m, mc, &r, &x);
    char *body = req_json(&r);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", mc->id);
    long st = client_call(&m->cl, "POST", path, token_of(r.role), body, r.if_match,
                          r.key[0] ? r.key : NULL);
    json_t *j = client_json(&m->cl);
    m->counts[st >= 0 && st < 600 ? st : 0]++;
    m->tried[mc->stage][r.ev] = true;
    bool agree = compare(m, step, mc, &r, body, &x, st, j);
    int w = 0;
    while (w < m->nwhys && strcmp(m->whys[w].why, x.why) != 0)
        w++;
    if (w == m->nwhys && w < (int)(sizeof m->whys / sizeof m->whys[0]))
        m->whys[m->nwhys++].why = x.why;
    if (w < m->nwhys)
        m->whys[w].count++;
    if (!agree && (st == 201 || x.status == 201))
        mc->desynced = true; /* the logs differ now: compare this case no more */
    if (st == 201 && x.status == 201) {
        m->took[mc->stage][r.ev] = true;
        m->accepted++;
        model_accept(m, mc, &r, &x, json_id(j, "id"));
        m->izin += r.permit_kind && strcmp(r.permit_kind, "izin") == 0;
        m->persetujuan += r.permit_kind && strcmp(r.permit_kind, "persetujuan") == 0;
        m->under_izin += r.permit_act != 0;
        m->urgent += r.urgent && r.ev != EV_SUMMONS_SERVED;
        m->reports += r.report;
        m->answer_acts += r.answer_act != 0;
    }
    if (st == 201 && r.ev == EV_CORRECTED)
        check_loads(m, step, mc);
    enum event as = r.ev == EV_CORRECTED && r.ref >= 0 ? mc->log[r.ref].event : r.ev;
    if (st == 201 && x.status == 201 &&
        (as == EV_SEARCH_DONE || as == EV_SEIZURE_DONE || as == EV_COURT_PERMIT_RECEIVED ||
         (as == EV_LETTER_DELIVERED && (r.report || r.ev == EV_CORRECTED))))
        check_pn_clocks(m, step, mc);
    json_decref(j);
    free(body);
    mc->idle = stage_terminal(mc->stage) ? mc->idle + 1 : 0;
    if (mc->desynced || mc->idle > 12 || mc->n >= MAX_LOG - 2) {
        model_close(m, mc);
        m->pool[slot] = model_open(m);
    }
}

/* The case as the server keeps it against the model: stage, version,
 * history, facts, allowed events, and the rows in the database. */
static void model_check_case(struct model *m, const struct mcase *mc)
{
    char path[96], cid[24];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", mc->id);
    snprintf(cid, sizeof cid, "%lld", mc->id);
    long st = client_call(&m->cl, "GET", path, demo.inv, NULL, -1, NULL);
    json_t *j = client_json(&m->cl);
    struct case_facts f;
    model_facts(m, mc, -1, today_wib(), &f);
    json_t *jf = json_object_get(j, "facts");
    const char *pc[1] = {cid};
    long long rows =
        sql_count(demo.db, "SELECT count(*) FROM app.events WHERE case_id = $1::bigint", 1, pc);
    int before = m->nmis;
    if (st != 200 || !json_is_null(json_object_get(j, "damaged")) ||
        strcmp(json_str(j, "stage"), stage_code(mc->stage)) != 0 ||
        json_id(j, "version") != mc->n + 1 ||
        (int)json_array_size(json_object_get(j, "history")) != mc->n || rows != mc->n)
        mismatch(m, -1, mc,
                 "final GET: status %ld stage %s version %lld history %zu rows %lld; "
                 "model %s version %d, %d events",
                 st, json_str(j, "stage"), json_id(j, "version"),
                 json_array_size(json_object_get(j, "history")), rows, stage_code(mc->stage),
                 mc->n + 1, mc->n);
    else if (json_is_true(json_object_get(jf, "spdp_sent")) != f.spdp_sent ||
             json_is_true(json_object_get(jf, "resume_written")) != f.resume_written ||
             json_is_true(json_object_get(jf, "p21")) != f.p21 ||
             json_id(jf, "suspects") != f.suspects ||
             json_id(jf, "suspects_without_bap") != f.suspects_without_bap ||
             json_id(jf, "instructions_open") != f.instructions_open ||
             json_id(jf, "offences") != f.offences)
        mismatch(m, -1, mc, "final facts %s", m->cl.buf);
    else {
        enum event ev[EV__COUNT];
        const char *codes[EV__COUNT];
        int n = fsm_allowed(mc->stage, &f, ev, EV__COUNT), k = 0;
        for (int i = 0; i < n; i++)
            if (event_recordable_by(ev[i], ACTOR_INVESTIGATOR))
                codes[k++] = event_code(ev[i]);
        json_t *types = json_array();
        size_t i;
        json_t *it;
        json_array_foreach(json_object_get(j, "allowed_events"), i, it)
            json_array_append_new(types, json_string(json_str(it, "type")));
        char detail[700];
        if (!same_codes(types, codes, k, detail, sizeof detail))
            mismatch(m, -1, mc, "final allowed_events: %s", detail);
        json_decref(types);
        compare_pn_clocks(m, mc, j, detail, sizeof detail);
        if (detail[0])
            mismatch(m, -1, mc, "final pn_approval clock: %s", detail);
    }
    if (m->nmis > before)
        note_kind(m, "the case read back (GET, rows) differs from the model", -1);
    json_decref(j);
}

/* A case leaves the pool: compare it one last time, then forget it. */
static void model_close(struct model *m, struct mcase *mc)
{
    if (!mc->desynced)
        model_check_case(m, mc);
    free(mc);
}

static uint64_t env_u64(const char *name, uint64_t dflt)
{
    const char *v = getenv(name);
    if (!v || !*v)
        return dflt;
    char *end;
    unsigned long long n = strtoull(v, &end, 10);
    return *end ? dflt : (uint64_t)n;
}

static double mono_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void model_report(const struct model *m, double secs, long steps)
{
    int pairs = 0, tried = 0, took = 0;
    for (int s = 0; s < ST__COUNT; s++)
        for (int e = 0; e < EV__COUNT; e++) {
            pairs += fsm_accepts((enum stage)s, (enum event)e, NULL);
            tried += m->tried[s][e];
            took += m->took[s][e] && fsm_accepts((enum stage)s, (enum event)e, NULL);
        }
    printf("model: seed %llu, %ld steps in %.1f s (%.0f steps/s), %ld cases, %ld events "
           "accepted; 201 %ld, 400 %ld, 403 %ld, 404 %ld, 409 %ld, 422 %ld, other %ld; "
           "(stage, event) pairs tried %d of %d, table rows taken %d of %d; mismatches %d\n",
           (unsigned long long)m->seed, steps, secs, secs > 0 ? (double)steps / secs : 0.0,
           m->opened, m->accepted, m->counts[201], m->counts[400], m->counts[403], m->counts[404],
           m->counts[409], m->counts[422],
           steps - m->counts[201] - m->counts[400] - m->counts[403] - m->counts[404] -
               m->counts[409] - m->counts[422],
           tried, ST__COUNT * EV__COUNT, took, pairs, m->nmis);
    printf("{\"test\":\"B10-model\",\"seed\":%llu,\"steps\":%ld,\"seconds\":%.1f,"
           "\"accepted\":%ld,\"s201\":%ld,\"s409\":%ld,\"s422\":%ld,\"mismatches\":%d,"
           "\"pass\":%s}\n",
           (unsigned long long)m->seed, steps, secs, m->accepted, m->counts[201], m->counts[409],
           m->counts[422], m->nmis, m->nmis == 0 ? "true" : "false");
    printf("  accepted corrections %ld, cases that loaded after them %ld\n", m->corrections,
           m->loadable);
    printf("  accepted (with corrections): izin %ld, persetujuan %ld, searches and seizures under "
           "an izin %ld, urgent %ld, reports to the Ketua PN %ld, answers naming their act %ld; "
           "approval clocks read back %ld times\n",
           m->izin, m->persetujuan, m->under_izin, m->urgent, m->reports, m->answer_acts,
           m->pn_clocks);
    printf("  answers by the rule that decided them:");
    for (int w = 0; w < m->nwhys; w++)
        printf("%s %ld x %s", w ? "," : "", m->whys[w].count, m->whys[w].why);
    printf("\n");
    printf("  table rows never taken:");
    for (int s = 0; s < ST__COUNT; s++)
        for (int e = 0; e < EV__COUNT; e++)
            if (fsm_accepts((enum stage)s, (enum event)e, NULL) && !m->took[s][e])
                printf(" %s:%s", stage_code((enum stage)s), event_code((enum event)e));
    printf("\n");
    for (int k = 0; k < m->nkinds; k++)
        printf("  mismatch kind %d: %d x %s (first at step %d)\n", k + 1, m->kinds[k].count,
               m->kinds[k].sig, m->kinds[k].first_step);
    for (int i = 0; i < m->nmis && i < MAX_REPORT; i++)
        printf("  mismatch %d: %s\n", i + 1, m->report[i]);
    fflush(stdout);
}

START_TEST(test_model_random_walk_agrees_with_core)
{
    static struct model m; /* large: keep it off the stack */
    memset(&m, 0, sizeof m);
    m.seed = env_u64("BERKAS_MODEL_SEED", DEFAULT_SEED);
    m.rng = m.seed;
    long steps = (long)env_u64("BERKAS_MODEL_STEPS", DEFAULT_STEPS);
    printf("model: seed %llu (BERKAS_MODEL_SEED), %ld steps (BERKAS_MODEL_STEPS)\n",
           (unsigned long long)m.seed, steps);
    fflush(stdout);
    ck_assert(client_init(&m.cl, demo.port));
    for (int i = 0; i < RULESET_BUILTIN_COUNT; i++)
        m.rules[i] = *ruleset_builtin(i);
    /* the model's premise: the database holds the built-in rule sets unamended */
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.ruleset_values v JOIN app.rulesets r "
                               "ON r.name = v.ruleset",
                               0, NULL),
                     (long long)RULESET_BUILTIN_COUNT * ruleset_key_count());
    for (int i = 0; i < RULESET_BUILTIN_COUNT; i++)
        for (int k = 0; k < ruleset_key_count(); k++) {
            const struct rule_key *key = ruleset_key_at(k);
            const char *p[2] = {m.rules[i].name, key->key};
            long long v = sql_count(demo.db,
                                    "SELECT value FROM app.ruleset_values WHERE ruleset = $1 "
                                    "AND key = $2",
                                    2, p);
            ck_assert_msg(v == ruleset_value(&m.rules[i], key)->value, "%s %s: db %lld",
                          m.rules[i].name, key->key, v);
        }
    ck_assert_msg(load_catalogue(&m.cl), "offence catalogue: %s", m.cl.buf);
    for (int i = 0; i < POOL; i++)
        m.pool[i] = model_open(&m);
    double t0 = mono_seconds();
    for (long s = 1; s <= steps; s++)
        model_step(&m, (int)s);
    double secs = mono_seconds() - t0;
    for (int i = 0; i < POOL; i++)
        model_close(&m, m.pool[i]);
    ck_assert_int_eq(client_call(&m.cl, "POST", "/api/v1/verify-chain", tok_admin, "{}", -1, NULL),
                     200);
    json_t *v = client_json(&m.cl);
    bool intact = json_is_true(json_object_get(v, "intact"));
    char chain[512];
    snprintf(chain, sizeof chain, "%s", m.cl.buf);
    json_decref(v);
    /* issue 10: every case summary the walk wrote, act by act, is what its
     * log recomputes to */
    ck_assert_int_eq(
        client_call(&m.cl, "POST", "/api/v1/summaries/check", tok_admin, "{}", -1, NULL), 200);
    v = client_json(&m.cl);
    bool summaries = json_is_true(json_object_get(v, "consistent")) &&
                     json_integer_value(json_object_get(v, "cases")) > POOL;
    char sums[512];
    snprintf(sums, sizeof sums, "%s", m.cl.buf);
    json_decref(v);
    model_report(&m, secs, steps);
    client_free(&m.cl);
    ck_assert_msg(intact, "the chain is broken after the walk: %s", chain);
    ck_assert_msg(summaries, "summaries differ from their logs after the walk: %s", sums);
    ck_assert_msg(m.nmis == 0, "%d mismatches between berkasd and the core (seed %llu); first: %s",
                  m.nmis, (unsigned long long)m.seed, m.report[0]);
}
END_TEST

/* ---- concurrent writers on one case (RELIABILITY.md L2, L4) ------------------------- */

#define WRITERS    8
#define ITERATIONS 50

struct writer {
    long long case_id;
    char date[CALDATE_DATE_LEN];
    int n201, n409, stale, other;
    int seqs[ITERATIONS];
    char first_other[300];
};

static void *writer_run(void *arg)
{
    struct writer *w = arg;
    struct client c;
    if (!client_init(&c, demo.port)) {
        w->other = ITERATIONS;
        return NULL;
    }
    char path[96], events[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", w->case_id);
    snprintf(events, sizeof events, "/api/v1/cases/%lld/events", w->case_id);
    for (int i = 0; i < ITERATIONS; i++) {
        long st = client_call(&c, "GET", path, demo.inv, NULL, -1, NULL);
        json_t *j = client_json(&c);
        int version = (int)json_id(j, "version");
        json_decref(j);
        if (st != 200 || version < 1) {
            w->other++;
            continue;
        }
        json_t *b = json_pack("{s:s, s:s, s:s}", "type", "letter_delivered", "date", w->date,
                              "note", "tanda terima");
        char *body = json_dumps(b, JSON_COMPACT);
        json_decref(b);
        st = client_call(&c, "POST", events, demo.inv, body, version, NULL);
        free(body);
        j = client_json(&c);
        if (st == 201) {
            w->seqs[w->n201++] = (int)json_id(j, "seq");
        } else if (st == 409) {
            w->n409++;
            /* stale: the type says so and the server's version moved past ours */
            if (strcmp(json_str(j, "type"), "urn:berkas:problem:stale-version") == 0 &&
                json_id(j, "current_version") > version)
                w->stale++;
        } else {
            if (!w->other)
                snprintf(w->first_other, sizeof w->first_other, "%ld %s", st, c.buf);
            w->other++;
        }
        json_decref(j);
    }
    client_free(&c);
    return NULL;
}

static long long case_version(struct client *c, long long id)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    if (client_call(c, "GET", path, demo.inv, NULL, -1, NULL) != 200)
        return -1;
    json_t *j = client_json(c);
    long long v = json_id(j, "version");
    json_decref(j);
    return v;
}

static bool chain_intact(struct client *c, char *out, size_t outsz)
{
    long st = client_call(c, "POST", "/api/v1/verify-chain", tok_admin, "{}", -1, NULL);
    json_t *j = client_json(c);
    bool intact = st == 200 && json_is_true(json_object_get(j, "intact"));
    snprintf(out, outsz, "%ld %s", st, c->buf ? c->buf : "");
    json_decref(j);
    return intact;
}

START_TEST(test_concurrent_writers_lose_and_duplicate_nothing)
{
    struct client c;
    ck_assert(client_init(&c, demo.port));
    struct caldate today = today_wib();
    long long id =
        open_case(&c, demo.inv, demo.kejari_plg, caldate_add(today, -3), "Penulis serentak");
    ck_assert_msg(id > 0, "%s", c.buf);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *pc[1] = {cid};
    const char *count_sql = "SELECT count(*) FROM app.events WHERE case_id = $1::bigint";
    long long before = sql_count(demo.db, count_sql, 1, pc);
    long long version_before = case_version(&c, id);

    static struct writer w[WRITERS];
    pthread_t t[WRITERS];
    memset(w, 0, sizeof w);
    double t0 = mono_seconds();
    for (int i = 0; i < WRITERS; i++) {
        w[i].case_id = id;
        caldate_format(today, w[i].date, sizeof w[i].date);
        ck_assert_int_eq(pthread_create(&t[i], NULL, writer_run, &w[i]), 0);
    }
    int n201 = 0, n409 = 0, stale = 0, other = 0;
    bool seen[WRITERS * ITERATIONS + 8] = {false};
    bool dup_seq = false;
    for (int i = 0; i < WRITERS; i++) {
        pthread_join(t[i], NULL);
        n201 += w[i].n201;
        n409 += w[i].n409;
        stale += w[i].stale;
        other += w[i].other;
        for (int k = 0; k < w[i].n201; k++) {
            int s = w[i].seqs[k] - (int)before;
            if (s < 1 || s > WRITERS * ITERATIONS || seen[s])
                dup_seq = true;
            else
                seen[s] = true;
        }
    }
    double secs = mono_seconds() - t0;
    long long after = sql_count(demo.db, count_sql, 1, pc);
    long long dups = sql_count(demo.db,
                               "SELECT count(*) FROM (SELECT case_id, seq FROM app.events "
                               "GROUP BY case_id, seq HAVING count(*) > 1) d",
                               0, NULL);
    long long max_seq =
        sql_count(demo.db, "SELECT max(seq) FROM app.events WHERE case_id = $1::bigint", 1, pc);
    long long version_after = case_version(&c, id);
    char chain[512];
    bool intact = chain_intact(&c, chain, sizeof chain);
    printf("writers: %d threads x %d, %.1f s: 201 %d, 409 %d (stale-version %d), other %d; "
           "events %lld -> %lld, version %lld -> %lld\n",
           WRITERS, ITERATIONS, secs, n201, n409, stale, other, before, after, version_before,
           version_after);
    fflush(stdout);
    client_free(&c);
    ck_assert_msg(other == 0, "%d answers neither 201 nor 409, first: %s", other,
                  w[0].first_other[0] ? w[0].first_other : "(another writer's)");
    ck_assert_int_eq(n201 + n409, WRITERS * ITERATIONS);
    ck_assert_msg(stale == n409, "%d of %d refusals were not stale-version", n409 - stale, n409);
    /* a commit makes at most one in-flight attempt of each other writer stale */
    ck_assert_int_ge(n201, ITERATIONS);
    ck_assert_int_eq(after, before + n201); /* none lost, none extra */
    ck_assert_int_eq(max_seq, after);       /* seq has no gap */
    ck_assert_msg(!dup_seq, "two 201s named the same seq");
    ck_assert_int_eq(dups, 0); /* no seq twice in the table */
    ck_assert_int_eq(version_after, version_before + n201);
    ck_assert_msg(intact, "chain after concurrent writers: %s", chain);
}
END_TEST

/* ---- idempotent retry (RELIABILITY.md F6) ----------------------------------------------- */

#define TWINS 4

struct twin {
    long long case_id;
    const char *body;
    const char *key;
    pthread_barrier_t *go;
    long status;
    char *answer;
};

static void *twin_run(void *arg)
{
    struct twin *t = arg;
    struct client c;
    bool ok = client_init(&c, demo.port);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", t->case_id);
    pthread_barrier_wait(t->go);
    if (ok) {
        t->status = client_call(&c, "POST", path, demo.inv, t->body, -1, t->key);
        t->answer = strdup(c.buf ? c.buf : "");
    }
    client_free(&c);
    return NULL;
}

static long post_keyed(struct client *c, long long id, const char *body, const char *key,
                       char **answer)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    long st = client_call(c, "POST", path, demo.inv, body, -1, key);
    *answer = strdup(c->buf ? c->buf : "");
    return st;
}

START_TEST(test_idempotent_retry_answers_the_same_and_writes_once)
{
    struct client c;
    ck_assert(client_init(&c, demo.port));
    struct caldate today = today_wib();
    char d[CALDATE_DATE_LEN], key1[64], key2[64];
    caldate_format(today, d, sizeof d);
    long long id =
        open_case(&c, demo.inv, demo.kejari_plg, caldate_add(today, -2), "Kunci idempoten");
    ck_assert_msg(id > 0, "%s", c.buf);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *pc[1] = {cid};
    const char *count_sql = "SELECT count(*) FROM app.events WHERE case_id = $1::bigint";
    snprintf(key1, sizeof key1, "retry-%lld-1", id);
    snprintf(key2, sizeof key2, "retry-%lld-2", id);
    char body1[160], body2[160], other[160];
    snprintf(body1, sizeof body1, "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"note\":\"1\"}",
             d);
    snprintf(body2, sizeof body2, "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"note\":\"2\"}",
             d);
    snprintf(other, sizeof other, "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"note\":\"x\"}",
             d);

    /* in sequence: the retry gets the first answer, byte for byte */
    long long n0 = sql_count(demo.db, count_sql, 1, pc);
    char *a1, *a2;
    long s1 = post_keyed(&c, id, body1, key1, &a1);
    long s2 = post_keyed(&c, id, body1, key1, &a2);
    long long n1 = sql_count(demo.db, count_sql, 1, pc);
    ck_assert_msg(s1 == 201, "first: %ld %s", s1, a1);
    ck_assert_int_eq(s2, s1);
    ck_assert_str_eq(a2, a1);
    ck_assert_int_eq(n1, n0 + 1);

    /* at once from four threads: one writes, all get the same answer */
    pthread_barrier_t go;
    pthread_barrier_init(&go, NULL, TWINS);
    struct twin tw[TWINS];
    pthread_t th[TWINS];
    for (int i = 0; i < TWINS; i++) {
        tw[i] = (struct twin){.case_id = id, .body = body2, .key = key2, .go = &go};
        ck_assert_int_eq(pthread_create(&th[i], NULL, twin_run, &tw[i]), 0);
    }
    for (int i = 0; i < TWINS; i++)
        pthread_join(th[i], NULL);
    pthread_barrier_destroy(&go);
    long long n2 = sql_count(demo.db, count_sql, 1, pc);
    printf("idempotency: sequential 201 x2 identical; concurrent statuses %ld %ld %ld %ld; "
           "events %lld -> %lld -> %lld\n",
           tw[0].status, tw[1].status, tw[2].status, tw[3].status, n0, n1, n2);
    fflush(stdout);
    for (int i = 0; i < TWINS; i++) {
        ck_assert_msg(tw[i].answer && tw[i].status == 201, "twin %d: %ld %s", i, tw[i].status,
                      tw[i].answer ? tw[i].answer : "");
        ck_assert_str_eq(tw[i].answer, tw[0].answer);
    }
    ck_assert_int_eq(n2, n1 + 1);

    /* the same key with another body: refused, nothing written */
    char *a3;
    long s3 = post_keyed(&c, id, other, key1, &a3);
    json_t *j = json_loads(a3, 0, NULL);
    ck_assert_msg(s3 == 422, "reused key: %ld %s", s3, a3);
    ck_assert_str_eq(json_str(j, "type"), "urn:berkas:problem:idempotency-key-reused");
    json_decref(j);
    ck_assert_int_eq(sql_count(demo.db, count_sql, 1, pc), n2);
    /* ...and the first request still replays */
    char *a4;
    ck_assert_int_eq(post_keyed(&c, id, body1, key1, &a4), 201);
    ck_assert_str_eq(a4, a1);
    ck_assert_int_eq(sql_count(demo.db, count_sql, 1, pc), n2);
    free(a1);
    free(a2);
    free(a3);
    free(a4);
    for (int i = 0; i < TWINS; i++)
        free(tw[i].answer);
    client_free(&c);
}
END_TEST

/* ---- the chain check names an edited and a deleted row (RELIABILITY.md B5) ----------- */

/* The broken link named for case id, or NULL. */
static json_t *broken_for(json_t *broken, long long id)
{
    size_t i;
    json_t *b;
    json_array_foreach(broken, i, b) if (json_id(b, "case_id") == id) return b;
    return NULL;
}

START_TEST(test_chain_check_names_edited_and_deleted_rows)
{
    char *cdb = harness_new_demo_db("model_chain");
    char *extra[] = {"--db", cdb, "--demo", NULL};
    struct proc p2;
    int port2;
    char why[300] = "";
    bool started = false;
    /* a free port can be taken by another process before berkasd binds it */
    for (int attempt = 0; attempt < 3 && !started; attempt++) {
        started = berkasd_start(&p2, &port2, extra);
        if (!started) {
            char *out = proc_output(&p2);
            snprintf(why, sizeof why, "%s", out);
            free(out);
            proc_free(&p2);
        }
    }
    ck_assert_msg(started, "berkasd on model_chain did not start: %s", why);
    char *inv = api_login(port2, NIP_INV_PLG, DEMO_PW);
    char *admin = api_login(port2, NIP_ADMIN_DITJEN, DEMO_PW);
    ck_assert(inv && admin);
    char *kj = sql_value(cdb, "SELECT id FROM app.offices WHERE code = 'KEJARI-PLG'", 0, NULL);
    struct client c;
    ck_assert(client_init(&c, port2));
    struct caldate today = today_wib();
    char d[CALDATE_DATE_LEN];
    caldate_format(today, d, sizeof d);
    long long ids[2];
    for (int k = 0; k < 2; k++) {
        ids[k] = open_case(&c, inv, strtoll(kj, NULL, 10), caldate_add(today, -5), "Rantai");
        ck_assert_msg(ids[k] > 0, "%s", c.buf);
        char path[96], body[160];
        snprintf(path, sizeof path, "/api/v1/cases/%lld/events", ids[k]);
        for (int i = 0; i < 3; i++) { /* seq 2, 3, 4 */
            snprintf(body, sizeof body,
                     "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"number\":\"S-%d\"}", d, i);
            ck_assert_msg(client_call(&c, "POST", path, inv, body, -1, NULL) == 201, "%s", c.buf);
        }
    }
    ck_assert_int_eq(client_call(&c, "POST", "/api/v1/verify-chain", admin, "{}", -1, NULL), 200);
    json_t *j = client_json(&c);
    ck_assert_msg(json_is_true(json_object_get(j, "intact")), "before: %s", c.buf);
    json_decref(j);

    /* as the owner, past the append-only trigger: edit one row, delete another */
    char a[24], b[24];
    snprintf(a, sizeof a, "%lld", ids[0]);
    snprintf(b, sizeof b, "%lld", ids[1]);
    const char *pa[1] = {a}, *pb[1] = {b};
    free(sql_value(cdb, "ALTER TABLE app.events DISABLE TRIGGER events_append_only", 0, NULL));
    free(sql_value(cdb,
                   "UPDATE app.events SET doc_number = 'forged' WHERE case_id = $1::bigint "
                   "AND seq = 3",
                   1, pa));
    free(sql_value(cdb, "DELETE FROM app.events WHERE case_id = $1::bigint AND seq = 2", 1, pb));
    free(sql_value(cdb, "ALTER TABLE app.events ENABLE TRIGGER events_append_only", 0, NULL));

    ck_assert_int_eq(client_call(&c, "POST", "/api/v1/verify-chain", admin, "{}", -1, NULL), 200);
    printf("chain: %s\n", c.buf);
    fflush(stdout);
    j = client_json(&c);
    json_t *broken = json_object_get(j, "broken");
    ck_assert(json_is_false(json_object_get(j, "intact")));
    ck_assert_int_eq(json_array_size(broken), 2);
    json_t *ea = broken_for(broken, ids[0]), *eb = broken_for(broken, ids[1]);
    ck_assert_msg(ea && eb, "both cases named: %s", c.buf);
    ck_assert_int_eq(json_id(ea, "seq"), 3);
    ck_assert_str_eq(json_str(ea, "reason"), "the row was changed after it was recorded");
    ck_assert_int_eq(json_id(eb, "seq"), 2);
    ck_assert_str_eq(json_str(eb, "reason"), "missing event");
    json_decref(j);
    client_free(&c);
    free(kj);
    free(inv);
    free(admin);
    proc_stop(&p2);
    proc_free(&p2);
    free(cdb);
}
END_TEST

Suite *suite_model(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("model");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_model_random_walk_agrees_with_core);
    tcase_add_test(tc, test_concurrent_writers_lose_and_duplicate_nothing);
    tcase_add_test(tc, test_idempotent_retry_answers_the_same_and_writes_once);
    tcase_add_test(tc, test_chain_check_names_edited_and_deleted_rows);
    suite_add_tcase(s, tc);
    return s;
}
