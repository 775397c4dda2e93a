/*
 * acts.c - see acts.h.
 *
 * The people an act names are looked up in the act's own transaction, as
 * the acting user: a NIP that is not an active investigator (or prosecutor)
 * of the case's office (or Kejari) is refused naming the field, never
 * stored.  The stored payload keeps user ids, which the case's hash chain
 * then covers.
 */
#include "acts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "casepage.h"
#include "events.h"
#include "store/cases.h"
#include "summary.h"

#define TEAM_MAX 20

long long acts_person(struct tx *tx, const char *person, const char *role, long long office_id,
                      const char *field, struct berr *err)
{
    char digits[32];
    size_t n = 0;
    for (const char *p = person ? person : ""; *p && n + 1 < sizeof digits; p++) {
        if (*p == ' ')
            continue; /* NIPs are printed 8 6 1 3 */
        if (*p < '0' || *p > '9') {
            n = 0;
            break;
        }
        digits[n++] = *p;
    }
    digits[n] = '\0';
    if (n == 0 || n > 18) {
        berr_field(err, BERR_BAD_INPUT, field, "%s: NIP 18 angka", field);
        return 0;
    }
    /* a NIP has 18 digits; anything shorter is a user id */
    long long id;
    if (!store_case_person(tx, digits, role, office_id, &id, err))
        return 0;
    if (!id)
        berr_field(err, BERR_BAD_INPUT, field, "%s: %s bukan %s aktif kantor perkara ini", field,
                   digits, strcmp(role, "prosecutor") == 0 ? "jaksa" : "penyidik");
    return id;
}

static bool has_text(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t')
            return true;
    return false;
}

/* The people of list (an array of NIPs or ids) as user ids, each once. */
static json_t *people(struct tx *tx, json_t *list, const char *role, long long office,
                      const char *field, struct berr *err)
{
    if (!json_is_array(list) || json_array_size(list) > TEAM_MAX) {
        berr_field(err, BERR_BAD_INPUT, field, "%s: daftar NIP (paling banyak %d)", field,
                   TEAM_MAX);
        return NULL;
    }
    json_t *ids = json_array(), *v;
    size_t i;
    json_array_foreach(list, i, v)
    {
        char buf[32];
        const char *s = json_string_value(v);
        if (json_is_integer(v)) {
            snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
            s = buf;
        }
        long long id = s ? acts_person(tx, s, role, office, field, err) : 0;
        if (!id) {
            if (!s)
                berr_field(err, BERR_BAD_INPUT, field, "%s: daftar NIP", field);
            json_decref(ids);
            return NULL;
        }
        bool seen = false;
        json_t *w;
        size_t k;
        json_array_foreach(ids, k, w) seen |= json_integer_value(w) == id;
        if (!seen)
            json_array_append_new(ids, json_integer(id));
    }
    return ids;
}

/* The active team of the case, as ids. */
static json_t *team_now(struct tx *tx, long long case_id, struct berr *err)
{
    long long *team;
    int n;
    if (!store_case_team_ids(tx, case_id, &team, &n, err))
        return NULL;
    json_t *ids = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(ids, json_integer(team[i]));
    free(team);
    return ids;
}

static bool in_ids(json_t *ids, long long id)
{
    json_t *v;
    size_t i;
    json_array_foreach(ids, i, v)
    {
        if (json_integer_value(v) == id)
            return true;
    }
    return false;
}

/* A reassignment never leaves a case without an investigator. */
static bool team_kept(struct tx *tx, const struct casefile *cf, json_t *added, json_t *removed,
                      struct berr *err)
{
    json_t *now = team_now(tx, cf->id, err);
    if (!now)
        return false;
    int left = 0;
    json_t *v;
    size_t i;
    json_array_foreach(now, i, v) left += !in_ids(removed, json_integer_value(v));
    json_array_foreach(added, i, v) left += !in_ids(now, json_integer_value(v));
    json_decref(now);
    if (left == 0)
        return berr_field(err, BERR_BAD_INPUT, "remove", "perkara %s tidak boleh tanpa penyidik",
                          cf->number);
    return true;
}

static bool check_direction(const struct event_input *in, enum event as, struct caldate today,
                            struct berr *err)
{
    struct caldate due;
    if (as == EV_DIRECTION_GIVEN && in->due && caldate_parse(in->due, &due) &&
        caldate_cmp(due, today) < 0) {
        char t[CALDATE_DATE_LEN];
        caldate_format(today, t, sizeof t);
        return berr_field(err, BERR_BAD_INPUT, "due",
                          "batas arahan tidak boleh sebelum hari ini (%s)", t);
    }
    return true;
}

bool acts_check(struct tx *tx, const struct casefile *cf, enum event ev,
                const struct event_input *in, const struct actor *who, struct caldate today,
                json_t *payload, struct berr *err)
{
    enum event as = casefile_acting_as(cf, ev, in->corrects);
    if (ev == EV_DIRECTION_GIVEN && !has_text(in->note))
        return berr_field(err, BERR_BAD_INPUT, "note", "arahan perlu teksnya (note)");
    if (!check_direction(in, as, today, err))
        return false;
    if (ev == EV_DIRECTION_DONE && !has_text(in->note))
        return berr_field(err, BERR_BAD_INPUT, "note", "arahan dilaksanakan perlu catatan (note)");
    if (ev == EV_REASSIGNED && !has_text(in->note))
        return berr_field(err, BERR_BAD_INPUT, "note", "pengalihan perlu alasan (note)");
    /* to, jaksa and team come only with their acts (core/event.c's table,
     * checked before) */
    if (in->to) {
        long long id = acts_person(tx, in->to, "investigator", cf->office_id, "to", err);
        if (!id)
            return false;
        json_object_set_new(payload, "to", json_integer(id));
    }
    if (ev == EV_P16_RECEIVED) {
        long long id = in->jaksa
                           ? acts_person(tx, in->jaksa, "prosecutor", cf->kejari_id, "jaksa", err)
                           : who->user_id;
        if (!id)
            return false;
        json_object_set_new(payload, "jaksa", json_integer(id));
    }
    if (in->team) {
        json_t *ids = people(tx, in->team, "investigator", cf->office_id, "team", err);
        if (!ids)
            return false;
        if (json_array_size(ids) == 0) {
            json_decref(ids);
            return berr_field(err, BERR_BAD_INPUT, "team", "team: paling sedikit satu penyidik");
        }
        json_object_set_new(payload, "team", ids);
    }
    if (ev == EV_REASSIGNED && (in->added || in->removed)) {
        json_t *added = in->added ? people(tx, in->added, "investigator", cf->office_id, "add", err)
                                  : json_array();
        json_t *removed = added && in->removed ? people(tx, in->removed, "investigator",
                                                        cf->office_id, "remove", err)
                          : added              ? json_array()
                                               : NULL;
        bool ok = added && removed && team_kept(tx, cf, added, removed, err);
        if (ok) {
            json_object_set(payload, "added", added);
            json_object_set(payload, "removed", removed);
        }
        json_decref(added);
        json_decref(removed);
        return ok;
    }
    return true;
}

/* The acts a PPNS does himself, and so makes their Berita Acara (KUHAP 75)
 * or signs their summons (112). */
static bool done_in_person(enum event ev)
{
    switch (ev) {
    case EV_SUMMONS_SERVED:
    case EV_BAP_RECORDED:
    case EV_INTERPRETER_SWORN:
    case EV_ARRESTED:
    case EV_DETAINED:
    case EV_SEARCH_DONE:
    case EV_SEIZURE_DONE:
    case EV_EVIDENCE_DEPOSITED:
    case EV_TAHAP2_DONE:
        return true;
    default:
        return false;
    }
}

bool acts_team_warning(struct tx *tx, const struct actor *who, long long case_id, enum event ev,
                       long long event_id, const char *date, json_t **warning, struct berr *err)
{
    *warning = NULL;
    if (who->role != ROLE_INVESTIGATOR || !done_in_person(ev))
        return true;
    json_t *team = team_now(tx, case_id, err);
    if (!team)
        return false;
    bool named = in_ids(team, who->user_id);
    json_decref(team);
    if (named)
        return true;
    char msg[700];
    snprintf(msg, sizeof msg,
             "%s (NIP %s) tidak disebut dalam tim penyidik perkara ini: penyidik adalah yang "
             "diperintahkan Surat Perintah Penyidikan (KUHAP 6, 109; DOMAIN 4.3). Tindakan "
             "dicatat atas namanya dan berita acaranya dibuat olehnya; bila ia bertindak atas "
             "perintah, catat Surat Perintah Penyidikan yang menyebutnya (sprindik_issued "
             "--team) atau pengalihan penyidik (berkas reassign --add)",
             who->name, who->nip);
    *warning = json_pack("{s:s, s:I, s:s, s:s, s:s}", "code", "recorder_not_in_team", "event_id",
                         (json_int_t)event_id, "type", event_code(ev), "date", date ? date : "",
                         "message", msg);
    return *warning != NULL || berr_set(err, BERR_INTERNAL, "out of memory");
}

/* Make ids (or, with only, exactly ids) the case's active team. */
static bool team_set(struct tx *tx, const struct casefile *cf, json_t *ids, bool only,
                     const char *source, long long event_id, const struct actor *who,
                     struct berr *err)
{
    char *arr = json_dumps(ids, JSON_COMPACT);
    if (!arr)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    bool ok = store_case_team_set(tx, cf->id, arr, only, source, event_id, who->user_id, err);
    free(arr);
    return ok;
}

static bool team_remove(struct tx *tx, const struct casefile *cf, json_t *ids, long long event_id,
                        const struct actor *who, struct berr *err)
{
    char *arr = json_dumps(ids, JSON_COMPACT);
    if (!arr)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    bool ok = store_case_team_remove(tx, cf->id, arr, event_id, who->user_id, err);
    free(arr);
    return ok;
}

bool acts_apply(struct tx *tx, const struct casefile *cf, enum event ev, long long event_id,
                json_t *payload, const struct actor *who, struct berr *err)
{
    json_t *team = json_object_get(payload, "team");
    if (team && (ev == EV_SPRINDIK_ISSUED || ev == EV_PRE_INVESTIGATION_ORDERED))
        return team_set(tx, cf, team, true, "order", event_id, who, err);
    if (ev == EV_REASSIGNED) {
        json_t *added = json_object_get(payload, "added"),
               *removed = json_object_get(payload, "removed");
        return (!removed || team_remove(tx, cf, removed, event_id, who, err)) &&
               (!added || team_set(tx, cf, added, false, "reassigned", event_id, who, err));
    }
    json_t *jaksa = json_object_get(payload, "jaksa");
    if (ev == EV_P16_RECEIVED && json_is_integer(jaksa))
        return store_case_jaksa_add(tx, cf->id, (long long)json_integer_value(jaksa), event_id,
                                    err);
    return true;
}

/* ---- the case's people, for its document --------------------------------------------- */

/* Directions with who gave them, to whom and who reported them done. */
static json_t *directions_named(struct tx *tx, const struct casefile *cf, json_t *dirs,
                                struct berr *err)
{
    char *text = json_dumps(dirs, JSON_COMPACT);
    struct store_directions_named names;
    bool ok = store_case_directions_named(tx, cf->id, text ? text : "[]", &names, err);
    free(text);
    json_t *named = ok ? casepage_directions(dirs, &names, err) : NULL;
    store_directions_named_free(&names);
    return named;
}

bool acts_case_extras(struct tx *tx, const struct casefile *cf, const struct clock_set *clocks,
                      const struct store_case_lists *l, json_t *doc, struct berr *err)
{
    json_t *team = casepage_members(l->team, l->nteam, true, cf);
    json_t *jaksa = casepage_members(l->jaksa, l->njaksa, false, cf);
    struct summary_known known = {.clocks = clocks};
    json_t *sum = summary_compute_with(cf, &known, err);
    json_t *dirs = sum ? json_object_get(json_object_get(sum, "detail"), "directions") : NULL;
    json_t *named = !sum ? NULL : dirs ? directions_named(tx, cf, dirs, err) : json_array();
    if (!named) {
        json_decref(sum);
        json_decref(team);
        json_decref(jaksa);
        return false;
    }
    json_object_set_new(doc, "team", team);
    json_object_set_new(doc, "jaksa", jaksa);
    json_object_set_new(doc, "directions", named);
    /* the stage began on the legal date of the act that moved it there, not
     * when that act was typed in (issue 10: "P-21 since" the demo's load) */
    json_t *since = json_object_get(sum, "stage_since");
    if (json_is_string(since)) {
        json_object_set(doc, "stage_entered_at", json_object_get(doc, "stage_since"));
        json_object_set(doc, "stage_since", since);
    }
    json_decref(sum);
    return true;
}
