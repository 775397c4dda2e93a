/*
 * harness.h - what the integration tests stand on: one private PostgreSQL
 * cluster per test run, a template database with every migration applied,
 * a fresh database per suite cloned from it, and helpers to run berkasd and
 * the CLI as real processes and talk to them over real HTTP.
 *
 * The cluster is berkasd's own embedded-cluster code (store/cluster.c),
 * started in the runner's main process before Check forks the tests, and
 * stopped at exit even when tests fail or crash (Check runs each test in a
 * child process; the postmaster also gets SIGINT if the runner dies).
 */
#ifndef BERKAS_TESTS_HARNESS_H
#define BERKAS_TESTS_HARNESS_H

#include <jansson.h>
#include <stdbool.h>
#include <sys/types.h>

/* Start the run's cluster and build the template database.  Aborts the run
 * with a message if it cannot. */
void harness_start(void);

/* Stop the cluster and remove the run's temp dir (only in the process that
 * started it). */
void harness_stop(void);

/* A fresh database cloned from the template (dropped first if it exists);
 * returns its libpq conninfo, caller frees. */
char *harness_new_db(const char *name);

/* A fresh database with the demo data already loaded, cloned from a demo
 * template that the first call makes by running berkasd --demo once (the
 * demo's acts issue papers and its users' passwords are hashed: loading it
 * for every suite cost most of the integration run).  A berkasd started on
 * it with --demo finds the demo there and loads nothing.  conninfo, caller
 * frees. */
char *harness_new_demo_db(const char *name);

/* A fresh empty database (no migrations); conninfo, caller frees. */
char *harness_new_empty_db(const char *name);

/* ---- clusters of a suite's own ----------------------------------------------------- */

struct cluster;

/* A private cluster beside the run's (initdb in a new temp dir, fsync off),
 * started, with database dbname; *conninfo its conninfo (as the cluster's
 * superuser; caller frees).  Aborts the test when it cannot.  The postmaster
 * ends with the process that started it; cluster_free() stops it sooner. */
struct cluster *harness_cluster_new(const char *prefix, const char *dbname, char **conninfo);

/* A hot standby of primary (a harness_cluster_new one), made with
 * pg_basebackup -R in a new temp dir and started; *conninfo for dbname
 * there (caller frees).  Aborts the test when it cannot. */
struct cluster *harness_standby_new(struct cluster *primary, const char *dbname, char **conninfo);

/* A new temp directory under the run's temp dir, reachable by the cluster
 * user when running as root; caller frees. */
char *harness_mkdtemp(const char *prefix);

/* The path of berkasd, the CLI, the SQL dir (from the environment meson
 * sets). */
const char *harness_berkasd(void);
const char *harness_cli(void);
const char *harness_sql_dir(void);

/* ---- processes -------------------------------------------------------------------- */

struct proc {
    pid_t pid;
    char *log_path; /* stdout and stderr */
    int status;     /* exit status once reaped; 128+signal for a signal */
    bool reaped;
};

/* Start argv (NULL-terminated) with output to a log file; the child gets
 * SIGTERM if the test process dies. */
void proc_start(struct proc *p, char *const argv[]);

/* Wait up to timeout_ms; true when it exited (p->status set). */
bool proc_wait(struct proc *p, int timeout_ms);

/* SIGTERM, wait up to 20 s, then SIGKILL.  Returns its exit status. */
int proc_stop(struct proc *p);

/* proc_stop, and the test fails unless it exited with 0; the failure shows
 * the exit status and the last of its output (what it said as it stopped). */
void proc_stop_clean(struct proc *p);

/* The child's output so far, caller frees. */
char *proc_output(const struct proc *p);

void proc_free(struct proc *p);

/* Run argv to completion (at most timeout_ms); returns the exit status and,
 * if out is non-NULL, the output (caller frees). */
int run_capture(char *const argv[], int timeout_ms, char **out);

/* A TCP port on 127.0.0.1 that nothing listens on right now. */
int free_port(void);

/* ---- berkasd ---------------------------------------------------------------------- */

/* Start berkasd with extra args (NULL-terminated, may be NULL), listening on
 * a free port; waits until /healthz answers 200 (or the process exits).
 * Returns true when healthy; *port gets the port. */
bool berkasd_start(struct proc *p, int *port, char *const extra[]);

/* ---- HTTP ------------------------------------------------------------------------- */

struct http_result {
    long status;
    char *body; /* NUL-terminated; a binary body (a PDF) may hold NULs: see len */
    size_t len; /* bytes of body */
    char content_type[128];
    char allow[128];
    char retry_after[16];
    char location[256];
    char disposition[256]; /* Content-Disposition */
    char nosniff[32];      /* X-Content-Type-Options */
};

/* method url [body]: real HTTP through libcurl.  headers: NULL-terminated
 * "Name: value" list or NULL.  Returns false on a transport error. */
bool http_do(const char *method, const char *url, const char *body, size_t body_len,
             const char *const headers[], struct http_result *out);
/* As http_do, from the local address source ("127.0.0.2"; NULL: any). */
bool http_do_from(const char *source, const char *method, const char *url, const char *body,
                  size_t body_len, const char *const headers[], struct http_result *out);
void http_result_free(struct http_result *r);

/* ---- the API as a client ----------------------------------------------------------- */

/* method path on 127.0.0.1:port with an optional bearer token and JSON body
 * (sent as application/json).  Returns false on a transport error. */
bool api_call(int port, const char *method, const char *path, const char *token,
              const char *json_body, struct http_result *out);

/* api_call that must answer `want`: a refusal (4xx/5xx) must be
 * application/problem+json (RFC 9457).  Returns the body as JSON (an empty
 * object when its type is not JSON, e.g. a PDF, or it is empty); the caller
 * decrefs.  Fails the
 * running Check test otherwise. */
json_t *api_json(int port, const char *method, const char *path, const char *token,
                 const char *json_body, long want);

/* POST /api/v1/sessions; returns the token (caller frees) or NULL. */
char *api_login(int port, const char *nip, const char *password);

/* POST an act to case case_id as token: members is the JSON object's members
 * without braces ("\"type\":\"bap\",..."); the reply, which must have
 * status want (as api_json).  Caller decrefs. */
json_t *api_act(int port, long long case_id, const char *token, const char *members, long want);

/* Link every item of evidence of case case_id that names no seizure act yet to the seizure act
 * seizure (PUT .../evidence/{item} seizure_event, as token): for a fixture whose items were
 * recorded before their seizure, all taken in it (its papers list the items naming it).
 * Returns how many were linked. */
int api_seized_all(int port, long long case_id, const char *token, long long seizure);

/* The ids of every item of evidence of case case_id as a JSON list ("[12,13]"; caller frees):
 * the items of a fixture's deposit that deposits all the case holds. */
char *api_evidence_ids(int port, long long case_id, const char *token);

/* The "id" member of reply j (0 when none), which it decrefs: for the reply
 * of a POST that made something. */
long long api_id(json_t *j);

/* The demo password (server/app/demo.h) and some demo NIPs. */
#define DEMO_PW            "demo-berkas-2026"
#define NIP_ADMIN_DITJEN   "198001152005011002"
#define NIP_ADMIN_KEJAGUNG "197812012002121001"
#define NIP_SUP_DITJEN     "198207202006042001"
#define NIP_SUP_KANWIL     "197905032003121003"
#define NIP_INV_PLG        "198811112010121001"
#define NIP_INV_PLG2       "199002142014022002"
#define NIP_SUP_PLG        "198604302009011004"
#define NIP_INV_MRE        "199107082015031001"
#define NIP_INV_PTK        "198912242012122002"
#define NIP_PROS_PLG       "198110102006042002"
#define NIP_PROS_PTK       "198708182011012001"

/* ---- a suite's berkasd on the demo data ------------------------------------------ */

/* What the API suites stand on: a berkasd of the suite's own (--demo) on a
 * fresh copy of the demo database, the Palembang investigator (NIP_INV_PLG)
 * and prosecutor (NIP_PROS_PLG) logged on, and KEJARI-PLG's id.  A suite
 * starts and stops it in its unchecked fixture, in the runner, so that its
 * tests (Check's children) share it. */
struct demo_server {
    struct proc proc;
    int port;
    char *db;               /* conninfo of the suite's database */
    const char *inv, *pros; /* bearer tokens of the Palembang PPNS and prosecutor */
    long long kejari_plg;   /* app.offices id of KEJARI-PLG */
    char *tokens[8];        /* demo_server_login's, freed by demo_server_stop */
    int ntokens;
};

/* Database dbname cloned from the demo template, berkasd --demo on it, inv
 * and pros logged on, kejari_plg looked up.  Ends the run with a message
 * naming what failed when any of it does. */
void demo_server_start(struct demo_server *s, const char *dbname);

/* Stop berkasd (saying so on stderr when it exits other than 0; the suite's
 * database stays) and free all that start and login gave. */
void demo_server_stop(struct demo_server *s);

/* Log nip on with the demo password; its token, which s owns (freed by
 * demo_server_stop).  Ends the run with a message when it is refused. */
const char *demo_server_login(struct demo_server *s, const char *nip);

/* The app.offices id of office code in s's database; ends the run with a
 * message when there is none. */
long long demo_server_office(const struct demo_server *s, const char *code);

/* ---- SQL as the owner ------------------------------------------------------------ */

/* Run sql with text params on conninfo as the cluster's superuser; returns
 * the first column of the first row (caller frees) or NULL when no row.
 * Aborts the test on an SQL error. */
char *sql_value(const char *conninfo, const char *sql, int nparams, const char *const *params);
/* The count in the first column as a number. */
long long sql_count(const char *conninfo, const char *sql, int nparams, const char *const *params);
/* app.settings key = value on conninfo; ends the run with a message when
 * there is no such setting. */
void harness_setting(const char *conninfo, const char *key, const char *value);
/* A log written before a rule berkasd now checks on write: appends to case id, as the cluster's
 * owner and behind berkasd's back, an act of `type` on `date` (its hash chained by the trigger,
 * the case row moved on, entered by whoever entered the case's last act under its regime),
 * correcting act `corrects` and naming party `party` when non-zero, with `payload` (NULL: {}).
 * Its event id.  The next write reads the log again (its head moved). */
long long harness_legacy_act(const char *conninfo, long long id, const char *type, const char *date,
                             long long corrects, long long party, const char *payload);

/* ---- misc ------------------------------------------------------------------------- */

bool pid_alive(pid_t pid);
/* How many processes have needle in their command line. */
int count_processes_with(const char *needle);
char *read_text(const char *path);
bool write_text(const char *path, const char *text);
/* Lines in s (a final line without '\n' counts). */
int count_lines(const char *s);
/* "YYYY-MM-DD" of today minus ago days in WIB (UTC+7), the zone of the demo's
 * Palembang offices. */
void days_ago(int ago, char out[11]);

#endif
