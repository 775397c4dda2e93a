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
#include "core/fsm.h"
#include "sqlbuf.h"
#include "summary.h"
#include "store/tx.h"
#include "visibility.h"

static long long ll(PGresult *r, int row, int col)
{
    return strtoll(PQgetvalue(r, row, col), NULL, 10);
}

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

    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    bool ok = false;
    char office[24], kejari[24], uid[24], year[8];
    snprintf(office, sizeof office, "%lld", who->office_id);
    snprintf(kejari, sizeof kejari, "%lld", in->kejari_id);
    snprintf(uid, sizeof uid, "%lld", who->user_id);
    snprintf(year, sizeof year, "%d", opened.y);
    if (in->kejari_id) {
        const char *pk[1] = {kejari};
        PGresult *k =
            tx_query(&tx, "SELECT kind FROM app.offices WHERE id = $1::bigint", 1, pk, err);
        if (!k)
            goto done;
        bool is_kejari = PQntuples(k) == 1 && (strcmp(PQgetvalue(k, 0, 0), "kejari") == 0 ||
                                               strcmp(PQgetvalue(k, 0, 0), "cabjari") == 0);
        PQclear(k);
        if (!is_kejari) {
            berr_field(err, BERR_BAD_INPUT, "kejari_id", "kejari_id harus Kejaksaan Negeri");
            goto done;
        }
    }
    char number[128];
    if (in->number && *in->number) {
        snprintf(number, sizeof number, "%s", in->number);
    } else {
        /* the office's gapless counter: a rollback gives the number back */
        const char *pn[3] = {office, "LK", year};
        PGresult *n = tx_query(&tx,
                               "INSERT INTO app.counters (office_id, series, year, next) "
                               "VALUES ($1::bigint, $2, $3::int, 2) ON CONFLICT (office_id, "
                               "series, year) DO UPDATE SET next = app.counters.next + 1 "
                               "RETURNING next - 1, (SELECT code FROM app.offices WHERE id = "
                               "$1::bigint)",
                               3, pn, err);
        if (!n)
            goto done;
        snprintf(number, sizeof number, "LK/%s/%s/%04ld", PQgetvalue(n, 0, 1), year,
                 strtol(PQgetvalue(n, 0, 0), NULL, 10));
        PQclear(n);
    }
    const char *pc[8] = {number,
                         office,
                         in->kejari_id ? kejari : NULL,
                         in->source,
                         in->source_note ? in->source_note : "",
                         in->summary ? in->summary : "",
                         in->opened_on,
                         uid};
    PGresult *r = tx_query(&tx,
                           "INSERT INTO app.cases (number, office_id, kejari_id, source, "
                           "source_note, summary, opened_on, created_by, search) VALUES ($1, "
                           "$2::bigint, $3::bigint, $4, $5, $6, $7::date, $8::bigint, "
                           "lower($1 || ' ' || $6)) RETURNING id",
                           8, pc, err);
    if (!r) {
        /* the unique (office, number) key: said in the user's words, naming
         * the field sent, not the constraint (issue 13.11) */
        if (err->kind == BERR_CONFLICT)
            berr_field(err, BERR_CONFLICT, "number",
                       "nomor perkara ini sudah dipakai untuk perkara lain di kantor Anda");
        goto done;
    }
    *id = ll(r, 0, 0);
    PQclear(r);
    au->object_id = *id;
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", *id);
    const char *pi[2] = {cid, uid};
    if (!tx_exec(&tx,
                 "INSERT INTO app.case_investigators (case_id, user_id) VALUES ($1::bigint, "
                 "$2::bigint)",
                 2, pi, err))
        goto done;
    struct event_input ev = {.type = "report_registered",
                             .date = in->opened_on,
                             .number = in->report_number,
                             .note = in->summary,
                             .if_match = -1};
    ok = events_record_tx(&tx, who, *id, &ev, out, err);
    if (!ok) {
        /* the Laporan's act was sent as the case's fields: name those */
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
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
done:
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

static bool check_party_input(const struct party_input *in, struct berr *err)
{
    if (in->kind && strcmp(in->kind, "suspect") != 0 && strcmp(in->kind, "witness") != 0 &&
        strcmp(in->kind, "expert") != 0)
        return berr_field(err, BERR_BAD_INPUT, "kind", "kind: suspect, witness atau expert");
    if (in->nationality && !(strlen(in->nationality) == 2 && upper_alnum(in->nationality, 2, 2) &&
                             in->nationality[0] >= 'A' && in->nationality[1] >= 'A'))
        return berr_field(err, BERR_BAD_INPUT, "nationality",
                          "nationality harus kode negara ISO 3166-1 dua huruf besar, mis. VN");
    if (in->passport_no && !upper_alnum(in->passport_no, 5, 20))
        return berr_field(err, BERR_BAD_INPUT, "passport_no",
                          "passport_no: 5 sampai 20 huruf besar atau angka");
    struct caldate d;
    if (in->birth_date && !caldate_parse(in->birth_date, &d))
        return berr_field(err, BERR_BAD_INPUT, "birth_date", "birth_date harus tanggal YYYY-MM-DD");
    if (in->sex && strcmp(in->sex, "L") != 0 && strcmp(in->sex, "P") != 0)
        return berr_field(err, BERR_BAD_INPUT, "sex", "sex: L (laki-laki) atau P (perempuan)");
    return true;
}

/* The case, locked, if the actor may write to it (its office's investigator). */
static bool writable_case(struct tx *tx, const struct actor *who, long long case_id,
                          struct berr *err)
{
    if (who->role != ROLE_INVESTIGATOR)
        return berr_set(err, BERR_FORBIDDEN, "hanya penyidik kantor perkara ini");
    char sid[24], office[24];
    snprintf(sid, sizeof sid, "%lld", case_id);
    snprintf(office, sizeof office, "%lld", who->office_id);
    const char *p[2] = {sid, office};
    PGresult *r = tx_query(tx,
                           "SELECT 1 FROM app.cases c WHERE c.id = $1::bigint AND c.office_id = "
                           "$2::bigint FOR UPDATE",
                           2, p, err);
    if (!r)
        return false;
    bool found = PQntuples(r) == 1;
    PQclear(r);
    if (!found)
        return berr_set(err, BERR_NOT_FOUND, "perkara %lld tidak ditemukan", case_id);
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
    bool ok = writable_case(&tx, who, case_id, err);
    char cid[24], pid[24], ver[16];
    snprintf(cid, sizeof cid, "%lld", case_id);
    snprintf(pid, sizeof pid, "%lld", party_id);
    snprintf(ver, sizeof ver, "%d", in->if_match);
    const char *p[16] = {cid,
                         in->kind,
                         in->name,
                         in->nationality,
                         in->passport_no,
                         in->birth_date,
                         in->birth_place,
                         in->sex,
                         in->occupation,
                         in->address_id,
                         in->address_abroad,
                         in->language,
                         in->interpreter,
                         pid,
                         in->if_match >= 0 ? ver : NULL,
                         NULL};
    PGresult *r = NULL;
    if (ok && !party_id)
        r = tx_query(&tx,
                     "INSERT INTO app.parties (case_id, kind, name, nationality, passport_no, "
                     "birth_date, birth_place, sex, occupation, address_id, address_abroad, "
                     "language, interpreter) VALUES ($1::bigint, $2, $3, $4, $5, $6::date, "
                     "coalesce($7, ''), $8, coalesce($9, ''), coalesce($10, ''), "
                     "coalesce($11, ''), coalesce($12, ''), coalesce($13, '')) RETURNING id",
                     13, p, err);
    else if (ok)
        /* a correction: only what was sent changes; the version guards it */
        r = tx_query(&tx,
                     "UPDATE app.parties SET kind = coalesce($2, kind), name = coalesce($3, "
                     "name), nationality = coalesce($4, nationality), passport_no = "
                     "coalesce($5, passport_no), birth_date = coalesce($6::date, birth_date), "
                     "birth_place = coalesce($7, birth_place), sex = coalesce($8, sex), "
                     "occupation = coalesce($9, occupation), address_id = coalesce($10, "
                     "address_id), address_abroad = coalesce($11, address_abroad), language = "
                     "coalesce($12, language), interpreter = coalesce($13, interpreter), "
                     "version = version + 1, updated_at = now() WHERE case_id = $1::bigint AND "
                     "id = $14::bigint AND ($15::int IS NULL OR version = $15::int) "
                     "RETURNING id",
                     15, p, err);
    ok = r != NULL;
    if (ok && PQntuples(r) == 0) {
        /* a party of another case (another office's, say) is not found, whatever
         * the version sent: only a party of this case can be stale */
        const char *pe[2] = {cid, pid};
        PGresult *e = in->if_match >= 0 ? tx_query(&tx,
                                                   "SELECT 1 FROM app.parties WHERE case_id = "
                                                   "$1::bigint AND id = $2::bigint",
                                                   2, pe, err)
                                        : NULL;
        bool stale = e && PQntuples(e) == 1;
        PQclear(e);
        ok = berr_set(err, stale ? BERR_CONFLICT : BERR_NOT_FOUND,
                      stale ? "pihak %lld sudah diubah orang lain: muat ulang"
                            : "pihak %lld tidak ditemukan",
                      party_id);
    }
    if (ok)
        *id = ll(r, 0, 0);
    PQclear(r);
    /* the text search sees the names */
    ok = ok && tx_exec(&tx,
                       "UPDATE app.cases c SET search = lower(c.number || ' ' || c.summary || ' '"
                       " || coalesce((SELECT string_agg(name || ' ' || coalesce(passport_no, ''),"
                       " ' ') FROM app.parties WHERE case_id = c.id), '')) WHERE c.id = "
                       "$1::bigint",
                       1, p, err);
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
    bool ok = writable_case(&tx, who, case_id, err);
    char cid[24], pid[24];
    snprintf(cid, sizeof cid, "%lld", case_id);
    snprintf(pid, sizeof pid, "%lld", party_id);
    const char *p[3] = {cid, code, party_id ? pid : NULL};
    if (ok && party_id) {
        const char *ps[2] = {cid, pid};
        PGresult *s = tx_query(&tx,
                               "SELECT 1 FROM app.parties WHERE case_id = $1::bigint AND id = "
                               "$2::bigint AND kind = 'suspect'",
                               2, ps, err);
        ok = s != NULL;
        if (ok && PQntuples(s) == 0)
            ok =
                berr_field(err, BERR_BAD_INPUT, "party_id", "party_id bukan tersangka perkara ini");
        PQclear(s);
    }
    if (ok) { /* once per offence, per suspect or case-wide (0006: case_offences_once) */
        PGresult *d = tx_query(&tx,
                               "SELECT 1 FROM app.case_offences co JOIN app.offence_catalogue oc "
                               "ON oc.id = co.offence_id WHERE co.case_id = $1::bigint AND "
                               "oc.code = $2 AND co.party_id IS NOT DISTINCT FROM $3::bigint",
                               3, p, err);
        ok = d != NULL;
        if (ok && PQntuples(d) > 0)
            ok = berr_field(err, BERR_CONFLICT, "code",
                            party_id ? "pasal %.20s sudah dikenakan kepada tersangka ini"
                                     : "pasal %.20s sudah dikenakan pada perkara ini",
                            code);
        PQclear(d);
    }
    PGresult *r = NULL;
    if (ok)
        r = tx_query(&tx,
                     "INSERT INTO app.case_offences (case_id, offence_id, party_id) "
                     "SELECT $1::bigint, id, $3::bigint FROM app.offence_catalogue "
                     "WHERE code = $2 AND effective_to IS NULL ORDER BY effective_from DESC "
                     "LIMIT 1 RETURNING id",
                     3, p, err);
    ok = r != NULL;
    if (ok && PQntuples(r) == 0)
        ok = berr_field(err, BERR_BAD_INPUT, "code", "pasal %.20s tidak ada di katalog", code);
    if (ok)
        *id = ll(r, 0, 0);
    PQclear(r);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

bool app_evidence_add(struct app *app, const struct actor *who, long long case_id,
                      const char *description, const char *quantity, long long seized_from,
                      const char *seized_on, const char *storage, long long *id,
                      struct audit_rec *au, struct berr *err)
{
    au->action = "evidence.add";
    au->object_type = "case";
    au->object_id = case_id;
    struct caldate d;
    if (seized_on && !caldate_parse(seized_on, &d))
        return berr_field(err, BERR_BAD_INPUT, "seized_on", "seized_on harus tanggal YYYY-MM-DD");
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    bool ok = writable_case(&tx, who, case_id, err);
    char cid[24], pid[24];
    snprintf(cid, sizeof cid, "%lld", case_id);
    snprintf(pid, sizeof pid, "%lld", seized_from);
    const char *p[6] = {
        cid,       description,           quantity ? quantity : "1", seized_from ? pid : NULL,
        seized_on, storage ? storage : ""};
    PGresult *r = NULL;
    if (ok)
        r = tx_query(&tx,
                     "INSERT INTO app.evidence (case_id, description, quantity, seized_from, "
                     "seized_on, storage) SELECT $1::bigint, $2, $3, $4::bigint, $5::date, $6 "
                     "WHERE $4::bigint IS NULL OR EXISTS (SELECT 1 FROM app.parties WHERE id = "
                     "$4::bigint AND case_id = $1::bigint) RETURNING id",
                     6, p, err);
    ok = r != NULL;
    if (ok && PQntuples(r) == 0)
        ok = berr_field(err, BERR_BAD_INPUT, "seized_from", "seized_from bukan pihak perkara ini");
    if (ok)
        *id = ll(r, 0, 0);
    PQclear(r);
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
    bool ok = writable_case(&tx, who, case_id, err);
    char cid[24], oid[24];
    snprintf(cid, sizeof cid, "%lld", case_id);
    snprintf(oid, sizeof oid, "%lld", charge_id);
    const char *p[2] = {cid, oid};
    PGresult *r = NULL;
    if (ok)
        r = tx_query(&tx,
                     "DELETE FROM app.case_offences WHERE case_id = $1::bigint AND id = "
                     "$2::bigint RETURNING (SELECT code FROM app.offence_catalogue oc WHERE "
                     "oc.id = offence_id)",
                     2, p, err);
    ok = r != NULL;
    if (ok && PQntuples(r) == 0)
        ok = berr_set(err, BERR_NOT_FOUND, "sangkaan %lld tidak ada di perkara ini", charge_id);
    if (ok)
        snprintf(au->detail, sizeof au->detail, "{\"charge\":%lld,\"code\":\"%.20s\"}", charge_id,
                 PQgetvalue(r, 0, 0));
    PQclear(r);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

bool app_evidence_correct(struct app *app, const struct actor *who, long long case_id,
                          long long item_id, int if_match, const char *description,
                          const char *quantity, const char *seized_on, const char *storage,
                          struct audit_rec *au, struct berr *err)
{
    au->action = "evidence.correct";
    au->object_type = "case";
    au->object_id = case_id;
    struct caldate d;
    if (seized_on && !caldate_parse(seized_on, &d))
        return berr_field(err, BERR_BAD_INPUT, "seized_on", "seized_on harus tanggal YYYY-MM-DD");
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    bool ok = writable_case(&tx, who, case_id, err);
    char cid[24], iid[24], ver[16];
    snprintf(cid, sizeof cid, "%lld", case_id);
    snprintf(iid, sizeof iid, "%lld", item_id);
    snprintf(ver, sizeof ver, "%d", if_match);
    const char *p[7] = {
        cid, iid, description, quantity, seized_on, storage, if_match >= 0 ? ver : NULL};
    PGresult *r = NULL;
    if (ok)
        r = tx_query(&tx,
                     "UPDATE app.evidence SET description = coalesce($3, description), "
                     "quantity = coalesce($4, quantity), seized_on = coalesce($5::date, "
                     "seized_on), storage = coalesce($6, storage), version = version + 1, "
                     "updated_at = now() WHERE case_id = $1::bigint AND id = $2::bigint AND "
                     "($7::int IS NULL OR version = $7::int) RETURNING id",
                     7, p, err);
    ok = r != NULL;
    if (ok && PQntuples(r) == 0)
        ok = berr_set(err, if_match >= 0 ? BERR_CONFLICT : BERR_NOT_FOUND,
                      if_match >= 0 ? "barang bukti %lld sudah diubah orang lain: muat ulang"
                                    : "barang bukti %lld tidak ditemukan",
                      item_id);
    PQclear(r);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

json_t *app_offence_catalogue(struct app *app, const struct actor *who, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    PGresult *r = tx_query(&tx,
                           "SELECT code, article, label, max_prison_months, min_prison_months, "
                           "max_fine, connector, kurungan, detainable, short_procedure, "
                           "effective_from::text, to_verify FROM app.offence_catalogue "
                           "WHERE effective_to IS NULL ORDER BY article, code",
                           0, NULL, err);
    tx_end(&tx);
    if (!r)
        return NULL;
    json_t *items = json_array();
    for (int i = 0; i < PQntuples(r); i++)
        json_array_append_new(
            items,
            json_pack("{s:s, s:I, s:s, s:I, s:I, s:I, s:s, s:b, s:b, s:b, s:s, s:b}", "code",
                      PQgetvalue(r, i, 0), "article", (json_int_t)ll(r, i, 1), "label",
                      PQgetvalue(r, i, 2), "max_prison_months", (json_int_t)ll(r, i, 3),
                      "min_prison_months", (json_int_t)ll(r, i, 4), "max_fine",
                      (json_int_t)ll(r, i, 5), "connector", PQgetvalue(r, i, 6), "kurungan",
                      PQgetvalue(r, i, 7)[0] == 't', "detainable", PQgetvalue(r, i, 8)[0] == 't',
                      "short_procedure", PQgetvalue(r, i, 9)[0] == 't', "effective_from",
                      PQgetvalue(r, i, 10), "to_verify", PQgetvalue(r, i, 11)[0] == 't'));
    PQclear(r);
    return json_pack("{s:o}", "items", items);
}

/* ---- the case as a document --------------------------------------------------------------- */

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
    /* a notice's delivery: when, and who received it (issue 13.7); the
     * SPDP's, per recipient (13.8) */
    enum notice_kind nk = clock_notice(c->kind);
    if (nk != NOTICE_NONE)
        json_object_set_new(j, "recipient", json_string(notice_code(nk)));
    struct case_event e;
    for (int i = 0; nk != NOTICE_NONE && !c->running && i < cf->nevents; i++) {
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
    /* a direction's own words, and to whom (acts.h) */
    if (c->kind == CLK_DIRECTION && c->source >= 0 && c->source < cf->nevents) {
        json_t *p = cf->ev_payload[c->source];
        json_t *note = json_object_get(p, "note"), *to = json_object_get(p, "to");
        json_object_set_new(j, "text", json_is_string(note) ? json_incref(note) : json_string(""));
        json_object_set_new(j, "to", json_is_integer(to) ? json_incref(to) : json_null());
        json_object_set_new(j, "event_id", json_integer(cf->ev_id[c->source]));
    }
    json_t *warn = json_array();
    for (int i = 0; i < c->nwarn; i++) {
        char w[CALDATE_DATE_LEN];
        caldate_format(c->warn_on[i], w, sizeof w);
        json_array_append_new(warn, json_string(w));
    }
    json_object_set_new(j, "warnings_from", warn);
    return j;
}

#define MAX_CLOCKS 256

static bool clocks_of(const struct casefile *cf, long long now, json_t **clocks,
                      enum clock_state *worst, struct berr *err)
{
    struct clock *items = calloc(MAX_CLOCKS, sizeof *items);
    if (!items)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    struct clock_set set = {.items = items, .cap = MAX_CLOCKS};
    bool ok = casefile_clocks(cf, now, &set, err);
    if (ok) {
        if (clocks) {
            *clocks = json_array();
            for (int i = 0; i < set.count; i++)
                json_array_append_new(*clocks, clock_json(cf, &items[i]));
        }
        *worst = clock_worst(&set);
    }
    free(items);
    return ok;
}

static long long db_now(struct tx *tx, struct berr *err)
{
    PGresult *r = tx_query(tx, "SELECT extract(epoch FROM now())::bigint", 0, NULL, err);
    long long now = r ? ll(r, 0, 0) : 0;
    PQclear(r);
    return now;
}

json_t *app_case_get(struct app *app, const struct actor *who, long long id, struct audit_rec *au,
                     struct berr *err)
{
    au->action = "case.read";
    au->object_type = "case";
    au->object_id = id;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    struct casefile cf;
    json_t *doc = NULL;
    if (!casefile_load(&tx, who, id, false, &cf, err)) {
        tx_end(&tx);
        return NULL;
    }
    long long now = db_now(&tx, err);
    struct caldate today = caldate_local_date(now, cf.zone);
    json_t *clocks = NULL;
    enum clock_state worst = CLOCK_OK;
    /* a case whose log does not load (a bug of an older release) is still
     * shown, marked damaged with the reason, so that it can be corrected */
    struct berr lerr = {0};
    bool damaged = !casefile_loads(&cf, NULL, &lerr);
    if (!now)
        goto done;
    if (damaged)
        clocks = json_array();
    else if (!clocks_of(&cf, now, &clocks, &worst, err))
        goto done;

    struct case_facts f;
    casefile_facts(&cf, -1, today, &f);
    enum event allowed[EV__COUNT];
    int na = fsm_allowed(cf.stage, &f, allowed, EV__COUNT);
    json_t *next = json_array();
    enum actor_role mine = who->role == ROLE_INVESTIGATOR ? ACTOR_INVESTIGATOR
                           : who->role == ROLE_PROSECUTOR ? ACTOR_PROSECUTOR
                           : who->role == ROLE_SUPERVISOR ? ACTOR_SUPERVISOR
                                                          : ACTOR_NONE;
    for (int i = 0; i < na && i < EV__COUNT; i++)
        if (event_recordable_by(allowed[i], mine))
            json_array_append_new(next, json_pack("{s:s, s:s}", "type", event_code(allowed[i]),
                                                  "label", event_label(allowed[i])));

    /* every return counts as a round, the letters after the P-19 too */
    int returns = 0;
    for (int i = 0; i < cf.nevents; i++)
        if (cf.ev[i].event == EV_P19_RECEIVED || cf.ev[i].event == EV_RETURN_LETTER_RECEIVED)
            returns++;
    json_t *facts = json_pack(
        "{s:b, s:b, s:i, s:i, s:b, s:i, s:b, s:i, s:i, s:i}", "report_registered",
        f.report_registered, "spdp_sent", f.spdp_sent, "suspects", f.suspects,
        "suspects_without_bap", f.suspects_without_bap, "resume_written", f.resume_written,
        "instructions_open", f.instructions_open, "p21", f.p21, "offences", f.offences,
        "returns_this_file", f.returns, "returns_out_of_time", f.returns_late);

    char sid[24];
    snprintf(sid, sizeof sid, "%lld", id);
    const char *p[1] = {sid};
    PGresult *r = tx_query(&tx,
                           "SELECT c.number, c.stage, c.version, c.office_id, o.code, o.name, "
                           "o.tz, c.kejari_id, k.name, c.source, c.source_note, c.summary, "
                           "coalesce(c.opened_on::text, ''), c.disclosed_at IS NOT NULL, "
                           "to_char(c.stage_since AT TIME ZONE 'UTC', "
                           "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM app.cases c "
                           "JOIN app.offices o ON o.id = c.office_id "
                           "LEFT JOIN app.offices k ON k.id = c.kejari_id WHERE c.id = $1::bigint",
                           1, p, err);
    if (!r || PQntuples(r) != 1) {
        if (r)
            berr_set(err, BERR_NOT_FOUND, "perkara %lld tidak ditemukan", id);
        PQclear(r);
        json_decref(clocks);
        json_decref(next);
        json_decref(facts);
        goto done;
    }
    doc =
        json_pack("{s:I, s:s, s:s, s:s, s:i, s:{s:I, s:s, s:s, s:s}, s:o, s:s, s:s, s:s, "
                  "s:s, s:b, s:s, s:o, s:o, s:o, s:s, s:i}",
                  "id", (json_int_t)id, "number", PQgetvalue(r, 0, 0), "stage", PQgetvalue(r, 0, 1),
                  "stage_label", stage_label(cf.stage), "version", cf.version, "office", "id",
                  (json_int_t)ll(r, 0, 3), "code", PQgetvalue(r, 0, 4), "name", PQgetvalue(r, 0, 5),
                  "tz", PQgetvalue(r, 0, 6), "kejari",
                  PQgetisnull(r, 0, 7) ? json_null()
                                       : json_pack("{s:I, s:s}", "id", (json_int_t)ll(r, 0, 7),
                                                   "name", PQgetvalue(r, 0, 8)),
                  "source", PQgetvalue(r, 0, 9), "source_note", PQgetvalue(r, 0, 10), "summary",
                  PQgetvalue(r, 0, 11), "opened_on", PQgetvalue(r, 0, 12), "disclosed_to_kejari",
                  PQgetvalue(r, 0, 13)[0] == 't', "stage_since", PQgetvalue(r, 0, 14), "facts",
                  facts, "allowed_events", next, "clocks", clocks, "worst_clock",
                  clock_state_code(worst), "p19_returns", returns);
    PQclear(r);
    json_object_set_new(doc, "damaged",
                        damaged ? json_pack("{s:s}", "reason", lerr.message) : json_null());
    json_object_set_new(doc, "flags", summary_flags(&cf));

    json_t *parts[] = {
        acts_rows_json(
            &tx,
            "SELECT json_build_object('id', id, 'kind', kind, 'name', name, 'nationality', "
            "nationality, 'passport_no', passport_no, 'birth_date', birth_date, "
            "'birth_place', birth_place, 'sex', sex, 'occupation', occupation, "
            "'address_id', address_id, 'address_abroad', address_abroad, 'language', "
            "language, 'interpreter', interpreter, 'version', version)::text "
            "FROM app.parties WHERE case_id = $1::bigint ORDER BY id",
            id, err),
        acts_rows_json(&tx,
                       "SELECT json_build_object('id', co.id, 'code', oc.code, 'label', oc.label, "
                       "'party_id', co.party_id, 'max_prison_months', oc.max_prison_months, "
                       "'detainable', oc.detainable, 'short_procedure', oc.short_procedure, "
                       "'to_verify', oc.to_verify)::text FROM app.case_offences co "
                       "JOIN app.offence_catalogue oc ON oc.id = co.offence_id "
                       "WHERE co.case_id = $1::bigint ORDER BY co.id",
                       id, err),
        acts_rows_json(
            &tx,
            "SELECT json_build_object('id', id, 'description', description, 'quantity', "
            "quantity, 'seized_from', seized_from, 'seized_on', seized_on, 'storage', "
            "storage, 'version', version)::text FROM app.evidence WHERE case_id = $1::bigint "
            "ORDER BY id",
            id, err),
        acts_rows_json(&tx,
                       "SELECT json_build_object('round', i.round, 'received_on', e.legal_date, "
                       "'items', json_agg(json_build_object('id', i.id, 'item_no', i.item_no, "
                       "'text', i.text, 'answer', i.answer, 'answered', i.answer IS NOT NULL, "
                       "'reopens', i.reopens) "
                       "ORDER BY i.item_no))::text FROM app.instructions i JOIN app.events e ON "
                       "e.id = i.event_id WHERE i.case_id = $1::bigint GROUP BY i.round, "
                       "e.legal_date ORDER BY i.round",
                       id, err),
        acts_rows_json(&tx,
                       "SELECT json_build_object('seq', seq, 'date', legal_date, 'from', "
                       "stage_before, 'to', stage_after, 'event', type)::text FROM app.events "
                       "WHERE case_id = $1::bigint AND stage_before <> stage_after ORDER BY seq",
                       id, err),
        acts_rows_json(
            &tx,
            "SELECT json_build_object('id', e.id, 'seq', e.seq, 'type', e.type, "
            "'legal_date', e.legal_date, 'legal_at', e.legal_at, 'number', "
            "coalesce(nullif(e.doc_number, ''), (SELECT d.number FROM app.documents d "
            "WHERE d.event_id = e.id AND d.act_number AND d.revoked_at IS NULL ORDER BY "
            "d.id LIMIT 1), ''), 'documents', (SELECT coalesce(json_agg(json_build_object("
            "'id', d.id, 'form', d.form, 'number', d.number) ORDER BY d.id), '[]') FROM "
            "app.documents d WHERE d.event_id = e.id AND d.revoked_at IS NULL), "
            "'party_id', e.party_id, 'corrects', e.corrects, 'regime', "
            "e.regime, 'stage_before', e.stage_before, 'stage_after', e.stage_after, "
            "'late', e.late, 'entered_at', e.entered_at, 'entered_by', u.name, "
            "'payload', e.payload)::text FROM app.events e JOIN app.users u ON u.id = "
            "e.entered_by WHERE e.case_id = $1::bigint ORDER BY e.seq",
            id, err),
    };
    static const char *const names[] = {"parties",    "offences", "evidence",
                                        "p19_rounds", "timeline", "history"};
    bool complete = true;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (!parts[i])
            complete = false;
        else
            json_object_set_new(doc, names[i], parts[i]);
    }
    /* the event labels, for people */
    json_t *history = json_object_get(doc, "history");
    size_t k;
    json_t *h;
    json_array_foreach(history, k, h)
    {
        enum event ev;
        if (event_lookup(json_string_value(json_object_get(h, "type")), &ev))
            json_object_set_new(h, "label", json_string(event_label(ev)));
    }
    if (complete && !damaged)
        complete = acts_case_extras(&tx, &cf, doc, err);
    if (!complete || !audit_ok(&tx, who, au, err) || !tx_commit(&tx, err)) {
        json_decref(doc);
        doc = NULL;
    }
done:
    tx_end(&tx);
    casefile_free(&cf);
    return doc;
}

/* ---- the list ------------------------------------------------------------------------ */

/* The worst running clock, as of now(), from the case's summary (sql/0009):
 * exactly clock_worst() of the core's clocks, since the summary keeps the
 * earliest due instant and the earliest warning among the running ones. */
#define WORST_CLOCK                                                                                \
    "(CASE WHEN s.damaged IS NOT NULL THEN 'damaged' WHEN s.clock_due_at <= now() THEN "           \
    "'overdue' WHEN s.clock_attention_at <= now() THEN 'warning' ELSE 'ok' END)"

/* One query for the page: the case rows in id order after the cursor, each
 * with its summary; the filters are fragments chosen by what was asked. */
static void cases_list_sql(struct sqlbuf *b, const char *clause, const struct case_filter *flt,
                           bool mine, const char *sub, const char *me)
{
    b->len = (size_t)snprintf(
        b->text, sizeof b->text,
        "SELECT c.id, c.number, c.stage, c.version, c.office_id, " WORST_CLOCK
        ", s.damaged, COALESCE(s.detail->'flags', '[]') FROM app.cases c LEFT JOIN "
        "app.case_summaries s ON "
        "s.case_id = c.id WHERE %s AND c.id > $2::bigint",
        clause);
    b->n = 3; /* $1 the actor's office, $2 the cursor, $3 the limit */
    if (flt->stage && *flt->stage)
        sqlbuf_add(b, " AND c.stage = $?", flt->stage);
    if (flt->number && *flt->number)
        sqlbuf_add(b, " AND c.number = $?", flt->number);
    if (flt->office)
        sqlbuf_add(b,
                   " AND EXISTS (SELECT 1 FROM app.offices so WHERE so.id = c.office_id AND "
                   "$?::bigint = ANY (so.ancestors))",
                   sub);
    if (flt->article && *flt->article)
        sqlbuf_add(b,
                   " AND EXISTS (SELECT 1 FROM app.case_offences co JOIN app.offence_catalogue oc "
                   "ON oc.id = co.offence_id WHERE co.case_id = c.id AND (oc.code = $? OR "
                   "oc.article::text = $?))",
                   flt->article);
    /* accents and case folded on both sides; the trigram index answers it */
    if (flt->q && *flt->q)
        sqlbuf_add(b,
                   " AND app.fold(c.search) LIKE '%' || replace(replace(replace(app.fold($?), "
                   "'\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'",
                   flt->q);
    if (flt->clock && *flt->clock)
        sqlbuf_add(b, " AND (" WORST_CLOCK " = $? OR s.damaged IS NOT NULL)", flt->clock);
    if (mine)
        sqlbuf_add(b,
                   " AND EXISTS (SELECT 1 FROM app.case_investigators ci WHERE ci.case_id = c.id "
                   "AND ci.user_id = $?::bigint AND ci.removed_at IS NULL)",
                   me);
    sqlbuf_add(b, " ORDER BY c.id LIMIT $3::int", NULL);
}

json_t *app_cases_list(struct app *app, const struct actor *who, const struct case_filter *flt,
                       struct audit_rec *au, struct berr *err)
{
    au->action = "case.list";
    const char *clause = case_visible_clause(who->role);
    if (!clause) {
        berr_set(err, BERR_FORBIDDEN, "peran ini tidak membaca isi perkara");
        return NULL;
    }
    if (flt->clock && *flt->clock && strcmp(flt->clock, "ok") != 0 &&
        strcmp(flt->clock, "warning") != 0 && strcmp(flt->clock, "overdue") != 0) {
        berr_field(err, BERR_BAD_INPUT, "clock", "clock: ok, warning atau overdue");
        return NULL;
    }
    enum stage st;
    if (flt->stage && *flt->stage && !stage_lookup(flt->stage, &st)) {
        berr_field(err, BERR_BAD_INPUT, "stage", "tahap tidak dikenal: %.40s", flt->stage);
        return NULL;
    }
    if (flt->q && *flt->q && strlen(flt->q) < 3) {
        berr_field(err, BERR_BAD_INPUT, "q", "q paling sedikit 3 karakter");
        return NULL;
    }
    if (flt->mine && strcmp(flt->mine, "true") != 0 && strcmp(flt->mine, "false") != 0) {
        berr_field(err, BERR_BAD_INPUT, "mine", "mine: true atau false");
        return NULL;
    }
    /* an investigator's list is their own cases unless they ask for the office's */
    bool mine = flt->mine ? strcmp(flt->mine, "true") == 0 : who->role == ROLE_INVESTIGATOR;
    int limit = flt->limit > 0 && flt->limit <= 100 ? flt->limit : 50;
    char office[24], cursor[24], sub[24], lim[16], me[24];
    snprintf(office, sizeof office, "%lld", who->office_id);
    snprintf(cursor, sizeof cursor, "%lld", flt->cursor);
    snprintf(sub, sizeof sub, "%lld", flt->office);
    snprintf(lim, sizeof lim, "%d", limit + 1);
    snprintf(me, sizeof me, "%lld", who->user_id);
    struct sqlbuf *b = calloc(1, sizeof *b);
    if (!b) {
        berr_set(err, BERR_INTERNAL, "out of memory");
        return NULL;
    }
    b->params[0] = office;
    b->params[1] = cursor;
    b->params[2] = lim;
    cases_list_sql(b, clause, flt, mine, sub, me);
    struct tx tx;
    if (!list_tx_begin(&tx, app->db, who->user_id, err)) {
        free(b);
        return NULL;
    }
    PGresult *r = tx_query(&tx, b->text, b->n, b->params, err);
    free(b);
    json_t *items = r ? json_array() : NULL;
    long long next_cursor = 0;
    for (int i = 0; r && i < PQntuples(r); i++) {
        if (i == limit) {
            next_cursor = ll(r, i - 1, 0);
            break;
        }
        enum stage cs = ST_PRE_INVESTIGATION;
        stage_lookup(PQgetvalue(r, i, 2), &cs);
        json_t *item =
            json_pack("{s:I, s:s, s:s, s:s, s:i, s:I, s:s}", "id", (json_int_t)ll(r, i, 0),
                      "number", PQgetvalue(r, i, 1), "stage", stage_code(cs), "stage_label",
                      stage_label(cs), "version", (int)ll(r, i, 3), "office_id",
                      (json_int_t)ll(r, i, 4), "worst_clock", PQgetvalue(r, i, 5));
        json_object_set_new(
            item, "damaged",
            PQgetisnull(r, i, 6) ? json_null() : json_pack("{s:s}", "reason", PQgetvalue(r, i, 6)));
        /* issue 13.3: returns recorded out of time, from the summary */
        json_t *flags = json_loads(PQgetvalue(r, i, 7), 0, NULL);
        json_object_set_new(item, "flags", json_is_array(flags) ? flags : json_array());
        if (flags && !json_is_array(flags))
            json_decref(flags);
        json_array_append_new(items, item);
    }
    PQclear(r);
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
    /* app.verify_chain() sees every log of the admin's subtree but returns only
     * links, not contents */
    char office[24];
    snprintf(office, sizeof office, "%lld", who->office_id);
    const char *po[1] = {office};
    PGresult *r = tx_query(&tx,
                           "SELECT case_id, number, events, broken_seq, reason FROM "
                           "app.verify_chain($1::bigint)",
                           1, po, err);
    json_t *broken = r ? json_array() : NULL;
    long long cases = 0, events = 0;
    for (int i = 0; r && i < PQntuples(r); i++) {
        cases++;
        events += ll(r, i, 2);
        if (!PQgetisnull(r, i, 3))
            json_array_append_new(
                broken, json_pack("{s:I, s:s, s:I, s:s}", "case_id", (json_int_t)ll(r, i, 0),
                                  "number", PQgetvalue(r, i, 1), "seq", (json_int_t)ll(r, i, 3),
                                  "reason", PQgetvalue(r, i, 4)));
    }
    PQclear(r);
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
