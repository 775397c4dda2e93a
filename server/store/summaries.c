/* summaries.c (store) - see summaries.h. */
#include "summaries.h"

#include <stdio.h>

#include "stmt.h"

/* The columns summary_compute gives, as jsonb_to_recordset reads them (the snapshots go apart:
 * put_snapshots). */
#define SUMMARY_RECORD                                                                             \
    "j(case_id bigint, stage text, stage_since date, clock_due_at bigint, "                        \
    "clock_attention_at bigint, clock_code text, clock_actor text, clock_party bigint, "           \
    "last_act_on date, last_act_type text, stall_at bigint, stall_actor text, "                    \
    "next_due_at bigint, p19_rounds int, pingpong boolean, directions_open int, "                  \
    "directions_due_at bigint, pu_due_at bigint, pu_attention_at bigint, last_arrival_on date, "   \
    "last_arrival_event bigint, detail jsonb, stats jsonb, damaged text, case_version int, "       \
    "rules_sig bigint)"

/* A sweep's rows are written as an act writes its own (app.record_case_summary, sql/0040, and
 * app.record_summary: under its case row's lock, the case's snapshot, then its summary): the
 * snapshots first, then the summaries, each in case id order, two statements sent together. Written
 * as one statement, the snapshots in a WITH part of the summaries' INSERT, PostgreSQL wrote the
 * batch's summaries first (a data-modifying WITH part no one reads is run to its end after the main
 * statement): an act on a case of the batch that came between took its snapshot and waited for its
 * summary, the sweep waited for that snapshot, and PostgreSQL's deadlock check ended the act, which
 * had waited first (40P01: 409, "a concurrent change", to an investigator alone on his file).  In
 * the one order an act waits for the sweep's snapshot, or the sweep (REPEATABLE READ) for the
 * act's rows and then reads its batch again (summary.c, 40001): neither waits for the other
 * both ways.  The id order keeps two sweeps (the refresher and an administrator's repair) in
 * one order too. */
#define SUMMARY_ROWS                                                                               \
    "WITH j AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS " SUMMARY_RECORD ") "

static const struct stmt put_snapshots = {
    "summaries.put_snapshots", 1,
    "WITH j AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS j(case_id bigint, "
    "case_version int, snapshot jsonb)) "
    "INSERT INTO app.case_snapshots AS n (case_id, format, events, last_event, case_version, "
    "state, written_at) SELECT j.case_id, (j.snapshot->>'format')::int, "
    "(j.snapshot->>'events')::int, (j.snapshot->>'last_event')::bigint, j.case_version, "
    "j.snapshot::text, now() FROM j WHERE j.snapshot IS NOT NULL AND "
    "jsonb_typeof(j.snapshot) = 'object' ORDER BY j.case_id ON CONFLICT (case_id) DO UPDATE SET "
    "format = EXCLUDED.format, events = EXCLUDED.events, last_event = EXCLUDED.last_event, "
    "case_version = EXCLUDED.case_version, state = EXCLUDED.state, "
    "written_at = EXCLUDED.written_at"};

static const struct stmt put = {
    "summaries.put", 1,
    SUMMARY_ROWS
    "INSERT INTO app.case_summaries AS s (case_id, office_id, kejari_id, disclosed, scope1, "
    "scope2, scope3, stage, stage_since, clock_due_at, clock_attention_at, clock_code, "
    "clock_actor, clock_party, last_act_on, last_act_type, stall_at, stall_actor, "
    "next_due_at, p19_rounds, pingpong, directions_open, directions_due_at, pu_due_at, "
    "pu_attention_at, last_arrival_on, last_arrival_event, detail, stats, damaged, "
    "case_version, rules_sig, computed_at) "
    "SELECT j.case_id, c.office_id, c.kejari_id, c.disclosed_at IS NOT NULL, "
    "o.ancestors[1], o.ancestors[2], o.ancestors[3], j.stage, j.stage_since, "
    "to_timestamp(j.clock_due_at), to_timestamp(j.clock_attention_at), j.clock_code, "
    "j.clock_actor, j.clock_party, j.last_act_on, j.last_act_type, to_timestamp(j.stall_at), "
    "j.stall_actor, to_timestamp(j.next_due_at), j.p19_rounds, j.pingpong, "
    "j.directions_open, to_timestamp(j.directions_due_at), to_timestamp(j.pu_due_at), "
    "to_timestamp(j.pu_attention_at), j.last_arrival_on, j.last_arrival_event, j.detail, "
    "j.stats, j.damaged, j.case_version, j.rules_sig, now() "
    "FROM j JOIN app.cases c ON c.id = j.case_id JOIN app.offices o ON o.id = c.office_id "
    "ORDER BY j.case_id "
    "ON CONFLICT (case_id) DO UPDATE SET office_id = EXCLUDED.office_id, "
    "kejari_id = EXCLUDED.kejari_id, disclosed = EXCLUDED.disclosed, "
    "scope1 = EXCLUDED.scope1, scope2 = EXCLUDED.scope2, scope3 = EXCLUDED.scope3, "
    "stage = EXCLUDED.stage, stage_since = EXCLUDED.stage_since, "
    "clock_due_at = EXCLUDED.clock_due_at, clock_attention_at = EXCLUDED.clock_attention_at, "
    "clock_code = EXCLUDED.clock_code, clock_actor = EXCLUDED.clock_actor, "
    "clock_party = EXCLUDED.clock_party, last_act_on = EXCLUDED.last_act_on, "
    "last_act_type = EXCLUDED.last_act_type, stall_at = EXCLUDED.stall_at, "
    "stall_actor = EXCLUDED.stall_actor, next_due_at = EXCLUDED.next_due_at, "
    "p19_rounds = EXCLUDED.p19_rounds, pingpong = EXCLUDED.pingpong, "
    "directions_open = EXCLUDED.directions_open, "
    "directions_due_at = EXCLUDED.directions_due_at, pu_due_at = EXCLUDED.pu_due_at, "
    "pu_attention_at = EXCLUDED.pu_attention_at, last_arrival_on = EXCLUDED.last_arrival_on, "
    "last_arrival_event = EXCLUDED.last_arrival_event, detail = EXCLUDED.detail, "
    "stats = EXCLUDED.stats, damaged = EXCLUDED.damaged, "
    "case_version = EXCLUDED.case_version, rules_sig = EXCLUDED.rules_sig, "
    "computed_at = EXCLUDED.computed_at"};

bool store_summaries_put(struct tx *tx, const char *rows_json, const char *snapshots_json,
                         struct berr *err)
{
    const char *snapshots[1] = {snapshots_json}, *rows[1] = {rows_json};
    return (!snapshots_json || stmt_defer(tx, &put_snapshots, snapshots, err)) &&
           stmt_defer(tx, &put, rows, err);
}

static const struct stmt record = {
    "summaries.record", 6,
    "SELECT app.record_case_summary($1::bigint, $2::jsonb, $3, $4::int, $5::int, $6::bigint)"};

bool store_summaries_record(struct tx *tx, long long case_id, const char *summary_json,
                            const char *snapshot, const struct store_snapshot_key *key,
                            struct berr *err)
{
    char cid[24], format[16], events[16], last[24];
    snprintf(format, sizeof format, "%d", key->format);
    snprintf(events, sizeof events, "%d", key->events);
    const char *p[6] = {stmt_id(cid, case_id),         summary_json, snapshot, format, events,
                        stmt_id(last, key->last_event)};
    return stmt_defer(tx, &record, p, err);
}
