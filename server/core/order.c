/*
 * order.c - see order.h.
 *
 * The explicit rows are the dependencies no guard states: what an act
 * presupposes by its nature (an SPDP notifies an investigation the Sprindik
 * began; the prosecutor's receipt is of a file sent).  Everything a guard,
 * the stage table or the detention machine already implies is derived from
 * them at run time, so the order can never disagree with what the guards
 * require.
 */
#include "order.h"

#include <stdio.h>
#include <string.h>
#include <threads.h>

#include "fsm.h"

#define A(e)                                                                                       \
    {                                                                                              \
        EV_##e, AV_ANY                                                                             \
    }
#define BR(e)                                                                                      \
    {                                                                                              \
        EV_##e, AV_BERKAS_RECEIPT                                                                  \
    }
#define PU(e)                                                                                      \
    {                                                                                              \
        EV_##e, AV_SPDP_TO_PU                                                                      \
    }
#define BT(e)                                                                                      \
    {                                                                                              \
        EV_##e, AV_BAP_TERSANGKA                                                                   \
    }
#define LD(v)                                                                                      \
    {                                                                                              \
        EV_LETTER_DELIVERED, AV_##v                                                                \
    }
#define ND(v)                                                                                      \
    {                                                                                              \
        EV_NOTICE_UNDELIVERED, AV_##v                                                              \
    }
#define ARREST_NOTIFIED                                                                            \
    {                                                                                              \
        EV_ARRESTED, AV_NOTICE_ARREST                                                              \
    }
#define DETENTION_NOTIFIED                                                                         \
    {                                                                                              \
        EV_DETAINED, AV_NOTICE_DETENTION                                                           \
    }
#define CUSTODY                                                                                    \
    {                                                                                              \
        EV_ARRESTED, AV_CUSTODY                                                                    \
    }

/* clang-format off */
static const struct order_rule law[] = {
    /* act                       after                            scope        basis */
    {A(SPDP_SENT),               A(SPRINDIK_ISSUED),              ORD_CASE,    ORD_LAW, "KUHAP 109(1): SPDP memberitahukan penyidikan yang dimulai dengan Sprindik"},
    {A(SPDP_SENT),               A(REOPENED),                     ORD_CASE,    ORD_LAW, "KUHAP 109(1)"},
    {A(SUSPECT_DESIGNATED),      A(SPRINDIK_ISSUED),              ORD_CASE,    ORD_LAW, "Permenkumham 39/2021 Pasal 27(5): penetapan tersangka dalam penyidikan"},
    {A(SUSPECT_DESIGNATED),      A(REOPENED),                     ORD_CASE,    ORD_LAW, "Permenkumham 39/2021 Pasal 27(5)"},
    {A(SUMMONS_SERVED),          A(SPRINDIK_ISSUED),              ORD_CASE,    ORD_LAW, "KUHAP 112(1): panggilan oleh penyidik dalam penyidikan"},
    {A(SUMMONS_SERVED),          A(REOPENED),                     ORD_CASE,    ORD_LAW, "KUHAP 112(1)"},
    {A(BAP_RECORDED),            A(SPRINDIK_ISSUED),              ORD_CASE,    ORD_LAW, "KUHAP 75: pemeriksaan atas dasar Sprindik"},
    {A(BAP_RECORDED),            A(REOPENED),                     ORD_CASE,    ORD_LAW, "KUHAP 75"},
    {BT(BAP_RECORDED),           A(SUSPECT_DESIGNATED),           ORD_SUSPECT, ORD_LAW, "KUHAP 1 angka 14: diperiksa sebagai tersangka setelah ditetapkan"},
    {A(RESUME_WRITTEN),          A(SPRINDIK_ISSUED),              ORD_CASE,    ORD_LAW, "KUHAP 8(1)-(2)"},
    {A(RESUME_WRITTEN),          A(REOPENED),                     ORD_CASE,    ORD_LAW, "KUHAP 8(1)-(2)"},
    {A(DETAINED),                A(SPRINDIK_ISSUED),              ORD_CASE,    ORD_LAW, "KUHAP 20(1): penahanan untuk kepentingan penyidikan"},
    {A(DETAINED),                A(REOPENED),                     ORD_CASE,    ORD_LAW, "KUHAP 20(1)"},
    {A(TAHAP1_RECEIVED_BY_PU),   A(TAHAP1_SENT),                  ORD_CASE,    ORD_LAW, "KUHAP 138(1): penerimaan berkas yang dikirim"},
    {BR(LETTER_DELIVERED),       A(TAHAP1_SENT),                  ORD_CASE,    ORD_LAW, "KUHAP 138(1): tanda terima berkas yang dikirim"},
    {A(TAHAP1_RECEIVED_BY_PU),   A(RESUBMITTED),                  ORD_CASE,    ORD_LAW, "KUHAP 138(1)"},
    {A(P18_RECEIVED),            A(TAHAP1_RECEIVED_BY_PU),        ORD_CASE,    ORD_LAW, "KUHAP 138(1): penelitian berkas yang diterima"},
    {A(INSTRUCTION_ANSWERED),    A(P19_RECEIVED),                 ORD_CASE,    ORD_LAW, "KUHAP 110(3)"},
    {A(INSTRUCTION_ANSWERED),    A(RETURN_LETTER_RECEIVED),       ORD_CASE,    ORD_LAW, "KUHAP 110(3)"},
    {A(RETURNED_FILE_RECEIVED),  A(P19_RECEIVED),                 ORD_CASE,    ORD_LAW, "KUHAP 138(2): penerimaan berkas yang dikembalikan"},
    {A(RETURNED_FILE_RECEIVED),  A(RETURN_LETTER_RECEIVED),       ORD_CASE,    ORD_LAW, "KUHAP 138(2)"},
    {A(P20_RECEIVED),            A(P19_RECEIVED),                 ORD_CASE,    ORD_LAW, "KUHAP 138(2)"},
    {A(P21A_RECEIVED),           A(P21_RECEIVED),                 ORD_CASE,    ORD_LAW, "KEP-518/A/J.A/11/2001"},
    {A(P21A_RECEIVED),           A(DEEMED_COMPLETE_CONFIRMED),    ORD_CASE,    ORD_LAW, "KEP-518/A/J.A/11/2001"},
    {A(P22_RECEIVED),            A(P21_RECEIVED),                 ORD_CASE,    ORD_LAW, "KEP-518/A/J.A/11/2001"},
    {A(P22_RECEIVED),            A(DEEMED_COMPLETE_CONFIRMED),    ORD_CASE,    ORD_LAW, "KEP-518/A/J.A/11/2001"},
    {A(P23_RECEIVED),            A(P21_RECEIVED),                 ORD_CASE,    ORD_LAW, "KEP-518/A/J.A/11/2001"},
    {A(P23_RECEIVED),            A(DEEMED_COMPLETE_CONFIRMED),    ORD_CASE,    ORD_LAW, "KEP-518/A/J.A/11/2001"},
    {A(SP3_NOTIFIED),            A(SP3_ISSUED),                   ORD_CASE,    ORD_LAW, "KUHAP 109(3)"},
    /* the Kejaksaan registers the SPDP it received, then appoints the prosecutors who follow
     * the investigation (P-16) and asks for its progress (P-17): DOMAIN 4.4, 6, D14 */
    {A(P16_RECEIVED),            A(SPDP_RECEIVED_BY_PU),          ORD_CASE,    ORD_LAW, "KEP-518/A/J.A/11/2001 (P-16): jaksa peneliti ditunjuk setelah SPDP diterima dan diregistrasi"},
    {A(P17_RECEIVED),            A(SPDP_RECEIVED_BY_PU),          ORD_CASE,    ORD_LAW, "KEP-518/A/J.A/11/2001 (P-17): perkembangan penyidikan diminta setelah SPDP diterima"},
    {A(DIRECTION_DONE),          A(DIRECTION_GIVEN),              ORD_REF,     ORD_LAW, "Permenkumham 39/2021 (pengendalian)"},
    /* a notice is delivered after the act it notifies (issue 13.7, 13.8) */
    {LD(NOTICE_ARREST),          ARREST_NOTIFIED,                 ORD_SUSPECT, ORD_LAW, "KUHAP 18(3): tembusan surat perintah penangkapan"},
    {LD(NOTICE_DETENTION),       DETENTION_NOTIFIED,              ORD_SUSPECT, ORD_LAW, "KUHAP 21(3): tembusan surat perintah penahanan"},
    {LD(NOTICE_CONSULAR),        CUSTODY,                         ORD_SUSPECT, ORD_LAW, "Konvensi Wina 1963 Pasal 36(1)(b): pemberitahuan penangkapan atau penahanan"},
    /* ... and declared undelivered after it too: a notice owed for that act */
    {ND(NOTICE_ARREST),          ARREST_NOTIFIED,                 ORD_SUSPECT, ORD_LAW, "KUHAP 18(3): tembusan surat perintah penangkapan"},
    {ND(NOTICE_DETENTION),       DETENTION_NOTIFIED,              ORD_SUSPECT, ORD_LAW, "KUHAP 21(3): tembusan surat perintah penahanan"},
    {ND(NOTICE_CONSULAR),        CUSTODY,                         ORD_SUSPECT, ORD_LAW, "Konvensi Wina 1963 Pasal 36(1)(b): pemberitahuan penangkapan atau penahanan"},
    {LD(NOTICE_DESIGNATION),     A(SUSPECT_DESIGNATED),           ORD_SUSPECT, ORD_LAW, "UU 20/2025 Pasal 90: pemberitahuan penetapan tersangka"},
    {LD(NOTICE_BAP_COPY),        BT(BAP_RECORDED),                ORD_SUSPECT, ORD_LAW, "UU 20/2025 (belum dipastikan): salinan BAP tersangka setelah pemeriksaannya"},
    {LD(SPDP_DELIVERY),          PU(SPDP_SENT),                   ORD_CASE,    ORD_LAW, "Permenkumham 39/2021 Pasal 27: SPDP diterima setelah dikirim kepada Penuntut Umum"},
};
/* clang-format on */

#define NLAW ((int)(sizeof law / sizeof law[0]))

static bool same_ref(struct act_ref a, struct act_ref b)
{
    return a.ev == b.ev && a.variant == b.variant;
}

/* Append r unless (act, after, scope) is already there. */
static void add(struct order_rule *out, int max, int *n, struct order_rule r)
{
    for (int i = 0; i < *n && i < max; i++)
        if (same_ref(out[i].act, r.act) && same_ref(out[i].after, r.after) &&
            out[i].scope == r.scope)
            return;
    if (*n < max)
        out[*n] = r;
    (*n)++;
}

/* Rows from the guards: each fact a row's guard can find missing waits for
 * the acts that establish it. */
static void from_guards(const struct fsm_row *rows, int nrows, struct order_rule *out, int max,
                        int *n)
{
    for (int i = 0; i < nrows; i++) {
        if (!rows[i].guard)
            continue;
        struct case_facts f;
        struct missing m = {0};
        facts_all_missing(&f);
        rows[i].guard(&f, &m);
        for (int k = 0; k < m.n; k++)
            for (const struct act_ref *s = fact_sources(m.list[k]); s->ev != EV__COUNT; s++)
                add(out, max, n,
                    (struct order_rule){
                        {rows[i].event, AV_ANY}, *s, ORD_CASE, ORD_GUARD, rows[i].basis});
    }
}

/* Rows from the stage table: a move out of stage S comes no earlier than
 * the moves into S. */
static void from_stages(const struct fsm_row *rows, int nrows, struct order_rule *out, int max,
                        int *n)
{
    for (int i = 0; i < nrows; i++) {
        if (rows[i].to == rows[i].from)
            continue;
        for (int k = 0; k < nrows; k++)
            if (rows[k].to != rows[k].from && rows[k].to == rows[i].from)
                add(out, max, n,
                    (struct order_rule){{rows[i].event, AV_ANY},
                                        {rows[k].event, AV_ANY},
                                        ORD_CASE,
                                        ORD_STAGE,
                                        "tahap perkara ditinggalkan setelah dimasuki"});
    }
}

int order_rules(struct order_rule *out, int max)
{
    /* built whole, then copied: each row is kept once whatever max is */
    struct order_rule all[ORDER_MAX_RULES];
    int n = 0;
    for (int i = 0; i < NLAW; i++)
        add(all, ORDER_MAX_RULES, &n, law[i]);
    struct fsm_row rows[ST__COUNT * EV__COUNT];
    int nrows = fsm_rows(rows, ST__COUNT * EV__COUNT);
    from_guards(rows, nrows, all, ORDER_MAX_RULES, &n);
    from_stages(rows, nrows, all, ORDER_MAX_RULES, &n);
    /* the detention machine: each state is left after it was entered */
    for (int x = EV_ARRESTED; x <= EV_DETENSI_ENDED; x++)
        for (int y = EV_ARRESTED; y <= EV_DETENSI_ENDED; y++)
            add(all, ORDER_MAX_RULES, &n,
                (struct order_rule){{(enum event)x, AV_ANY},
                                    {(enum event)y, AV_ANY},
                                    ORD_SUSPECT,
                                    ORD_DETENTION,
                                    "KUHAP 16-31: tindakan atas tersangka berurutan"});
    for (int i = 0; i < n && i < max && i < ORDER_MAX_RULES; i++)
        out[i] = all[i];
    return n;
}

bool order_act_is(const struct case_event *e, struct act_ref r)
{
    if (e->event != r.ev)
        return false;
    switch (r.variant) {
    case AV_ANY:
        return true;
    case AV_BAP_TERSANGKA:
        return e->bap == BAP_TERSANGKA;
    case AV_NOTICE_ARREST:
        return e->notice == NOTICE_FAMILY_ARREST;
    case AV_NOTICE_DETENTION:
        return e->notice == NOTICE_FAMILY_DETENTION;
    case AV_NOTICE_CONSULAR:
        return e->notice == NOTICE_CONSULAR;
    case AV_SPDP_DELIVERY:
        return notice_is_spdp(e->notice);
    case AV_NOTICE_DESIGNATION:
        return e->notice == NOTICE_DESIGNATION;
    case AV_NOTICE_BAP_COPY:
        return e->notice == NOTICE_BAP_COPY;
    case AV_BERKAS_RECEIPT:
        return e->notice == NOTICE_BERKAS_KEJARI;
    case AV_SPDP_TO_PU:
        return evlog_spdp_to_pu(e);
    case AV_CUSTODY:
        return e->event == EV_ARRESTED || e->event == EV_DETAINED;
    }
    return false;
}

#define stamp order_stamp
#define seen  order_seen

static struct stamp stamp_of(const struct case_event *e, int i, const struct tzone *z)
{
    return (struct stamp){i, evlog_date(e, z), e->has_time, e->at};
}

/* True when y is dated after x: by instant when both have one, else by
 * local date. */
static bool later(const struct stamp *y, const struct stamp *x)
{
    if (y->has_time && x->has_time)
        return y->at > x->at;
    return caldate_cmp(y->date, x->date) > 0;
}

static void seen_clear(struct seen *s)
{
    s->untimed.index = s->timed.index = -1;
}

static void seen_note(struct seen *s, const struct stamp *t)
{
    struct stamp *slot = t->has_time ? &s->timed : &s->untimed;
    if (slot->index < 0 || later(t, slot))
        *slot = *t;
}

/* As seen_note, keeping the earliest: for an act that may follow any of them, not only the
 * latest (the copy of a suspect's BAP may be of his first examination, entered after his
 * second). */
static void seen_note_earliest(struct seen *s, const struct stamp *t)
{
    struct stamp *slot = t->has_time ? &s->timed : &s->untimed;
    if (slot->index < 0 || later(slot, t))
        *slot = *t;
}

/* The index of an act in s dated after x, or -1. */
static int seen_later(const struct seen *s, const struct stamp *x)
{
    if (s->untimed.index >= 0 && later(&s->untimed, x))
        return s->untimed.index;
    if (s->timed.index >= 0 && later(&s->timed, x))
        return s->timed.index;
    return -1;
}

/* The acts followed per suspect (ORD_SUSPECT rows may only wait for these):
 * the detention machine's acts as one kind, the designation, and for the
 * notices the latest arrest, the latest detention, the latest act that
 * took him into custody (an arrest, or a detention while free) and his
 * earliest BAP as a suspect (a copy follows one of them, DOMAIN D16). */
enum {
    SLOT_DETENTION,
    SLOT_DESIGNATED,
    SLOT_ARRESTED,
    SLOT_DETAINED,
    SLOT_CUSTODY,
    SLOT_BAP,
    NSLOTS
};
_Static_assert(NSLOTS == ORDER_SUSPECT_SLOTS, "order.h's slots");

static int suspect_slot(struct act_ref r)
{
    /* an "after" that is a notified act: which of his acts it notifies */
    if (r.variant == AV_CUSTODY)
        return SLOT_CUSTODY;
    if (r.ev == EV_ARRESTED && r.variant == AV_NOTICE_ARREST)
        return SLOT_ARRESTED;
    if (r.ev == EV_DETAINED && r.variant == AV_NOTICE_DETENTION)
        return SLOT_DETAINED;
    if (event_is_detention(r.ev))
        return SLOT_DETENTION;
    if (r.ev == EV_SUSPECT_DESIGNATED && r.variant == AV_ANY)
        return SLOT_DESIGNATED;
    if (r.ev == EV_BAP_RECORDED && r.variant == AV_BAP_TERSANGKA)
        return SLOT_BAP;
    return -1;
}

/* The table, built once (it depends on constant data only), its rows
 * grouped by the act they constrain. */
static struct {
    struct order_rule rules[ORDER_MAX_RULES];
    int first[EV__COUNT + 1]; /* rows of act e: rules[first[e] .. first[e + 1]) */
} table;
static once_flag table_once = ONCE_FLAG_INIT;

static void table_build(void)
{
    struct order_rule all[ORDER_MAX_RULES];
    int n = order_rules(all, ORDER_MAX_RULES);
    if (n > ORDER_MAX_RULES)
        n = ORDER_MAX_RULES;
    int k = 0;
    for (int e = 0; e < EV__COUNT; e++) {
        table.first[e] = k;
        for (int i = 0; i < n; i++)
            if (all[i].act.ev == (enum event)e)
                table.rules[k++] = all[i];
    }
    table.first[EV__COUNT] = k;
}

/* The slot of c->cases[ev] that follows acts of r's kind (order.h): 0 every act of the event,
 * 1 the event's one variant a rule waits for - a BAP of a suspect, the Kejari's tanda terima of
 * the file sent -, -1 a variant followed there by no slot. */
static int case_slot(struct act_ref r)
{
    if (r.variant == AV_ANY)
        return 0;
    if ((r.ev == EV_BAP_RECORDED && r.variant == AV_BAP_TERSANGKA) ||
        (r.ev == EV_LETTER_DELIVERED && r.variant == AV_BERKAS_RECEIPT) ||
        (r.ev == EV_SPDP_SENT && r.variant == AV_SPDP_TO_PU))
        return 1;
    return -1;
}

/* The act before i out of order with x under rule r, or -1. */
static int dependency_fault(const struct order_state *c, const struct case_event *ev, int n,
                            const struct case_event *x, const struct stamp *xs,
                            const struct tzone *z, const struct order_rule *r)
{
    switch (r->scope) {
    case ORD_CASE: {
        int slot = case_slot(r->after);
        return slot < 0 ? -1 : seen_later(&c->cases[r->after.ev][slot], xs);
    }
    case ORD_SUSPECT: {
        int slot = suspect_slot(r->after);
        if (slot < 0 || x->suspect < 0 || x->suspect >= EVLOG_MAX_SUSPECTS)
            return -1;
        return seen_later(&c->suspects[x->suspect][slot], xs);
    }
    case ORD_REF: {
        int j = x->ref;
        while (j >= 0 && ev[j].event == EV_CORRECTED)
            j = ev[j].ref;
        struct case_event y;
        if (j < 0 || j >= xs->index || !evlog_effective(ev, n, j, &y) ||
            !order_act_is(&y, r->after))
            return -1;
        struct stamp ys = stamp_of(&y, j, z);
        return later(&ys, xs) ? j : -1;
    }
    }
    return -1;
}

/* Remember x as an act later acts may depend on. */
static void note(struct order_state *c, const struct case_event *x, const struct stamp *xs)
{
    seen_note(&c->cases[x->event][0], xs);
    if (order_act_is(x, (struct act_ref){EV_BAP_RECORDED, AV_BAP_TERSANGKA}) ||
        order_act_is(x, (struct act_ref){EV_LETTER_DELIVERED, AV_BERKAS_RECEIPT}) ||
        order_act_is(x, (struct act_ref){EV_SPDP_SENT, AV_SPDP_TO_PU}))
        seen_note(&c->cases[x->event][1], xs);
    if (x->suspect < 0 || x->suspect >= EVLOG_MAX_SUSPECTS)
        return;
    int slot = suspect_slot((struct act_ref){x->event, AV_ANY});
    if (slot >= 0)
        seen_note(&c->suspects[x->suspect][slot], xs);
    if (x->event == EV_ARRESTED)
        seen_note(&c->suspects[x->suspect][SLOT_ARRESTED], xs);
    if (x->event == EV_DETAINED)
        seen_note(&c->suspects[x->suspect][SLOT_DETAINED], xs);
    if (order_act_is(x, (struct act_ref){EV_BAP_RECORDED, AV_BAP_TERSANGKA}))
        seen_note_earliest(&c->suspects[x->suspect][SLOT_BAP], xs);
    /* custody begins with an arrest, or a detention of a free suspect */
    bool *held = &c->held[x->suspect];
    if (x->event == EV_ARRESTED || (x->event == EV_DETAINED && !*held))
        seen_note(&c->suspects[x->suspect][SLOT_CUSTODY], xs);
    if (x->event == EV_ARRESTED || x->event == EV_DETAINED)
        *held = true;
    if (x->event == EV_RELEASED)
        *held = false;
}

void order_init(struct order_state *c)
{
    call_once(&table_once, table_build);
    for (int e = 0; e < EV__COUNT; e++)
        for (int v = 0; v < 2; v++)
            seen_clear(&c->cases[e][v]);
    for (int s = 0; s < EVLOG_MAX_SUSPECTS; s++) {
        for (int k = 0; k < NSLOTS; k++)
            seen_clear(&c->suspects[s][k]);
        c->held[s] = false;
    }
}

bool order_step(struct order_state *c, const struct case_event *ev, int n, int i,
                const struct tzone *z, struct order_fault *fault)
{
    call_once(&table_once, table_build);
    struct case_event x;
    if (!evlog_effective(ev, n, i, &x))
        return true;
    struct stamp xs = stamp_of(&x, i, z);
    for (int k = table.first[x.event]; k < table.first[x.event + 1]; k++) {
        const struct order_rule *r = &table.rules[k];
        if (!order_act_is(&x, r->act))
            continue;
        int j = dependency_fault(c, ev, n, &x, &xs, z, r);
        if (j < 0)
            continue;
        if (fault) {
            fault->act = i;
            fault->dep = j;
            fault->act_ev = x;
            evlog_effective(ev, n, j, &fault->dep_ev);
            fault->basis = r->basis;
            fault->withdrawn = false;
        }
        return false;
    }
    note(c, &x, &xs);
    return true;
}

static bool stamp_equal(const struct stamp *a, const struct stamp *b)
{
    return a->index == b->index &&
           (a->index < 0 || (caldate_cmp(a->date, b->date) == 0 && a->has_time == b->has_time &&
                             (!a->has_time || a->at == b->at)));
}

static bool seen_equal(const struct seen *a, const struct seen *b)
{
    return stamp_equal(&a->untimed, &b->untimed) && stamp_equal(&a->timed, &b->timed);
}

bool order_equal(const struct order_state *a, const struct order_state *b)
{
    for (int e = 0; e < EV__COUNT; e++)
        for (int v = 0; v < 2; v++)
            if (!seen_equal(&a->cases[e][v], &b->cases[e][v]))
                return false;
    for (int s = 0; s < EVLOG_MAX_SUSPECTS; s++) {
        if (a->held[s] != b->held[s])
            return false;
        for (int k = 0; k < NSLOTS; k++)
            if (!seen_equal(&a->suspects[s][k], &b->suspects[s][k]))
                return false;
    }
    return true;
}

bool order_check(const struct case_event *ev, int n, const struct tzone *z,
                 struct order_fault *fault)
{
    /* about 25 KB: the acts seen, per event and per suspect */
    struct order_state c;
    order_init(&c);
    for (int i = 0; i < n; i++)
        if (!order_step(&c, ev, n, i, z, fault))
            return false;
    return true;
}

/* ---- the other half (order.h) ------------------------------------------------------- */

static int pointed_at(const struct case_event *ev, int n, int i);

/* Whether e is an act row r waits for, as order_step follows it: per suspect, the detention
 * machine's acts as one kind and a notice's arrest or detention by its event. */
static bool is_after(const struct case_event *e, const struct order_rule *r)
{
    if (r->scope != ORD_SUSPECT)
        return order_act_is(e, r->after);
    switch (suspect_slot(r->after)) {
    case SLOT_DETENTION:
        return event_is_detention(e->event);
    case SLOT_ARRESTED:
        return e->event == EV_ARRESTED;
    case SLOT_DETAINED:
        return e->event == EV_DETAINED;
    case SLOT_CUSTODY:
        return e->event == EV_ARRESTED || e->event == EV_DETAINED;
    default: /* the designation, or any act followed as itself */
        return order_act_is(e, r->after);
    }
}

/* Whether an act of event e may be one row r waits for (is_after without the details): a
 * look at the stored event before its corrections are applied (they keep its event). */
static bool after_kind(enum event e, const struct order_rule *r)
{
    int slot = r->scope == ORD_SUSPECT ? suspect_slot(r->after) : -1;
    if (slot == SLOT_DETENTION)
        return event_is_detention(e);
    if (slot == SLOT_CUSTODY)
        return e == EV_ARRESTED || e == EV_DETAINED;
    return e == r->after.ev;
}

/* Whether e is in scope of row r for the act y (the same suspect for ORD_SUSPECT rows). */
static bool in_scope(const struct case_event *e, const struct case_event *y,
                     const struct order_rule *r)
{
    return r->scope != ORD_SUSPECT || (e->suspect >= 0 && e->suspect == y->suspect);
}

/* Where y's round begins: the latest act before k that y (act k) depends on, or -1. */
static int round_start(const struct case_event *ev, int n, int k, const struct case_event *y)
{
    const struct order_rule *rows[ORDER_MAX_RULES];
    bool kind[EV__COUNT] = {false};
    int nrows = 0;
    for (int q = table.first[y->event]; q < table.first[y->event + 1]; q++)
        if (table.rules[q].scope != ORD_REF && order_act_is(y, table.rules[q].act))
            rows[nrows++] = &table.rules[q];
    for (int e = 0; e < EV__COUNT; e++)
        for (int q = 0; q < nrows && !kind[e]; q++)
            kind[e] = after_kind((enum event)e, rows[q]);
    struct case_event e;
    for (int j = k - 1; j >= 0; j--) {
        if (ev[j].event == EV_CORRECTED || !kind[ev[j].event] || !evlog_effective(ev, n, j, &e))
            continue;
        for (int q = 0; q < nrows; q++)
            if (in_scope(&e, y, rows[q]) && is_after(&e, rows[q]))
                return j;
    }
    return -1;
}

/* Whether act m (stored, not a correction) opens a new round for acts of y's kind under a row
 * of y's own: y depends on it (an SPDP's receipt on the SPDP sent, the file's receipt on its
 * sending or re-sending, a P-19 on the receipt), the detention machine's rows left out (a
 * suspect's acts pair both ways: each would open the next). */
static bool opens_round(const struct case_event *ev, int n, int m, const struct case_event *y)
{
    struct case_event e;
    if (ev[m].event == EV_CORRECTED)
        return false;
    bool maybe = false;
    for (int q = table.first[y->event]; q < table.first[y->event + 1] && !maybe; q++) {
        const struct order_rule *r = &table.rules[q];
        maybe = r->scope != ORD_REF && r->origin != ORD_DETENTION && order_act_is(y, r->act) &&
                after_kind(ev[m].event, r);
    }
    if (!maybe || !evlog_effective(ev, n, m, &e))
        return false;
    for (int q = table.first[y->event]; q < table.first[y->event + 1]; q++) {
        const struct order_rule *r = &table.rules[q];
        if (r->scope != ORD_REF && r->origin != ORD_DETENTION && order_act_is(y, r->act) &&
            in_scope(&e, y, r) && is_after(&e, r))
            return true;
    }
    return false;
}

/* Whether act i (x, stamped xs), which waits for acts of y's kind under row r, follows one of
 * them other than `skip` in its own round: an act j of y's kind (in scope) entered before it,
 * with no act opening a new round for y's kind entered after j (before `end`) and dated no later
 * than x.  A P-16 entered after a new SPDP was sent does not follow the receipt of the SPDP
 * before it; a late letter of the first SPDP, dated before the new Sprindik, still follows the
 * first SPDP; a suspect's notice follows any of his arrests (no round opens for an arrest). */
static bool anchored(const struct case_event *ev, int n, int i, int end, int skip,
                     const struct case_event *y, const struct stamp *xs, const struct tzone *z,
                     const struct order_rule *r)
{
    struct case_event e;
    int last = -1; /* the latest act of y's kind entered before i */
    for (int j = i - 1; j >= 0 && last < 0; j--)
        if (j != skip && ev[j].event != EV_CORRECTED && after_kind(ev[j].event, r) &&
            evlog_effective(ev, n, j, &e) && in_scope(&e, y, r) && is_after(&e, r))
            last = j;
    if (last < 0)
        return false;
    for (int m = last + 1; m < end; m++) {
        if (m == skip || m == i || !opens_round(ev, n, m, y))
            continue;
        evlog_effective(ev, n, m, &e);
        struct stamp ms = stamp_of(&e, m, z);
        if (!later(&ms, xs))
            return false;
    }
    return true;
}

static void fill_fault(const struct case_event *ev, int n, int i, int k, const struct case_event *y,
                       const struct order_rule *r, struct order_fault *fault)
{
    if (!fault)
        return;
    fault->act = i;
    fault->dep = k;
    evlog_effective(ev, n, i, &fault->act_ev);
    fault->dep_ev = *y;
    fault->basis = r->basis;
    fault->withdrawn = false;
}

/* Whether the pair (x at i, y at k) was already out of order before the correction that made
 * `was` the old version of the act it corrects (k, or i when only >= 0), and the correction
 * did not move that act further the wrong way: a correction is weighed for what it changes, so
 * a log entered before this check (legal then) can still have its other details corrected. */
static bool already_out(const struct case_event *was, bool x_corrected, const struct case_event *x,
                        const struct stamp *xs, const struct case_event *y, const struct stamp *ys,
                        const struct tzone *z, const struct order_rule *r)
{
    if (!was)
        return false;
    if (x_corrected) {
        struct stamp old = stamp_of(was, xs->index, z);
        return order_act_is(was, r->act) && in_scope(was, y, r) && later(ys, &old) &&
               !later(&old, xs);
    }
    struct stamp old = stamp_of(was, ys->index, z);
    return in_scope(x, was, r) && is_after(was, r) && later(&old, xs) && !later(ys, &old);
}

/* Act k (y) against the acts entered before it in its round (only >= 0: that act alone): the
 * first dated before y that waits for it under a row and follows no act of y's kind in its own
 * round (anchored).  was: the corrected act as it stood before the correction, or NULL. */
static bool entered_check(const struct case_event *ev, int n, int k, int only,
                          const struct case_event *was, const struct tzone *z,
                          struct order_fault *fault)
{
    struct case_event y, e;
    if (!evlog_effective(ev, n, k, &y))
        return true;
    const struct order_rule *rows[ORDER_MAX_RULES];
    bool kind[EV__COUNT] = {false}; /* the acts that may wait for y */
    int nrows = 0;
    for (int q = 0; q < table.first[EV__COUNT]; q++)
        if (table.rules[q].scope != ORD_REF && is_after(&y, &table.rules[q])) {
            rows[nrows++] = &table.rules[q];
            kind[table.rules[q].act.ev] = true;
        }
    if (nrows == 0)
        return true;
    int lo = round_start(ev, n, k, &y) + 1, hi = k;
    if (only >= 0) {
        lo = only < lo ? k : only;
        hi = only + 1 < k ? only + 1 : k;
    }
    struct stamp ys = stamp_of(&y, k, z);
    for (int i = lo; i < hi; i++) {
        if (ev[i].event == EV_CORRECTED || !kind[ev[i].event] || !evlog_effective(ev, n, i, &e))
            continue;
        struct stamp xs = stamp_of(&e, i, z);
        if (!later(&ys, &xs))
            continue;
        for (int q = 0; q < nrows; q++) {
            if (!in_scope(&e, &y, rows[q]) || !order_act_is(&e, rows[q]->act) ||
                already_out(was, only >= 0, &e, &xs, &y, &ys, z, rows[q]) ||
                anchored(ev, n, i, k, -1, &y, &xs, z, rows[q]))
                continue;
            fill_fault(ev, n, i, k, &y, rows[q], fault);
            return false;
        }
    }
    return true;
}

/* Whether x may wait for y under some row of x's kind (the rows entered_check would weigh). */
static bool may_wait(const struct case_event *x, const struct case_event *y)
{
    for (int q = table.first[x->event]; q < table.first[x->event + 1]; q++) {
        const struct order_rule *r = &table.rules[q];
        if (r->scope != ORD_REF && order_act_is(x, r->act) && in_scope(x, y, r) && is_after(y, r))
            return true;
    }
    return false;
}

/* Whether guard row r waits for an act that establishes a fact its guard asks of each suspect
 * (facts.h, fact_each_suspect): Tahap I needs every suspect's BAP tersangka, so for a
 * withdrawal only the same suspect's act of that kind stands in for the one withdrawn. */
static bool each_suspect(const struct order_rule *r)
{
    if (r->origin != ORD_GUARD)
        return false;
    for (int f = 0; f < FACT__COUNT; f++) {
        if (!fact_each_suspect((enum fact)f))
            continue;
        for (const struct act_ref *s = fact_sources((enum fact)f); s->ev != EV__COUNT; s++)
            if (same_ref(*s, r->after))
                return true;
    }
    return false;
}

/* Act k, withdrawn by the last act of ev[0..n) (y: k as it stood), against the acts entered
 * after it that stand: the first that depends on y under a row of the law or of a guard (what
 * it presupposes) and follows no other act of y's kind in its own round - of y's suspect's,
 * where the guard asks the fact of each suspect (each_suspect).  The detention
 * machine's rows and the stage table's are not asked: a detention needs no arrest before it
 * (KUHAP 20-21), and a withdrawal that leaves a stage unreplayable is refused by the replay. */
static bool withdrawable(const struct case_event *ev, int n, int k, const struct case_event *y,
                         const struct tzone *z, struct order_fault *fault)
{
    struct case_event x;
    for (int i = k + 1; i < n - 1; i++) {
        if (ev[i].event == EV_CORRECTED || !evlog_effective(ev, n, i, &x))
            continue;
        struct stamp xs = stamp_of(&x, i, z);
        for (int q = table.first[x.event]; q < table.first[x.event + 1]; q++) {
            const struct order_rule *r = &table.rules[q];
            if ((r->origin != ORD_LAW && r->origin != ORD_GUARD) || !order_act_is(&x, r->act) ||
                !is_after(y, r))
                continue;
            struct order_rule own = *r; /* per suspect: anchored by his own acts alone */
            if (each_suspect(r))
                own.scope = ORD_SUSPECT;
            bool depends = r->scope == ORD_REF
                               ? pointed_at(ev, n, x.ref) == k
                               : in_scope(&x, y, r) && !anchored(ev, n, i, i, k, y, &xs, z, &own);
            if (!depends)
                continue;
            if (fault) {
                fault->act = i;
                fault->dep = k;
                fault->act_ev = x;
                fault->dep_ev = *y;
                fault->basis = r->basis;
                fault->withdrawn = true;
            }
            return false;
        }
    }
    return true;
}

/* Whether the last act of the log is a correction of act k (through corrections of it). */
static bool corrects(const struct case_event *ev, int n, int k)
{
    int j = n - 1;
    if (j <= k || ev[j].event != EV_CORRECTED)
        return false;
    while (j >= 0 && ev[j].event == EV_CORRECTED)
        j = ev[j].ref;
    return j == k;
}

bool order_check_entered(const struct case_event *ev, int n, int k, const struct tzone *z,
                         struct order_fault *fault)
{
    call_once(&table_once, table_build);
    if (k < 0 || k >= n)
        return true;
    /* a correction: k as it stood before it (NULL: it did not stand, all is new) */
    struct case_event before;
    const struct case_event *was =
        corrects(ev, n, k) && evlog_effective(ev, n - 1, k, &before) ? &before : NULL;
    if (was && ev[n - 1].withdraws)
        return withdrawable(ev, n, k, was, z, fault);
    if (!entered_check(ev, n, k, -1, was, z, fault))
        return false;
    struct case_event x, y;
    if (!evlog_effective(ev, n, k, &x))
        return true;
    /* a correction: each act entered after k that k may wait for, against k alone */
    for (int m = k + 1; m < n; m++)
        if (evlog_effective(ev, n, m, &y) && may_wait(&x, &y) &&
            !entered_check(ev, n, m, k, was, z, fault))
            return false;
    return true;
}

/* ---- once in a round (order.h) ----------------------------------------------------- */

/* clang-format off */
static const struct once_rule once[] = {
    {EV_SPDP_RECEIVED_BY_PU, ONCE_SINCE,   {EV_SPDP_SENT, EV_SPRINDIK_ISSUED}, "DOMAIN 4.4: Kejaksaan meregistrasi SPDP yang diterimanya satu kali; Sprindik baru, SPDP baru (JAM Pidum B-1310/E/EJP/05/2022)"},
    {EV_DIRECTION_DONE,      ONCE_PER_REF, {EV__COUNT, EV__COUNT},             "Permenkumham 39/2021 (pengendalian): arahan dilaksanakan dan dilaporkan satu kali"},
    {EV_REPORT_REGISTERED,   ONCE_SINCE,   {EV__COUNT, EV__COUNT},             "DOMAIN 4.1: perkara dibuka atas satu Laporan Kejadian; laporan lain perkara lain"},
};
/* clang-format on */

const struct once_rule *order_once_rules(int *n)
{
    *n = (int)(sizeof once / sizeof once[0]);
    return once;
}

/* The act at i (its ref followed through corrections to the act it points at). */
static int pointed_at(const struct case_event *ev, int n, int i)
{
    while (i >= 0 && i < n && ev[i].event == EV_CORRECTED)
        i = ev[i].ref;
    return i;
}

/* The first effective act e[i] of row r in x's round, or -1. */
static int once_first(const struct case_event *ev, int n, const struct case_event *x,
                      const struct once_rule *r)
{
    struct case_event e;
    int first = -1;
    int target = r->scope == ONCE_PER_REF ? pointed_at(ev, n, x->ref) : -1;
    for (int i = 0; i < n; i++) {
        if (!evlog_effective(ev, n, i, &e))
            continue;
        /* a copy of the SPDP sent to another than the prosecutor is not a new SPDP he receives */
        if (r->scope == ONCE_SINCE && (e.event == r->since[0] || e.event == r->since[1]) &&
            (e.event != EV_SPDP_SENT || evlog_spdp_to_pu(&e)))
            first = -1;
        else if (e.event == r->act && first < 0 &&
                 (r->scope == ONCE_SINCE || pointed_at(ev, n, e.ref) == target))
            first = i;
    }
    return first;
}

int order_once_first(const struct case_event *ev, int n, const struct case_event *x,
                     const struct once_rule **rule)
{
    for (size_t k = 0; k < sizeof once / sizeof once[0]; k++) {
        if (once[k].act != x->event)
            continue;
        int first = once_first(ev, n, x, &once[k]);
        if (first >= 0 && rule)
            *rule = &once[k];
        if (first >= 0)
            return first;
    }
    return -1;
}

/* "2026-03-01" or "2026-03-01T09:00:00+07:00". */
static void when(const struct case_event *e, bool instant, const struct tzone *z, char *buf,
                 size_t size)
{
    if (instant)
        caldate_format_instant(e->at, z, buf, size);
    else
        caldate_format(evlog_date(e, z), buf, size);
}

void order_fault_message(const struct order_fault *f, const struct tzone *z, char *buf, size_t size)
{
    bool instants = f->act_ev.has_time && f->dep_ev.has_time;
    char a[CALDATE_INSTANT_LEN], d[CALDATE_INSTANT_LEN];
    when(&f->act_ev, instants, z, a, sizeof a);
    when(&f->dep_ev, instants, z, d, sizeof d);
    /* a letter is named by what it delivers */
    const char *act = f->act_ev.event == EV_LETTER_DELIVERED && f->act_ev.notice != NOTICE_NONE
                          ? notice_label(f->act_ev.notice)
                          : event_label(f->act_ev.event);
    if (f->withdrawn)
        snprintf(buf, size,
                 "%s (%s) tidak dapat ditarik: %s (%s) yang bergantung padanya masih tercatat "
                 "(%s); tarik dulu %s",
                 event_label(f->dep_ev.event), d, act, a, f->basis, act);
    else
        snprintf(buf, size,
                 "urutan tanggal tidak sah: %s (%s) bertanggal sebelum %s (%s) yang harus "
                 "mendahuluinya (%s)",
                 act, a, event_label(f->dep_ev.event), d, f->basis);
}

bool order_check_err(const struct case_event *ev, int n, const struct tzone *z, struct berr *err)
{
    struct order_fault f;
    if (order_check(ev, n, z, &f))
        return true;
    char msg[400];
    order_fault_message(&f, z, msg, sizeof msg);
    return berr_field(err, BERR_UNPROCESSABLE, "date", "event %d: %s", f.act, msg);
}
