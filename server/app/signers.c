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
#include "store/offices.h"
#include "store/signers.h"
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

/* b from a person found (kind "user" or "official"), its view linked */
static void signer_copy(struct signer_buf *b, const struct store_signer *p, const char *kind)
{
    memset(b, 0, sizeof *b);
    snprintf(b->acting, sizeof b->acting, "%s", p->acting);
    snprintf(b->position, sizeof b->position, "%s", p->position);
    snprintf(b->name, sizeof b->name, "%s", p->name);
    snprintf(b->nip, sizeof b->nip, "%s", p->nip);
    snprintf(b->rank, sizeof b->rank, "%s", p->pangkat);
    snprintf(b->grade, sizeof b->grade, "%s", p->golongan);
    snprintf(b->kind, sizeof b->kind, "%s", kind);
    signer_link(b);
}

bool signer_load_user(struct tx *tx, long long user_id, struct signer_buf *b, struct berr *err)
{
    struct store_signer p;
    bool found = false;
    if (!store_signer_user(tx, user_id, &p, &found, err))
        return false;
    if (found)
        signer_copy(b, &p, "user");
    else
        memset(b, 0, sizeof *b);
    store_signer_free(&p);
    return found || berr_set(err, BERR_UNAUTHENTICATED, "pengguna tidak ada lagi");
}

bool signer_official_on(struct tx *tx, long long office_id, const char *role, const char *date,
                        struct signer_buf *b, bool *found, struct berr *err)
{
    struct store_signer p;
    if (!store_official_on(tx, office_id, role, date, &p, found, err))
        return false;
    if (*found)
        signer_copy(b, &p, "official");
    store_signer_free(&p);
    return true;
}

bool signer_for(struct tx *tx, const char *form, long long office_id, long long act_user,
                const char *date, struct signer_buf *b, struct berr *err)
{
    struct store_signing_rule rule;
    bool found = false;
    if (!store_signing_rule(tx, form, &rule, &found, err))
        return false;
    char signer[16] = "investigator", role[32] = "", behalf[32] = "";
    if (found) {
        snprintf(signer, sizeof signer, "%s", rule.signer);
        snprintf(role, sizeof role, "%s", rule.official_role);
        snprintf(behalf, sizeof behalf, "%s", rule.on_behalf_role);
    }
    found = false;
    if (strcmp(signer, "official") == 0) {
        if (!signer_official_on(tx, office_id, role, date, b, &found, err))
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
        if (!signer_official_on(tx, office_id, hrole, date, &head, &found, err))
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
    bool in = false;
    if (!store_office_in_subtree(tx, office_id, who->office_id, &in, err))
        return false;
    return in || berr_set(err, BERR_NOT_FOUND, "kantor %lld tidak ditemukan", office_id);
}

/* One official as the list shows it. */
static json_t *official_json(const struct store_official *f)
{
    return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o}", "id",
                     (json_int_t)f->id, "office_id", (json_int_t)f->office_id, "role", f->role,
                     "title", f->title, "acting", f->acting, "name", f->name, "nip", f->nip,
                     "pangkat", f->pangkat, "golongan", f->golongan, "valid_from", f->valid_from,
                     "valid_to", f->valid_to ? json_string(f->valid_to) : json_null());
}

json_t *app_officials_list(struct app *app, const struct actor *who, long long office_id,
                           struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    bool exists = false;
    struct store_officials list = {0};
    json_t *items = NULL;
    bool ok = store_office_exists(&tx, office_id, &exists, err) &&
              (exists || berr_set(err, BERR_NOT_FOUND, "kantor %lld tidak ditemukan", office_id));
    if (ok && store_officials_of(&tx, office_id, &list, err)) {
        items = json_array();
        for (int i = 0; i < list.n; i++)
            json_array_append_new(items, official_json(&list.items[i]));
    }
    store_officials_free(&list);
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
    struct store_official_new row = {.office_id = office_id,
                                     .created_by = who ? who->user_id : 0,
                                     .role = in->role,
                                     .title = in->title,
                                     .acting = in->acting ? in->acting : "",
                                     .name = in->name,
                                     .nip = in->nip,
                                     .pangkat = in->pangkat ? in->pangkat : "",
                                     .golongan = in->golongan ? in->golongan : "",
                                     .valid_from = in->valid_from,
                                     .valid_to =
                                         in->valid_to && *in->valid_to ? in->valid_to : NULL};
    bool ok = in_subtree(&tx, who, office_id, err) && store_official_insert(&tx, &row, id, err);
    if (ok) {
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
    bool found = false;
    bool ok = in_subtree(&tx, who, office_id, err) &&
              store_official_end(&tx, office_id, official_id, valid_to, &found, err);
    if (ok && !found)
        ok = berr_field(err, BERR_NOT_FOUND, "official",
                        "pejabat %lld tidak ada di kantor ini, atau valid_to sebelum "
                        "valid_from",
                        official_id);
    if (ok) {
        snprintf(au->detail, sizeof au->detail, "{\"official\":%lld,\"valid_to\":\"%.10s\"}",
                 official_id, valid_to);
        ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    }
    tx_end(&tx);
    return ok;
}
