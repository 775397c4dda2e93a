-- 0050_charge_withdrawals_check.sql - a withdrawal row states what happened, or is refused.
--
-- app.charge_withdrawals (0046) drives which issued papers are listed as naming a Pasal withdrawn
-- since (app/stale.c).  Its INSERT policy checked only the writer's role and office, so the
-- application role could write a row naming someone else as the withdrawer, or a "withdrawal"
-- of a charge that still stands (reviewer's finding).  The row is written by the trigger on the
-- DELETE of the charge, as the one withdrawing: it names the acting user and a charge that is
-- gone.
ALTER POLICY charge_withdrawals_write ON app.charge_withdrawals
    WITH CHECK ((SELECT app.acting_role()) = 'investigator'
                AND withdrawn_by = (SELECT app.acting_user())
                AND NOT EXISTS (SELECT 1 FROM app.case_offences o
                                 WHERE o.id = charge_withdrawals.charge_id)
                AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = charge_withdrawals.case_id
                            AND c.office_id = (SELECT app.acting_office())));
