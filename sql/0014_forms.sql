-- 0014_forms.sql - who signs the forms a file needed and berkas lacked (issue 8.5).
--
-- The prosecutor's papers other than the P-19 and P-21 (KEP-518/A/J.A/11/2001):
-- the P-16 is the Kepala Kejaksaan Negeri's own order appointing the jaksa, so
-- he signs it; the letters are signed by the jaksa who recorded them, a.n. the
-- Kepala Kejaksaan Negeri in force (DOMAIN.md 12, UNCERTAIN: to verify).  The
-- ordinary letter returning a file after its P-19 (SE JAM Pidum
-- B-3326/E/EJP/11/2011) is signed like the P-19.
--
-- The investigator's papers: a Berita Acara by the PPNS who did the act (KUHAP
-- 75); the office's letters to the court, to the suspect's family, to the
-- foreign representation through the Ministry of Foreign Affairs and to Korwas
-- PPNS by the Kepala Kantor as atasan PPNS (Permenkumham 39/2021 Pasal 1 angka
-- 8; which official exactly is UNCERTAIN, so to verify).  The Surat Perintah
-- Tugas, the SP Penggeledahan and the Surat Ketetapan Penetapan Tersangka have
-- their rows since 0007.
INSERT INTO app.signing_rules (form, signer, official_role, on_behalf_role, basis, to_verify) VALUES
('p16',                  'official',     'kepala_kejari', NULL, 'KEP-518/A/J.A/11/2001 (P-16: Surat Perintah Kepala Kejaksaan Negeri)', true),
('p17',                  'prosecutor',   NULL, NULL, 'KEP-518/A/J.A/11/2001', true),
('p18',                  'prosecutor',   NULL, NULL, 'KEP-518/A/J.A/11/2001; KUHAP 138(1)', true),
('pengembalian_berkas',  'prosecutor',   NULL, NULL, 'SE JAM Pidum B-3326/E/EJP/11/2011', true),
('p20',                  'prosecutor',   NULL, NULL, 'KEP-518/A/J.A/11/2001', true),
('p21a',                 'prosecutor',   NULL, NULL, 'KEP-518/A/J.A/11/2001', true),
('p22',                  'prosecutor',   NULL, NULL, 'KEP-518/A/J.A/11/2001', true),
('p23',                  'prosecutor',   NULL, NULL, 'KEP-518/A/J.A/11/2001', true),
('ba_sumpah_penerjemah', 'investigator', NULL, NULL, 'KUHAP 53, 75, 177', false),
('ba_penggeledahan',     'investigator', NULL, NULL, 'KUHAP 33(5), 75', false),
('ba_pembungkusan',      'investigator', NULL, NULL, 'KUHAP 75, 130', false),
('ba_penitipan',         'investigator', NULL, NULL, 'KUHAP 44, 75', false),
('permohonan_izin_pn',   'official',     'kepala_kantor', NULL, 'KUHAP 33(1), 34(2), 38; atasan PPNS', true),
('pemberitahuan_penangkapan', 'official', 'kepala_kantor', NULL, 'KUHAP 18(3); atasan PPNS', true),
('pemberitahuan_penahanan',   'official', 'kepala_kantor', NULL, 'KUHAP 21(3); atasan PPNS', true),
('notifikasi_konsuler',  'official',     'kepala_kantor', NULL, 'Konvensi Wina 1963 Pasal 36(1)(b) (UU 1/1982); Permenkumham 39/2021 Pasal 27(6)', true),
('pengantar_spdp_korwas','official',     'kepala_kantor', NULL, 'Permenkumham 39/2021 Pasal 27(2); UU 6/2011 Pasal 107(1)', true)
ON CONFLICT (form) DO NOTHING;
