/* papers.c - see papers.h. */
#include "papers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct demo_server demo;

/* A fixture function takes no argument: one start function per suite's database, each
 * reading its own slot (the suites are all built before any runs). */
#define SLOTS 6
static const char *slot_db[SLOTS];
static int nslots;

static void start_slot(int i)
{
    demo_server_start(&demo, slot_db[i]);
}

static void start0(void)
{
    start_slot(0);
}

static void start1(void)
{
    start_slot(1);
}

static void start2(void)
{
    start_slot(2);
}

static void start3(void)
{
    start_slot(3);
}

static void start4(void)
{
    start_slot(4);
}

static void start5(void)
{
    start_slot(5);
}

static void stop(void)
{
    demo_server_stop(&demo);
}

void papers_fixture(TCase *tc, const char *dbname)
{
    static void (*const starts[SLOTS])(void) = {start0, start1, start2, start3, start4, start5};
    if (nslots == SLOTS) {
        fprintf(stderr, "papers_fixture: more than %d suites; add a slot in tests/lib/papers.c\n",
                SLOTS);
        exit(EXIT_FAILURE);
    }
    slot_db[nslots] = dbname;
    tcase_add_unchecked_fixture(tc, starts[nslots++], stop);
}

json_t *call(const char *method, const char *path, const char *token, const char *body, long want)
{
    return api_json(demo.port, method, path, token, body, want);
}

void assert_has(const char *text, const char *needle, const char *what)
{
    ck_assert_msg(strstr(text, needle) != NULL, "%s: \"%s\" not in: %.5000s", what, needle, text);
}

void assert_lacks(const char *text, const char *needle, const char *what)
{
    ck_assert_msg(strstr(text, needle) == NULL, "%s: \"%s\" in: %.5000s", what, needle, text);
}

const char *str(json_t *j, const char *k)
{
    return json_string_value(json_object_get(j, k));
}
