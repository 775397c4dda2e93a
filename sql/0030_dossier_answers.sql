-- 0030_dossier_answers.sql - whether an answered P-19 item needs its paper
-- in the berkas perkara before the file is sent (again).
--
-- KUHAP 110(3) and 138(2) have the investigator complete the file "sesuai
-- dengan petunjuk" and send it back; the file the Penuntut Umum reads is the
-- berkas perkara (KUHAP 8(3)(a), 110(1)), so an item answered "telah
-- dilengkapi" is met only by a paper in it: the BAP, the lab report, the
-- seizure's Berita Acara.  Whether EVERY item needs one is not settled by
-- the law (an item may ask only for a correction of what is already there,
-- e.g. the Pasal charged): an administrator may set this to false, and then
-- an answer is believed without a paper.  BAPs need their papers whatever
-- this says (KUHAP 75(1): every examination has its Berita Acara).
INSERT INTO app.settings (key, value, note) VALUES
    ('dossier.p19_answers_need_paper', 'true',
     'an answered P-19 item must name the act whose paper answers it, or have the paper uploaded '
     'on its answer, before the berkas perkara is sent (again)')
ON CONFLICT (key) DO NOTHING;
