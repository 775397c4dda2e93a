/* sp3check.c - see sp3check.h. */
#include "sp3check.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "core/caldate.h"
#include "core/sp3ground.h"
#include "core/stage.h"
#include "store/casefile.h"

int sp3_standing(const struct casefile *cf, const char **ground)
{
    *ground = NULL;
    if (cf->stage != ST_TERMINATED)
        return -1;
    for (int i = cf->nevents - 1; i >= 0; i--) {
        if (cf->ev[i].event != EV_SP3_ISSUED)
            continue;
        bool withdrawn = false;
        const char *g = json_string_value(json_object_get(cf->ev_payload[i], "ground"));
        for (int j = i + 1; j < cf->nevents; j++) {
            if (cf->ev[j].event != EV_CORRECTED || casefile_root(cf, j) != i)
                continue;
            const char *c = json_string_value(json_object_get(cf->ev_payload[j], "ground"));
            withdrawn = cf->ev[j].withdraws;
            if (!withdrawn && c)
                g = c;
        }
        if (withdrawn)
            continue;
        *ground = g;
        return i;
    }
    return -1;
}

/* " Pasal 119(1) UU 6/2011 diancam pidana penjara paling lama 5 tahun ..." for each offence g
 * cannot stop, into msg, their codes into codes; how many. */
static int offences_barred(const struct sp3_ground *g, const struct store_sp3_offences *l,
                           char *msg, size_t msgsz, json_t *codes)
{
    int n = 0;
    size_t used = 0;
    msg[0] = '\0';
    for (int i = 0; i < l->n; i++) {
        const struct store_sp3_offence *s = &l->items[i];
        struct sp3_offence o = {.code = s->code,
                                .max_prison_months = s->max_prison_months,
                                .kurungan = s->kurungan,
                                .max_fine = s->max_fine,
                                .connector = s->connector,
                                .fine_only = s->fine_only,
                                .fine_category = s->fine_category,
                                .complaint = s->complaint};
        if (sp3_ground_allows(g, &o))
            continue;
        char threat[200];
        if (g->rule == SP3_COMPLAINT)
            snprintf(threat, sizeof threat, "bukan tindak pidana aduan");
        else {
            char t[180];
            sp3_offence_threat(&o, t, sizeof t);
            snprintf(threat, sizeof threat, "diancam %s", t);
        }
        int w = snprintf(msg + used, msgsz - used, "%sPasal %s UU 6/2011 %s", n ? "; " : "",
                         s->code, threat);
        if (w > 0 && used + (size_t)w < msgsz)
            used += (size_t)w;
        json_array_append_new(codes, json_string(s->code));
        n++;
    }
    return n;
}

/* play4 #5: the ground possible for every offence charged (the catalogue's data). */
static bool ground_fits_offences(struct tx *tx, const struct casefile *cf, const char *ground,
                                 struct event_outcome *out, struct berr *err)
{
    const struct sp3_ground *g = sp3_ground_find(ground);
    if (!g || g->rule == SP3_ANY_OFFENCE)
        return true; /* not a ground: check_ground's refusal */
    struct store_sp3_offences l;
    if (!store_casefile_sp3_offences(tx, cf->id, &l, err))
        return false;
    json_t *codes = json_array();
    char barred[400];
    int n = offences_barred(g, &l, barred, sizeof barred, codes);
    bool none = l.n == 0;
    store_sp3_offences_free(&l);
    if (n == 0 && !none) {
        json_decref(codes);
        return true;
    }
    out->problem_type = "sp3-ground";
    out->extra = json_pack("{s:o}", "offences", codes);
    if (none)
        return berr_field(err, BERR_UNPROCESSABLE, "ground",
                          "alasan %s hanya untuk %s; perkara ini belum menyangkakan pasal apa pun",
                          g->code, sp3_ground_rule_text(g));
    return berr_field(err, BERR_UNPROCESSABLE, "ground", "alasan %s hanya untuk %s, sedangkan %s",
                      g->code, sp3_ground_rule_text(g), barred);
}

/* play4 #28: a new Sprindik only after an SP3 that new evidence may reopen. */
static bool sprindik_after_sp3(const struct casefile *cf, struct event_outcome *out,
                               struct berr *err)
{
    const char *ground;
    int i = sp3_standing(cf, &ground);
    const struct sp3_ground *g = sp3_ground_find(ground);
    if (i < 0 || !g || g->reopenable)
        return true; /* a ground not of the list (an old log): nothing to go by */
    char day[CALDATE_DATE_LEN];
    caldate_format(evlog_date(&cf->ev[i], cf->zone), day, sizeof day);
    const char *number = json_string_value(json_object_get(cf->ev_payload[i], "number"));
    out->problem_type = "sp3-final";
    out->extra = json_pack("{s:I, s:s, s:s}", "sp3_event", (json_int_t)cf->ev_id[i], "ground",
                           g->code, "date", day);
    return berr_field(err, BERR_UNPROCESSABLE, "type",
                      "penyidikan perkara ini telah dihentikan dengan SP3%s%s tanggal %s atas "
                      "alasan %s (%s): penghentian itu final, tidak dapat dibuka kembali dengan "
                      "Surat Perintah Penyidikan baru; hanya SP3 karena tidak cukup bukti atau "
                      "bukan tindak pidana yang dapat dibuka kembali bila ada bukti baru, atau "
                      "putusan praperadilan (reopened)",
                      number && *number ? " Nomor " : "", number && *number ? number : "", day,
                      g->code, g->basis);
}

bool sp3_check(struct tx *tx, const struct casefile *cf, enum event ev,
               const struct event_input *in, struct event_outcome *out, struct berr *err)
{
    if (ev == EV_SPRINDIK_ISSUED)
        return sprindik_after_sp3(cf, out, err);
    enum event as = casefile_acting_as(cf, ev, in->corrects);
    if (as != EV_SP3_ISSUED || in->withdraws || !in->ground)
        return true;
    return ground_fits_offences(tx, cf, in->ground, out, err);
}
