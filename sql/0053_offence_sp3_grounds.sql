-- 0053_offence_sp3_grounds.sql - what an SP3's ground asks of the offences charged.
--
-- UU 20/2025 Pasal 24 (DOMAIN.md 9.1) stops an investigation on the maximum fine paid only for
-- an offence punishable by a fine alone up to category II, or on the category IV fine paid for
-- one punishable by at most 1 year's prison or a fine up to category III; KUHAP 109(2) jo. KUHP
-- 75 stops one demi hukum on a complaint withdrawn only for a complaint offence (delik aduan;
-- DOMAIN.md 4.15).  play4 #5: both fine grounds and the complaint were accepted on Pasal 119(1)
-- and 122(a) (5 years' prison, no complaint offence) and printed on a signed SP3.
--
-- fine_only: punishable by a fine alone.  No UU 6/2011 offence is as DOMAIN.md 8.2 has them;
--   116, 117 and 124(b) (3 months' kurungan or a fine) are the ones the new KUHP (UU 1/2023,
--   which abolishes kurungan) may have restated, how is UNCERTAIN (DOMAIN.md 8.2 "KUHP 2023
--   impact"): they are marked to_verify, an administrator amends them here.
-- fine_category: the category of max_fine under UU 1/2023 Pasal 79(1) (I Rp1.000.000,
--   II Rp10.000.000, III Rp50.000.000, IV Rp200.000.000, V Rp500.000.000, VI Rp2.000.000.000,
--   VII Rp5.000.000.000, VIII Rp50.000.000.000): the lowest whose amount covers it; NULL with
--   no fine.
-- complaint: a complaint offence (delik aduan).  None in UU 6/2011 (DOMAIN.md 8.2 lists none).
ALTER TABLE app.offence_catalogue
    ADD COLUMN fine_only boolean NOT NULL DEFAULT false,
    ADD COLUMN fine_category smallint CHECK (fine_category BETWEEN 1 AND 8),
    ADD COLUMN complaint boolean NOT NULL DEFAULT false;

UPDATE app.offence_catalogue SET fine_category = CASE
    WHEN max_fine <= 0 THEN NULL
    WHEN max_fine <= 1000000 THEN 1
    WHEN max_fine <= 10000000 THEN 2
    WHEN max_fine <= 50000000 THEN 3
    WHEN max_fine <= 200000000 THEN 4
    WHEN max_fine <= 500000000 THEN 5
    WHEN max_fine <= 2000000000 THEN 6
    WHEN max_fine <= 5000000000 THEN 7
    ELSE 8 END;

UPDATE app.offence_catalogue SET to_verify = true WHERE code IN ('116', '117', '124(b)');
