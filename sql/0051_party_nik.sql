-- 0051_party_nik.sql - a party's NIK (Nomor Induk Kependudukan, the KTP-el's number).
--
-- An Indonesian (WNI) is identified by his NIK, not a passport: UU 6/2011 Pasal 117, 118, 124
-- name Indonesians as offenders (the lodging owner, the sponsor, the one who harbours), who
-- often hold no passport (play3 #25: a WNI suspect's BAP Tersangka could not be issued without
-- a passport number).  Sixteen digits; its structure (region, birth date, serial) is checked by
-- the application (app/casework.c), the column keeps the shape.
ALTER TABLE app.parties ADD COLUMN nik text CHECK (nik ~ '^[0-9]{16}$');
