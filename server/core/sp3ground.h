/*
 * sp3ground.h - the grounds on which an investigation may be stopped (SP3),
 * as the statute lists them: a closed list, one row per ground, each with
 * its stable code, the words printed on the SP3 and its notice, its basis,
 * and the procedural regimes under which the law names it (issue 13.10).
 *
 * KUHAP 1981 Pasal 109(2): (1) tidak terdapat cukup bukti, (2) peristiwa
 * tersebut ternyata bukan merupakan tindak pidana, (3) penyidikan dihentikan
 * demi hukum -- the last only with its reason (KUHP 76-78 and 75: ne bis in
 * idem, death of the suspect, limitation, withdrawal of a complaint;
 * DOMAIN.md 4.15).  UU 20/2025 Pasal 24 names these and adds restorative
 * justice and payment of the maximum fine (DOMAIN.md 9.1).  Anything else --
 * "dideportasi" for one -- is not a ground.
 */
#ifndef BERKAS_CORE_SP3GROUND_H
#define BERKAS_CORE_SP3GROUND_H

#include <stdbool.h>

#include "ruleset.h"

struct sp3_ground {
    const char *code;  /* "tidak_cukup_bukti": the API value, stored in the act */
    const char *text;  /* the words after "dihentikan karena" on the SP3 */
    const char *basis; /* "KUHAP 109(2); UU 20/2025 Pasal 24" */
    bool kuhap1981;    /* a ground under UU 8/1981 */
    bool kuhap2025;    /* a ground under UU 20/2025 */
};

/* Number of grounds in the list. */
int sp3_ground_count(void);

/* The i-th ground (0 <= i < sp3_ground_count()), or NULL. */
const struct sp3_ground *sp3_ground_at(int i);

/* The ground whose code is `code`, or NULL (also for NULL). */
const struct sp3_ground *sp3_ground_find(const char *code);

/* True when g is a ground under regime r. */
bool sp3_ground_in(const struct sp3_ground *g, enum regime r);

#endif
