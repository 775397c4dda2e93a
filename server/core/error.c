/* error.c - see error.h. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void set_message(struct berr *err, const char *fmt, va_list ap)
{
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    /* One line: a message that reaches a log or a terminal must not be able
     * to forge a second line. */
    for (char *p = err->message; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
}

bool berr_set(struct berr *err, enum berr_kind kind, const char *fmt, ...)
{
    if (!err)
        return false;
    va_list ap;
    err->kind = kind;
    err->field[0] = '\0';
    va_start(ap, fmt);
    set_message(err, fmt, ap);
    va_end(ap);
    return false;
}

bool berr_field(struct berr *err, enum berr_kind kind, const char *field, const char *fmt, ...)
{
    if (!err)
        return false;
    va_list ap;
    err->kind = kind;
    snprintf(err->field, sizeof err->field, "%s", field ? field : "");
    va_start(ap, fmt);
    set_message(err, fmt, ap);
    va_end(ap);
    return false;
}

void berr_clear(struct berr *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

const char *berr_kind_name(enum berr_kind kind)
{
    switch (kind) {
    case BERR_NONE:
        return "none";
    case BERR_BAD_INPUT:
        return "bad-input";
    case BERR_UNAUTHENTICATED:
        return "unauthenticated";
    case BERR_FORBIDDEN:
        return "forbidden";
    case BERR_NOT_FOUND:
        return "not-found";
    case BERR_CONFLICT:
        return "conflict";
    case BERR_TOO_LARGE:
        return "too-large";
    case BERR_UNPROCESSABLE:
        return "unprocessable";
    case BERR_UNAVAILABLE:
        return "unavailable";
    case BERR_INTERNAL:
        return "internal";
    }
    return "internal";
}
