-- 0044_type_change_papers.sql - who signs the papers of a change of the kind of detention
-- (pengalihan jenis penahanan; KUHAP 22, 23(1); DOMAIN.md 7.1, 12).
--
-- The Surat Perintah Pengalihan Jenis Penahanan is an order like the SP Penahanan: signed by the
-- Kepala Kantor as atasan PPNS (Permenkumham 39/2021 Pasal 1 angka 8; which official exactly is
-- UNCERTAIN, so to verify); its Berita Acara by the PPNS who did it (KUHAP 75).  The Berita Acara
-- Perpanjangan Penahanan (the PPNS executing an extension granted) is the PPNS's too.
INSERT INTO app.signing_rules (form, signer, official_role, on_behalf_role, basis, to_verify) VALUES
('sp_pengalihan_penahanan',   'official',     'kepala_kantor', NULL, 'KUHAP 23(1); atasan PPNS', true),
('ba_pengalihan_penahanan',   'investigator', NULL, NULL, 'KUHAP 75', false),
('ba_perpanjangan_penahanan', 'investigator', NULL, NULL, 'KUHAP 75', false)
ON CONFLICT (form) DO NOTHING;
