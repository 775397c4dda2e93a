-- 0055_rule_amendment_dates.sql - a rule amendment takes effect from its date, not backwards.
--
-- Until now an amendment overwrote app.ruleset_values, so every act of the set since the set's
-- start took the new value at once: a detention ordered for 20 days before the amendment was
-- shown ending 10 days later than its order says (play4 #11; KUHAP 24(1), (4)), and the value
-- it replaced was kept nowhere (play4 #26).
--
-- From here app.ruleset_values holds each set's values as they stand from the set's start, and
-- every amendment is a row of its own here: the value before and after, from which date it
-- applies (acts dated before keep the value in force on their date: app/rulesets.c builds one
-- version of the set per date), whether the administrator overrode a refusal (a date before
-- today, a verified value, a repealed regime) and why, who and when.  Rows are never changed.
CREATE TABLE app.ruleset_amendments (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ruleset        text NOT NULL REFERENCES app.rulesets (name),
    key            text NOT NULL,
    old_value      int,              -- NULL: not known (an amendment made before this migration)
    value          int NOT NULL,
    old_to_verify  boolean,
    to_verify      boolean NOT NULL,
    effective_from date NOT NULL,
    override       boolean NOT NULL DEFAULT false,
    note           text NOT NULL DEFAULT '',
    amended_by     bigint NOT NULL REFERENCES app.users (id),
    amended_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT override OR btrim(note) <> '')
);
CREATE INDEX ruleset_amendments_order ON app.ruleset_amendments (ruleset, effective_from, id);

-- The amendments made before, as 0037 kept them (the last of each value): from the set's start,
-- as they applied; the value they replaced is not known.
INSERT INTO app.ruleset_amendments (ruleset, key, value, to_verify, effective_from, note,
                                    amended_by, amended_at)
SELECT v.ruleset, v.key, v.value, v.to_verify, r.effective_from, v.note, v.amended_by,
       v.amended_at
FROM app.ruleset_values v JOIN app.rulesets r ON r.name = v.ruleset
WHERE v.amended_by IS NOT NULL AND v.amended_at IS NOT NULL;

-- An amendment moves the rule sets' version as a change of the values does (sql/0024).
CREATE TRIGGER ruleset_amendments_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON app.ruleset_amendments FOR EACH STATEMENT EXECUTE FUNCTION app.rules_changed();

GRANT SELECT, INSERT ON app.ruleset_amendments TO berkas_app;
GRANT SELECT ON app.ruleset_amendments TO berkas_maint;
