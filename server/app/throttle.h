/*
 * throttle.h - per-key rate limits held in memory (token buckets): log-on
 * attempts per client address and per NIP, /verify look-ups per address.
 *
 * A bucket holds up to per_minute tokens and refills per_minute a minute;
 * each request takes one.  The table is fixed in size (a flood of new keys
 * evicts the least recently used), so memory is bounded whatever a client
 * sends.  Limits live in one berkasd: several berkasd on one database each
 * count their own.
 */
#ifndef BERKAS_APP_THROTTLE_H
#define BERKAS_APP_THROTTLE_H

#include <stdbool.h>

#include "core/mustcheck.h"

struct throttle;

BERKAS_MUST_CHECK struct throttle *throttle_new(void);
void throttle_free(struct throttle *t);

/* Whether key's bucket (at most 63 bytes of key are used) holds a token;
 * false with *retry_after the seconds until the next one.  spend: take it.
 * (Log-on looks first and spends only on a failure, so that people who
 * type their password right are never held back by an attacker's tries.) */
BERKAS_MUST_CHECK bool throttle_take(struct throttle *t, const char *key, int per_minute,
                                     bool spend, int *retry_after);

/* Spend one of key's tokens when one is left (a failed log-on counts
 * against its address and its NIP); nothing to report either way. */
void throttle_spend(struct throttle *t, const char *key, int per_minute);

#endif
