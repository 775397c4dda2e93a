/*
 * numfmt.h - document numbers from an office's pattern.
 *
 * Indonesian offices number letters by patterns such as
 * "W6.IMI.4-GR.01.01-{seq:04}" or "SP.Sidik/{seq}/{roman_month}/{year}/PPNS-IMI"
 * (DOMAIN.md 7.2: the exact immigration numbering is UNCERTAIN, so patterns
 * are data an administrator sets per office and document type).  Tokens:
 *   {seq}          the sequence number        {seq:04}  zero-padded to 4
 *   {month}        01-12                      {roman_month}  I-XII
 *   {year}         2026                       {office}  the office's code
 *   {type}         the document type's code
 * Anything else is copied as it is; an unknown token or an unclosed brace is
 * an error, so a typo in a pattern is found when it is saved, not when a
 * number is printed.
 */
#ifndef BERKAS_CORE_NUMFMT_H
#define BERKAS_CORE_NUMFMT_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* The pattern used when an office has none. */
#define NUMFMT_DEFAULT "{type}/{seq}/{roman_month}/{year}/{office}"

struct numfmt_vars {
    long seq;
    int year, month;
    const char *office; /* code */
    const char *type;   /* "sprindik" */
};

/* Format pattern with v into out (outsz bytes).  false with BERR_BAD_INPUT
 * (field "pattern") for an unknown token, an unclosed brace, a bad width, or
 * a result longer than outsz - 1. */
bool numfmt_format(const char *pattern, const struct numfmt_vars *v, char *out, size_t outsz,
                   struct berr *err);

/* Check a pattern: it must format, and contain {seq} (or {seq:NN}) exactly once. */
bool numfmt_check(const char *pattern, struct berr *err);

/* "I".."XII" for 1..12, "" otherwise. */
const char *numfmt_roman_month(int month);

#endif
