-- 0056_arrest_release_papers.sql - who signs the papers of a release from an arrest not followed
-- by detention (pelepasan tersangka; KUHAP 16-19, 21; DOMAIN.md 4.7, 7.1, 12).
--
-- The Surat Perintah Pelepasan Tersangka is an order like the SP Penangkapan it ends: signed by
-- the Kepala Kantor as atasan PPNS (Permenkumham 39/2021 Pasal 1 angka 8; which official exactly
-- is UNCERTAIN, so to verify); its Berita Acara by the PPNS who let the suspect go (KUHAP 75).
INSERT INTO app.signing_rules (form, signer, official_role, on_behalf_role, basis, to_verify) VALUES
('sp_pelepasan', 'official',     'kepala_kantor', NULL, 'KUHAP 19(1); atasan PPNS', true),
('ba_pelepasan', 'investigator', NULL, NULL, 'KUHAP 75', false)
ON CONFLICT (form) DO NOTHING;
