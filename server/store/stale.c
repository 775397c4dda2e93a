/* stale.c - see stale.h. */
#include "stale.h"

#include <stdlib.h>
#include <string.h>

#include "act_number.h"
#include "db.h"
#include "stmt.h"
#include "tx.h"

/* the cases of $1 with a paper of an act not revoked and, recorded after it, a correction, the
 * revocation of its act's numbered paper (the act's number given anew), a change of a party
 * the paper may print or a reporter or victim added (the SP3's papers list them all); or a
 * withdrawal whenever recorded (a paper issued after its act was
 * withdrawn, as berkas let one be before, is of no act too) */
#define STALE_CANDIDATES                                                                           \
    "WITH cand AS (SELECT DISTINCT d.case_id FROM app.documents d WHERE d.case_id = ANY "          \
    "($1::bigint[]) AND d.revoked_at IS NULL AND d.event_id IS NOT NULL AND (EXISTS (SELECT 1 "    \
    "FROM app.events c WHERE c.case_id = d.case_id AND c.type = 'corrected' AND (c.entered_at > "  \
    "d.issued_at OR c.payload->>'withdraws' = 'true')) OR EXISTS (SELECT 1 FROM app.documents r "  \
    "WHERE r.event_id = d.event_id AND "                                                           \
    "r.act_number AND r.revoked_at > d.issued_at) OR EXISTS (SELECT 1 FROM app.parties x WHERE "   \
    "x.case_id = d.case_id AND x.updated_at > d.issued_at AND x.created_at <= d.issued_at) OR "    \
    "EXISTS (SELECT 1 FROM app.charge_withdrawals w WHERE w.case_id = d.case_id AND w.added_at "   \
    "<= d.issued_at AND w.withdrawn_at > d.issued_at) OR EXISTS (SELECT 1 FROM app.evidence v "    \
    "WHERE v.case_id = d.case_id AND (v.printed_at > d.issued_at OR v.linked_at > "                \
    "d.issued_at)) OR EXISTS (SELECT 1 FROM app.parties x WHERE x.case_id = d.case_id AND "        \
    "x.kind IN ('reporter', 'victim') AND x.created_at > d.issued_at))) "

#define MICROS(x) "(extract(epoch FROM " x ") * 1000000)::bigint"

static const struct stmt acts = {
    "stale.acts", 1,
    STALE_CANDIDATES
    "SELECT e.case_id, e.id, coalesce(e.corrects, 0), coalesce(e.party_id, 0), "
    "e.seq, e.legal_at IS NOT NULL, coalesce(extract(epoch FROM "
    "e.legal_at)::bigint, 0), " MICROS(
        "e.entered_at") ", to_char(e.legal_date, "
                        "'YYYY-MM-DD'), " STORE_ACT_NUMBER(
                            "e") ", "
                                 "e.payload::text, "
                                 "to_json(e.entered_at) #>> '{}', e.doc_number, e.type "
                                 "FROM "
                                 "app.events e WHERE e.case_id IN "
                                 "(SELECT case_id FROM "
                                 "cand) AND (e.type = 'corrected' "
                                 "OR EXISTS (SELECT 1 FROM app.events k WHERE "
                                 "k.corrects = e.id) OR EXISTS (SELECT 1 "
                                 "FROM app.documents d WHERE "
                                 "d.event_id = e.id AND "
                                 "d.revoked_at IS NULL)) ORDER BY "
                                 "e.case_id, e.id"};

static const struct stmt papers = {
    "stale.papers", 1,
    STALE_CANDIDATES "SELECT d.case_id, d.id, d.event_id, " MICROS(
        "d.issued_at") ", d.form, d.title, d.number, to_char(d.issued_on, 'YYYY-MM-DD'), "
                       "d.act_number, coalesce(" MICROS(
                           "d.revoked_at") ", 0), d.office_id, coalesce((SELECT u.role FROM "
                                           "app.users u WHERE u.id = d.issued_by), '') FROM "
                                           "app.documents "
                                           "d WHERE d.case_id IN (SELECT case_id FROM cand) AND "
                                           "d.event_id IS NOT "
                                           "NULL AND (d.revoked_at IS NULL OR d.act_number) ORDER "
                                           "BY d.case_id, d.id"};

static const struct stmt parties = {
    "stale.parties", 1,
    STALE_CANDIDATES "SELECT x.case_id, x.id, x.kind, x.name, " MICROS("x.created_at") ", " MICROS(
        "x.updated_at") ", to_json(x.updated_at) #>> '{}' FROM "
                        "app.parties x WHERE x.case_id IN (SELECT "
                        "case_id FROM cand) ORDER BY x.case_id, "
                        "x.id"};

static const struct stmt charges = {
    "stale.charges", 1,
    STALE_CANDIDATES "SELECT w.case_id, coalesce(w.party_id, 0), " MICROS("w.added_at") ", " MICROS(
        "w.withdrawn_at") ", oc.code, to_json(w.withdrawn_at) #>> '{}' FROM "
                          "app.charge_withdrawals w JOIN app.offence_catalogue oc ON oc.id = "
                          "w.offence_id WHERE w.case_id IN (SELECT case_id FROM cand) ORDER BY "
                          "w.case_id, w.id"};

/* the items of evidence changed since recorded in what papers print (sql/0048) */
static const struct stmt items = {
    "stale.items", 1,
    STALE_CANDIDATES
    "SELECT v.case_id, v.id, v.description, " MICROS("v.created_at") ", coalesce(" MICROS(
        "v.printed_at") ", 0), coalesce(" MICROS("v.linked_at") ", 0), coalesce(v.seizure_event, "
                                                                "0), coalesce(v.seizure_was, 0), "
                                                                "to_json(greatest(v.printed_at, "
                                                                "v.linked_at)) #>> '{}' FROM "
                                                                "app.evidence "
                                                                "v WHERE v.case_id IN (SELECT "
                                                                "case_id FROM cand) AND "
                                                                "(v.printed_at IS NOT "
                                                                "NULL OR v.linked_at IS NOT NULL) "
                                                                "ORDER BY v.case_id, v.id"};

static void item_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_stale_item *v = item;
    v->case_id = stmt_ll(r, i, 0);
    v->id = stmt_ll(r, i, 1);
    v->description = PQgetvalue(r, i, 2);
    v->created_us = stmt_ll(r, i, 3);
    v->printed_us = stmt_ll(r, i, 4);
    v->linked_us = stmt_ll(r, i, 5);
    v->seizure_event = stmt_ll(r, i, 6);
    v->seizure_was = stmt_ll(r, i, 7);
    v->changed_at = PQgetvalue(r, i, 8);
}

static void act_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_stale_act *a = item;
    a->case_id = stmt_ll(r, i, 0);
    a->id = stmt_ll(r, i, 1);
    a->corrects = stmt_ll(r, i, 2);
    a->party_id = stmt_ll(r, i, 3);
    a->seq = (int)stmt_ll(r, i, 4);
    a->has_at = stmt_bool(r, i, 5);
    a->at = stmt_ll(r, i, 6);
    a->entered_us = stmt_ll(r, i, 7);
    a->legal_date = PQgetvalue(r, i, 8);
    a->number = PQgetvalue(r, i, 9);
    a->payload = PQgetvalue(r, i, 10);
    a->entered_at = PQgetvalue(r, i, 11);
    a->own_number = PQgetvalue(r, i, 12);
    a->type = PQgetvalue(r, i, 13);
}

static void party_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_stale_party *x = item;
    x->case_id = stmt_ll(r, i, 0);
    x->id = stmt_ll(r, i, 1);
    x->kind = PQgetvalue(r, i, 2);
    x->name = PQgetvalue(r, i, 3);
    x->created_us = stmt_ll(r, i, 4);
    x->updated_us = stmt_ll(r, i, 5);
    x->updated_at = PQgetvalue(r, i, 6);
}

static void charge_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_stale_charge *w = item;
    w->case_id = stmt_ll(r, i, 0);
    w->party_id = stmt_ll(r, i, 1);
    w->added_us = stmt_ll(r, i, 2);
    w->withdrawn_us = stmt_ll(r, i, 3);
    w->code = PQgetvalue(r, i, 4);
    w->withdrawn_at = PQgetvalue(r, i, 5);
}

static void paper_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_stale_paper *p = item;
    p->case_id = stmt_ll(r, i, 0);
    p->id = stmt_ll(r, i, 1);
    p->event_id = stmt_ll(r, i, 2);
    p->issued_us = stmt_ll(r, i, 3);
    p->form = PQgetvalue(r, i, 4);
    p->title = PQgetvalue(r, i, 5);
    p->number = PQgetvalue(r, i, 6);
    p->issued_on = PQgetvalue(r, i, 7);
    p->act_number = stmt_bool(r, i, 8);
    p->revoked_us = stmt_ll(r, i, 9);
    p->office_id = stmt_ll(r, i, 10);
    p->issuer_role = PQgetvalue(r, i, 11);
}

bool store_stale_rows(struct tx *tx, const long long *ids, int n, struct store_stale_rows *out,
                      struct berr *err)
{
    memset(out, 0, sizeof *out);
    if (n <= 0)
        return true;
    char *arr = stmt_id_array(ids, n);
    if (!arr)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    const char *p[1] = {arr};
    struct db_batch b[5] = {{acts.name, acts.sql, acts.nparams, p},
                            {papers.name, papers.sql, papers.nparams, p},
                            {parties.name, parties.sql, parties.nparams, p},
                            {charges.name, charges.sql, charges.nparams, p},
                            {items.name, items.sql, items.nparams, p}};
    PGresult *r[5];
    bool ok = tx_batch(tx, 5, b, r, err);
    free(arr);
    if (!ok)
        return false;
    void *a = NULL, *d = NULL, *x = NULL, *w = NULL, *v = NULL;
    int done = 0; /* the results stmt_rows took (it clears one it fails on) */
    ok = stmt_rows(r[0], sizeof *out->acts, act_of, NULL, &a, &out->nacts, &out->res_[0], err);
    done++;
    if (ok) {
        ok = stmt_rows(r[1], sizeof *out->papers, paper_of, NULL, &d, &out->npapers, &out->res_[1],
                       err);
        done++;
    }
    if (ok) {
        ok = stmt_rows(r[2], sizeof *out->parties, party_of, NULL, &x, &out->nparties,
                       &out->res_[2], err);
        done++;
    }
    if (ok) {
        ok = stmt_rows(r[3], sizeof *out->charges, charge_of, NULL, &w, &out->ncharges,
                       &out->res_[3], err);
        done++;
    }
    if (ok) {
        ok = stmt_rows(r[4], sizeof *out->items, item_of, NULL, &v, &out->nitems, &out->res_[4],
                       err);
        done++;
    }
    for (int i = done; i < 5; i++)
        PQclear(r[i]);
    out->acts = a;
    out->papers = d;
    out->parties = x;
    out->charges = w;
    out->items = v;
    if (!ok)
        store_stale_rows_free(out);
    return ok;
}

void store_stale_rows_free(struct store_stale_rows *r)
{
    free(r->acts);
    free(r->papers);
    free(r->parties);
    free(r->charges);
    free(r->items);
    for (int i = 0; i < 5; i++)
        PQclear(r->res_[i]);
    memset(r, 0, sizeof *r);
}

/* ---- revoking a paper ------------------------------------------------------------------- */

static const struct stmt revoke_target = {
    "stale.revoke_target", 1,
    "SELECT d.case_id, d.revoked_at IS NOT NULL, d.form, d.title, d.number, u.role, d.office_id, "
    "coalesce(d.event_id, 0), d.params::text, d.act_number "
    "FROM "
    "app.documents d JOIN app.users u ON u.id = d.issued_by WHERE d.id = $1::bigint"};

static const struct stmt revoke = {
    "stale.revoke", 3,
    "UPDATE app.documents SET revoked_at = now(), revoked_note = $3 WHERE id = $2::bigint AND "
    "case_id = $1::bigint AND revoked_at IS NULL RETURNING id"};

bool store_revoke_target(struct tx *tx, long long doc_id, struct store_revoke_target *out,
                         bool *found, struct berr *err)
{
    memset(out, 0, sizeof *out);
    char d[24];
    const char *p[1] = {stmt_id(d, doc_id)};
    PGresult *r = stmt_query(tx, &revoke_target, p, err);
    if (!r)
        return false;
    *found = PQntuples(r) == 1;
    if (*found) {
        out->case_id = stmt_ll(r, 0, 0);
        out->revoked = stmt_bool(r, 0, 1);
        stmt_copy(out->form, sizeof out->form, r, 0, 2);
        stmt_copy(out->title, sizeof out->title, r, 0, 3);
        stmt_copy(out->number, sizeof out->number, r, 0, 4);
        stmt_copy(out->issuer_role, sizeof out->issuer_role, r, 0, 5);
        out->office_id = stmt_ll(r, 0, 6);
        out->event_id = stmt_ll(r, 0, 7);
        out->params = strdup(PQgetvalue(r, 0, 8));
        out->act_number = stmt_bool(r, 0, 9);
    }
    PQclear(r);
    return true;
}

void store_revoke_target_free(struct store_revoke_target *t)
{
    free(t->params);
    t->params = NULL;
}

bool store_document_revoke(struct tx *tx, long long case_id, long long doc_id, const char *note,
                           bool *done, struct berr *err)
{
    char c[24], d[24];
    const char *p[3] = {stmt_id(c, case_id), stmt_id(d, doc_id), note};
    return stmt_one(tx, &revoke, p, done, NULL, err);
}
