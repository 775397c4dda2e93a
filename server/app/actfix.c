/* actfix.c - see actfix.h. */
#include "actfix.h"

#include <stddef.h>

static json_t *object_of(const char *text)
{
    json_t *o = text ? json_loads(text, 0, NULL) : NULL;
    if (json_is_object(o))
        return o;
    json_decref(o);
    return json_object();
}

void actfix_init(struct actfix *s, const struct actfix_row *act)
{
    *s = (struct actfix){.date = act->date ? act->date : "",
                         .number = act->number ? act->number : "",
                         .party_name = act->party_name,
                         .has_at = act->has_at,
                         .at = act->at,
                         .party = act->party,
                         .payload = object_of(act->payload)};
}

void actfix_apply(struct actfix *s, const struct actfix_row *c)
{
    json_t *fix = object_of(c->payload);
    s->fixes++;
    if (json_is_true(json_object_get(fix, "withdraws"))) {
        s->withdrawn = true; /* the act is withdrawn, not changed */
        json_decref(fix);
        return;
    }
    s->withdrawn = false; /* the last correction decides: one after a withdrawal restores it */
    s->date = c->date ? c->date : s->date;
    s->has_at = c->has_at;
    s->at = c->at;
    if (c->number && c->number[0])
        s->number = c->number;
    if (c->party) {
        s->party = c->party;
        s->party_name = c->party_name;
    }
    json_object_del(fix, "withdraws");
    /* a P-19 answer names the act that fulfils its item or why it cannot be met, never both:
     * the one a correction names replaces the other (p19answer.h) */
    if (s->payload && json_object_get(fix, "answer_act"))
        json_object_del(s->payload, "unmet_reason");
    if (s->payload && json_object_get(fix, "unmet_reason"))
        json_object_del(s->payload, "answer_act");
    if (s->payload)
        json_object_update(s->payload, fix);
    json_decref(fix);
}

char *actfix_payload_text(const struct actfix *s)
{
    return json_dumps(s->payload, JSON_COMPACT | JSON_PRESERVE_ORDER);
}

void actfix_free(struct actfix *s)
{
    json_decref(s->payload);
    s->payload = NULL;
}
