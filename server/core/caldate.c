/* caldate.c - see caldate.h.  Day numbers use Howard Hinnant's
 * days_from_civil / civil_from_days, exact over the whole proleptic
 * Gregorian calendar. */
#include "caldate.h"

#include <stdio.h>
#include <string.h>

/* Keppres 41/1987: WIB +7, WITA +8, WIT +9, no daylight saving time.
 * Asia/Pontianak is the IANA name for West and Central Kalimantan (WIB). */
static const struct tzone zones[] = {
    {"Asia/Jakarta", "WIB", 7 * 3600},
    {"Asia/Pontianak", "WIB", 7 * 3600},
    {"Asia/Makassar", "WITA", 8 * 3600},
    {"Asia/Jayapura", "WIT", 9 * 3600},
};

static const char *const weekdays[] = {"Senin", "Selasa", "Rabu",  "Kamis",
                                       "Jumat", "Sabtu",  "Minggu"};

static const char *const months[] = {"Januari",   "Februari", "Maret",    "April",
                                     "Mei",       "Juni",     "Juli",     "Agustus",
                                     "September", "Oktober",  "November", "Desember"};

bool caldate_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int caldate_days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && caldate_is_leap(y))
        return 29;
    return days[m - 1];
}

bool caldate_valid(struct caldate d)
{
    return d.y >= 1 && d.y <= 9999 && d.m >= 1 && d.m <= 12 && d.d >= 1 &&
           d.d <= caldate_days_in_month(d.y, d.m);
}

int caldate_to_days(struct caldate d)
{
    int y = d.m <= 2 ? d.y - 1 : d.y;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;                                           /* 0..399 */
    int doy = (153 * (d.m > 2 ? d.m - 3 : d.m + 9) + 2) / 5 + d.d - 1; /* 0..365 */
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                   /* 0..146096 */
    return era * 146097 + doe - 719468;
}

struct caldate caldate_from_days(int n)
{
    int z = n + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    struct caldate d;
    d.d = doy - (153 * mp + 2) / 5 + 1;
    d.m = mp < 10 ? mp + 3 : mp - 9;
    d.y = yoe + era * 400 + (d.m <= 2 ? 1 : 0);
    return d;
}

struct caldate caldate_add(struct caldate d, int n)
{
    return caldate_from_days(caldate_to_days(d) + n);
}

int caldate_diff(struct caldate from, struct caldate to)
{
    return caldate_to_days(to) - caldate_to_days(from);
}

int caldate_cmp(struct caldate a, struct caldate b)
{
    if (a.y != b.y)
        return a.y < b.y ? -1 : 1;
    if (a.m != b.m)
        return a.m < b.m ? -1 : 1;
    if (a.d != b.d)
        return a.d < b.d ? -1 : 1;
    return 0;
}

int caldate_weekday(struct caldate d)
{
    /* 1970-01-01 was a Thursday (ISO 4). */
    int n = caldate_to_days(d);
    int r = (n % 7 + 7) % 7; /* 0 = Thursday */
    return (r + 3) % 7 + 1;
}

const char *caldate_weekday_name(struct caldate d)
{
    return weekdays[caldate_weekday(d) - 1];
}

const char *caldate_month_name(int m)
{
    if (m < 1 || m > 12)
        return "";
    return months[m - 1];
}

const struct tzone *caldate_zone(const char *iana_name)
{
    if (!iana_name)
        return NULL;
    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
        if (strcmp(zones[i].name, iana_name) == 0)
            return &zones[i];
    return NULL;
}

/* Floor division: rounds towards minus infinity, so that instants before the
 * epoch fall on the right day. */
static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if (a % b != 0 && ((a < 0) != (b < 0)))
        q--;
    return q;
}

struct caltime caldate_local(int64_t t, const struct tzone *z)
{
    int64_t local = t + z->offset_seconds;
    int64_t days = floor_div(local, CALDATE_DAY_SECONDS);
    int64_t secs = local - days * CALDATE_DAY_SECONDS;
    struct caltime lt;
    lt.date = caldate_from_days((int)days);
    lt.hour = (int)(secs / 3600);
    lt.min = (int)(secs / 60 % 60);
    lt.sec = (int)(secs % 60);
    return lt;
}

struct caldate caldate_local_date(int64_t t, const struct tzone *z)
{
    return caldate_local(t, z).date;
}

int64_t caldate_instant(struct caltime lt, const struct tzone *z)
{
    return (int64_t)caldate_to_days(lt.date) * CALDATE_DAY_SECONDS + lt.hour * 3600 + lt.min * 60 +
           lt.sec - z->offset_seconds;
}

int64_t caldate_day_start(struct caldate d, const struct tzone *z)
{
    struct caltime lt = {d, 0, 0, 0};
    return caldate_instant(lt, z);
}

/* n decimal digits at s; stops at the first non-digit (including NUL), so it
 * never reads past the end of a shorter string. */
static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

/* "YYYY-MM-DD" at s (no terminator check). */
static bool parse_date_part(const char *s, struct caldate *d)
{
    if (!digits(s, 4, &d->y) || s[4] != '-' || !digits(s + 5, 2, &d->m) || s[7] != '-' ||
        !digits(s + 8, 2, &d->d))
        return false;
    return caldate_valid(*d);
}

bool caldate_parse(const char *s, struct caldate *out)
{
    struct caldate d;
    if (!s || !parse_date_part(s, &d) || s[10] != '\0')
        return false;
    *out = d;
    return true;
}

bool caldate_parse_instant(const char *s, int64_t *out)
{
    struct caltime lt;
    if (!s || !parse_date_part(s, &lt.date) || s[10] != 'T' || !digits(s + 11, 2, &lt.hour) ||
        s[13] != ':' || !digits(s + 14, 2, &lt.min) || s[16] != ':' || !digits(s + 17, 2, &lt.sec))
        return false;
    if (lt.hour > 23 || lt.min > 59 || lt.sec > 59)
        return false;
    int offset;
    const char *o = s + 19;
    if (o[0] == 'Z' && o[1] == '\0') {
        offset = 0;
    } else if (o[0] == '+' || o[0] == '-') {
        int oh, om;
        if (!digits(o + 1, 2, &oh) || o[3] != ':' || !digits(o + 4, 2, &om) || o[6] != '\0')
            return false;
        if (oh > 14 || om > 59 || (oh == 14 && om != 0))
            return false;
        offset = (oh * 3600 + om * 60) * (o[0] == '-' ? -1 : 1);
    } else {
        return false;
    }
    struct tzone z = {"", "", offset};
    *out = caldate_instant(lt, &z);
    return true;
}

bool caldate_format(struct caldate d, char *buf, size_t n)
{
    if (!buf || n < CALDATE_DATE_LEN)
        return false;
    int w = snprintf(buf, n, "%04d-%02d-%02d", d.y, d.m, d.d);
    return w > 0 && (size_t)w < n;
}

bool caldate_format_instant(int64_t t, const struct tzone *z, char *buf, size_t n)
{
    if (!buf || n < CALDATE_INSTANT_LEN)
        return false;
    struct caltime lt = caldate_local(t, z);
    int off = z->offset_seconds;
    char sign = off < 0 ? '-' : '+';
    if (off < 0)
        off = -off;
    int w = snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", lt.date.y, lt.date.m,
                     lt.date.d, lt.hour, lt.min, lt.sec, sign, off / 3600, off / 60 % 60);
    return w > 0 && (size_t)w < n;
}
