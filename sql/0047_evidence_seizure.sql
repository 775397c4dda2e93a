-- 0047_evidence_seizure.sql - an item of evidence names the seizure act that took it.
--
-- A Berita Acara Penyitaan records what was seized in ITS act (KUHAP 75, 129(2)): the things
-- taken at that place on that day, from that person.  An item had no link to the act, so every
-- seizure paper listed every item of the case - a BA of 8 October stated it had seized the
-- passports taken in another act on 5 October.  seizure_event names the seizure_done act (an
-- act of the same case, not withdrawn: berkasd checks it, app/casework.c); NULL for an item
-- recorded before (it still loads, and the seizure papers refuse until it is linked) or a thing
-- handed over voluntarily.  The daftar barang bukti and the BA Tahap II still list every item.

ALTER TABLE app.evidence ADD COLUMN seizure_event bigint REFERENCES app.events (id);
CREATE INDEX evidence_seizure ON app.evidence (seizure_event) WHERE seizure_event IS NOT NULL;
