/*
 * actfix.h - an act as its corrections leave it, for what prints it (DOMAIN 12: a paper is its
 * act's, as corrected).
 *
 * A correction restates the act's date and hour (both required of it, as of the act) and may
 * leave out what it does not change: its number, its party, any member of the payload (a
 * Penetapan's court, a search's permit_act: app/permit.c does not ask a correction to restate
 * them).  What a correction leaves out keeps its value as it stood before that correction -
 * the act as recorded with every earlier correction over it - so a number set right by one
 * correction and a date set right by a later one both stand.  A withdrawal changes nothing
 * but marks the act withdrawn; as in the core (evlog.h evlog_effective: the last correction
 * decides), a later correction that does not withdraw - of the withdrawal, say, recorded by
 * mistake - makes the act stand again as that correction restates it.
 *
 * One fold for the three readers that print or compare an act: the case XML a template reads
 * (casexml.c), the act a form is issued for (forms.c act_load) and the stale-paper check
 * (stale.c), which would otherwise see a number "changed" the papers never printed.
 */
#ifndef BERKAS_APP_ACTFIX_H
#define BERKAS_APP_ACTFIX_H

#include <jansson.h>
#include <stdbool.h>

/* An act, or one of its corrections, as recorded. */
struct actfix_row {
    const char *date;       /* legal date YYYY-MM-DD */
    bool has_at;            /* an hour was given */
    long long at;           /* the legal instant, Unix seconds (has_at) */
    const char *number;     /* "" or NULL: none given */
    long long party;        /* 0: none named */
    const char *party_name; /* the named party's, as the reader has it (may be NULL) */
    const char *payload;    /* the stored JSON object's text (may be NULL) */
};

/* The act as its corrections so far leave it.  Strings are borrowed from the rows folded. */
struct actfix {
    const char *date, *number, *party_name;
    bool has_at, withdrawn;
    long long at, party;
    int fixes;       /* corrections folded, withdrawals included */
    json_t *payload; /* owned: the act's payload with the corrections' members over it */
};

/* s: the act as recorded. */
void actfix_init(struct actfix *s, const struct actfix_row *act);

/* Fold correction c of the act into s (corrections in the order they were recorded). */
void actfix_apply(struct actfix *s, const struct actfix_row *c);

/* The folded payload as compact JSON text (malloc'd), NULL when out of memory. */
char *actfix_payload_text(const struct actfix *s);

void actfix_free(struct actfix *s);

#endif
