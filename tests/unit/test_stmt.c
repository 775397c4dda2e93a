/* test_stmt.c - the query modules' helpers (store/stmt.h): a result's rows
 * as C structs, and ids as one array parameter.  The results are libpq's
 * own, built with PQmakeEmptyPGresult and PQsetvalue: no database. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "suites.h"

#include "store/stmt.h"

/* A result of rows (id, name) as a query of (bigint, text) gives it. */
static PGresult *result_of(int n, const char *const *ids, const char *const *names)
{
    PGresult *r = PQmakeEmptyPGresult(NULL, PGRES_TUPLES_OK);
    ck_assert_ptr_nonnull(r);
    PGresAttDesc cols[2] = {
        {.name = (char *)"id", .typid = 20, .typlen = 8, .atttypmod = -1},
        {.name = (char *)"name", .typid = 25, .typlen = -1, .atttypmod = -1},
    };
    ck_assert(PQsetResultAttrs(r, 2, cols));
    for (int i = 0; i < n; i++) {
        ck_assert(PQsetvalue(r, i, 0, (char *)ids[i], (int)strlen(ids[i])));
        ck_assert(PQsetvalue(r, i, 1, (char *)names[i], (int)strlen(names[i])));
    }
    return r;
}

struct person {
    long long id;
    const char *name;
    int mark;
};

static void person_of(const PGresult *r, int i, void *item, void *ctx)
{
    struct person *p = item;
    p->id = stmt_ll(r, i, 0);
    p->name = PQgetvalue(r, i, 1);
    p->mark = *(const int *)ctx;
}

START_TEST(test_rows_kept_with_their_result)
{
    const char *ids[] = {"3", "12", "9000000000"};
    const char *names[] = {"Andi", "Budi", "Citra"};
    PGresult *r = result_of(3, ids, names);
    int mark = 7, n = -1;
    void *items = NULL, *res = NULL;
    struct berr err = {0};
    ck_assert(stmt_rows(r, sizeof(struct person), person_of, &mark, &items, &n, &res, &err));
    ck_assert_int_eq(n, 3);
    ck_assert_ptr_eq(res, r); /* the rows' text is the result's, kept for the list */
    const struct person *p = items;
    ck_assert_int_eq(p[0].id, 3);
    ck_assert_int_eq(p[1].id, 12);
    ck_assert(p[2].id == 9000000000LL);
    ck_assert_str_eq(p[0].name, "Andi");
    ck_assert_str_eq(p[2].name, "Citra");
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(p[i].mark, 7);
    free(items);
    PQclear(res);
}
END_TEST

START_TEST(test_no_rows)
{
    PGresult *r = result_of(0, NULL, NULL);
    int mark = 0, n = -1;
    void *items = &mark, *res = NULL;
    struct berr err = {0};
    ck_assert(stmt_rows(r, sizeof(struct person), person_of, &mark, &items, &n, &res, &err));
    ck_assert_int_eq(n, 0);
    ck_assert_ptr_null(items);
    ck_assert_ptr_eq(res, r);
    PQclear(res);
}
END_TEST

/* without res the rows copy what they need and the result is cleared (the
 * sanitizers' leak check says it was) */
struct copied {
    long long id;
    char name[8];
};

static void copied_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct copied *c = item;
    c->id = stmt_ll(r, i, 0);
    stmt_copy(c->name, sizeof c->name, r, i, 1);
}

START_TEST(test_rows_copied_and_result_cleared)
{
    const char *ids[] = {"1", "2"};
    const char *names[] = {"Dewi", "Eko Prasetyo"};
    int n = 0;
    void *items = NULL;
    struct berr err = {0};
    ck_assert(stmt_rows(result_of(2, ids, names), sizeof(struct copied), copied_of, NULL, &items,
                        &n, NULL, &err));
    ck_assert_int_eq(n, 2);
    const struct copied *c = items;
    ck_assert_str_eq(c[0].name, "Dewi");
    ck_assert_str_eq(c[1].name, "Eko Pra"); /* cut to fit */
    free(items);
}
END_TEST

START_TEST(test_failed_query)
{
    int n = 5;
    void *items = &n, *res = &n;
    struct berr err = {0};
    berr_set(&err, BERR_UNAVAILABLE, "the database is away");
    ck_assert(!stmt_rows(NULL, sizeof(struct person), person_of, NULL, &items, &n, &res, &err));
    ck_assert_int_eq(n, 0);
    ck_assert_ptr_null(items);
    ck_assert_ptr_null(res);
    ck_assert_int_eq(err.kind, BERR_UNAVAILABLE); /* the query's error stays */
}
END_TEST

START_TEST(test_id_array)
{
    long long ids[] = {3, 5, 8, -1, 9223372036854775807LL};
    char *s = stmt_id_array(ids, 3);
    ck_assert_str_eq(s, "{3,5,8}");
    free(s);
    s = stmt_id_array(ids, 5);
    ck_assert_str_eq(s, "{3,5,8,-1,9223372036854775807}");
    free(s);
    s = stmt_id_array(NULL, 0);
    ck_assert_str_eq(s, "{}");
    free(s);
}
END_TEST

Suite *suite_stmt(void)
{
    Suite *s = suite_create("stmt");
    TCase *tc = tcase_create("rows");
    tcase_add_test(tc, test_rows_kept_with_their_result);
    tcase_add_test(tc, test_no_rows);
    tcase_add_test(tc, test_rows_copied_and_result_cleared);
    tcase_add_test(tc, test_failed_query);
    tcase_add_test(tc, test_id_array);
    suite_add_tcase(s, tc);
    return s;
}
