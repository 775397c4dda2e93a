/*
 * forms.c - forms as drafts, issuing them, verifying them, and the dossier.
 *
 * One act, one document (issue 8; DOMAIN.md 12): a form that records or
 * orders an act is issued FOR that act - dated by the act's legal date on
 * the office's calendar, with the letterhead and the procedural law of that
 * date, signed by whoever signs it on that date (signers.c), flagged late
 * when issued after the rule set's late-entry threshold, and whatever the
 * case's stage now while the case is open.  The act's number and its
 * primary document's number are one value: berkas numbers the paper from
 * the office's series, or the act was recorded with a number given outside
 * berkas and its paper is uploaded - never both.
 *
 * A draft is rendered on demand from the case as it is now, watermarked, with
 * no number, and stored nowhere.  Issuing happens in one transaction as the
 * acting user: lock the case, check the stage, take the next number of the
 * office's gapless counter for the document type and year, format it by the
 * office's pattern, render with the number and a verification code (QR),
 * store the PDF and its SHA-256, audit, commit.  A render that fails rolls
 * everything back, number included.  The dossier binds every issued document
 * into one PDF in legal order, between a cover, a table of contents, the
 * lists of witnesses, suspects and evidence, and a closing manifest with
 * each part's SHA-256.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actfix.h"
#include "app.h"
#include "audit.h"
#include "casefile.h"
#include "casexml.h"
#include "contents.h"
#include "core/answer.h"
#include "core/numfmt.h"
#include "core/relground.h"
#include "extension.h"
#include "p19answer.h"
#include "release.h"
#include "permit.h"
#include "render/render.h"
#include "forms.h"
#include "render_swap.h"
#include "signers.h"
#include "stale.h"
#include "store/cases.h"
#include "store/db.h"
#include "store/documents.h"
#include "store/instructions.h"
#include "store/tx.h"
#include "validate.h"

#define STAGE_BIT(s) (1u << (s))
#define OPEN_STAGES                                                                                \
    (STAGE_BIT(ST_PRE_INVESTIGATION) | STAGE_BIT(ST_INVESTIGATION) |                               \
     STAGE_BIT(ST_WITH_PROSECUTOR) | STAGE_BIT(ST_RETURNED) | STAGE_BIT(ST_COMPLETE) |             \
     STAGE_BIT(ST_HANDED_OVER) | STAGE_BIT(ST_LAPSED) | STAGE_BIT(ST_TERMINATED))
#define INVESTIGATING (STAGE_BIT(ST_INVESTIGATION) | STAGE_BIT(ST_RETURNED))
#define PARAMS_MAX    24 /* a form's parameters, given and set by berkas */

/* Which stages a form may be made in (when not issued for an act), its
 * place in the dossier (Permenkumham 1/2023 Pasal 48, DOMAIN.md 12: resume,
 * laporan, berita acara, orders and letters), the act it belongs to (an
 * event code; bap: the BAP's kind), whether its number is the act's
 * (primary), and whether it is the investigator's paper bound into the
 * berkas perkara (the prosecutor's P-forms and BA Tahap II are not). */
static const struct form_rule {
    const char *form;
    unsigned stages;
    int order;
    const char *act;
    const char *bap;
    bool primary;
    bool in_dossier;
} rules[] = {
    {"resume", INVESTIGATING, 5, "resume_written", NULL, true, true},
    {"laporan_kejadian", OPEN_STAGES, 10, "report_registered", NULL, true, true},
    {"sprindik",
     STAGE_BIT(ST_PRE_INVESTIGATION) | INVESTIGATING | STAGE_BIT(ST_LAPSED) |
         STAGE_BIT(ST_TERMINATED),
     40, "sprindik_issued", NULL, true, true},
    {"spdp", INVESTIGATING, 41, "spdp_sent", NULL, true, true},
    {"surat_panggilan", INVESTIGATING, 42, "summons_served", NULL, true, true},
    {"bap_saksi", INVESTIGATING, 20, "bap_recorded", "saksi", true, true},
    {"bap_ahli", INVESTIGATING, 21, "bap_recorded", "ahli", true, true},
    {"bap_tersangka", INVESTIGATING, 22, "bap_recorded", "tersangka", true, true},
    {"sp_penangkapan", INVESTIGATING, 43, "arrested", NULL, true, true},
    {"ba_penangkapan", INVESTIGATING, 30, "arrested", NULL, false, true},
    {"sp_penahanan", INVESTIGATING, 44, "detained", NULL, true, true},
    {"ba_penahanan", INVESTIGATING, 31, "detained", NULL, false, true},
    /* the release (KUHAP 24(3)-(4), 109(2), 82(3) huruf a): the order, whose number is the
     * act's, and its Berita Acara */
    {"sp_pengeluaran_tahanan", INVESTIGATING, 49, "released", NULL, true, true},
    {"ba_pengeluaran_tahanan", INVESTIGATING, 36, "released", NULL, false, true},
    /* the release from an arrest not followed by detention (KUHAP 19(1), 21): its order and
     * its Berita Acara (release_paper_fits: each release has its custody's papers) */
    {"sp_pelepasan", INVESTIGATING, 49, "released", NULL, true, true},
    {"ba_pelepasan", INVESTIGATING, 36, "released", NULL, false, true},
    /* a change of the kind of detention (KUHAP 22, 23(1)): the order and its Berita Acara */
    {"sp_pengalihan_penahanan", INVESTIGATING, 58, "detention_type_changed", NULL, true, true},
    {"ba_pengalihan_penahanan", INVESTIGATING, 38, "detention_type_changed", NULL, false, true},
    /* a suspension of detention (KUHAP 31): the order and its Berita Acara */
    {"sp_penangguhan_penahanan", INVESTIGATING, 59, "detention_suspended", NULL, true, true},
    {"ba_penangguhan_penahanan", INVESTIGATING, 38, "detention_suspended", NULL, false, true},
    /* the PPNS executes an extension granted by the PU (KUHAP 24(2)) or the Ketua PN (29) */
    {"ba_perpanjangan_penahanan", INVESTIGATING, 37, "detention_extended_pu", NULL, false, true},
    {"permintaan_perpanjangan", INVESTIGATING, 45, NULL, NULL, false, true},
    {"sp_penyitaan", INVESTIGATING, 46, "seizure_done", NULL, true, true},
    {"ba_penyitaan", INVESTIGATING, 32, "seizure_done", NULL, false, true},
    {"pengantar_tahap1", INVESTIGATING, 50, "tahap1_sent", NULL, true, true},
    {"pengiriman_kembali", STAGE_BIT(ST_RETURNED), 51, "resubmitted", NULL, true, true},
    {"ba_tahap2", STAGE_BIT(ST_COMPLETE), 95, "tahap2_done", NULL, true, false},
    /* the short procedure's hand-over with its catatan (UU 6/2011 Pasal 110(2); DOMAIN 4.14):
     * no berkas perkara to bind it into */
    {"penyerahan_acara_singkat", STAGE_BIT(ST_INVESTIGATION) | STAGE_BIT(ST_HANDED_OVER), 96,
     "short_procedure_handover", NULL, true, false},
    {"sp3", INVESTIGATING | STAGE_BIT(ST_TERMINATED), 52, "sp3_issued", NULL, true, true},
    {"pemberitahuan_sp3", STAGE_BIT(ST_TERMINATED), 53, "sp3_notified", NULL, true, true},
    {"p19", STAGE_BIT(ST_WITH_PROSECUTOR) | STAGE_BIT(ST_RETURNED), 100, "p19_received", NULL, true,
     false},
    {"p21", STAGE_BIT(ST_WITH_PROSECUTOR) | STAGE_BIT(ST_COMPLETE), 101, "p21_received", NULL, true,
     false},
    /* the investigator's papers of issue 8.5: orders and Berita Acara with
     * the acts they order or record; letters to the family (KUHAP 18(3),
     * 21(3)), to the consulate through Kemlu (Vienna Convention 1963 Art.
     * 36(1)(b)) and to Korwas PPNS (Permenkumham 39/2021 Pasal 27(2)) with
     * the act they tell of; a request to the court is a letter of its own */
    {"sp_tugas", STAGE_BIT(ST_PRE_INVESTIGATION) | INVESTIGATING, 39, "pre_investigation_ordered",
     NULL, true, true},
    {"penetapan_tersangka", INVESTIGATING, 41, "suspect_designated", NULL, true, true},
    {"ba_sumpah_penerjemah", INVESTIGATING, 23, "interpreter_sworn", NULL, true, true},
    {"sp_penggeledahan", INVESTIGATING, 47, "search_done", NULL, true, true},
    {"ba_penggeledahan", INVESTIGATING, 33, "search_done", NULL, false, true},
    {"ba_pembungkusan", INVESTIGATING, 34, "seizure_done", NULL, false, true},
    {"ba_penitipan", INVESTIGATING, 35, "evidence_deposited", NULL, true, true},
    {"permohonan_izin_pn", INVESTIGATING, 48, NULL, NULL, false, true},
    {"pemberitahuan_penangkapan", INVESTIGATING, 54, "arrested", NULL, false, true},
    {"pemberitahuan_penahanan", INVESTIGATING, 55, "detained", NULL, false, true},
    {"notifikasi_konsuler", INVESTIGATING, 56, "arrested", NULL, false, true},
    {"pengantar_spdp_korwas", INVESTIGATING, 57, "spdp_sent", NULL, false, true},
    /* the prosecutor's other papers, each for the act that records it, on
     * the Kejari's letterhead and in its series (issue 8.5); the ordinary
     * letter after a P-19 is the paper of return_letter_received (SE JAM
     * Pidum B-3326/E/EJP/11/2011) */
    {"p16", OPEN_STAGES, 102, "p16_received", NULL, true, false},
    {"p17", OPEN_STAGES, 103, "p17_received", NULL, true, false},
    {"p18", OPEN_STAGES, 104, "p18_received", NULL, true, false},
    {"pengembalian_berkas", OPEN_STAGES, 105, "return_letter_received", NULL, true, false},
    {"p20", OPEN_STAGES, 106, "p20_received", NULL, true, false},
    {"p21a", OPEN_STAGES, 107, "p21a_received", NULL, true, false},
    {"p22", OPEN_STAGES, 108, "p22_received", NULL, true, false},
    {"p23", OPEN_STAGES, 109, "p23_received", NULL, true, false},
};

/* What a file sent to the prosecutor must contain (KUHAP 110, 138; the
 * guards of Tahap I ask for the same acts). */
static const char *const dossier_required[] = {"laporan_kejadian", "sprindik", "spdp",
                                               "bap_tersangka",    "resume",   NULL};

/* A form of two acts: its rule names the first, this the second. */
static const struct {
    const char *form, *act;
} second_acts[] = {{"ba_perpanjangan_penahanan", "detention_extended_court"},
                   /* VCCR 36(1)(b): a foreigner detained without an arrest before it (KUHAP 21)
                    * is in custody too, and his consulate is told of the detention */
                   {"notifikasi_konsuler", "detained"}};

static const char *act2_of(const struct form_rule *r)
{
    for (size_t i = 0; r && i < sizeof second_acts / sizeof second_acts[0]; i++)
        if (strcmp(second_acts[i].form, r->form) == 0)
            return second_acts[i].act;
    return NULL;
}

static const struct form_rule *rule_of(const char *form)
{
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (strcmp(rules[i].form, form) == 0)
            return &rules[i];
    return NULL;
}

static bool role_issues(const struct actor *who, const struct render_form_info *f, struct berr *err)
{
    bool ok = (f->issuer == RENDER_ISSUER_INVESTIGATOR && who->role == ROLE_INVESTIGATOR) ||
              (f->issuer == RENDER_ISSUER_PROSECUTOR && who->role == ROLE_PROSECUTOR);
    return ok || berr_set(err, BERR_FORBIDDEN, "peran Anda tidak membuat %s", f->title);
}

static const struct render_form_info *find_form(struct app *app, const char *form, struct berr *err)
{
    const struct render_form_info *f =
        app_render(app) ? render_form_find(app_render(app), form) : NULL;
    if (!f || f->issuer == RENDER_ISSUER_SYSTEM) { /* the dossier's own parts are not forms */
        berr_set(err, BERR_NOT_FOUND, "formulir %.60s tidak dikenal", form);
        return NULL;
    }
    return f;
}

static bool stage_allows(const struct casefile *cf, const struct render_form_info *f,
                         struct berr *err)
{
    const struct form_rule *r = rule_of(f->name);
    unsigned stages = r ? r->stages : OPEN_STAGES;
    if (stages & STAGE_BIT(cf->stage))
        return true;
    return berr_field(err, BERR_CONFLICT, "form", "%s tidak dapat dibuat pada tahap %s", f->title,
                      stage_label_of(cf->stage, casefile_handed_short(cf)));
}

/* A party is named as the case XML names it, pihak-N (N its id in the case): "12" is
 * refused saying so, not read as no party. */
static bool party_format(json_t *params, struct berr *err)
{
    const char *s = json_string_value(json_object_get(params, "party"));
    size_t n = s ? strlen(s) : 0;
    if (!s || (n > 6 && n < 26 && strncmp(s, "pihak-", 6) == 0 && s[6] != '0' &&
               strspn(s + 6, "0123456789") == n - 6))
        return true; /* absent or not text: params_of names it */
    if (n > 0 && n < 20 && strspn(s, "0123456789") == n)
        return berr_field(
            err, BERR_BAD_INPUT, "party",
            "party ditulis pihak-N (N nomor pihak di perkara ini): pihak-%s, bukan %s", s, s);
    return berr_field(err, BERR_BAD_INPUT, "party",
                      "party ditulis pihak-N (N nomor pihak di perkara ini, mis. pihak-12), bukan "
                      "'%.40s'",
                      s);
}

/* The params object (string members) as render key/values; the strings stay
 * owned by params. */
static bool params_of(const struct render_form_info *f, json_t *params, struct render_kv *kv,
                      size_t *n, struct berr *err)
{
    *n = 0;
    const char *key;
    json_t *v;
    json_object_foreach(params, key, v)
    {
        bool known = false;
        for (size_t i = 0; i < f->n_params; i++)
            if (strcmp(f->params[i].name, key) == 0)
                known = true;
        if (!known)
            return berr_field(err, BERR_BAD_INPUT, key, "%s tidak memakai parameter %.40s",
                              f->title, key);
        if (!json_is_string(v))
            return berr_field(err, BERR_BAD_INPUT, key, "parameter %.40s harus teks", key);
        if (*n == PARAMS_MAX)
            return berr_field(err, BERR_BAD_INPUT, "params", "terlalu banyak parameter");
        kv[*n].name = key;
        kv[*n].value = json_string_value(v);
        (*n)++;
    }
    if (!party_format(params, err))
        return false;
    for (size_t i = 0; i < f->n_params; i++)
        if (f->params[i].required && !json_object_get(params, f->params[i].name))
            return berr_field(err, BERR_BAD_INPUT, f->params[i].name, "%s perlu parameter %s (%s)",
                              f->title, f->params[i].name,
                              f->params[i].description ? f->params[i].description : "");
    return true;
}

static bool today(struct tx *tx, const struct casefile *cf, char out[CALDATE_DATE_LEN],
                  struct caldate *d, struct berr *err)
{
    long long now = 0;
    if (!store_db_now(tx, &now, err))
        return false;
    *d = caldate_local_date(now, cf->zone);
    caldate_format(*d, out, CALDATE_DATE_LEN);
    return true;
}

static bool params_extension(struct tx *tx, const struct casefile *cf, const char *form,
                             struct caldate day, json_t *params, struct berr *err);
static bool params_prosecutor(struct tx *tx, const struct casefile *cf, const char *form,
                              long long until, json_t *params, struct berr *err);

bool app_form_draft(struct app *app, const struct actor *who, long long case_id, const char *form,
                    json_t *params, unsigned char **pdf, size_t *len, struct audit_rec *au,
                    struct berr *err)
{
    au->action = "form.draft";
    au->object_type = "case";
    au->object_id = case_id;
    const struct render_form_info *f = find_form(app, form, err);
    if (!f || !role_issues(who, f, err))
        return false;
    struct render_kv kv[PARAMS_MAX];
    size_t nkv;
    struct tx tx; /* one snapshot: the draft's case document is of one instant */
    if (!tx_begin_read(&tx, app->db, who->user_id, err))
        return false;
    struct casefile cf;
    char *xml = NULL;
    size_t xml_len = 0;
    char date[CALDATE_DATE_LEN];
    struct caldate d;
    struct signer_buf signer;
    bool ok =
        casefile_load(&tx, who, case_id, false, &cf, err) && stage_allows(&cf, f, err) &&
        today(&tx, &cf, date, &d, err) && params_extension(&tx, &cf, f->name, d, params, err) &&
        params_prosecutor(&tx, &cf, f->name, 0, params, err) &&
        params_of(f, params, kv, &nkv, err) && signer_load_user(&tx, who->user_id, &signer, err) &&
        casexml_build(&tx, who, case_id, &xml, &xml_len, err);
    if (ok) {
        struct render_opts o = {
            .date = date, .issued = false, .signer = &signer.s, .params = kv, .n_params = nkv};
        ok = render_form(app_render(app), f->name, xml, xml_len, &o, pdf, len, NULL, err);
    }
    snprintf(au->detail, sizeof au->detail, "{\"form\":\"%s\"}", f->name);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    if (!ok && *pdf) {
        free(*pdf);
        *pdf = NULL;
    }
    tx_end(&tx);
    free(xml);
    if (cf.zone)
        casefile_free(&cf);
    return ok;
}

/* A short code to type from paper: 12 characters of Crockford's base32
 * (no I, L, O, U), 60 random bits. */
static void verify_code(char out[13])
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    unsigned char raw[12];
    randombytes_buf(raw, sizeof raw);
    for (int i = 0; i < 12; i++)
        out[i] = alphabet[raw[i] & 31];
    out[12] = '\0';
}

/* The next number of the ISSUING office's series (a Kejari numbers its
 * P-forms in its own series, by its own pattern). */
static bool next_number(struct tx *tx, long long office_id, const char *doc_type, const char *code,
                        struct caldate d, char *number, size_t numsz, struct berr *err)
{
    struct store_number n;
    if (!store_number_take(tx, office_id, doc_type, d.y, &n, err))
        return false;
    struct numfmt_vars v = {.seq = n.seq,
                            .year = d.y,
                            .month = d.m,
                            .office = n.office_code,
                            /* {type} prints the form's code (SP.SIDIK), not its file name */
                            .type = code && *code ? code : doc_type};
    const char *pattern = n.pattern[0] ? n.pattern : NUMFMT_DEFAULT;
    bool ok = numfmt_format(pattern, &v, number, numsz, err);
    store_number_free(&n);
    return ok;
}

/* ---- the act a document belongs to --------------------------------------------------- */

struct act_row {
    long long id;
    int seq;
    char type[48], date[CALDATE_DATE_LEN], number[161], bap[16], time[8];
    char appearance[CALDATE_DATE_LEN]; /* a summons: the day to appear it recorded, or "" */
    long long party_id, entered_by;
    int withdrawn_by; /* the seq of the correction that withdrew it, 0: it stands */
};

void forms_act_time(long long at, const struct tzone *zone, char out[8])
{
    char iso[CALDATE_INSTANT_LEN];
    out[0] = '\0';
    if (at >= 0 && caldate_format_instant(at, zone, iso, sizeof iso) && strlen(iso) >= 16)
        snprintf(out, 8, "%.5s", iso + 11);
}

/* Whether log index j is a correction standing for the act at index k (a correction of a
 * correction corrects the same act). */
static bool fixes_act(const struct casefile *cf, int j, int k)
{
    int r = j;
    while (r >= 0 && r < cf->nevents && cf->ev[r].event == EV_CORRECTED)
        r = cf->ev[r].ref;
    return cf->ev[j].event == EV_CORRECTED && r == k;
}

static struct actfix_row doc_act_row(const struct store_doc_act *r)
{
    return (struct actfix_row){.date = r->legal_date,
                               .has_at = r->legal_at >= 0,
                               .at = r->legal_at,
                               .number = r->doc_number,
                               .party = r->party_id,
                               .payload = r->payload};
}

/* A summons' day to appear, from its payload (as corrected), into a->appearance. */
static void payload_appearance(json_t *payload, struct act_row *a)
{
    const char *s = json_string_value(json_object_get(payload, "appearance"));
    snprintf(a->appearance, sizeof a->appearance, "%s", s ? s : "");
}

/* The act as its corrections left it (DOMAIN 12: a paper is its act's, as corrected; actfix.h:
 * what a correction leaves out - its number, party, the BAP's kind - stands as before it): the
 * last one's date and hour, the number and party last given; the act's own id, type and the
 * PPNS who did it stay.  A withdrawn act is left as recorded. */
static bool act_as_corrected(struct tx *tx, const struct casefile *cf, struct act_row *a,
                             const struct store_doc_act *r, struct berr *err)
{
    int k = casefile_event_index(cf, a->id), n = 0;
    for (int j = k < 0 ? cf->nevents : k + 1; j < cf->nevents; j++)
        n += fixes_act(cf, j, k);
    if (n == 0)
        return true;
    struct store_doc_act *c = calloc((size_t)n, sizeof *c);
    if (!c)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    struct actfix_row act = doc_act_row(r);
    struct actfix f;
    actfix_init(&f, &act);
    bool ok = true;
    for (int j = k + 1, i = 0; ok && j < cf->nevents; j++) {
        if (!fixes_act(cf, j, k))
            continue;
        ok = store_doc_act(tx, cf->id, cf->ev_id[j], &c[i], err);
        struct actfix_row row = doc_act_row(&c[i]);
        if (ok && c[i].found) {
            bool was = f.withdrawn;
            actfix_apply(&f, &row);
            if (f.withdrawn && !was)
                a->withdrawn_by = c[i].seq;
            else if (!f.withdrawn)
                a->withdrawn_by = 0; /* a withdrawal corrected: it stands again (actfix.h) */
        }
        i++;
    }
    if (ok && !f.withdrawn) {
        json_t *bap = json_object_get(f.payload, "bap");
        payload_appearance(f.payload, a);
        snprintf(a->date, sizeof a->date, "%s", f.date);
        snprintf(a->number, sizeof a->number, "%s", f.number);
        snprintf(a->bap, sizeof a->bap, "%s", json_is_string(bap) ? json_string_value(bap) : "");
        a->party_id = f.party;
        forms_act_time(f.has_at ? f.at : -1, cf->zone, a->time);
    }
    actfix_free(&f);
    for (int i = 0; i < n; i++)
        store_doc_act_free(&c[i]);
    free(c);
    return ok;
}

/* Event event_id of case_id as the document's act, as its corrections left it. */
static bool act_load(struct tx *tx, const struct casefile *cf, long long event_id,
                     struct act_row *a, struct berr *err)
{
    struct store_doc_act r;
    if (!store_doc_act(tx, cf->id, event_id, &r, err))
        return false;
    bool ok = r.found;
    if (ok) {
        memset(a, 0, sizeof *a);
        a->id = r.id;
        a->seq = r.seq;
        snprintf(a->type, sizeof a->type, "%s", r.type);
        snprintf(a->date, sizeof a->date, "%s", r.legal_date);
        snprintf(a->number, sizeof a->number, "%s", r.doc_number);
        snprintf(a->bap, sizeof a->bap, "%s", r.bap);
        a->party_id = r.party_id;
        a->entered_by = r.entered_by;
        forms_act_time(r.legal_at, cf->zone, a->time);
        json_t *payload = r.payload ? json_loads(r.payload, 0, NULL) : NULL;
        payload_appearance(payload, a);
        json_decref(payload);
        ok = act_as_corrected(tx, cf, a, &r, err);
    } else {
        berr_field(err, BERR_NOT_FOUND, "event", "peristiwa %lld tidak ada di perkara ini",
                   event_id);
    }
    store_doc_act_free(&r);
    return ok;
}

/* Whether act a is one that form records or orders. */
static bool act_fits(const struct form_rule *rule, const struct act_row *a)
{
    return rule && rule->act &&
           (strcmp(rule->act, a->type) == 0 ||
            (act2_of(rule) && strcmp(act2_of(rule), a->type) == 0)) &&
           (!rule->bap || strcmp(rule->bap, a->bap) == 0);
}

/* The latest act of the form's type (for the party asked, if any) that has
 * no document of this form yet: the act a form issued without "event" is
 * for.  None: 422 saying which act to record first. */
static bool act_pick(struct tx *tx, const struct casefile *cf, const struct form_rule *rule,
                     const struct render_form_info *f, json_t *params, long long *event_id,
                     struct berr *err)
{
    const char *party = json_string_value(json_object_get(params, "party"));
    long long pid = 0;
    if (party && strncmp(party, "pihak-", 6) == 0)
        pid = strtoll(party + 6, NULL, 10);
    long long second = 0;
    if (!store_doc_act_pick(tx, cf->id, rule->act, rule->bap ? rule->bap : "", pid, rule->form,
                            event_id, err) ||
        (act2_of(rule) &&
         !store_doc_act_pick(tx, cf->id, act2_of(rule), "", pid, rule->form, &second, err)))
        return false;
    if (second > *event_id) /* the later recorded of the two */
        *event_id = second;
    bool ok = *event_id != 0;
    enum event ev;
    const char *label = event_lookup(rule->act, &ev) ? event_label(ev) : rule->act;
    return ok || berr_field(err, BERR_UNPROCESSABLE, "event",
                            "%s dibuat untuk suatu tindakan: belum ada '%s' tanpa dokumen ini; "
                            "catat dulu tindakannya (berkas record %lld %s), lalu terbitkan "
                            "dengan --event",
                            f->title, label, cf->id, rule->act);
}

/* What an issue is about: the form, its act, its date and its signer. */
struct issue_ctx {
    const struct render_form_info *f;
    const struct form_rule *rule;
    struct act_row act;
    bool for_act;
    bool reports; /* a letter of its own day about act `act` (request_for_approval) */
    char date[CALDATE_DATE_LEN], act_id[40], regime[32];
    struct caldate d;
    bool late;
    char entered_on[CALDATE_DATE_LEN]; /* the day it is issued (late: printed) */
    struct signer_buf signer;
    const char *keep_number; /* a reissue: the number of the paper it replaces (or NULL) */
};

/* The own day of a letter of no act (a request to the Ketua PN, for an extension): the day it
 * was written - given as its parameter "dated" when it is entered after that day, so that a
 * file entered late does not carry a letter of the day it was typed in (DOMAIN 12: a paper
 * never takes the printing day) - no later than today, no earlier than the case's Laporan;
 * else today. */
static bool letter_day(const struct casefile *cf, const char *dated, struct caldate today,
                       struct issue_ctx *c, struct berr *err)
{
    struct caldate opened;
    c->d = today;
    if (dated && !caldate_parse(dated, &c->d))
        return berr_field(err, BERR_BAD_INPUT, "dated", "dated harus tanggal YYYY-MM-DD");
    if (caldate_cmp(c->d, today) > 0)
        return berr_field(err, BERR_BAD_INPUT, "dated", "tanggal surat %s belum tiba", dated);
    if (caldate_parse(cf->opened_on, &opened) && caldate_cmp(c->d, opened) < 0)
        return berr_field(err, BERR_UNPROCESSABLE, "dated",
                          "tanggal surat %s sebelum Laporan Kejadian perkara ini (%s)", dated,
                          cf->opened_on);
    caldate_format(c->d, c->date, sizeof c->date);
    return true;
}

/* Date, regime, lateness and signer of the document: its act's, else its own day's
 * (letter_day). */
static bool issue_when_who(struct tx *tx, const struct actor *who, const struct casefile *cf,
                           struct issue_ctx *c, json_t *params, struct berr *err)
{
    struct caldate today = caldate_local_date(cf->now, cf->zone);
    if (c->for_act) {
        snprintf(c->date, sizeof c->date, "%s", c->act.date);
        if (!caldate_parse(c->date, &c->d))
            return berr_set(err, BERR_INTERNAL, "tanggal tindakan tidak terbaca");
        snprintf(c->act_id, sizeof c->act_id, "peristiwa-%d", c->act.seq);
    } else if (!letter_day(cf, json_string_value(json_object_get(params, "dated")), today, c,
                           err)) {
        return false;
    }
    const struct ruleset *rs = ruleset_for_date(cf->rulesets, cf->nrulesets, c->d);
    if (!rs)
        return berr_field(err, BERR_BAD_INPUT, "date", "tidak ada aturan yang berlaku pada %s",
                          c->date);
    snprintf(c->regime, sizeof c->regime, "%s", rs->name);
    c->late = ruleset_late_entry(rs, c->d, today);
    caldate_format(today, c->entered_on, sizeof c->entered_on);
    long long office = who->role == ROLE_PROSECUTOR ? who->office_id : cf->office_id;
    /* a Berita Acara: the PPNS who did the act; a P-form: the jaksa who recorded it */
    long long by = c->for_act && c->act.entered_by ? c->act.entered_by : who->user_id;
    return signer_for(tx, c->f->name, office, by, c->date, &c->signer, err);
}

/* The act's number and its paper's are one: an act numbered outside berkas
 * has its paper uploaded, not issued again under another number. */
static bool number_is_ours(const struct issue_ctx *c, struct berr *err)
{
    if (!c->for_act || !c->rule->primary || !c->act.number[0])
        return true;
    return berr_field(err, BERR_CONFLICT, "event",
                      "tindakan ini sudah bernomor %s dari luar berkas: %s tidak diterbitkan "
                      "lagi dengan nomor lain; unggah dokumennya (berkas upload)",
                      c->act.number, c->f->title);
}

/* Whether form f takes parameter name. */
static bool form_takes(const struct render_form_info *f, const char *name)
{
    for (size_t i = 0; i < f->n_params; i++)
        if (strcmp(f->params[i].name, name) == 0)
            return true;
    return false;
}

/* A summons' paper states the day to appear its act recorded (KUHAP 112(1), 227(1): the
 * notice the law weighs is the act's): taken from the act when not given, refused (422) when
 * given otherwise. */
static bool params_appearance(const struct issue_ctx *c, json_t *params, struct berr *err)
{
    if (!c->for_act || !c->act.appearance[0] || !form_takes(c->f, "appear-date"))
        return true;
    const char *given = json_string_value(json_object_get(params, "appear-date"));
    if (!given) {
        json_object_set_new(params, "appear-date", json_string(c->act.appearance));
        return true;
    }
    if (strcmp(given, c->act.appearance) == 0)
        return true;
    return berr_field(err, BERR_UNPROCESSABLE, "appear-date",
                      "%s menyebut hari menghadap %s, panggilannya (peristiwa %d) mencatat %s: "
                      "surat menyatakan yang dicatat (koreksi tindakannya bila keliru)",
                      c->f->title, given, c->act.seq, c->act.appearance);
}

/* The request's $det-* values: berkas's, from the suspect's detention, never given. */
static const char *const extension_keys[] = {"det-to",     "det-ground",
                                             "det-period", "det-period-days",
                                             "det-start",  "det-end",
                                             "det-order",  "det-order-date",
                                             "det-ext",    "det-ext-date",
                                             "det-days",   "det-from",
                                             "det-until",  NULL};

static void set_date(json_t *params, const char *key, struct caldate d)
{
    char s[CALDATE_DATE_LEN];
    caldate_format(d, s, sizeof s);
    json_object_set_new(params, key, json_string(s));
}

static void set_int(json_t *params, const char *key, int n)
{
    char s[16];
    snprintf(s, sizeof s, "%d", n);
    json_object_set_new(params, key, json_string(s));
}

static void set_act(json_t *params, const char *key, const struct act_row *a)
{
    char s[40];
    snprintf(s, sizeof s, "peristiwa-%d", a->seq);
    json_object_set_new(params, key, json_string(s));
}

/* The days asked, when given: a whole number of days (0: not given). */
static bool param_days(json_t *params, int *days, struct berr *err)
{
    const char *s = json_string_value(json_object_get(params, "days"));
    size_t n = s ? strlen(s) : 0;
    *days = 0;
    if (!s)
        return true;
    long v = n >= 1 && n <= 3 && strspn(s, "0123456789") == n ? strtol(s, NULL, 10) : 0;
    if (v < 1)
        return berr_field(err, BERR_BAD_INPUT, "days",
                          "days harus jumlah hari (bilangan bulat 1 sampai 999)");
    *days = (int)v;
    return true;
}

/* What the request asks (extension.h) as its $det-* values: the order's and the extension's
 * acts by their ids in the case XML (whose nomor-dokumen is the act's one number, its paper's
 * or the one recorded with it) and their dates as corrected. */
static bool extension_into(struct tx *tx, const struct casefile *cf, const struct ext_ask *a,
                           json_t *params, struct berr *err)
{
    struct act_row order, ext;
    if (!act_load(tx, cf, a->order_event, &order, err) ||
        (a->ext_event && !act_load(tx, cf, a->ext_event, &ext, err)))
        return false;
    json_object_set_new(params, "det-to", json_string(a->to_court ? "pn" : "kejari"));
    if (a->to_court)
        json_object_set_new(params, "det-ground", json_stringn(&a->ground, 1));
    json_object_set_new(params, "det-period", json_string(det_period_code(a->period)));
    set_int(params, "det-period-days", a->period_days);
    set_date(params, "det-start", a->start);
    set_date(params, "det-end", a->end);
    set_act(params, "det-order", &order);
    json_object_set_new(params, "det-order-date", json_string(order.date));
    if (a->ext_event) {
        set_act(params, "det-ext", &ext);
        json_object_set_new(params, "det-ext-date", json_string(ext.date));
    }
    set_int(params, "det-days", a->days);
    set_date(params, "det-from", a->from);
    set_date(params, "det-until", a->until);
    return true;
}

/* The Surat Permintaan Perpanjangan Penahanan states the suspect's detention as it stands
 * on the letter's own day and asks what the law gives next (extension.h); refused, nothing
 * issued, when nothing may be asked that day. */
static bool params_extension(struct tx *tx, const struct casefile *cf, const char *form,
                             struct caldate day, json_t *params, struct berr *err)
{
    if (strcmp(form, "permintaan_perpanjangan") != 0)
        return true;
    for (const char *const *k = extension_keys; *k; k++)
        if (json_object_get(params, *k))
            return berr_field(err, BERR_BAD_INPUT, *k,
                              "parameter %s dihitung berkas dari penahanan tersangka, tidak "
                              "diberikan",
                              *k);
    const char *party = json_string_value(json_object_get(params, "party"));
    int days = 0;
    if (!party)
        return true; /* params_of names it */
    if (!party_format(params, err))
        return false;
    int s = casefile_suspect_index(cf, strtoll(party + 6, NULL, 10));
    if (s < 0)
        return berr_field(err, BERR_UNPROCESSABLE, "party",
                          "%s bukan tersangka perkara ini: perpanjangan penahanan diminta untuk "
                          "tersangka yang ditahan",
                          party);
    const char *illness = json_string_value(json_object_get(params, "illness"));
    struct ext_ask a;
    return param_days(params, &days, err) &&
           extension_ask(cf, s, day, days, illness && *illness, &a, err) &&
           extension_into(tx, cf, &a, params, err);
}

/* The Berita Acara Perpanjangan Penahanan states what the extension it is issued for granted
 * (extension.h extension_granted: the detention machine's new period, not the template's
 * arithmetic) as its $det-* values: the SP Penahanan's act by its id in the case XML and its
 * date as corrected, the days, the new period's first and last day; never given (400). */
static bool params_extended(struct tx *tx, const struct casefile *cf, const struct issue_ctx *c,
                            json_t *params, struct berr *err)
{
    if (strcmp(c->f->name, "ba_perpanjangan_penahanan") != 0)
        return true;
    for (const char *const *k = extension_keys; *k; k++)
        if (json_object_get(params, *k))
            return berr_field(err, BERR_BAD_INPUT, *k,
                              "parameter %s dihitung berkas dari penahanan tersangka, tidak "
                              "diberikan",
                              *k);
    struct ext_granted g;
    struct act_row order;
    if (!c->for_act || !extension_granted(cf, c->act.id, &g, err) ||
        !act_load(tx, cf, g.order_event, &order, err))
        return !c->for_act;
    json_object_set_new(params, "det-to", json_string(g.court ? "pn" : "kejari"));
    json_object_set_new(params, "det-period", json_string(det_period_code(g.period)));
    set_act(params, "det-order", &order);
    json_object_set_new(params, "det-order-date", json_string(order.date));
    set_int(params, "det-days", g.days);
    set_date(params, "det-from", g.from);
    set_date(params, "det-until", g.until);
    return true;
}

/* If the form names a party and the act has one, the act's party. */
static void params_from_act(const struct issue_ctx *c, json_t *params)
{
    if (!c->for_act || !c->act.party_id || json_object_get(params, "party") ||
        !form_takes(c->f, "party"))
        return;
    char buf[40];
    snprintf(buf, sizeof buf, "pihak-%lld", c->act.party_id);
    json_object_set_new(params, "party", json_string(buf));
}

/* The jaksa who receives the suspect and evidence at Tahap II (KUHAP 8(3)
 * huruf b): the one the Kejari appointed to the case by its latest P-16
 * before the hand-over (act `until`; 0: a draft before it, the whole log)
 * (DOMAIN.md 6: the jaksa peneliti; the P-16's "jaksa", its recorder when it
 * names none), else the jaksa who recorded, and so signed, the last P-21 or
 * P-21A; 0 when neither (the file only deemed complete). */
static long long receiving_jaksa(struct tx *tx, const struct casefile *cf, long long until,
                                 struct berr *err)
{
    long long p16 = 0, p21 = 0, named = 0;
    struct case_event e;
    for (int i = 0; i < cf->nevents && (!until || cf->ev_id[i] != until); i++) {
        if (!evlog_effective(cf->ev, cf->nevents, i, &e))
            continue;
        if (e.event == EV_P16_RECEIVED) {
            json_t *j = json_object_get(cf->ev_payload[i], "jaksa");
            p16 = cf->ev_id[i];
            named = json_is_integer(j) ? (long long)json_integer_value(j) : 0;
        } else if (e.event == EV_P21_RECEIVED || e.event == EV_P21A_RECEIVED) {
            p21 = cf->ev_id[i];
        }
    }
    if (named)
        return named;
    struct act_row a;
    long long act = p16 ? p16 : p21;
    if (!act || !act_load(tx, cf, act, &a, err))
        return 0;
    return a.entered_by;
}

/* The Penuntut Umum who receives (receiving_jaksa) as the users table has
 * him, name, NIP, pangkat and golongan, into the params of a BA Tahap II
 * issued for its act `until` or drafted before it (0: the investigator
 * prepares the paper he takes to the Kejari; play3 #14: the draft had
 * dotted lines, so he typed the jaksa the P-16 names); nothing when the
 * params name one already (the issuer's choice) or there is none. */
static bool params_prosecutor(struct tx *tx, const struct casefile *cf, const char *form,
                              long long until, json_t *params, struct berr *err)
{
    if (strcmp(form, "ba_tahap2") != 0 || json_object_get(params, "prosecutor"))
        return true;
    long long jaksa = receiving_jaksa(tx, cf, until, err);
    struct signer_buf b;
    if (!jaksa)
        return err->kind == BERR_NONE;
    if (!signer_load_user(tx, jaksa, &b, err))
        return false;
    json_object_set_new(params, "prosecutor", json_string(b.name));
    json_object_set_new(params, "prosecutor-nip", json_string(b.nip));
    if (b.rank[0])
        json_object_set_new(params, "prosecutor-rank", json_string(b.rank));
    if (b.grade[0])
        json_object_set_new(params, "prosecutor-grade", json_string(b.grade));
    return true;
}

/* The head of office who acknowledges ("Mengetahui") a Laporan Keimigrasian:
 * the office's kepala_kantor in force on its date, as the officials'
 * register has him (name, NIP, pangkat, golongan, Plh./Plt.), into params;
 * nothing when none is registered (dotted lines for the hand) or the
 * params name one already. */
static bool params_acknowledger(struct tx *tx, const struct casefile *cf, const struct issue_ctx *c,
                                json_t *params, struct berr *err)
{
    if (!c->for_act || strcmp(c->f->name, "laporan_kejadian") != 0 ||
        json_object_get(params, "head-name"))
        return true;
    struct signer_buf b;
    bool found = false;
    /* the act's date: the paper's own, set later by issue_when_who */
    if (!signer_official_on(tx, cf->office_id, "kepala_kantor", c->act.date, &b, &found, err))
        return false;
    if (!found)
        return true;
    json_object_set_new(params, "head-name", json_string(b.name));
    json_object_set_new(params, "head-nip", json_string(b.nip));
    json_object_set_new(params, "head-rank", json_string(b.rank));
    json_object_set_new(params, "head-grade", json_string(b.grade));
    json_object_set_new(params, "head-acting", json_string(b.acting));
    return true;
}

static bool document_insert(struct tx *tx, const struct actor *who, long long case_id,
                            const struct issue_ctx *c, const char *number, json_t *params,
                            const char *xml, const unsigned char *pdf, size_t pdf_len,
                            const char *sha, int pages, const char *code, long long *doc_id,
                            struct berr *err)
{
    char *params_text = json_dumps(params, JSON_COMPACT | JSON_SORT_KEYS);
    json_t *sj = signer_json(&c->signer);
    char *signer_text = json_dumps(sj, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(sj);
    struct store_document_new row = {.case_id = case_id,
                                     .issued_by = who->user_id,
                                     .office_id = who->office_id,
                                     .event_id = c->for_act || c->reports ? c->act.id : 0,
                                     .form = c->f->name,
                                     .title = c->f->title,
                                     .number = number,
                                     .issued_on = c->date,
                                     .params = params_text ? params_text : "{}",
                                     .case_xml = xml,
                                     .signer = signer_text ? signer_text : "{}",
                                     .pdf = pdf,
                                     .pdf_len = pdf_len,
                                     .sha256_hex = sha,
                                     .verify_code = code,
                                     .regime = c->regime,
                                     .pages = pages,
                                     .late = c->late,
                                     .act_number = c->for_act && c->rule->primary};
    bool ok = store_document_insert(tx, &row, doc_id, err);
    free(params_text);
    free(signer_text);
    if (!ok && err->kind == BERR_CONFLICT)
        berr_field(err, BERR_CONFLICT, "event", "%s untuk tindakan ini sudah diterbitkan",
                   c->f->title);
    return ok;
}

/* The SPDP is one letter, to the Penuntut Umum (KUHAP 109(1) jo. MK 130/PUU-XIII/2015; DOMAIN
 * 4.4), its copies to Korwas, the reporter, the suspect, his family or his embassy (Permenkumham
 * 39/2021 Pasal 27) carry the same number: the paper is issued for the act that sent it to the
 * Kejari (as it stands, corrected), never for the delivery of a copy - that would be a second
 * SPDP with a number of its own, addressed to the Kejari on the day of the copy.  The cover
 * letter of the copy to Korwas PPNS (Pasal 27(2)) goes with the act that sent that copy, or with
 * the SPDP to the PU it accompanies - not with the copy to the embassy, the suspect, his family
 * or the reporter (found in acceptance: issued for the embassy's copy, it told Korwas of a
 * letter sent elsewhere).  409 else, naming what to issue. */
static bool spdp_paper_fits(const struct casefile *cf, const struct issue_ctx *c, struct berr *err)
{
    bool pu = strcmp(c->rule->form, "spdp") == 0;
    if (!pu && strcmp(c->rule->form, "pengantar_spdp_korwas") != 0)
        return true;
    int k = casefile_event_index(cf, c->act.id);
    struct case_event e;
    if (k < 0 || !evlog_effective(cf->ev, cf->nevents, k, &e))
        return true;
    if (!pu && evlog_spdp_to_pu(&e)) {
        /* with the PU's SPDP only while no copy to Korwas is recorded: that copy's act takes
         * the one letter (two would tell Korwas twice under two numbers) */
        struct case_event x;
        for (int i = 0; i < cf->nevents; i++)
            if (evlog_effective(cf->ev, cf->nevents, i, &x) && x.event == EV_SPDP_SENT &&
                x.notice == NOTICE_SPDP_KORWAS)
                return berr_field(err, BERR_CONFLICT, "event",
                                  "%s diterbitkan untuk tembusan SPDP kepada Korwas PPNS yang "
                                  "dicatat (peristiwa %lld), bukan untuk SPDP kepada Penuntut "
                                  "Umum",
                                  c->f->title, cf->ev_id[i]);
        return true;
    }
    if (evlog_spdp_to_pu(&e) || (!pu && e.event == EV_SPDP_SENT && e.notice == NOTICE_SPDP_KORWAS))
        return true;
    if (pu)
        return berr_field(err, BERR_CONFLICT, "event",
                          "SPDP diterbitkan untuk pengirimannya kepada Penuntut Umum (recipient "
                          "kejari, KUHAP 109(1)); tindakan ini (peristiwa %d) mencatat "
                          "tembusannya, yang memuat SPDP yang sama dengan nomornya: terbitkan "
                          "SPDP dengan --event tindakan spdp_sent kepada kejari",
                          c->act.seq);
    return berr_field(err, BERR_CONFLICT, "event",
                      "%s diterbitkan untuk pengiriman SPDP kepada Korwas PPNS (recipient "
                      "korwas, Permenkumham 39/2021 Pasal 27(2)) atau kepada Penuntut Umum yang "
                      "disertainya (recipient kejari); tindakan ini (peristiwa %d) mengirim "
                      "tembusan SPDP kepada penerima lain: terbitkan untuk salah satu tindakan "
                      "itu",
                      c->f->title, c->act.seq);
}

/* A release's papers are its custody's (core/relground.h; DOMAIN 4.7-4.8, 7.1): a suspect let
 * go from an arrest not followed by detention has the Surat Perintah and Berita Acara Pelepasan
 * Tersangka, citing the SP Penangkapan; one released from detention those of Pengeluaran
 * Tahanan, citing the SP Penahanan - either custody's paper of the other would name an order
 * he was never held on.  The custody is the log's on the release's day (app/release.h, the
 * release itself left out); none known (a log that cannot say): as asked.  409 else, naming
 * the papers to issue. */
static bool release_paper_fits(const struct casefile *cf, const struct issue_ctx *c,
                               struct berr *err)
{
    if (strcmp(c->rule->act, "released") != 0)
        return true;
    int k = casefile_event_index(cf, c->act.id);
    struct case_event e;
    if (k < 0 || !evlog_effective(cf->ev, cf->nevents, k, &e))
        return true;
    unsigned custody = release_custody_on(cf, e.suspect, evlog_date(&e, cf->zone), k);
    bool of_arrest = strstr(c->rule->form, "pelepasan") != NULL;
    if (!custody || (custody == RELC_ARREST) == of_arrest)
        return true;
    if (custody == RELC_ARREST)
        return berr_field(err, BERR_CONFLICT, "event",
                          "%s tidak diterbitkan: tersangka dilepaskan dari penangkapan "
                          "(peristiwa %d) dan tidak ditahan menurut catatan perkara (KUHAP "
                          "19(1)); terbitkan Surat Perintah Pelepasan Tersangka (sp_pelepasan) "
                          "dan Berita Acara Pelepasan Tersangka (ba_pelepasan)",
                          c->f->title, c->act.seq);
    return berr_field(err, BERR_CONFLICT, "event",
                      "%s tidak diterbitkan: tersangka dikeluarkan dari tahanan (peristiwa %d) "
                      "menurut catatan perkara (KUHAP 24); terbitkan Surat Perintah Pengeluaran "
                      "Tahanan (sp_pengeluaran_tahanan) dan Berita Acara Pengeluaran Tahanan "
                      "(ba_pengeluaran_tahanan)",
                      c->f->title, c->act.seq);
}

/* The papers of a seizure (its order, its Berita Acara, the wrapping's: KUHAP 38, 75, 129(2),
 * 130(1)) list what THAT act took - the items naming it (store_evidence_in.seizure_event), not
 * the case's other seizures'.  None linked: 422 saying how to link them, nothing issued
 * (printed, the paper would state an empty list or a foreign one). */
static bool seizure_took_items(struct tx *tx, const struct casefile *cf, const struct issue_ctx *c,
                               struct berr *err)
{
    if (strcmp(c->rule->act, "seizure_done") != 0)
        return true;
    long long n = 0;
    if (!store_evidence_of_act(tx, cf->id, c->act.id, &n, err))
        return false;
    return n > 0 ||
           berr_field(err, BERR_UNPROCESSABLE, "seizure_event",
                      "%s tidak diterbitkan: belum ada barang bukti yang dicatat disita dalam "
                      "penyitaan ini (peristiwa %d); tautkan barang bukti yang diambil dalam "
                      "penyitaan ini kepadanya (barang bukti dengan seizure_event %lld), lalu "
                      "terbitkan lagi",
                      c->f->title, c->act.seq, c->act.id);
}

/* The act a document is issued for (c->for_act): picked when event_id is 0,
 * of the form's type, its number not given outside, its content complete;
 * params gain its party.  Whatever the stage now, a TAK or a dismissal
 * included: the act was done and its paper is its own, dated by it
 * (DOMAIN.md 12; 4.16, the criminal track's papers stay linked).  A form
 * of no act: the stage allows it. */
static bool issue_act(struct tx *tx, const struct casefile *cf, struct issue_ctx *c, json_t *params,
                      long long event_id, struct berr *err)
{
    if (!c->for_act)
        return stage_allows(cf, c->f, err);
    bool ok = (event_id || act_pick(tx, cf, c->rule, c->f, params, &event_id, err)) &&
              act_load(tx, cf, event_id, &c->act, err);
    /* the log says a withdrawn act never stood: no paper is its (stale.h) */
    if (ok && c->act.withdrawn_by)
        ok = berr_field(err, BERR_UNPROCESSABLE, "event",
                        "%s tidak diterbitkan: tindakannya (peristiwa %d) sudah ditarik dengan "
                        "koreksi peristiwa %d, tidak ada tindakan untuk diterbitkan dokumennya; "
                        "dokumen yang sudah terbit untuknya dicabut saja",
                        c->f->title, c->act.seq, c->act.withdrawn_by);
    if (ok && !act_fits(c->rule, &c->act))
        ok = berr_field(err, BERR_CONFLICT, "event", "%s bukan dokumen tindakan %s", c->f->title,
                        c->act.type);
    ok = ok && spdp_paper_fits(cf, c, err) && release_paper_fits(cf, c, err) &&
         seizure_took_items(tx, cf, c, err);
    ok = ok && number_is_ours(c, err);
    /* a BAP or a Resume says something before it is issued */
    ok = ok && contents_issuable(tx, cf, c->act.id, c->f->name, err);
    if (ok)
        params_from_act(c, params);
    return ok && params_appearance(c, params, err) &&
           params_prosecutor(tx, cf, c->f->name, c->act.id, params, err) &&
           params_acknowledger(tx, cf, c, params, err) && params_extended(tx, cf, c, params, err);
}

/* The document's number: the case's number is its Laporan's (casework.c
 * numbers the case from the office's LK series when the report is
 * registered): one number; any other the next of the office's series. */
static bool issue_number(struct tx *tx, const struct actor *who, const struct casefile *cf,
                         const struct issue_ctx *c, char *number, size_t numsz, struct berr *err)
{
    if (c->for_act && strcmp(c->act.type, "report_registered") == 0) {
        snprintf(number, numsz, "%s", cf->number);
        return true;
    }
    /* a paper issued again for its act keeps the act's number: the Sprindik done as
     * SP.SIDIK/7 stays /7 on its corrected paper, as the SPDP and every BA citing it say */
    if (c->for_act && c->rule->primary && c->keep_number && c->keep_number[0]) {
        snprintf(number, numsz, "%s", c->keep_number);
        return true;
    }
    return next_number(tx, who->office_id, c->f->name, c->f->code, c->d, number, numsz, err);
}

/* What the issue answers: the document as stored. */
static json_t *issue_json(long long doc_id, long long case_id, const struct issue_ctx *c,
                          const char *number, const char *code, const char *url, const char *sha,
                          int pages)
{
    json_t *doc = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:b, s:s, s:s}",
                            "id", (json_int_t)doc_id, "case_id", (json_int_t)case_id, "form",
                            c->f->name, "title", c->f->title, "number", number, "issued_on",
                            c->date, "verify_code", code, "verify_url", url, "sha256", sha, "pages",
                            pages, "late", c->late, "regime", c->regime, "signer", c->signer.name);
    if (doc && c->for_act)
        json_object_set_new(doc, "event_id", json_integer(c->act.id));
    return doc;
}

static const struct form_rule *primary_of(const char *type, const char *bap);

/* A paper of an act that cites the act's own order by its one number (a Berita Acara states
 * the Surat Perintah it executes: KUHAP 75, 18(1), 21(2), 33, 38) is refused while the order
 * has none (the template's field, 422); the refusal says how to give it one: issue the order
 * first, or record the number it was given outside berkas.  Returns false. */
static bool order_first(struct app *app, const struct issue_ctx *c, struct berr *err)
{
    const struct form_rule *p = !c->for_act || c->rule->primary ? NULL
                                : strcmp(c->rule->form, "ba_pelepasan") == 0
                                    ? rule_of("sp_pelepasan")
                                    : primary_of(c->act.type, c->act.bap);
    const struct render_form_info *o =
        p && app_render(app) ? render_form_find(app_render(app), p->form) : NULL;
    char want[200];
    if (!o || err->kind != BERR_UNPROCESSABLE)
        return false;
    snprintf(want, sizeof want, "nomor %s", o->title);
    size_t n = strlen(err->message);
    if (strstr(err->message, want) && n + 1 < sizeof err->message)
        snprintf(err->message + n, sizeof err->message - n,
                 "; terbitkan dahulu %s untuk tindakannya (peristiwa %d), atau catat nomornya "
                 "bila terbit di luar berkas (koreksi tindakannya dengan number)",
                 o->title, c->act.seq);
    return false;
}

/* The request to the Ketua PN (permohonan_izin_pn) for his approval of an urgent search or
 * seizure already done (KUHAP 34(2), 38(2); DOMAIN 4.9, D8) reports that act: it names it
 * (event: a standing search_done or seizure_done of the case done in urgency), is dated on or
 * after it, and its paper is of that act (the document's event; a correction of the act makes
 * it stale) while it stays a letter of its own day.  Its kind (persetujuan), its action (the
 * act's purpose) and its object (the act's scene) come from the act when not given; a
 * persetujuan asked of no act, an izin asked of an act already done, another action, or an act
 * not done in urgency are refused (422 naming the field), nothing issued (play3 #19: the letter
 * said neither that the search was done, nor when, nor why it was urgent). */
static bool request_for_approval(struct tx *tx, const struct casefile *cf, struct issue_ctx *c,
                                 json_t *params, long long event_id, struct berr *err)
{
    if (strcmp(c->f->name, "permohonan_izin_pn") != 0)
        return true;
    const char *kind = json_string_value(json_object_get(params, "kind"));
    if (!event_id)
        return !kind || strcmp(kind, "persetujuan") != 0 ||
               berr_field(err, BERR_UNPROCESSABLE, "event",
                          "permohonan persetujuan melaporkan penggeledahan atau penyitaan mendesak "
                          "yang sudah dilakukan (KUHAP 34 ayat (2), 38 ayat (2)): sebutkan "
                          "tindakannya (event)");
    int i = casefile_event_index(cf, event_id);
    struct case_event e;
    if (i < 0 || cf->ev[i].event == EV_CORRECTED || !evlog_effective(cf->ev, cf->nevents, i, &e) ||
        (e.event != EV_SEARCH_DONE && e.event != EV_SEIZURE_DONE))
        return berr_field(err, BERR_UNPROCESSABLE, "event",
                          "peristiwa %lld bukan penggeledahan atau penyitaan perkara ini yang "
                          "berlaku",
                          event_id);
    const char *purpose = permit_purpose(e.event);
    const char *action = json_string_value(json_object_get(params, "action"));
    if (!e.urgent || (kind && strcmp(kind, "persetujuan") != 0))
        return berr_field(err, BERR_UNPROCESSABLE, e.urgent ? "kind" : "event",
                          "%s (peristiwa %lld) %s: yang dimohonkan sesudahnya hanya persetujuan "
                          "atas tindakan mendesak; izin dimohonkan sebelum tindakan, tanpa event",
                          purpose, event_id,
                          e.urgent ? "sudah dilakukan" : "dilakukan dengan izin, bukan mendesak");
    if (action && strcmp(action, purpose) != 0)
        return berr_field(err, BERR_UNPROCESSABLE, "action", "peristiwa %lld adalah %s, bukan %s",
                          event_id, purpose, action);
    struct caldate done = evlog_date(&e, cf->zone);
    if (caldate_cmp(c->d, done) < 0)
        return berr_field(err, BERR_UNPROCESSABLE, "dated",
                          "surat bertanggal %s, sebelum %s yang dilaporkannya (%d %s %d)", c->date,
                          purpose, done.d, caldate_month_name(done.m), done.y);
    if (!act_load(tx, cf, event_id, &c->act, err))
        return false;
    json_object_set_new(params, "kind", json_string("persetujuan"));
    json_object_set_new(params, "action", json_string(purpose));
    /* no object copied from the act: the template reads the place or the things as the act
     * stands (a copy kept the place first recorded, then reprinted by a reissue: review2 F9) */
    c->reports = true;
    snprintf(c->act_id, sizeof c->act_id, "peristiwa-%d", c->act.seq);
    return true;
}

static bool issue_tx(struct app *app, struct tx *tx, const struct actor *who, long long case_id,
                     long long event_id, const char *form, json_t *params, const char *keep_number,
                     json_t **doc, struct berr *err)
{
    *doc = NULL;
    struct issue_ctx c = {.keep_number = keep_number};
    c.f = find_form(app, form, err);
    if (!c.f || !role_issues(who, c.f, err))
        return false;
    c.rule = rule_of(c.f->name);
    if (event_id && !(c.rule && c.rule->act) && strcmp(c.f->name, "permohonan_izin_pn") != 0)
        return berr_field(err, BERR_BAD_INPUT, "event", "%s tidak dibuat untuk suatu tindakan",
                          c.f->title);
    struct casefile cf = {0};
    char *xml = NULL;
    size_t xml_len = 0;
    unsigned char *pdf = NULL;
    size_t pdf_len = 0;
    int pages = 0;
    char number[160], code[13], url[320], sha[65];
    struct render_kv kv[PARAMS_MAX];
    size_t nkv = 0;
    bool ok = casefile_load(tx, who, case_id, true, &cf, err);
    c.for_act = ok && c.rule && c.rule->act;
    ok = ok && issue_act(tx, &cf, &c, params, event_id, err) &&
         issue_when_who(tx, who, &cf, &c, params, err) &&
         request_for_approval(tx, &cf, &c, params, event_id, err) &&
         params_extension(tx, &cf, c.f->name, c.d, params, err) &&
         params_of(c.f, params, kv, &nkv, err) &&
         casexml_build(tx, who, case_id, &xml, &xml_len, err) &&
         issue_number(tx, who, &cf, &c, number, sizeof number, err);
    if (ok) {
        verify_code(code);
        snprintf(url, sizeof url, "%s/verify/%s", app->public_url, code);
        struct render_opts o = {.date = c.date,
                                .issued = true,
                                .number = number,
                                .verify_code = code,
                                .verify_url = url,
                                .signer = &c.signer.s,
                                .params = kv,
                                .n_params = nkv,
                                .act = c.act_id,
                                .act_time = c.act.time,
                                .late = c.late,
                                .entered_on = c.entered_on};
        ok = render_form(app_render(app), c.f->name, xml, xml_len, &o, &pdf, &pdf_len, &pages,
                         err) ||
             order_first(app, &c, err);
    }
    long long doc_id = 0;
    if (ok) {
        unsigned char h[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(h, pdf, pdf_len);
        sodium_bin2hex(sha, sizeof sha, h, sizeof h);
        ok = document_insert(tx, who, case_id, &c, number, params, xml, pdf, pdf_len, sha, pages,
                             code, &doc_id, err);
    }
    if (ok)
        *doc = issue_json(doc_id, case_id, &c, number, code, url, sha, pages);
    free(pdf);
    free(xml);
    casefile_free(&cf);
    return ok;
}

bool forms_issue_tx(struct app *app, struct tx *tx, const struct actor *who, long long case_id,
                    long long event_id, const char *form, json_t *params, json_t **doc,
                    struct berr *err)
{
    return issue_tx(app, tx, who, case_id, event_id, form, params, NULL, doc, err);
}

bool forms_reissue_tx(struct app *app, struct tx *tx, const struct actor *who, long long case_id,
                      long long event_id, const char *form, json_t *params, const char *act_number,
                      json_t **doc, struct berr *err)
{
    return issue_tx(app, tx, who, case_id, event_id, form, params, act_number, doc, err);
}

bool app_form_issue(struct app *app, const struct actor *who, long long case_id, const char *form,
                    long long event_id, json_t *params, json_t **doc, struct audit_rec *au,
                    struct berr *err)
{
    au->action = "form.issue";
    au->object_type = "case";
    au->object_id = case_id;
    *doc = NULL;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    bool ok = forms_issue_tx(app, &tx, who, case_id, event_id, form, params, doc, err);
    if (ok) {
        snprintf(au->detail, sizeof au->detail,
                 "{\"form\":\"%.40s\",\"document\":%lld,\"sha256\":\"%s\"}", form,
                 (long long)json_integer_value(json_object_get(*doc, "id")),
                 json_string_value(json_object_get(*doc, "sha256")));
        ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    }
    if (!ok) {
        json_decref(*doc);
        *doc = NULL;
    }
    tx_end(&tx); /* a failed render or insert rolls the number back */
    return ok;
}

/* One issued document as the list shows it. */
static json_t *document_json(const struct store_document *d)
{
    return json_pack(
        "{s:I, s:s, s:s, s:s, s:s, s:i, s:s, s:s, s:o, s:b, s:o, s:o, s:b}", "id",
        (json_int_t)d->id, "form", d->form, "title", d->title, "number", d->number, "issued_on",
        d->issued_on, "pages", d->pages, "sha256", d->sha256_hex, "verify_code", d->verify_code,
        "event_id", d->event_id ? json_integer(d->event_id) : json_null(), "late", d->late,
        "regime", d->regime ? json_string(d->regime) : json_null(), "signer",
        d->signer_name ? json_string(d->signer_name) : json_null(), "revoked", d->revoked);
}

/* One upload as the list shows it, with its act or document. */
static json_t *upload_json(const struct store_upload_row *u)
{
    return json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:I, s:s}", "id", (json_int_t)u->id,
                     "title", u->title, "number", u->number, "dated",
                     u->dated ? json_string(u->dated) : json_null(), "event_id",
                     u->event_id ? json_integer(u->event_id) : json_null(), "document_id",
                     u->document_id ? json_integer(u->document_id) : json_null(), "pages",
                     u->pages ? json_integer(u->pages) : json_null(), "size", (json_int_t)u->size,
                     "sha256", u->sha256_hex);
}

/* The case's documents (the result) and its uploads (*uploads); NULL with
 * err set when they cannot be read. */
static json_t *documents_json(struct tx *tx, long long case_id, json_t **uploads, struct berr *err)
{
    struct store_documents docs;
    struct store_upload_rows ups;
    *uploads = NULL;
    if (!store_documents_of_case(tx, case_id, &docs, err))
        return NULL;
    /* and the papers from outside, each with its act or document */
    if (!store_upload_rows_of_case(tx, case_id, &ups, err)) {
        store_documents_free(&docs);
        return NULL;
    }
    json_t *items = json_array();
    for (int i = 0; i < docs.n; i++)
        json_array_append_new(items, document_json(&docs.items[i]));
    *uploads = json_array();
    for (int i = 0; i < ups.n; i++)
        json_array_append_new(*uploads, upload_json(&ups.items[i]));
    store_documents_free(&docs);
    store_upload_rows_free(&ups);
    return items;
}

json_t *app_documents_list(struct app *app, const struct actor *who, long long case_id,
                           struct audit_rec *au, struct berr *err)
{
    au->action = "case.read";
    au->object_type = "case";
    au->object_id = case_id;
    snprintf(au->detail, sizeof au->detail, "{\"part\":\"documents\"}");
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    struct casefile cf;
    json_t *items = NULL, *uploads = NULL;
    if (casefile_load(&tx, who, case_id, false, &cf, err)) {
        items = documents_json(&tx, case_id, &uploads, err);
        if (items) {
            if (!audit_ok(&tx, who, au, err) || !tx_commit(&tx, err)) {
                json_decref(items);
                items = NULL;
            }
        }
        casefile_free(&cf);
    }
    tx_end(&tx);
    if (!items)
        json_decref(uploads);
    return items ? json_pack("{s:I, s:o, s:o}", "case_id", (json_int_t)case_id, "items", items,
                             "uploads", uploads)
                 : NULL;
}

bool app_document_pdf(struct app *app, const struct actor *who, long long doc_id,
                      unsigned char **pdf, size_t *len, struct audit_rec *au, struct berr *err)
{
    au->action = "document.read";
    au->object_type = "document";
    au->object_id = doc_id;
    *pdf = NULL;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    bool found = false;
    bool ok = store_document_pdf(&tx, doc_id, pdf, len, &found, err) &&
              (found || berr_set(err, BERR_NOT_FOUND, "dokumen %lld tidak ditemukan", doc_id));
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    if (!ok) {
        free(*pdf);
        *pdf = NULL;
    }
    return ok;
}

json_t *app_verify_document(struct app *app, const char *code, struct berr *err)
{
    size_t n = strlen(code);
    if (n != 12 || strspn(code, "0123456789ABCDEFGHJKMNPQRSTVWXYZ") != n) {
        berr_set(err, BERR_NOT_FOUND, "kode verifikasi tidak dikenal");
        return NULL;
    }
    struct tx tx;
    if (!tx_begin(&tx, app->db, 0, err))
        return NULL;
    struct store_verified v;
    tx_last(&tx); /* the one read commits with it: no ROLLBACK of its own */
    bool ok = store_document_verify(&tx, code, &v, err);
    tx_end(&tx);
    if (!ok)
        return NULL;
    json_t *j = NULL;
    if (v.found)
        j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:b, s:b, s:s, s:b}", "code", code, "title",
                      v.title, "number", v.number, "issued_on", v.issued_on, "office", v.office,
                      "genuine", 1, "revoked", v.revoked, "entered_on", v.entered_on, "late",
                      v.late);
    else
        berr_set(err, BERR_NOT_FOUND, "kode verifikasi tidak dikenal");
    store_verified_free(&v);
    return j;
}

/* The missing list in one line: its entries joined by "; ". */
void forms_missing_line(json_t *miss, char *out, size_t size)
{
    size_t i, n = 0;
    json_t *v;
    out[0] = '\0';
    json_array_foreach(miss, i, v)
    {
        int w = snprintf(out + n, size - n, "%s%s", i ? "; " : "", json_string_value(v));
        if (w < 0 || (size_t)w >= size - n)
            break;
        n += (size_t)w;
    }
}

/* The message of a refusal for missing documents: what and how. */
static bool missing_problem(json_t *miss, long long case_id, struct berr *err)
{
    char names[1600];
    forms_missing_line(miss, names, sizeof names);
    return berr_field(err, BERR_UNPROCESSABLE, "documents",
                      "berkas perkara belum lengkap: belum ada %s; terbitkan untuk tindakannya "
                      "dengan 'berkas issue %lld FORMULIR [--event ID]' atau unggah dokumennya "
                      "('berkas upload %lld FILE --title JUDUL --event ID')",
                      names, case_id, case_id);
}

/* The primary form of an act type (its paper; for a BAP, of its kind), or NULL. */
static const struct form_rule *primary_of(const char *type, const char *bap)
{
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (rules[i].act && rules[i].primary && strcmp(rules[i].act, type) == 0 &&
            (!rules[i].bap || (bap && strcmp(rules[i].bap, bap) == 0)))
            return &rules[i];
    return NULL;
}

/* ---- what the berkas perkara holds for each act -------------------------------------
 *
 * Besides the five papers every file needs (dossier_required), the file
 * holds a paper for every BAP recorded and not withdrawn (KUHAP 75(1): each
 * examination has its Berita Acara, and the berkas perkara sent to the
 * Penuntut Umum is made of them: 8(3)(a), 110(1), 138), and - unless the
 * setting dossier.p19_answers_need_paper (0030) says false - for every P-19
 * item answered: the answer names the act that fulfils it (answer_act) and
 * that act has its paper, or the paper is uploaded on the answer itself
 * (KUHAP 110(3), 138(2): the file is completed as instructed; "telah
 * dilengkapi" is a claim about the file).  A paper is one issued by berkas
 * for the act and not revoked, or one uploaded for it; a correction's paper
 * is its act's.  No record of an incoming document is a gap for want of its
 * scan (the P-16, the P-19, the court's extension of a detention, and so the
 * Ketua PN's Penetapan, izin or persetujuan, refused or not): the file asks
 * for the papers of the investigator's own examinations and answers; a
 * Penetapan's scan uploaded on it is bound with the search and seizure papers
 * (forms_act_order), and one a P-19 item asks for is the answer's paper. */

struct gaps {
    const struct casefile *cf;
    const struct store_papers *papers;
    json_t *miss;
    struct tx *tx;
    struct berr *err;
    bool *failed; /* set on a database error: no list */
};

/* The log index of an act, a correction standing for the act it corrects; -1. */
static int act_index(const struct casefile *cf, long long event_id)
{
    return casefile_root(cf, event_id ? casefile_event_index(cf, event_id) : -1);
}

static bool has_paper(const struct gaps *g, int act)
{
    for (int i = 0; act >= 0 && i < g->papers->n; i++)
        if (act_index(g->cf, g->papers->items[i].event_id) == act)
            return true;
    return false;
}

static bool listed(json_t *miss, const char *s)
{
    size_t i;
    json_t *v;
    json_array_foreach(miss, i, v)
    {
        if (strcmp(json_string_value(v), s) == 0)
            return true;
    }
    return false;
}

/* A gap named in the list; were its text no JSON string (it is built from stored text), the gap
 * is named without it rather than lost: a gap left out would let the file go. */
static void add_gap(json_t *miss, const char *gap, const char *plain)
{
    json_t *s = json_string(gap);
    json_array_append_new(miss, s ? s : json_string(plain));
}

/* "peristiwa 123, 5 Maret 2026": an act by its id and its (corrected) date. */
static void act_ref(const struct gaps *g, long long id, const struct case_event *e, char *out,
                    size_t size)
{
    struct caldate d = evlog_date(e, g->cf->zone);
    snprintf(out, size, "peristiwa %lld, %d %s %d", id, d.d, caldate_month_name(d.m), d.y);
}

static void bap_gap(const struct gaps *g, const struct store_dossier_act *a)
{
    static const char *const kinds[] = {"", "saksi", "tersangka", "ahli", "tambahan"};
    int i = casefile_event_index(g->cf, a->event_id);
    struct case_event e;
    if (i < 0 || !evlog_effective(g->cf->ev, g->cf->nevents, i, &e))
        return; /* withdrawn: no examination to hold */
    const char *kind = e.bap > BAP_NONE && e.bap <= BAP_TAMBAHAN ? kinds[e.bap] : a->bap;
    char form[32], at[80], gap[2048];
    snprintf(form, sizeof form, "bap_%s", kind);
    if (listed(g->miss, form))
        return; /* the whole kind is missing already */
    act_ref(g, a->event_id, &e, at, sizeof at);
    if (!*a->party)
        snprintf(gap, sizeof gap,
                 "BAP %s (%s): tidak menyebut siapa yang diperiksa (koreksi dengan --corrects %lld "
                 "--party PIHAK)",
                 kind, at, a->event_id);
    else if (!has_paper(g, i))
        snprintf(gap, sizeof gap, "BAP %s %s (%s): belum ada berkas (terbitkan %s atau unggah)",
                 kind, a->party, at, primary_of("bap_recorded", kind) ? form : "dokumennya");
    else
        return;
    add_gap(g->miss, gap, "BAP tanpa berkas");
}

static void answer_gap(const struct gaps *g, const struct store_dossier_act *a)
{
    int i = casefile_event_index(g->cf, a->event_id);
    struct case_event e, f;
    if (i < 0 || !evlog_effective(g->cf->ev, g->cf->nevents, i, &e) || has_paper(g, i))
        return; /* withdrawn, or its paper uploaded on the answer */
    /* the answer as its corrections leave it; an item that cannot be met asks no paper: the PU
     * decides over it (SE B-3326/E/EJP/11/2011; p19answer.h) */
    long long answer_act;
    const char *unmet;
    if (!p19answer_standing(g->cf, i, &answer_act, &unmet) || unmet)
        return;
    int k = act_index(g->cf, answer_act);
    bool named = k >= 0 && evlog_effective(g->cf->ev, g->cf->nevents, k, &f);
    /* an act that cannot answer the item (core/answer.h: of its kind, or dated before the
     * return that gave it) leaves it unfulfilled, its paper or not: an answer written before
     * the rule, or whose act a correction moved since */
    int given = a->given ? casefile_event_index(g->cf, a->given) : -1;
    enum answer_fault fit =
        named ? answer_check(g->cf->ev, g->cf->nevents, k, given, g->cf->zone) : ANSWER_OK;
    /* an act before the return whose paper, missing from the file returned, is attached now
     * answers an item asking for it (p19answer.h) */
    struct p19attach why;
    bool attached = false;
    if (named && fit == ANSWER_BEFORE &&
        !p19answer_attached(g->tx, g->cf, k, given, &why, &attached, g->err)) {
        *g->failed = true;
        return;
    }
    if (attached)
        fit = ANSWER_OK;
    if (named && fit == ANSWER_OK && has_paper(g, k))
        return;
    char at[80], gap[2048], plain[64];
    act_ref(g, a->event_id, &e, at, sizeof at);
    int cut = utf8_prefix_bytes(a->item_text, 120); /* whole characters, never a broken one */
    if (named && fit != ANSWER_OK)
        snprintf(gap, sizeof gap,
                 "petunjuk P-19 babak %d no. %d (\"%.*s\", dijawab %s): tindakan yang "
                 "disebut (peristiwa %lld, %s) tidak memenuhinya: %s (unggah dokumen yang "
                 "memenuhinya pada jawaban itu)",
                 a->round, a->item_no, cut, a->item_text, at, answer_act, event_code(f.event),
                 fit == ANSWER_BEFORE ? "bertanggal sebelum petunjuk diterima"
                                      : "bukan tindakan yang melengkapi berkas perkara");
    else if (named)
        snprintf(gap, sizeof gap,
                 "petunjuk P-19 babak %d no. %d (\"%.*s\", dijawab %s): tindakan yang "
                 "memenuhinya (peristiwa %lld) belum ada berkas",
                 a->round, a->item_no, cut, a->item_text, at, answer_act);
    else
        snprintf(gap, sizeof gap,
                 "petunjuk P-19 babak %d no. %d (\"%.*s\", dijawab %s): tidak ada berkas yang "
                 "memenuhinya (sebut tindakannya dengan answer_act, unggah dokumennya pada jawaban "
                 "itu, atau nyatakan tidak dapat dipenuhi: koreksi jawaban itu dengan "
                 "unmet_reason)",
                 a->round, a->item_no, cut, a->item_text, at);
    snprintf(plain, sizeof plain, "petunjuk P-19 babak %d no. %d tanpa berkas", a->round,
             a->item_no);
    add_gap(g->miss, gap, plain);
}

/* A Ketua PN's Penetapan a search or seizure of the file stands on (its izin) or that answers
 * for an urgent one (its persetujuan, granted or refused; permit_subject): the court's paper,
 * which comes into the file as an upload on its act (DOMAIN 4.9, 7.1, 7.4 item 8: the search
 * and seizure papers "with PN permits/approvals"; KUHAP 33(1), 34(2), 38).  The SP and BA cite
 * it, or report the act to the court; a file without it shows the Penuntut Umum an act whose
 * lawfulness he cannot read, so it is a gap as a BAP without its paper is. */
static void penetapan_gap(const struct gaps *g, const struct store_dossier_act *a)
{
    const struct casefile *cf = g->cf;
    int i = casefile_event_index(cf, a->event_id), j = permit_subject(cf, i);
    struct case_event e, s;
    if (j < 0 || !evlog_effective(cf->ev, cf->nevents, i, &e) || has_paper(g, i) ||
        !evlog_effective(cf->ev, cf->nevents, j, &s))
        return; /* withdrawn, no act stands on it, or its copy uploaded */
    const char *kind = json_string_value(json_object_get(cf->ev_payload[i], "permit_kind"));
    const char *court = a->court, *cut = "Pengadilan Negeri ";
    if (strncmp(court, cut, strlen(cut)) == 0)
        court = court + strlen(cut); /* sent whole: named once */
    bool izin = !kind || strcmp(kind, "persetujuan") != 0;
    struct caldate d = evlog_date(&e, cf->zone);
    char gap[1024], plain[96];
    snprintf(gap, sizeof gap,
             "Penetapan Ketua Pengadilan Negeri%s%s%s%s tanggal %d %s %d (%s %s, peristiwa %lld) "
             "%s %s%s peristiwa %lld: belum dilampirkan (unggah salinan Penetapan itu pada "
             "peristiwa %lld)",
             *court ? " " : "", court, *a->number ? " Nomor " : "", a->number, d.d,
             caldate_month_name(d.m), d.y, izin ? "izin" : "persetujuan", permit_purpose(s.event),
             a->event_id, izin ? "yang menjadi dasar" : "atas", permit_purpose(s.event),
             izin ? "" : " mendesak", cf->ev_id[j], a->event_id);
    snprintf(plain, sizeof plain, "Penetapan Ketua Pengadilan Negeri (peristiwa %lld)",
             a->event_id);
    add_gap(g->miss, gap, plain);
}

/* The papers of the five every file needs, by form name. */
static void required_gaps(struct app *app, const struct store_papers *papers, json_t *miss)
{
    for (int k = 0; dossier_required[k]; k++) {
        if (!app_render(app) || !render_form_find(app_render(app), dossier_required[k]))
            continue;
        bool have = false;
        for (int i = 0; i < papers->n && !have; i++) {
            const struct store_paper *x = &papers->items[i];
            const struct form_rule *paper = primary_of(x->act_type, x->bap);
            have = strcmp(x->form, dossier_required[k]) == 0 ||
                   (paper && strcmp(paper->form, dossier_required[k]) == 0);
        }
        if (!have)
            json_array_append_new(miss, json_string(dossier_required[k]));
    }
}

/* A paper issued before a correction of its act that changed what it prints (stale.h): the
 * file would carry the act as it was, which the Penuntut Umum returns; a gap as a paper
 * missing is, until it is revoked and issued again.  A paper of a withdrawn act: until it is
 * revoked. */
/* "116 dan 122": the codes of a list of charges ({code}), into out. */
static const char *codes_of(json_t *charges, char *out, size_t size)
{
    size_t i, n = 0, last = json_array_size(charges) - 1;
    json_t *v;
    out[0] = '\0';
    json_array_foreach(charges, i, v)
    {
        int w = snprintf(out + n, size - n, "%s%s",
                         i == 0      ? ""
                         : i == last ? " dan "
                                     : ", ",
                         json_string_value(json_object_get(v, "code")));
        if (w < 0 || (size_t)w >= size - n)
            break;
        n += (size_t)w;
    }
    return out;
}

static void stale_gap(const struct stale_paper *s, void *ctx)
{
    char what[300] = "", gap[1024], word[160];
    size_t i, n = 0;
    json_t *v;
    json_array_foreach(s->fields, i, v)
    {
        int w = snprintf(what + n, sizeof what - n, "%s%s", i ? ", " : "",
                         stale_field_words(json_string_value(v), word, sizeof word));
        if (w < 0 || (size_t)w >= sizeof what - n)
            break;
        n += (size_t)w;
    }
    if (s->withdrawn)
        snprintf(gap, sizeof gap,
                 "%s no. %s (dokumen %lld, peristiwa %d): tindakannya ditarik dengan koreksi "
                 "peristiwa %d, dokumen ini bukan dokumen suatu tindakan; cabut dokumen ini "
                 "(tidak diterbitkan ulang)",
                 s->paper->title, s->paper->number, s->paper->id, s->act->seq,
                 s->fix ? s->fix->seq : 0);
    else if (s->fix)
        snprintf(gap, sizeof gap,
                 "%s yang sesuai koreksi peristiwa %d: no. %s (dokumen %lld, peristiwa %d) "
                 "diterbitkan sebelum koreksi itu (%s berubah); cabut dan terbitkan ulang",
                 s->paper->title, s->fix->seq, s->paper->number, s->paper->id, s->act->seq, what);
    else if (s->party && s->added)
        snprintf(gap, sizeof gap,
                 "%s yang menyebut pelapor/korban %s: no. %s (dokumen %lld, peristiwa %d) "
                 "diterbitkan sebelum pihak itu ditambahkan; cabut dan terbitkan ulang",
                 s->paper->title, s->party->name, s->paper->number, s->paper->id, s->act->seq);
    else if (s->party)
        snprintf(gap, sizeof gap,
                 "%s yang menyebut data pihak %s sekarang: no. %s (dokumen %lld, peristiwa %d) "
                 "diterbitkan sebelum data pihak itu diubah (%s berubah); cabut dan terbitkan "
                 "ulang",
                 s->paper->title, s->party->name, s->paper->number, s->paper->id, s->act->seq,
                 what);
    else if (s->item)
        snprintf(gap, sizeof gap,
                 "%s yang menyebut barang bukti sekarang: no. %s (dokumen %lld, peristiwa %d) "
                 "diterbitkan sebelum barang bukti %lld (%.80s) dikoreksi (%s berubah); cabut dan "
                 "terbitkan ulang",
                 s->paper->title, s->paper->number, s->paper->id, s->act->seq, s->item->id,
                 s->item->description, what);
    else if (json_array_size(s->charges) > 0)
        snprintf(gap, sizeof gap,
                 "%s yang sesuai pasal yang disangkakan sekarang: no. %s (dokumen %lld, peristiwa "
                 "%d) menyebut Pasal %s, yang ditarik sesudah dokumen itu diterbitkan; cabut dan "
                 "terbitkan ulang",
                 s->paper->title, s->paper->number, s->paper->id, s->act->seq,
                 codes_of(s->charges, word, sizeof word));
    else
        snprintf(gap, sizeof gap,
                 "%s yang menyebut nomor tindakannya sekarang: no. %s (dokumen %lld, peristiwa %d) "
                 "diterbitkan sebelum dokumen bernomor tindakan itu diterbitkan ulang (%s "
                 "berubah); cabut dan terbitkan ulang",
                 s->paper->title, s->paper->number, s->paper->id, s->act->seq, what);
    add_gap(ctx, gap, "dokumen yang tidak sesuai koreksi");
}

static bool stale_gaps(struct app *app, struct tx *tx, const struct casefile *cf, json_t *miss,
                       struct berr *err)
{
    struct store_stale_rows rows;
    if (!store_stale_rows(tx, &cf->id, 1, &rows, err))
        return false;
    stale_each(&rows, cf->id, app_render(app), stale_gap, miss);
    store_stale_rows_free(&rows);
    return true;
}

json_t *forms_dossier_missing(struct app *app, struct tx *tx, const struct casefile *cf,
                              bool sending, struct berr *err)
{
    /* issued, or the paper of an act numbered outside berkas uploaded */
    struct store_papers papers;
    struct store_dossier_acts acts;
    bool answers;
    if (!store_p19_answers_need_paper(tx, &answers, err) ||
        !store_papers_of_case(tx, cf->id, &papers, err))
        return NULL;
    if (!store_dossier_acts(tx, cf->id, &acts, err)) {
        store_papers_free(&papers);
        return NULL;
    }
    bool failed = false;
    struct gaps g = {
        .cf = cf, .papers = &papers, .miss = json_array(), .tx = tx, .err = err, .failed = &failed};
    required_gaps(app, &papers, g.miss);
    /* each BAP's and each answer's paper is asked of the file being sent (Tahap I, the
     * re-sending) or assembled for it; a file the PU has received is read as it was sent,
     * whatever was recorded since, or before this rule (a Kejari must be able to read it) */
    bool assembling = sending || cf->stage == ST_PRE_INVESTIGATION ||
                      cf->stage == ST_INVESTIGATION || cf->stage == ST_RETURNED;
    for (int i = 0; assembling && i < acts.n; i++)
        if (strcmp(acts.items[i].type, "bap_recorded") == 0)
            bap_gap(&g, &acts.items[i]);
        else if (strcmp(acts.items[i].type, "court_permit_received") == 0)
            penetapan_gap(&g, &acts.items[i]);
        else if (answers)
            answer_gap(&g, &acts.items[i]);
    store_dossier_acts_free(&acts);
    store_papers_free(&papers);
    /* and no paper in it of an act as it was before a correction */
    if (failed || (assembling && !stale_gaps(app, tx, cf, g.miss, err))) {
        json_decref(g.miss);
        return NULL;
    }
    return g.miss;
}

json_t *forms_suspect_papers_missing(struct tx *tx, const struct casefile *cf, struct berr *err)
{
    struct store_papers papers;
    struct store_dossier_acts acts;
    if (!store_papers_of_case(tx, cf->id, &papers, err))
        return NULL;
    if (!store_dossier_acts(tx, cf->id, &acts, err)) {
        store_papers_free(&papers);
        return NULL;
    }
    struct gaps g = {.cf = cf, .papers = &papers, .miss = json_array()};
    for (int i = 0; i < acts.n; i++) {
        int k = casefile_event_index(cf, acts.items[i].event_id);
        struct case_event e;
        if (strcmp(acts.items[i].type, "bap_recorded") == 0 && k >= 0 &&
            evlog_effective(cf->ev, cf->nevents, k, &e) && e.bap == BAP_TERSANGKA)
            bap_gap(&g, &acts.items[i]);
    }
    store_dossier_acts_free(&acts);
    store_papers_free(&papers);
    return g.miss;
}

bool forms_dossier_complete(struct app *app, struct tx *tx, const struct casefile *cf,
                            json_t **missing, struct berr *err)
{
    json_t *miss = forms_dossier_missing(app, tx, cf, false, err);
    if (!miss)
        return false;
    if (json_array_size(miss) == 0) {
        json_decref(miss);
        return true;
    }
    *missing = miss;
    return missing_problem(miss, cf->id, err);
}

int forms_dossier_order(const char *form)
{
    const struct form_rule *r = rule_of(form);
    return !r ? 1000 : r->in_dossier ? r->order : -1;
}

bool forms_is_primary(const char *form)
{
    const struct form_rule *r = form ? rule_of(form) : NULL;
    return r && r->act && r->primary;
}

int forms_act_order(const char *event_type)
{
    /* the Ketua PN's Penetapan (izin or persetujuan), uploaded on its act, sits with the search
     * and seizure papers and the request to the court (DOMAIN 7.4 item 8) */
    const struct form_rule *r = strcmp(event_type, "court_permit_received") == 0
                                    ? rule_of("permohonan_izin_pn")
                                    : primary_of(event_type, "tersangka");
    return r && r->in_dossier ? r->order : 60; /* a paper of no form: with the letters */
}

json_t *app_forms_list(struct app *app, struct berr *err)
{
    if (!app_render(app)) {
        berr_set(err, BERR_UNAVAILABLE, "formulir belum dimuat");
        return NULL;
    }
    size_t n;
    const struct render_form_info *f = render_forms(app_render(app), &n);
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++) {
        if (f[i].issuer == RENDER_ISSUER_SYSTEM)
            continue;
        json_t *params = json_array();
        for (size_t k = 0; k < f[i].n_params; k++)
            json_array_append_new(
                params, json_pack("{s:s, s:s, s:b}", "name", f[i].params[k].name, "description",
                                  f[i].params[k].description ? f[i].params[k].description : "",
                                  "required", f[i].params[k].required));
        /* the act it is issued for (an event code; a BAP also its kind), null for a form of
         * no act, and whether its number is the act's (primary: not issued for an act
         * numbered outside berkas, number_is_ours): what the case page offers beside each act
         * (client/web/workbench.js) */
        const struct form_rule *r = rule_of(f[i].name);
        json_t *acts = json_array(); /* every act it is issued for: act, and a second's */
        for (int a = 0; r && a < 2; a++)
            if ((a ? act2_of(r) : r->act) != NULL)
                json_array_append_new(acts, json_string(a ? act2_of(r) : r->act));
        /* a letter of no act that may report one: the request for approval of an urgent search
         * or seizure (request_for_approval) */
        if (strcmp(f[i].name, "permohonan_izin_pn") == 0) {
            json_array_append_new(acts, json_string("search_done"));
            json_array_append_new(acts, json_string("seizure_done"));
        }
        json_array_append_new(
            items,
            json_pack("{s:s, s:s, s:s, s:s, s:b, s:s, s:o, s:s?, s:o, s:s?, s:b}", "name",
                      f[i].name, "title", f[i].title, "code", f[i].code ? f[i].code : "", "issuer",
                      f[i].issuer == RENDER_ISSUER_PROSECUTOR ? "prosecutor" : "investigator",
                      "pro_justitia", f[i].pro_justitia, "page", f[i].page ? f[i].page : "A4",
                      "params", params, "act", r ? r->act : NULL, "acts", acts, "bap",
                      r ? r->bap : NULL, "primary", r && r->act && r->primary));
    }
    return json_pack("{s:o}", "items", items);
}
