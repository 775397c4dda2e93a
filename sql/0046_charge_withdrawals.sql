-- 0046_charge_withdrawals.sql - a charge withdrawn is remembered, for the papers that printed it.
--
-- A charge laid in error is withdrawn (DELETE /cases/{id}/offences/{charge}: the row goes, 0003).
-- But the papers issued while it stood printed it: the Sprindik, the SPDP, the orders, the BAPs,
-- the Resume each name the Pasal the suspect is charged with (DOMAIN 4.3, 4.4, 7.1).  A paper is
-- its act's as the file stands (DOMAIN 12), so a paper that still names a Pasal withdrawn since is
-- one the Penuntut Umum returns; berkas lists it as stale (app/stale.c) until it is revoked and
-- issued again.  For that the withdrawal keeps when the charge was laid and when it was taken
-- back.  Appended by a trigger on the DELETE, so no way of withdrawing can forget it; the acting
-- investigator's office is checked by the same policy as the charge's own writes; nobody updates
-- or deletes a row.

CREATE TABLE app.charge_withdrawals (
    id           bigserial PRIMARY KEY,
    case_id      bigint NOT NULL REFERENCES app.cases (id),
    charge_id    bigint NOT NULL,  -- the app.case_offences row that was withdrawn
    offence_id   bigint NOT NULL REFERENCES app.offence_catalogue (id),
    party_id     bigint REFERENCES app.parties (id),
    added_at     timestamptz NOT NULL,  -- when it was charged
    withdrawn_at timestamptz NOT NULL DEFAULT now(),
    withdrawn_by bigint REFERENCES app.users (id)
);
CREATE INDEX charge_withdrawals_case ON app.charge_withdrawals (case_id);

ALTER TABLE app.charge_withdrawals ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.charge_withdrawals FORCE ROW LEVEL SECURITY;
CREATE POLICY charge_withdrawals_read ON app.charge_withdrawals FOR SELECT TO berkas_app
    USING (EXISTS (SELECT 1 FROM app.cases c WHERE c.id = charge_withdrawals.case_id));
CREATE POLICY charge_withdrawals_write ON app.charge_withdrawals FOR INSERT TO berkas_app
    WITH CHECK ((SELECT app.acting_role()) = 'investigator'
                AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = charge_withdrawals.case_id
                            AND c.office_id = (SELECT app.acting_office())));
GRANT SELECT, INSERT ON app.charge_withdrawals TO berkas_app;
GRANT USAGE ON SEQUENCE app.charge_withdrawals_id_seq TO berkas_app;

-- run as the one withdrawing (not SECURITY DEFINER): the policy above judges the row
CREATE FUNCTION app.charge_withdrawn() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO app.charge_withdrawals (case_id, charge_id, offence_id, party_id, added_at,
                                        withdrawn_by)
    VALUES (OLD.case_id, OLD.id, OLD.offence_id, OLD.party_id, OLD.added_at,
            app.acting_user());
    RETURN OLD;
END
$$;
CREATE TRIGGER case_offences_withdrawn AFTER DELETE ON app.case_offences
    FOR EACH ROW EXECUTE FUNCTION app.charge_withdrawn();
