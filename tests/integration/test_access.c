/*
 * test_access.c - the access matrix: every route of the route table, called
 * by every role from its home office against an object in (its own office,
 * an office below, a sibling office, the other tree), plus without a
 * session, over real HTTP.  Each cell's expected status comes from the
 * rules written out below (issue "Who may see and do what", item 4), not
 * from the route table, so the two check each other; a route in the table
 * with no rule here fails the test, which is how a route added later
 * without a rule is caught.
 */
#include <check.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "http/http.h"
#include "suites.h"

/* A one-page PDF, its cross-reference table true. */
#define MATRIX_PDF                                                                                 \
    "%PDF-1.4\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[3 0 "   \
    "R]/Count 1>>\nendobj\n3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>\nendobj\n"   \
    "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000054 00000 n \n0000000105 00000 "  \
    "n \ntrailer\n<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n"

enum rel { OWN, BELOW, SIBLING, OTHER, NREL };
static const char *const rel_name[] = {"own", "below", "sibling", "other-tree"};

/* who acts, from where, and their four neighbouring offices */
struct actor_spec {
    enum role role;
    const char *nip;
    const char *home;
    const char *rel_office[NREL];
};
static const struct actor_spec actors[] = {
    {ROLE_INVESTIGATOR,
     NIP_INV_PLG,
     "KANIM-PLG",
     {"KANIM-PLG", "UKK-PLG", "KANIM-MRE", "KEJARI-PLG"}},
    {ROLE_SUPERVISOR,
     NIP_SUP_KANWIL,
     "KANWIL-SUMSEL",
     {"KANWIL-SUMSEL", "KANIM-PLG", "KANWIL-KALBAR", "KEJATI-SUMSEL"}},
    {ROLE_PROSECUTOR,
     NIP_PROS_PLG,
     "KEJARI-PLG",
     {"KEJARI-PLG", "CABJARI-PLG", "KEJARI-MRE", "KANIM-PLG"}},
    {ROLE_ADMIN,
     "198502022010011005",
     "KANWIL-SUMSEL",
     {"KANWIL-SUMSEL", "KANIM-PLG", "KANWIL-KALBAR", "KEJATI-SUMSEL"}},
    /* nobody: no session; objects as the investigator's */
    {ROLE_NONE, NULL, NULL, {"KANIM-PLG", "UKK-PLG", "KANIM-MRE", "KEJARI-PLG"}},
};
#define NACTORS (sizeof actors / sizeof actors[0])

/* ---- the rules --------------------------------------------------------------------- */

/* Case visibility (item 4): investigator own office; supervisor own office and
 * below; prosecutor only what was sent to their Kejari; admin no case contents. */
static long case_read(enum role r, enum rel rel)
{
    switch (r) {
    case ROLE_INVESTIGATOR:
        return rel == OWN ? 200 : 404;
    case ROLE_SUPERVISOR:
        return rel == OWN || rel == BELOW ? 200 : 404;
    case ROLE_PROSECUTOR:
        return rel == OWN ? 200 : 404;
    case ROLE_ADMIN:
        return 403;
    default:
        return 401;
    }
}

static long any_session(enum role r, long ok)
{
    return r == ROLE_NONE ? 401 : ok;
}

/* Admin acts inside their own subtree; other roles may not at all. */
static long admin_scoped(enum role r, enum rel rel, long ok, long outside)
{
    if (r == ROLE_NONE)
        return 401;
    if (r != ROLE_ADMIN)
        return 403;
    return rel == OWN || rel == BELOW ? ok : outside;
}

static long admin_only(enum role r, long ok)
{
    return r == ROLE_NONE ? 401 : r == ROLE_ADMIN ? ok : 403;
}

static long expect(const char *method, const char *pattern, enum role r, enum rel rel, bool *known)
{
    *known = true;
#define IS(m, p) (strcmp(method, m) == 0 && strcmp(pattern, p) == 0)
    if (IS("GET", "/healthz") || IS("GET", "/api/v1/version") || IS("GET", "/api/v1/banner") ||
        IS("GET", "/api/v1/openapi.json"))
        return 200;
    if (IS("PUT", "/api/v1/banner")) /* national: the matrix's admin is a Kanwil's */
        return admin_only(r, 403);
    /* the server-wide settings: read by an administrator, changed by a root office's (national,
     * as the banner) */
    if (IS("GET", "/api/v1/settings"))
        return admin_only(r, 200);
    if (IS("PUT", "/api/v1/settings/{key}"))
        return admin_only(r, 403);
    if (IS("POST", "/api/v1/sessions"))
        return 201; /* public: anyone may try to log on */
    if (IS("DELETE", "/api/v1/sessions/current"))
        return any_session(r, 204);
    if (IS("GET", "/api/v1/me") || IS("GET", "/api/v1/offices") ||
        IS("GET", "/api/v1/offices/{id}") || IS("GET", "/api/v1/offices/{id}/letterheads"))
        return any_session(r, 200); /* the office directory is not secret */
    if (IS("POST", "/api/v1/offices"))
        return admin_scoped(r, rel, 201, 400); /* a parent outside: bad parent_id */
    if (IS("POST", "/api/v1/offices/{id}/letterheads"))
        return admin_scoped(r, rel, 201, 404);
    /* an import's rows name their parent: one outside the subtree is a bad row */
    if (IS("POST", "/api/v1/imports"))
        return admin_scoped(r, rel, 200, 422);
    /* who signs is printed on every order: the list is not secret; recording
     * and ending an official's period is the admin's, in their subtree */
    if (IS("GET", "/api/v1/offices/{id}/officials"))
        return any_session(r, 200);
    if (IS("POST", "/api/v1/offices/{id}/officials"))
        return admin_scoped(r, rel, 201, 404);
    if (IS("PUT", "/api/v1/offices/{id}/officials/{official}"))
        return admin_scoped(r, rel, 200, 404);
    if (IS("GET", "/api/v1/users") || IS("GET", "/api/v1/lockouts"))
        return admin_only(r, 200);
    if (IS("POST", "/api/v1/users"))
        return admin_scoped(r, rel, 201, 400); /* an office outside: bad office_id */
    if (IS("GET", "/api/v1/users/{id}") || IS("POST", "/api/v1/users/{id}/disable") ||
        IS("POST", "/api/v1/users/{id}/unlock"))
        return admin_scoped(r, rel, 200, 404);
    if (IS("GET", "/api/v1/cases"))
        return r == ROLE_NONE ? 401 : r == ROLE_ADMIN ? 403 : 200;
    if (IS("GET", "/api/v1/cases/{id}") || IS("GET", "/api/v1/cases/{id}.xml"))
        return case_read(r, rel);
    /* correcting the particulars: an investigator of the case's office, who
     * must send If-Match (the matrix sends none: 400 once the case is theirs) */
    if (IS("PUT", "/api/v1/cases/{id}"))
        return r == ROLE_NONE ? 401 : r != ROLE_INVESTIGATOR ? 403 : rel == OWN ? 400 : 404;
    /* writes to a case: an investigator of its office; a supervisor's notes
     * and a prosecutor's P-forms on what they may read */
    if (IS("POST", "/api/v1/cases/{id}/events"))
        return r == ROLE_ADMIN ? 403 : case_read(r, rel) == 200 ? 201 : case_read(r, rel);
    if (IS("POST", "/api/v1/cases"))
        return r == ROLE_NONE ? 401 : r == ROLE_INVESTIGATOR ? 201 : 403;
    if (IS("POST", "/api/v1/cases/{id}/parties") || IS("POST", "/api/v1/cases/{id}/offences") ||
        IS("POST", "/api/v1/cases/{id}/evidence"))
        return r == ROLE_NONE ? 401 : r != ROLE_INVESTIGATOR ? 403 : rel == OWN ? 201 : 404;
    if (IS("PUT", "/api/v1/cases/{id}/evidence/{item}"))
        return r == ROLE_NONE ? 401 : r != ROLE_INVESTIGATOR ? 403 : rel == OWN ? 200 : 404;
    if (IS("DELETE", "/api/v1/cases/{id}/offences/{charge}"))
        return r == ROLE_NONE ? 401 : r != ROLE_INVESTIGATOR ? 403 : rel == OWN ? 204 : 404;
    if (IS("PUT", "/api/v1/cases/{id}/parties/{party}"))
        return r == ROLE_NONE ? 401 : r != ROLE_INVESTIGATOR ? 403 : rel == OWN ? 200 : 404;
    if (IS("GET", "/api/v1/offences") || IS("GET", "/api/v1/rulesets"))
        return any_session(r, 200);
    if (IS("GET", "/api/v1/rulesets/amendments")) /* who changed the law's numbers, and why */
        return r == ROLE_NONE ? 401 : r == ROLE_ADMIN || r == ROLE_SUPERVISOR ? 200 : 403;
    if (IS("PUT", "/api/v1/rulesets/{name}/{key}")) /* national, as the banner */
        return admin_only(r, 403);
    if (IS("POST", "/api/v1/verify-chain")) /* the admin's own subtree */
        return admin_only(r, 200);
    /* forms: investigators make theirs on their office's cases; prosecutors
     * theirs (the matrix asks for an investigator's form: 403 for them) */
    if (IS("GET", "/api/v1/cases/{id}/forms/{form}.pdf") ||
        IS("POST", "/api/v1/cases/{id}/forms/{form}")) {
        if (r == ROLE_NONE)
            return 401;
        if (r != ROLE_INVESTIGATOR)
            return 403;
        return rel == OWN ? (method[0] == 'G' ? 200 : 201) : 404;
    }
    /* what a BAP or a Resume says: read as the case is visible; written by an
     * investigator of the case's office (the first version needs no If-Match) */
    if (IS("GET", "/api/v1/cases/{id}/events/{event}/bap") ||
        IS("GET", "/api/v1/cases/{id}/events/{event}/resume"))
        return case_read(r, rel);
    if (IS("PUT", "/api/v1/cases/{id}/events/{event}/bap") ||
        IS("PUT", "/api/v1/cases/{id}/events/{event}/resume"))
        return r == ROLE_NONE ? 401 : r != ROLE_INVESTIGATOR ? 403 : rel == OWN ? 201 : 404;
    if (IS("GET", "/api/v1/cases/{id}/documents") || IS("GET", "/api/v1/documents/{id}.pdf") ||
        IS("GET", "/api/v1/uploads/{id}.pdf"))
        return case_read(r, rel);
    /* a revocation by the issuing role and office only: the matrix's papers are issued by its
     * supervisors and prosecutors, in the case's office (stale suite: the PPNS's own, 200) */
    if (IS("POST", "/api/v1/documents/{id}/revoke") || IS("POST", "/api/v1/documents/{id}/reissue"))
        return r == ROLE_NONE                                   ? 401
               : r != ROLE_INVESTIGATOR && r != ROLE_PROSECUTOR ? 403
               : case_read(r, rel) == 200                       ? 403
                                                                : 404;
    /* an upload's body is the PDF itself: the matrix sends JSON, which is
     * refused (400) before anything is looked up, for every issuer alike */
    if (IS("POST", "/api/v1/cases/{id}/uploads"))
        return r == ROLE_NONE ? 401 : r == ROLE_INVESTIGATOR || r == ROLE_PROSECUTOR ? 400 : 403;
    if (IS("GET", "/api/v1/cases/{id}/dossier.pdf")) /* readable, but nothing issued yet */
        return case_read(r, rel) == 200 ? 422 : case_read(r, rel);
    if (IS("GET", "/api/v1/forms"))
        return any_session(r, 200);
    if (IS("GET", "/api/v1/offices/{id}/number-patterns") ||
        IS("PUT", "/api/v1/offices/{id}/number-patterns/{type}"))
        return admin_scoped(r, rel, 200, 404);
    if (IS("GET", "/verify/{code}"))
        return 200; /* public, and shows no case data */
    /* issue 10: the review list is the investigators' (own office) and the
     * supervisors' (their subtree); a prosecutor has the inbox; the matrix's
     * office filter names the cell's office: outside the reach, an empty list */
    if (IS("GET", "/api/v1/review") || IS("GET", "/api/v1/review/offices"))
        return r == ROLE_NONE ? 401 : r == ROLE_INVESTIGATOR || r == ROLE_SUPERVISOR ? 200 : 403;
    if (IS("GET", "/api/v1/directions")) /* as the review list */
        return r == ROLE_NONE ? 401 : r == ROLE_INVESTIGATOR || r == ROLE_SUPERVISOR ? 200 : 403;
    /* a supervisor moves the files of their subtree (the matrix's body names
     * the cell's case and adds the Palembang investigator) */
    if (IS("POST", "/api/v1/reassignments")) {
        if (r == ROLE_NONE)
            return 401;
        if (r != ROLE_SUPERVISOR)
            return 403;
        if (rel == OTHER) /* a Kejaksaan office's case is Pontianak's: out of reach */
            return 404;
        /* Palembang's investigator belongs to KANIM-PLG only */
        return rel == BELOW ? 200 : rel == OWN ? 400 : 404;
    }
    /* the prosecutor's inbox; the matrix's cases were sent to their Kejari
     * without an act that arrives (set up in SQL): nothing there to mark read */
    if (IS("GET", "/api/v1/inbox"))
        return r == ROLE_NONE ? 401 : r == ROLE_PROSECUTOR ? 200 : 403;
    if (IS("POST", "/api/v1/inbox/read"))
        return r == ROLE_NONE ? 401 : r == ROLE_PROSECUTOR ? 404 : 403;
    /* the report: investigators and supervisors, who must name a period (the
     * matrix sends none: 400) */
    if (IS("GET", "/api/v1/stats") || IS("GET", "/api/v1/stats.pdf"))
        return r == ROLE_NONE ? 401 : r == ROLE_INVESTIGATOR || r == ROLE_SUPERVISOR ? 400 : 403;
    if (IS("POST", "/api/v1/summaries/check")) /* the admin's own subtree, like the chain */
        return admin_only(r, 200);
#undef IS
    *known = false;
    return 0;
}

/* ---- the fixture ------------------------------------------------------------------- */

static struct proc server;
static int port;
static char *db;
static char *tokens[NACTORS];

static const char *const fixture_offices[] = {
    "KANIM-PLG",     "UKK-PLG",       "KANIM-MRE",   "KEJARI-PLG", "KANWIL-SUMSEL",
    "KANWIL-KALBAR", "KEJATI-SUMSEL", "CABJARI-PLG", "KEJARI-MRE", "KANIM-PTK",
};
#define NOFFICES (sizeof fixture_offices / sizeof fixture_offices[0])
static long long office_ids[NOFFICES], user_ids[NOFFICES], case_ids[NOFFICES], party_ids[NOFFICES],
    doc_ids[NOFFICES], evidence_ids[NOFFICES], charge_ids[NOFFICES], official_ids[NOFFICES],
    upload_ids[NOFFICES], bap_event_ids[NOFFICES], resume_event_ids[NOFFICES];
static char office_kind[NOFFICES][16];

static int office_index(const char *code)
{
    for (size_t i = 0; i < NOFFICES; i++)
        if (strcmp(fixture_offices[i], code) == 0)
            return (int)i;
    ck_abort_msg("no fixture office %s", code);
    return -1;
}

static void exec_owner(const char *sql, int n, const char *const *p)
{
    free(sql_value(db, sql, n, p));
}

/* One act of a fixture case, as the owner inserts it (the chain trigger
 * links it; the case row follows): $1 case, $2 party (or NULL), $3 seq; at
 * the case's stage, on a date ten days ago. */
#define EVENT_ROW(type, payload)                                                                   \
    "WITH ins AS (INSERT INTO app.events (case_id, seq, type, legal_date, party_id, regime, "      \
    "stage_before, "                                                                               \
    "stage_after, payload, entered_at, entered_by, late, prev_hash, hash) SELECT c.id, "           \
    "$3::int, '" type "', current_date - 10, $2::bigint, CASE WHEN current_date - 10 >= "          \
    "'2026-01-02' THEN 'KUHAP-2025' ELSE 'KUHAP-1981' END, c.stage, c.stage, " payload             \
    "::jsonb, now(), u.id, false, sha256('a'), sha256('b') FROM app.cases c, app.users u WHERE "   \
    "c.id = $1::bigint AND u.nip = '" NIP_INV_PLG "' RETURNING id, case_id, seq, hash) "           \
    "UPDATE app.cases c SET events = ins.seq, last_hash = ins.hash FROM ins WHERE c.id = "         \
    "ins.case_id RETURNING ins.id"

static const char *pid_text(long long id)
{
    static char buf[24];
    snprintf(buf, sizeof buf, "%lld", id);
    return buf;
}

static void setup(void)
{
    db = harness_new_demo_db("access_suite");
    char *extra[] = {"--db", db, "--demo", NULL};
    if (!berkasd_start(&server, &port, extra))
        abort();
    exec_owner("INSERT INTO app.offices (parent_id, kind, code, name, tz) SELECT id, 'ukk', "
               "'UKK-PLG', 'UKK Palembang Uji', 'Asia/Jakarta' FROM app.offices WHERE code = "
               "'KANIM-PLG'",
               0, NULL);
    exec_owner("INSERT INTO app.offices (parent_id, kind, code, name, tz) SELECT id, 'cabjari', "
               "'CABJARI-PLG', 'Cabjari Palembang Uji', 'Asia/Jakarta' FROM app.offices WHERE "
               "code = 'KEJARI-PLG'",
               0, NULL);
    /* the admin of a Kanwil, with the demo password */
    char hash[crypto_pwhash_STRBYTES];
    if (sodium_init() < 0 ||
        crypto_pwhash_str(hash, DEMO_PW, strlen(DEMO_PW), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        abort();
    const char *pa[2] = {actors[3].nip, hash};
    exec_owner("INSERT INTO app.users (nip, name, office_id, role, password_hash) SELECT $1, "
               "'Admin Kanwil Uji', id, 'admin', $2 FROM app.offices WHERE code = "
               "'KANWIL-SUMSEL'",
               2, pa);
    /* in every office a user and a case to point at */
    for (size_t i = 0; i < NOFFICES; i++) {
        const char *code[1] = {fixture_offices[i]};
        char *id = sql_value(db, "SELECT id FROM app.offices WHERE code = $1", 1, code);
        char *kind = sql_value(db, "SELECT kind FROM app.offices WHERE code = $1", 1, code);
        office_ids[i] = strtoll(id, NULL, 10);
        snprintf(office_kind[i], sizeof office_kind[i], "%s", kind);
        char nip[19];
        snprintf(nip, sizeof nip, "19950101202001200%zu", i);
        const char *pu[3] = {nip, id,
                             strncmp(kind, "kej", 3) == 0 || strcmp(kind, "cabjari") == 0
                                 ? "prosecutor"
                                 : "supervisor"};
        char *uid = sql_value(db,
                              "INSERT INTO app.users (nip, name, office_id, role, password_hash) "
                              "VALUES ($1, 'Sasaran Uji', $2::bigint, $3, 'x') RETURNING id",
                              3, pu);
        user_ids[i] = strtoll(uid, NULL, 10);
        /* an Imigrasi office's case was sent to Kejari Muara Enim; a Kejaksaan
         * office's case is Pontianak's, sent to that office */
        bool kejaksaan = strcmp(pu[2], "prosecutor") == 0;
        char idx[8];
        snprintf(idx, sizeof idx, "%zu", i);
        const char *pc[3] = {kejaksaan ? "KANIM-PTK" : fixture_offices[i],
                             kejaksaan ? fixture_offices[i] : "KEJARI-MRE", idx};
        char *cid = sql_value(db,
                              "INSERT INTO app.cases (number, office_id, kejari_id, disclosed_at) "
                              "SELECT 'UJI/' || $3 || '/' || $1 || '/' || $2, o.id, k.id, now() "
                              "FROM app.offices o, app.offices k WHERE o.code = $1 AND k.code = "
                              "$2 RETURNING id",
                              3, pc);
        case_ids[i] = strtoll(cid, NULL, 10);
        /* the file is with the prosecutor, so that each role has an act to
         * record: a notice, a review note, the receipt of the file */
        const char *pcase[1] = {cid};
        const char *pst[2] = {cid, kejaksaan ? "with_prosecutor" : "investigation"};
        exec_owner("UPDATE app.cases SET stage = $2, opened_on = current_date - 30 "
                   "WHERE id = $1::bigint",
                   2, pst);
        /* an issued document of the case, to fetch and to verify */
        char vcode[16];
        snprintf(vcode, sizeof vcode, "MTX%09zu", i);
        const char *pd[3] = {cid, vcode, uid};
        char *did = sql_value(db,
                              "INSERT INTO app.documents (case_id, form, doc_type, title, number, "
                              "issued_on, issued_by, office_id, case_xml, pdf, pdf_sha256, pages, "
                              "verify_code) SELECT c.id, 'spdp', 'spdp', 'Surat Pemberitahuan', "
                              "'UJI/' || $2, current_date, $3::bigint, c.office_id, '', "
                              "'%PDF-1.4'::bytea, sha256('x'), 1, $2 FROM app.cases c WHERE "
                              "c.id = $1::bigint RETURNING id",
                              3, pd);
        doc_ids[i] = strtoll(did, NULL, 10);
        /* and a PDF uploaded as its signed scan: a real one (a PDF that does not pass the
         * active-content check is served to no one, uploads suite) */
        const char *pu2[2] = {did, MATRIX_PDF};
        char *upid = sql_value(db,
                               "INSERT INTO app.uploads (case_id, document_id, title, pdf, "
                               "pdf_sha256, size, pages, uploaded_by) SELECT case_id, id, "
                               "'Pindaian uji', convert_to($2, 'UTF8'), sha256(convert_to($2, "
                               "'UTF8')), length($2), 1, issued_by FROM app.documents WHERE id = "
                               "$1::bigint RETURNING id",
                               2, pu2);
        upload_ids[i] = strtoll(upid, NULL, 10);
        free(upid);
        free(did);
        char *pid = sql_value(db,
                              "INSERT INTO app.parties (case_id, kind, name) VALUES ($1::bigint, "
                              "'witness', 'Saksi Uji') RETURNING id",
                              1, pcase);
        party_ids[i] = strtoll(pid, NULL, 10);
        free(pid);
        char *eid = sql_value(db,
                              "INSERT INTO app.evidence (case_id, description, quantity) VALUES "
                              "($1::bigint, 'Paspor kebangsaan', '1 buah') RETURNING id",
                              1, pcase);
        evidence_ids[i] = strtoll(eid, NULL, 10);
        free(eid);
        char *chg = sql_value(db,
                              "INSERT INTO app.case_offences (case_id, offence_id) SELECT "
                              "$1::bigint, id FROM app.offence_catalogue WHERE code = '122' "
                              "RETURNING id",
                              1, pcase);
        charge_ids[i] = strtoll(chg, NULL, 10);
        free(chg);
        /* an official of the office, whose period an admin may end */
        const char *po[1] = {id};
        char *off = sql_value(db,
                              "INSERT INTO app.officials (office_id, role, title, name, nip, "
                              "valid_from) VALUES ($1::bigint, 'kepala_kantor', 'Kepala Uji', "
                              "'Pejabat Uji', '197001011990031001', '2020-01-01') RETURNING id",
                              1, po);
        official_ids[i] = strtoll(off, NULL, 10);
        free(off);
        exec_owner("INSERT INTO app.case_investigators (case_id, user_id) SELECT $1::bigint, id "
                   "FROM app.users WHERE nip = '" NIP_INV_PLG "'",
                   1, pcase);
        /* a BAP of the witness and a Resume, acts whose content is read and
         * written (the chain is not checked here) */
        const char *pev[3] = {cid, pid_text(party_ids[i]), "1"};
        char *bev = sql_value(db, EVENT_ROW("bap_recorded", "'{\"bap\":\"saksi\"}'"), 3, pev);
        bap_event_ids[i] = strtoll(bev, NULL, 10);
        free(bev);
        pev[1] = NULL;
        pev[2] = "2";
        char *rev = sql_value(db, EVENT_ROW("resume_written", "'{}'"), 3, pev);
        resume_event_ids[i] = strtoll(rev, NULL, 10);
        free(rev);
        free(id);
        free(kind);
        free(uid);
        free(cid);
    }
    for (size_t a = 0; a < NACTORS; a++)
        tokens[a] = actors[a].nip ? api_login(port, actors[a].nip, DEMO_PW) : NULL;
}

static void teardown(void)
{
    proc_stop(&server);
    proc_free(&server);
    for (size_t a = 0; a < NACTORS; a++)
        free(tokens[a]);
    free(db);
}

/* ---- a cell -------------------------------------------------------------------------- */

static const char *child_kind(const char *kind, const char **class_json)
{
    *class_json = "";
    if (strcmp(kind, "kanwil") == 0) {
        *class_json = ",\"class\":\"Kelas II TPI\"";
        return "kanim";
    }
    static const char *const pairs[][2] = {{"ditjen", "kanwil"},
                                           {"kanim", "ukk"},
                                           {"kejagung", "kejati"},
                                           {"kejati", "kejari"},
                                           {"kejari", "cabjari"}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (strcmp(kind, pairs[i][0]) == 0)
            return pairs[i][1];
    return "ukk";
}

/* Fill path and body for route r against office index o; n makes values unique. */
static void build_call(const struct route *r, const struct actor_spec *who, int o, int n,
                       char *path, size_t pathsz, char *body, size_t bodysz)
{
    body[0] = '\0';
    long long id = office_ids[o];
    if (strstr(r->pattern, "/users/{id}"))
        id = user_ids[o];
    else if (strstr(r->pattern, "/cases/{id}"))
        id = case_ids[o];
    /* substitute every {param}: the object of the cell */
    size_t used = 0;
    path[0] = '\0';
    for (const char *q = r->pattern; *q && used + 1 < pathsz;) {
        if (*q != '{') {
            path[used++] = *q++;
            path[used] = '\0';
            continue;
        }
        const char *close = strchr(q, '}');
        char name[32];
        snprintf(name, sizeof name, "%.*s", (int)(close - q - 1), q + 1);
        char value[64];
        if (strcmp(name, "party") == 0)
            snprintf(value, sizeof value, "%lld", party_ids[o]);
        else if (strcmp(name, "item") == 0)
            snprintf(value, sizeof value, "%lld", evidence_ids[o]);
        else if (strcmp(name, "charge") == 0)
            snprintf(value, sizeof value, "%lld", charge_ids[o]);
        else if (strcmp(name, "event") == 0)
            snprintf(value, sizeof value, "%lld",
                     strstr(r->pattern, "/bap") ? bap_event_ids[o] : resume_event_ids[o]);
        else if (strcmp(name, "official") == 0)
            snprintf(value, sizeof value, "%lld", official_ids[o]);
        else if (strcmp(name, "type") == 0)
            snprintf(value, sizeof value, "sprindik");
        else if (strcmp(name, "form") == 0)
            snprintf(value, sizeof value, "daftar_barang_bukti");
        else if (strcmp(name, "code") == 0)
            snprintf(value, sizeof value, "MTX%09d", o);
        else if (strcmp(name, "id") == 0 && strncmp(r->pattern, "/api/v1/uploads/", 16) == 0)
            snprintf(value, sizeof value, "%lld", upload_ids[o]);
        else if (strcmp(name, "id") == 0 && strncmp(r->pattern, "/api/v1/documents/", 18) == 0)
            snprintf(value, sizeof value, "%lld", doc_ids[o]);
        else if (strcmp(name, "name") == 0)
            snprintf(value, sizeof value, "KUHAP-1981");
        else if (strcmp(name, "key") == 0 && strncmp(r->pattern, "/api/v1/settings/", 17) == 0)
            snprintf(value, sizeof value, "session.idle_minutes");
        else if (strcmp(name, "key") == 0)
            snprintf(value, sizeof value, "spdp_warn_day");
        else
            snprintf(value, sizeof value, "%lld", id);
        used += (size_t)snprintf(path + used, pathsz - used, "%s", value);
        q = close + 1;
    }
    const char *pattern = r->pattern;
    if (strcmp(pattern, "/api/v1/banner") == 0 && strcmp(r->method, "PUT") == 0)
        snprintf(body, bodysz, "{\"banner\":\"Peringatan uji matriks akses nomor %d.\"}", n);
    else if (strcmp(pattern, "/api/v1/documents/{id}/revoke") == 0 ||
             strcmp(pattern, "/api/v1/documents/{id}/reissue") == 0)
        snprintf(body, bodysz, "{\"note\":\"uji matriks %d\"}", n);
    else if (strcmp(pattern, "/api/v1/settings/{key}") == 0)
        snprintf(body, bodysz, "{\"value\":\"30\"}");
    else if (strcmp(pattern, "/api/v1/sessions") == 0)
        snprintf(body, bodysz, "{\"nip\":\"%s\",\"password\":\"%s\"}",
                 who->nip ? who->nip : NIP_INV_PLG, DEMO_PW);
    else if (strcmp(pattern, "/api/v1/offices") == 0 && strcmp(r->method, "POST") == 0) {
        const char *class_json;
        const char *kind = child_kind(office_kind[o], &class_json);
        snprintf(body, bodysz,
                 "{\"parent_id\":%lld,\"kind\":\"%s\",\"code\":\"MX-%d\",\"name\":\"Kantor "
                 "uji %d\",\"tz\":\"Asia/Jakarta\"%s}",
                 office_ids[o], kind, n, n, class_json);
    } else if (strcmp(pattern, "/api/v1/imports") == 0) {
        const char *class_json;
        const char *kind = child_kind(office_kind[o], &class_json);
        bool kanim = strcmp(kind, "kanim") == 0;
        snprintf(body, bodysz,
                 "{\"what\":\"offices\",\"dry_run\":true,\"rows\":[{\"line\":2,\"parent\":"
                 "\"%s\",\"kind\":\"%s\",\"code\":\"MI-%d\",\"name\":\"Kantor impor %d\","
                 "\"tz\":\"Asia/Jakarta\"%s}]}",
                 fixture_offices[o], kind, n, n, kanim ? ",\"class\":\"Kelas III\"" : "");
    } else if (strcmp(pattern, "/api/v1/offices/{id}/letterheads") == 0 &&
               strcmp(r->method, "POST") == 0)
        snprintf(body, bodysz, "{\"effective_from\":\"%d-01-01\",\"lines\":[\"KOP UJI %d\"]}",
                 2100 + n, n);
    else if (strcmp(pattern, "/api/v1/cases") == 0 && strcmp(r->method, "POST") == 0)
        snprintf(body, bodysz,
                 "{\"source\":\"jagratara\",\"opened_on\":\"2026-01-05\",\"summary\":\"Uji "
                 "matriks %d\"}",
                 n);
    else if (strcmp(pattern, "/api/v1/cases/{id}/events") == 0) {
        const char *type = who->role == ROLE_SUPERVISOR   ? "review_note"
                           : who->role == ROLE_PROSECUTOR ? "tahap1_received_by_pu"
                                                          : "letter_delivered";
        snprintf(body, bodysz, "{\"type\":\"%s\",\"note\":\"uji %d\"}", type, n);
    } else if (strcmp(pattern, "/api/v1/cases/{id}/parties") == 0)
        snprintf(body, bodysz, "{\"kind\":\"witness\",\"name\":\"Saksi %d\"}", n);
    else if (strcmp(pattern, "/api/v1/cases/{id}/events/{event}/bap") == 0)
        snprintf(body, bodysz,
                 "{\"questions\":[{\"question\":\"Pertanyaan uji %d?\",\"answer\":\"Ya.\"}]}", n);
    else if (strcmp(pattern, "/api/v1/cases/{id}/events/{event}/resume") == 0)
        snprintf(body, bodysz, "{\"summary\":\"Uraian uji %d\"}", n);
    else if (strcmp(pattern, "/api/v1/cases/{id}/parties/{party}") == 0)
        snprintf(body, bodysz, "{\"occupation\":\"Pedagang %d\"}", n);
    else if (strcmp(pattern, "/api/v1/cases/{id}/offences") == 0)
        snprintf(body, bodysz, "{\"code\":\"113\"}");
    else if (strcmp(pattern, "/api/v1/cases/{id}/evidence/{item}") == 0)
        snprintf(body, bodysz, "{\"storage\":\"Gudang %d\"}", n);
    else if (strcmp(pattern, "/api/v1/cases/{id}/evidence") == 0)
        snprintf(body, bodysz, "{\"description\":\"Paspor %d\"}", n);
    else if (strcmp(pattern, "/api/v1/offices/{id}/number-patterns/{type}") == 0)
        snprintf(body, bodysz, "{\"pattern\":\"SP.Sidik/{seq}/{roman_month}/{year}/UJI-%d\"}", n);
    else if (strcmp(pattern, "/api/v1/offices/{id}/officials") == 0 &&
             strcmp(r->method, "POST") == 0)
        snprintf(body, bodysz,
                 "{\"role\":\"kepala_kantor\",\"title\":\"Kepala Kantor Uji %d\",\"acting\":"
                 "\"Plh.\",\"name\":\"Pejabat Uji %d\",\"nip\":\"198001012005011%03d\","
                 "\"valid_from\":\"2026-01-%02d\"}",
                 n, n, n % 1000, 1 + n % 28);
    else if (strcmp(pattern, "/api/v1/cases/{id}") == 0 && strcmp(r->method, "PUT") == 0)
        snprintf(body, bodysz, "{\"summary\":\"Ringkasan uji %d\"}", n);
    else if (strcmp(pattern, "/api/v1/offices/{id}/officials/{official}") == 0)
        snprintf(body, bodysz, "{\"valid_to\":\"2030-12-%02d\"}", 1 + n % 28);
    else if (strcmp(pattern, "/api/v1/reassignments") == 0)
        snprintf(body, bodysz,
                 "{\"cases\":[%lld],\"add\":[\"" NIP_INV_PLG "\"],\"reason\":\"uji %d\"}",
                 case_ids[o], n);
    else if (strcmp(pattern, "/api/v1/inbox/read") == 0)
        snprintf(body, bodysz, "{\"cases\":[%lld]}", case_ids[o]);
    else if (strcmp(pattern, "/api/v1/summaries/check") == 0)
        snprintf(body, bodysz, "{}");
    else if (strcmp(pattern, "/api/v1/rulesets/{name}/{key}") == 0)
        snprintf(body, bodysz, "{\"value\":5}");
    else if (strcmp(pattern, "/api/v1/users") == 0 && strcmp(r->method, "POST") == 0) {
        bool kejaksaan =
            strncmp(office_kind[o], "kej", 3) == 0 || strcmp(office_kind[o], "cabjari") == 0;
        snprintf(body, bodysz,
                 "{\"nip\":\"199001012015011%03d\",\"name\":\"Pengguna Uji %d\",\"office_id\":"
                 "%lld,\"role\":\"%s\",\"password\":\"kalimat sandi uji matriks\"}",
                 n, n, office_ids[o], kejaksaan ? "prosecutor" : "supervisor");
    }
}

/* End the session a log-on cell opened (its answer's token), so that the
 * cells leave the actors' own sessions in place. */
static void log_off(const char *answer)
{
    const char *key = "\"token\":\"";
    const char *at = strstr(answer, key);
    if (!at)
        return;
    at += strlen(key);
    char *token = strndup(at, strcspn(at, "\""));
    struct http_result res;
    if (token && api_call(port, "DELETE", "/api/v1/sessions/current", token, NULL, &res))
        http_result_free(&res);
    free(token);
}

START_TEST(test_route_cells)
{
    const struct route *r = &http_routes[_i];
    char failures[4096] = "";
    int n = _i * 20;
    for (size_t a = 0; a < NACTORS; a++) {
        for (int rel = 0; rel < NREL; rel++) {
            bool known;
            long want = expect(r->method, r->pattern, actors[a].role, (enum rel)rel, &known);
            ck_assert_msg(known, "route %s %s has no rule in the access matrix", r->method,
                          r->pattern);
            int o = office_index(actors[a].rel_office[rel]);
            char path[256], body[512];
            build_call(r, &actors[a], o, ++n, path, sizeof path, body, sizeof body);
            /* logging off must not end the session the other cells use */
            char *token = tokens[a];
            char *fresh = NULL;
            if (strcmp(r->method, "DELETE") == 0 && actors[a].nip)
                token = fresh = api_login(port, actors[a].nip, DEMO_PW);
            struct http_result res;
            ck_assert(api_call(port, r->method, path, token, body[0] ? body : NULL, &res));
            if (res.status == 201 && strcmp(r->pattern, "/api/v1/sessions") == 0)
                log_off(res.body); /* each user's sessions are bounded (0006) */
            if (res.status != want) {
                size_t used = strlen(failures);
                snprintf(failures + used, sizeof failures - used,
                         "\n  %s %s as %s (%s, %s): want %ld, got %ld %.120s", r->method, path,
                         actors[a].role ? role_code(actors[a].role) : "nobody", rel_name[rel],
                         actors[a].rel_office[rel], want, res.status, res.body);
            }
            http_result_free(&res);
            free(fresh);
        }
    }
    ck_assert_msg(failures[0] == '\0', "%s %s:%s", r->method, r->pattern, failures);
}
END_TEST

START_TEST(test_every_rule_names_a_route_and_the_matrix_is_big_enough)
{
    static const char *const ruled[][2] = {
        {"GET", "/healthz"},
        {"GET", "/api/v1/version"},
        {"GET", "/api/v1/openapi.json"},
        {"GET", "/api/v1/banner"},
        {"PUT", "/api/v1/banner"},
        {"GET", "/api/v1/settings"},
        {"PUT", "/api/v1/settings/{key}"},
        {"POST", "/api/v1/sessions"},
        {"DELETE", "/api/v1/sessions/current"},
        {"GET", "/api/v1/me"},
        {"GET", "/api/v1/offices"},
        {"POST", "/api/v1/offices"},
        {"GET", "/api/v1/offices/{id}"},
        {"GET", "/api/v1/offices/{id}/letterheads"},
        {"POST", "/api/v1/offices/{id}/letterheads"},
        {"GET", "/api/v1/users"},
        {"GET", "/api/v1/lockouts"},
        {"POST", "/api/v1/users"},
        {"GET", "/api/v1/users/{id}"},
        {"POST", "/api/v1/users/{id}/disable"},
        {"POST", "/api/v1/users/{id}/unlock"},
        {"POST", "/api/v1/imports"},
        {"GET", "/api/v1/cases"},
        {"GET", "/api/v1/cases/{id}"},
        {"GET", "/api/v1/cases/{id}.xml"},
        {"POST", "/api/v1/cases"},
        {"POST", "/api/v1/cases/{id}/events"},
        {"POST", "/api/v1/cases/{id}/parties"},
        {"PUT", "/api/v1/cases/{id}/parties/{party}"},
        {"POST", "/api/v1/cases/{id}/offences"},
        {"POST", "/api/v1/cases/{id}/evidence"},
        {"GET", "/api/v1/offences"},
        {"GET", "/api/v1/rulesets"},
        {"GET", "/api/v1/rulesets/amendments"},
        {"PUT", "/api/v1/rulesets/{name}/{key}"},
        {"POST", "/api/v1/verify-chain"},
        {"GET", "/api/v1/cases/{id}/forms/{form}.pdf"},
        {"POST", "/api/v1/cases/{id}/forms/{form}"},
        {"GET", "/api/v1/cases/{id}/documents"},
        {"GET", "/api/v1/cases/{id}/dossier.pdf"},
        {"GET", "/api/v1/documents/{id}.pdf"},
        {"POST", "/api/v1/documents/{id}/revoke"},
        {"POST", "/api/v1/documents/{id}/reissue"},
        {"GET", "/api/v1/forms"},
        {"PUT", "/api/v1/cases/{id}/evidence/{item}"},
        {"DELETE", "/api/v1/cases/{id}/offences/{charge}"},
        {"GET", "/api/v1/offices/{id}/number-patterns"},
        {"PUT", "/api/v1/offices/{id}/number-patterns/{type}"},
        {"GET", "/verify/{code}"},
        {"GET", "/api/v1/offices/{id}/officials"},
        {"PUT", "/api/v1/cases/{id}"},
        {"POST", "/api/v1/cases/{id}/uploads"},
        {"GET", "/api/v1/uploads/{id}.pdf"},
        {"POST", "/api/v1/offices/{id}/officials"},
        {"PUT", "/api/v1/offices/{id}/officials/{official}"},
        {"GET", "/api/v1/cases/{id}/events/{event}/bap"},
        {"PUT", "/api/v1/cases/{id}/events/{event}/bap"},
        {"GET", "/api/v1/cases/{id}/events/{event}/resume"},
        {"PUT", "/api/v1/cases/{id}/events/{event}/resume"},
        {"GET", "/api/v1/review"},
        {"GET", "/api/v1/review/offices"},
        {"POST", "/api/v1/summaries/check"},
        {"GET", "/api/v1/directions"},
        {"POST", "/api/v1/reassignments"},
        {"GET", "/api/v1/inbox"},
        {"POST", "/api/v1/inbox/read"},
        {"GET", "/api/v1/stats"},
        {"GET", "/api/v1/stats.pdf"},
    };
    /* a stale rule (its route gone from the table) is a defect too */
    for (size_t i = 0; i < sizeof ruled / sizeof ruled[0]; i++) {
        bool found = false;
        for (size_t k = 0; k < http_routes_count; k++)
            if (strcmp(http_routes[k].method, ruled[i][0]) == 0 &&
                strcmp(http_routes[k].pattern, ruled[i][1]) == 0)
                found = true;
        ck_assert_msg(found, "rule for %s %s but no such route", ruled[i][0], ruled[i][1]);
    }
    size_t cells = http_routes_count * NACTORS * NREL;
    ck_assert_msg(cells >= 200, "only %zu cells", cells);
}
END_TEST

Suite *suite_access(void)
{
    Suite *s = suite_create("access");
    TCase *tc = tcase_create("matrix");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_route_cells, 0, (int)http_routes_count);
    tcase_add_test(tc, test_every_rule_names_a_route_and_the_matrix_is_big_enough);
    suite_add_tcase(s, tc);
    return s;
}
