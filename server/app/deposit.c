/* deposit.c - see deposit.h. */
#include "deposit.h"

#include <jansson.h>

#include "casefile.h"
#include "events.h"
#include "store/cases.h"
#include "validate.h"

/* Each id of items an item of evidence of case case_id, named once. */
static bool items_of_case(struct tx *tx, long long case_id, json_t *items, struct berr *err)
{
    for (size_t i = 0; i < json_array_size(items); i++) {
        json_int_t v = json_integer_value(json_array_get(items, i));
        for (size_t k = 0; k < i; k++)
            if (json_integer_value(json_array_get(items, k)) == v)
                return berr_field(err, BERR_BAD_INPUT, "items",
                                  "barang bukti %lld disebut dua kali", (long long)v);
        bool found;
        if (!store_evidence_in_case(tx, case_id, (long long)v, &found, err))
            return false;
        if (!found)
            return berr_field(err, BERR_UNPROCESSABLE, "items",
                              "barang bukti %lld bukan barang bukti perkara ini: sebutkan barang "
                              "bukti yang dititipkan (items)",
                              (long long)v);
    }
    return true;
}

bool deposit_check(struct tx *tx, const struct casefile *cf, enum event ev, enum event as,
                   const struct event_input *in, struct berr *err)
{
    if (as != EV_EVIDENCE_DEPOSITED || (ev == EV_CORRECTED && in->withdraws))
        return true;
    if (in->place && validate_blank(in->place))
        return berr_field(err, BERR_BAD_INPUT, "place", "place tidak boleh kosong");
    if (ev == EV_EVIDENCE_DEPOSITED && !in->place)
        return berr_field(err, BERR_UNPROCESSABLE, "place",
                          "penitipan benda sitaan perlu tempatnya (place): Rumah Penyimpanan "
                          "Benda Sitaan Negara, mis. Rupbasan Kelas I Palembang (KUHAP 44(1))");
    if (ev == EV_EVIDENCE_DEPOSITED && json_array_size(in->items) == 0)
        return berr_field(err, BERR_UNPROCESSABLE, "items",
                          "penitipan benda sitaan perlu barang bukti yang dititipkan (items: id "
                          "barang bukti perkara ini)");
    return items_of_case(tx, cf->id, in->items, err);
}
