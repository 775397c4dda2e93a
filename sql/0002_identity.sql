-- 0002_identity.sql: offices, letterheads, users, sessions, audit, and the
-- fence around case data (row-level security).
--
-- Who is who in the database:
--   the migrating role (berkasd's --db user, or the embedded cluster's
--   superuser) owns every object;
--   berkas_app is what berkasd's request handlers run as: it owns nothing,
--   cannot bypass row-level security, and has no UPDATE or DELETE on the
--   audit trail.  Each transaction names its acting user with
--   set_config('berkas.user_id', ..., true); the policies below derive the
--   role and office from that user, so that a bug in the application's own
--   checks does not open the files.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'berkas_app') THEN
        CREATE ROLE berkas_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
END
$$;
-- the migrating role may act as berkas_app (SET ROLE) when berkasd has no
-- separate login for it
DO $$
BEGIN
    IF NOT pg_has_role(current_user, 'berkas_app', 'MEMBER') THEN
        EXECUTE format('GRANT berkas_app TO %I', current_user);
    END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS audit;
REVOKE ALL ON SCHEMA app, audit FROM PUBLIC;
GRANT USAGE ON SCHEMA app, audit TO berkas_app;
GRANT SELECT ON app.settings TO berkas_app;
GRANT UPDATE (value, updated_at) ON app.settings TO berkas_app;

-- ---- offices: two trees --------------------------------------------------
-- Imigrasi: ditjen -> kanwil -> kanim -> ukk
-- Kejaksaan: kejagung -> kejati -> kejari -> cabjari
CREATE TABLE app.offices (
    id         bigserial PRIMARY KEY,
    parent_id  bigint REFERENCES app.offices (id),
    kind       text NOT NULL CHECK (kind IN ('ditjen', 'kanwil', 'kanim', 'ukk',
                                             'kejagung', 'kejati', 'kejari', 'cabjari')),
    code       text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9.-]{1,31}$'),
    name       text NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
    class      text CHECK (class IN ('Kelas I Khusus TPI', 'Kelas I Khusus Non TPI',
                                     'Kelas I TPI', 'Kelas I Non TPI', 'Kelas II TPI',
                                     'Kelas II Non TPI', 'Kelas III')),
    tz         text NOT NULL CHECK (tz IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
    tree       text NOT NULL GENERATED ALWAYS AS (
                   CASE WHEN kind IN ('ditjen', 'kanwil', 'kanim', 'ukk')
                        THEN 'imigrasi' ELSE 'kejaksaan' END) STORED,
    ancestors  bigint[] NOT NULL DEFAULT '{}', -- from the root down to and including itself
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'kanim') = (class IS NOT NULL))
);
CREATE INDEX offices_ancestors ON app.offices USING gin (ancestors);

-- The shape of the trees and the ancestors list, kept by the database.
CREATE FUNCTION app.offices_place() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    parent app.offices;
    want   text := CASE NEW.kind WHEN 'kanwil' THEN 'ditjen' WHEN 'kanim' THEN 'kanwil'
                                 WHEN 'ukk' THEN 'kanim' WHEN 'kejati' THEN 'kejagung'
                                 WHEN 'kejari' THEN 'kejati' WHEN 'cabjari' THEN 'kejari'
                                 ELSE NULL END;
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.parent_id IS DISTINCT FROM OLD.parent_id
                             OR NEW.kind <> OLD.kind) THEN
        RAISE EXCEPTION 'an office does not move or change kind' USING ERRCODE = 'check_violation';
    END IF;
    IF want IS NULL THEN
        IF NEW.parent_id IS NOT NULL THEN
            RAISE EXCEPTION 'a % has no parent office', NEW.kind USING ERRCODE = 'check_violation';
        END IF;
        NEW.ancestors := ARRAY[NEW.id];
        RETURN NEW;
    END IF;
    SELECT * INTO parent FROM app.offices WHERE id = NEW.parent_id;
    IF NOT FOUND OR parent.kind <> want THEN
        RAISE EXCEPTION 'a % belongs under a %', NEW.kind, want USING ERRCODE = 'check_violation';
    END IF;
    NEW.ancestors := parent.ancestors || NEW.id;
    RETURN NEW;
END
$$;
CREATE TRIGGER offices_place BEFORE INSERT OR UPDATE ON app.offices
    FOR EACH ROW EXECUTE FUNCTION app.offices_place();

-- Letterhead (kop surat) lines per office, by the date from which they
-- apply: the ministry's name changed in October 2024 (DOMAIN.md 2.1).
CREATE TABLE app.letterheads (
    id             bigserial PRIMARY KEY,
    office_id      bigint NOT NULL REFERENCES app.offices (id),
    effective_from date NOT NULL,
    lines          text[] NOT NULL CHECK (cardinality(lines) BETWEEN 1 AND 8),
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (office_id, effective_from)
);

-- ---- users ----------------------------------------------------------------
CREATE TABLE app.users (
    id               bigserial PRIMARY KEY,
    nip              char(18) NOT NULL UNIQUE CHECK (nip ~ '^[0-9]{18}$'),
    name             text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
    pangkat          text NOT NULL DEFAULT '',
    golongan         text NOT NULL DEFAULT '' CHECK (golongan ~ '^((I|II|III|IV)/[a-e])?$'),
    position         text NOT NULL DEFAULT '',
    office_id        bigint NOT NULL REFERENCES app.offices (id),
    role             text NOT NULL CHECK (role IN ('investigator', 'supervisor', 'prosecutor',
                                                   'admin')),
    ppns_card_no     text,
    ppns_valid_until date,
    password_hash    text NOT NULL,
    failed_logins    int NOT NULL DEFAULT 0,
    failed_since     timestamptz,
    locked_at        timestamptz,
    disabled_at      timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (role <> 'investigator' OR (ppns_card_no IS NOT NULL AND ppns_valid_until IS NOT NULL))
);
CREATE INDEX users_office ON app.users (office_id);

-- Passwords refused whatever their length (NIST 800-63B 5.1.1.2: a list of
-- commonly used ones); an administrator adds to it without a release.
CREATE TABLE app.banned_passwords (
    word text PRIMARY KEY CHECK (word = lower(word))
);

CREATE TABLE app.sessions (
    id           bigserial PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES app.users (id),
    token_sha256 bytea NOT NULL UNIQUE CHECK (length(token_sha256) = 32),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    ended_at     timestamptz,
    end_reason   text CHECK (end_reason IN ('logout', 'disabled', 'expired')),
    client_addr  inet
);
CREATE INDEX sessions_user_open ON app.sessions (user_id) WHERE ended_at IS NULL;

-- ---- the acting user, for row-level security ------------------------------
CREATE FUNCTION app.acting_user() RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT nullif(current_setting('berkas.user_id', true), '')::bigint
$$;
-- PL/pgSQL keeps these functions' plans for the session: the policies call
-- them in every statement.
CREATE FUNCTION app.acting_role() RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    r text;
BEGIN
    SELECT role INTO r FROM app.users
    WHERE id = nullif(current_setting('berkas.user_id', true), '')::bigint
      AND disabled_at IS NULL;
    RETURN r;
END
$$;

CREATE FUNCTION app.acting_office() RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
    o bigint;
BEGIN
    SELECT office_id INTO o FROM app.users
    WHERE id = nullif(current_setting('berkas.user_id', true), '')::bigint
      AND disabled_at IS NULL;
    RETURN o;
END
$$;

-- ---- cases: the fence ----------------------------------------------------
-- The case itself grows in later migrations; here is what the fence needs:
-- the investigating office, and the Kejaksaan Negeri the SPDP or file was
-- sent to (disclosed_at set when it was).
CREATE TABLE app.cases (
    id           bigserial PRIMARY KEY,
    number       text NOT NULL,
    office_id    bigint NOT NULL REFERENCES app.offices (id),
    kejari_id    bigint REFERENCES app.offices (id),
    disclosed_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (office_id, number)
);
CREATE INDEX cases_kejari ON app.cases (kejari_id) WHERE disclosed_at IS NOT NULL;

ALTER TABLE app.cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.cases FORCE ROW LEVEL SECURITY;
-- investigator: reads and writes the cases of their own office
CREATE POLICY cases_investigator ON app.cases FOR ALL TO berkas_app
    USING ((SELECT app.acting_role()) = 'investigator'
           AND office_id = (SELECT app.acting_office()))
    WITH CHECK ((SELECT app.acting_role()) = 'investigator'
                AND office_id = (SELECT app.acting_office()));
-- supervisor: reads the cases of every office under theirs
CREATE POLICY cases_supervisor ON app.cases FOR SELECT TO berkas_app
    USING ((SELECT app.acting_role()) = 'supervisor'
           AND EXISTS (SELECT 1 FROM app.offices o
                       WHERE o.id = cases.office_id
                         AND (SELECT app.acting_office()) = ANY (o.ancestors)));
-- prosecutor: reads the cases whose SPDP or file reached their Kejari
CREATE POLICY cases_prosecutor ON app.cases FOR SELECT TO berkas_app
    USING ((SELECT app.acting_role()) = 'prosecutor'
           AND kejari_id = (SELECT app.acting_office())
           AND disclosed_at IS NOT NULL);
-- admin: no policy, so no case rows at all

-- ---- audit: append-only ----------------------------------------------------
CREATE TABLE audit.events (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    user_id     bigint,
    role        text,
    office_id   bigint,
    client_addr inet,
    action      text NOT NULL,        -- 'session.create', 'case.read', 'user.disable', ...
    method      text,
    route       text,                 -- the route pattern, never the raw URL
    object_type text,
    object_id   bigint,
    outcome     text NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed')),
    status      int,
    detail      jsonb                 -- no secrets, no case contents
);
CREATE INDEX audit_events_at ON audit.events (at);
CREATE INDEX audit_events_user ON audit.events (user_id, at);

CREATE FUNCTION audit.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit.events is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON audit.events
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON audit.events
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

-- ---- what berkas_app may do -----------------------------------------------
GRANT SELECT, INSERT ON app.offices, app.letterheads TO berkas_app;
GRANT SELECT, INSERT ON app.users TO berkas_app;
GRANT UPDATE (failed_logins, failed_since, locked_at, disabled_at) ON app.users TO berkas_app;
GRANT SELECT, INSERT ON app.banned_passwords TO berkas_app;
GRANT SELECT, INSERT ON app.sessions TO berkas_app;
GRANT UPDATE (last_seen_at, ended_at, end_reason) ON app.sessions TO berkas_app;
GRANT SELECT, INSERT, UPDATE ON app.cases TO berkas_app;
GRANT SELECT, INSERT ON audit.events TO berkas_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA app, audit TO berkas_app;

-- ---- settings and seeds ------------------------------------------------------
INSERT INTO app.settings (key, value, note) VALUES
    ('login.banner',
     'PERINGATAN: Sistem ini milik Direktorat Jenderal Imigrasi dan hanya untuk pengguna '
     'yang berwenang. Setiap akses dicatat dan dipantau. Penggunaan tanpa hak dapat '
     'dipidana sesuai peraturan perundang-undangan. Dengan masuk, Anda menyetujui '
     'pemantauan ini.',
     'shown before log-on (CJIS AC-8)'),
    ('session.idle_minutes', '30', 'log-off after this much inactivity'),
    ('session.absolute_hours', '12', 'log-off this long after log-on, whatever happens'),
    ('login.max_failures', '5', 'failed log-ons that lock an account ...'),
    ('login.failure_window_minutes', '15', '... when they fall within this window');

INSERT INTO app.banned_passwords (word) VALUES
    ('password'), ('password1'), ('password12'), ('password123'), ('password1234'),
    ('passw0rd'), ('p@ssw0rd'), ('p@ssword'), ('qwerty'), ('qwerty123'), ('qwertyuiop'),
    ('qwertyuiop12'), ('qwertyuiop123'), ('asdfghjkl'), ('asdfghjkl123'), ('zxcvbnm'),
    ('1q2w3e4r5t6y'), ('1qaz2wsx3edc'), ('123456789012'), ('1234567890'), ('12345678910'),
    ('123456789'), ('1234567890123'), ('0123456789'), ('111111111111'), ('000000000000'),
    ('123123123123'), ('abc123'), ('abcdefghijkl'), ('abcd1234'), ('iloveyou'),
    ('iloveyou123'), ('letmein'), ('letmein123'), ('welcome'), ('welcome123'),
    ('welcome1234'), ('admin'), ('admin123'), ('admin12345'), ('administrator'),
    ('changeme'), ('changeme123'), ('secret'), ('secret123'), ('trustno1'), ('dragon'),
    ('monkey'), ('football'), ('baseball'), ('superman'), ('batman'), ('sunshine'),
    ('princess'), ('master'), ('shadow'), ('michael'), ('starwars'), ('whatever'),
    ('indonesia'), ('indonesia123'), ('indonesia1945'), ('merdeka'), ('merdeka1945'),
    ('garuda'), ('garuda123'), ('pancasila'), ('pancasila123'), ('bismillah'),
    ('bismillah123'), ('alhamdulillah'), ('sayang'), ('sayangku'), ('rahasia'),
    ('rahasia123'), ('katasandi'), ('katasandi123'), ('imigrasi'), ('imigrasi123'),
    ('imigrasi2024'), ('imigrasi2025'), ('imigrasi2026'), ('kemenkumham'), ('imipas'),
    ('berkas'), ('berkas123'), ('berkasperkara'), ('penyidik'), ('penyidik123'), ('ppns'),
    ('projustitia'), ('jakarta'), ('jakarta123'), ('palembang'), ('pontianak'),
    ('batulicin'), ('muaraenim'), ('kejaksaan'), ('jaksa123'), ('selamatpagi'),
    ('qwertyqwerty'), ('passwordpassword');
