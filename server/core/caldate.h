/*
 * caldate.h - civil dates, UTC instants and the offices' time zones.
 *
 * Every legal period in berkas is counted on the local calendar of the office
 * that acts (DOMAIN.md 2.4, 5.1), so this module is the ground the clocks
 * stand on.  Dates are proleptic Gregorian (year 1..9999); a day number is the
 * count of days since 1970-01-01; an instant is seconds since the Unix epoch,
 * UTC, without leap seconds.  Indonesia has kept fixed offsets and no daylight
 * saving time since 1988 (Keppres 41/1987), so a zone is one offset from a
 * small built-in table, not the system's tz database.
 *
 * Pure: no I/O, no clock, no allocation.  Functions taking a struct caldate
 * require a valid date (caldate_valid) unless they say otherwise.
 */
#ifndef BERKAS_CORE_CALDATE_H
#define BERKAS_CORE_CALDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CALDATE_DAY_SECONDS 86400
#define CALDATE_DATE_LEN    11 /* "YYYY-MM-DD" + NUL */
#define CALDATE_INSTANT_LEN 26 /* "YYYY-MM-DDTHH:MM:SS+07:00" + NUL */

/* A civil date: y 1..9999, m 1..12, d 1..31. */
struct caldate {
    int y;
    int m;
    int d;
};

/* A local wall-clock time: date plus hour 0..23, minute and second 0..59. */
struct caltime {
    struct caldate date;
    int hour;
    int min;
    int sec;
};

/* An office time zone: IANA name, Indonesian abbreviation, UTC offset. */
struct tzone {
    const char *name;   /* "Asia/Jakarta" */
    const char *abbr;   /* "WIB", "WITA", "WIT" */
    int offset_seconds; /* east of UTC: 25200 for WIB */
};

/* True for leap years of the Gregorian calendar (2028 yes, 2100 no, 2000 yes). */
bool caldate_is_leap(int y);

/* Days in month m of year y (28..31), or 0 when m is not 1..12. */
int caldate_days_in_month(int y, int m);

/* True when d names a real day between 0001-01-01 and 9999-12-31. */
bool caldate_valid(struct caldate d);

/* Day number of d: days since 1970-01-01 (negative before). */
int caldate_to_days(struct caldate d);

/* The date of day number n (inverse of caldate_to_days). */
struct caldate caldate_from_days(int n);

/* d plus n calendar days (n may be negative). */
struct caldate caldate_add(struct caldate d, int n);

/* Calendar days from `from` to `to`: positive when to is later. */
int caldate_diff(struct caldate from, struct caldate to);

/* <0, 0, >0 as a is before, equal to, after b. */
int caldate_cmp(struct caldate a, struct caldate b);

/* ISO day of the week: 1 Monday .. 7 Sunday. */
int caldate_weekday(struct caldate d);

/* Indonesian name of d's weekday ("Senin" .. "Minggu"). */
const char *caldate_weekday_name(struct caldate d);

/* Indonesian name of month m ("Januari" .. "Desember"), or "" when m is not 1..12. */
const char *caldate_month_name(int m);

/* The office zone with this IANA name (Asia/Jakarta, Asia/Pontianak,
 * Asia/Makassar, Asia/Jayapura), or NULL for any other name.  The result
 * points into a constant table and never needs freeing. */
const struct tzone *caldate_zone(const char *iana_name);

/* Local wall-clock time of instant t in zone z. */
struct caltime caldate_local(int64_t t, const struct tzone *z);

/* Local calendar date of instant t in zone z. */
struct caldate caldate_local_date(int64_t t, const struct tzone *z);

/* The instant of local time lt in zone z (lt must be valid). */
int64_t caldate_instant(struct caltime lt, const struct tzone *z);

/* The instant at which local day d begins (00:00:00) in zone z.  A day "ends"
 * at caldate_day_start(d + 1). */
int64_t caldate_day_start(struct caldate d, const struct tzone *z);

/* Parse exactly "YYYY-MM-DD" into out; false (out untouched) for anything
 * else: wrong length or separators, non-digits, a day that does not exist. */
bool caldate_parse(const char *s, struct caldate *out);

/* Parse exactly "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "+HH:MM"/"-HH:MM"
 * (offset at most 14:00) into an instant; false (out untouched) otherwise:
 * hour 24, second 60, fractions, lower-case t/z, a missing or malformed
 * offset, a day that does not exist. */
bool caldate_parse_instant(const char *s, int64_t *out);

/* Write d as "YYYY-MM-DD" into buf (n >= CALDATE_DATE_LEN); false if it does not fit. */
bool caldate_format(struct caldate d, char *buf, size_t n);

/* Write t in zone z as "YYYY-MM-DDTHH:MM:SS+07:00" into buf
 * (n >= CALDATE_INSTANT_LEN); false if it does not fit. */
bool caldate_format_instant(int64_t t, const struct tzone *z, char *buf, size_t n);

#endif
