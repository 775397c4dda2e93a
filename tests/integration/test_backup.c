/*
 * test_backup.c - backing up a running berkasd and restoring it, and the
 * document numbers after berkasd is killed in the middle of issuing, with
 * real processes on a real embedded cluster.
 *
 * Expectations: issue 9.11 ("a documented, tested command that backs up the
 * embedded cluster while berkasd runs and restores it into a fresh data dir,
 * with the chain check passing on the restored copy; and a test that kill -9
 * during form issuing leaves no gap and no duplicate in the numbers"),
 * RELIABILITY.md F1 (acknowledged = durable: every number a client was given
 * is there after the crash) and F13 (restore drill: the chain verifies, the
 * PDFs hash the same).  Numbers are gapless per office, form and year
 * (DESIGN.md: documents).
 */
#include <check.h>
#include <jansson.h>
#include <libgen.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "suites.h"

#define ISSUERS        6
#define PER_ISSUER_MAX 200
#define LK_PATTERN     "LK-K/{seq}/{year}"

static char *embedded(struct proc *p, int *port, const char *data)
{
    char *extra[] = {"--data-dir", (char *)data, "--unsafe-no-fsync", "--demo", NULL};
    if (!berkasd_start(p, port, extra)) {
        char *out = proc_output(p);
        ck_abort_msg("berkasd did not start: %s", out);
    }
    char *db = malloc(strlen(data) + 64);
    snprintf(db, strlen(data) + 64, "host='%s/pg' user=berkas dbname=berkas", data);
    return db;
}

static char *new_data_dir(const char *prefix)
{
    char *base = harness_mkdtemp(prefix);
    size_t n = strlen(base) + 8;
    char *data = malloc(n);
    snprintf(data, n, "%s/data", base);
    free(base);
    return data;
}

/* tools/NAME beside the SQL dir the tests use (the repository's). */
static void tool(const char *name, char *out, size_t outsz)
{
    char *sql = strdup(harness_sql_dir());
    snprintf(out, outsz, "%s/tools/%s", dirname(sql), name);
    free(sql);
}

static long long new_case(int port, const char *token, const char *kejari)
{
    char body[256];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"2026-11-02\",\"summary\":\"Uji cadangan\","
             "\"kejari_id\":%s}",
             kejari);
    struct http_result r;
    if (!api_call(port, "POST", "/api/v1/cases", token, body, &r))
        return 0;
    long long id = r.status == 201 ? strtoll(strstr(r.body, "\"id\":") + 5, NULL, 10) : 0;
    http_result_free(&r);
    return id;
}

/* ---- a backup while writing, restored ---------------------------------------------- */

struct writer {
    int port;
    const char *token;
    long long case_id;
    volatile bool stop;
    int written;
};

static void *write_events(void *arg)
{
    struct writer *w = arg;
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", w->case_id);
    while (!w->stop) {
        struct http_result r;
        if (api_call(w->port, "POST", path, w->token, "{\"type\":\"letter_delivered\"}", &r)) {
            w->written += r.status == 201;
            http_result_free(&r);
        }
    }
    return NULL;
}

/* One text per document: id, number, the PDF's SHA-256. */
static char *documents(const char *db)
{
    return sql_value(db,
                     "SELECT coalesce(string_agg(id || ' ' || number || ' ' || "
                     "encode(pdf_sha256, 'hex'), ',' ORDER BY id), '') FROM app.documents",
                     0, NULL);
}

START_TEST(test_a_backup_taken_while_writing_restores_with_intact_chains)
{
    struct proc a, b;
    int port_a, port_b;
    char *data = new_data_dir("bk-live");
    char *db_a = embedded(&a, &port_a, data);
    char *inv = api_login(port_a, NIP_INV_PLG, DEMO_PW);
    ck_assert_ptr_nonnull(inv);
    char *kejari = sql_value(db_a, "SELECT id FROM app.offices WHERE code = 'KEJARI-PLG'", 0, NULL);
    long long cs = new_case(port_a, inv, kejari);
    ck_assert_int_gt(cs, 0);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/laporan_kejadian", cs);
    struct http_result r;
    ck_assert(api_call(port_a, "POST", path, inv, "{}", &r));
    ck_assert_msg(r.status == 201, "%ld %s", r.status, r.body);
    http_result_free(&r);

    /* the backup while an investigator keeps recording acts */
    struct writer w = {.port = port_a, .token = inv, .case_id = cs};
    pthread_t t;
    ck_assert_int_eq(pthread_create(&t, NULL, write_events, &w), 0);
    usleep(300000);
    char *dest = harness_mkdtemp("bk-copy"), copy[1200], backup[1200], restore[1200], *out;
    snprintf(copy, sizeof copy, "%s/copy", dest);
    tool("backup", backup, sizeof backup);
    char *argv[] = {backup, data, copy, NULL};
    int rc = run_capture(argv, 120000, &out);
    w.stop = true;
    pthread_join(t, NULL);
    ck_assert_msg(rc == 0 && strstr(out, "verified"), "tools/backup: %d %s", rc, out);
    printf("backup: %s", out);
    free(out);
    ck_assert_int_gt(w.written, 0);
    char *docs_a = documents(db_a);
    long long events_a = sql_count(db_a, "SELECT count(*) FROM app.events", 0, NULL);

    /* restored into a fresh data dir, served by a second berkasd */
    char *data_b = new_data_dir("bk-restored");
    tool("restore", restore, sizeof restore);
    char *argv2[] = {restore, copy, data_b, NULL};
    rc = run_capture(argv2, 120000, &out);
    ck_assert_msg(rc == 0, "tools/restore: %d %s", rc, out);
    free(out);
    char *db_b = embedded(&b, &port_b, data_b);
    char *admin = api_login(port_b, NIP_ADMIN_DITJEN, DEMO_PW);
    ck_assert_ptr_nonnull(admin);
    ck_assert(api_call(port_b, "POST", "/api/v1/verify-chain", admin, NULL, &r));
    ck_assert_msg(r.status == 200 && strstr(r.body, "\"intact\":true"), "%ld %s", r.status, r.body);
    http_result_free(&r);
    /* the documents as issued, byte for byte; the acts up to the copy's moment */
    char *docs_b = documents(db_b);
    ck_assert_str_eq(docs_b, docs_a);
    long long events_b = sql_count(db_b, "SELECT count(*) FROM app.events", 0, NULL);
    ck_assert_int_le(events_b, events_a);
    ck_assert_int_gt(events_b, events_a - w.written - 1);
    printf("backup: %d acts written during the copy; the restored copy holds %lld of %lld acts, "
           "every chain intact\n",
           w.written, events_b, events_a);

    /* a second restore into the same place is refused, a copy with a changed
     * file too */
    rc = run_capture(argv2, 60000, &out);
    ck_assert_msg(rc == 1 && strstr(out, "exists"), "%d %s", rc, out);
    free(out);
    proc_stop(&b);
    proc_stop(&a);
    ck_assert_int_eq(count_processes_with(data), 0);
    ck_assert_int_eq(count_processes_with(data_b), 0);
    char label[1300];
    snprintf(label, sizeof label, "%s/pg/PG_VERSION", copy);
    ck_assert(write_text(label, "14\n"));
    char *data_c = new_data_dir("bk-bad");
    char *argv3[] = {restore, copy, data_c, NULL};
    rc = run_capture(argv3, 60000, &out);
    ck_assert_msg(rc == 1 && strstr(out, "manifest"), "%d %s", rc, out);
    free(out);
    proc_free(&a);
    proc_free(&b);
    free(docs_a);
    free(docs_b);
    free(db_a);
    free(db_b);
    free(inv);
    free(admin);
    free(kejari);
    free(dest);
    free(data);
    free(data_b);
    free(data_c);
}
END_TEST

/* ---- kill -9 while issuing ----------------------------------------------------------- */

struct issuer {
    int port;
    const char *token, *kejari;
    volatile bool *stop;
    int n;
    char numbers[PER_ISSUER_MAX][64];
};

/* Open a case and issue its Laporan Kejadian, again and again: each 201's
 * number is what the client was told. */
static void *issue_run(void *arg)
{
    struct issuer *is = arg;
    while (!*is->stop && is->n < PER_ISSUER_MAX) {
        long long cs = new_case(is->port, is->token, is->kejari);
        if (!cs)
            break; /* berkasd is gone */
        char path[96];
        snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/laporan_kejadian", cs);
        struct http_result r;
        if (!api_call(is->port, "POST", path, is->token, "{}", &r))
            break;
        json_t *j = r.status == 201 ? json_loads(r.body, 0, NULL) : NULL;
        const char *num = json_string_value(json_object_get(j, "number"));
        if (num)
            snprintf(is->numbers[is->n++], sizeof is->numbers[0], "%s", num);
        json_decref(j);
        http_result_free(&r);
    }
    return NULL;
}

static int by_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

START_TEST(test_kill_9_while_issuing_leaves_no_gap_and_no_duplicate)
{
    struct proc p;
    int port;
    char *data = new_data_dir("kill-issue");
    char *db = embedded(&p, &port, data);
    char *office = sql_value(db, "SELECT id FROM app.offices WHERE code = 'KANIM-PLG'", 0, NULL);
    char *kejari = sql_value(db, "SELECT id FROM app.offices WHERE code = 'KEJARI-PLG'", 0, NULL);
    char *token = api_login(port, NIP_INV_PLG, DEMO_PW);
    ck_assert_ptr_nonnull(token);
    static struct issuer is[ISSUERS];
    pthread_t t[ISSUERS];
    volatile bool stop = false;
    for (int i = 0; i < ISSUERS; i++) {
        is[i] = (struct issuer){.port = port, .token = token, .kejari = kejari, .stop = &stop};
        ck_assert_int_eq(pthread_create(&t[i], NULL, issue_run, &is[i]), 0);
    }
    /* kill -9 once some numbers are out, in the middle of the others */
    for (int waited = 0; waited < 600; waited++) {
        int issued = 0;
        for (int i = 0; i < ISSUERS; i++)
            issued += is[i].n;
        if (issued >= 12)
            break;
        usleep(50000);
    }
    time_t killed_at = time(NULL);
    ck_assert_int_eq(kill(p.pid, SIGKILL), 0);
    ck_assert(proc_wait(&p, 10000));
    stop = true;
    for (int i = 0; i < ISSUERS; i++)
        pthread_join(t[i], NULL);
    proc_free(&p);
    /* berkasd again on the same data dir: PostgreSQL got its death signal */
    for (int i = 0; i < 200 && count_processes_with(data) > 0; i++)
        usleep(50000);
    free(embedded(&p, &port, data));

    /* a case's number is its Laporan's, from the office's LK series
     * (casework.c): "LK/KANIM-PLG/2026/0007"; the Laporan Kejadian issued
     * for it carries the same number */
    static int seqs[4096];
    int n = 0, told = 0;
    char *all = sql_value(db,
                          "SELECT coalesce(string_agg(number, ','), '') FROM app.cases WHERE "
                          "number LIKE 'LK/KANIM-PLG/2026/%'",
                          0, NULL);
    char *save = NULL;
    for (char *tok = strtok_r(all, ",", &save); tok && n < 4096; tok = strtok_r(NULL, ",", &save)) {
        int year, seq;
        ck_assert_int_eq(sscanf(tok, "LK/KANIM-PLG/%d/%d", &year, &seq), 2);
        seqs[n++] = seq;
    }
    free(all);
    /* every number a client was told is on its document (acknowledged = durable) */
    for (int i = 0; i < ISSUERS; i++)
        for (int k = 0; k < is[i].n; k++, told++) {
            const char *num[1] = {is[i].numbers[k]};
            ck_assert_msg(sql_count(db,
                                    "SELECT count(*) FROM app.documents WHERE number = $1 AND "
                                    "form = 'laporan_kejadian'",
                                    1, num) == 1,
                          "number %s given to a client is gone", is[i].numbers[k]);
        }
    ck_assert_int_eq(
        sql_count(db, "SELECT count(*) - count(DISTINCT number) FROM app.documents", 0, NULL), 0);
    qsort(seqs, (size_t)n, sizeof seqs[0], by_int);
    int gaps = 0, dups = 0;
    for (int i = 1; i < n; i++) {
        dups += seqs[i] == seqs[i - 1];
        gaps += seqs[i] > seqs[i - 1] + 1 ? seqs[i] - seqs[i - 1] - 1 : 0;
    }
    ck_assert_int_gt(n, told);
    ck_assert_int_eq(seqs[0], 1);
    ck_assert_msg(gaps == 0 && dups == 0, "%d numbers: %d gaps, %d duplicates", n, gaps, dups);
    /* and the counter goes on from the last one */
    const char *pc[1] = {office};
    ck_assert_int_eq(sql_count(db,
                               "SELECT next FROM app.counters WHERE office_id = $1::bigint AND "
                               "series = 'LK' AND year = 2026",
                               1, pc),
                     seqs[n - 1] + 1);
    /* each case's snapshot (sql/0019) is neither ahead of nor behind its log:
     * folded from exactly the events that committed, and none of them had to
     * be written again by the start-up sweep after the crash */
    char killed[24];
    snprintf(killed, sizeof killed, "%lld", (long long)killed_at + 1);
    const char *pk[1] = {killed};
    ck_assert_int_eq(sql_count(db,
                               "SELECT count(*) FROM app.cases c LEFT JOIN app.case_snapshots n "
                               "ON n.case_id = c.id WHERE n.case_id IS NULL OR n.events <> "
                               "c.events OR n.last_event <> (SELECT max(e.id) FROM app.events e "
                               "WHERE e.case_id = c.id) OR n.written_at > "
                               "to_timestamp($1::bigint)",
                               1, pk),
                     0);
    printf("backup: berkasd killed -9 while %d clients opened cases and issued: %d Laporan "
           "numbers given; %d case numbers in the office's series, %d..%d, %d gaps, %d "
           "duplicates\n",
           ISSUERS, told, n, seqs[0], seqs[n - 1], gaps, dups);
    proc_stop(&p);
    proc_free(&p);
    free(token);
    free(office);
    free(kejari);
    free(db);
    free(data);
}
END_TEST

Suite *suite_backup(void)
{
    Suite *s = suite_create("backup");
    TCase *tc = tcase_create("backup");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_a_backup_taken_while_writing_restores_with_intact_chains);
    tcase_add_test(tc, test_kill_9_while_issuing_leaves_no_gap_and_no_duplicate);
    suite_add_tcase(s, tc);
    return s;
}
