-- 0008_law.sql - the law's order of things (issue 13).
--
-- A later return of a file is an ordinary letter naming the P-19 items that
-- stay unmet (SE JAM Pidum B-3326/E/EJP/11/2011): the letter's items are rows
-- of their own, in the letter's round, each pointing at the item it reopens.
-- The prosecutor records that letter like the P-forms.

ALTER TABLE app.instructions ADD COLUMN reopens bigint REFERENCES app.instructions (id);

DROP POLICY events_prosecutor ON app.events;
CREATE POLICY events_prosecutor ON app.events FOR INSERT TO berkas_app
    WITH CHECK ((SELECT app.acting_role()) = 'prosecutor'
                AND type IN ('tahap1_received_by_pu', 'p16_received', 'p17_received',
                             'p18_received', 'p19_received', 'return_letter_received',
                             'p20_received', 'p21_received', 'p21a_received', 'p22_received',
                             'p23_received', 'lapsed', 'corrected')
                AND EXISTS (SELECT 1 FROM app.cases c WHERE c.id = events.case_id));
