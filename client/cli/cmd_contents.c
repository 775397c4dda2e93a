/*
 * cmd_contents.c - berkas bap and berkas resume: what an examiner writes into
 * a BAP and an investigator into a Resume, in a plain text file or in
 * $EDITOR, sent whole with the content's version as If-Match.
 *
 * The text format (also in each command's --help and in the README): one
 * entry per line as "key: value"; a line that is neither a known key, "P:" /
 * "J:" (BAP: a question and its answer), a comment ("#") nor blank continues
 * the entry above it, as a new line of the same text.  Keys and P:/J: start
 * at the beginning of the line; what berkas writes indents continuation
 * lines, so that a line of an answer never reads as a key.  Repeatable keys
 * (dasar, fakta) add one item each; "unsur C.N: text" is the analysis of
 * element N of charge C.  The file is read as UTF-8; a CR before a newline
 * is dropped.  Errors are one line naming the file's line.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmds.h"
#include "output.h"

#define MAX_TEXT_FILE (1u << 20) /* the server's body limit */

/* ---- the keys --------------------------------------------------------------------- */

enum kind_of { K_TEXT, K_YESNO, K_COUNSEL, K_OATH, K_LIST };

/* One key of the text and where it goes in the JSON content: member, or
 * sub.member for counsel and interpreter. */
struct key {
    const char *word, *sub, *member;
    enum kind_of kind;
    const char *help;
};

static const struct key bap_keys[] = {
    {"diberitahu-hak-penasihat-hukum", NULL, "counsel_informed", K_YESNO,
     "ya | tidak: hak atas bantuan hukum telah diberitahukan (KUHAP Pasal 114)"},
    {"penasihat-hukum", "counsel", "status", K_COUNSEL,
     "hadir | menolak (tersangka; ancaman 5 tahun atau lebih: isi nama yang ditunjuk)"},
    {"nama-penasihat-hukum", "counsel", "name", K_TEXT, NULL},
    {"kantor-penasihat-hukum", "counsel", "office", K_TEXT, NULL},
    {"penerjemah", "interpreter", "name", K_TEXT, "nama penerjemah yang disumpah; kosong: tanpa"},
    {"bahasa-penerjemah", "interpreter", "language", K_TEXT, NULL},
    {"sumpah", NULL, "oath", K_OATH,
     "tidak | sumpah | janji (saksi: KUHAP Pasal 116 ayat (1); ahli: Pasal 120 ayat (2))"},
    {"alasan-sumpah", NULL, "oath_reason", K_TEXT, "mengapa saksi disumpah"},
    {"keahlian", NULL, "expertise", K_TEXT, "bidang keahlian ahli"},
    {"saksi-meringankan", NULL, "favourable_witnesses", K_TEXT,
     "saksi yang dikehendaki tersangka (KUHAP Pasal 116 ayat (3))"},
    {"penutup", NULL, "closing", K_TEXT, "keterangan penutup sebelum rumusan penutup"},
    {"selesai-pukul", NULL, "finished_at", K_TEXT, "HH:MM"},
    {"ditandatangani", NULL, "signed", K_YESNO, "ya | tidak (KUHAP Pasal 118)"},
    {"alasan-tidak-menandatangani", NULL, "refusal_reason", K_TEXT, NULL},
    {NULL, NULL, NULL, K_TEXT, NULL},
};

static const struct key resume_keys[] = {
    {"dasar", NULL, "basis", K_LIST, "dasar tambahan, satu per baris 'dasar:'"},
    {"uraian", NULL, "summary", K_TEXT, "uraian singkat perkara"},
    {"fakta", NULL, "facts", K_LIST, "satu fakta per baris 'fakta:'"},
    {"kesimpulan", NULL, "conclusion", K_TEXT, NULL},
    {NULL, NULL, NULL, K_TEXT, NULL},
};

/* ---- reading the text -------------------------------------------------------------- */

struct reader {
    const char *file;
    int line;
    char err[512];
    json_t *content;
    json_t *target; /* the string being continued: an array slot or a member */
    json_t *owner;
    const char *member; /* owner[member] (object) or the last item of owner (array) */
};

static bool read_fail(struct reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool read_fail(struct reader *r, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(r->err, sizeof r->err, "%s baris %d: %s", r->file, r->line, msg);
    return false;
}

/* The text being continued gets "\n" + more. */
static void continue_text(struct reader *r, const char *more)
{
    json_t *s = json_is_array(r->owner) ? json_array_get(r->owner, json_array_size(r->owner) - 1)
                                        : json_object_get(r->owner, r->member);
    const char *was = json_string_value(s);
    if (!was)
        return;
    size_t n = strlen(was) + strlen(more) + 2;
    char *buf = malloc(n);
    if (!buf)
        return;
    snprintf(buf, n, "%s%s%s", was, *was ? "\n" : "", more);
    json_string_set(s, buf);
    free(buf);
}

static json_t *sub_object(json_t *content, const char *sub)
{
    json_t *o = json_object_get(content, sub);
    if (!o) {
        o = json_object();
        json_object_set_new(content, sub, o);
    }
    return o;
}

static bool set_key(struct reader *r, const struct key *k, const char *v)
{
    json_t *owner = k->sub ? sub_object(r->content, k->sub) : r->content;
    json_t *value = NULL;
    switch (k->kind) {
    case K_YESNO:
        if (strcmp(v, "ya") != 0 && strcmp(v, "tidak") != 0)
            return read_fail(r, "%s: tulis ya atau tidak", k->word);
        value = json_boolean(strcmp(v, "ya") == 0);
        break;
    case K_COUNSEL:
        if (strcmp(v, "hadir") != 0 && strcmp(v, "menolak") != 0)
            return read_fail(r, "%s: tulis hadir atau menolak", k->word);
        value = json_string(strcmp(v, "hadir") == 0 ? "present" : "refused");
        break;
    case K_OATH:
        if (strcmp(v, "tidak") != 0 && strcmp(v, "sumpah") != 0 && strcmp(v, "janji") != 0)
            return read_fail(r, "%s: tulis tidak, sumpah atau janji", k->word);
        value = json_string(strcmp(v, "tidak") == 0 ? "none" : v);
        break;
    case K_LIST: {
        json_t *a = json_object_get(owner, k->member);
        if (!a) {
            a = json_array();
            json_object_set_new(owner, k->member, a);
        }
        json_array_append_new(a, json_string(v));
        r->owner = a;
        return true;
    }
    case K_TEXT:
        value = json_string(v);
        break;
    }
    if (!value)
        return read_fail(r, "%s: teks bukan UTF-8", k->word);
    if (json_object_get(owner, k->member))
        return json_decref(value), read_fail(r, "%s ditulis dua kali", k->word);
    json_object_set_new(owner, k->member, value);
    r->owner = k->kind == K_TEXT ? owner : NULL;
    r->member = k->member;
    return true;
}

/* "P: ..." opens a question, "J: ..." answers the last one. */
static bool set_qa(struct reader *r, char pj, const char *v)
{
    json_t *qs = json_object_get(r->content, "questions");
    if (!qs) {
        qs = json_array();
        json_object_set_new(r->content, "questions", qs);
    }
    json_t *last = json_array_get(qs, json_array_size(qs) - 1);
    if (pj == 'P') {
        if (last && !json_object_get(last, "answer"))
            return read_fail(r, "pertanyaan %zu belum dijawab (J:)", json_array_size(qs));
        last = json_pack("{s:s}", "question", v);
        if (!last)
            return read_fail(r, "teks bukan UTF-8");
        json_array_append_new(qs, last);
        r->member = "question";
    } else {
        if (!last || json_object_get(last, "answer"))
            return read_fail(r, "J: tanpa pertanyaan (P:) sebelumnya");
        json_object_set_new(last, "answer", json_string(v));
        r->member = "answer";
    }
    r->owner = last;
    return true;
}

/* "unsur C.N: text": the analysis of element N of charge C. */
static bool set_element(struct reader *r, const char *spec, const char *v)
{
    char *end;
    long long charge = strtoll(spec, &end, 10), no = 0;
    if (charge > 0 && *end == '.')
        no = strtoll(end + 1, &end, 10);
    if (charge <= 0 || no <= 0 || *end != '\0')
        return read_fail(r, "unsur: tulis 'unsur DAKWAAN.NOMOR: analisis', mis. 'unsur 7.1:'");
    json_t *a = json_object_get(r->content, "analysis");
    if (!a) {
        a = json_array();
        json_object_set_new(r->content, "analysis", a);
    }
    json_t *item = json_pack("{s:I, s:I, s:s}", "charge", (json_int_t)charge, "element",
                             (json_int_t)no, "text", v);
    if (!item)
        return read_fail(r, "teks bukan UTF-8");
    json_array_append_new(a, item);
    r->owner = item;
    r->member = "text";
    return true;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* One line: a key, P:/J:, an element, or more of the entry above. */
static bool read_line(struct reader *r, const struct key *keys, bool bap, char *line)
{
    if (line[0] == '#' || *trim(line) == '\0')
        return true;
    char *colon = strchr(line, ':');
    if (colon && line[0] != ' ' && line[0] != '\t') {
        *colon = '\0';
        const char *v = trim(colon + 1);
        if (bap && (strcmp(line, "P") == 0 || strcmp(line, "J") == 0))
            return set_qa(r, line[0], v);
        if (!bap && strncmp(line, "unsur ", 6) == 0)
            return set_element(r, trim(line + 6), v);
        for (const struct key *k = keys; k->word; k++)
            if (strcmp(line, k->word) == 0)
                return *v || k->kind == K_LIST || k->kind == K_TEXT ? set_key(r, k, v) : true;
        *colon = ':';
    }
    if (!r->owner)
        return read_fail(r, "baris ini bukan 'kunci: isi'%s dan tidak melanjutkan isi apa pun",
                         bap ? ", 'P:' atau 'J:'," : "");
    continue_text(r, trim(line));
    return true;
}

static bool has_string(json_t *o)
{
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v)
    {
        if (json_is_string(v))
            return true;
    }
    return false;
}

/* Drop what was left empty: a text "", an object or list left with nothing,
 * an item of a list with no text at all (a template's "P:" or "unsur 7.1:"
 * left blank). */
static void prune(json_t *v)
{
    if (json_is_array(v)) {
        for (size_t i = json_array_size(v); i-- > 0;) {
            json_t *item = json_array_get(v, i);
            prune(item);
            if ((json_is_string(item) && json_string_value(item)[0] == '\0') ||
                (json_is_object(item) && !has_string(item)))
                json_array_remove(v, i);
        }
        return;
    }
    const char *key;
    json_t *m;
    void *tmp;
    json_object_foreach_safe(v, tmp, key, m)
    {
        prune(m);
        if ((json_is_string(m) && json_string_value(m)[0] == '\0') ||
            (json_is_object(m) && json_object_size(m) == 0) ||
            (json_is_array(m) && json_array_size(m) == 0))
            json_object_del(v, key);
    }
}

static json_t *read_text(const char *file, const char *text, bool bap, char *err, size_t errsz)
{
    struct reader r = {.file = file, .content = json_object()};
    char *copy = strdup(text);
    bool ok = copy && r.content;
    for (char *line = copy, *next; ok && line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        r.line++;
        ok = read_line(&r, bap ? bap_keys : resume_keys, bap, line);
    }
    free(copy);
    if (!ok) {
        snprintf(err, errsz, "%s", r.err[0] ? r.err : "kehabisan memori");
        json_decref(r.content);
        return NULL;
    }
    prune(r.content);
    return r.content;
}

/* ---- writing the text ---------------------------------------------------------------- */

/* "key: value" with each further line of value indented. */
static void put_entry(FILE *f, const char *key, const char *value)
{
    fprintf(f, "%s: ", key);
    for (const char *p = value ? value : ""; *p; p++) {
        fputc(*p, f);
        if (*p == '\n')
            fputs("  ", f);
    }
    fputc('\n', f);
}

static const char *key_value(json_t *content, const struct key *k, char *buf, size_t size)
{
    json_t *owner = k->sub ? json_object_get(content, k->sub) : content;
    json_t *v = json_object_get(owner, k->member);
    if (json_is_boolean(v))
        return json_is_true(v) ? "ya" : "tidak";
    const char *s = json_string_value(v);
    if (!s)
        return "";
    if (k->kind == K_COUNSEL)
        return strcmp(s, "present") == 0 ? "hadir" : "menolak";
    if (k->kind == K_OATH && strcmp(s, "none") == 0)
        return "tidak";
    snprintf(buf, size, "%s", s);
    return buf;
}

/* Whether key k belongs in a BAP of this kind (the server refuses the rest). */
static bool key_for(const struct key *k, const char *bap)
{
    bool suspect = strcmp(bap, "tersangka") == 0 || strcmp(bap, "tambahan") == 0;
    if (strstr(k->word, "penasihat-hukum") || strcmp(k->word, "saksi-meringankan") == 0)
        return suspect;
    if (strcmp(k->word, "keahlian") == 0)
        return strcmp(bap, "ahli") == 0 || strcmp(bap, "tambahan") == 0;
    if (strcmp(k->word, "sumpah") == 0)
        return !suspect || strcmp(bap, "tambahan") == 0;
    if (strcmp(k->word, "alasan-sumpah") == 0)
        return strcmp(bap, "saksi") == 0 || strcmp(bap, "tambahan") == 0;
    return true;
}

static void write_bap(FILE *f, json_t *view)
{
    json_t *c = json_object_get(view, "content");
    const char *bap = jstr(view, "bap");
    char buf[8192];
    fprintf(f,
            "# BAP %s, perkara %lld, peristiwa %lld.  Satu isian per baris, 'kunci: isi'.\n"
            "# P: pertanyaan, J: jawabannya; baris berikutnya yang tidak diawali kunci\n"
            "# melanjutkan isian di atasnya.  Baris '#' diabaikan.  Isian kosong dilewati.\n",
            bap, jint(view, "case_id"), jint(view, "event_id"));
    if (json_is_true(json_object_get(view, "counsel_mandatory")))
        fprintf(f, "# Ancaman pidana 5 tahun atau lebih: penasihat hukum wajib ditunjuk "
                   "(KUHAP Pasal 56 ayat (1)).\n");
    for (const struct key *k = bap_keys; k->word; k++) {
        if (!key_for(k, bap))
            continue;
        if (k->help)
            fprintf(f, "# %s\n", k->help);
        put_entry(f, k->word, key_value(c, k, buf, sizeof buf));
    }
    fprintf(f, "\n");
    size_t i;
    json_t *q;
    json_array_foreach(json_object_get(c, "questions"), i, q)
    {
        put_entry(f, "P", jstr(q, "question"));
        put_entry(f, "J", jstr(q, "answer"));
        fprintf(f, "\n");
    }
    if (json_array_size(json_object_get(c, "questions")) == 0)
        fprintf(f, "P: \nJ: \n");
}

static const char *analysis_text(json_t *c, long long charge, long long no)
{
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(c, "analysis"), i, a)
    {
        if (jint(a, "charge") == charge && jint(a, "element") == no)
            return jstr(a, "text");
    }
    return "";
}

static void write_list(FILE *f, json_t *c, const char *member, const char *word)
{
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(c, member), i, v)
    {
        put_entry(f, word, json_string_value(v));
    }
    if (json_array_size(json_object_get(c, member)) == 0)
        put_entry(f, word, "");
}

static void write_resume(FILE *f, json_t *view)
{
    json_t *c = json_object_get(view, "content");
    fprintf(f,
            "# Resume perkara %lld, peristiwa %lld.  Satu isian per baris, 'kunci: isi';\n"
            "# 'dasar:' dan 'fakta:' boleh berulang, satu butir per baris.  Baris berikutnya\n"
            "# yang tidak diawali kunci melanjutkan isian di atasnya.  Baris '#' diabaikan.\n"
            "# Dasar dari Laporan, Sprindik dan SPDP dicetak dari catatan perkara.\n",
            jint(view, "case_id"), jint(view, "event_id"));
    write_list(f, c, "basis", "dasar");
    put_entry(f, "uraian", jstr(c, "summary"));
    write_list(f, c, "facts", "fakta");
    fprintf(f, "\n# Analisa yuridis: setiap unsur setiap pasal yang disangkakan.\n");
    size_t i, k;
    json_t *ch, *e;
    json_array_foreach(json_object_get(view, "charges"), i, ch)
    {
        fprintf(f, "# Pasal %s (dakwaan %lld)%s%s\n", jstr(ch, "code"), jint(ch, "charge"),
                *jstr(ch, "party_name") ? ", tersangka " : "", jstr(ch, "party_name"));
        json_array_foreach(json_object_get(ch, "elements"), k, e)
        {
            char key[64];
            fprintf(f, "# unsur %lld%s: %s\n", jint(e, "no"),
                    json_is_true(json_object_get(e, "to_verify")) ? " (perlu verifikasi)" : "",
                    jstr(e, "element"));
            snprintf(key, sizeof key, "unsur %lld.%lld", jint(ch, "charge"), jint(e, "no"));
            put_entry(f, key, analysis_text(c, jint(ch, "charge"), jint(e, "no")));
        }
    }
    fprintf(f, "\n");
    put_entry(f, "kesimpulan", jstr(c, "conclusion"));
}

/* ---- the command --------------------------------------------------------------------- */

static char *read_all(const char *path, int *rc)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *rc = cli_fail(EXIT_USAGE, "tidak dapat membuka %s: %s", path, strerror(errno));
        return NULL;
    }
    char *buf = malloc(MAX_TEXT_FILE + 1);
    size_t n = buf ? fread(buf, 1, MAX_TEXT_FILE + 1, f) : 0;
    bool bad = ferror(f) != 0;
    fclose(f);
    if (!buf || bad || n > MAX_TEXT_FILE || memchr(buf, '\0', n)) {
        free(buf);
        *rc = cli_fail(EXIT_USAGE, "%s: %s", path,
                       !buf                ? "kehabisan memori"
                       : bad               ? "tidak terbaca"
                       : n > MAX_TEXT_FILE ? "lebih dari 1 MiB"
                                           : "bukan teks");
        return NULL;
    }
    buf[n] = '\0';
    return buf;
}

/* Write the current content to a temporary file, open $VISUAL or $EDITOR
 * (else vi) on it, and read it back; NULL with *rc when not possible. */
static char *edit_text(json_t *view, bool bap, int *rc)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        *rc = cli_fail(EXIT_USAGE, "tanpa --from FILE perlu terminal untuk $EDITOR");
        return NULL;
    }
    const char *tmpdir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char path[4096];
    snprintf(path, sizeof path, "%s/berkas-%s-XXXXXX", tmpdir, bap ? "bap" : "resume");
    int fd = mkstemp(path); /* mode 0600: case contents */
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        *rc = cli_fail(EXIT_USAGE, "tidak dapat membuat berkas sementara di %s", tmpdir);
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    if (bap)
        write_bap(f, view);
    else
        write_resume(f, view);
    fclose(f);
    const char *editor = getenv("VISUAL") && *getenv("VISUAL")   ? "$VISUAL"
                         : getenv("EDITOR") && *getenv("EDITOR") ? "$EDITOR"
                                                                 : "vi";
    char script[64];
    /* as git does: the shell expands the variable, the file is "$1" */
    snprintf(script, sizeof script, "%s \"$1\"", editor);
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", script, "sh", path, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    bool ran =
        pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    char *text = ran ? read_all(path, rc) : NULL;
    if (!ran)
        *rc = cli_fail(EXIT_USAGE, "editor berhenti dengan galat; tidak ada yang dikirim");
    unlink(path);
    return text;
}

static void print_saved(json_t *r, bool bap, long long case_id, long long event)
{
    json_t *missing = json_object_get(r, "missing");
    printf("%s peristiwa %lld tersimpan: versi %lld.\n", bap ? "BAP" : "Resume", event,
           jint(r, "version"));
    if (json_array_size(missing) == 0) {
        printf("Lengkap: terbitkan dengan 'berkas issue %lld %s%s --event %lld'.\n", case_id,
               bap ? "bap_" : "resume", bap ? jstr(r, "bap") : "", event);
        return;
    }
    printf("Belum dapat diterbitkan; masih kurang:\n");
    size_t i;
    json_t *m;
    json_array_foreach(missing, i, m)
    {
        printf("  - %s\n", json_string_value(m));
    }
}

/* --show: the BAP or the resume as read (JSON with --json). */
static void contents_show(const struct global *g, json_t *view, bool bap)
{
    if (g->json)
        out_json(view);
    else if (bap)
        write_bap(stdout, view);
    else
        write_resume(stdout, view);
}

/* The new content, sent with the version read as If-Match (none when the
 * content was never saved).  The answer, or NULL (*rc set). */
static json_t *contents_put(struct global *g, const char *path, const json_t *view, json_t *content,
                            int *rc)
{
    char match[48];
    snprintf(match, sizeof match, "If-Match: \"%lld\"", jint(view, "version"));
    const char *headers[] = {match, NULL};
    return cli_call_with(g, "PUT", path, content, jint(view, "version") ? headers : NULL, rc);
}

static int contents_run(struct global *g, const struct command *cmd, int argc, char **argv,
                        bool bap)
{
    const char *case_arg = NULL, *event_arg = NULL, *from = NULL;
    bool show = false;
    const struct cli_opt opts[] = {
        {"from", &from, NULL, false, NULL},
        {"show", NULL, NULL, false, &show},
        {NULL, NULL, NULL, false, NULL},
    };
    const struct cli_arg args[] = {{"CASE", &case_arg}, {"EVENT", &event_arg}, {NULL, NULL}};
    long long case_id = 0, event = 0;
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON || (rc = cli_want_id(cmd, "EVENT", event_arg, &event)) != GO_ON)
        return rc;
    if (show && from)
        return cli_usage_error(cmd, "--show dan --from tidak dipakai bersama");
    char *text = from ? read_all(from, &rc) : NULL;
    if (from && !text)
        return rc;
    /* the case by its number or id (issue 10: names, not ids) */
    if ((rc = cli_connect(g, true)) != GO_ON ||
        (rc = cli_case(g, cmd, case_arg, &case_id)) != GO_ON) {
        free(text);
        return rc;
    }
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events/%lld/%s", case_id, event,
             bap ? "bap" : "resume");
    json_t *view = cli_call(g, "GET", path, NULL, &rc);
    if (view && show) {
        contents_show(g, view, bap);
        json_decref(view);
        return EXIT_OK;
    }
    if (view && !text)
        text = edit_text(view, bap, &rc);
    char err[600];
    bool had_text = text != NULL;
    json_t *content = text ? read_text(from ? from : "(editor)", text, bap, err, sizeof err) : NULL;
    free(text);
    if (had_text && !content)
        rc = cli_fail(EXIT_USAGE, "%s", err);
    json_t *r = view && content ? contents_put(g, path, view, content, &rc) : NULL;
    if (r) {
        if (g->json)
            out_json(r);
        else
            print_saved(r, bap, case_id, event);
        rc = EXIT_OK;
    }
    json_decref(r);
    json_decref(content);
    json_decref(view);
    return rc;
}

int cmd_bap(struct global *g, const struct command *cmd, int argc, char **argv)
{
    return contents_run(g, cmd, argc, argv, true);
}

int cmd_resume(struct global *g, const struct command *cmd, int argc, char **argv)
{
    return contents_run(g, cmd, argc, argv, false);
}
