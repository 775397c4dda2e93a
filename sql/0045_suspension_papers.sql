-- 0045_suspension_papers.sql - who signs the papers of a suspension of detention (penangguhan
-- penahanan; KUHAP 31; DOMAIN.md 7.1, 12).
--
-- The Surat Perintah Penangguhan Penahanan is an order like the SP Penahanan: signed by the
-- Kepala Kantor as atasan PPNS (Permenkumham 39/2021 Pasal 1 angka 8; which official exactly is
-- UNCERTAIN, so to verify); its Berita Acara by the PPNS who did it (KUHAP 75).
INSERT INTO app.signing_rules (form, signer, official_role, on_behalf_role, basis, to_verify) VALUES
('sp_penangguhan_penahanan', 'official',     'kepala_kantor', NULL, 'KUHAP 31; atasan PPNS', true),
('ba_penangguhan_penahanan', 'investigator', NULL, NULL, 'KUHAP 75', false)
ON CONFLICT (form) DO NOTHING;
