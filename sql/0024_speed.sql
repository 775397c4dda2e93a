-- 0024_speed.sql - the policies' role and office helpers as one function
-- call each, not an expression inlined into every policy (issue 12's bench).
--
-- Since 0017 app.acting_role() and app.acting_office() were SQL functions
-- that PostgreSQL inlined into each policy's InitPlan: a CASE over
-- current_setting, starts_with, now() and split_part.  Every statement on a
-- fenced table then built each of those expressions afresh when it started,
-- checking EXECUTE on each function inside them: a recorded act's statements
-- carry some twenty such InitPlans, and their start-up was about a third of
-- PostgreSQL's CPU for the act (perf: ExecInitResult, ExecBuildProjectionInfo,
-- pg_proc_aclcheck).  As PL/pgSQL functions they are not inlined: an InitPlan
-- is one function call, and PL/pgSQL keeps the expression it evaluates for the
-- session.
--
-- What they answer is unchanged: the same expression over app.acting() (0017),
-- which reads the user's row once per transaction, bound to berkas.user_id;
-- still STABLE, so a policy's (SELECT ...) is one InitPlan per statement.

CREATE OR REPLACE FUNCTION app.acting_role() RETURNS text
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN nullif(split_part(app.acting(), '|', 3), '');
END
$$;

CREATE OR REPLACE FUNCTION app.acting_office() RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN nullif(split_part(app.acting(), '|', 4), '')::bigint;
END
$$;

-- The rule sets' version: berkasd keeps the rule sets it read and reads them
-- again only when this changes, instead of on every act (app/rulesets.c).
-- Any change of either table, by any statement, gives it a new random value
-- (random, not a counter: a database restored or made anew never hands a
-- running berkasd a version it already holds for other rows).
CREATE TABLE app.rules_version (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version  bigint NOT NULL
);
INSERT INTO app.rules_version (version) VALUES ((random() * 9e18)::bigint);

-- Owned by the migrator's role: berkas_app amends rule sets but may not set
-- the version itself.
CREATE FUNCTION app.rules_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    UPDATE app.rules_version SET version = (random() * 9e18)::bigint;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION app.rules_changed() FROM PUBLIC;
CREATE TRIGGER rulesets_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app.rulesets
    FOR EACH STATEMENT EXECUTE FUNCTION app.rules_changed();
CREATE TRIGGER ruleset_values_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON app.ruleset_values FOR EACH STATEMENT EXECUTE FUNCTION app.rules_changed();
GRANT SELECT ON app.rules_version TO berkas_app;
