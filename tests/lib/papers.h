/*
 * papers.h - what the suites that issue papers on the demo data share (blanks, detpapers,
 * invforms): the suite's berkasd, started and stopped by its unchecked fixture in the runner
 * so that its tests (Check's children) share it, a call to it that must answer as wanted, and
 * the assertions on a paper's text read back with pdftotext.
 */
#ifndef BERKAS_TESTS_PAPERS_H
#define BERKAS_TESTS_PAPERS_H

#include <check.h>
#include <jansson.h>

#include "harness.h"

/* The running suite's berkasd (one suite runs at a time: the runner runs them in turn). */
extern struct demo_server demo;

/* Give tc the unchecked fixture that starts demo on a fresh copy of the demo database named
 * dbname (demo_server_start) and stops it after tc's tests. */
void papers_fixture(TCase *tc, const char *dbname);

/* api_json on demo: method path as token with body (NULL: none); the reply must be want. */
json_t *call(const char *method, const char *path, const char *token, const char *body, long want);

/* The test fails unless text holds needle (assert_has) or does not (assert_lacks); what names
 * the paper and the fact in the message, which quotes the text. */
void assert_has(const char *text, const char *needle, const char *what);
void assert_lacks(const char *text, const char *needle, const char *what);

/* The string member k of j, NULL when none. */
const char *str(json_t *j, const char *k);

#endif
