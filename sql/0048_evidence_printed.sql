-- 0048_evidence_printed.sql - when what a paper prints of an item of evidence last changed.
--
-- The papers that list the things seized (the BA and SP Penyitaan, the BA Pembungkusan, the BA
-- Penitipan, the Resume, the BA Tahap II) print each item's description, quantity, the day it
-- was seized and whom from.  An issued paper keeps its bytes, so an item corrected after it
-- (PUT /cases/{id}/evidence/{item}) leaves the paper stating what the file no longer says while
-- the daftar barang bukti prints the new text: the dossier contradicts itself.  berkas lists such
-- a paper as stale (app/stale.c, "evidence_data") until it is revoked and issued again; for that
-- it needs the moment of the last change of what is printed:
--   printed_at   description, quantity, seized_on or seized_from changed (NOT storage alone: a
--                move to the Rupbasan is not a correction of what was seized - a BA states where
--                the thing was put then);
--   linked_at    the seizure act it names was set or changed (0047), on insert too: the papers
--                of that act list it (and those of the act it named before, seizure_was, did);
--   seizure_was  the seizure act it named before the last change of seizure_event.
-- Set by a trigger, so no way of writing an item can forget them.  NULL: no change since it
-- was recorded (an item recorded before this migration included).

ALTER TABLE app.evidence ADD COLUMN printed_at timestamptz;
ALTER TABLE app.evidence ADD COLUMN linked_at timestamptz;
ALTER TABLE app.evidence ADD COLUMN seizure_was bigint REFERENCES app.events (id);

CREATE FUNCTION app.evidence_printed() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.printed_at := NULL;
        NEW.seizure_was := NULL;
        NEW.linked_at := CASE WHEN NEW.seizure_event IS NOT NULL THEN now() END;
        RETURN NEW;
    END IF;
    IF (NEW.description, NEW.quantity, NEW.seized_on, NEW.seized_from)
       IS DISTINCT FROM (OLD.description, OLD.quantity, OLD.seized_on, OLD.seized_from) THEN
        NEW.printed_at := now();
    ELSE
        NEW.printed_at := OLD.printed_at;
    END IF;
    IF NEW.seizure_event IS DISTINCT FROM OLD.seizure_event THEN
        NEW.linked_at := now();
        NEW.seizure_was := OLD.seizure_event;
    ELSE
        NEW.linked_at := OLD.linked_at;
        NEW.seizure_was := OLD.seizure_was;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER evidence_printed BEFORE INSERT OR UPDATE ON app.evidence
    FOR EACH ROW EXECUTE FUNCTION app.evidence_printed();
