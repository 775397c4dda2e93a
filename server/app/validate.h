/*
 * validate.h - checks on what people type: NIP, passwords, ranks, zones.
 * Each returns true, or false with err (BERR_BAD_INPUT) naming the field.
 */
#ifndef BERKAS_APP_VALIDATE_H
#define BERKAS_APP_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/caldate.h"
#include "core/error.h"
#include "core/mustcheck.h"

/* NIP (Nomor Induk Pegawai, PP 11/2017 practice): 18 digits =
 * birth date YYYYMMDD + appointment YYYYMM + sex (1 or 2) + sequence 001-999.
 * The birth date must be a real date, and the appointment month real and at
 * least 15 years after birth. */
BERKAS_MUST_CHECK bool validate_nip(const char *nip, struct berr *err);

/* A date (of birth, of a seizure, of a paper) that has come on the calendar
 * of every Indonesian office: not after today in WIT (UTC+9), the zone
 * furthest ahead; as no act is dated in the future (app/events.c).  Else
 * false, err naming field. */
BERKAS_MUST_CHECK bool validate_not_future(struct caldate d, const char *field, struct berr *err);

/* True when s holds nothing but blanks (spaces, tabs, line ends): a text
 * of blanks says nothing, as an empty one. */
bool validate_blank(const char *s);

/* s without its leading and trailing blanks (the same blanks): where it starts in s, *len its
 * bytes. */
const char *validate_trim(const char *s, size_t *len);

/* Golongan ruang "III/b" (I-IV, a-e), or empty. */
BERKAS_MUST_CHECK bool validate_golongan(const char *g, struct berr *err);

/* One of the three Indonesian zones by IANA name. */
BERKAS_MUST_CHECK bool validate_tz(const char *tz, struct berr *err);

/* The parts of the password policy that need no database: at least 12
 * characters (code points), at most 1024 bytes, not one character repeated,
 * not containing the NIP.  Long passphrases with spaces are welcome.
 * (The list of common passwords is checked against the database.) */
BERKAS_MUST_CHECK bool validate_password_shape(const char *password, const char *nip,
                                               struct berr *err);

/* The lower-case letters of s (ASCII letters only), for the common-password
 * check: "Password123!" -> "password". */
void password_base(const char *s, char *out, size_t outsz);

/* The candidate closest to word by edit distance (insert, delete, replace,
 * swap of two neighbours), when it is close enough to be a typing slip: at
 * most 1 edit for words up to 4 characters, 2 up to 8, 3 beyond.  NULL
 * otherwise.  For "did you mean". */
const char *validate_closest(const char *word, const char *const *candidates, size_t n);

/* Number of characters in the UTF-8 text s (utf8proc_iterate); a byte that
 * begins no well-formed character counts as one. */
size_t utf8_length(const char *s);

/* The bytes of the first max characters of the UTF-8 text s, never ending inside a character
 * (utf8proc_iterate): for quoting a text cut short without breaking it. */
int utf8_prefix_bytes(const char *s, size_t max);

/* s itself when it may be echoed in a refusal as a name (a setting's key, a rule set's name or
 * key: 1 to 63 of A-Z a-z 0-9 _ . -), else "itu": a name from a URL, cut or not, could carry
 * bytes that are not UTF-8 (the problem's detail would be dropped) or quotes. */
const char *validate_echo_name(const char *s);

/* A text that will be printed on a paper (a name, a place, an address...): every character
 * one the document fonts draw (render_printable), else false with err naming field and the
 * character - a name in a script they do not hold would be printed as empty boxes.  NULL
 * passes. */
BERKAS_MUST_CHECK bool validate_printable(const char *s, const char *field, struct berr *err);

#endif
