/*
 * cmd_report.c - berkas report: the month's or the year's figures of your
 * reach, on the terminal, or into a file as PDF (with charts), CSV or JSON.
 *
 *   berkas report --month 2026-11                 per office, on the terminal
 *   berkas report --month 2026-11 -o nov.pdf      the PDF the server draws
 *   berkas report --year 2026 -o 2026.csv         the figures as CSV
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

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcasecmp(s + n - m, tail) == 0;
}

static long long fig(const json_t *o, const char *part, const char *key)
{
    return jint(json_object_get(o, part), key);
}

static void print_report(const json_t *r)
{
    const json_t *period = json_object_get(r, "period");
    printf("%s, %s (%s s.d. %s)\n\n", jstr(json_object_get(r, "reach"), "name"),
           jstr(period, "label"), jstr(period, "from"), jstr(period, "to"));
    static const char *const heads[] = {"KANTOR",  "LAPORAN",   "SPRINDIK",    "TAK",
                                        "TAHAP I", "P-19",      "P-21",        "TAHAP II",
                                        "SP3",     "TERLAMBAT", "HARI TAHANAN"};
    struct table *t = table_new(11, heads);
    const json_t *rows[2] = {json_object_get(r, "offices"), NULL};
    size_t i;
    json_t *o;
    for (int pass = 0; pass < 2; pass++) {
        size_t n = pass == 0 ? json_array_size(rows[0]) : 1;
        for (i = 0; i < n; i++) {
            o = pass == 0 ? json_array_get(rows[0], i) : json_object_get(r, "total");
            char v[10][24];
            static const char *const acts[] = {
                "report_registered", "sprindik_issued", "tak_decided", "tahap1_sent",
                "p19_received",      "p21_received",    "tahap2_done", "sp3_issued"};
            for (size_t k = 0; k < 8; k++)
                snprintf(v[k], sizeof v[k], "%lld", fig(o, "acts", acts[k]));
            snprintf(v[8], sizeof v[8], "%lld", jint(o, "late_entries"));
            snprintf(v[9], sizeof v[9], "%lld", jint(o, "detention_days"));
            const char *cells[] = {pass == 0 ? jstr(json_object_get(o, "office"), "code")
                                             : "JUMLAH",
                                   v[0],
                                   v[1],
                                   v[2],
                                   v[3],
                                   v[4],
                                   v[5],
                                   v[6],
                                   v[7],
                                   v[8],
                                   v[9]};
            table_add(t, cells);
        }
    }
    table_print(t);
    table_free(t);
    const json_t *total = json_object_get(r, "total");
    const json_t *a = json_object_get(total, "sprindik_to_p21"),
                 *b = json_object_get(total, "p21_to_tahap2");
    char avg_a[32], avg_b[32];
    printf("\nSprindik sampai P-21: %lld berkas, rata-rata %s hari; P-21 sampai Tahap II: %lld "
           "berkas, rata-rata %s hari.\n",
           jint(a, "files"), jtext(a, "avg", avg_a, sizeof avg_a), jint(b, "files"),
           jtext(b, "avg", avg_b, sizeof avg_b));
    printf("(PDF dengan grafik: --output FILE.pdf; CSV: --output FILE.csv)\n");
}

int cmd_report(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *month = NULL, *year = NULL, *office = NULL, *file = NULL;
    bool force = false;
    const struct cli_opt opts[] = {
        {"month", &month, NULL, false, NULL},   {"year", &year, NULL, false, NULL},
        {"office", &office, NULL, false, NULL}, {"output", &file, NULL, false, NULL},
        {"force", NULL, NULL, false, &force},   END_OPTS,
    };
    int rc = cli_parse(g, cmd, argc, argv, opts, NULL);
    if (rc != GO_ON)
        return rc;
    if (!month == !year)
        return cli_usage_error(cmd, "sebutkan --month YYYY-MM atau --year YYYY");
    if (file && !ends_with(file, ".pdf") && !ends_with(file, ".csv") && !ends_with(file, ".json"))
        return cli_usage_error(cmd, "--output: FILE.pdf, FILE.csv atau FILE.json");
    if ((rc = cli_connect(g, true)) != GO_ON)
        return rc;
    char esc[128], path[512];
    size_t len = 0;
    bool pdf = file && ends_with(file, ".pdf"), csv = file && ends_with(file, ".csv");
    len += (size_t)snprintf(path, sizeof path, "/api/v1/stats%s?", pdf ? ".pdf" : "");
    if (!api_escape(month ? month : year, esc, sizeof esc))
        return cli_usage_error(cmd, "periode terlalu panjang");
    len += (size_t)snprintf(path + len, sizeof path - len, "%s=%s", month ? "month" : "year", esc);
    if (office) {
        if (!api_escape(office, esc, sizeof esc))
            return cli_usage_error(cmd, "--office terlalu panjang");
        len += (size_t)snprintf(path + len, sizeof path - len, "&office=%s", esc);
    }
    if (csv)
        snprintf(path + len, sizeof path - len, "&format=csv");
    if (file) { /* PDF, CSV or JSON: written whole or not at all (cli_save) */
        size_t bytes = 0;
        rc = cli_save(g, path,
                      pdf   ? "application/pdf"
                      : csv ? "text/csv"
                            : "application/json",
                      file, force, &bytes);
        if (rc == EXIT_OK && !g->json)
            printf("%s: %zu bita\n", file, bytes);
        return rc;
    }
    json_t *r = cli_call(g, "GET", path, NULL, &rc);
    if (!r)
        return rc;
    if (g->json)
        out_json(r);
    else
        print_report(r);
    json_decref(r);
    return EXIT_OK;
}
