/*
 * case_view.c - see case_view.h.
 *
 * Every table is built from the server's JSON as it comes; a member the
 * server leaves out prints as "-".  Sorting never changes the JSON (the
 * --json output is the server's order): it sorts an array of pointers.
 */
#include "case_view.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

#define CELL 512

const char *view_clock_mark(const char *state)
{
    if (strcmp(state, "overdue") == 0)
        return "!! LEWAT WAKTU";
    if (strcmp(state, "warning") == 0)
        return "! peringatan";
    return *state ? state : "-";
}

/* 2 overdue, 1 warning, 0 anything else. */
static int clock_rank(const char *state)
{
    return strcmp(state, "overdue") == 0 ? 2 : strcmp(state, "warning") == 0 ? 1 : 0;
}

/* The items of array a as pointers (caller frees); *n gets the count. */
static const json_t **items_of(const json_t *a, size_t *n)
{
    *n = json_array_size(a);
    const json_t **v = calloc(*n ? *n : 1, sizeof *v);
    if (!v) {
        *n = 0;
        return NULL;
    }
    for (size_t i = 0; i < *n; i++)
        v[i] = json_array_get(a, i);
    return v;
}

/* Running before stopped, then overdue, warning, ok, then the least time
 * left first. */
static int clock_cmp(const void *pa, const void *pb)
{
    const json_t *a = *(const json_t *const *)pa, *b = *(const json_t *const *)pb;
    int ra = json_is_true(json_object_get(a, "running")),
        rb = json_is_true(json_object_get(b, "running"));
    if (ra != rb)
        return rb - ra;
    int sa = clock_rank(jstr(a, "state")), sb = clock_rank(jstr(b, "state"));
    if (sa != sb)
        return sb - sa;
    long long la = jint(a, "seconds_left"), lb = jint(b, "seconds_left");
    return la < lb ? -1 : la > lb;
}

void view_clocks(const json_t *clocks)
{
    size_t n;
    const json_t **v = items_of(clocks, &n);
    if (n == 0) {
        printf("(tidak ada jam hukum)\n");
        free(v);
        return;
    }
    qsort(v, n, sizeof *v, clock_cmp);
    static const char *const heads[] = {"KEADAAN", "JAM",   "URAIAN", "BATAS", "SISA HARI",
                                        "PELAKU",  "PIHAK", "STATUS", "DASAR"};
    struct table *t = table_new(9, heads);
    table_paint(t, 0);
    /* the state, the code, the due date and the days left are never cut to fit */
    table_flex(t, 2);
    table_flex(t, 5);
    table_flex(t, 7);
    table_flex(t, 8);
    for (size_t i = 0; i < n; i++) {
        const json_t *c = v[i];
        char label[CELL], due[CELL], left[32], party[32], status[CELL];
        snprintf(label, sizeof label, "%s%s%s%s", jstr(c, "label"), *jstr(c, "text") ? ": " : "",
                 jstr(c, "text"),
                 json_is_true(json_object_get(c, "to_verify")) ? " (verifikasi)" : "");
        /* an instant matters for the 24-hour arrest and for detention
         * counted by the hour: show it beside (or instead of) the day */
        const char *due_at = jstr(c, "due_at"), *strict = jstr(c, "strict_at");
        if (*strict && strcmp(strict, due_at) != 0)
            snprintf(due, sizeof due, "%s (tepat %s)", jstr(c, "due_date"), strict);
        else if (*due_at && !strstr(due_at, "T00:00:00"))
            snprintf(due, sizeof due, "%s", due_at);
        else
            snprintf(due, sizeof due, "%s", jstr(c, "due_date"));
        snprintf(left, sizeof left, "%lld", jint(c, "days_left"));
        jtext(c, "party_id", party, sizeof party);
        if (json_is_true(json_object_get(c, "running")))
            snprintf(status, sizeof status, "berjalan");
        else
            snprintf(status, sizeof status, "berhenti (%s)", jstr(c, "stopped_by"));
        bool running = json_is_true(json_object_get(c, "running"));
        bool late = strcmp(jstr(c, "state"), "overdue") == 0;
        /* a notice the file's end closed undelivered was never met: missed, not done late;
         * one the investigator declared undelivered says so (its reason: berkas history) */
        bool missed = json_is_true(json_object_get(c, "not_delivered"));
        bool declared = json_object_get(c, "undelivered_reason") != NULL;
        const char *mark = running    ? view_clock_mark(jstr(c, "state"))
                           : declared ? "tidak dapat disampaikan"
                           : missed   ? (late ? "terlewat" : "tidak lagi wajib")
                           : late     ? "selesai, terlambat"
                                      : "selesai";
        const char *cells[] = {mark,  jstr(c, "code"), label,           due, left, jstr(c, "actor"),
                               party, status,          jstr(c, "basis")};
        table_add(t, cells);
    }
    table_print(t);
    table_free(t);
    free(v);
}

void view_history(const json_t *history, const char *tz)
{
    static const char *const heads[] = {"URUT",  "ID",        "TANGGAL", "PERISTIWA", "NOMOR",
                                        "TAHAP", "TERLAMBAT", "OLEH",    "DICATAT",   "REZIM"};
    struct table *t = table_new(10, heads);
    /* to fit 100 columns the words give way, never the dates (--wide: all of it) */
    table_flex(t, 3);
    table_flex(t, 4);
    table_flex(t, 5);
    table_flex(t, 7);
    size_t i;
    const json_t *e;
    json_array_foreach(history, i, e)
    {
        char seq[32], id[32], date[CELL], event[CELL], stage[CELL], entered[32];
        snprintf(seq, sizeof seq, "%lld", jint(e, "seq"));
        snprintf(id, sizeof id, "%lld", jint(e, "id"));
        if (*jstr(e, "legal_at"))
            out_when(jstr(e, "legal_at"), tz, date, sizeof date);
        else
            snprintf(date, sizeof date, "%s", jstr(e, "legal_date"));
        if (json_is_integer(json_object_get(e, "corrects")))
            snprintf(event, sizeof event, "%s (atas peristiwa %lld)",
                     *jstr(e, "label") ? jstr(e, "label") : jstr(e, "type"), jint(e, "corrects"));
        else
            snprintf(event, sizeof event, "%s",
                     *jstr(e, "label") ? jstr(e, "label") : jstr(e, "type"));
        if (strcmp(jstr(e, "stage_before"), jstr(e, "stage_after")) != 0)
            snprintf(stage, sizeof stage, "%s -> %s", jstr(e, "stage_before"),
                     jstr(e, "stage_after"));
        else
            stage[0] = '\0';
        out_when(jstr(e, "entered_at"), tz, entered, sizeof entered);
        const char *cells[] = {seq,
                               id,
                               date,
                               event,
                               jstr(e, "number"),
                               stage,
                               json_is_true(json_object_get(e, "late")) ? "terlambat" : "",
                               jstr(e, "entered_by"),
                               entered,
                               jstr(e, "regime")};
        table_add(t, cells);
    }
    table_print(t);
    table_free(t);
}

/* Most urgent first, then by id. */
static int case_cmp(const void *pa, const void *pb)
{
    const json_t *a = *(const json_t *const *)pa, *b = *(const json_t *const *)pb;
    int sa = clock_rank(jstr(a, "worst_clock")), sb = clock_rank(jstr(b, "worst_clock"));
    if (sa != sb)
        return sb - sa;
    long long ia = jint(a, "id"), ib = jint(b, "id");
    return ia < ib ? -1 : ia > ib;
}

void view_case_list(const json_t *items)
{
    size_t n;
    const json_t **v = items_of(items, &n);
    qsort(v, n, sizeof *v, case_cmp);
    static const char *const heads[] = {"ID", "NOMOR", "TAHAP", "JAM HUKUM"};
    struct table *t = table_new(4, heads);
    table_paint(t, 3);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "%lld", jint(v[i], "id"));
        const char *cells[] = {id, jstr(v[i], "number"), jstr(v[i], "stage_label"),
                               view_clock_mark(jstr(v[i], "worst_clock"))};
        table_add(t, cells);
    }
    table_print(t);
    table_free(t);
    free(v);
}

/* ---- berkas case show ------------------------------------------------------------ */

static void section(const char *title)
{
    printf("\n%s\n", title);
}

/* "report_registered yes, suspects 1, ..." from the facts object. */
static void print_facts(const json_t *facts)
{
    char line[2048] = "", value[64];
    size_t len = 0;
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)facts, key, v)
    {
        (void)v;
        int n = snprintf(line + len, sizeof line - len, "%s%s %s", len ? ", " : "", key,
                         jtext(facts, key, value, sizeof value));
        if (n < 0 || (size_t)n >= sizeof line - len)
            break;
        len += (size_t)n;
    }
    out_kv("fakta", "%s", line);
}

static void print_summary(const json_t *c)
{
    const json_t *office = json_object_get(c, "office"), *kejari = json_object_get(c, "kejari");
    out_kv("perkara", "%lld  %s", jint(c, "id"), jstr(c, "number"));
    out_kv("tahap", "%s (%s) sejak %s", jstr(c, "stage_label"), jstr(c, "stage"),
           jstr(c, "stage_since"));
    out_kv("versi", "%lld", jint(c, "version"));
    out_kv("kantor", "%s  %s (%s)", jstr(office, "code"), jstr(office, "name"), jstr(office, "tz"));
    if (json_is_object(kejari))
        out_kv("kejari", "%lld  %s%s", jint(kejari, "id"), jstr(kejari, "name"),
               json_is_true(json_object_get(c, "disclosed_to_kejari")) ? " (sudah diberitahukan)"
                                                                       : "");
    else
        out_kv("kejari", "-");
    out_kv("sumber", "%s%s%s", jstr(c, "source"), *jstr(c, "source_note") ? ": " : "",
           jstr(c, "source_note"));
    out_kv("dibuka", "%s", jstr(c, "opened_on"));
    if (*jstr(c, "summary"))
        out_kv("ringkasan", "%s", jstr(c, "summary"));
    out_kv("jam hukum", "%s", view_clock_mark(jstr(c, "worst_clock")));
    if (jint(c, "p19_returns") > 0)
        out_kv("P-19", "dikembalikan %lld kali", jint(c, "p19_returns"));
    print_facts(json_object_get(c, "facts"));
}

static void print_allowed(const json_t *allowed)
{
    section("PERISTIWA YANG BOLEH BERIKUTNYA");
    static const char *const heads[] = {"PERISTIWA", "URAIAN"};
    struct table *t = table_new(2, heads);
    size_t i;
    const json_t *e;
    json_array_foreach(allowed, i, e)
    {
        const char *cells[] = {jstr(e, "type"), jstr(e, "label")};
        table_add(t, cells);
    }
    table_print(t);
    table_free(t);
}

static void print_p19(const json_t *rounds)
{
    section("PUTARAN P-19");
    if (json_array_size(rounds) == 0) {
        printf("(tidak ada)\n");
        return;
    }
    static const char *const heads[] = {"PUTARAN", "DITERIMA", "ID",     "NO",
                                        "KEADAAN", "PETUNJUK", "JAWABAN"};
    struct table *t = table_new(7, heads);
    size_t i, k;
    const json_t *r, *it;
    json_array_foreach(rounds, i, r)
    {
        json_array_foreach(json_object_get(r, "items"), k, it)
        {
            char round[32], id[32], no[32];
            snprintf(round, sizeof round, "%lld", jint(r, "round"));
            snprintf(id, sizeof id, "%lld", jint(it, "id"));
            snprintf(no, sizeof no, "%lld", jint(it, "item_no"));
            bool answered = json_is_true(json_object_get(it, "answered"));
            /* an item answered as one that cannot be met says so, with its reason */
            const char *unmet = jstr(it, "unmet_reason"), *answer = jstr(it, "answer");
            char said[4200];
            snprintf(said, sizeof said, "%s%s%s%s", answer,
                     *unmet && strcmp(unmet, answer) ? " (" : "",
                     *unmet && strcmp(unmet, answer) ? unmet : "",
                     *unmet && strcmp(unmet, answer) ? ")" : "");
            const char *cells[] = {round,
                                   jstr(r, "received_on"),
                                   id,
                                   no,
                                   !answered ? "TERBUKA"
                                   : *unmet  ? "TIDAK DAPAT DIPENUHI"
                                             : "dipenuhi",
                                   jstr(it, "text"),
                                   said};
            table_add(t, cells);
        }
    }
    table_print(t);
    table_free(t);
}

static void print_parties(const json_t *parties)
{
    section("PIHAK");
    if (json_array_size(parties) == 0) {
        printf("(tidak ada)\n");
        return;
    }
    static const char *const heads[] = {"ID", "JENIS", "NAMA",   "WN",          "PASPOR/NIK",
                                        "JK", "LAHIR", "BAHASA", "JURU BAHASA", "VERSI"};
    struct table *t = table_new(10, heads);
    size_t i;
    const json_t *p;
    json_array_foreach(parties, i, p)
    {
        char id[32], born[CELL], version[32], papers[40];
        snprintf(id, sizeof id, "%lld", jint(p, "id"));
        /* a foreigner's passport, an Indonesian's NIK (KTP-el) */
        snprintf(papers, sizeof papers, "%s%s",
                 *jstr(p, "passport_no") ? ""
                 : *jstr(p, "nik")       ? "NIK "
                                         : "",
                 *jstr(p, "passport_no") ? jstr(p, "passport_no") : jstr(p, "nik"));
        snprintf(born, sizeof born, "%s%s%s", jstr(p, "birth_place"),
                 *jstr(p, "birth_place") && *jstr(p, "birth_date") ? ", " : "",
                 jstr(p, "birth_date"));
        snprintf(version, sizeof version, "%lld", jint(p, "version"));
        const char *cells[] = {id,
                               jstr(p, "kind"),
                               jstr(p, "name"),
                               jstr(p, "nationality"),
                               papers,
                               jstr(p, "sex"),
                               born,
                               jstr(p, "language"),
                               jstr(p, "interpreter"),
                               version};
        table_add(t, cells);
    }
    table_print(t);
    table_free(t);
}

static void print_offences(const json_t *offences)
{
    section("SANGKAAN");
    if (json_array_size(offences) == 0) {
        printf("(tidak ada)\n");
        return;
    }
    static const char *const heads[] = {"ID",           "PASAL",         "PIHAK",
                                        "PENJARA MAKS", "DAPAT DITAHAN", "URAIAN"};
    struct table *t = table_new(6, heads);
    size_t i;
    const json_t *o;
    json_array_foreach(offences, i, o)
    {
        char id[32], party[32], prison[32], label[CELL], det[8];
        snprintf(id, sizeof id, "%lld", jint(o, "id"));
        jtext(o, "party_id", party, sizeof party);
        snprintf(prison, sizeof prison, "%lld months", jint(o, "max_prison_months"));
        snprintf(label, sizeof label, "%s%s", jstr(o, "label"),
                 json_is_true(json_object_get(o, "to_verify")) ? " (verifikasi)" : "");
        const char *cells[] = {
            id, jstr(o, "code"), party, prison, jtext(o, "detainable", det, sizeof det), label};
        table_add(t, cells);
    }
    table_print(t);
    table_free(t);
}

static void print_evidence(const json_t *evidence)
{
    section("BARANG BUKTI");
    if (json_array_size(evidence) == 0) {
        printf("(tidak ada)\n");
        return;
    }
    static const char *const heads[] = {"ID",          "URAIAN", "JUMLAH",
                                        "DISITA DARI", "DISITA", "PENYIMPANAN"};
    struct table *t = table_new(6, heads);
    size_t i;
    const json_t *e;
    json_array_foreach(evidence, i, e)
    {
        char id[32], from[32];
        snprintf(id, sizeof id, "%lld", jint(e, "id"));
        jtext(e, "seized_from", from, sizeof from);
        const char *cells[] = {id,   jstr(e, "description"), jstr(e, "quantity"),
                               from, jstr(e, "seized_on"),   jstr(e, "storage")};
        table_add(t, cells);
    }
    table_print(t);
    table_free(t);
}

static void print_timeline(const json_t *timeline)
{
    section("TAHAP-TAHAP");
    if (json_array_size(timeline) == 0) {
        printf("(tidak ada)\n");
        return;
    }
    static const char *const heads[] = {"TANGGAL", "DARI", "KE", "OLEH PERISTIWA"};
    struct table *t = table_new(4, heads);
    size_t i;
    const json_t *s;
    json_array_foreach(timeline, i, s)
    {
        const char *cells[] = {jstr(s, "date"), jstr(s, "from"), jstr(s, "to"), jstr(s, "event")};
        table_add(t, cells);
    }
    table_print(t);
    table_free(t);
}

/* Papers issued before a correction of their act that changed what they print (DOMAIN 12),
 * or of an act withdrawn: each with the correction and what it changed, and what to do;
 * nothing when there are none. */
/* "menyebut Pasal 116 dan 122, yang ditarik sesudahnya (berubah:" */
static void charges_withdrawn(const json_t *list)
{
    size_t i, last = json_array_size(list) - 1;
    json_t *v;
    printf("menyebut Pasal");
    json_array_foreach(list, i, v)
    {
        printf("%s%s", i == 0 ? " " : i == last ? " dan " : ", ", jstr(v, "code"));
    }
    printf(", yang ditarik sesudahnya (berubah:");
}

static void print_stale(const json_t *c)
{
    const json_t *stale = json_object_get(c, "stale_papers");
    if (json_array_size(stale) == 0)
        return;
    section("DOKUMEN TIDAK SESUAI KOREKSI");
    size_t i, k;
    const json_t *s, *f;
    json_array_foreach(stale, i, s)
    {
        printf("dokumen %lld %s %s (peristiwa %lld): ", jint(s, "document_id"), jstr(s, "title"),
               jstr(s, "number"), jint(s, "act_seq"));
        if (json_is_true(json_object_get(s, "withdrawn"))) {
            /* the paper of an act the log says never stood: revoked, nothing issued again */
            printf("tindakannya ditarik dengan koreksi peristiwa %lld; berkas revoke %lld --note "
                   "TEKS\n",
                   jint(s, "correction_seq"), jint(s, "document_id"));
            continue;
        }
        if (json_is_integer(json_object_get(s, "correction_seq")))
            printf("diterbitkan sebelum koreksi peristiwa %lld (tanggal %s; berubah:",
                   jint(s, "correction_seq"), jstr(s, "corrected_date"));
        else if (json_is_object(json_object_get(s, "party_added")))
            printf("diterbitkan sebelum pelapor/korban %s ditambahkan (berubah:",
                   jstr(json_object_get(s, "party_added"), "name"));
        else if (json_is_object(json_object_get(s, "party_changed")))
            printf("diterbitkan sebelum data pihak %s diubah (berubah:",
                   jstr(json_object_get(s, "party_changed"), "name"));
        else if (json_is_object(json_object_get(s, "evidence_changed")))
            printf("diterbitkan sebelum barang bukti %s dikoreksi (berubah:",
                   jstr(json_object_get(s, "evidence_changed"), "description"));
        else if (json_array_size(json_object_get(s, "charges_withdrawn")) > 0)
            charges_withdrawn(json_object_get(s, "charges_withdrawn"));
        else
            printf("diterbitkan sebelum nomor tindakannya diberikan ulang (berubah:");
        json_array_foreach(json_object_get(s, "fields"), k, f)
        {
            printf("%s %s", k ? "," : "", json_string_value(f));
        }
        printf("); berkas revoke %lld --reissue --note TEKS\n", jint(s, "document_id"));
    }
}

/* The team, the jaksa peneliti and the directions (issue 10). */
static void print_people(const json_t *c)
{
    const json_t *team = json_object_get(c, "team"), *jaksa = json_object_get(c, "jaksa");
    const json_t *dirs = json_object_get(c, "directions");
    if (json_array_size(team) > 0) {
        section("TIM PENYIDIK");
        static const char *const heads[] = {"NIP", "NAMA", "DARI"};
        struct table *t = table_new(3, heads);
        size_t i;
        const json_t *p;
        json_array_foreach(team, i, p)
        {
            const char *cells[] = {jstr(p, "nip"), jstr(p, "name"), jstr(p, "source")};
            table_add(t, cells);
        }
        table_print(t);
        table_free(t);
    }
    if (json_array_size(jaksa) > 0) {
        section("JAKSA PENELITI (P-16)");
        size_t i;
        const json_t *p;
        json_array_foreach(jaksa, i, p) printf("%s  %s\n", jstr(p, "nip"), jstr(p, "name"));
    }
    if (json_array_size(dirs) == 0)
        return;
    section("ARAHAN PENGAWAS");
    static const char *const heads[] = {"ID", "BATAS", "UNTUK", "ARAHAN", "DARI", "SELESAI"};
    struct table *t = table_new(6, heads);
    size_t i;
    const json_t *d;
    json_array_foreach(dirs, i, d)
    {
        char id[24], done[512] = "";
        snprintf(id, sizeof id, "%lld", jint(d, "event_id"));
        const json_t *dn = json_object_get(d, "done");
        if (json_is_object(dn))
            snprintf(done, sizeof done, "%s: %s", jstr(dn, "on"), jstr(dn, "note"));
        const char *cells[] = {id,
                               jstr(d, "due"),
                               *jstr(d, "to_name") ? jstr(d, "to_name") : "(kantor)",
                               jstr(d, "text"),
                               jstr(d, "given_by"),
                               json_is_object(dn) ? done : "belum"};
        table_add(t, cells);
    }
    table_print(t);
    table_free(t);
}

void view_case(const json_t *c)
{
    print_summary(c);
    print_people(c);
    print_allowed(json_object_get(c, "allowed_events"));
    section("JAM HUKUM");
    view_clocks(json_object_get(c, "clocks"));
    print_p19(json_object_get(c, "p19_rounds"));
    print_parties(json_object_get(c, "parties"));
    print_offences(json_object_get(c, "offences"));
    print_evidence(json_object_get(c, "evidence"));
    print_timeline(json_object_get(c, "timeline"));
    print_stale(c);
    printf("\n%zu peristiwa dalam riwayat: berkas history %lld\n",
           json_array_size(json_object_get(c, "history")), jint(c, "id"));
}
