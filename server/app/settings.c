/* settings.c - see settings.h. */
#include "settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "identity.h"
#include "store/settings.h"
#include "store/tx.h"
#include "validate.h"

enum setting_type { SET_INT, SET_BOOL, SET_TEXT };

/*
 * Every setting the code reads, with what a value may be.  A C table rather than a column of
 * app.settings: each bound is the code's knowledge of how the value is used (read as an int by
 * PostgreSQL's value::int, a byte count below the HTTP server's own 32 MiB upload limit, a
 * minute count that must lock a guessed password out for at least a minute), so it changes with
 * the code that reads it, and a key added by a migration without a row here cannot be set over
 * HTTP at all (GET lists it as type "unknown") instead of taking any text.  For text, min and
 * max count characters.  takes_effect: "now" - read at each use (in the same statement as the
 * use, or each request); "10s" - the log-on rate limits, read at most every 10 seconds
 * (identity.c limits_get).  None needs a restart.  note: what the setting does, in Indonesian,
 * for the administrator's page and the CLI (the English note the migrations wrote into
 * app.settings.note is listed beside it as note_en).
 */
static const struct setting_rule {
    const char *key;
    enum setting_type type;
    long long min, max;
    const char *takes_effect;
    const char *note;
} rules[] = {
    {"dossier.p19_answers_need_paper", SET_BOOL, 0, 1, "now",
     "Butir P-19 yang dijawab harus menunjuk tindakan yang dokumennya menjawabnya, atau "
     "dokumennya diunggah pada jawaban itu, sebelum berkas perkara dikirim (lagi)"},
    {"dossier.tahap1_requires_documents", SET_BOOL, 0, 1, "now",
     "Tahap I ditolak sampai dokumen yang diperlukan berkas perkara diterbitkan atau diunggah"},
    {"idempotency.keep_hours", SET_INT, 1, 720, "now",
     "Selama ini (jam) permintaan pembuatan yang diulang dengan Idempotency-Key yang sama "
     "mendapat jawaban pertama"},
    {"login.address_per_minute", SET_INT, 1, 10000, "10s",
     "Kegagalan masuk per menit dari satu alamat klien (lebih dari itu: 429 dengan "
     "Retry-After)"},
    {"login.banner", SET_TEXT, 10, 4000, "now", /* as PUT /api/v1/banner */
     "Peringatan yang ditampilkan sebelum masuk (CJIS AC-8)"},
    {"login.failure_window_minutes", SET_INT, 1, 1440, "now",
     "Rentang waktu (menit) tempat kegagalan masuk dihitung untuk mengunci akun"},
    {"login.lock_growth", SET_INT, 1, 10, "now",
     "Setiap penguncian berikutnya tanpa masuk berhasil di antaranya berlangsung sekian kali "
     "lebih lama"},
    {"login.lock_max_minutes", SET_INT, 1, 10080, "now",
     "Tidak ada penguncian yang lebih lama dari ini (menit)"},
    {"login.lock_minutes", SET_INT, 1, 1440, "now",
     "Penguncian pertama (menit) setelah terlalu banyak kegagalan masuk (CJIS 5.5.3: 10 menit "
     "kecuali dibuka administrator)"},
    {"login.max_failures", SET_INT, 1, 20, "now",
     "Kegagalan masuk dalam rentang waktu yang mengunci akun (CJIS 5.5.3: paling banyak 5)"},
    {"login.nip_per_minute", SET_INT, 1, 1000, "10s",
     "Kegagalan masuk per menit untuk satu NIP, ada atau tidak (lebih dari itu: 429)"},
    {"session.absolute_hours", SET_INT, 1, 168, "now",
     "Sesi berakhir sekian jam setelah masuk, apa pun yang terjadi"},
    {"session.idle_minutes", SET_INT, 1, 1440, "now",
     "Sesi berakhir setelah tidak ada kegiatan selama ini (menit)"},
    {"session.max_per_user", SET_INT, 1, 100, "now",
     "Sesi terbuka per pengguna; masuk berikutnya mengakhiri yang tertua"},
    {"upload.max_bytes", SET_INT, 1024, 32LL * 1024 * 1024, "now",
     "PDF terbesar yang diterima sebagai unggahan (byte)"},
    {"verify.address_per_minute", SET_INT, 1, 10000, "10s",
     "Permintaan GET /verify/{kode} per menit dari satu alamat klien (lebih dari itu: 429)"},
};

static const char *const type_names[] = {"integer", "boolean", "text"};

static const struct setting_rule *rule_of(const char *key)
{
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (strcmp(rules[i].key, key) == 0)
            return &rules[i];
    return NULL;
}

static json_t *setting_json(const struct store_setting *s)
{
    const struct setting_rule *r = rule_of(s->key);
    json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "key", s->key, "value", s->value,
                          "note", r ? r->note : s->note, "note_en", s->note, "updated_at",
                          s->updated_at, "type", r ? type_names[r->type] : "unknown");
    if (j && r && r->type != SET_BOOL) {
        json_object_set_new(j, "min", json_integer(r->min));
        json_object_set_new(j, "max", json_integer(r->max));
    }
    if (j && r)
        json_object_set_new(j, "takes_effect", json_string(r->takes_effect));
    return j;
}

json_t *app_settings_list(struct app *app, const struct actor *who, struct berr *err)
{
    if (who->role != ROLE_ADMIN) {
        berr_set(err, BERR_FORBIDDEN, "hanya administrator");
        return NULL;
    }
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    tx_last(&tx);
    struct store_settings got;
    bool ok = store_settings_list(&tx, &got, err);
    tx_end(&tx);
    if (!ok)
        return NULL;
    json_t *items = json_array();
    for (int i = 0; i < got.n; i++)
        json_array_append_new(items, setting_json(&got.items[i]));
    store_settings_free(&got);
    return json_pack("{s:o}", "items", items);
}

/* value as rule r allows it, its canonical text into *out (value itself, or the integer
 * rewritten into num); else a 400 naming value. */
static bool check_value(const struct setting_rule *r, const char *value, char num[24],
                        const char **out, struct berr *err)
{
    *out = value;
    if (r->type == SET_BOOL)
        return strcmp(value, "true") == 0 || strcmp(value, "false") == 0 ||
               berr_field(err, BERR_BAD_INPUT, "value", "%s harus true atau false", r->key);
    if (r->type == SET_TEXT) {
        size_t len = utf8_length(value);
        return (!validate_blank(value) && len >= (size_t)r->min && len <= (size_t)r->max) ||
               berr_field(err, BERR_BAD_INPUT, "value", "%s harus teks %lld sampai %lld karakter",
                          r->key, r->min, r->max);
    }
    char *end = NULL;
    errno = 0;
    long long v = value[0] >= '0' && value[0] <= '9' ? strtoll(value, &end, 10) : 0;
    if (!end || *end || errno || v < r->min || v > r->max)
        return berr_field(err, BERR_BAD_INPUT, "value", "%s harus bilangan bulat %lld sampai %lld",
                          r->key, r->min, r->max);
    snprintf(num, 24, "%lld", v);
    *out = num;
    return true;
}

/* The audit detail: {"key", "old", "new"}, each value cut to whole characters to fit. */
static void audit_detail(struct audit_rec *au, const char *key, const char *old, const char *now)
{
    enum { CUT = 80 };
    for (size_t cut = CUT; cut >= 10; cut /= 2) {
        char a[4 * CUT + 1], b[4 * CUT + 1]; /* CUT characters of up to 4 bytes each */
        snprintf(a, sizeof a, "%.*s", utf8_prefix_bytes(old, cut), old);
        snprintf(b, sizeof b, "%.*s", utf8_prefix_bytes(now, cut), now);
        json_t *d = json_pack("{s:s, s:s, s:s}", "key", key, "old", a, "new", b);
        char *text = d ? json_dumps(d, JSON_COMPACT) : NULL;
        json_decref(d);
        bool fits = text && strlen(text) < sizeof au->detail;
        if (fits)
            snprintf(au->detail, sizeof au->detail, "%s", text);
        free(text);
        if (fits)
            return;
    }
}

bool app_setting_set(struct app *app, const struct actor *who, const char *key, const char *value,
                     struct audit_rec *au, struct berr *err)
{
    au->action = "settings.set";
    if (who->role != ROLE_ADMIN)
        return berr_set(err, BERR_FORBIDDEN, "hanya administrator");
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    const struct setting_rule *r = rule_of(key);
    char num[24];
    const char *now = NULL;
    size_t size = 16384; /* the longest text (4000 characters) in UTF-8, and more */
    char *old = calloc(1, size);
    bool found = false;
    bool ok = admin_at_root(&tx, who, err);
    if (ok && !r)
        ok = berr_field(err, BERR_NOT_FOUND, "key", "pengaturan %s tidak dikenal",
                        validate_echo_name(key));
    ok = ok && r && check_value(r, value, num, &now, err) &&
         (old || berr_set(err, BERR_INTERNAL, "out of memory")) &&
         store_setting_set(&tx, key, now, old, size, &found, err) &&
         (found || berr_field(err, BERR_NOT_FOUND, "key", "pengaturan %s tidak ada",
                              validate_echo_name(key)));
    if (ok)
        audit_detail(au, key, old, now);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    free(old);
    return ok;
}
