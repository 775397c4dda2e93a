/*
 * contents.c - what an act says: the questions and answers of a Berita Acara
 * Pemeriksaan, and the Resume of the investigation (issue 8, point 4).
 *
 * A BAP (bap_recorded) and a Resume (resume_written) are acts in the log;
 * what the examiner or investigator writes into them is the act's content,
 * one JSON document per act in app.act_contents, versioned (If-Match) and
 * revised until the act's document is issued - after that the paper exists
 * and is signed, and the stored document keeps the case XML it was issued
 * from, so the content is frozen (a further examination is a new BAP).
 *
 * BAP (KUHAP 75, 116-120; DOMAIN.md 4.6, 7.3): numbered questions and
 * answers; for a suspect that the right to counsel was told (KUHAP 114) and
 * whether counsel was present or refused, and, where a charge carries five
 * years or more, the counsel appointed (KUHAP 56(1)); the interpreter; the
 * oath of a witness who may not appear at trial (KUHAP 116(1)) and of an
 * expert (KUHAP 120(2)); whether the examinee signed or refused, with the
 * reason (KUHAP 118(2)); the closing words.  The identity block is not
 * content: the form prints the party record.
 *
 * Resume (DOMAIN.md 7.4 and 12; Permenkumham 1/2023 Pasal 48): further
 * bases beside the Laporan, Sprindik and SPDP the form prints from the log,
 * the uraian singkat, the facts, the analysis of each element (unsur) of
 * each charged Pasal - the elements are data (app.offence_elements), the
 * analysis is keyed by the charge and the element's number - and the
 * conclusion.
 *
 * Saving checks the shape (400 naming the field); issuing checks that
 * nothing is missing (422 naming what and the command that supplies it).
 * Texts arrive NFC and free of control characters but newline and tab
 * (server/http/h_contents.c); the audit line names counts, never content.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "casefile.h"
#include "contents.h"
#include "store/contents.h"
#include "store/tx.h"
#include "validate.h"

enum content_kind { CK_BAP, CK_RESUME };

#define MAX_QUESTIONS 300
#define MAX_FACTS     200
#define MAX_BASES     20
#define LONG_TEXT     20000
#define MID_TEXT      4000
#define SHORT_TEXT    1000

/* The act whose content is read or written. */
struct act_info {
    long long id, party_id;
    char type[40], bap[16], party_kind[16];
    bool withdrawn;
    bool fresh;         /* recorded in this very transaction (record --issue) */
    char issued[161];   /* the number of its document, issued and in force, or "" */
    json_t *party;      /* the party examined (BAP), or NULL */
    int counsel_months; /* KUHAP 56(1): counsel appointed from this maximum, in months */
};

static const char *kind_word(enum content_kind k)
{
    return k == CK_BAP ? "bap" : "resume";
}

static const char *kind_event(enum content_kind k)
{
    return k == CK_BAP ? "bap_recorded" : "resume_written";
}

/* ---- reading ------------------------------------------------------------------------ */

/* KUHAP 56(1): counsel is appointed for an offence carrying five years or
 * more (DOMAIN.md 4.6).  The years are the rule set's counsel_min_years, of
 * the regime of the examination's date (today for an act not yet in cf);
 * months, as the offence catalogue keeps them. */
static int counsel_months(const struct casefile *cf, long long event_id)
{
    int k = casefile_event_index(cf, event_id);
    struct caldate day = caldate_local_date(cf->now, cf->zone);
    if (k >= 0) {
        struct case_event e;
        if (evlog_effective(cf->ev, cf->nevents, k, &e))
            day = evlog_date(&e, cf->zone);
    }
    const struct ruleset *rs = ruleset_for_date(cf->rulesets, cf->nrulesets, day);
    if (!rs && cf->nrulesets > 0)
        rs = &cf->rulesets[cf->nrulesets - 1];
    return rs ? rs->counsel_min_years.value * 12 : 5 * 12;
}

/* The party examined, as the content's view shows it. */
static json_t *party_json(const struct store_content_act *r)
{
    return json_pack("{s:I, s:s, s:s, s:o, s:s, s:s}", "id", (json_int_t)r->party_id, "kind",
                     r->party_kind, "name", r->party_name, "nationality",
                     r->party_nationality ? json_string(r->party_nationality) : json_null(),
                     "language", r->party_language, "interpreter", r->party_interpreter);
}

static bool act_info_load(struct tx *tx, const struct casefile *cf, long long event_id,
                          struct act_info *a, struct berr *err)
{
    struct store_content_act r;
    if (!store_content_act(tx, cf->id, event_id, &r, err))
        return false;
    bool ok = r.found;
    if (ok) {
        memset(a, 0, sizeof *a);
        a->id = event_id;
        snprintf(a->type, sizeof a->type, "%s", r.type);
        snprintf(a->bap, sizeof a->bap, "%s", r.bap);
        a->party_id = r.party_id;
        snprintf(a->party_kind, sizeof a->party_kind, "%s", r.party_kind);
        /* withdrawn as the log says (the last correction decides, core/evlog.h: a withdrawal
         * corrected leaves the act standing), not by any withdrawal ever recorded of it */
        int i = casefile_event_index(cf, event_id);
        struct case_event e;
        a->withdrawn =
            i >= 0 ? cf->ev[i].event != EV_CORRECTED && !evlog_effective(cf->ev, cf->nevents, i, &e)
                   : r.withdrawn;
        snprintf(a->issued, sizeof a->issued, "%s", r.issued);
        if (r.has_party)
            a->party = party_json(&r);
        a->fresh = r.fresh;
        a->counsel_months = counsel_months(cf, event_id);
    }
    store_content_act_free(&r);
    return ok || berr_field(err, BERR_NOT_FOUND, "event", "peristiwa %lld tidak ada di perkara ini",
                            event_id);
}

/* The stored content of the act (NULL and version 0 when none yet). */
static bool content_load(struct tx *tx, long long event_id, bool lock, json_t **content,
                         int *version, struct berr *err)
{
    struct store_content c;
    if (!store_content_get(tx, event_id, lock, &c, err))
        return false;
    *content = NULL;
    *version = 0;
    if (c.found) {
        *content = json_loads(c.content, 0, NULL);
        *version = c.version;
    }
    store_content_free(&c);
    return true;
}

/* The charges of the case with the elements of each charged Pasal:
 * [{charge, code, party_id, party_name, max_prison_months, elements:
 * [{no, element, to_verify}]}], in the order they were laid. */
static json_t *charges_load(struct tx *tx, long long case_id, struct berr *err)
{
    struct store_charge_elements rows;
    if (!store_charge_elements(tx, case_id, &rows, err))
        return NULL;
    json_t *list = json_array(), *elements = NULL;
    bool ok = list != NULL;
    for (int i = 0; ok && i < rows.n; i++) {
        const struct store_charge_element *x = &rows.items[i];
        if (i == 0 || x->charge_id != rows.items[i - 1].charge_id) {
            elements = json_array();
            json_t *c = json_pack(
                "{s:I, s:s, s:o, s:o, s:I, s:o}", "charge", (json_int_t)x->charge_id, "code",
                x->code, "party_id", x->party_id ? json_integer(x->party_id) : json_null(),
                "party_name", x->party_name ? json_string(x->party_name) : json_null(),
                "max_prison_months", (json_int_t)x->max_prison_months, "elements", elements);
            ok = c && json_array_append_new(list, c) == 0;
        }
        if (ok && x->element_no > 0)
            ok = json_array_append_new(elements,
                                       json_pack("{s:i, s:s, s:b}", "no", x->element_no, "element",
                                                 x->element, "to_verify", x->to_verify)) == 0;
    }
    store_charge_elements_free(&rows);
    if (!ok) {
        json_decref(list);
        berr_set(err, BERR_INTERNAL, "daftar pasal tidak terbaca");
        return NULL;
    }
    return list;
}

/* ---- the shape of what is saved (400) ----------------------------------------------- */

/* Member key of o, when present, a text of at most max characters. */
static bool check_text(json_t *o, const char *key, const char *path, size_t max, struct berr *err)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return true;
    if (!json_is_string(v))
        return berr_field(err, BERR_BAD_INPUT, path, "%s harus teks", path);
    if (utf8_length(json_string_value(v)) > max)
        return berr_field(err, BERR_BAD_INPUT, path, "%s paling panjang %zu karakter", path, max);
    return true;
}

static bool check_bool(json_t *o, const char *key, struct berr *err)
{
    json_t *v = json_object_get(o, key);
    return !v || json_is_null(v) || json_is_boolean(v) ||
           berr_field(err, BERR_BAD_INPUT, key, "%s harus true atau false", key);
}

/* A text member that holds more than blanks. */
static bool has_text(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s && s[strspn(s, " \t\n")] != '\0';
}

/* Every member of o is in allowed; path names o in the message. */
static bool check_members(json_t *o, const char *const allowed[], const char *path,
                          struct berr *err)
{
    if (!json_is_object(o))
        return berr_field(err, BERR_BAD_INPUT, path, "%s harus objek JSON", path);
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v)
    {
        bool known = false;
        for (size_t i = 0; allowed[i]; i++)
            known |= strcmp(key, allowed[i]) == 0;
        if (!known)
            return berr_field(err, BERR_BAD_INPUT, path[0] ? path : key,
                              "kolom tidak dikenal%s%s: %.60s", path[0] ? " di " : "", path, key);
    }
    return true;
}

static bool check_questions(json_t *qs, struct berr *err)
{
    static const char *const keys[] = {"question", "answer", NULL};
    if (!qs)
        return true;
    if (!json_is_array(qs) || json_array_size(qs) > MAX_QUESTIONS)
        return berr_field(err, BERR_BAD_INPUT, "questions",
                          "questions: daftar {question, answer}, paling banyak %d", MAX_QUESTIONS);
    size_t i;
    json_t *q;
    json_array_foreach(qs, i, q)
    {
        char path[48], fq[64], fa[64];
        snprintf(path, sizeof path, "questions.%zu", i + 1);
        snprintf(fq, sizeof fq, "%s.question", path);
        snprintf(fa, sizeof fa, "%s.answer", path);
        if (!check_members(q, keys, path, err) || !check_text(q, "question", fq, MID_TEXT, err) ||
            !check_text(q, "answer", fa, LONG_TEXT, err))
            return false;
        if (!has_text(q, "question"))
            return berr_field(err, BERR_BAD_INPUT, fq, "pertanyaan ke-%zu kosong", i + 1);
    }
    return true;
}

static bool check_counsel(json_t *c, struct berr *err)
{
    static const char *const keys[] = {"status", "name", "office", NULL};
    if (!c || json_is_null(c))
        return true;
    if (!check_members(c, keys, "counsel", err) ||
        !check_text(c, "name", "counsel.name", 200, err) ||
        !check_text(c, "office", "counsel.office", 300, err))
        return false;
    const char *st = json_string_value(json_object_get(c, "status"));
    if (!st || (strcmp(st, "present") != 0 && strcmp(st, "refused") != 0))
        return berr_field(err, BERR_BAD_INPUT, "counsel.status",
                          "counsel.status: present (didampingi) atau refused (tersangka menolak)");
    if (strcmp(st, "present") == 0 && !has_text(c, "name"))
        return berr_field(err, BERR_BAD_INPUT, "counsel.name",
                          "counsel.name wajib bila penasihat hukum hadir");
    return true;
}

static bool check_interpreter(json_t *t, struct berr *err)
{
    static const char *const keys[] = {"name", "language", NULL};
    if (!t || json_is_null(t))
        return true;
    if (!check_members(t, keys, "interpreter", err) ||
        !check_text(t, "name", "interpreter.name", 200, err) ||
        !check_text(t, "language", "interpreter.language", 100, err))
        return false;
    return has_text(t, "name") || berr_field(err, BERR_BAD_INPUT, "interpreter.name",
                                             "interpreter.name wajib bila ada penerjemah");
}

/* "HH:MM", 00:00-23:59. */
static bool check_hour(json_t *o, const char *key, struct berr *err)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return true;
    const char *s = json_string_value(v);
    bool ok = s && strlen(s) == 5 && s[2] == ':' && strspn(s, "0123456789:") == 5 &&
              (s[0] - '0') * 10 + (s[1] - '0') < 24 && s[3] < '6';
    return ok || berr_field(err, BERR_BAD_INPUT, key, "%s: jam HH:MM", key);
}

/* Members only some kinds of BAP take. */
static bool check_bap_kind(json_t *c, const char *bap, struct berr *err)
{
    static const struct {
        const char *key, *kinds, *why;
    } only[] = {
        {"counsel", "tersangka tambahan", "hanya BAP tersangka (KUHAP Pasal 54-56, 114)"},
        {"counsel_informed", "tersangka tambahan", "hanya BAP tersangka (KUHAP Pasal 114)"},
        {"favourable_witnesses", "tersangka tambahan",
         "hanya BAP tersangka (KUHAP Pasal 116 ayat (3))"},
        {"expertise", "ahli tambahan", "hanya BAP ahli (KUHAP Pasal 120)"},
        {"oath", "saksi ahli tambahan", "tersangka tidak disumpah"},
        {"oath_reason", "saksi tambahan", "hanya BAP saksi (KUHAP Pasal 116 ayat (1))"},
    };
    for (size_t i = 0; i < sizeof only / sizeof only[0]; i++) {
        json_t *v = json_object_get(c, only[i].key);
        if (v && !json_is_null(v) && !strstr(only[i].kinds, bap))
            return berr_field(err, BERR_BAD_INPUT, only[i].key, "%s: %s", only[i].key, only[i].why);
    }
    const char *oath = json_string_value(json_object_get(c, "oath"));
    json_t *ov = json_object_get(c, "oath");
    if (ov && !json_is_null(ov) &&
        (!oath ||
         (strcmp(oath, "none") != 0 && strcmp(oath, "sumpah") != 0 && strcmp(oath, "janji") != 0)))
        return berr_field(err, BERR_BAD_INPUT, "oath", "oath: none, sumpah atau janji");
    if (has_text(c, "oath_reason") && (!oath || strcmp(oath, "none") == 0))
        return berr_field(err, BERR_BAD_INPUT, "oath_reason",
                          "oath_reason hanya bila saksi disumpah (oath sumpah atau janji)");
    return true;
}

static bool check_bap(json_t *c, const char *bap, struct berr *err)
{
    static const char *const keys[] = {
        "questions",   "counsel",     "counsel_informed", "interpreter",
        "oath",        "oath_reason", "expertise",        "favourable_witnesses",
        "finished_at", "signed",      "refusal_reason",   "closing",
        NULL};
    if (!check_members(c, keys, "", err) ||
        !check_questions(json_object_get(c, "questions"), err) ||
        !check_counsel(json_object_get(c, "counsel"), err) ||
        !check_interpreter(json_object_get(c, "interpreter"), err) ||
        !check_bool(c, "counsel_informed", err) || !check_bool(c, "signed", err) ||
        !check_text(c, "oath", "oath", 10, err) ||
        !check_text(c, "oath_reason", "oath_reason", SHORT_TEXT, err) ||
        !check_text(c, "expertise", "expertise", SHORT_TEXT, err) ||
        !check_text(c, "favourable_witnesses", "favourable_witnesses", MID_TEXT, err) ||
        !check_text(c, "refusal_reason", "refusal_reason", SHORT_TEXT, err) ||
        !check_text(c, "closing", "closing", MID_TEXT, err) || !check_hour(c, "finished_at", err) ||
        !check_bap_kind(c, bap, err))
        return false;
    /* KUHAP 118(2): a refusal to sign is noted with its reason */
    if (json_is_false(json_object_get(c, "signed")) && !has_text(c, "refusal_reason"))
        return berr_field(err, BERR_BAD_INPUT, "refusal_reason",
                          "refusal_reason wajib bila yang diperiksa tidak menandatangani "
                          "(KUHAP Pasal 118 ayat (2))");
    if (has_text(c, "refusal_reason") && !json_is_false(json_object_get(c, "signed")))
        return berr_field(err, BERR_BAD_INPUT, "refusal_reason",
                          "refusal_reason hanya bila signed false");
    return true;
}

/* A list of texts (basis, facts). */
static bool check_texts(json_t *c, const char *key, size_t max_items, size_t max_len,
                        struct berr *err)
{
    json_t *a = json_object_get(c, key);
    if (!a || json_is_null(a))
        return true;
    if (!json_is_array(a) || json_array_size(a) > max_items)
        return berr_field(err, BERR_BAD_INPUT, key, "%s: daftar teks, paling banyak %zu", key,
                          max_items);
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v)
    {
        char path[48];
        snprintf(path, sizeof path, "%s.%zu", key, i + 1);
        json_t *wrap = json_pack("{s:O}", "t", v);
        bool ok = check_text(wrap, "t", path, max_len, err);
        bool blank = ok && !has_text(wrap, "t");
        json_decref(wrap);
        if (!ok)
            return false;
        if (blank)
            return berr_field(err, BERR_BAD_INPUT, path, "%s kosong", path);
    }
    return true;
}

/* The charge (of charges) with id, or NULL. */
static json_t *charge_of(json_t *charges, long long id)
{
    size_t i;
    json_t *c;
    json_array_foreach(charges, i, c)
    {
        if (json_integer_value(json_object_get(c, "charge")) == id)
            return c;
    }
    return NULL;
}

static bool element_exists(json_t *charge, long long no)
{
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(charge, "elements"), i, e)
    {
        if (json_integer_value(json_object_get(e, "no")) == no)
            return true;
    }
    return false;
}

/* Each analysis names a charge of the case and one of its elements, once. */
static bool check_analysis(json_t *list, json_t *charges, struct berr *err)
{
    static const char *const keys[] = {"charge", "element", "text", NULL};
    if (!list || json_is_null(list))
        return true;
    if (!json_is_array(list) || json_array_size(list) > 500)
        return berr_field(err, BERR_BAD_INPUT, "analysis",
                          "analysis: daftar {charge, element, text}, paling banyak 500");
    size_t i, k;
    json_t *a;
    json_array_foreach(list, i, a)
    {
        char path[48], f[64];
        snprintf(path, sizeof path, "analysis.%zu", i + 1);
        if (!check_members(a, keys, path, err))
            return false;
        json_t *ch = json_object_get(a, "charge"), *el = json_object_get(a, "element");
        snprintf(f, sizeof f, "%s.charge", path);
        if (!json_is_integer(ch) || !charge_of(charges, json_integer_value(ch)))
            return berr_field(err, BERR_BAD_INPUT, f,
                              "%s: id dakwaan (pasal yang disangkakan) perkara ini", f);
        snprintf(f, sizeof f, "%s.element", path);
        if (!json_is_integer(el) ||
            !element_exists(charge_of(charges, json_integer_value(ch)), json_integer_value(el)))
            return berr_field(err, BERR_BAD_INPUT, f, "%s: nomor unsur pasal itu", f);
        snprintf(f, sizeof f, "%s.text", path);
        if (!check_text(a, "text", f, LONG_TEXT, err))
            return false;
        for (k = 0; k < i; k++) {
            json_t *b = json_array_get(list, k);
            if (json_equal(json_object_get(b, "charge"), ch) &&
                json_equal(json_object_get(b, "element"), el))
                return berr_field(err, BERR_BAD_INPUT, path,
                                  "%s: unsur yang sama sudah dianalisis pada analysis.%zu", path,
                                  k + 1);
        }
    }
    return true;
}

static bool check_resume(json_t *c, json_t *charges, struct berr *err)
{
    static const char *const keys[] = {"basis", "summary", "facts", "analysis", "conclusion", NULL};
    return check_members(c, keys, "", err) && check_texts(c, "basis", MAX_BASES, SHORT_TEXT, err) &&
           check_text(c, "summary", "summary", LONG_TEXT, err) &&
           check_texts(c, "facts", MAX_FACTS, LONG_TEXT, err) &&
           check_analysis(json_object_get(c, "analysis"), charges, err) &&
           check_text(c, "conclusion", "conclusion", LONG_TEXT, err);
}

/* ---- what is missing before it can be issued (422) --------------------------------- */

static void miss(json_t *list, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void miss(json_t *list, const char *fmt, ...)
{
    char buf[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    json_array_append_new(list, json_string(buf));
}

/* The heaviest penalty (months) charged to the suspect or to the case. */
static int max_months_for(json_t *charges, long long party_id)
{
    int most = 0;
    size_t i;
    json_t *c;
    json_array_foreach(charges, i, c)
    {
        long long p = json_integer_value(json_object_get(c, "party_id"));
        int m = (int)json_integer_value(json_object_get(c, "max_prison_months"));
        if ((p == 0 || p == party_id) && m > most)
            most = m;
    }
    return most;
}

static json_t *bap_missing(json_t *c, const struct act_info *a, json_t *charges)
{
    json_t *list = json_array();
    if (!a->party_id)
        miss(list, "pihak yang diperiksa (catat BAP dengan --party)");
    json_t *qs = json_object_get(c, "questions");
    if (json_array_size(qs) == 0)
        miss(list, "pertanyaan dan jawaban");
    size_t i;
    json_t *q;
    json_array_foreach(qs, i, q)
    {
        if (!has_text(q, "answer"))
            miss(list, "jawaban pertanyaan %zu", i + 1);
    }
    if (strcmp(a->bap, "tersangka") == 0) {
        json_t *counsel = json_object_get(c, "counsel");
        if (!json_is_true(json_object_get(c, "counsel_informed")))
            miss(list, "pemberitahuan hak atas bantuan hukum (counsel_informed, KUHAP Pasal 114)");
        if (!json_is_object(counsel))
            miss(list, "penasihat hukum: hadir atau ditolak tersangka (counsel)");
        else if (max_months_for(charges, a->party_id) >= a->counsel_months &&
                 !has_text(counsel, "name"))
            miss(list,
                 "nama penasihat hukum yang ditunjuk (counsel.name): ancaman pidana %d tahun atau "
                 "lebih, KUHAP Pasal 56 ayat (1)",
                 a->counsel_months / 12);
    }
    if (strcmp(a->bap, "ahli") == 0) {
        const char *oath = json_string_value(json_object_get(c, "oath"));
        if (!oath || strcmp(oath, "none") == 0)
            miss(list, "sumpah atau janji ahli (oath, KUHAP Pasal 120 ayat (2))");
        if (!has_text(c, "expertise"))
            miss(list, "bidang keahlian ahli (expertise)");
    }
    return list;
}

/* The analysis written for element no of charge id, or NULL. */
static const char *analysis_of(json_t *c, long long charge, long long no)
{
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(c, "analysis"), i, a)
    {
        if (json_integer_value(json_object_get(a, "charge")) == charge &&
            json_integer_value(json_object_get(a, "element")) == no && has_text(a, "text"))
            return json_string_value(json_object_get(a, "text"));
    }
    return NULL;
}

static json_t *resume_missing(json_t *c, json_t *charges)
{
    json_t *list = json_array();
    if (json_array_size(charges) == 0)
        miss(list, "pasal yang disangkakan (berkas offence charge)");
    if (!has_text(c, "summary"))
        miss(list, "uraian singkat (summary)");
    if (json_array_size(json_object_get(c, "facts")) == 0)
        miss(list, "fakta-fakta (facts)");
    size_t i, k;
    json_t *ch, *e;
    json_array_foreach(charges, i, ch)
    {
        const char *code = json_string_value(json_object_get(ch, "code"));
        long long id = json_integer_value(json_object_get(ch, "charge"));
        json_t *els = json_object_get(ch, "elements");
        if (json_array_size(els) == 0)
            miss(list, "unsur Pasal %s di katalog unsur (dakwaan %lld)", code, id);
        json_array_foreach(els, k, e)
        {
            long long no = json_integer_value(json_object_get(e, "no"));
            if (!analysis_of(c, id, no)) {
                miss(list, "analisis Pasal %s unsur %lld (dakwaan %lld)", code, no, id);
            }
        }
    }
    if (!has_text(c, "conclusion"))
        miss(list, "kesimpulan (conclusion)");
    return list;
}

/* The missing items as one line of at most ~300 characters. */
static void missing_line(json_t *list, char *out, size_t size)
{
    size_t used = 0, i;
    json_t *v;
    out[0] = '\0';
    json_array_foreach(list, i, v)
    {
        const char *s = json_string_value(v);
        if (used + strlen(s) + 3 > 300 || used + strlen(s) + 3 >= size) {
            snprintf(out + used, size - used, "; dan %zu lainnya", json_array_size(list) - i);
            return;
        }
        used += (size_t)snprintf(out + used, size - used, "%s%s", i ? "; " : "", s);
    }
}

bool contents_issuable(struct tx *tx, const struct casefile *cf, long long event_id,
                       const char *form, struct berr *err)
{
    bool bap = strncmp(form, "bap_", 4) == 0;
    if (!bap && strcmp(form, "resume") != 0)
        return true;
    struct act_info a;
    json_t *c = NULL, *charges = NULL, *list = NULL;
    int version = 0;
    bool ok = act_info_load(tx, cf, event_id, &a, err) &&
              content_load(tx, event_id, false, &c, &version, err) &&
              (charges = charges_load(tx, cf->id, err)) != NULL;
    if (ok) {
        json_t *empty = json_object();
        list =
            bap ? bap_missing(c ? c : empty, &a, charges) : resume_missing(c ? c : empty, charges);
        json_decref(empty);
    }
    if (ok && json_array_size(list) > 0) {
        char line[360];
        missing_line(list, line, sizeof line);
        /* an act being recorded with its paper (record --issue) has no
         * content yet and no id the user knows: record it alone first */
        if (a.fresh)
            ok = berr_field(err, BERR_UNPROCESSABLE, bap ? "bap" : "resume",
                            "%s belum lengkap: %s; catat tindakannya tanpa --issue, isi dengan "
                            "'berkas %s %lld PERISTIWA' lalu terbitkan dengan 'berkas issue "
                            "%lld %s --event PERISTIWA'",
                            bap ? "BAP" : "Resume", line, bap ? "bap" : "resume", cf->id, cf->id,
                            form);
        else
            ok = berr_field(err, BERR_UNPROCESSABLE, bap ? "bap" : "resume",
                            "%s belum lengkap: %s; lengkapi dengan 'berkas %s %lld %lld' lalu "
                            "terbitkan dengan 'berkas issue %lld %s --event %lld'",
                            bap ? "BAP" : "Resume", line, bap ? "bap" : "resume", cf->id, event_id,
                            cf->id, form, event_id);
    }
    json_decref(list);
    json_decref(charges);
    json_decref(c);
    json_decref(a.party);
    return ok;
}

/* ---- the use cases ------------------------------------------------------------------ */

/* The act as the route names it: a BAP for /bap, a Resume for /resume. */
static bool act_fits(enum content_kind k, const struct act_info *a, struct berr *err)
{
    if (strcmp(a->type, kind_event(k)) != 0)
        return berr_field(err, BERR_NOT_FOUND, "event", "peristiwa %lld bukan %s (%s)", a->id,
                          k == CK_BAP ? "pemeriksaan" : "resume", kind_event(k));
    return true;
}

/* What GET and PUT answer: the content, its version, whether it is frozen,
 * what it is about and what is still missing before it can be issued. */
static json_t *content_view(enum content_kind k, long long case_id, const struct act_info *a,
                            json_t *c, int version, json_t *charges)
{
    json_t *empty = json_object();
    json_t *content = c ? json_incref(c) : json_object();
    json_t *missing = k == CK_BAP ? bap_missing(c ? c : empty, a, charges)
                                  : resume_missing(c ? c : empty, charges);
    json_decref(empty);
    json_t *j = json_pack("{s:I, s:I, s:s, s:i, s:o, s:b, s:o}", "case_id", (json_int_t)case_id,
                          "event_id", (json_int_t)a->id, "kind", kind_word(k), "version", version,
                          "content", content, "issued", a->issued[0] != '\0', "missing", missing);
    if (a->issued[0])
        json_object_set_new(j, "document_number", json_string(a->issued));
    if (k == CK_BAP) {
        json_object_set_new(j, "bap", json_string(a->bap));
        json_object_set(j, "party", a->party ? a->party : json_null());
        json_object_set_new(
            j, "counsel_mandatory",
            json_boolean(strcmp(a->bap, "tersangka") == 0 &&
                         max_months_for(charges, a->party_id) >= a->counsel_months));
    } else {
        json_object_set(j, "charges", charges);
    }
    return j;
}

static json_t *content_get(struct app *app, const struct actor *who, long long case_id,
                           long long event_id, enum content_kind k, struct audit_rec *au,
                           struct berr *err)
{
    au->action = "case.read";
    au->object_type = "case";
    au->object_id = case_id;
    snprintf(au->detail, sizeof au->detail, "{\"part\":\"%s\",\"event\":%lld}", kind_word(k),
             event_id);
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    struct casefile cf = {0};
    struct act_info a = {0};
    json_t *c = NULL, *charges = NULL, *view = NULL;
    int version = 0;
    bool ok = casefile_load(&tx, who, case_id, false, &cf, err) &&
              act_info_load(&tx, &cf, event_id, &a, err) && act_fits(k, &a, err) &&
              content_load(&tx, event_id, false, &c, &version, err) &&
              (charges = charges_load(&tx, case_id, err)) != NULL;
    if (ok)
        view = content_view(k, case_id, &a, c, version, charges);
    if (ok && !(audit_ok(&tx, who, au, err) && tx_commit(&tx, err))) {
        json_decref(view);
        view = NULL;
    }
    tx_end(&tx);
    json_decref(c);
    json_decref(charges);
    json_decref(a.party);
    casefile_free(&cf);
    return view;
}

json_t *app_bap_get(struct app *app, const struct actor *who, long long case_id, long long event_id,
                    struct audit_rec *au, struct berr *err)
{
    return content_get(app, who, case_id, event_id, CK_BAP, au, err);
}

json_t *app_resume_get(struct app *app, const struct actor *who, long long case_id,
                       long long event_id, struct audit_rec *au, struct berr *err)
{
    return content_get(app, who, case_id, event_id, CK_RESUME, au, err);
}

/* If-Match against the stored version; the first write needs none (or 0). */
static bool version_fits(int stored, int if_match, struct berr *err)
{
    if (stored == 0 && if_match <= 0)
        return true;
    if (stored > 0 && if_match < 0)
        return berr_field(err, BERR_BAD_INPUT, "If-Match",
                          "If-Match wajib: versi isi yang Anda lihat, mis. \"%d\"", stored);
    if (if_match != stored)
        return berr_field(err, BERR_CONFLICT, "If-Match",
                          "versi isi sudah %d, bukan %d: muat ulang dan coba lagi", stored,
                          if_match);
    return true;
}

/* Whether the act may still be written: not withdrawn, its paper not issued. */
static bool act_writable(enum content_kind k, const struct act_info *a, struct berr *err)
{
    if (a->withdrawn)
        return berr_field(err, BERR_CONFLICT, "event",
                          "peristiwa %lld sudah ditarik dengan koreksi: isinya tidak ditulis",
                          a->id);
    if (a->issued[0])
        return berr_field(err, BERR_CONFLICT, "event",
                          "%s ini sudah diterbitkan (nomor %s): isinya tidak diubah lagi; "
                          "pemeriksaan atau resume baru dicatat sebagai tindakan baru",
                          k == CK_BAP ? "BAP" : "Resume", a->issued);
    return true;
}

static bool content_store(struct tx *tx, const struct actor *who, long long case_id,
                          long long event_id, json_t *content, int stored, int *version,
                          struct berr *err)
{
    char *text = json_dumps(content, JSON_COMPACT | JSON_PRESERVE_ORDER);
    if (!text)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    bool ok = store_content_put(tx, case_id, event_id, who->user_id, text, stored, version, err);
    free(text);
    if (!ok)
        return false;
    ok = *version > 0;
    return ok || berr_set(err, BERR_CONFLICT, "isi tindakan berubah bersamaan: coba lagi");
}

static bool content_put(struct app *app, const struct actor *who, long long case_id,
                        long long event_id, enum content_kind k, json_t *content, int if_match,
                        json_t **out, bool *created, struct audit_rec *au, struct berr *err)
{
    *out = NULL;
    au->action = k == CK_BAP ? "bap.write" : "resume.write";
    au->object_type = "case";
    au->object_id = case_id;
    if (who->role != ROLE_INVESTIGATOR)
        return berr_set(err, BERR_FORBIDDEN, "hanya penyidik kantor perkara yang menulisnya");
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    struct casefile cf = {0};
    struct act_info a = {0};
    json_t *old = NULL, *charges = NULL;
    int stored = 0, version = 0;
    bool ok = casefile_load(&tx, who, case_id, true, &cf, err);
    if (ok && cf.office_id != who->office_id)
        ok = berr_set(err, BERR_NOT_FOUND, "perkara %lld tidak ditemukan", case_id);
    ok = ok && act_info_load(&tx, &cf, event_id, &a, err) && act_fits(k, &a, err) &&
         (charges = charges_load(&tx, case_id, err)) != NULL &&
         (k == CK_BAP ? check_bap(content, a.bap, err) : check_resume(content, charges, err)) &&
         content_load(&tx, event_id, true, &old, &stored, err) &&
         version_fits(stored, if_match, err) && act_writable(k, &a, err) &&
         content_store(&tx, who, case_id, event_id, content, stored, &version, err);
    if (ok) {
        size_t items =
            json_array_size(json_object_get(content, k == CK_BAP ? "questions" : "analysis"));
        snprintf(au->detail, sizeof au->detail, "{\"event\":%lld,\"version\":%d,\"items\":%zu}",
                 event_id, version, items);
        *out = content_view(k, case_id, &a, content, version, charges);
        ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    }
    *created = stored == 0;
    if (!ok) {
        json_decref(*out);
        *out = NULL;
    }
    tx_end(&tx);
    json_decref(old);
    json_decref(charges);
    json_decref(a.party);
    casefile_free(&cf);
    return ok;
}

bool app_bap_put(struct app *app, const struct actor *who, long long case_id, long long event_id,
                 json_t *content, int if_match, json_t **out, bool *created, struct audit_rec *au,
                 struct berr *err)
{
    return content_put(app, who, case_id, event_id, CK_BAP, content, if_match, out, created, au,
                       err);
}

bool app_resume_put(struct app *app, const struct actor *who, long long case_id, long long event_id,
                    json_t *content, int if_match, json_t **out, bool *created,
                    struct audit_rec *au, struct berr *err)
{
    return content_put(app, who, case_id, event_id, CK_RESUME, content, if_match, out, created, au,
                       err);
}
