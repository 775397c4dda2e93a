/*
 * routes.c - the route table: every route berkasd serves, in one array.
 *
 * Each row says who may call it (role bits; ROUTE_PUBLIC for anyone),
 * whether each call is audited, and whether it creates something (and so
 * honours Idempotency-Key: every POST that does).  The dispatcher (server.c) enforces the
 * session and the role before the handler runs; the handler's use case
 * checks the object (which office, which case) and answers 404 for what
 * the caller may not see.  The OpenAPI description and the access-matrix
 * test are checked against this array, so a route exists here or nowhere.
 */
#include "handlers.h"

#define ANY     ROLE_ANY
#define ADMIN   ROLE_ADMIN
#define CASES   (ROLE_INVESTIGATOR | ROLE_SUPERVISOR | ROLE_PROSECUTOR)
#define INV     ROLE_INVESTIGATOR
#define ISSUERS (ROLE_INVESTIGATOR | ROLE_PROSECUTOR)
#define WATCH   (ROLE_INVESTIGATOR | ROLE_SUPERVISOR)

/* clang-format off */
const struct route http_routes[] = {
/*  method    pattern                               handler             roles         flags        summary */
    {"GET",    "/healthz",                          h_healthz,          ROUTE_PUBLIC, 0,           "200 when the database answers, else 503; with --db-replica also the replica's state and lag"},
    {"GET",    "/api/v1/version",                   h_version,          ROUTE_PUBLIC, 0,           "the running version and schema"},
    {"GET",    "/api/v1/openapi.json",              h_openapi,          ROUTE_PUBLIC, 0,           "this description, generated from the route table"},
    {"GET",    "/api/v1/banner",                    h_banner_get,       ROUTE_PUBLIC, 0,           "the log-on banner"},
    {"PUT",    "/api/v1/banner",                    h_banner_put,       ADMIN,        ROUTE_AUDIT, "replace the log-on banner"},
    {"GET",    "/api/v1/settings",                  h_settings_list,    ADMIN,        ROUTE_AUDIT, "the server-wide settings: key, value, note, updated_at, type and bounds, when a change takes effect"},
    {"PUT",    "/api/v1/settings/{key}",            h_setting_set,      ADMIN,        ROUTE_AUDIT, "set one setting: {\"value\": \"...\"} as text, checked against its type and bounds (national: a root office's admin)"},
    {"POST",   "/api/v1/sessions",                  h_session_create,   ROUTE_PUBLIC, ROUTE_AUDIT | ROUTE_OFFLOAD, "log on with NIP and password; returns a bearer token, or with {\"cookie\":true} sets the pages' HttpOnly session cookie"},
    {"DELETE", "/api/v1/sessions/current",          h_session_delete,   ANY,          ROUTE_AUDIT, "log off: end this session"},
    {"GET",    "/api/v1/me",                        h_me,               ANY,          0,           "who is logged on"},
    {"GET",    "/api/v1/offices",                   h_offices_list,     ANY,          0,           "the office directory, both trees"},
    {"POST",   "/api/v1/offices",                   h_office_create,    ADMIN,        ROUTE_AUDIT | ROUTE_IDEMPOTENT, "add an office under one of the admin's subtree"},
    {"GET",    "/api/v1/offices/{id}",              h_office_get,       ANY,          0,           "one office"},
    {"GET",    "/api/v1/offices/{id}/letterheads",  h_letterheads_list, ANY,          0,           "an office's letterhead lines by effective date"},
    {"POST",   "/api/v1/offices/{id}/letterheads",  h_letterhead_add,   ADMIN,        ROUTE_AUDIT | ROUTE_IDEMPOTENT, "add letterhead lines from a date"},
    {"GET",    "/api/v1/offices/{id}/officials",    h_officials_list,   ANY,          0,           "the officials who sign an office's orders and letters, with their periods"},
    {"POST",   "/api/v1/offices/{id}/officials",    h_official_add,     ADMIN,        ROUTE_AUDIT | ROUTE_IDEMPOTENT, "record an official (Kepala Kantor, Plh./Plt., Kepala Kejari, Kasi Pidum) from a date"},
    {"PUT",    "/api/v1/offices/{id}/officials/{official}", h_official_end, ADMIN,    ROUTE_AUDIT, "end an official's period: {\"valid_to\": YYYY-MM-DD}"},
    {"GET",    "/api/v1/offices/{id}/number-patterns", h_number_patterns, ADMIN,      0,           "an office's document-number patterns"},
    {"PUT",    "/api/v1/offices/{id}/number-patterns/{type}", h_number_pattern_set, ADMIN, ROUTE_AUDIT, "set a document-number pattern ({seq:04}, {roman_month}, {year}, ...)"},
    {"GET",    "/api/v1/users",                     h_users_list,       ADMIN,        0,           "the users of the admin's subtree"},
    {"GET",    "/api/v1/lockouts",                  h_lockouts_list,    ADMIN,        0,           "log-on locks of the admin's subtree, newest first (?days=30)"},
    {"POST",   "/api/v1/users",                     h_user_create,      ADMIN,        ROUTE_AUDIT | ROUTE_IDEMPOTENT | ROUTE_OFFLOAD, "add a user (the password hashed off the HTTP workers, as a log-on's)"},
    {"GET",    "/api/v1/users/{id}",                h_user_get,         ADMIN,        0,           "one user"},
    {"POST",   "/api/v1/users/{id}/disable",        h_user_disable,     ADMIN,        ROUTE_AUDIT, "disable a user and end their sessions"},
    {"POST",   "/api/v1/imports",                   h_import,           ADMIN,        ROUTE_AUDIT | ROUTE_OFFLOAD, "offices or users from a CSV file's rows, all or nothing (off the HTTP workers: each user's password is hashed): {what: offices|users, dry_run, rows: [{line, ...}]}; 422 names every bad row"},
    {"POST",   "/api/v1/users/{id}/unlock",         h_user_unlock,      ADMIN,        ROUTE_AUDIT, "unlock a user locked by failed log-ons"},
    {"GET",    "/api/v1/cases",                     h_cases_list,       CASES,        ROUTE_AUDIT, "the cases the caller may see: ?stage= &office= &clock= &article= &q= &cursor= &limit="},
    {"POST",   "/api/v1/cases",                     h_case_create,      INV,          ROUTE_AUDIT | ROUTE_IDEMPOTENT, "open a case with its Laporan"},
    {"PUT",    "/api/v1/cases/{id}",                h_case_update,      INV,          ROUTE_AUDIT, "correct the case's summary, source, Kejari and investigators (If-Match)"},
    {"GET",    "/api/v1/cases/{id}.xml",            h_case_xml,         CASES,        ROUTE_AUDIT, "the case as one XML document (schemas/case.xsd)"},
    {"GET",    "/api/v1/cases/{id}/forms/{form}.pdf", h_form_draft,     ISSUERS,      ROUTE_AUDIT, "a form as a draft: watermarked, no number (?param=value)"},
    {"POST",   "/api/v1/cases/{id}/forms/{form}",   h_form_issue,       ISSUERS,      ROUTE_AUDIT | ROUTE_IDEMPOTENT, "issue a form: gapless number, verification code, PDF stored with its SHA-256"},
    {"GET",    "/api/v1/cases/{id}/documents",      h_documents_list,   CASES,        ROUTE_AUDIT,          "the documents issued for a case"},
    {"GET",    "/api/v1/cases/{id}/dossier.pdf",    h_dossier,          CASES,        ROUTE_AUDIT, "the berkas perkara in one PDF, in legal order, with its manifest"},
    {"POST",   "/api/v1/cases/{id}/uploads",        h_upload_add,       ISSUERS,      ROUTE_AUDIT | ROUTE_UPLOAD, "attach a PDF from outside berkas to an act (?event=) or an issued document (?document=): &title= &number= &dated=; the body is the PDF"},
    {"GET",    "/api/v1/uploads/{id}.pdf",          h_upload_pdf,       CASES,        ROUTE_AUDIT, "an uploaded PDF, as uploaded"},
    {"GET",    "/api/v1/documents/{id}.pdf",        h_document_pdf,     CASES,        ROUTE_AUDIT, "an issued document's PDF, as issued"},
    {"POST",   "/api/v1/documents/{id}/revoke",     h_document_revoke,  ISSUERS,      ROUTE_AUDIT, "revoke an issued document, with its reason {note}: it keeps its bytes and number, verify says revoked, the dossier drops it, its form may be issued again for the act; an investigator's paper not while the file is with the prosecutor or complete (409)"},
    {"POST",   "/api/v1/documents/{id}/reissue",    h_document_reissue, ISSUERS,      ROUTE_AUDIT, "revoke an issued document of an act {note} and issue its form again for the act as it stands, in one transaction, under the act's number when the paper carries it (a paper issued before a correction: the case's stale_papers); an investigator's paper not while the file is with the prosecutor or complete (409)"},
    {"GET",    "/api/v1/forms",                     h_forms_list,       ANY,          0,           "the forms berkas can make"},
    {"GET",    "/verify/{code}",                    h_verify_page,      ROUTE_PUBLIC, ROUTE_AUDIT, "is a document genuine and in force? (no log-on; no case data)"},
    {"GET",    "/api/v1/cases/{id}",                h_case_get,         CASES,        ROUTE_AUDIT, "one case: stage, facts, allowed events, clocks, P-19 rounds, timeline, history, stale_papers (papers issued before a correction of their act that changed what they print)"},
    {"POST",   "/api/v1/cases/{id}/events",         h_event_create,     CASES,        ROUTE_AUDIT | ROUTE_IDEMPOTENT, "record an act (If-Match: version; Idempotency-Key)"},
    {"GET",    "/api/v1/cases/{id}/events/{event}/bap", h_bap_get,     CASES,        ROUTE_AUDIT, "a BAP's questions and answers, counsel, interpreter, closing; what is missing before it is issued"},
    {"PUT",    "/api/v1/cases/{id}/events/{event}/bap", h_bap_put,     INV,          ROUTE_AUDIT, "write a BAP's content whole (If-Match: its version; none for the first)"},
    {"GET",    "/api/v1/cases/{id}/events/{event}/resume", h_resume_get, CASES,      ROUTE_AUDIT, "a Resume's bases, summary, facts, analysis of each element of each charged Pasal, conclusion"},
    {"PUT",    "/api/v1/cases/{id}/events/{event}/resume", h_resume_put, INV,        ROUTE_AUDIT, "write a Resume's content whole (If-Match: its version; none for the first)"},
    {"POST",   "/api/v1/cases/{id}/parties",        h_party_add,        INV,          ROUTE_AUDIT | ROUTE_IDEMPOTENT, "add a suspect, witness or expert"},
    {"PUT",    "/api/v1/cases/{id}/parties/{party}", h_party_correct,   INV,          ROUTE_AUDIT, "correct a party (If-Match: the party's version)"},
    {"POST",   "/api/v1/cases/{id}/offences",       h_offence_charge,   INV,          ROUTE_AUDIT | ROUTE_IDEMPOTENT, "charge an offence of the catalogue"},
    {"POST",   "/api/v1/cases/{id}/evidence",       h_evidence_add,     INV,          ROUTE_AUDIT | ROUTE_IDEMPOTENT, "add an item of evidence"},
    {"PUT",    "/api/v1/cases/{id}/evidence/{item}", h_evidence_correct, INV,         ROUTE_AUDIT, "correct an item of evidence (If-Match: its version)"},
    {"DELETE", "/api/v1/cases/{id}/offences/{charge}", h_offence_withdraw, INV,       ROUTE_AUDIT, "withdraw a charge laid in error"},
    {"GET",    "/api/v1/offences",                  h_offences_list,    ANY,          0,           "the offence catalogue, UU 6/2011 Pasal 113-136"},
    {"GET",    "/api/v1/rulesets",                  h_rulesets_list,    ANY,          0,           "the legal rule sets in force, with values to verify"},
    {"GET",    "/api/v1/rulesets/amendments",       h_ruleset_history,  ADMIN | ROLE_SUPERVISOR, 0, "every amendment of the rule sets (?ruleset=, ?key=): old value -> new, from when, override, why, who, when"},
    {"PUT",    "/api/v1/rulesets/{name}/{key}",     h_ruleset_amend,    ADMIN,        ROUTE_AUDIT, "amend one value of a rule set from a date (not backwards)"},
    {"POST",   "/api/v1/verify-chain",              h_verify_chain,     ADMIN,        ROUTE_AUDIT, "recompute every case's hash chain; name the first broken link"},
    {"GET",    "/api/v1/review",                    h_review_list,      WATCH,        ROUTE_AUDIT, "the files of the caller's reach by urgency, why and who must act: ?office= &reason= &actor= &stage= &state= &mine= &cursor= &limit="},
    {"GET",    "/api/v1/review/offices",            h_review_counts,    WATCH,        ROUTE_AUDIT, "per office of the caller's reach: files listed, overdue, stalled, in warning, own and with the offices under it (subtree) (?office=)"},
    {"GET",    "/api/v1/directions",                h_directions_list,  WATCH,        ROUTE_AUDIT, "supervisors' directions in the caller's reach, the earliest due first: ?state=open|overdue|done|all &office= &mine= &cursor= &limit="},
    {"POST",   "/api/v1/reassignments",             h_reassign,         ROLE_SUPERVISOR, ROUTE_AUDIT | ROUTE_IDEMPOTENT, "move one or many files to other investigators: {cases, add, remove, reason}; one reassigned act per file, all or none (Idempotency-Key)"},
    {"GET",    "/api/v1/inbox",                     h_inbox_list,       ROLE_PROSECUTOR, ROUTE_AUDIT, "what arrived at the prosecutor's Kejari, the prosecutor's own deadlines first: ?unread=true &kind= &mine= &case= &cursor= &limit="},
    {"POST",   "/api/v1/inbox/read",                h_inbox_read,       ROLE_PROSECUTOR, ROUTE_AUDIT, "mark arrivals read: {events: [ids]} and/or {cases: [ids]}"},
    {"GET",    "/api/v1/stats",                     h_stats,            WATCH,        ROUTE_AUDIT, "the month's or year's report per office of the caller's reach: ?month=YYYY-MM | ?year=YYYY &office= &format=json|csv"},
    {"GET",    "/api/v1/stats.pdf",                 h_stats_pdf,        WATCH,        ROUTE_AUDIT, "the same report as a PDF with charts"},
    {"POST",   "/api/v1/summaries/check",           h_summaries_check,  ADMIN,        ROUTE_AUDIT, "compare every case summary of the admin's subtree with its log ({\"repair\": true} rewrites those that differ)"},
};
/* clang-format on */

const size_t http_routes_count = sizeof http_routes / sizeof http_routes[0];
