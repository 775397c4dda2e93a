/*
 * cmd_record.c - berkas record CASE EVENT: one act into a case's event log
 * (POST /api/v1/cases/CASE/events).
 *
 * Two headers make it safe.  If-Match carries the version of the case the
 * user last saw, when they give it (--if-match): an act recorded meanwhile
 * by someone else is then a 409, not a silent overwrite.  Without it
 * nothing is read before the write (issue 12.5): the server checks, under
 * the case's lock, that the act is still allowed in the stage the case is
 * in now, and refuses it (409, naming the acts allowed) if not; a version
 * read just before the write would have guarded nothing the user saw.
 * Idempotency-Key (random per invocation unless given) makes a
 * retry harmless: the server answers a repeated key with its first answer
 * and writes nothing.  So after a transport error the request is retried
 * with the same key and body, and when it still fails the key is printed,
 * to run the same command again with --idempotency-key.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmds.h"
#include "output.h"

#define END_OPTS                                                                                   \
    {                                                                                              \
        NULL, NULL, NULL, false, NULL                                                              \
    }
#define KEY_BYTES 16 /* 128 random bits */
#define RETRIES   2  /* after a transport error */

struct record_args {
    const char *case_arg, *event;
    const char *date, *at, *number, *note, *party, *bap, *days, *detention_type, *recipient,
        *ground, *polri_order, *instruction_id, *answer, *answer_act, *corrects, *due, *direction,
        *if_match, *key, *late_reason, *to, *jaksa, *appearance, *urgent_reason, *unlawful_reason,
        *received_by, *facility, *scene, *permit_kind, *permit_for, *permit_act, *approves,
        *decision, *court, *conditions, *guarantee, *unmet_reason, *catatan, *undelivered_reason;
    bool polri_involved, severe_illness, withdraws;
    struct cli_list instructions, unmet, team;
    struct cli_list issue; /* forms to issue for the act, in the same transaction */
    long long unmet_ids[CLI_LIST_MAX];
    long long case_id, party_id, days_n, instruction, answer_act_id, corrects_id, direction_id,
        version, permit_act_id, approves_id;
};

/* The shapes the server will check again: ids, dates, pairs of options. */
static int check_args(const struct command *cmd, struct record_args *a)
{
    int rc;
    if ((rc = cli_want_date(cmd, "--date", a->date)) != GO_ON ||
        (rc = cli_want_id(cmd, "--party", a->party, &a->party_id)) != GO_ON ||
        (rc = cli_want_id(cmd, "--days", a->days, &a->days_n)) != GO_ON ||
        (rc = cli_want_id(cmd, "--instruction-id", a->instruction_id, &a->instruction)) != GO_ON ||
        (rc = cli_want_id(cmd, "--answer-act", a->answer_act, &a->answer_act_id)) != GO_ON ||
        (rc = cli_want_id(cmd, "--permit-act", a->permit_act, &a->permit_act_id)) != GO_ON ||
        (rc = cli_want_id(cmd, "--approves", a->approves, &a->approves_id)) != GO_ON ||
        (rc = cli_want_id(cmd, "--corrects", a->corrects, &a->corrects_id)) != GO_ON ||
        (rc = cli_want_date(cmd, "--due", a->due)) != GO_ON ||
        (rc = cli_want_date(cmd, "--appearance", a->appearance)) != GO_ON ||
        (rc = cli_want_id(cmd, "--direction", a->direction, &a->direction_id)) != GO_ON ||
        (rc = cli_want_id(cmd, "--if-match", a->if_match, &a->version)) != GO_ON)
        return rc;
    for (size_t i = 0; i < a->unmet.n; i++)
        if ((rc = cli_want_id(cmd, "--unmet", a->unmet.items[i], &a->unmet_ids[i])) != GO_ON)
            return rc;
    if (a->date && a->at)
        return cli_usage_error(cmd, "berikan --date atau --at, tidak keduanya");
    /* an answer says what was done, or why the item cannot be met (its reason is then the
     * answer); a correction of an answer may name its act, its reason or a new answer alone;
     * the reason itself (not blank, not beside --answer-act) and whether a correction turning
     * the answer met says what was done the server judges */
    if (a->instruction_id && !a->answer && !a->unmet_reason)
        return cli_usage_error(cmd, "--instruction-id perlu --answer atau --unmet-reason");
    if (a->answer && !a->instruction_id && !a->corrects)
        return cli_usage_error(cmd, "--answer perlu --instruction-id (atau --corrects)");

    if (a->withdraws && !a->corrects)
        return cli_usage_error(cmd, "--withdraws perlu --corrects ID_PERISTIWA");
    if (a->key && (!*a->key || strlen(a->key) > 200 || strpbrk(a->key, "\r\n")))
        return cli_usage_error(cmd,
                               "--idempotency-key harus 1 sampai 200 karakter dalam satu baris");
    if (!*a->event)
        return cli_usage_error(cmd, "PERISTIWA kosong");
    return GO_ON;
}

static bool put_str(json_t *b, const char *key, const char *value)
{
    if (!value)
        return true;
    json_t *v = json_string(value);
    return v && json_object_set_new(b, key, v) == 0;
}

static bool put_int(json_t *b, const char *key, const char *given, long long value)
{
    return !given || json_object_set_new(b, key, json_integer(value)) == 0;
}

static bool put_flag(json_t *b, const char *key, bool on)
{
    return !on || json_object_set_new(b, key, json_true()) == 0;
}

/* A repeated option's texts as the list key, when any. */
static bool put_texts(json_t *b, const char *key, const struct cli_list *l)
{
    if (l->n == 0)
        return true;
    json_t *list = json_array();
    bool ok = list != NULL;
    for (size_t i = 0; ok && i < l->n; i++)
        ok = json_array_append_new(list, json_string(l->items[i])) == 0;
    if (!ok) {
        json_decref(list);
        return false;
    }
    return json_object_set_new(b, key, list) == 0; /* takes list, set or not */
}

/* The request body, always built in the same order (a retry with the same
 * Idempotency-Key must send the same bytes); NULL when out of memory or
 * the text is not UTF-8. */
static json_t *event_body(const struct record_args *a)
{
    json_t *b = json_object();
    bool ok = b && put_str(b, "type", a->event) && put_str(b, "date", a->date) &&
              put_str(b, "at", a->at) && put_str(b, "number", a->number) &&
              put_str(b, "note", a->note) && put_int(b, "party_id", a->party, a->party_id) &&
              put_str(b, "bap", a->bap) && put_int(b, "days", a->days, a->days_n) &&
              put_str(b, "detention_type", a->detention_type) &&
              put_str(b, "recipient", a->recipient) && put_str(b, "ground", a->ground) &&
              put_str(b, "polri_order", a->polri_order) &&
              put_flag(b, "polri_involved", a->polri_involved) &&
              put_flag(b, "severe_illness", a->severe_illness) &&
              put_int(b, "instruction_id", a->instruction_id, a->instruction) &&
              put_str(b, "answer", a->answer) &&
              put_int(b, "answer_act", a->answer_act, a->answer_act_id) &&
              put_str(b, "unmet_reason", a->unmet_reason) &&
              put_str(b, "undelivered_reason", a->undelivered_reason) &&
              put_int(b, "corrects", a->corrects, a->corrects_id) &&
              put_flag(b, "withdraws", a->withdraws) && put_str(b, "due", a->due) &&
              put_int(b, "direction", a->direction, a->direction_id) &&
              put_str(b, "late_reason", a->late_reason) && put_str(b, "to", a->to) &&
              put_str(b, "jaksa", a->jaksa) && put_str(b, "appearance", a->appearance) &&
              put_str(b, "urgent_reason", a->urgent_reason) &&
              put_str(b, "unlawful_reason", a->unlawful_reason) &&
              put_str(b, "received_by", a->received_by) && put_str(b, "facility", a->facility) &&
              put_str(b, "conditions", a->conditions) && put_str(b, "guarantee", a->guarantee) &&
              put_str(b, "scene", a->scene) && put_str(b, "permit_kind", a->permit_kind) &&
              put_str(b, "permit_for", a->permit_for) && put_str(b, "decision", a->decision) &&
              put_str(b, "court", a->court) && put_str(b, "catatan", a->catatan) &&
              put_int(b, "permit_act", a->permit_act, a->permit_act_id) &&
              put_int(b, "approves", a->approves, a->approves_id);
    ok = ok && put_texts(b, "team", &a->team) && put_texts(b, "instructions", &a->instructions) &&
         put_texts(b, "issue", &a->issue);
    if (ok && a->unmet.n > 0) {
        json_t *list = json_array();
        for (size_t i = 0; ok && list && i < a->unmet.n; i++)
            ok = json_array_append_new(list, json_integer(a->unmet_ids[i])) == 0;
        ok = ok && list && json_object_set_new(b, "unmet", list) == 0;
        if (!ok)
            json_decref(list);
    }
    if (!ok) {
        json_decref(b);
        return NULL;
    }
    return b;
}

/* 16 bytes from libsodium's randombytes_buf (the kernel's getrandom) as
 * 32 hex digits into key; false when libsodium cannot start. */
static bool random_key(char key[2 * KEY_BYTES + 1])
{
    if (sodium_init() < 0)
        return false;
    unsigned char raw[KEY_BYTES];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2hex(key, 2 * KEY_BYTES + 1, raw, sizeof raw);
    return true;
}

/* POST the act, with If-Match when version > 0, retrying after a transport
 * error with the same key and body.  The reply (caller frees) or NULL with
 * *rc after one line. */
static json_t *post_event(struct global *g, long long case_id, const json_t *body,
                          long long version, const char *key, int *rc)
{
    char path[64], match[48], idem[256];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", case_id);
    snprintf(match, sizeof match, "If-Match: \"%lld\"", version);
    snprintf(idem, sizeof idem, "Idempotency-Key: %s", key);
    const char *with[] = {match, idem, NULL}, *without[] = {idem, NULL};
    const char *const *headers = version > 0 ? with : without;
    char err[512];
    struct api_response r;
    bool sent = false;
    for (int attempt = 0; attempt <= RETRIES && !sent; attempt++) {
        if (attempt > 0)
            sleep((unsigned)attempt);
        sent = api_request_with(&g->api, "POST", path, body, headers, &r, err, sizeof err);
    }
    if (!sent) {
        *rc = cli_fail(EXIT_USAGE,
                       "%s; the act may or may not be recorded: run the same command again "
                       "dengan --idempotency-key %s",
                       err, key);
        return NULL;
    }
    json_t *j = NULL;
    if (r.status < 200 || r.status > 299) {
        char line[4096];
        api_problem_line(&r, line, sizeof line);
        *rc = cli_fail(EXIT_REFUSED, "%s", line);
        api_problem_gaps(&r, stderr);
    } else if (!(j = api_json(&r))) {
        *rc = cli_fail(EXIT_REFUSED, "POST %s: jawaban (%ld) bukan JSON", path, r.status);
    }
    api_response_free(&r);
    return j;
}

json_t *cli_record(struct global *g, long long case_id, const json_t *body, int *rc)
{
    char key[2 * KEY_BYTES + 1];
    if (!random_key(key)) {
        *rc = cli_fail(EXIT_USAGE, "libsodium tidak dapat dimulai untuk Idempotency-Key");
        return NULL;
    }
    return post_event(g, case_id, body, 0, key, rc);
}

static void print_recorded(const json_t *e)
{
    out_kv("dicatat", "peristiwa %lld (urutan %lld): %s (%s)", jint(e, "id"), jint(e, "seq"),
           jstr(e, "label"), jstr(e, "type"));
    out_kv("perkara", "%lld", jint(e, "case_id"));
    out_kv("tanggal", "%s%s", jstr(e, "legal_date"),
           json_is_true(json_object_get(e, "late")) ? " (terlambat dicatat)" : "");
    if (strcmp(jstr(e, "stage_before"), jstr(e, "stage")) != 0)
        out_kv("tahap", "%s -> %s", jstr(e, "stage_before"), jstr(e, "stage"));
    else
        out_kv("tahap", "%s (tetap)", jstr(e, "stage"));
    out_kv("versi", "%lld", jint(e, "version"));
    out_kv("rezim", "%s", jstr(e, "regime"));
    size_t i;
    json_t *d;
    json_array_foreach(json_object_get(e, "documents"), i, d)
        out_kv("dokumen", "%lld: %s %s (kode %s)", jint(d, "id"), jstr(d, "title"),
               jstr(d, "number"), jstr(d, "verify_code"));
    /* recorded, and said: sending the file with a Ketua PN's approval owed or refused, an act
     * done by a PPNS the team does not name */
    json_array_foreach(json_object_get(e, "warnings"), i, d)
        out_kv("peringatan", "%s", jstr(d, "message"));
}

/* The command line into *a, checked as far as the client can (check_args). */
static int parse_record(struct global *g, const struct command *cmd, int argc, char **argv,
                        struct record_args *a)
{
    *a = (struct record_args){0};
    const struct cli_opt opts[] = {
        {"date", &a->date, NULL, false, NULL},
        {"at", &a->at, NULL, false, NULL},
        {"number", &a->number, NULL, false, NULL},
        {"note", &a->note, NULL, false, NULL},
        {"party", &a->party, NULL, false, NULL},
        {"bap", &a->bap, NULL, false, NULL},
        {"days", &a->days, NULL, false, NULL},
        {"detention-type", &a->detention_type, NULL, false, NULL},
        {"facility", &a->facility, NULL, false, NULL},
        {"conditions", &a->conditions, NULL, false, NULL},
        {"guarantee", &a->guarantee, NULL, false, NULL},
        {"scene", &a->scene, NULL, false, NULL},
        {"permit-kind", &a->permit_kind, NULL, false, NULL},
        {"permit-for", &a->permit_for, NULL, false, NULL},
        {"permit-act", &a->permit_act, NULL, false, NULL},
        {"approves", &a->approves, NULL, false, NULL},
        {"decision", &a->decision, NULL, false, NULL},
        {"court", &a->court, NULL, false, NULL},
        {"catatan", &a->catatan, NULL, false, NULL},
        {"recipient", &a->recipient, NULL, false, NULL},
        {"ground", &a->ground, NULL, false, NULL},
        {"polri-order", &a->polri_order, NULL, false, NULL},
        {"polri-involved", NULL, NULL, false, &a->polri_involved},
        {"severe-illness", NULL, NULL, false, &a->severe_illness},
        {"instruction", NULL, &a->instructions, false, NULL},
        {"issue", NULL, &a->issue, false, NULL},
        {"instruction-id", &a->instruction_id, NULL, false, NULL},
        {"answer", &a->answer, NULL, false, NULL},
        {"answer-act", &a->answer_act, NULL, false, NULL},
        {"unmet-reason", &a->unmet_reason, NULL, false, NULL},
        {"undelivered-reason", &a->undelivered_reason, NULL, false, NULL},
        {"corrects", &a->corrects, NULL, false, NULL},
        {"withdraws", NULL, NULL, false, &a->withdraws},
        {"due", &a->due, NULL, false, NULL},
        {"direction", &a->direction, NULL, false, NULL},
        {"late-reason", &a->late_reason, NULL, false, NULL},
        {"unmet", NULL, &a->unmet, false, NULL},
        {"to", &a->to, NULL, false, NULL},
        {"jaksa", &a->jaksa, NULL, false, NULL},
        {"team", NULL, &a->team, false, NULL},
        {"appearance", &a->appearance, NULL, false, NULL},
        {"urgent-reason", &a->urgent_reason, NULL, false, NULL},
        {"unlawful-reason", &a->unlawful_reason, NULL, false, NULL},
        {"received-by", &a->received_by, NULL, false, NULL},
        {"if-match", &a->if_match, NULL, false, NULL},
        {"idempotency-key", &a->key, NULL, false, NULL},
        END_OPTS,
    };
    const struct cli_arg args[] = {{"CASE", &a->case_arg}, {"EVENT", &a->event}, {NULL, NULL}};
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc == GO_ON)
        rc = check_args(cmd, a);
    return rc;
}

int cmd_record(struct global *g, const struct command *cmd, int argc, char **argv)
{
    struct record_args a;
    int rc = parse_record(g, cmd, argc, argv, &a);
    if (rc != GO_ON || (rc = cli_connect(g, true)) != GO_ON ||
        (rc = cli_case(g, cmd, a.case_arg, &a.case_id)) != GO_ON)
        return rc;
    char key[2 * KEY_BYTES + 1];
    if (!a.key && !random_key(key))
        return cli_fail(EXIT_USAGE, "libsodium tidak dapat dimulai untuk Idempotency-Key");
    json_t *body = event_body(&a);
    if (!body)
        return cli_fail(EXIT_USAGE, "memori habis (atau teks bukan UTF-8)");
    json_t *e =
        post_event(g, a.case_id, body, a.if_match ? a.version : 0, a.key ? a.key : key, &rc);
    json_decref(body);
    if (!e)
        return rc;
    if (g->json)
        out_json(e);
    else
        print_recorded(e);
    json_decref(e);
    return EXIT_OK;
}
