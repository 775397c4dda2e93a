/*
 * signers.c - who signs a document, as they were on the document's date.
 *
 * The rule is data (app.signing_rules, 0007): an order or a letter of the
 * office is signed by the office's official of a given role in force on the
 * act's date (app.officials: Kepala Kantor, Kepala Seksi/Bidang Inteldakim,
 * a Plh./Plt. preferred over the holder while both are in force), never by
 * the PPNS it commands (DOMAIN.md 12; Permenkumham 39/2021 Pasal 1 angka 8);
 * a Berita Acara by the PPNS who did the act; a prosecutor's form by the
 * jaksa who recorded it, "a.n." the Kepala Kejaksaan Negeri in force.  The
 * particulars found are stored with the document as JSON (signer_json) and
 * the dossier reprints from that snapshot, never from today's rows.
 *
 * Officials are managed by the administrators of the office's subtree
 * (app_official_add, app_official_end), audited like every admin act.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "core/caldate.h"
#include "signers.h"
#include "store/tx.h"

static const struct {
    const char *code, *label;
} official_roles[] = {
    {"kepala_kantor", "Kepala Kantor"},
    {"kepala_inteldakim", "Kepala Seksi/Bidang Intelijen dan Penindakan Keimigrasian"},
    {"kepala_kejari", "Kepala Kejaksaan Negeri"},
    {"kasi_pidum", "Kepala Seksi Tindak Pidana Umum"},
};

static const char *role_label(const char *code)
{
    for (size_t i = 0; i < sizeof official_roles / sizeof official_roles[0]; i++)
        if (strcmp(official_roles[i].code, code) == 0)
            return official_roles[i].label;
    return NULL;
}

void signer_link(struct signer_buf *b)
{
    b->s = (struct render_signer){.name = b->name,
                                  .nip = b->nip,
                                  .rank = b->rank,
                                  .grade = b->grade,
                                  .position = b->position,
                                  .on_behalf = b->on_behalf,
                                  .acting = b->acting};
}

bool signer_load_user(struct tx *tx, long long user_id, struct signer_buf *b, struct berr *err)
{
    char uid[24];
    snprintf(uid, sizeof uid, "%lld", user_id);
    const char *p[1] = {uid};
    PGresult *r = tx_query(tx,
                           "SELECT name, nip, pangkat, golongan, position FROM app.users "
                           "WHERE id = $1::bigint",
                           1, p, err);
    if (!r)
        return false;
    bool ok = PQntuples(r) == 1;
    memset(b, 0, sizeof *b);
    if (ok) {
        snprintf(b->name, sizeof b->name, "%s", PQgetvalue(r, 0, 0));
        snprintf(b->nip, sizeof b->nip, "%s", PQgetvalue(r, 0, 1));
        snprintf(b->rank, sizeof b->rank, "%s", PQgetvalue(r, 0, 2));
        snprintf(b->grade, sizeof b->grade, "%s", PQgetvalue(r, 0, 3));
        snprintf(b->position, sizeof b->position, "%s", PQgetvalue(r, 0, 4));
        snprintf(b->kind, sizeof b->kind, "user");
        signer_link(b);
    }
    PQclear(r);
    return ok || berr_set(err, BERR_UNAUTHENTICATED, "pengguna tidak ada lagi");
}

/* The official of role at office in force on date; *found false when none. */
static bool official_on(struct tx *tx, long long office_id, const char *role, const char *date,
                        struct signer_buf *b, bool *found, struct berr *err)
{
    char office[24];
    snprintf(office, sizeof office, "%lld", office_id);
    const char *p[3] = {office, role, date};
    PGresult *r = tx_query(tx,
                           "SELECT acting, title, name, nip, pangkat, golongan FROM app.officials "
                           "WHERE office_id = $1::bigint AND role = $2 AND valid_from <= "
                           "$3::date AND (valid_to IS NULL OR valid_to >= $3::date) "
                           "ORDER BY (acting <> '') DESC, valid_from DESC, id DESC LIMIT 1",
                           3, p, err);
    if (!r)
        return false;
    *found = PQntuples(r) == 1;
    if (*found) {
        memset(b, 0, sizeof *b);
        snprintf(b->acting, sizeof b->acting, "%s", PQgetvalue(r, 0, 0));
        snprintf(b->position, sizeof b->position, "%s", PQgetvalue(r, 0, 1));
        snprintf(b->name, sizeof b->name, "%s", PQgetvalue(r, 0, 2));
        snprintf(b->nip, sizeof b->nip, "%s", PQgetvalue(r, 0, 3));
        snprintf(b->rank, sizeof b->rank, "%s", PQgetvalue(r, 0, 4));
        snprintf(b->grade, sizeof b->grade, "%s", PQgetvalue(r, 0, 5));
        snprintf(b->kind, sizeof b->kind, "official");
        signer_link(b);
    }
    PQclear(r);
    return true;
}

bool signer_for(struct tx *tx, const char *form, long long office_id, long long act_user,
                const char *date, struct signer_buf *b, struct berr *err)
{
    const char *p[1] = {form};
    PGresult *r = tx_query(tx,
                           "SELECT signer, coalesce(official_role, ''), "
                           "coalesce(on_behalf_role, '') FROM app.signing_rules WHERE form = $1",
                           1, p, err);
    if (!r)
        return false;
    char signer[16] = "investigator", role[32] = "", behalf[32] = "";
    if (PQntuples(r) == 1) {
        snprintf(signer, sizeof signer, "%s", PQgetvalue(r, 0, 0));
        snprintf(role, sizeof role, "%s", PQgetvalue(r, 0, 1));
        snprintf(behalf, sizeof behalf, "%s", PQgetvalue(r, 0, 2));
    }
    PQclear(r);
    bool found = false;
    if (strcmp(signer, "official") == 0) {
        if (!official_on(tx, office_id, role, date, b, &found, err))
            return false;
        if (!found) {
            const char *label = role_label(role);
            return berr_field(err, BERR_UNPROCESSABLE, "signer",
                              "tidak ada %s yang menjabat pada %s untuk menandatangani: admin "
                              "kantor mencatatnya dengan 'berkas official add'",
                              label ? label : role, date);
        }
    } else if (!signer_load_user(tx, act_user, b, err)) {
        return false;
    }
    /* a.n. (atas nama): the title of the official the signer signs for */
    if (*behalf || strcmp(signer, "prosecutor") == 0) {
        struct signer_buf head;
        const char *hrole = *behalf ? behalf : "kepala_kejari";
        if (!official_on(tx, office_id, hrole, date, &head, &found, err))
            return false;
        if (found && strcmp(head.nip, b->nip) != 0) {
            /* the head's title without an acting prefix: one signs for the office */
            snprintf(b->on_behalf, sizeof b->on_behalf, "a.n. %.200s", head.position);
        }
    }
    signer_link(b);
    return true;
}

json_t *signer_json(const struct signer_buf *b)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "kind", b->kind, "name", b->name, "nip",
                     b->nip, "pangkat", b->rank, "golongan", b->grade, "position", b->position,
                     "on_behalf", b->on_behalf);
}

bool signer_from_json(json_t *j, struct signer_buf *b)
{
    const char *name = json_string_value(json_object_get(j, "name"));
    if (!name || !*name)
        return false;
    memset(b, 0, sizeof *b);
#define COPY(field, key)                                                                           \
    snprintf(b->field, sizeof b->field, "%s",                                                      \
             json_string_value(json_object_get(j, key))                                            \
                 ? json_string_value(json_object_get(j, key))                                      \
                 : "")
    COPY(kind, "kind");
    COPY(name, "name");
    COPY(nip, "nip");
    COPY(rank, "pangkat");
    COPY(grade, "golongan");
    COPY(position, "position");
    COPY(on_behalf, "on_behalf");
    COPY(acting, "acting");
#undef COPY
    signer_link(b);
    return true;
}

/* ---- officials: the administrators' use cases ------------------------------------------ */

/* Whether office_id is in the admin's subtree (the office itself or below);
 * who NULL is the installation (the demo data). */
static bool in_subtree(struct tx *tx, const struct actor *who, long long office_id,
                       struct berr *err)
{
    if (!who)
        return true;
    char office[24], mine[24];
    snprintf(office, sizeof office, "%lld", office_id);
    snprintf(mine, sizeof mine, "%lld", who->office_id);
    const char *p[2] = {office, mine};
    PGresult *r = tx_query(tx,
                           "SELECT 1 FROM app.offices WHERE id = $1::bigint AND "
                           "(id = $2::bigint OR $2::bigint = ANY (ancestors))",
                           2, p, err);
    if (!r)
        return false;
    bool ok = PQntuples(r) == 1;
    PQclear(r);
    return ok || berr_set(err, BERR_NOT_FOUND, "kantor %lld tidak ditemukan", office_id);
}

json_t *app_officials_list(struct app *app, const struct actor *who, long long office_id,
                           struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    char office[24];
    snprintf(office, sizeof office, "%lld", office_id);
    const char *p[1] = {office};
    PGresult *r = tx_query(&tx, "SELECT 1 FROM app.offices WHERE id = $1::bigint", 1, p, err);
    json_t *items = NULL;
    if (r && PQntuples(r) == 0)
        berr_set(err, BERR_NOT_FOUND, "kantor %lld tidak ditemukan", office_id);
    else if (r) {
        PQclear(r);
        r = tx_query(&tx,
                     "SELECT json_build_object('id', id, 'office_id', office_id, 'role', role, "
                     "'title', title, 'acting', acting, 'name', name, 'nip', nip, 'pangkat', "
                     "pangkat, 'golongan', golongan, 'valid_from', valid_from, 'valid_to', "
                     "valid_to)::text FROM app.officials WHERE office_id = $1::bigint "
                     "ORDER BY role, valid_from, id",
                     1, p, err);
        if (r) {
            items = json_array();
            for (int i = 0; i < PQntuples(r); i++)
                json_array_append_new(items, json_loads(PQgetvalue(r, i, 0), 0, NULL));
        }
    }
    PQclear(r);
    tx_end(&tx);
    return items ? json_pack("{s:I, s:o}", "office_id", (json_int_t)office_id, "items", items)
                 : NULL;
}

static bool official_check(const struct official_input *in, struct berr *err)
{
    if (!in->role || !role_label(in->role))
        return berr_field(err, BERR_BAD_INPUT, "role",
                          "role harus kepala_kantor, kepala_inteldakim, kepala_kejari atau "
                          "kasi_pidum");
    if (!in->title || strlen(in->title) < 3 || strlen(in->title) > 200)
        return berr_field(err, BERR_BAD_INPUT, "title", "title (jabatan tercetak) 3-200 huruf");
    if (in->acting && *in->acting && strcmp(in->acting, "Plh.") != 0 &&
        strcmp(in->acting, "Plt.") != 0)
        return berr_field(err, BERR_BAD_INPUT, "acting", "acting harus kosong, Plh. atau Plt.");
    if (!in->name || strlen(in->name) < 2 || strlen(in->name) > 200)
        return berr_field(err, BERR_BAD_INPUT, "name", "name 2-200 huruf");
    if (!in->nip || strlen(in->nip) != 18 || strspn(in->nip, "0123456789") != 18)
        return berr_field(err, BERR_BAD_INPUT, "nip", "NIP harus 18 angka");
    if (in->golongan && *in->golongan) {
        static const char *const ok[] = {"I", "II", "III", "IV"};
        const char *slash = strchr(in->golongan, '/');
        bool good = false;
        for (size_t i = 0; slash && i < 4; i++)
            if ((size_t)(slash - in->golongan) == strlen(ok[i]) &&
                strncmp(in->golongan, ok[i], strlen(ok[i])) == 0 && slash[1] >= 'a' &&
                slash[1] <= 'e' && slash[2] == '\0')
                good = true;
        if (!good)
            return berr_field(err, BERR_BAD_INPUT, "golongan", "golongan seperti III/c");
    }
    struct caldate d;
    if (!in->valid_from || !caldate_parse(in->valid_from, &d))
        return berr_field(err, BERR_BAD_INPUT, "valid_from", "valid_from harus YYYY-MM-DD");
    if (in->valid_to && *in->valid_to) {
        struct caldate e;
        if (!caldate_parse(in->valid_to, &e))
            return berr_field(err, BERR_BAD_INPUT, "valid_to", "valid_to harus YYYY-MM-DD");
        if (caldate_cmp(e, d) < 0)
            return berr_field(err, BERR_BAD_INPUT, "valid_to",
                              "valid_to tidak boleh sebelum valid_from");
    }
    return true;
}

bool app_official_add(struct app *app, const struct actor *who, long long office_id,
                      const struct official_input *in, long long *id, struct audit_rec *au,
                      struct berr *err)
{
    au->action = "official.add";
    au->object_type = "office";
    au->object_id = office_id;
    if (who && who->role != ROLE_ADMIN)
        return berr_set(err, BERR_FORBIDDEN, "hanya admin yang mencatat pejabat");
    if (!official_check(in, err))
        return false;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who ? who->user_id : 0, err))
        return false;
    char office[24], uid[24];
    snprintf(office, sizeof office, "%lld", office_id);
    snprintf(uid, sizeof uid, "%lld", who ? who->user_id : 0);
    const char *p[11] = {office,
                         in->role,
                         in->title,
                         in->acting ? in->acting : "",
                         in->name,
                         in->nip,
                         in->pangkat ? in->pangkat : "",
                         in->golongan ? in->golongan : "",
                         in->valid_from,
                         in->valid_to && *in->valid_to ? in->valid_to : NULL,
                         who ? uid : NULL};
    bool ok = in_subtree(&tx, who, office_id, err);
    PGresult *r = ok ? tx_query(&tx,
                                "INSERT INTO app.officials (office_id, role, title, acting, name, "
                                "nip, pangkat, golongan, valid_from, valid_to, created_by) VALUES "
                                "($1::bigint, $2, $3, $4, $5, $6, $7, $8, $9::date, $10::date, "
                                "$11::bigint) RETURNING id",
                                11, p, err)
                     : NULL;
    ok = r != NULL;
    if (ok) {
        *id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
        PQclear(r);
        snprintf(au->detail, sizeof au->detail, "{\"official\":%lld,\"role\":\"%s\"}", *id,
                 in->role);
        ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    }
    tx_end(&tx);
    return ok;
}

bool app_official_end(struct app *app, const struct actor *who, long long office_id,
                      long long official_id, const char *valid_to, struct audit_rec *au,
                      struct berr *err)
{
    au->action = "official.end";
    au->object_type = "office";
    au->object_id = office_id;
    if (who && who->role != ROLE_ADMIN)
        return berr_set(err, BERR_FORBIDDEN, "hanya admin yang mengubah pejabat");
    struct caldate d;
    if (!valid_to || !caldate_parse(valid_to, &d))
        return berr_field(err, BERR_BAD_INPUT, "valid_to", "valid_to harus YYYY-MM-DD");
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    char office[24], oid[24];
    snprintf(office, sizeof office, "%lld", office_id);
    snprintf(oid, sizeof oid, "%lld", official_id);
    const char *p[3] = {oid, office, valid_to};
    bool ok = in_subtree(&tx, who, office_id, err);
    PGresult *r = NULL;
    if (ok) {
        r = tx_query(&tx,
                     "UPDATE app.officials SET valid_to = $3::date WHERE id = $1::bigint AND "
                     "office_id = $2::bigint AND valid_from <= $3::date RETURNING id",
                     3, p, err);
        ok = r != NULL;
    }
    if (ok && PQntuples(r) != 1)
        ok = berr_field(err, BERR_NOT_FOUND, "official",
                        "pejabat %lld tidak ada di kantor ini, atau valid_to sebelum "
                        "valid_from",
                        official_id);
    PQclear(r);
    if (ok) {
        snprintf(au->detail, sizeof au->detail, "{\"official\":%lld,\"valid_to\":\"%.10s\"}",
                 official_id, valid_to);
        ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    }
    tx_end(&tx);
    return ok;
}
