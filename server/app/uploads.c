/*
 * uploads.c - documents from outside berkas: a court's penetapan, the
 * Kejari's letters, a delivery receipt, the signed scan of an issued
 * document (issue 8.3).
 *
 * An upload is a PDF (its content is sniffed and read by libqpdf; the name
 * and the Content-Type are not trusted), at most the setting
 * upload.max_bytes, stored in PostgreSQL with its SHA-256 and page count,
 * and attached to an act of the case or to an issued document (its signed
 * scan).  Who may attach it is who records the act: an investigator to
 * the investigator's acts of their office's case, a prosecutor to the
 * prosecutor's acts of a case that reached their Kejari, and while the
 * prosecutor holds the file (Tahap I, P-21, Tahap II) no investigator attaches
 * a paper to the file he was sent (file_takes).  An act recorded
 * with a number given outside berkas has its paper here, under that
 * number: the act's number and its paper's are one.  The dossier binds
 * the uploads of the investigator's acts in their place (forms.c, with
 * render_pdf_bind).
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "casefile.h"
#include "core/caldate.h"
#include "core/event.h"
#include "render/render.h"
#include "stale.h"
#include "store/documents.h"
#include "store/tx.h"
#include "uploads.h"
#include "validate.h"

/* The setting upload.max_bytes, read on its own before anything else is done. */
static long long upload_limit(struct app *app, const struct actor *who, struct berr *err)
{
    long long v = 0;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return -1;
    bool ok = store_upload_limit(&tx, &v, err);
    tx_end(&tx);
    return !ok ? -1 : v > 0 ? v : 10LL * 1024 * 1024;
}

/* What needs no database, done before the case is locked: the size (the setting read on its
 * own), and the PDF's check - a walk of every object, capped (render.h) but the longest part of
 * an upload, which held every writer of the case while it ran (reviewer's finding 9). */
static bool pdf_check(struct app *app, const struct actor *who, const struct upload_input *in,
                      int *pages, struct berr *err)
{
    long long limit = upload_limit(app, who, err);
    if (limit < 0)
        return false;
    if ((long long)in->len > limit)
        return berr_field(err, BERR_TOO_LARGE, "file",
                          "PDF %zu bait melebihi batas %lld bait (upload.max_bytes)", in->len,
                          limit);
    return render_pdf_check(in->pdf, in->len, pages, err);
}

/* The act the upload belongs to: its type, its number, whether the uploader's
 * role records it.  Or the document it is the signed scan of. */
static bool target_check(struct tx *tx, const struct actor *who, long long case_id,
                         const struct upload_input *in, struct store_upload_target *out,
                         struct berr *err)
{
    struct store_upload_target t = {0};
    bool ok = false;
    if (!(in->event_id ? store_upload_target_act(tx, case_id, in->event_id, &t, &ok, err)
                       : store_upload_target_document(tx, case_id, in->document_id, &t, &ok, err)))
        return false;
    if (!ok)
        berr_field(err, BERR_NOT_FOUND, in->event_id ? "event" : "document",
                   in->event_id ? "peristiwa %lld tidak ada di perkara ini"
                                : "dokumen %lld tidak ada di perkara ini",
                   in->event_id ? in->event_id : in->document_id);
    if (ok && in->event_id) {
        enum event ev;
        bool known = event_lookup(t.type, &ev);
        enum actor_role role = who->role == ROLE_INVESTIGATOR ? ACTOR_INVESTIGATOR
                               : who->role == ROLE_PROSECUTOR ? ACTOR_PROSECUTOR
                                                              : ACTOR_NONE;
        if (!known || !event_recordable_by(ev, role))
            ok = berr_set(err, BERR_FORBIDDEN,
                          "peran Anda tidak mencatat tindakan ini, jadi tidak melampirkan "
                          "dokumennya");
    } else if (ok) {
        if (strcmp(t.issuer, who->role == ROLE_PROSECUTOR ? "prosecutor" : "investigator") != 0)
            ok = berr_set(err, BERR_FORBIDDEN, "dokumen ini diterbitkan oleh peran lain");
    }
    *out = t;
    return ok;
}

/* The log index of the last time the file left the investigator: sent (Tahap I), sent again
 * after a P-19, or handed over at once (short procedure); -1 when never. */
static int last_sending(const struct casefile *cf)
{
    int last = -1;
    struct case_event e;
    for (int i = 0; i < cf->nevents; i++)
        if (evlog_effective(cf->ev, cf->nevents, i, &e) &&
            (e.event == EV_TAHAP1_SENT || e.event == EV_RESUBMITTED ||
             e.event == EV_SHORT_PROCEDURE_HANDOVER))
            last = i;
    return last;
}

/* The papers the prosecutor holds stay as he holds them (issue 22; as a revocation, stale.c):
 * while the file is with him (Tahap I) or accepted (P-21, Tahap II), an investigator attaches
 * no paper to an act recorded before the file last left him, nor a scan to a document issued
 * for one or for no act: it would change, unseen, the berkas perkara he examines or has
 * accepted.  An act recorded since (the Ketua PN's approval of an urgent act, a detention's
 * extension, the Tahap II hand-over) takes its paper: it was never in the file he holds.  The
 * prosecutor's own papers are not the investigator's file; a returned file (P-18/P-19) takes
 * papers again. */
static bool file_takes(const struct actor *who, const struct casefile *cf,
                       const struct store_upload_target *t, const struct upload_input *in,
                       struct berr *err)
{
    if (who->role != ROLE_INVESTIGATOR || !stale_file_held(cf))
        return true;
    int at = t->act_id ? casefile_root(cf, casefile_event_index(cf, t->act_id)) : -1;
    if (at >= 0 && at > last_sending(cf))
        return true;
    char paper[300];
    enum event ev;
    if (in->event_id)
        snprintf(paper, sizeof paper, "dokumen %s",
                 event_lookup(t->type, &ev) ? event_label(ev) : t->type);
    else
        snprintf(paper, sizeof paper, "pindaian dokumen no. %s", t->number);
    return stale_held_refusal(cf, in->event_id ? "event" : "document", paper, "dilampirkan", err);
}

static bool input_check(const struct upload_input *in, struct berr *err)
{
    if (!in->event_id == !in->document_id)
        return berr_field(err, BERR_BAD_INPUT, "event",
                          "lampirkan ke satu tindakan (event) atau satu dokumen (document)");
    if (!in->title || strlen(in->title) < 2 || strlen(in->title) > 200)
        return berr_field(err, BERR_BAD_INPUT, "title", "title: 2 sampai 200 huruf");
    if (in->number && strlen(in->number) > 160)
        return berr_field(err, BERR_BAD_INPUT, "number", "number paling panjang 160 huruf");
    struct caldate d;
    if (in->dated && !caldate_parse(in->dated, &d))
        return berr_field(err, BERR_BAD_INPUT, "dated", "dated harus tanggal YYYY-MM-DD");
    if (in->dated && !validate_not_future(d, "dated", err))
        return false;
    if (!in->pdf || in->len == 0)
        return berr_field(err, BERR_BAD_INPUT, "file", "tidak ada isi PDF");
    return true;
}

static bool upload_insert(struct tx *tx, const struct actor *who, long long case_id,
                          const struct upload_input *in, const char *number, const char *sha,
                          int pages, long long *id, struct berr *err)
{
    struct store_upload_new row = {.case_id = case_id,
                                   .event_id = in->event_id,
                                   .document_id = in->document_id,
                                   .uploaded_by = who->user_id,
                                   .title = in->title,
                                   .number = number,
                                   .dated = in->dated,
                                   .pdf = in->pdf,
                                   .len = in->len,
                                   .sha256_hex = sha,
                                   .pages = pages,
                                   .checked = RENDER_PDF_CHECK_VERSION};
    bool ok = store_upload_insert(tx, &row, id, err);
    return ok;
}

bool app_upload_add(struct app *app, const struct actor *who, long long case_id,
                    const struct upload_input *in, json_t **out, struct audit_rec *au,
                    struct berr *err)
{
    *out = NULL;
    au->action = "upload.add";
    au->object_type = "case";
    au->object_id = case_id;
    if (who->role != ROLE_INVESTIGATOR && who->role != ROLE_PROSECUTOR)
        return berr_set(err, BERR_FORBIDDEN, "peran ini tidak melampirkan dokumen perkara");
    int pages = 0;
    if (!input_check(in, err) || !pdf_check(app, who, in, &pages, err))
        return false;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    struct casefile cf = {0};
    struct store_upload_target t = {0};
    char number[161] = "", sha[65];
    long long id = 0;
    bool ok = casefile_load(&tx, who, case_id, true, &cf, err) &&
              target_check(&tx, who, case_id, in, &t, err) && file_takes(who, &cf, &t, in, err);
    snprintf(number, sizeof number, "%s", t.number);
    if (ok) {
        unsigned char h[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(h, in->pdf, in->len);
        sodium_bin2hex(sha, sizeof sha, h, sizeof h);
        /* one number: the act's (outside, or its issued paper's) is its upload's */
        if (in->number && *in->number && *number && strcmp(in->number, number) != 0)
            ok = berr_field(err, BERR_CONFLICT, "number",
                            "tindakan ini bernomor %s: dokumennya tidak bernomor lain", number);
        else if (in->number && *in->number)
            snprintf(number, sizeof number, "%s", in->number);
    }
    ok = ok && upload_insert(&tx, who, case_id, in, number, sha, pages, &id, err);
    if (ok) {
        snprintf(au->detail, sizeof au->detail,
                 "{\"upload\":%lld,\"sha256\":\"%s\",\"bytes\":%zu,\"pages\":%d}", id, sha, in->len,
                 pages);
        ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    }
    if (ok)
        *out = json_pack("{s:I, s:I, s:s, s:s, s:s, s:i, s:I}", "id", (json_int_t)id, "case_id",
                         (json_int_t)case_id, "title", in->title, "number", number, "sha256", sha,
                         "pages", pages, "size", (json_int_t)in->len);
    if (ok && in->event_id)
        json_object_set_new(*out, "event_id", json_integer(in->event_id));
    if (ok && in->document_id)
        json_object_set_new(*out, "document_id", json_integer(in->document_id));
    tx_end(&tx);
    casefile_free(&cf);
    return ok;
}

bool app_upload_passes(const struct store_upload_blob *u, struct berr *why)
{
    int pages = 0;
    berr_clear(why);
    return strcmp(u->checked, RENDER_PDF_CHECK_VERSION) == 0 ||
           render_pdf_check(u->pdf, u->len, &pages, why);
}

/* An upload stored before the check that fails it now (reviewer's finding 8): nothing with
 * active content leaves the server as if it were clean - not here, not in the dossier. */
static bool withheld(const struct store_upload_blob *u, long long id, struct berr *err)
{
    struct berr why = {0};
    if (app_upload_passes(u, &why))
        return true;
    if (why.kind == BERR_INTERNAL) {
        *err = why;
        return false;
    }
    return berr_set(err, BERR_CONFLICT,
                    "lampiran %lld \"%.60s\" disimpan sebelum isi PDF diperiksa dan kini tidak "
                    "lolos pemeriksaan, sehingga tidak diberikan dan tidak dijilid ke berkas "
                    "perkara; unggah ulang hasil pindai yang bersih. Ditemukan: %.230s",
                    id, u->title, why.message);
}

bool app_upload_pdf(struct app *app, const struct actor *who, long long upload_id,
                    unsigned char **pdf, size_t *len, struct audit_rec *au, struct berr *err)
{
    au->action = "upload.read";
    au->object_type = "upload";
    au->object_id = upload_id;
    *pdf = NULL;
    if (who->role == ROLE_ADMIN)
        return berr_set(err, BERR_FORBIDDEN, "peran ini tidak membaca isi perkara");
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    /* the case's fence (row-level security) decides who sees it; then the check */
    bool found = false;
    struct store_upload_blob u;
    bool ok = store_upload_pdf(&tx, upload_id, &u, &found, err) &&
              (found || berr_set(err, BERR_NOT_FOUND, "lampiran %lld tidak ditemukan", upload_id));
    ok = ok && withheld(&u, upload_id, err);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    if (ok) {
        *pdf = u.pdf;
        *len = u.len;
    } else {
        free(u.pdf);
    }
    return ok;
}
