/*
 * casecorrect.c - correcting a case's particulars: its summary, source, the
 * Kejaksaan Negeri it goes to, and the investigators assigned (issue 8,
 * "no dead ends": a case opened without a summary or a Kejari could never be
 * corrected).
 *
 * One transaction as the investigator: lock the case, compare If-Match with
 * its version (a stale one is 409, never a silent overwrite), check every
 * field, write, bump the version, audit which fields changed (their names,
 * never their content: case data stays out of the audit detail and logs).
 * The act log is not touched: these are the file's particulars, not acts.
 * Once the file or its SPDP has been disclosed to a Kejari, the Kejari is
 * no longer changed here (the prosecutor there already holds it; a transfer
 * is a matter for the prosecutors, DOMAIN.md 4.12).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "casefile.h"
#include "store/tx.h"

static bool check_kejari(struct tx *tx, long long kejari_id, struct berr *err)
{
    char k[24];
    snprintf(k, sizeof k, "%lld", kejari_id);
    const char *p[1] = {k};
    PGresult *r = tx_query(tx, "SELECT kind FROM app.offices WHERE id = $1::bigint", 1, p, err);
    if (!r)
        return false;
    bool ok = PQntuples(r) == 1 && (strcmp(PQgetvalue(r, 0, 0), "kejari") == 0 ||
                                    strcmp(PQgetvalue(r, 0, 0), "cabjari") == 0);
    PQclear(r);
    return ok || berr_field(err, BERR_BAD_INPUT, "kejari_id", "kejari_id harus Kejaksaan Negeri");
}

/* Every id an active investigator of the case's office; at least one. */
static bool check_investigators(struct tx *tx, const struct casefile *cf, json_t *ids, char **csv,
                                struct berr *err)
{
    size_t n = json_array_size(ids);
    if (!json_is_array(ids) || n == 0 || n > 20)
        return berr_field(err, BERR_BAD_INPUT, "investigators",
                          "investigators: 1 sampai 20 id penyidik kantor perkara ini");
    size_t cap = n * 24 + 1, used = 0;
    *csv = malloc(cap);
    if (!*csv)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    (*csv)[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        json_t *v = json_array_get(ids, i);
        if (!json_is_integer(v) || json_integer_value(v) <= 0)
            return berr_field(err, BERR_BAD_INPUT, "investigators",
                              "investigators: daftar id pengguna");
        used += (size_t)snprintf(*csv + used, cap - used, "%s%lld", i ? "," : "",
                                 (long long)json_integer_value(v));
    }
    char office[24], count[24];
    snprintf(office, sizeof office, "%lld", cf->office_id);
    snprintf(count, sizeof count, "%zu", n);
    const char *p[3] = {*csv, office, count};
    PGresult *r = tx_query(tx,
                           "SELECT count(DISTINCT id) = $3::int FROM app.users WHERE id = ANY "
                           "(string_to_array($1, ',')::bigint[]) AND office_id = $2::bigint AND "
                           "role = 'investigator' AND disabled_at IS NULL",
                           3, p, err);
    if (!r)
        return false;
    bool ok = PQgetvalue(r, 0, 0)[0] == 't';
    PQclear(r);
    return ok || berr_field(err, BERR_BAD_INPUT, "investigators",
                            "investigators: setiap id harus penyidik aktif kantor perkara ini, "
                            "tanpa pengulangan");
}

static bool check_input(const struct case_update *in, struct berr *err)
{
    if (!in->summary && !in->source && !in->source_note && !in->kejari_id && !in->investigators)
        return berr_field(err, BERR_BAD_INPUT, "summary",
                          "tidak ada yang diubah: summary, source, source_note, kejari_id atau "
                          "investigators");
    if (in->source && !casework_source_known(in->source))
        return berr_field(err, BERR_BAD_INPUT, "source",
                          "source: jagratara, tim_pora, public_report, apoa, desa_binaan, "
                          "tpi_check, supervision, intelligence, other_agency, other");
    if (in->summary && strlen(in->summary) > 4000)
        return berr_field(err, BERR_BAD_INPUT, "summary", "summary paling panjang 4000 huruf");
    if (in->source_note && strlen(in->source_note) > 1000)
        return berr_field(err, BERR_BAD_INPUT, "source_note",
                          "source_note paling panjang 1000 huruf");
    return true;
}

/* The changed columns; kejari only while nothing was disclosed. */
static bool write_case(struct tx *tx, const struct casefile *cf, const struct case_update *in,
                       int *version, struct berr *err)
{
    char cid[24], kejari[24];
    snprintf(cid, sizeof cid, "%lld", cf->id);
    snprintf(kejari, sizeof kejari, "%lld", in->kejari_id);
    if (in->kejari_id && in->kejari_id != cf->kejari_id) {
        if (cf->disclosed)
            return berr_field(err, BERR_CONFLICT, "kejari_id",
                              "SPDP atau berkas sudah dikirim ke Kejaksaan Negeri perkara ini: "
                              "Kejari tidak diganti di sini");
        if (!check_kejari(tx, in->kejari_id, err))
            return false;
    }
    const char *p[5] = {cid, in->summary, in->source, in->source_note,
                        in->kejari_id ? kejari : NULL};
    PGresult *r = tx_query(tx,
                           "UPDATE app.cases c SET summary = coalesce($2, summary), "
                           "source = coalesce($3, source), source_note = coalesce($4, "
                           "source_note), kejari_id = coalesce($5::bigint, kejari_id), "
                           "version = version + 1, search = lower(c.number || ' ' || "
                           "coalesce($2, summary) || ' ' || coalesce((SELECT string_agg(name "
                           "|| ' ' || coalesce(passport_no, ''), ' ') FROM app.parties WHERE "
                           "case_id = c.id), '')) WHERE id = $1::bigint RETURNING version",
                           5, p, err);
    if (!r)
        return false;
    *version = (int)strtol(PQgetvalue(r, 0, 0), NULL, 10);
    PQclear(r);
    return true;
}

static bool write_investigators(struct tx *tx, long long case_id, const char *csv, struct berr *err)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", case_id);
    const char *p[2] = {cid, csv};
    return tx_exec(tx,
                   "DELETE FROM app.case_investigators WHERE case_id = $1::bigint AND NOT "
                   "(user_id = ANY (string_to_array($2, ',')::bigint[]))",
                   2, p, err) &&
           tx_exec(tx,
                   "INSERT INTO app.case_investigators (case_id, user_id) SELECT $1::bigint, "
                   "u FROM unnest(string_to_array($2, ',')::bigint[]) u ON CONFLICT DO NOTHING",
                   2, p, err);
}

bool app_case_update(struct app *app, const struct actor *who, long long case_id,
                     const struct case_update *in, json_t **out, struct audit_rec *au,
                     struct berr *err)
{
    *out = NULL;
    au->action = "case.update";
    au->object_type = "case";
    au->object_id = case_id;
    if (who->role != ROLE_INVESTIGATOR)
        return berr_set(err, BERR_FORBIDDEN, "hanya penyidik kantor perkara yang mengoreksinya");
    if (!check_input(in, err))
        return false;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    struct casefile cf = {0};
    char *csv = NULL;
    int version = 0;
    bool ok = casefile_load(&tx, who, case_id, true, &cf, err);
    if (ok && cf.office_id != who->office_id)
        ok = berr_set(err, BERR_NOT_FOUND, "perkara %lld tidak ditemukan", case_id);
    /* after the case is known to be the caller's: 404 says nothing about it */
    if (ok && in->if_match < 0)
        ok = berr_field(err, BERR_BAD_INPUT, "If-Match",
                        "If-Match wajib: versi perkara yang Anda lihat, mis. \"%d\"", cf.version);
    if (ok && in->if_match != cf.version)
        ok = berr_field(err, BERR_CONFLICT, "If-Match",
                        "versi perkara sudah %d, bukan %d: muat ulang dan coba lagi", cf.version,
                        in->if_match);
    ok = ok && (!in->investigators || check_investigators(&tx, &cf, in->investigators, &csv, err));
    ok = ok && write_case(&tx, &cf, in, &version, err) &&
         (!csv || write_investigators(&tx, case_id, csv, err));
    if (ok) {
        snprintf(au->detail, sizeof au->detail, "{\"changed\":[%s%s%s%s%s],\"version\":%d}",
                 in->summary ? "\"summary\"," : "", in->source ? "\"source\"," : "",
                 in->source_note ? "\"source_note\"," : "", in->kejari_id ? "\"kejari_id\"," : "",
                 in->investigators ? "\"investigators\"" : "\"\"", version);
        ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    }
    if (ok)
        *out = json_pack("{s:I, s:i}", "id", (json_int_t)case_id, "version", version);
    tx_end(&tx);
    free(csv);
    casefile_free(&cf);
    return ok;
}
