/* helpers.c - see helpers.h. */
#include "helpers.h"

#include <check.h>
#include <string.h>

struct caldate day_of(const char *s)
{
    struct caldate d = {0, 0, 0};
    if (!caldate_parse(s, &d))
        ck_abort_msg("bad date literal %s", s);
    return d;
}

int64_t instant_of(const char *s)
{
    int64_t t = 0;
    if (!caldate_parse_instant(s, &t))
        ck_abort_msg("bad instant literal %s", s);
    return t;
}

const struct tzone *zone_of(const char *iana)
{
    const struct tzone *z = caldate_zone(iana);
    if (!z)
        ck_abort_msg("unknown zone %s", iana);
    return z;
}

struct case_event ev_on(enum event e, const char *s)
{
    struct case_event ev = evlog_event(e, (struct caldate){0, 0, 0});
    if (strchr(s, 'T')) {
        ev.has_time = true;
        ev.at = instant_of(s);
    } else {
        ev.date = day_of(s);
    }
    return ev;
}

struct case_event ev_suspect(enum event e, const char *s, int x)
{
    struct case_event ev = ev_on(e, s);
    ev.suspect = x;
    return ev;
}

void builtin_sets(struct ruleset sets[RULESET_BUILTIN_COUNT])
{
    for (int i = 0; i < RULESET_BUILTIN_COUNT; i++)
        sets[i] = *ruleset_builtin(i);
}
