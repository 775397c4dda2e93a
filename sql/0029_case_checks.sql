-- 0029_case_checks.sql - the case row's two value lists (0003) asked by a
-- function each, so that a statement that writes the row no longer reads
-- the lists back from the catalog's text (issue 12.2: an act's cost).
--
-- PostgreSQL prepares a table's CHECK constraints for every statement that
-- inserts or updates a row of it, reading each from its stored node text
-- (stringToNode); cases_stage_check and cases_source_check are each a list of
-- ten string constants, every constant's bytes stored one number apiece.
-- Every act moves its case row (app.record_act, 0027), so both were read
-- again at each act.  Measured with callgrind on one backend, the statements
-- of one act as berkasd sends them (100 acts, the difference of two runs):
-- 3.42 M instructions per act before, 3.23 M with these checks.
--
-- The rule is the same: the same ten stages and ten sources, the same
-- constraint names, the same SQLSTATE (23514) and message on a refusal.  The
-- functions are PL/pgSQL, not SQL: a SQL function would be inlined into the
-- check when it is prepared, its body parsed again for every statement.  They
-- name pg_catalog's operator and type, so no search_path changes what they
-- answer, and they read nothing.

CREATE FUNCTION app.case_stage_known(s text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
BEGIN
    RETURN s OPERATOR(pg_catalog.=) ANY ('{pre_investigation,investigation,with_prosecutor,returned,complete,handed_over,lapsed,terminated,administrative,dismissed}'::pg_catalog.text[]);
END
$$;

CREATE FUNCTION app.case_source_known(s text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
BEGIN
    RETURN s OPERATOR(pg_catalog.=) ANY ('{jagratara,tim_pora,public_report,apoa,desa_binaan,tpi_check,supervision,intelligence,other_agency,other}'::pg_catalog.text[]);
END
$$;

-- NOT VALID, then validated: the rows are read once, not rewritten
ALTER TABLE app.cases
    DROP CONSTRAINT cases_stage_check,
    DROP CONSTRAINT cases_source_check,
    ADD CONSTRAINT cases_stage_check CHECK (app.case_stage_known(stage)) NOT VALID,
    ADD CONSTRAINT cases_source_check CHECK (app.case_source_known(source)) NOT VALID;
ALTER TABLE app.cases VALIDATE CONSTRAINT cases_stage_check;
ALTER TABLE app.cases VALIDATE CONSTRAINT cases_source_check;
