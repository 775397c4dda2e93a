/*
 * app.h - the use cases of berkas, independent of HTTP.
 *
 * struct app is what every use case needs: the database pool and facts
 * fixed at start-up.  The HTTP layer calls app_* functions and turns their
 * results and errors into replies; nothing here knows about HTTP.  Results
 * that go out as documents are built as jansson values (the interchange
 * format, not an HTTP detail); the caller owns them.
 *
 * Every use case that touches case data runs in one transaction as its
 * acting user (store/tx.h), checks the rules itself, and leaves row-level
 * security in PostgreSQL as the second fence.
 */
#ifndef BERKAS_APP_APP_H
#define BERKAS_APP_APP_H

#include <jansson.h>
#include <sodium.h>
#include <stdbool.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct db_pool;
struct render_engine;
struct throttle;
struct pwlist;
struct summary_refresher;
struct render_slot;
struct replica;

struct app {
    struct db_pool *db;
    int schema_version;              /* the latest migration applied */
    char pg_version[32];             /* "15.18" */
    bool embedded;                   /* the database is berkasd's own cluster */
    struct render_engine *render;    /* the forms, loaded and checked at start-up; once serving,
                                        read through app_render() (swapped on SIGHUP) */
    struct render_slot *render_slot; /* app_render_start: the engine in force and those pinned */
    char public_url[256];            /* where /verify/{code} is reached: printed in QR codes */
    /* verified against when the NIP is unknown, so that a wrong NIP and a
     * wrong password take the same time */
    char dummy_hash[crypto_pwhash_STRBYTES];
    struct throttle *throttle; /* log-on and /verify rate limits, in memory */
    struct pwlist *pwlist;     /* common passwords refused for new ones (pwlist.h) */
    /* connections as berkas_maint, which reads every log to rebuild and check
     * the case summaries (app/summary.h); NULL when not opened */
    struct db_pool *maint;
    struct summary_refresher *refresher; /* app/workspace.h */
    /* --db-replica: where the heavy reads go while it is fit (store/replica.h,
     * app/heavyread.h); NULL when not given */
    struct replica *replica;
};

struct app_health {
    bool database_ok;
    /* with --db-replica: whether the heavy reads go to it now, why not, and
     * its replay lag in ms (-1 unknown) */
    bool replica_configured, replica_in_use;
    char replica_state[300];
    long long replica_lag_ms;
};

struct app_version {
    const char *name;
    const char *version;
    const char *api;
    int schema_version;
    const char *postgresql;
};

/* Read facts from the database at start-up (PostgreSQL's version). */
BERKAS_MUST_CHECK bool app_init(struct app *app, struct berr *err);

/* Whether the database answers within a second. */
void app_health(struct app *app, struct app_health *out);

/* What is running. */
void app_version(const struct app *app, struct app_version *out);

/* ---- identity (identity.c) --------------------------------------------------- */

#define SESSION_TOKEN_LEN 43 /* 32 random bytes, base64url without padding */

/* What log-on needs beside the database: the rate limits.
 * app_login_free() undoes it. */
BERKAS_MUST_CHECK bool app_login_init(struct app *app, struct berr *err);
void app_login_free(struct app *app);

/* Log on with NIP and password.  On success fills token (SESSION_TOKEN_LEN+1
 * bytes), who and *notices (what the owner must hear: locks of the account
 * and failed log-ons since their last log-on; caller frees).  An unknown
 * NIP, a wrong password, a locked and a disabled account all get the same
 * BERR_UNAUTHENTICATED, after the same work.  login.max_failures failures
 * within the window lock the account for login.lock_minutes, longer for each
 * lock that follows (0006).  Too many attempts from the address or for the
 * NIP: BERR_UNAVAILABLE with *retry_after (field "throttled").  The hash
 * takes about a tenth of a second and 64 MiB: call it off the request
 * workers, a bounded number at once (server.c's offload pool).  Every attempt is
 * audited. */
BERKAS_MUST_CHECK bool app_login(struct app *app, const char *nip, const char *password,
                                 struct actor *who, char *token, json_t **notices, int *retry_after,
                                 struct audit_rec *au, struct berr *err);

/* The actor behind a bearer token, if its session is open, not idle past
 * the limit, not older than the absolute limit, and its user not disabled.
 * Touches the session (idle clock).  BERR_UNAUTHENTICATED otherwise. */
BERKAS_MUST_CHECK bool app_session_check(struct app *app, const char *token, struct actor *who,
                                         struct berr *err);

/* End the actor's session. */
BERKAS_MUST_CHECK bool app_logout(struct app *app, const struct actor *who, struct audit_rec *au,
                                  struct berr *err);

/* The actor as a document: user, role, office. */
BERKAS_MUST_CHECK json_t *app_me(struct app *app, const struct actor *who, struct berr *err);

/* The log-on banner text (public). */
BERKAS_MUST_CHECK json_t *app_banner(struct app *app, struct berr *err);

/* Replace the banner (admin). */
BERKAS_MUST_CHECK bool app_banner_set(struct app *app, const struct actor *who, const char *text,
                                      struct audit_rec *au, struct berr *err);

/* Hash a password for storage (argon2id); false when out of memory. */
BERKAS_MUST_CHECK bool app_password_hash(const char *password, char out[crypto_pwhash_STRBYTES]);

/* ---- offices and users (admin.c) ------------------------------------------- */

struct office_input {
    long long parent_id;                              /* 0: a root office */
    const char *kind, *code, *name, *tz, *class_name; /* class_name may be NULL */
};

struct user_input {
    const char *nip, *name, *pangkat, *golongan, *position, *role, *password;
    long long office_id;
    const char *ppns_card_no, *ppns_valid_until; /* investigators only; may be NULL */
    /* An argon2id string already made from password (app_password_hash), used
     * only when who is NULL (the installation itself: the demo's forty users
     * share one password and so one hash, made once); NULL to hash here. */
    const char *password_hash;
};

/* Any logged-on user: the office directory. */
BERKAS_MUST_CHECK json_t *app_offices_list(struct app *app, const struct actor *who,
                                           struct berr *err);
BERKAS_MUST_CHECK json_t *app_office_get(struct app *app, const struct actor *who, long long id,
                                         struct berr *err);
/* Admin, under an office of their subtree.  who NULL: the installation
 * itself (demo data), which may also create root offices. */
BERKAS_MUST_CHECK bool app_office_create(struct app *app, const struct actor *who,
                                         const struct office_input *in, long long *id,
                                         struct audit_rec *au, struct berr *err);

BERKAS_MUST_CHECK json_t *app_letterheads_list(struct app *app, const struct actor *who,
                                               long long office_id, struct berr *err);
BERKAS_MUST_CHECK bool app_letterhead_add(struct app *app, const struct actor *who,
                                          long long office_id, const char *effective_from,
                                          json_t *lines, struct audit_rec *au, struct berr *err);

/* Admin: the users of their subtree. */
BERKAS_MUST_CHECK json_t *app_users_list(struct app *app, const struct actor *who,
                                         struct berr *err);

/* The log-on locks of the last `days` days of the users in the admin's
 * subtree, newest first (at most 500): who, when, until when, how many
 * failures, from which address, whether still in force, released by an
 * admin, told to the owner. */
BERKAS_MUST_CHECK json_t *app_lockouts_list(struct app *app, const struct actor *who, int days,
                                            struct berr *err);
BERKAS_MUST_CHECK json_t *app_user_get(struct app *app, const struct actor *who, long long id,
                                       struct berr *err);
BERKAS_MUST_CHECK bool app_user_create(struct app *app, const struct actor *who,
                                       const struct user_input *in, long long *id,
                                       struct audit_rec *au, struct berr *err);
/* Disabling ends every session of the user, in the same transaction. */
BERKAS_MUST_CHECK bool app_user_disable(struct app *app, const struct actor *who, long long id,
                                        struct audit_rec *au, struct berr *err);
BERKAS_MUST_CHECK bool app_user_unlock(struct app *app, const struct actor *who, long long id,
                                       struct audit_rec *au, struct berr *err);

/* ---- the event log (events.c) ------------------------------------------------- */

/* One act to record, as the API received it (strings already NFC).  Each
 * member the API fills is a row of core/evfields.def (app/evfield.h). */
struct event_input {
    const char *type;   /* core/event.c code: "sprindik_issued" */
    const char *date;   /* legal date YYYY-MM-DD (office calendar), or NULL */
    const char *at;     /* legal instant with offset, where the hour matters, or NULL */
    const char *number; /* the document's number */
    const char *note;
    long long party_id;         /* the suspect (per-suspect acts, BAP tersangka) or party */
    const char *bap;            /* bap_recorded: saksi | tersangka | ahli | tambahan */
    int days;                   /* detention extensions: days granted (0 = the maximum) */
    const char *detention_type; /* rutan | rumah | kota */
    const char *recipient;      /* spdp_sent: kejari | korwas | suspect | embassy */
    const char *ground;         /* sp3_issued */
    const char *polri_order;    /* the Polri investigator's order (UU 20/2025) */
    bool polri_involved;        /* sp3 under UU 20/2025 */
    bool severe_illness;        /* KUHAP 29(1)(a) */
    json_t *instructions;       /* p19_received: array of strings */
    long long instruction_id;   /* instruction_answered */
    const char *answer;
    long long corrects;          /* corrected: the event corrected */
    bool withdraws;              /* corrected: withdraw it instead of replacing it */
    const char *due;             /* direction_given */
    long long direction_event;   /* direction_done: the direction_given */
    json_t *issue;               /* form names to issue for this act in the same transaction */
    const char *late_reason;     /* p19_received, return_letter_received after the PU's period */
    json_t *unmet;               /* return_letter_received: array of instruction ids */
    const char *appearance;      /* summons_served: the day to appear, YYYY-MM-DD */
    const char *urgent_reason;   /* summons_served: why less than KUHAP 227(1)'s notice */
    const char *received_by;     /* letter_delivered: who received a notice (13.7) */
    const char *unlawful_reason; /* detained: after the arrest's period, why it is recorded
                                    (KUHAP 19(1); shown in the review list) */
    /* the people an act names (acts.h): NIPs, printed spaces allowed */
    const char *to;    /* direction_given: the investigator addressed (NULL: the office) */
    const char *jaksa; /* p16_received: the jaksa peneliti (NULL: the recorder) */
    json_t *team;      /* sprindik_issued, pre_investigation_ordered: the team */
    json_t *added;     /* reassigned (app_reassign): investigators added ... */
    json_t *removed;   /* ... and removed */
    int if_match;      /* the client's version, or -1 */
};

struct event_outcome {
    int status;   /* 201 */
    json_t *body; /* owned by the caller */
    long long event_id;
    /* refusals: problem type and its extension members */
    const char *problem_type;
    json_t *allowed; /* 409: the events the stage (or the suspect's state) allows */
    json_t *missing; /* 422: the missing facts */
    json_t *fields;  /* 422: the input fields that could supply them (evfield.h) */
    json_t *extra;   /* further members of the problem: "hints" (how to supply each missing
                        fact), "open_instructions", the acts out of date order */
    int current_version;
};

/* Record an act in case id (see events.c for the transaction).  On refusal
 * err says why and out carries the problem's members. */
BERKAS_MUST_CHECK bool app_event_record(struct app *app, const struct actor *who, long long case_id,
                                        const struct event_input *in, struct event_outcome *out,
                                        struct audit_rec *au, struct berr *err);

/* An office's document-number patterns (admin of its subtree). */
BERKAS_MUST_CHECK json_t *app_number_patterns(struct app *app, const struct actor *who,
                                              long long office_id, struct berr *err);
/* Set the pattern for a document type ("*": every type without its own);
 * checked by the core's numfmt_check. */
BERKAS_MUST_CHECK bool app_number_pattern_set(struct app *app, const struct actor *who,
                                              long long office_id, const char *doc_type,
                                              const char *pattern, struct audit_rec *au,
                                              struct berr *err);

/* ---- the forms' engine, swapped on SIGHUP (render_swap.c) ------------------------------ */

/* From here on app->render is the engine in force and may be replaced by
 * app_render_swap while requests run.  A request pins the engine in force
 * when it starts (app_render_pin, in the HTTP layer before the handler) and
 * uses that one throughout (app_render), even when a swap comes meanwhile;
 * an engine replaced is closed when the last request pinning it unpins.
 * Without app_render_start, app_render is app->render and the rest does
 * nothing. */
BERKAS_MUST_CHECK bool app_render_start(struct app *app, struct berr *err);
const struct render_engine *app_render(struct app *app);
void app_render_pin(struct app *app);
void app_render_unpin(struct app *app);
/* fresh (a checked engine, render_open) in force for requests that start
 * from now on. */
void app_render_swap(struct app *app, struct render_engine *fresh);
/* Close the engine in force (no request may be running). */
void app_render_stop(struct app *app);

/* ---- verification codes (throttle.c) -------------------------------------------- */

/* Public: whether client_addr may look up one more verification code now
 * (verify.address_per_minute); when not, *retry_after says when. */
BERKAS_MUST_CHECK bool app_verify_throttle(struct app *app, const char *client_addr,
                                           int *retry_after);

#endif
