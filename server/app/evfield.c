/*
 * evfield.c - see evfield.h.  The rows are core/evfields.def's; each row's
 * member of struct event_input is checked at compile time to have the C
 * type its input kind fills.
 */
#include "events.h"
#include "evfield.h"

#include <string.h>

#include "app.h"
#include "validate.h"

#define FB(x) (UINT64_C(1) << FACT_##x)
_Static_assert(FACT__COUNT <= 64, "a fact is a bit of a uint64_t");

const struct evfield evfields[] = {
#define EVCOMMON(name_, member, input_, max_, payload_, key_, required_, desc)                     \
    {.name = name_,                                                                                \
     .field = -1,                                                                                  \
     .input = input_,                                                                              \
     .max = max_,                                                                                  \
     .offset = offsetof(struct event_input, member),                                               \
     .payload = payload_,                                                                          \
     .key = key_,                                                                                  \
     .core = EVC_NONE,                                                                             \
     .required = required_,                                                                        \
     .need = name_,                                                                                \
     .description = desc},
#define EVFIELD(ID, name_, member, input_, max_, payload_, key_, core_, kept, takes, needs,        \
                answers_, need_, desc)                                                             \
    {.name = name_,                                                                                \
     .field = EVF_##ID,                                                                            \
     .input = input_,                                                                              \
     .max = max_,                                                                                  \
     .offset = offsetof(struct event_input, member),                                               \
     .payload = payload_,                                                                          \
     .key = key_,                                                                                  \
     .core = core_,                                                                                \
     .answers = answers_,                                                                          \
     .need = need_ ? need_ : name_,                                                                \
     .description = desc},
#include "core/evfields.def"
};
const size_t evfields_count = sizeof evfields / sizeof evfields[0];

/* Each member has the type its input kind fills. */
enum member_type { MT_TEXT, MT_LL, MT_INT, MT_BOOL, MT_JSON, MT_OTHER };
#define MEMBER_TYPE(m)                                                                             \
    _Generic(((struct event_input *)0)->m,                                                         \
        const char *: MT_TEXT,                                                                     \
        long long: MT_LL,                                                                          \
        int: MT_INT,                                                                               \
        bool: MT_BOOL,                                                                             \
        json_t *: MT_JSON,                                                                         \
        default: MT_OTHER)
#define INPUT_TYPE(i)                                                                              \
    ((i) == EVI_STR    ? MT_TEXT                                                                   \
     : (i) == EVI_ID   ? MT_LL                                                                     \
     : (i) == EVI_DAYS ? MT_INT                                                                    \
     : (i) == EVI_FLAG ? MT_BOOL                                                                   \
                       : MT_JSON)
#define EVCOMMON(name, member, input, ...)                                                         \
    _Static_assert(MEMBER_TYPE(member) == INPUT_TYPE(input), name ": member type");
#define EVFIELD(ID, name, member, input, ...)                                                      \
    _Static_assert(MEMBER_TYPE(member) == INPUT_TYPE(input), name ": member type");
#include "core/evfields.def"

/* the rows of enum event_field follow the members every act takes, in order */
static const struct evfield *field_rows(void)
{
    return evfields + (evfields_count - EVF__COUNT);
}

const struct evfield *evfield_of(enum event_field f)
{
    return (int)f >= 0 && f < EVF__COUNT ? &field_rows()[f] : NULL;
}

const struct evfield *evfield_named(const char *name)
{
    for (size_t i = 0; name && i < evfields_count; i++)
        if (strcmp(evfields[i].name, name) == 0)
            return &evfields[i];
    return NULL;
}

const char *const *evfield_names(void)
{
    static const char *names[sizeof evfields / sizeof evfields[0] + 1];
    if (!names[0]) /* the same values every time: a race only writes them twice */
        for (size_t i = 0; i < evfields_count; i++)
            names[i] = evfields[i].name;
    return names;
}

const char **evfield_str(struct event_input *in, const struct evfield *r)
{
    return (const char **)(void *)((char *)in + r->offset);
}

long long *evfield_ll(struct event_input *in, const struct evfield *r)
{
    return (long long *)(void *)((char *)in + r->offset);
}

int *evfield_int(struct event_input *in, const struct evfield *r)
{
    return (int *)(void *)((char *)in + r->offset);
}

bool *evfield_bool(struct event_input *in, const struct evfield *r)
{
    return (bool *)(void *)((char *)in + r->offset);
}

json_t **evfield_json(struct event_input *in, const struct evfield *r)
{
    return (json_t **)(void *)((char *)in + r->offset);
}

/* The member of a row as sent: its value when it is a number or a flag,
 * and whether it was sent at all. */
static bool member_sent(const struct event_input *in, const struct evfield *r, long long *value)
{
    const void *at = (const char *)in + r->offset;
    *value = 0;
    switch (r->input) {
    case EVI_STR:
        return *(const char *const *)at != NULL;
    case EVI_ID:
        *value = *(const long long *)at;
        break;
    case EVI_DAYS:
        *value = *(const int *)at;
        break;
    case EVI_FLAG:
        *value = *(const bool *)at;
        break;
    default:
        return *(json_t *const *)at != NULL;
    }
    return *value != 0;
}

static const char *member_str(const struct event_input *in, const struct evfield *r)
{
    return *(const char *const *)(const void *)((const char *)in + r->offset);
}

static json_t *member_json(const struct event_input *in, const struct evfield *r)
{
    return *(json_t *const *)(const void *)((const char *)in + r->offset);
}

evfield_mask evfield_sent(const struct event_input *in)
{
    evfield_mask mask = 0;
    long long v;
    for (int f = 0; f < EVF__COUNT; f++)
        if (member_sent(in, &field_rows()[f], &v))
            mask |= EVF_BIT(f);
    return mask;
}

const char *evfield_need(enum event_field f)
{
    const struct evfield *r = evfield_of(f);
    return r ? r->need : "";
}

json_t *evfield_payload(const struct event_input *in)
{
    json_t *p = json_object();
    for (size_t i = 0; i < evfields_count; i++) {
        const struct evfield *r = &evfields[i];
        long long v;
        if (r->payload == PAY_NONE || !member_sent(in, r, &v))
            continue;
        switch (r->payload) {
        case PAY_STR:
            json_object_set_new(p, r->key, json_string(member_str(in, r)));
            break;
        case PAY_TEXT:
            if (*member_str(in, r))
                json_object_set_new(p, r->key, json_string(member_str(in, r)));
            break;
        case PAY_TRIM: {
            size_t len;
            const char *t = validate_trim(member_str(in, r), &len);
            json_object_set_new(p, r->key, json_stringn(t, len));
            break;
        }
        case PAY_POS:
            if (v > 0)
                json_object_set_new(p, r->key, json_integer(v));
            break;
        case PAY_TRUE:
            json_object_set_new(p, r->key, json_true());
            break;
        case PAY_ID:
            json_object_set_new(p, r->key, json_integer(v));
            break;
        case PAY_COUNTED: {
            json_t *list = member_json(in, r);
            if (json_array_size(list) == 0)
                break;
            json_object_set_new(p, "items", json_integer((json_int_t)json_array_size(list)));
            json_object_set_new(p, r->key, json_deep_copy(list));
            break;
        }
        case PAY_LIST:
            if (json_array_size(member_json(in, r)) > 0)
                json_object_set_new(p, r->key, json_deep_copy(member_json(in, r)));
            break;
        case PAY_NONE:
            break;
        }
    }
    return p;
}

json_t *evfield_answering(const enum fact *list, int n, evfield_mask takes)
{
    json_t *names = json_array();
    for (int f = 0; f < EVF__COUNT; f++) {
        if (!(takes & EVF_BIT(f)))
            continue;
        for (int i = 0; i < n; i++)
            if (field_rows()[f].answers & (UINT64_C(1) << list[i])) {
                json_array_append_new(names, json_string(field_rows()[f].name));
                break;
            }
    }
    if (json_array_size(names) == 0) {
        json_decref(names);
        return NULL;
    }
    return names;
}

bool evfield_printable(const struct event_input *in, struct berr *err)
{
    for (size_t i = 0; i < evfields_count; i++) {
        const struct evfield *r = &evfields[i];
        /* the note is the log's remark on the act (the case page, the history), never written
         * on a paper; every other text goes into the case XML the papers are drawn from */
        if (r->input == EVI_STR && strcmp(r->name, "note") != 0 &&
            !validate_printable(member_str(in, r), r->name, err))
            return false;
        if (r->input != EVI_TEXTS)
            continue;
        size_t k;
        json_t *item;
        json_array_foreach(member_json(in, r), k, item)
        {
            if (!validate_printable(json_string_value(item), r->name, err))
                return false;
        }
    }
    return true;
}
