/*
 * settings.h (store) - app.settings as an administrator reads and changes
 * it (app/settings.c): every row, and one value replaced.  What a value
 * means and which values are allowed is the code's (app/settings.c's table);
 * the rows are seeded by the migrations (0002, 0006, 0007, 0030).
 */
#ifndef BERKAS_STORE_SETTINGS_H
#define BERKAS_STORE_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

struct store_setting {
    const char *key, *value, *note;
    const char *updated_at; /* ISO 8601, UTC */
};

struct store_settings {
    int n;
    struct store_setting *items;
    void *res_;
};

/* Every setting, by key. */
BERKAS_MUST_CHECK bool store_settings_list(struct tx *tx, struct store_settings *out,
                                           struct berr *err);
void store_settings_free(struct store_settings *s);

/* Replace the value of key (its row locked first), its old value copied into old (n bytes, cut
 * to fit); found false when there is no such row (nothing changes). */
BERKAS_MUST_CHECK bool store_setting_set(struct tx *tx, const char *key, const char *value,
                                         char *old, size_t n, bool *found, struct berr *err);

#endif
