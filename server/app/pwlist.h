/*
 * pwlist.h - passwords too easily guessed, beyond the shape rules of
 * validate.h (issue 9.10: "P@ssw0rd2026" and "qwertyuiopas" passed).
 *
 * The list is a real one: Openwall's password.lst as Debian ships it in
 * john-data (/usr/share/john/password.lst: 3,546 passwords most often seen
 * on Unix systems and in the website compromises of 2006-2010, public
 * domain), loaded once at start-up.  CJIS 5.6.2.1.1 / NIST SP 800-63B
 * 5.1.1.2 ask to compare a new password with commonly used and compromised
 * values; a word of that list dressed up is still that word, so it is
 * compared with the list as typed, without its leading and trailing digits
 * and symbols ("Password2026!"), and with the usual letter swaps undone
 * ("P@ssw0rd").  A keyboard or alphabet walk ("qwertyuiopas", "1qaz2wsx...",
 * "abcdefghijkl") and a short unit repeated ("abcabcabcabc") are refused
 * whatever the list says.  The project's own additions (Indonesian words,
 * the service's names) stay in app.banned_passwords.
 */
#ifndef BERKAS_APP_PWLIST_H
#define BERKAS_APP_PWLIST_H

#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

#define PWLIST_DEFAULT "/usr/share/john/password.lst"

struct pwlist;

/* Read the list at path (one password a line; lines starting "#!comment:"
 * skipped).  NULL with err naming the file (and the Debian package) when it
 * cannot be read or holds nothing. */
BERKAS_MUST_CHECK struct pwlist *pwlist_load(const char *path, struct berr *err);

void pwlist_free(struct pwlist *l);

/* How many passwords the list holds. */
BERKAS_MUST_CHECK int pwlist_count(const struct pwlist *l);

/* NULL when password is not too easily guessed; else why, in Indonesian.
 * l NULL checks the walks and repeats only. */
const char *pwlist_weak(const struct pwlist *l, const char *password);

#endif
