/*
 * relground.h - why a suspect in custody is let go: a closed list, one row per ground, each
 * with its stable code (the released act's "ground"), the custody it may end - an arrest
 * (penangkapan), a detention (penahanan), or both - the words its papers print of it, and its
 * basis.
 *
 * Detention (pengeluaran tahanan), KUHAP 1981: before the period ends when the examination no
 * longer needs the detention (Pasal 24(3)); at the end of the period by operation of law
 * (Pasal 24(4), 29(6)).
 * Arrest (pelepasan): an arrest lasts at most one day (Pasal 19(1); the rule set's
 * arrest_hours, DOMAIN 4.7, 5.2 D4: "must release or detain"); when it runs out and no
 * detention follows, the suspect is let go by operation of law; he is let go before that when
 * the examination shows no detention is called for - none of the circumstances of Pasal 21(1)
 * (flight, evidence, re-offending), the offence not one of 21(4), or not detainable under UU
 * 6/2011 Pasal 109 (DOMAIN 4.8).
 * Both: when the investigation is stopped (Pasal 109(2): SP3); on a praperadilan ruling that
 * the arrest or the detention is unlawful (Pasal 77 huruf a, 82(3) huruf a) - each in the words
 * of the custody it ends.
 * UU 20/2025 keeps these grounds (the arrest stays 1 x 24 hours, reported as Pasal 93-98); its
 * articles are not cited (DOMAIN.md 9.1-9.2: its numbering to be checked).  A suspension
 * (penangguhan, KUHAP 31) and a change of kind (KUHAP 23) are acts of their own, not releases.
 */
#ifndef BERKAS_CORE_RELGROUND_H
#define BERKAS_CORE_RELGROUND_H

#include <stdbool.h>
#include <stddef.h>

/* The custody a release ends. */
enum release_custody {
    RELC_ARREST = 1u,    /* penangkapan (KUHAP 16-19) */
    RELC_DETENTION = 2u, /* penahanan, also suspended (KUHAP 20-31) */
};

struct release_ground {
    const char *code;        /* "kepentingan_terpenuhi": the API value, stored in the act */
    unsigned custody;        /* RELC_*: the custody it may end */
    const char *text;        /* detention: the words after "dikeluarkan dari tahanan karena" */
    const char *arrest_text; /* arrest: the words after "dilepaskan karena" */
    const char *basis;       /* "KUHAP 24(3)" */
};

/* Number of grounds in the list. */
int release_ground_count(void);

/* The i-th ground (0 <= i < release_ground_count()), or NULL. */
const struct release_ground *release_ground_at(int i);

/* The ground whose code is `code`, or NULL (also for NULL). */
const struct release_ground *release_ground_find(const char *code);

/* Whether g may end custody (one RELC_*). */
bool release_ground_ends(const struct release_ground *g, unsigned custody);

/* The words g's papers print of a release from custody (one RELC_*), or NULL when g does not
 * end it. */
const char *release_ground_text(const struct release_ground *g, unsigned custody);

/* The codes of the grounds that end custody (RELC_* bits; both: all), comma-separated, into
 * buf (for a refusal naming them); returns buf. */
const char *release_ground_list(unsigned custody, char *buf, size_t n);

/* "penangkapan" or "penahanan" (RELC_ARREST, else). */
const char *release_custody_word(unsigned custody);

/* The name of a released act by the custody stored with it (release_custody_word's; NULL: not
 * stored): "Pelepasan dari penangkapan" of an arrest, else NULL - the catalogue's "Pengeluaran
 * tahanan" (core/event.c) - so a history or a Resume never calls a release from an arrest one
 * from detention. */
const char *release_act_label(const char *custody);

#endif
