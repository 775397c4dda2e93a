/*
 * evfield.h - the input of an act, described once (issue 12.3): the rows of
 * core/evfields.def as the app and the HTTP edge use them, to read the body
 * of POST /api/v1/cases/{id}/events into struct event_input, to build the
 * payload stored (and hashed) with the act, to say which fields were sent
 * and what a missing one is, and to describe them in the OpenAPI schema.
 */
#ifndef BERKAS_APP_EVFIELD_H
#define BERKAS_APP_EVFIELD_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/event.h"
#include "core/facts.h"

struct event_input;

/* How a member is read (its JSON type and bounds). */
enum evf_input {
    EVI_STR,    /* text, NFC, at most max characters */
    EVI_ID,     /* a positive id (1 .. 2^53) */
    EVI_DAYS,   /* a number of days, 1 .. max (an int member) */
    EVI_FLAG,   /* true or false */
    EVI_TEXTS,  /* a list of at most max texts (each at most EVF_TEXT_MAX characters) */
    EVI_IDS,    /* a list of 1 .. max positive ids */
    EVI_FORMS,  /* a list of at most max form names ("ba_penangkapan") */
    EVI_PEOPLE, /* a list of NIPs: kept as sent, app/acts.c resolves it */
};

/* Characters of one text of an EVI_TEXTS list. */
#define EVF_TEXT_MAX 4000

/* How a member goes into the stored payload (under its key). */
enum evf_payload {
    PAY_NONE,    /* not in the payload: a column of the event row, or resolved by acts.c */
    PAY_STR,     /* the text as sent */
    PAY_TEXT,    /* the text, when not empty */
    PAY_TRIM,    /* the text without its leading and trailing blanks */
    PAY_POS,     /* the number, when above 0 */
    PAY_TRUE,    /* true, when true */
    PAY_ID,      /* the id, when not 0 */
    PAY_COUNTED, /* the list when not empty, and "items": its length */
    PAY_LIST,    /* the list when not empty */
};

/* What a stored member sets in the core's struct case_event (core/evlog.h). */
enum evf_core {
    EVC_NONE,
    EVC_REF,         /* ref: the act it points at (by its event id) */
    EVC_WITHDRAWS,   /* withdraws */
    EVC_ITEMS,       /* items: the payload's "items" */
    EVC_DAYS,        /* days */
    EVC_DET_TYPE,    /* det_type */
    EVC_BAP,         /* bap */
    EVC_DUE,         /* due */
    EVC_LATE_RETURN, /* late_return: true when stored */
    EVC_UNLAWFUL,    /* unlawful: true when stored */
    EVC_NOTICE,      /* notice: the notice a letter delivers */
    EVC_URGENT,      /* urgent: a search or seizure without a prior permit, when stored */
};

struct evfield {
    const char *name; /* API name */
    int field;        /* enum event_field, or -1 for a member every act takes */
    enum evf_input input;
    long long max;
    size_t offset; /* of its member in struct event_input */
    enum evf_payload payload;
    const char *key; /* in the payload */
    enum evf_core core;
    bool required;    /* by every act (type) */
    uint64_t answers; /* bits (1 << enum fact) of the guard's facts it can satisfy */
    const char *need; /* what a refusal of a missing one asks for */
    const char *description;
};

/* Every row, the members every act takes first, then enum event_field's. */
extern const struct evfield evfields[];
extern const size_t evfields_count;

/* The row of field f (never NULL for a valid f). */
const struct evfield *evfield_of(enum event_field f);

/* The row named `name`, or NULL. */
const struct evfield *evfield_named(const char *name);

/* Every API name, NULL-terminated (json_body's list of members). */
const char *const *evfield_names(void);

/* The fields the client sent beyond those every act takes (bit EVF_BIT(EVF_x)). */
evfield_mask evfield_sent(const struct event_input *in);

/* What the refusal of a missing field f asks for ("party_id tersangka"). */
const char *evfield_need(enum event_field f);

/* The payload stored (and hashed) with the act, from its input. */
json_t *evfield_payload(const struct event_input *in);

/* The names of the fields among `takes` that can satisfy one of the facts
 * the guard found missing (list, n of them), as a JSON array; NULL when none. */
json_t *evfield_answering(const enum fact *list, int n, evfield_mask takes);

/* The members of in, typed, by a row (for the HTTP edge that fills them). */
const char **evfield_str(struct event_input *in, const struct evfield *r);
long long *evfield_ll(struct event_input *in, const struct evfield *r);
int *evfield_int(struct event_input *in, const struct evfield *r);
bool *evfield_bool(struct event_input *in, const struct evfield *r);
json_t **evfield_json(struct event_input *in, const struct evfield *r);

/* Every text of in (its EVI_STR members but the note, each item of its EVI_TEXTS lists) one the
 * papers can print (validate_printable), else false with err naming the member: they go into
 * the case XML the papers are drawn from.  The note is the log's own remark, printed on none. */
BERKAS_MUST_CHECK bool evfield_printable(const struct event_input *in, struct berr *err);

#endif
