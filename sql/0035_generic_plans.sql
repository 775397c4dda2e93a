-- 0035_generic_plans.sql - the write path's three functions plan their statements once
-- (issue 12: the cost of an act).
--
-- app.case_head (0031), app.record_act (0027) and app.record_summary (0026) run their
-- statements through PL/pgSQL's plan cache with a parameter each (the case's id, the act's
-- columns, the summary's rows).  Under plan_cache_mode = auto a cached plan is planned again
-- for its parameters' values for the first five executions in a backend and then whenever the
-- generic plan's estimate is not cheaper; none of these statements has a plan that depends on
-- a value (each finds one case by its primary key, or inserts and updates the rows it is
-- given), so the planning is spent for nothing.  With force_generic_plan, set on each function
-- (so for what it calls within it: app.case_fence, app.acting and the triggers on the rows it
-- writes), each statement is planned once per backend.  Measured by the perf helper with
-- callgrind on one backend (bench/events' act, its statements prepared): about 5% fewer
-- PostgreSQL instructions per act.  The functions' search_path, owner and SECURITY DEFINER
-- stay as they were (the rls suite asserts the whole setting).
ALTER FUNCTION app.case_head(bigint) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION app.record_act(bigint, int, text, date, timestamptz, text, bigint, bigint, text,
                              text, text, jsonb, bigint, boolean, boolean, bigint)
    SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION app.record_summary(jsonb) SET plan_cache_mode = force_generic_plan;
