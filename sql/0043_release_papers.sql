-- 0043_release_papers.sql - who signs the papers of a release from detention (pengeluaran
-- tahanan; KUHAP 24(3)-(4), 109(2), 82(3) huruf a; DOMAIN.md 7.1, 12).
--
-- The Surat Perintah Pengeluaran Tahanan is an order like the SP Penahanan it ends: signed by
-- the Kepala Kantor as atasan PPNS (Permenkumham 39/2021 Pasal 1 angka 8; which official
-- exactly is UNCERTAIN, so to verify); its Berita Acara by the PPNS who released the suspect
-- (KUHAP 75).
INSERT INTO app.signing_rules (form, signer, official_role, on_behalf_role, basis, to_verify) VALUES
('sp_pengeluaran_tahanan', 'official',     'kepala_kantor', NULL, 'KUHAP 24(3)-(4); atasan PPNS', true),
('ba_pengeluaran_tahanan', 'investigator', NULL, NULL, 'KUHAP 75', false)
ON CONFLICT (form) DO NOTHING;
