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
#include "casecorrect.h"
#include "summary.h"
#include "casework.h"
#include "store/cases.h"
#include "store/tx.h"

static bool check_kejari(struct tx *tx, long long kejari_id, struct berr *err)
{
    bool ok;
    if (!store_kejari_exists(tx, kejari_id, &ok, err))
        return false;
    return ok || berr_field(err, BERR_BAD_INPUT, "kejari_id", "kejari_id harus Kejaksaan Negeri");
}

/* Every id an active investigator of the case's office; at least one.
 * *ids (malloc'd, *n of them) when they are. */
static bool check_investigators(struct tx *tx, const struct casefile *cf, json_t *list,
                                long long **ids, size_t *n, struct berr *err)
{
    *n = json_array_size(list);
    if (!json_is_array(list) || *n == 0 || *n > 20)
        return berr_field(err, BERR_BAD_INPUT, "investigators",
                          "investigators: 1 sampai 20 id penyidik kantor perkara ini");
    *ids = calloc(*n, sizeof **ids);
    if (!*ids)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    for (size_t i = 0; i < *n; i++) {
        json_t *v = json_array_get(list, i);
        if (!json_is_integer(v) || json_integer_value(v) <= 0)
            return berr_field(err, BERR_BAD_INPUT, "investigators",
                              "investigators: daftar id pengguna");
        (*ids)[i] = (long long)json_integer_value(v);
    }
    bool all;
    if (!store_investigators_active(tx, *ids, *n, cf->office_id, &all, err))
        return false;
    return all || berr_field(err, BERR_BAD_INPUT, "investigators",
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
    if (in->kejari_id && in->kejari_id != cf->kejari_id) {
        if (cf->disclosed)
            return berr_field(err, BERR_CONFLICT, "kejari_id",
                              "SPDP atau berkas sudah dikirim ke Kejaksaan Negeri perkara ini: "
                              "Kejari tidak diganti di sini");
        if (!check_kejari(tx, in->kejari_id, err))
            return false;
    }
    return store_case_particulars(tx, cf->id, in->summary, in->source, in->source_note,
                                  in->kejari_id, version, err);
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
    long long *ids = NULL;
    size_t nids = 0;
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
    ok = ok &&
         (!in->investigators || check_investigators(&tx, &cf, in->investigators, &ids, &nids, err));
    ok = ok && write_case(&tx, &cf, in, &version, err) &&
         (!in->investigators || store_case_investigators_set(&tx, case_id, ids, nids, err));
    /* a file from a public report has a reporter to tell (sql/0041, MK 130/PUU-XIII/2015): its
     * source changed, the summary's clocks are worked out again */
    if (ok && in->source)
        ok = summary_refresh(&tx, who, case_id, err);
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
    free(ids);
    casefile_free(&cf);
    return ok;
}
