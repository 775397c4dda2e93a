-- 0020_review_indexes.sql: the review list's stall filter and the counts per
-- office at national scale (issue 10; bench/lists, 1M cases / 10M events).
--
-- CREATE INDEX over a million summaries takes longer than the server's 5 s
-- statement timeout (server/store/db.c); this migration's own transaction
-- has none.
SET LOCAL statement_timeout = 0;
SET LOCAL maintenance_work_mem = '256MB';

-- ---- ?reason=stall: the stall's own index per reach -----------------------------------
-- The list pages each reach's (next_due_at, case_id) index (0009) and drops
-- the rows that fail the filter.  Files whose reason is the stall are few
-- among the overdue clocks ahead of them, so the national first page walked
-- most of the country to find 50 (197 ms p50).  These hold only the rows
-- whose reason is the stall, in the list's order.  The predicate is, word
-- for word, the filter server/app/review.c adds for reason=stall (with
-- PICK_CLOCK): the planner uses a partial index only when the query's
-- conditions prove its predicate, so change both together.
CREATE INDEX case_summaries_stall_office ON app.case_summaries (office_id, next_due_at, case_id)
    WHERE next_due_at IS NOT NULL AND damaged IS NULL AND stall_at IS NOT NULL
      AND NOT (clock_due_at IS NOT NULL AND (stall_at IS NULL OR clock_due_at <= stall_at));
CREATE INDEX case_summaries_stall_scope1 ON app.case_summaries (scope1, next_due_at, case_id)
    WHERE next_due_at IS NOT NULL AND damaged IS NULL AND stall_at IS NOT NULL
      AND NOT (clock_due_at IS NOT NULL AND (stall_at IS NULL OR clock_due_at <= stall_at));
CREATE INDEX case_summaries_stall_scope2 ON app.case_summaries (scope2, next_due_at, case_id)
    WHERE next_due_at IS NOT NULL AND damaged IS NULL AND stall_at IS NOT NULL
      AND NOT (clock_due_at IS NOT NULL AND (stall_at IS NULL OR clock_due_at <= stall_at));
CREATE INDEX case_summaries_stall_scope3 ON app.case_summaries (scope3, next_due_at, case_id)
    WHERE next_due_at IS NOT NULL AND damaged IS NULL AND stall_at IS NOT NULL
      AND NOT (clock_due_at IS NOT NULL AND (stall_at IS NULL OR clock_due_at <= stall_at));

-- ---- the counts per office: an index-only scan ----------------------------------------
-- GET /api/v1/review/offices counts every listed file of each office of the
-- subtree by state.  The summary rows are wide (detail, stats), so reading
-- them costs most of the time (1.2 s p50 nationally, 4.8 s p95 under load,
-- at the edge of the statement timeout).  This index holds, per office, every
-- column the counts and the row-level policies of 0009 read, so the counts
-- never touch the table (where the visibility map allows).  `damaged` is at
-- most one line of an error (struct berr: 511 bytes), well under a B-tree
-- entry's limit.
CREATE INDEX case_summaries_counts ON app.case_summaries (office_id)
    INCLUDE (scope1, scope2, scope3, disclosed, kejari_id, damaged, clock_due_at,
             clock_attention_at, stall_at, directions_due_at, pingpong)
    WHERE next_due_at IS NOT NULL;
