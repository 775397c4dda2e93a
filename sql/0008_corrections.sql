-- 0008_corrections.sql: a charge laid in error can be withdrawn by the
-- investigators of the case's office (the audit trail keeps that it was).
GRANT DELETE ON app.case_offences TO berkas_app;
CREATE POLICY case_offences_withdraw ON app.case_offences FOR DELETE TO berkas_app
    USING ((SELECT app.acting_role()) = 'investigator'
           AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = case_offences.case_id
                       AND c.office_id = (SELECT app.acting_office())));
