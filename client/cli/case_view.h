/*
 * case_view.h - how a case reads on a terminal: the summary, the legal
 * clocks, the P-19 rounds, the parties, offences and evidence, the event
 * history, and the list of cases, each as aligned tables of what
 * GET /api/v1/cases and GET /api/v1/cases/{id} return.
 *
 * Urgency comes first: clocks and cases are sorted with the overdue ones
 * on top, marked "!! LEWAT WAKTU", then those in warning, marked
 * "! peringatan".  Labels are the server's; this module invents none.
 */
#ifndef BERKAS_CLI_CASE_VIEW_H
#define BERKAS_CLI_CASE_VIEW_H

#include <jansson.h>

/* The mark of a clock state ("ok", "warning", "overdue") for people. */
const char *view_clock_mark(const char *state);

/* The whole case (berkas case show). */
void view_case(const json_t *c);

/* The clocks table of a case's "clocks" array, most urgent first. */
void view_clocks(const json_t *clocks);

/* The event history table of a case's "history" array, in order; instants in
 * the office's zone tz. */
void view_history(const json_t *history, const char *tz);

/* The cases table of a list's "items", most urgent first, then by id. */
void view_case_list(const json_t *items);

#endif
