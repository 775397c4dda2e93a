/*
 * relground.h - why a suspect is released from detention (pengeluaran
 * tahanan): a closed list, one row per ground, each with its stable code
 * (the released act's "ground"), the words its papers print after
 * "dikeluarkan dari tahanan karena", and its basis.
 *
 * KUHAP 1981: before the period ends when the examination no longer needs
 * the detention (Pasal 24(3)); at the end of the period by operation of law
 * (Pasal 24(4), 29(6)); when the investigation is stopped (Pasal 109(2):
 * SP3); on a praperadilan ruling that the detention is unlawful (Pasal
 * 77 huruf a, 82(3) huruf a).  UU 20/2025 keeps these grounds; the articles
 * are not cited under it (DOMAIN.md 9.2: its numbering to be checked).
 * A suspension (penangguhan, KUHAP 31) and a change of kind (KUHAP 23) are
 * acts of their own, not releases.
 */
#ifndef BERKAS_CORE_RELGROUND_H
#define BERKAS_CORE_RELGROUND_H

#include <stddef.h>

struct release_ground {
    const char *code;  /* "kepentingan_terpenuhi": the API value, stored in the act */
    const char *text;  /* the words after "dikeluarkan dari tahanan karena" */
    const char *basis; /* "KUHAP 24(3)" */
};

/* Number of grounds in the list. */
int release_ground_count(void);

/* The i-th ground (0 <= i < release_ground_count()), or NULL. */
const struct release_ground *release_ground_at(int i);

/* The ground whose code is `code`, or NULL (also for NULL). */
const struct release_ground *release_ground_find(const char *code);

/* The codes, comma-separated, into buf (for a refusal naming them); returns buf. */
const char *release_ground_list(char *buf, size_t n);

#endif
