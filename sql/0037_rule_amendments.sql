-- 0037_rule_amendments.sql - a rule value's last amendment: its reason, who made it and when.
--
-- app.ruleset_values.note held the basis the value was seeded with (the same text the code
-- keeps and the API gives as basis) until an amendment gave a reason, which then replaced it
-- and stayed through later amendments without one; GET /api/v1/rulesets returned neither.
-- From here note is the reason given with the value's last amendment ('' when it gave none or
-- the value was never amended; seeds write none), and amended_by and amended_at say who made
-- that amendment and when (NULL: never amended - updated_at cannot say, a seed sets it too).
ALTER TABLE app.ruleset_values
    ADD COLUMN amended_by bigint REFERENCES app.users (id),
    ADD COLUMN amended_at timestamptz;

-- The amendments made before: the audit trail names each one's set, key, user and time.
UPDATE app.ruleset_values v
SET amended_by = a.user_id, amended_at = a.at
FROM (SELECT DISTINCT ON (detail->>'ruleset', detail->>'key')
             detail->>'ruleset' AS ruleset, detail->>'key' AS key, user_id, at
      FROM audit.events
      WHERE action = 'ruleset.amend' AND outcome = 'ok'
      ORDER BY detail->>'ruleset', detail->>'key', at DESC, id DESC) a
WHERE v.ruleset = a.ruleset AND v.key = a.key;

-- A note that is still the seed's basis is no reason: a value never amended, or amended
-- without a reason (its note the same as that of the key in a set never amended; the basis is
-- the key's, the same in every set).  The subquery reads the rows as they were before.
UPDATE app.ruleset_values v
SET note = ''
WHERE v.amended_by IS NULL
   OR EXISTS (SELECT 1 FROM app.ruleset_values w
              WHERE w.key = v.key AND w.amended_by IS NULL AND w.note = v.note);
