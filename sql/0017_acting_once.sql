-- 0017_acting_once.sql - the acting user's role and office looked up once per
-- transaction, not once per policy call (issue 12.4).
--
-- Every policy asks app.acting_role() and app.acting_office(); each was a
-- PL/pgSQL lookup in app.users, run as an InitPlan of every statement that
-- touches a fenced table: 35 lookups for one recorded act.  Now the first
-- call in a transaction reads the user's row (app.acting_fill) and keeps
-- "user_id|role|office_id" in the transaction-local setting berkas.acting;
-- the two helpers are plain SQL expressions over the settings, inlined into
-- the policies, and read the row again only when berkas.acting is missing or
-- names another user than berkas.user_id.
--
-- The fence stays where it was: the only input is still berkas.user_id, which
-- berkasd sets as the first statement of each transaction (store/tx.c).
-- berkas.acting is derived from it, written by nothing but app.acting_fill
-- (tests/gate.sh refuses the setting's name anywhere in server/ and client/,
-- so no SQL path of berkasd can set it), and bound to the acting user and to
-- the transaction (its start time): a value left for another user, by an
-- earlier transaction or set for the session, or missing, is not believed and
-- the row is read again; with no acting user there is no role whatever the
-- setting says.  A user disabled, or a role changed, is seen by the next
-- transaction, as an ended session is (before: by the next statement).

-- The user's row, once: "user_id|transaction start|role|office_id" (empty
-- role and office for an unknown or disabled user), kept for the rest of the
-- transaction.  STABLE so that the helpers below, which call it, can be
-- inlined; the setting it writes is a cache of what it reads.
CREATE FUNCTION app.acting_fill() RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    uid text := coalesce(current_setting('berkas.user_id', true), '');
    r text;
    o bigint;
BEGIN
    SELECT role, office_id INTO r, o FROM app.users
    WHERE id = nullif(uid, '')::bigint AND disabled_at IS NULL;
    RETURN set_config('berkas.acting',
                      uid || '|' || now()::text || '|' || coalesce(r, '') || '|'
                      || coalesce(o::text, ''),
                      true);
END
$$;

-- berkas.acting when it is this user's in this transaction, else filled anew;
-- '' (no role, no office) when nobody acts.
CREATE FUNCTION app.acting() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN coalesce(current_setting('berkas.user_id', true), '') = '' THEN ''
                WHEN starts_with(current_setting('berkas.acting', true),
                                 current_setting('berkas.user_id', true) || '|' || now()::text
                                 || '|')
                THEN current_setting('berkas.acting', true)
                ELSE app.acting_fill() END
$$;

CREATE OR REPLACE FUNCTION app.acting_role() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT nullif(split_part(app.acting(), '|', 3), '')
$$;

CREATE OR REPLACE FUNCTION app.acting_office() RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT nullif(split_part(app.acting(), '|', 4), '')::bigint
$$;
