/*
 * casework.c - opening a case, its parties, offences and evidence, and the
 * case as a document: stage, facts, what may happen next, clocks, P-19
 * rounds, timeline and full history; and the list of cases with filters.
 *
 * Opening a case and its Laporan are one transaction: the case row, its
 * first investigator, its number from the office's gapless counter, and the
 * report_registered event through the same path as every other act.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acts.h"
#include "app.h"
#include "audit.h"
#include "casefile.h"
#include "casepage.h"
#include "casework.h"
#include "render_swap.h"
#include "core/fsm.h"
#include "core/answer.h"
#include "events.h"
#include "p19answer.h"
#include "permit.h"
#include "sqlbuf.h"
#include "stale.h"
#include "store/casefile.h"
#include "store/cases.h"
#include "store/tx.h"
#include "summary.h"
#include "validate.h"

static const char *const sources[] = {
    "jagratara",   "tim_pora",     "public_report", "apoa",  "desa_binaan", "tpi_check",
    "supervision", "intelligence", "other_agency",  "other", NULL};

bool casework_source_known(const char *s)
{
    for (size_t i = 0; s && sources[i]; i++)
        if (strcmp(s, sources[i]) == 0)
            return true;
    return false;
}

/* ---- opening -------------------------------------------------------------------- */

/* The case row with its first investigator (the one opening it), numbered
 * as sent or from the office's counter; *id its id. */
static bool case_row_open(struct tx *tx, const struct actor *who, const struct case_input *in,
                          int year, long long *id, struct berr *err)
{
    bool is_kejari = true;
    if (in->kejari_id && !store_kejari_exists(tx, in->kejari_id, &is_kejari, err))
        return false;
    if (!is_kejari)
        return berr_field(err, BERR_BAD_INPUT, "kejari_id", "kejari_id harus Kejaksaan Negeri");
    char number[128];
    if (in->number && *in->number) {
        snprintf(number, sizeof number, "%s", in->number);
    } else {
        /* the office's gapless counter: a rollback gives the number back */
        long next;
        char code[64];
        if (!store_case_counter_next(tx, who->office_id, "LK", year, &next, code, err))
            return false;
        snprintf(number, sizeof number, "LK/%s/%d/%04ld", code, year, next);
    }
    struct store_new_case row = {.number = number,
                                 .office_id = who->office_id,
                                 .kejari_id = in->kejari_id,
                                 .source = in->source,
                                 .source_note = in->source_note ? in->source_note : "",
                                 .summary = in->summary ? in->summary : "",
                                 .opened_on = in->opened_on,
                                 .created_by = who->user_id};
    if (!store_case_insert(tx, &row, id, err)) {
        /* the unique (office, number) key: said in the user's words, naming
         * the field sent, not the constraint (issue 13.11) */
        if (err->kind == BERR_CONFLICT)
            berr_field(err, BERR_CONFLICT, "number",
                       "nomor perkara ini sudah dipakai untuk perkara lain di kantor Anda");
        return false;
    }
    return store_case_investigator_add(tx, *id, who->user_id, err);
}

/* The Laporan's act was sent as the case's fields: an error names those. */
static void report_field_named(struct berr *err)
{
    static const struct {
        const char *act, *sent;
    } names[] = {{"date", "opened_on"},
                 {"at", "opened_on"},
                 {"number", "report_number"},
                 {"note", "summary"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(err->field, names[i].act) == 0) {
            snprintf(err->field, sizeof err->field, "%s", names[i].sent);
            break;
        }
}

bool app_case_create(struct app *app, const struct actor *who, const struct case_input *in,
                     long long *id, struct event_outcome *out, struct audit_rec *au,
                     struct berr *err)
{
    memset(out, 0, sizeof *out);
    au->action = "case.create";
    au->object_type = "case";
    if (who->role != ROLE_INVESTIGATOR)
        return berr_set(err, BERR_FORBIDDEN, "hanya penyidik yang membuka perkara");
    if (!casework_source_known(in->source))
        return berr_field(err, BERR_BAD_INPUT, "source",
                          "source: jagratara, tim_pora, public_report, apoa, desa_binaan, "
                          "tpi_check, supervision, intelligence, other_agency, other");
    struct caldate opened;
    if (!in->opened_on || !caldate_parse(in->opened_on, &opened))
        return berr_field(err, BERR_BAD_INPUT, "opened_on", "opened_on harus tanggal YYYY-MM-DD");
    /* the Laporan prints them */
    if (!validate_printable(in->summary, "summary", err) ||
        !validate_printable(in->source_note, "source_note", err) ||
        !validate_printable(in->report_number, "report_number", err))
        return false;

    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    bool ok = case_row_open(&tx, who, in, opened.y, id, err);
    if (ok) {
        au->object_id = *id;
        struct event_input ev = {.type = "report_registered",
                                 .date = in->opened_on,
                                 .number = in->report_number,
                                 .note = in->summary,
                                 .if_match = -1};
        ok = events_record_tx(&tx, who, *id, &ev, out, err);
        if (!ok)
            report_field_named(err);
    }
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    if (!ok && out->body) {
        json_decref(out->body);
        out->body = NULL;
    }
    tx_end(&tx);
    return ok;
}

/* ---- parties, offences, evidence ------------------------------------------------------- */

static bool upper_alnum(const char *s, size_t min, size_t max)
{
    size_t n = strlen(s);
    if (n < min || n > max)
        return false;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
            return false;
    return true;
}

/* The two digits of s from i as a number. */
static int two(const char *s, int i)
{
    return (s[i] - '0') * 10 + (s[i + 1] - '0');
}

/* A NIK (Nomor Induk Kependudukan, the KTP-el's number; UU 24/2013 Pasal 13, Permendagri on the
 * NIK): 16 digits - the region (province 11 and up, regency or city, district: 6), the birth
 * date DDMMYY (a woman's day plus 40: 6), a serial from 0001 (4).  The region codes themselves
 * change as regions are formed, so only their shape is checked. */
static bool nik_valid(const char *s)
{
    if (strlen(s) != 16)
        return false;
    for (int i = 0; i < 16; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    int day = two(s, 6) > 40 ? two(s, 6) - 40 : two(s, 6), month = two(s, 8);
    return two(s, 0) >= 11 && day >= 1 && day <= 31 && month >= 1 && month <= 12 &&
           strcmp(s + 12, "0000") != 0;
}

/* True when s holds nothing but blanks (a name of blanks is no name). */
static bool blank(const char *s)
{
    return s[strspn(s, " \t\r\n")] == '\0';
}

static bool check_party_input(const struct party_input *in, struct berr *err)
{
    /* reporter (pelapor) and victim (korban): to whom MK 130/PUU-XIII/2015 owes the SPDP */
    static const char *const kinds[] = {"suspect", "witness", "expert", "reporter", "victim"};
    bool known = !in->kind;
    for (size_t i = 0; in->kind && i < sizeof kinds / sizeof kinds[0]; i++)
        known |= strcmp(in->kind, kinds[i]) == 0;
    if (!known)
        return berr_field(
            err, BERR_BAD_INPUT, "kind",
            "kind: suspect, witness, expert, reporter (pelapor) atau victim (korban)");
    if (in->nationality && !(strlen(in->nationality) == 2 && upper_alnum(in->nationality, 2, 2) &&
                             in->nationality[0] >= 'A' && in->nationality[1] >= 'A'))
        return berr_field(err, BERR_BAD_INPUT, "nationality",
                          "nationality harus kode negara ISO 3166-1 dua huruf besar, mis. VN");
    if (in->passport_no && !upper_alnum(in->passport_no, 5, 20))
        return berr_field(err, BERR_BAD_INPUT, "passport_no",
                          "passport_no: 5 sampai 20 huruf besar atau angka");
    if (in->nik && !nik_valid(in->nik))
        return berr_field(err, BERR_BAD_INPUT, "nik",
                          "nik: NIK 16 angka (kode wilayah, tanggal lahir DDMMYY - perempuan "
                          "tanggal + 40 - dan nomor urut)");
    struct caldate d;
    if (in->birth_date && !caldate_parse(in->birth_date, &d))
        return berr_field(err, BERR_BAD_INPUT, "birth_date", "birth_date harus tanggal YYYY-MM-DD");
    if (in->birth_date && !validate_not_future(d, "birth_date", err))
        return false;
    if (in->name && blank(in->name))
        return berr_field(err, BERR_BAD_INPUT, "name", "name wajib diisi");
    if (in->sex && strcmp(in->sex, "L") != 0 && strcmp(in->sex, "P") != 0)
        return berr_field(err, BERR_BAD_INPUT, "sex", "sex: L (laki-laki) atau P (perempuan)");
    /* what the papers print of the person (the BAP, the summons, the orders) */
    return validate_printable(in->name, "name", err) &&
           validate_printable(in->birth_place, "birth_place", err) &&
           validate_printable(in->occupation, "occupation", err) &&
           validate_printable(in->address_id, "address_id", err) &&
           validate_printable(in->address_abroad, "address_abroad", err) &&
           validate_printable(in->language, "language", err) &&
           validate_printable(in->interpreter, "interpreter", err);
}

/* The case, locked, if the actor may write to it (its office's investigator) and it is not
 * closed for good: a file handed over to the prosecution (Tahap II), diverted to
 * administrative action or dismissed takes no new party, charge or thing seized - its papers
 * went with it (stage_terminal; a terminated or lapsed file may be reopened, and is not). */
/* The case as the investigator may change its parties, charges and things seized: his office's,
 * not closed for good; `what` (the charges, the evidence) not while the Penuntut Umum holds the
 * file - sent (Tahap I) or declared complete (P-21): the papers he examines print them, and a
 * change there would alter, unseen, the file he is examining or has accepted (KUHAP 110,
 * 138(1); as a revocation or an upload is refused, app/stale.c); a returned file (P-18/P-19) is
 * the investigator's again.  NULL: parties, corrected whenever (a paper naming one is then
 * flagged, stale.h).  Reviewer's finding on 72327eb: a charge withdrawn while the file was
 * with the PU made papers stale that could not be revoked. */
static bool writable_case(struct tx *tx, const struct actor *who, long long case_id,
                          const char *what, struct berr *err)
{
    if (who->role != ROLE_INVESTIGATOR)
        return berr_set(err, BERR_FORBIDDEN, "hanya penyidik kantor perkara ini");
    bool found;
    char code[STORE_STAGE_LEN];
    bool handed_short;
    if (!store_case_lock_in_office(tx, case_id, who->office_id, code, &handed_short, &found, err))
        return false;
    if (!found)
        return berr_set(err, BERR_NOT_FOUND, "perkara %lld tidak ditemukan", case_id);
    enum stage st;
    if (!stage_lookup(code, &st))
        return true;
    if (stage_terminal(st))
        return berr_set(err, BERR_CONFLICT,
                        "perkara %lld sudah selesai (%s): pihak, pasal dan barang bukti tidak "
                        "diubah lagi",
                        case_id, stage_label_of(st, handed_short));
    if (what && st == ST_WITH_PROSECUTOR)
        return berr_set(err, BERR_CONFLICT,
                        "berkas sedang diteliti Penuntut Umum (Tahap I): %s diubah sesudah berkas "
                        "dikembalikan (P-18/P-19)",
                        what);
    if (what && st == ST_COMPLETE)
        return berr_set(err, BERR_CONFLICT,
                        "berkas sudah dinyatakan lengkap (P-21): %s tidak diubah lagi", what);
    return true;
}

bool app_party_save(struct app *app, const struct actor *who, long long case_id, long long party_id,
                    const struct party_input *in, long long *id, struct audit_rec *au,
                    struct berr *err)
{
    au->action = party_id ? "party.correct" : "party.add";
    au->object_type = "case";
    au->object_id = case_id;
    if (!check_party_input(in, err))
        return false;
    if (!party_id && (!in->kind || !in->name))
        return berr_field(err, BERR_BAD_INPUT, in->kind ? "name" : "kind",
                          "pihak baru perlu kind dan name");
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    bool ok = writable_case(&tx, who, case_id, NULL, err);
    struct store_party_in row = {
        in->kind,        in->name,        in->nationality, in->passport_no, in->birth_date,
        in->birth_place, in->sex,         in->occupation,  in->address_id,  in->address_abroad,
        in->language,    in->interpreter, in->nik};
    bool done = false;
    if (ok && !party_id) {
        ok = store_party_insert(&tx, case_id, &row, id, err);
        done = ok;
    } else if (ok) {
        ok = store_party_update(&tx, case_id, party_id, &row, in->if_match, &done, err);
        *id = party_id;
    }
    if (ok && !done) {
        /* a party of another case (another office's, say) is not found, whatever
         * the version sent: only a party of this case can be stale */
        bool stale = false;
        if (in->if_match >= 0 && !store_party_of_case(&tx, case_id, party_id, false, &stale, err))
            stale = false;
        ok = berr_set(err, stale ? BERR_CONFLICT : BERR_NOT_FOUND,
                      stale ? "pihak %lld sudah diubah orang lain: muat ulang"
                            : "pihak %lld tidak ditemukan",
                      party_id);
    }
    /* the text search sees the names */
    ok = ok && store_case_search_refresh(&tx, case_id, err);
    /* the snapshot is folded with the foreign suspects (their consular clocks, snapshot.h), the
     * summary's clocks owe the reporter his SPDP (sql/0041): a suspect, reporter or victim
     * added or a party corrected (nationality, kind) rewrites them, or the summaries' check
     * would name the case as differing from its log until its next act */
    bool clocked =
        in->kind && (strcmp(in->kind, "suspect") == 0 || strcmp(in->kind, "reporter") == 0 ||
                     strcmp(in->kind, "victim") == 0);
    if (ok && (party_id || clocked))
        ok = summary_refresh(&tx, who, case_id, err);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

bool app_offence_charge(struct app *app, const struct actor *who, long long case_id,
                        const char *code, long long party_id, long long *id, struct audit_rec *au,
                        struct berr *err)
{
    au->action = "offence.charge";
    au->object_type = "case";
    au->object_id = case_id;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    bool ok = writable_case(&tx, who, case_id, "pasal yang disangkakan", err), found;
    if (ok && party_id) {
        ok = store_party_of_case(&tx, case_id, party_id, true, &found, err);
        if (ok && !found)
            ok =
                berr_field(err, BERR_BAD_INPUT, "party_id", "party_id bukan tersangka perkara ini");
    }
    if (ok) { /* once per offence, per suspect or case-wide (0006: case_offences_once) */
        ok = store_offence_charged(&tx, case_id, code, party_id, &found, err);
        if (ok && found)
            ok = berr_field(err, BERR_CONFLICT, "code",
                            party_id ? "pasal %.20s sudah dikenakan kepada tersangka ini"
                                     : "pasal %.20s sudah dikenakan pada perkara ini",
                            code);
    }
    ok = ok && store_offence_charge(&tx, case_id, code, party_id, id, err);
    if (ok && !*id)
        ok = berr_field(err, BERR_BAD_INPUT, "code", "pasal %.20s tidak ada di katalog", code);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

/* What the list of evidence and the BA Penyitaan print of a thing seized. */
static bool evidence_printable(const char *description, const char *quantity, const char *storage,
                               struct berr *err)
{
    return validate_printable(description, "description", err) &&
           validate_printable(quantity, "quantity", err) &&
           validate_printable(storage, "storage", err);
}

/* The seizure act an item names (0: none): a seizure_done act of this case as it stands - not a
 * correction, not withdrawn (the log says a withdrawn act never stood).  422 otherwise. */
static bool seizure_act_named(struct tx *tx, const struct actor *who, long long case_id,
                              long long act, struct berr *err)
{
    if (!act)
        return true;
    struct casefile cf;
    bool loaded = casefile_load(tx, who, case_id, false, &cf, err);
    int k = loaded ? casefile_event_index(&cf, act) : -1;
    struct case_event e;
    bool ok =
        k >= 0 && cf.ev[k].event == EV_SEIZURE_DONE && evlog_effective(cf.ev, cf.nevents, k, &e);
    casefile_free(&cf);
    if (!loaded)
        return false;
    return ok || berr_field(err, BERR_UNPROCESSABLE, "seizure_event",
                            "seizure_event %lld bukan tindakan penyitaan (seizure_done) perkara "
                            "ini yang berlaku: sebutkan penyitaan yang mengambil barang ini",
                            act);
}

/* An item's date and printed texts (bad: 400 naming the field). */
static bool evidence_input(const struct evidence_in *in, struct berr *err)
{
    struct caldate d;
    if (in->seized_on && !caldate_parse(in->seized_on, &d))
        return berr_field(err, BERR_BAD_INPUT, "seized_on", "seized_on harus tanggal YYYY-MM-DD");
    if (in->seized_on && !validate_not_future(d, "seized_on", err))
        return false;
    return evidence_printable(in->description, in->quantity, in->storage, err);
}

bool app_evidence_add(struct app *app, const struct actor *who, long long case_id,
                      const struct evidence_in *in, long long *id, struct audit_rec *au,
                      struct berr *err)
{
    au->action = "evidence.add";
    au->object_type = "case";
    au->object_id = case_id;
    if (!evidence_input(in, err))
        return false;
    struct store_evidence_in row = {in->description, in->quantity,    in->seized_on,
                                    in->storage,     in->seized_from, in->seizure_event};
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    bool ok = writable_case(&tx, who, case_id, "barang bukti", err) &&
              seizure_act_named(&tx, who, case_id, in->seizure_event, err) &&
              store_evidence_insert(&tx, case_id, &row, id, err);
    if (ok && !*id)
        ok = berr_field(err, BERR_BAD_INPUT, "seized_from", "seized_from bukan pihak perkara ini");
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

bool app_offence_withdraw(struct app *app, const struct actor *who, long long case_id,
                          long long charge_id, struct audit_rec *au, struct berr *err)
{
    au->action = "offence.withdraw";
    au->object_type = "case";
    au->object_id = case_id;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    char code[32] = "";
    bool ok = writable_case(&tx, who, case_id, "pasal yang disangkakan", err) &&
              store_offence_withdraw(&tx, case_id, charge_id, code, err);
    if (ok && !code[0])
        ok = berr_set(err, BERR_NOT_FOUND, "sangkaan %lld tidak ada di perkara ini", charge_id);
    if (ok)
        snprintf(au->detail, sizeof au->detail, "{\"charge\":%lld,\"code\":\"%.20s\"}", charge_id,
                 code);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

bool app_evidence_correct(struct app *app, const struct actor *who, long long case_id,
                          long long item_id, int if_match, const struct evidence_in *in,
                          struct audit_rec *au, struct berr *err)
{
    au->action = "evidence.correct";
    au->object_type = "case";
    au->object_id = case_id;
    if (!evidence_input(in, err))
        return false;
    struct store_evidence_in row = {in->description, in->quantity,    in->seized_on,
                                    in->storage,     in->seized_from, in->seizure_event};
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    bool done = false;
    bool ok = writable_case(&tx, who, case_id, "barang bukti", err) &&
              seizure_act_named(&tx, who, case_id, in->seizure_event, err) &&
              store_evidence_update(&tx, case_id, item_id, if_match, &row, &done, err);
    if (ok && !done)
        ok = berr_set(err, if_match >= 0 ? BERR_CONFLICT : BERR_NOT_FOUND,
                      if_match >= 0 ? "barang bukti %lld sudah diubah orang lain: muat ulang"
                                    : "barang bukti %lld tidak ditemukan",
                      item_id);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

json_t *app_offence_catalogue(struct app *app, const struct actor *who, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    struct store_offences cat;
    bool ok = store_offence_catalogue(&tx, &cat, err);
    tx_end(&tx);
    if (!ok)
        return NULL;
    json_t *items = json_array();
    for (int i = 0; i < cat.n; i++) {
        const struct store_offence *o = &cat.items[i];
        json_array_append_new(
            items,
            json_pack("{s:s, s:I, s:s, s:I, s:I, s:I, s:s, s:b, s:b, s:b, s:s, s:b}", "code",
                      o->code, "article", (json_int_t)o->article, "label", o->label,
                      "max_prison_months", (json_int_t)o->max_prison_months, "min_prison_months",
                      (json_int_t)o->min_prison_months, "max_fine", (json_int_t)o->max_fine,
                      "connector", o->connector, "kurungan", o->kurungan, "detainable",
                      o->detainable, "short_procedure", o->short_procedure, "effective_from",
                      o->effective_from, "to_verify", o->to_verify));
    }
    store_offences_free(&cat);
    return json_pack("{s:o}", "items", items);
}

/* ---- the case as a document --------------------------------------------------------------- */

/* A notice's delivery, the act that stopped the clock c: when, and who
 * received it (issue 13.7); the SPDP's, per recipient (13.8). */
static void clock_delivery(json_t *j, const struct casefile *cf, const struct clock *c,
                           enum notice_kind nk)
{
    struct case_event e;
    for (int i = 0; i < cf->nevents; i++) {
        if (!evlog_effective(cf->ev, cf->nevents, i, &e) || e.event != c->stopped_by ||
            (e.event == EV_LETTER_DELIVERED && e.notice != nk) ||
            (notice_per_suspect(nk) && e.suspect != c->suspect) ||
            evlog_instant(&e, cf->zone) != c->stopped_at)
            continue;
        /* the payload of the act as it stands: its latest correction's */
        json_t *p = cf->ev_payload[i];
        for (int k = i + 1; k < cf->nevents; k++)
            if (cf->ev[k].event == EV_CORRECTED && cf->ev[k].ref == i)
                p = cf->ev_payload[k];
        char on[CALDATE_DATE_LEN];
        caldate_format(evlog_date(&e, cf->zone), on, sizeof on);
        json_t *by = json_object_get(p, "received_by");
        json_object_set_new(j, "delivered",
                            json_pack("{s:I, s:s, s:O}", "event_id", (json_int_t)cf->ev_id[i], "on",
                                      on, "received_by", by ? by : json_null()));
        break;
    }
}

/* A met pn_approval clock: the Ketua PN's answer that met it - approved_by, or refused_by when
 * he refused the persetujuan (decision ditolak: the court has answered) - or the report to the
 * Ketua PN that met it (reported_by: the investigator's duty done, KUHAP 34, 38(2)) and then
 * the answer if recorded since, else awaiting_approval (the court's answer, not the
 * investigator's breach: the clock has no state for it). */
static void answer_json(json_t *j, const struct casefile *cf, int i)
{
    const char *d = json_string_value(json_object_get(cf->ev_payload[i], "decision"));
    json_object_set_new(j, d && strcmp(d, PERMIT_REFUSED) == 0 ? "refused_by" : "approved_by",
                        json_integer(cf->ev_id[i]));
}

static void approval_json(json_t *j, const struct casefile *cf, const struct clock *c)
{
    if (c->stopped_by != EV_LETTER_DELIVERED) {
        answer_json(j, cf, c->stop_source);
        return;
    }
    json_object_set_new(j, "reported_by", json_integer(cf->ev_id[c->stop_source]));
    struct case_event e;
    for (int i = c->source + 1; i < cf->nevents; i++)
        if (cf->ev[i].event == EV_COURT_PERMIT_RECEIVED && cf->ev[i].ref == c->source &&
            evlog_effective(cf->ev, cf->nevents, i, &e)) {
            answer_json(j, cf, i);
            return;
        }
    json_object_set_new(j, "awaiting_approval", json_true());
}

/* A notice the investigator declared undelivered (notice_undelivered): not delivered, his reason
 * and the act that says it. */
static void undelivered_json(json_t *j, const struct casefile *cf, const struct clock *c)
{
    json_object_set_new(j, "not_delivered", json_true());
    if (c->stop_source < 0 || c->stop_source >= cf->nevents)
        return;
    json_t *why = json_object_get(cf->ev_payload[c->stop_source], "undelivered_reason");
    json_object_set_new(j, "undelivered_reason",
                        json_is_string(why) ? json_incref(why) : json_string(""));
    json_object_set_new(j, "undelivered_event_id", json_integer(cf->ev_id[c->stop_source]));
}

/* An arrest or detention that outlasted its order: held unlawfully for so long (KUHAP 19(1),
 * 24(4); summary.c overruns): the day it ended, days and hours over. */
static void overrun_json(json_t *j, const struct clock *c)
{
    char on[CALDATE_DATE_LEN];
    caldate_format(c->stopped_on, on, sizeof on);
    json_object_set_new(j, "overrun",
                        json_pack("{s:s, s:i, s:i}", "stopped_on", on, "days",
                                  clock_overrun_days(c), "hours", clock_overrun_hours(c)));
}

static json_t *clock_json(const struct casefile *cf, const struct clock *c)
{
    char due[CALDATE_DATE_LEN], start[CALDATE_DATE_LEN], due_at[CALDATE_INSTANT_LEN],
        strict[CALDATE_INSTANT_LEN];
    caldate_format(c->due_date, due, sizeof due);
    caldate_format(c->start, start, sizeof start);
    caldate_format_instant(c->due_at, cf->zone, due_at, sizeof due_at);
    caldate_format_instant(c->strict_at, cf->zone, strict, sizeof strict);
    json_t *j = json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:b, s:s, s:s, s:s, s:s, s:i, s:I, s:s, s:s, s:b}", "code",
        c->code, "label", c->label, "basis", c->basis, "actor", actor_code(c->actor), "regime",
        c->regime, "to_verify", c->to_verify, "start", start, "due_date", due, "due_at", due_at,
        "strict_at", strict, "days_left", c->days_left, "seconds_left", (json_int_t)c->seconds_left,
        "state", clock_state_code(c->state), "state_label", clock_state_label(c->state), "running",
        c->running);
    if (c->suspect >= 0 && c->suspect < cf->nsuspects)
        json_object_set_new(j, "party_id", json_integer(cf->suspect_ids[c->suspect]));
    if (!c->running)
        json_object_set_new(j, "stopped_by", json_string(event_code(c->stopped_by)));
    if (clock_overrun(c))
        overrun_json(j, c);
    /* a notice's delivery: when, and who received it (issue 13.7); the
     * SPDP's, per recipient (13.8) */
    enum notice_kind nk = clock_notice(c->kind);
    if (nk != NOTICE_NONE)
        json_object_set_new(j, "recipient", json_string(notice_code(nk)));
    /* ... or none: closed undelivered by the act that ended the file (core/clock.c close_owed),
     * a missed notice when past its day (state overdue) */
    bool closed = clock_closed_at_end(c);
    if ((nk != NOTICE_NONE || c->kind == CLK_PN_APPROVAL) && closed)
        json_object_set_new(j, "not_delivered", json_true());
    /* ... or declared undelivered by the investigator, with his reason (notice_undelivered) */
    if ((nk != NOTICE_NONE || clock_is_sp3_notice(c->kind)) && clock_undelivered(c))
        undelivered_json(j, cf, c);
    if (nk != NOTICE_NONE && !c->running && !closed && !clock_undelivered(c))
        clock_delivery(j, cf, c, nk);
    /* a direction's own words, and to whom (acts.h) */
    if (c->kind == CLK_DIRECTION && c->source >= 0 && c->source < cf->nevents) {
        json_t *p = cf->ev_payload[c->source];
        json_t *note = json_object_get(p, "note"), *to = json_object_get(p, "to");
        json_object_set_new(j, "text", json_is_string(note) ? json_incref(note) : json_string(""));
        json_object_set_new(j, "to", json_is_integer(to) ? json_incref(to) : json_null());
        json_object_set_new(j, "event_id", json_integer(cf->ev_id[c->source]));
    }
    /* an approval owed to the Ketua PN: the urgent act, and the persetujuan that gave it */
    if (c->kind == CLK_PN_APPROVAL && c->source >= 0 && c->source < cf->nevents)
        json_object_set_new(j, "event_id", json_integer(cf->ev_id[c->source]));
    if (c->kind == CLK_PN_APPROVAL && !c->running && !closed && c->stop_source >= 0 &&
        c->stop_source < cf->nevents)
        approval_json(j, cf, c);
    json_t *warn = json_array();
    for (int i = 0; i < c->nwarn; i++) {
        char w[CALDATE_DATE_LEN];
        caldate_format(c->warn_on[i], w, sizeof w);
        json_array_append_new(warn, json_string(w));
    }
    json_object_set_new(j, "warnings_from", warn);
    return j;
}

static json_t *clocks_json(const struct casefile *cf, const struct clock_set *set)
{
    json_t *clocks = json_array();
    for (int i = 0; i < set->count; i++)
        json_array_append_new(clocks, clock_json(cf, &set->items[i]));
    return clocks;
}

/* The acts the actor's role may record next. */
static json_t *next_json(const struct casefile *cf, const struct case_facts *f,
                         const struct actor *who)
{
    enum event allowed[EV__COUNT];
    int na = fsm_allowed(cf->stage, f, allowed, EV__COUNT);
    json_t *next = json_array();
    enum actor_role mine = who->role == ROLE_INVESTIGATOR ? ACTOR_INVESTIGATOR
                           : who->role == ROLE_PROSECUTOR ? ACTOR_PROSECUTOR
                           : who->role == ROLE_SUPERVISOR ? ACTOR_SUPERVISOR
                                                          : ACTOR_NONE;
    for (int i = 0; i < na && i < EV__COUNT; i++)
        if (event_recordable_by(allowed[i], mine))
            json_array_append_new(next, json_pack("{s:s, s:s}", "type", event_code(allowed[i]),
                                                  "label", event_label(allowed[i])));
    return next;
}

static json_t *facts_json(const struct case_facts *f)
{
    return json_pack("{s:b, s:b, s:i, s:i, s:b, s:i, s:b, s:i, s:i, s:i}", "report_registered",
                     f->report_registered, "spdp_sent", f->spdp_sent, "suspects", f->suspects,
                     "suspects_without_bap", f->suspects_without_bap, "resume_written",
                     f->resume_written, "instructions_open", f->instructions_open, "p21", f->p21,
                     "offences", f->offences, "returns_this_file", f->returns,
                     "returns_out_of_time", f->returns_late);
}

/* What the core says of the case: its facts, the acts allowed next, its
 * clocks and the worst of them, its P-19 rounds. */
struct case_view {
    json_t *facts, *next, *clocks;
    enum clock_state worst;
    int returns;
};

/* The core's view of cf: its clocks (set, NULL when the log does not load), the facts and the
 * acts allowed next, the P-19 rounds. */
static void case_view_of(const struct casefile *cf, const struct clock_set *set,
                         const struct actor *who, struct case_view *v)
{
    memset(v, 0, sizeof *v);
    v->worst = set ? clock_worst(set) : CLOCK_OK;
    v->clocks = set ? clocks_json(cf, set) : json_array();
    struct case_facts f;
    casefile_facts(cf, -1, caldate_local_date(cf->now, cf->zone), &f);
    v->next = next_json(cf, &f, who);
    v->facts = facts_json(&f);
    /* every return counts as a round, the letters after the P-19 too */
    for (int i = 0; i < cf->nevents; i++)
        if (cf->ev[i].event == EV_P19_RECEIVED || cf->ev[i].event == EV_RETURN_LETTER_RECEIVED)
            v->returns++;
}

/* The case's own row with the core's view of it (taken); NULL with err. */

static json_t *case_doc(struct tx *tx, const struct casefile *cf, struct case_view *v,
                        struct berr *err)
{
    struct store_case_head h;
    bool found = false;
    bool read = store_case_head(tx, cf->id, &h, &found, err);
    if (!read || !found) {
        if (read)
            berr_set(err, BERR_NOT_FOUND, "perkara %lld tidak ditemukan", cf->id);
        store_case_head_free(&h);
        json_decref(v->clocks);
        json_decref(v->next);
        json_decref(v->facts);
        return NULL;
    }
    json_t *doc = json_pack(
        "{s:I, s:s, s:s, s:s, s:i, s:{s:I, s:s, s:s, s:s}, s:o, s:s, s:s, s:s, "
        "s:s, s:b, s:s, s:o, s:o, s:o, s:s, s:i}",
        "id", (json_int_t)cf->id, "number", h.number, "stage", h.stage, "stage_label",
        stage_label_of(cf->stage, casefile_handed_short(cf)), "version", cf->version, "office",
        "id", (json_int_t)h.office_id, "code", h.office_code, "name", h.office_name, "tz",
        h.office_tz, "kejari",
        h.kejari_id ? json_pack("{s:I, s:s}", "id", (json_int_t)h.kejari_id, "name", h.kejari_name)
                    : json_null(),
        "source", h.source, "source_note", h.source_note, "summary", h.summary, "opened_on",
        h.opened_on, "disclosed_to_kejari", h.disclosed, "stage_since", h.stage_since, "facts",
        v->facts, "allowed_events", v->next, "clocks", v->clocks, "worst_clock",
        clock_state_code(v->worst), "p19_returns", v->returns);
    store_case_head_free(&h);
    return doc;
}

/* The papers issued before a correction of their act that changed what they print, or of an
 * act withdrawn (stale.h), with what who may do with each, and the flag stale_papers with the
 * summary's when there are any. */
static bool case_stale_papers(struct tx *tx, const struct actor *who, const struct casefile *cf,
                              const struct render_engine *render, json_t *doc, struct berr *err)
{
    struct store_stale_rows rows;
    if (!store_stale_rows(tx, &cf->id, 1, &rows, err))
        return false;
    json_t *stale = stale_json(&rows, cf->id, render, who, cf);
    store_stale_rows_free(&rows);
    if (json_array_size(stale) > 0)
        json_array_append_new(json_object_get(doc, "flags"), json_string("stale_papers"));
    json_object_set_new(doc, "stale_papers", stale);
    return true;
}

/* The acts an open item's answer may name beside those after its return (casepage.c's
 * answer_acts): the acts before the return whose paper, missing from the file the PU returned,
 * is in the file now (p19answer.h: attached as the item asks), newest first after them.  A
 * query an act, only for the open items of a returned file. */
static bool attachable_acts(struct tx *tx, const struct casefile *cf,
                            const struct store_case_lists *l, json_t *doc, struct berr *err)
{
    size_t r, i;
    json_t *round, *item;
    json_array_foreach(json_object_get(doc, "p19_rounds"), r, round)
    {
        json_array_foreach(json_object_get(round, "items"), i, item)
        {
            long long id = json_integer_value(json_object_get(item, "id")), given_id = 0;
            for (int k = 0; k < l->np19 && !given_id; k++)
                given_id = l->p19[k].id == id && !l->p19[k].answer ? l->p19[k].given : 0;
            int given = given_id ? casefile_event_index(cf, given_id) : -1;
            json_t *offer = json_object_get(item, "answer_acts");
            for (int k = cf->nevents - 1; given >= 0 && k >= 0 && json_is_array(offer); k--) {
                struct p19attach at;
                bool attached;
                if (answer_check(cf->ev, cf->nevents, k, given, cf->zone) != ANSWER_BEFORE)
                    continue;
                if (!p19answer_attached(tx, cf, k, given, &at, &attached, err))
                    return false;
                if (attached)
                    json_array_append_new(offer, json_integer((json_int_t)cf->ev_id[k]));
            }
        }
    }
    return true;
}

/* The case's flags (summary_flags), and a person held past his order's end, the clock stopped
 * since (summary.c overruns): arrest_overrun, detention_overrun.  clocks NULL: the log does not
 * load. */
static json_t *case_flags(const struct casefile *cf, const struct clock_set *clocks)
{
    json_t *flags = summary_flags(cf);
    bool over[2] = {false, false};
    for (int i = 0; clocks && i < clocks->count; i++)
        if (clock_overrun(&clocks->items[i]))
            over[clocks->items[i].kind == CLK_DETENTION] = true;
    static const char *const code[2] = {"arrest_overrun", "detention_overrun"};
    for (int k = 1; k >= 0; k--)
        if (over[k])
            json_array_append_new(flags, json_string(code[k]));
    return flags;
}

/* The page's lists and the rest on doc, then doc as text (*text, *len); false with err. */
static bool case_page_text(struct tx *tx, const struct actor *who, const struct casefile *cf,
                           const struct store_log *log, const struct clock_set *clocks,
                           bool damaged, const struct render_engine *render, json_t *doc,
                           char **text, size_t *len, struct berr *err)
{
    /* the lists in one round trip */
    struct store_case_lists lists;
    if (!store_case_lists(tx, cf->id, &lists, err))
        return false;
    casepage_lists(&lists, log, cf, doc);
    bool ok = (damaged || acts_case_extras(tx, cf, clocks, &lists, doc, err)) &&
              (damaged || attachable_acts(tx, cf, &lists, doc, err)) &&
              case_stale_papers(tx, who, cf, render, doc, err);
    if (ok) {
        *text = casepage_text(doc, &lists, log, cf, len);
        if (!*text)
            ok = berr_set(err, BERR_INTERNAL, "out of memory");
    }
    store_case_lists_free(&lists);
    return ok;
}

bool app_case_get(struct app *app, const struct actor *who, long long id, struct audit_rec *au,
                  char **text, size_t *len, struct berr *err)
{
    *text = NULL;
    *len = 0;
    au->action = "case.read";
    au->object_type = "case";
    au->object_id = id;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    /* the log read once (issue 12.4): its rows are the core's log and the page's timeline and
     * history, each act's payload decoded once, for both; the full history stays in the answer
     * (the web page picks acts of a kind from it, the CLI's history prints it all), written as
     * text rather than built (casepage_text) */
    struct casefile cf;
    struct store_log log;
    if (!casefile_load_page(&tx, who, id, &cf, &log, err)) {
        tx_end(&tx);
        return false;
    }
    /* the clocks' fold, once for the page: it proves the log loads (a case
     * whose log does not load, a bug of an older release, is still shown,
     * marked damaged with the reason, so that it can be corrected), and its
     * clocks are the page's and the summary's (acts_case_extras) */
    struct clock_set clocks = {.cap = summary_clock_room(&cf)};
    clocks.items = calloc((size_t)clocks.cap, sizeof *clocks.items);
    if (!clocks.items) {
        berr_set(err, BERR_INTERNAL, "out of memory");
        tx_end(&tx);
        store_log_free(&log);
        casefile_free(&cf);
        return false;
    }
    struct berr lerr = {0};
    bool damaged = !casefile_clocks(&cf, cf.now, &clocks, &lerr);
    struct case_view view;
    case_view_of(&cf, damaged ? NULL : &clocks, who, &view);
    json_t *doc = case_doc(&tx, &cf, &view, err);
    if (doc) {
        json_object_set_new(doc, "damaged",
                            damaged ? json_pack("{s:s}", "reason", lerr.message) : json_null());
        json_object_set_new(doc, "flags", case_flags(&cf, damaged ? NULL : &clocks));
    }
    bool ok = doc && case_page_text(&tx, who, &cf, &log, &clocks, damaged, app_render(app), doc,
                                    text, len, err);
    json_decref(doc);
    if (!ok || !audit_ok(&tx, who, au, err) || !tx_commit(&tx, err)) {
        free(*text);
        *text = NULL;
        ok = false;
    }
    tx_end(&tx);
    free(clocks.items);
    store_log_free(&log);
    casefile_free(&cf);
    return ok;
}

/* ---- the list ------------------------------------------------------------------------ */

/* The filters of a list request checked; BAD_INPUT naming the field. */
static bool check_filter(const struct case_filter *flt, struct berr *err)
{
    if (flt->clock && *flt->clock && strcmp(flt->clock, "ok") != 0 &&
        strcmp(flt->clock, "warning") != 0 && strcmp(flt->clock, "overdue") != 0)
        return berr_field(err, BERR_BAD_INPUT, "clock", "clock: ok, warning atau overdue");
    enum stage st;
    if (flt->stage && *flt->stage && !stage_lookup(flt->stage, &st))
        return berr_field(err, BERR_BAD_INPUT, "stage", "tahap tidak dikenal: %.40s", flt->stage);
    if (flt->q && *flt->q && strlen(flt->q) < 3)
        return berr_field(err, BERR_BAD_INPUT, "q", "q paling sedikit 3 karakter");
    if (flt->mine && strcmp(flt->mine, "true") != 0 && strcmp(flt->mine, "false") != 0)
        return berr_field(err, BERR_BAD_INPUT, "mine", "mine: true atau false");
    return true;
}

static json_t *case_item_json(const struct store_case_row *c)
{
    enum stage cs = ST_PRE_INVESTIGATION;
    stage_lookup(c->stage, &cs);
    json_t *item = json_pack("{s:I, s:s, s:s, s:s, s:i, s:I, s:s}", "id", (json_int_t)c->id,
                             "number", c->number, "stage", stage_code(cs), "stage_label",
                             stage_label_of(cs, c->handed_short), "version", c->version,
                             "office_id", (json_int_t)c->office_id, "worst_clock", c->worst_clock);
    json_object_set_new(item, "damaged",
                        c->damaged ? json_pack("{s:s}", "reason", c->damaged) : json_null());
    /* issue 13.3: returns recorded out of time, from the summary */
    json_t *flags = json_loads(c->flags, 0, NULL);
    json_object_set_new(item, "flags", json_is_array(flags) ? flags : json_array());
    if (flags && !json_is_array(flags))
        json_decref(flags);
    return item;
}

json_t *app_cases_list(struct app *app, const struct actor *who, const struct case_filter *flt,
                       struct audit_rec *au, struct berr *err)
{
    au->action = "case.list";
    struct store_case_query q = {.office = who->office_id,
                                 .after = flt->cursor,
                                 .stage = flt->stage,
                                 .number = flt->number,
                                 .article = flt->article,
                                 .q = flt->q,
                                 .clock = flt->clock,
                                 .subtree = flt->office};
    switch (who->role) {
    case ROLE_INVESTIGATOR:
        q.sight = STORE_SEES_OFFICE;
        break;
    case ROLE_SUPERVISOR:
        q.sight = STORE_SEES_SUBTREE;
        break;
    case ROLE_PROSECUTOR:
        q.sight = STORE_SEES_DISCLOSED;
        break;
    default:
        berr_set(err, BERR_FORBIDDEN, "peran ini tidak membaca isi perkara");
        return NULL;
    }
    if (!check_filter(flt, err))
        return NULL;
    /* an investigator's list is their own cases unless they ask for the office's */
    bool mine = flt->mine ? strcmp(flt->mine, "true") == 0 : who->role == ROLE_INVESTIGATOR;
    q.mine = mine ? who->user_id : 0;
    int limit = flt->limit > 0 && flt->limit <= 100 ? flt->limit : 50;
    q.limit = limit + 1;
    struct tx tx;
    if (!list_tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    struct store_case_rows rows;
    json_t *items = store_cases_list(&tx, &q, &rows, err) ? json_array() : NULL;
    long long next_cursor = 0;
    for (int i = 0; items && i < rows.n; i++) {
        if (i == limit) {
            next_cursor = rows.items[i - 1].id;
            break;
        }
        json_array_append_new(items, case_item_json(&rows.items[i]));
    }
    store_case_rows_free(&rows);
    bool ok = items && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    if (!ok) {
        json_decref(items);
        return NULL;
    }
    json_t *page = json_pack("{s:o}", "items", items);
    json_object_set_new(page, "next_cursor", next_cursor ? json_integer(next_cursor) : json_null());
    return page;
}

/* ---- the chain check ----------------------------------------------------------------- */

json_t *app_verify_chain(struct app *app, const struct actor *who, struct audit_rec *au,
                         struct berr *err)
{
    au->action = "chain.verify";
    if (who->role != ROLE_ADMIN) {
        berr_set(err, BERR_FORBIDDEN, "hanya administrator");
        return NULL;
    }
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    struct store_chains chains;
    json_t *broken = store_chains_verify(&tx, who->office_id, &chains, err) ? json_array() : NULL;
    long long cases = 0, events = 0;
    for (int i = 0; broken && i < chains.n; i++) {
        const struct store_chain *c = &chains.items[i];
        cases++;
        events += c->events;
        if (c->broken)
            json_array_append_new(broken,
                                  json_pack("{s:I, s:s, s:I, s:s}", "case_id",
                                            (json_int_t)c->case_id, "number", c->number, "seq",
                                            (json_int_t)c->broken_seq, "reason", c->reason));
    }
    store_chains_free(&chains);
    if (broken)
        snprintf(au->detail, sizeof au->detail, "{\"cases\":%lld,\"broken\":%zu}", cases,
                 json_array_size(broken));
    if (!broken || !audit_ok(&tx, who, au, err) || !tx_commit(&tx, err)) {
        json_decref(broken);
        tx_end(&tx);
        return NULL;
    }
    tx_end(&tx);
    return json_pack("{s:I, s:I, s:b, s:o}", "cases", (json_int_t)cases, "events",
                     (json_int_t)events, "intact", json_array_size(broken) == 0, "broken", broken);
}
