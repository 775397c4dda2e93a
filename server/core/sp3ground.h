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
 *
 * Some grounds exist only for some offences (play4 #5): the fine paid ends
 * an offence punishable by a fine alone up to category II, or one of at most
 * 1 year's prison or a fine up to category III (Pasal 24; the categories are
 * UU 1/2023 Pasal 79(1)'s); a complaint withdrawn ends only a complaint
 * offence (delik aduan, KUHP 75), and no UU 6/2011 offence is one.  What an
 * offence is punishable by is the catalogue's data (sql/0003, 0053), not
 * this file's.  Only a stop for want of evidence or of a crime may be
 * reopened on new evidence; a stop demi hukum, on a fine paid or a
 * restorative settlement ends the investigation for good (KUHP 76-78).
 */
#ifndef BERKAS_CORE_SP3GROUND_H
#define BERKAS_CORE_SP3GROUND_H

#include <stdbool.h>
#include <stddef.h>

#include "ruleset.h"

/* What a ground asks of every offence charged. */
enum sp3_offence_rule {
    SP3_ANY_OFFENCE, /* nothing */
    SP3_COMPLAINT,   /* a complaint offence (delik aduan; KUHP 75) */
    SP3_FINE_II,     /* punishable by a fine alone, at most category II */
    SP3_LIGHT,       /* at most 1 year's prison, or a fine alone at most category III */
};

struct sp3_ground {
    const char *code;           /* "tidak_cukup_bukti": the API value, stored in the act */
    const char *text;           /* the words after "dihentikan karena" on the SP3 */
    const char *basis;          /* "KUHAP 109(2); UU 20/2025 Pasal 24" */
    bool kuhap1981;             /* a ground under UU 8/1981 */
    bool kuhap2025;             /* a ground under UU 20/2025 */
    enum sp3_offence_rule rule; /* what it asks of each offence charged */
    bool reopenable;            /* new evidence may reopen the investigation */
};

/* An offence charged, as the catalogue has it. */
struct sp3_offence {
    const char *code;      /* "119(1)" */
    int max_prison_months; /* 0: no prison or kurungan */
    bool kurungan;         /* the term is kurungan, not penjara */
    long long max_fine;    /* rupiah; 0: none */
    const char *connector; /* between the term and the fine: "dan", "dan/atau", "atau" */
    bool fine_only;        /* punishable by a fine alone */
    int fine_category;     /* UU 1/2023 Pasal 79(1) category of max_fine; 0: none known */
    bool complaint;        /* a complaint offence (delik aduan) */
};

/* Number of grounds in the list. */
int sp3_ground_count(void);

/* The i-th ground (0 <= i < sp3_ground_count()), or NULL. */
const struct sp3_ground *sp3_ground_at(int i);

/* The ground whose code is `code`, or NULL (also for NULL). */
const struct sp3_ground *sp3_ground_find(const char *code);

/* True when g is a ground under regime r. */
bool sp3_ground_in(const struct sp3_ground *g, enum regime r);

/* True when ground g may stop an investigation of offence o (g's rule). */
bool sp3_ground_allows(const struct sp3_ground *g, const struct sp3_offence *o);

/* What g asks of an offence, in Indonesian ("tindak pidana yang hanya diancam
 * pidana denda paling banyak kategori II"); "" for SP3_ANY_OFFENCE. */
const char *sp3_ground_rule_text(const struct sp3_ground *g);

/* What o is punishable by, in Indonesian, into out ("pidana penjara paling
 * lama 5 tahun dan pidana denda paling banyak Rp500.000.000 (kategori V)";
 * "bukan tindak pidana aduan" is the caller's). */
void sp3_offence_threat(const struct sp3_offence *o, char *out, size_t outsz);

#endif
