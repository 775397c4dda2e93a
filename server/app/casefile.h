/*
 * casefile.h - one case as the core sees it, loaded inside a transaction.
 *
 * The event log rows become core `struct case_event`s (suspects mapped to
 * indices, references to indices, payload members to fields), the offences
 * charged become facts, and the rule sets come from the database (seeded
 * from the core's built-ins, amended by administrators).  Everything the
 * use cases decide is decided by server/core over this snapshot.
 */
#ifndef BERKAS_APP_CASEFILE_H
#define BERKAS_APP_CASEFILE_H

#include <jansson.h>
#include <stdbool.h>

#include "actor.h"
#include "core/caldate.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/evlog.h"
#include "core/facts.h"
#include "core/ruleset.h"
#include "core/stage.h"
#include "core/mustcheck.h"

struct tx;
struct store_log;

struct charged {
    long long party_id; /* 0: charged to the case as a whole */
    int max_prison_months;
    bool detainable;
    bool short_procedure;
    char code[16];
};

struct casefile {
    long long id, office_id, kejari_id;
    char number[128];
    char opened_on[CALDATE_DATE_LEN];
    char tz[32];
    const struct tzone *zone;
    enum stage stage;
    int version;
    bool disclosed;
    bool reporter; /* a reporter or victim to tell (MK 130/2015): a party of that kind, or a
                      file from a public report (sql/0041) */
    unsigned char last_hash[32];
    long long now;  /* the database's clock when the case was read, Unix seconds */
    char *snapshot; /* the stored snapshot's text (snapshot.h), read with the case row under
                       its lock (the write path); NULL otherwise or when there is none */

    int head_events; /* the case row's count of events (read with its lock, the write path) */

    int nevents;
    int ev_cap;            /* room in ev, ev_id, ev_payload (> nevents: the write appends) */
    struct case_event *ev; /* the log, in seq order */
    long long *ev_id;      /* their row ids */
    json_t **ev_payload;   /* their payloads (owned) */

    int nsuspects;
    long long *suspect_ids;    /* party ids of the suspects; index = core suspect index */
    bool *suspect_foreign;     /* ... of a nationality other than Indonesian (VCCR 36) */
    bool *suspect_interpreted; /* ... who does not speak Indonesian (KUHAP 53, 177) */

    int ncharged;
    struct charged *charged;

    /* the rule sets' versions, in date order (malloc'd, exactly nrulesets: up to RULESET_MAX
     * versions inline made every case file 14 KB, zeroed and copied on each act - issue 12) */
    int nrulesets;
    struct ruleset *rulesets;
};

/* Load case id as the actor sees it (the visibility rule, then RLS), with
 * FOR UPDATE when lock.  BERR_NOT_FOUND when the actor may not see it. */
BERKAS_MUST_CHECK bool casefile_load(struct tx *tx, const struct actor *who, long long id,
                                     bool lock, struct casefile *cf, struct berr *err);
void casefile_free(struct casefile *cf);

/* casefile_load without lock for the case's page, the log read once (issue 12.4): *log keeps
 * the rows read with what the page shows of each act (store_casefile_page_log), for the caller
 * to free (store_log_free) once the page is shaped; cf's ev_payload are the payloads it shows.
 * On failure cf and *log are freed. */
BERKAS_MUST_CHECK bool casefile_load_page(struct tx *tx, const struct actor *who, long long id,
                                          struct casefile *cf, struct store_log *log,
                                          struct berr *err);

/* casefile_load with lock for the write path, and *next_event the id the
 * act's row will take (one statement: store_casefile_head_for_write): the log
 * is taken from the write path's cache when the case row's chain head says it
 * is the same log (logcache.h), else read.  Release with casefile_release. */
BERKAS_MUST_CHECK bool casefile_load_for_write(struct tx *tx, const struct actor *who, long long id,
                                               struct casefile *cf, long long *next_event,
                                               struct berr *err);

/* Give cf's log back to the cache (it must be the log ending with
 * cf->last_hash after cf->nevents events), then casefile_free. */
void casefile_release(struct casefile *cf);

/* Load the cases ids[0..n) (ascending) into cfs[0..n), as the transaction's
 * database role sees them: the maintainer's (berkas_maint, 0009), which sees
 * every case, for rebuilding and checking summaries.  A case not found keeps
 * id 0; offences charged are not loaded.  Three queries for the whole batch.
 * On failure every cfs[i] is freed. */
BERKAS_MUST_CHECK bool casefile_load_many(struct tx *tx, const long long *ids, int n,
                                          struct casefile *cfs, struct berr *err);

/* The core suspect index of a party, or -1 when it is not a suspect. */
BERKAS_MUST_CHECK int casefile_suspect_index(const struct casefile *cf, long long party_id);

/* The log index of an event row id, or -1. */
BERKAS_MUST_CHECK int casefile_event_index(const struct casefile *cf, long long event_id);

/* The log index of the act a correction at index k stands for (a correction of a correction
 * corrects the original: evlog.h), k itself for an act; -1 for -1 or a broken chain. */
BERKAS_MUST_CHECK int casefile_root(const struct casefile *cf, int k);

/* The act an act of type ev stands for: a correction's (of the row id corrects) at the root of
 * its chain, any other its own; ev when the chain is not in the log. */
BERKAS_MUST_CHECK enum event casefile_acting_as(const struct casefile *cf, enum event ev,
                                                long long corrects);

/* Whether the file was handed over under the short procedure (UU 6/2011 Pasal 110; DOMAIN
 * 4.14): its stage is handed_over by a short_procedure_handover that stands - not Tahap II
 * (stage_label_of). */
BERKAS_MUST_CHECK bool casefile_handed_short(const struct casefile *cf);

/* The facts for an act dated act_date concerning suspect (or -1): log-derived
 * facts plus the offences charged to that suspect (or to the case). */
void casefile_facts(const struct casefile *cf, int suspect, struct caldate act_date,
                    struct case_facts *f);

/* As casefile_facts, with the log-derived facts from fold (the case's folded
 * state, snapshot.h) instead of a fold of cf's log. */
void casefile_facts_from(const struct casefile *cf, const struct evlog_fold *fold, int suspect,
                         struct caldate act_date, struct case_facts *f);

/* The clocks' input of cf's log as of now (the log, zone, rule sets, foreign suspects). */
void casefile_clock_input(const struct casefile *cf, long long now, struct clock_input *in);

/* The clocks of the case as of now.  out->items must have room for cap.
 * false with err when the log does not load (clock_compute): the one
 * validation every reader and the write path run (a write whose snapshot is
 * believed runs it by steps: casestate_step). */
BERKAS_MUST_CHECK bool casefile_clocks(const struct casefile *cf, long long now,
                                       struct clock_set *out, struct berr *err);

/* Fill a core event from a payload and the row's columns (used by the loader
 * and by the recorder for the new act). */
void casefile_event_from(const struct casefile *cf, enum event type, const char *legal_date,
                         const char *legal_at, long long party_id, long long corrects,
                         json_t *payload, struct case_event *out);

#endif
