-- 0049_short_procedure_paper.sql - who signs the Surat Penyerahan Perkara Acara Pemeriksaan
-- Singkat (UU 6/2011 Pasal 110(2): the PPNS hands the suspect and the evidence to the Penuntut
-- Umum with a catatan; DOMAIN.md 4.14, 7.1): the PPNS who hands over, as the BA Tahap II.
INSERT INTO app.signing_rules (form, signer, official_role, on_behalf_role, basis, to_verify) VALUES
('penyerahan_acara_singkat', 'investigator', NULL, NULL, 'UU 6/2011 Pasal 110(2)', false)
ON CONFLICT (form) DO NOTHING;
