-- 0028_offence_122_letters.sql - Pasal 122 UU 6/2011 as its two letters.
--
-- Pasal 122 punishes two different persons for two different acts (DOMAIN.md
-- 8.2): huruf a, the foreigner who deliberately misuses his stay permit or
-- does what it was not given for; huruf b, anyone who orders or lets a
-- foreigner do so.  0003 catalogued them as one '122', so a charge, a
-- Resume's analysis and every paper citing it said "Pasal 122" with no
-- letter - a charge a prosecutor returns: the elements to prove differ.
--
-- '122(a)' and '122(b)' are added (their elements as 0007 keeps them, for
-- the Resume's analysis); the code prints "Pasal 122 huruf a" (render's
-- format "pasal").  The row '122' stays, with its elements, for the cases
-- already charged under it (their charges point at its id), and it can still
-- be charged by its code, so that existing clients and stored requests keep
-- working; its label now says to prefer the letters.
INSERT INTO app.offence_catalogue
    (code, article, label, max_prison_months, min_prison_months, max_fine, min_fine, connector,
     kurungan, detainable, short_procedure, to_verify) VALUES
('122(a)', 122, 'Orang asing dengan sengaja menyalahgunakan izin tinggal atau melakukan kegiatan yang tidak sesuai dengan maksud dan tujuan pemberiannya', 60, 0, 500000000, 0, 'dan', false, true, false, false),
('122(b)', 122, 'Menyuruh atau memberikan kesempatan kepada orang asing menyalahgunakan izin tinggal atau melakukan kegiatan yang tidak sesuai dengannya', 60, 0, 500000000, 0, 'dan', false, true, false, false);

INSERT INTO app.offence_elements (code, no, element, to_verify) VALUES
('122(a)', 1, 'Setiap Orang Asing', false),
('122(a)', 2, 'dengan sengaja menyalahgunakan atau melakukan kegiatan', false),
('122(a)', 3, 'yang tidak sesuai dengan maksud dan tujuan pemberian Izin Tinggal yang diberikan kepadanya', false),
('122(b)', 1, 'Setiap orang', false),
('122(b)', 2, 'menyuruh atau memberikan kesempatan kepada Orang Asing menyalahgunakan atau melakukan kegiatan', false),
('122(b)', 3, 'yang tidak sesuai dengan maksud atau tujuan pemberian Izin Tinggal yang diberikan kepadanya', false);

UPDATE app.offence_catalogue
   SET label = 'Pasal 122 tanpa huruf (catatan lama): orang asing menyalahgunakan izin tinggal, atau menyuruh atau memberi kesempatan untuk itu; untuk sangkaan baru pilih 122(a) atau 122(b)'
 WHERE code = '122' AND effective_from = '2011-05-05';
