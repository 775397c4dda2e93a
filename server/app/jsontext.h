/*
 * jsontext.h - json_dumps(v, JSON_COMPACT), byte for byte, at less cost: the
 * write path turns each act's summary row and snapshot into text (issue 12:
 * berkasd's CPU per act), and jansson's dump formats every integer with
 * snprintf and hands the text over through a callback per piece.
 *
 * Same text as jansson's (tests/unit/test_jsontext.c compares them): members
 * in the object's order, "," and ":" without spaces, strings escaped as
 * jansson escapes them without JSON_ENSURE_ASCII ('"', '\\', \b \f \n \r \t,
 * other bytes below 0x20 as \u00XX; UTF-8 as it is), integers in decimal,
 * reals written by jansson itself.
 */
#ifndef BERKAS_APP_JSONTEXT_H
#define BERKAS_APP_JSONTEXT_H

#include <jansson.h>
#include <stddef.h>

#include "core/mustcheck.h"

/* v (an object or an array, as json_dumps takes; any other value is written as with
 * JSON_ENCODE_ANY) as text: malloc'd, NUL-terminated, its length in *len when len is not
 * NULL; NULL for NULL or out of memory. */
BERKAS_MUST_CHECK char *jsontext_dumps(const json_t *v, size_t *len);

#endif
