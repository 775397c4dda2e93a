/* helpers.h - small constructors shared by server/core's suites. */
#ifndef BERKAS_TESTS_CORE_HELPERS_H
#define BERKAS_TESTS_CORE_HELPERS_H

#include <stdint.h>

#include "core/caldate.h"
#include "core/evlog.h"
#include "core/ruleset.h"

/* "YYYY-MM-DD" -> date; aborts the test on a bad literal. */
struct caldate day_of(const char *s);

/* "YYYY-MM-DDTHH:MM:SS+07:00" -> instant; aborts the test on a bad literal. */
int64_t instant_of(const char *s);

/* The office zone by IANA name; aborts the test when unknown. */
const struct tzone *zone_of(const char *iana);

/* An event with a date only, or with an instant when s has a "T". */
struct case_event ev_on(enum event e, const char *s);

/* As ev_on, naming suspect x. */
struct case_event ev_suspect(enum event e, const char *s, int x);

/* Copy the two built-in rule sets into sets[0..1]. */
void builtin_sets(struct ruleset sets[RULESET_BUILTIN_COUNT]);

#endif
