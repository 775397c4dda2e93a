-- 0006_resilience.sql: no request breaks a case, no client starves the
-- server (issue 9): Idempotency-Key on every create, a log-on lock that is
-- timed and grows instead of lasting until an admin comes, the record of
-- each lock for the owner and the admins, sessions per user bounded, one
-- case-wide charge per offence.  Every number here is a row of
-- app.settings that an administrator may change without a release.

-- ---- Idempotency-Key on every create (server/app/idem.c) -------------------------
-- The row is written in the transaction of the act it guards (so it exists
-- only if the act committed), and the answer is stored right after; a
-- retry within keep_hours gets that answer, byte for byte, and its Location.
ALTER TABLE app.idempotency ADD COLUMN location text NOT NULL DEFAULT '';
GRANT UPDATE (status, body, location) ON app.idempotency TO berkas_app;
-- expired keys are removed by their own user (row-level security: own rows)
GRANT DELETE ON app.idempotency TO berkas_app;

-- ---- log-on locks (server/app/identity.c) ---------------------------------------
-- CJIS Security Policy 5.5.3 / NIST AC-7: after login.max_failures failed
-- log-ons within login.failure_window_minutes the account is locked for a
-- period (CJIS: 10 minutes unless an administrator releases it), here
-- growing by login.lock_growth for each lock that follows without a
-- successful log-on in between, up to login.lock_max_minutes, so that five
-- requests from anyone cannot shut an account (an admin's included) for
-- good.  While locked, every attempt gets the answer a wrong password gets.
ALTER TABLE app.users
    ADD COLUMN locked_until timestamptz,
    ADD COLUMN lockouts int NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
    ADD COLUMN last_login_at timestamptz;
-- an account locked under the old rule (until an admin unlocked it) is
-- released like one locked under the new rule
UPDATE app.users SET locked_until = locked_at + interval '10 minutes', lockouts = 1
WHERE locked_at IS NOT NULL;
GRANT UPDATE (locked_until, lockouts, last_login_at) ON app.users TO berkas_app;

-- Each lock, kept for the owner (told at their next successful log-on) and
-- for the admins of the owner's office tree (GET /api/v1/lockouts).
CREATE TABLE app.lockouts (
    id            bigserial PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES app.users (id),
    locked_at     timestamptz NOT NULL DEFAULT now(),
    locked_until  timestamptz NOT NULL,
    failures      int NOT NULL CHECK (failures > 0),
    client_addr   inet,        -- where the failure that locked it came from
    owner_told_at timestamptz, -- shown to the owner at their next log-on
    released_at   timestamptz, -- an admin unlocked it before locked_until
    released_by   bigint REFERENCES app.users (id)
);
CREATE INDEX lockouts_user ON app.lockouts (user_id, locked_at);
CREATE INDEX lockouts_recent ON app.lockouts (locked_at);
GRANT SELECT, INSERT ON app.lockouts TO berkas_app;
GRANT UPDATE (owner_told_at, released_at, released_by) ON app.lockouts TO berkas_app;
GRANT USAGE ON SEQUENCE app.lockouts_id_seq TO berkas_app;

-- One failed log-on for nip, counted in one statement and without holding
-- anything while the password was hashed (the hash ran before, outside any
-- transaction).  No row for an unknown NIP; an attempt on a locked or
-- disabled account is not counted.  Returns the failures in the window, the
-- lock's end, and whether this failure locked the account.
CREATE FUNCTION app.login_failed(p_nip text, p_addr inet)
RETURNS TABLE (user_id bigint, failures int, locked_until timestamptz, newly_locked boolean)
LANGUAGE plpgsql AS $$
DECLARE
    u          app.users;
    max_fail   int := (SELECT value::int FROM app.settings WHERE key = 'login.max_failures');
    win        interval := make_interval(mins => (SELECT value::int FROM app.settings
                                                  WHERE key = 'login.failure_window_minutes'));
    lock_first int := (SELECT value::int FROM app.settings WHERE key = 'login.lock_minutes');
    growth     int := (SELECT value::int FROM app.settings WHERE key = 'login.lock_growth');
    lock_max   int := (SELECT value::int FROM app.settings WHERE key = 'login.lock_max_minutes');
    minutes    numeric;
BEGIN
    SELECT * INTO u FROM app.users x WHERE x.nip = p_nip FOR UPDATE;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    user_id := u.id;
    newly_locked := false;
    IF u.disabled_at IS NOT NULL OR u.locked_until > now() THEN
        failures := u.failed_logins;
        locked_until := u.locked_until;
        RETURN NEXT;
        RETURN;
    END IF;
    IF u.failed_since IS NULL OR u.failed_since < now() - win THEN
        u.failed_logins := 1;
        u.failed_since := now();
    ELSE
        u.failed_logins := u.failed_logins + 1;
    END IF;
    failures := u.failed_logins;
    IF u.failed_logins >= max_fail THEN
        minutes := least(lock_first::numeric * power(greatest(growth, 1)::numeric,
                                                     least(u.lockouts, 30)),
                         lock_max::numeric);
        u.locked_until := now() + make_interval(mins => minutes::int);
        u.lockouts := u.lockouts + 1;
        newly_locked := true;
        INSERT INTO app.lockouts (user_id, locked_until, failures, client_addr)
        VALUES (u.id, u.locked_until, u.failed_logins, p_addr);
        UPDATE app.users x SET failed_logins = 0, failed_since = NULL, locked_at = now(),
                               locked_until = u.locked_until, lockouts = u.lockouts
        WHERE x.id = u.id;
    ELSE
        UPDATE app.users x SET failed_logins = u.failed_logins, failed_since = u.failed_since
        WHERE x.id = u.id;
    END IF;
    locked_until := u.locked_until;
    RETURN NEXT;
END
$$;
REVOKE ALL ON FUNCTION app.login_failed(text, inet) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.login_failed(text, inet) TO berkas_app;

-- ---- sessions per user ------------------------------------------------------------
-- A log-on beyond session.max_per_user ends the user's oldest session.
ALTER TABLE app.sessions DROP CONSTRAINT sessions_end_reason_check,
    ADD CONSTRAINT sessions_end_reason_check
        CHECK (end_reason IN ('logout', 'disabled', 'expired', 'superseded'));

-- ---- one charge per offence per suspect, and per case ------------------------------
-- UNIQUE (case_id, offence_id, party_id) let a case-wide charge (party_id
-- NULL) be laid twice, since NULLs are distinct; PostgreSQL 15's NULLS NOT
-- DISTINCT closes that.  Duplicates already laid carry nothing the first
-- does not: the later ones go (row-level security is lifted for the owner
-- for this statement only, inside this transaction).
ALTER TABLE app.case_offences NO FORCE ROW LEVEL SECURITY;
DELETE FROM app.case_offences a USING app.case_offences b
WHERE a.party_id IS NULL AND b.party_id IS NULL AND a.case_id = b.case_id
  AND a.offence_id = b.offence_id AND a.id > b.id;
ALTER TABLE app.case_offences FORCE ROW LEVEL SECURITY;
ALTER TABLE app.case_offences DROP CONSTRAINT case_offences_case_id_offence_id_party_id_key,
    ADD CONSTRAINT case_offences_once UNIQUE NULLS NOT DISTINCT (case_id, offence_id, party_id);

-- ---- the numbers --------------------------------------------------------------------
UPDATE app.settings SET note = 'failed log-ons within the window that lock an account '
                               '(CJIS 5.5.3: at most 5)'
WHERE key = 'login.max_failures';
INSERT INTO app.settings (key, value, note) VALUES
    ('login.lock_minutes', '10',
     'first lock after too many failed log-ons (CJIS 5.5.3: 10 minutes unless an admin '
     'releases it)'),
    ('login.lock_growth', '2',
     'each further lock without a successful log-on in between lasts this many times longer'),
    ('login.lock_max_minutes', '60', 'no lock lasts longer than this'),
    ('login.address_per_minute', '30',
     'failed log-ons one client address may make per minute (more attempts: 429 with '
     'Retry-After)'),
    ('login.nip_per_minute', '10',
     'failed log-ons for one NIP per minute, whether it exists or not (more attempts: 429)'),
    ('session.max_per_user', '5', 'open sessions per user; a log-on beyond ends the oldest'),
    ('idempotency.keep_hours', '24',
     'a retried create with the same Idempotency-Key gets the first answer for this long'),
    ('verify.address_per_minute', '60',
     'GET /verify/{code} requests one client address may make per minute (more: 429)');
