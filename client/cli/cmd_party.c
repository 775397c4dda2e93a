/*
 * cmd_party.c - what a case file holds besides its acts: berkas suspect
 * add, party add|correct, offence charge|list, evidence add.
 *
 * Names are sent as typed; the server normalises them (Unicode NFC) and
 * judges passport numbers, country codes and the rest, naming the field it
 * refuses.  A correction carries the party's version as If-Match, by
 * default the version just read from the case.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmds.h"
#include "output.h"

#define END_OPTS                                                                                   \
    {                                                                                              \
        NULL, NULL, NULL, false, NULL                                                              \
    }

struct party_args {
    const char *kind, *name, *nationality, *passport, *birth_date, *birth_place, *sex, *occupation,
        *address_id, *address_abroad, *language, *interpreter, *nik;
};

/* The options of a party, into a (NULL-terminated by the caller). */
#define PARTY_OPTS(a, name_required)                                                               \
    {"name", &(a).name, NULL, name_required, NULL},                                                \
        {"nationality", &(a).nationality, NULL, false, NULL},                                      \
        {"passport", &(a).passport, NULL, false, NULL}, {"nik", &(a).nik, NULL, false, NULL},      \
        {"birth-date", &(a).birth_date, NULL, false, NULL},                                        \
        {"birth-place", &(a).birth_place, NULL, false, NULL},                                      \
        {"sex", &(a).sex, NULL, false, NULL}, {"occupation", &(a).occupation, NULL, false, NULL},  \
        {"address-id", &(a).address_id, NULL, false, NULL},                                        \
        {"address-abroad", &(a).address_abroad, NULL, false, NULL},                                \
        {"language", &(a).language, NULL, false, NULL},                                            \
    {                                                                                              \
        "interpreter", &(a).interpreter, NULL, false, NULL                                         \
    }

/* The body of a party: only what was given. NULL when out of memory or
 * not UTF-8. */
static json_t *party_body(const struct party_args *a)
{
    const struct {
        const char *key, *value;
    } fields[] = {
        {"kind", a->kind},
        {"name", a->name},
        {"nationality", a->nationality},
        {"passport_no", a->passport},
        {"nik", a->nik},
        {"birth_date", a->birth_date},
        {"birth_place", a->birth_place},
        {"sex", a->sex},
        {"occupation", a->occupation},
        {"address_id", a->address_id},
        {"address_abroad", a->address_abroad},
        {"language", a->language},
        {"interpreter", a->interpreter},
    };
    json_t *b = json_object();
    for (size_t i = 0; b && i < sizeof fields / sizeof fields[0]; i++) {
        if (!fields[i].value)
            continue;
        json_t *v = json_string(fields[i].value);
        if (!v || json_object_set_new(b, fields[i].key, v) != 0) {
            json_decref(b);
            b = NULL;
        }
    }
    return b;
}

/* POST a new party to case_arg; the shared end of suspect add and party add. */
static int party_add(struct global *g, const struct command *cmd, const char *case_arg,
                     const struct party_args *a)
{
    long long case_id;
    int rc;
    if ((rc = cli_want_date(cmd, "--birth-date", a->birth_date)) != GO_ON ||
        (rc = cli_connect(g, true)) != GO_ON ||
        (rc = cli_case(g, cmd, case_arg, &case_id)) != GO_ON)
        return rc;
    json_t *body = party_body(a);
    if (!body)
        return cli_fail(EXIT_USAGE, "memori habis (atau teks bukan UTF-8)");
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", case_id);
    json_t *p = cli_call(g, "POST", path, body, &rc);
    json_decref(body);
    if (!p)
        return rc;
    if (g->json)
        out_json(p);
    else
        printf("%s %lld ditambahkan pada perkara %lld: %s.\n", a->kind, jint(p, "id"), case_id,
               a->name);
    json_decref(p);
    return EXIT_OK;
}

int cmd_suspect_add(struct global *g, const struct command *cmd, int argc, char **argv)
{
    struct party_args a = {.kind = "suspect"};
    const char *case_arg = NULL;
    const struct cli_opt opts[] = {PARTY_OPTS(a, true), END_OPTS};
    const struct cli_arg args[] = {{"CASE", &case_arg}, {NULL, NULL}};
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    return rc != GO_ON ? rc : party_add(g, cmd, case_arg, &a);
}

int cmd_party_add(struct global *g, const struct command *cmd, int argc, char **argv)
{
    struct party_args a = {0};
    const char *case_arg = NULL;
    const struct cli_opt opts[] = {
        {"kind", &a.kind, NULL, true, NULL}, PARTY_OPTS(a, true), END_OPTS};
    const struct cli_arg args[] = {{"CASE", &case_arg}, {NULL, NULL}};
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    return rc != GO_ON ? rc : party_add(g, cmd, case_arg, &a);
}

/* The version of party_id in case case_id as the server has it now; 0
 * with *rc after one line. */
static long long party_version(struct global *g, long long case_id, long long party_id, int *rc)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", case_id);
    json_t *c = cli_call(g, "GET", path, NULL, rc);
    if (!c)
        return 0;
    long long v = 0;
    size_t i;
    json_t *p;
    json_array_foreach(json_object_get(c, "parties"), i, p)
    {
        if (jint(p, "id") == party_id)
            v = jint(p, "version");
    }
    json_decref(c);
    if (v <= 0)
        *rc = cli_fail(EXIT_REFUSED, "perkara %lld tidak mempunyai pihak %lld", case_id, party_id);
    return v;
}

int cmd_party_correct(struct global *g, const struct command *cmd, int argc, char **argv)
{
    struct party_args a = {0};
    const char *case_arg = NULL, *party_arg = NULL, *if_match = NULL;
    const struct cli_opt opts[] = {{"kind", &a.kind, NULL, false, NULL},
                                   PARTY_OPTS(a, false),
                                   {"if-match", &if_match, NULL, false, NULL},
                                   END_OPTS};
    const struct cli_arg args[] = {{"CASE", &case_arg}, {"PARTY", &party_arg}, {NULL, NULL}};
    long long case_id, party_id, version = 0;
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON || (rc = cli_want_id(cmd, "PARTY", party_arg, &party_id)) != GO_ON ||
        (rc = cli_want_id(cmd, "--if-match", if_match, &version)) != GO_ON ||
        (rc = cli_want_date(cmd, "--birth-date", a.birth_date)) != GO_ON ||
        (rc = cli_case(g, cmd, case_arg, &case_id)) != GO_ON)
        return rc;
    json_t *body = party_body(&a);
    if (!body)
        return cli_fail(EXIT_USAGE, "memori habis (atau teks bukan UTF-8)");
    if (json_object_size(body) == 0) {
        json_decref(body);
        return cli_usage_error(cmd, "tidak ada yang dikoreksi: berikan paling sedikit satu isian");
    }
    if ((rc = cli_connect(g, true)) != GO_ON ||
        (!if_match && (version = party_version(g, case_id, party_id, &rc)) <= 0)) {
        json_decref(body);
        return rc;
    }
    char path[96], match[48];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties/%lld", case_id, party_id);
    snprintf(match, sizeof match, "If-Match: \"%lld\"", version);
    const char *headers[] = {match, NULL};
    json_t *p = cli_call_with(g, "PUT", path, body, headers, &rc);
    json_decref(body);
    if (!p)
        return rc;
    if (g->json)
        out_json(p);
    else
        printf("Pihak %lld perkara %lld dikoreksi.\n", party_id, case_id);
    json_decref(p);
    return EXIT_OK;
}

int cmd_offence_charge(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *case_arg = NULL, *code = NULL, *party = NULL;
    const struct cli_opt opts[] = {{"party", &party, NULL, false, NULL}, END_OPTS};
    const struct cli_arg args[] = {{"CASE", &case_arg}, {"CODE", &code}, {NULL, NULL}};
    long long case_id, party_id = 0;
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON || (rc = cli_want_id(cmd, "--party", party, &party_id)) != GO_ON ||
        (rc = cli_connect(g, true)) != GO_ON ||
        (rc = cli_case(g, cmd, case_arg, &case_id)) != GO_ON)
        return rc;
    json_t *body = json_pack("{s:s}", "code", code);
    if (body && party)
        json_object_set_new(body, "party_id", json_integer(party_id));
    if (!body)
        return cli_fail(EXIT_USAGE, "memori habis (atau KODE bukan UTF-8)");
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", case_id);
    json_t *o = cli_call(g, "POST", path, body, &rc);
    json_decref(body);
    if (!o)
        return rc;
    if (g->json)
        out_json(o);
    else if (party)
        printf("Pasal %s (sangkaan %lld) disangkakan pada perkara %lld, kepada pihak %lld.\n",
               jstr(o, "code"), jint(o, "id"), case_id, party_id);
    else
        printf("Charged Pasal %s (offence %lld) in case %lld.\n", jstr(o, "code"), jint(o, "id"),
               case_id);
    json_decref(o);
    return EXIT_OK;
}

/* "5 years" for 60 months, "3 months" for 3. */
static const char *prison(long long months, char *buf, size_t size)
{
    if (months > 0 && months % 12 == 0)
        snprintf(buf, size, "%lld year%s", months / 12, months == 12 ? "" : "s");
    else
        snprintf(buf, size, "%lld month%s", months, months == 1 ? "" : "s");
    return buf;
}

/* 500000000 as "Rp 500.000.000". */
static const char *rupiah(long long v, char *buf, size_t size)
{
    char digits[32], grouped[48];
    snprintf(digits, sizeof digits, "%lld", v < 0 ? 0 : v);
    size_t n = strlen(digits), k = 0;
    for (size_t i = 0; i < n && k + 2 < sizeof grouped; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            grouped[k++] = '.';
        grouped[k++] = digits[i];
    }
    grouped[k] = '\0';
    snprintf(buf, size, "Rp %s", grouped);
    return buf;
}

int cmd_offence_list(struct global *g, const struct command *cmd, int argc, char **argv)
{
    int rc = cli_begin(g, cmd, argc, argv, NULL, NULL);
    if (rc != GO_ON)
        return rc;
    json_t *list = cli_call(g, "GET", "/api/v1/offences", NULL, &rc);
    if (!list)
        return rc;
    if (g->json) {
        out_json(list);
        json_decref(list);
        return EXIT_OK;
    }
    static const char *const heads[] = {"PASAL",   "PENJARA MAKS", "DENDA MAKS", "DAPAT DITAHAN",
                                        "SINGKAT", "BERLAKU",      "URAIAN"};
    struct table *t = table_new(7, heads);
    size_t i;
    json_t *o;
    json_array_foreach(json_object_get(list, "items"), i, o)
    {
        char months[32], fine[64], label[1024], det[8], shrt[8];
        snprintf(label, sizeof label, "%s%s", jstr(o, "label"),
                 json_is_true(json_object_get(o, "to_verify")) ? " (verifikasi)" : "");
        const char *cells[] = {jstr(o, "code"),
                               prison(jint(o, "max_prison_months"), months, sizeof months),
                               rupiah(jint(o, "max_fine"), fine, sizeof fine),
                               jtext(o, "detainable", det, sizeof det),
                               jtext(o, "short_procedure", shrt, sizeof shrt),
                               jstr(o, "effective_from"),
                               label};
        table_add(t, cells);
    }
    table_print(t);
    table_free(t);
    json_decref(list);
    return EXIT_OK;
}

int cmd_evidence_add(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *case_arg = NULL, *description = NULL, *quantity = NULL, *from = NULL, *on = NULL,
               *storage = NULL, *seizure = NULL;
    const struct cli_opt opts[] = {
        {"description", &description, NULL, true, NULL},
        {"quantity", &quantity, NULL, false, NULL},
        {"seized-from", &from, NULL, false, NULL},
        {"seized-on", &on, NULL, false, NULL},
        {"storage", &storage, NULL, false, NULL},
        {"seizure", &seizure, NULL, false, NULL},
        END_OPTS,
    };
    const struct cli_arg args[] = {{"CASE", &case_arg}, {NULL, NULL}};
    long long case_id, from_id = 0, seizure_id = 0;
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON || (rc = cli_want_id(cmd, "--seized-from", from, &from_id)) != GO_ON ||
        (rc = cli_want_id(cmd, "--seizure", seizure, &seizure_id)) != GO_ON ||
        (rc = cli_want_date(cmd, "--seized-on", on)) != GO_ON ||
        (rc = cli_connect(g, true)) != GO_ON ||
        (rc = cli_case(g, cmd, case_arg, &case_id)) != GO_ON)
        return rc;
    json_t *body = json_pack("{s:s}", "description", description);
    bool ok =
        body && (!quantity || json_object_set_new(body, "quantity", json_string(quantity)) == 0) &&
        (!from || json_object_set_new(body, "seized_from", json_integer(from_id)) == 0) &&
        (!on || json_object_set_new(body, "seized_on", json_string(on)) == 0) &&
        (!storage || json_object_set_new(body, "storage", json_string(storage)) == 0) &&
        (!seizure || json_object_set_new(body, "seizure_event", json_integer(seizure_id)) == 0);
    if (!ok) {
        json_decref(body);
        return cli_fail(EXIT_USAGE, "memori habis (atau teks bukan UTF-8)");
    }
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", case_id);
    json_t *e = cli_call(g, "POST", path, body, &rc);
    json_decref(body);
    if (!e)
        return rc;
    if (g->json)
        out_json(e);
    else
        printf("Barang bukti %lld ditambahkan pada perkara %lld: %s.\n", jint(e, "id"), case_id,
               description);
    json_decref(e);
    return EXIT_OK;
}
