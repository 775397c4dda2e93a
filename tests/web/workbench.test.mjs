// workbench.test.mjs - the investigator's work on the case page that needed the CLI or the API
// before: adding and correcting a party, issuing an act's paper, opening a file, charging an
// offence and adding an item of evidence. Each write's effect is checked through the API; a refusal
// of the server (what the papers cannot print, a birth date to come) is shown beside the form,
// nothing is added and nothing typed is lost; a supervisor's or a prosecutor's page offers none
// of it (the routes are the investigator's: 403).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BASE, NIP, browser, shot, call, must, login, pageLogin, daysAgo, officeId } from './lib.mjs';

let b;
let inv;
let kejari;

before(async () => {
  b = await browser();
  inv = await login(NIP.invPlg);
  kejari = await officeId(inv, 'KEJARI-PLG');
});

after(async () => {
  await b?.close();
});

async function open(nip, hash) {
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await pageLogin(page, nip);
  await page.locator('#who .me').waitFor();
  // a user keeps session.max_per_user sessions, the oldest ended by a new log-on: the API's
  // token is taken again after the page's
  if (nip === NIP.invPlg) inv = await login(NIP.invPlg);
  if (hash) await page.goto(`${BASE}/${hash}`);
  return { ctx, page, errors };
}

// a file of the Palembang office opened through the API, with its Sprindik
async function newCase(summary) {
  const c = await must('POST', '/api/v1/cases', inv, { source: 'supervision', opened_on: daysAgo(10), summary, kejari_id: kejari }, 201);
  await must('POST', `/api/v1/cases/${c.id}/events`, inv, { type: 'sprindik_issued', date: daysAgo(9) }, 201);
  return c;
}

const partiesOf = async (id) => (await must('GET', `/api/v1/cases/${id}`, inv, undefined, 200)).parties;
const docsOf = async (id) => (await must('GET', `/api/v1/cases/${id}/documents`, inv, undefined, 200)).items;

// "2026-03-14" as the papers write a day: "14 Maret 2026"
const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const longDate = (d) => `${Number(d.slice(8, 10))} ${BULAN[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

// a PDF's text, its whitespace as single spaces
const pdfText = (bytes) => execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString('utf8').replace(/\s+/g, ' ');

// The paper a document list entry links to, fetched as the page's session would (its cookie)
async function pdfOf(page, li) {
  const href = await li.locator('a').first().getAttribute('href');
  const res = await page.request.get(`${BASE}${href}`);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'], /application\/pdf/);
  return pdfText(await res.body());
}

// KUHAP 1 angka 14 and 26: the suspect and the witness are persons named in the file; the
// papers print their names and what is known of them (DOMAIN 4.6) - the page adds them whole.
test('the investigator adds a party on the case page; it is listed at once and stored whole', async () => {
  const c0 = await newCase('Uji tambah pihak dari halaman');
  const { ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${c0.id}`);
  await page.locator('#case-number', { hasText: c0.number }).waitFor();
  // the page is not loaded again: what the window holds survives the write
  await page.evaluate(() => (window.keptAcrossWrite = true));
  await page.locator('#add-party > summary').click();
  await page.locator('#party-kind').selectOption('suspect');
  await page.locator('#party-name').fill('Lê Thị Hồng');
  await page.locator('#party-nationality').fill('VN');
  await page.locator('#party-passport-no').fill('C7654321');
  await page.locator('#party-birth-date').fill('1990-03-15');
  await page.locator('#party-birth-place').fill('Hà Nội');
  await page.locator('#party-sex').selectOption('P');
  await page.locator('#party-occupation').fill('Pedagang');
  await page.locator('#party-address-id').fill('Jalan Merdeka Nomor 5, Palembang');
  await page.locator('#party-language').fill('Vietnam');
  await page.locator('#party-interpreter').fill('Trần Thị Mai');
  await page.getByRole('button', { name: 'Tambah pihak' }).click();
  await page.locator('#parties tr', { hasText: 'Lê Thị Hồng' }).waitFor();
  assert.equal(await page.evaluate(() => window.keptAcrossWrite), true, 'no reload');
  const row = await page.locator('#parties tr', { hasText: 'Lê Thị Hồng' }).textContent();
  assert.ok(row.includes('Tersangka') && row.includes('VN') && row.includes('C7654321'), row);
  await shot(page, 'workbench-party');

  const list = await partiesOf(c0.id);
  assert.equal(list.length, 1);
  const p = list[0];
  assert.equal(p.kind, 'suspect');
  assert.equal(p.name, 'Lê Thị Hồng');
  assert.equal(p.nationality, 'VN');
  assert.equal(p.passport_no, 'C7654321');
  assert.equal(p.birth_date, '1990-03-15');
  assert.equal(p.birth_place, 'Hà Nội');
  assert.equal(p.sex, 'P');
  assert.equal(p.occupation, 'Pedagang');
  assert.equal(p.address_id, 'Jalan Merdeka Nomor 5, Palembang');
  assert.equal(p.language, 'Vietnam');
  assert.equal(p.interpreter, 'Trần Thị Mai');

  // a reporter (pelapor) too: a kind of sql/0041
  await page.locator('#add-party > summary').click();
  await page.locator('#party-kind').selectOption('reporter');
  await page.locator('#party-name').fill('Sutrisno');
  await page.getByRole('button', { name: 'Tambah pihak' }).click();
  await page.locator('#parties tr', { hasText: 'Sutrisno' }).waitFor();
  assert.ok((await page.locator('#parties tr', { hasText: 'Sutrisno' }).textContent()).includes('Pelapor'));
  assert.deepEqual((await partiesOf(c0.id)).map((x) => [x.kind, x.name]), [['suspect', 'Lê Thị Hồng'], ['reporter', 'Sutrisno']]);
  assert.deepEqual(errors, []);
  await ctx.close();
});

// The papers print a party's name in Latin letters as in his passport (DOMAIN 12; the server's
// validate_printable) and a birth date is a day that has been: each refused with the server's
// words beside the form, nothing added, what was typed kept to be mended.
test('a party the server refuses: its reason beside the form, nothing added, nothing typed lost', async () => {
  const c0 = await newCase('Uji pihak ditolak');
  const { ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${c0.id}`);
  await page.locator('#case-number', { hasText: c0.number }).waitFor();
  await page.locator('#add-party > summary').click();
  await page.locator('#party-kind').selectOption('witness');
  await page.locator('#party-name').fill('张伟');
  await page.locator('#party-nationality').fill('CN');
  await page.locator('#party-passport-no').fill('EJ4471920');
  await page.locator('#party-birth-date').fill('1984-02-11');
  await page.getByRole('button', { name: 'Tambah pihak' }).click();
  await page.locator('#party-error', { hasText: 'tidak dapat dicetak' }).waitFor();
  assert.equal((await partiesOf(c0.id)).length, 0);
  assert.equal(await page.locator('#party-name').inputValue(), '张伟');
  assert.equal(await page.locator('#party-kind').inputValue(), 'witness');
  assert.equal(await page.locator('#party-passport-no').inputValue(), 'EJ4471920');
  assert.equal(await page.locator('#party-birth-date').inputValue(), '1984-02-11');
  await shot(page, 'workbench-party-refused');

  // the name as in his passport; a birth date to come (the browser's date input takes no
  // 2026-02-30: a day that is not is refused before it is sent)
  await page.locator('#party-name').fill('Zhang Wei');
  await page.locator('#party-birth-date').fill(daysAgo(-30));
  await page.getByRole('button', { name: 'Tambah pihak' }).click();
  await page.locator('#party-error', { hasText: 'birth_date' }).waitFor();
  assert.equal((await partiesOf(c0.id)).length, 0);
  assert.equal(await page.locator('#party-name').inputValue(), 'Zhang Wei');
  // a day that is not, sent as the API takes it, is refused the same way, nothing added
  const r = await call('POST', `/api/v1/cases/${c0.id}/parties`, inv, { kind: 'witness', name: 'Zhang Wei', birth_date: '2026-02-30' });
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.field, 'birth_date');
  assert.equal((await partiesOf(c0.id)).length, 0);

  await page.locator('#party-birth-date').fill('1984-02-11');
  await page.getByRole('button', { name: 'Tambah pihak' }).click();
  await page.locator('#parties tr', { hasText: 'Zhang Wei' }).waitFor();
  const list = await partiesOf(c0.id);
  assert.deepEqual(list.map((x) => [x.kind, x.name, x.nationality, x.passport_no, x.birth_date]), [['witness', 'Zhang Wei', 'CN', 'EJ4471920', '1984-02-11']]);
  assert.deepEqual(errors, []);
  await ctx.close();
});

// An Indonesian is identified by his NIK, the KTP-el's 16 digits (UU 6/2011 Pasal 124 names
// Indonesians; DOMAIN 7.3; play3 #25): the page asks it; a NIK of 15 digits is refused with the
// server's words naming nik, nothing added, what was typed kept; mended, it is stored and listed.
test('the party form takes an Indonesian suspect\'s NIK', async () => {
  const c0 = await newCase('Uji NIK dari halaman');
  const { ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${c0.id}`);
  await page.locator('#case-number', { hasText: c0.number }).waitFor();
  await page.locator('#add-party > summary').click();
  await page.locator('#party-kind').selectOption('suspect');
  await page.locator('#party-name').fill('Rahmat Saputra');
  await page.locator('#party-nationality').fill('ID');
  await page.locator('#party-nik').fill('167101050490000');
  await page.getByRole('button', { name: 'Tambah pihak' }).click();
  await page.locator('#party-error', { hasText: 'nik' }).waitFor();
  assert.equal((await partiesOf(c0.id)).length, 0);
  assert.equal(await page.locator('#party-name').inputValue(), 'Rahmat Saputra');
  await page.locator('#party-nik').fill('1671010504900003');
  await page.getByRole('button', { name: 'Tambah pihak' }).click();
  await page.locator('#parties tr', { hasText: 'Rahmat Saputra' }).waitFor();
  const row = await page.locator('#parties tr', { hasText: 'Rahmat Saputra' }).textContent();
  assert.ok(row.includes('NIK 1671010504900003'), row);
  const list = await partiesOf(c0.id);
  assert.deepEqual(list.map((x) => [x.kind, x.name, x.nationality, x.nik, x.passport_no]), [['suspect', 'Rahmat Saputra', 'ID', '1671010504900003', null]]);
  assert.deepEqual(errors, []);
  await ctx.close();
});

// KUHAP 34(2), 38(2) (DOMAIN 4.9, D8; play3 #19): after an urgent search the PPNS reports it to
// the Ketua PN and asks his approval. The page offers that request beside the urgent search, not
// beside one done under the court's permit; issued from there (the court asked, as the server
// names it), it is the search's paper and says where it was done and why it was urgent.
test('the request for the Ketua PN\'s approval is offered beside an urgent search and reports it', async () => {
  const c0 = await must('POST', '/api/v1/cases', inv, { source: 'supervision', opened_on: daysAgo(10), summary: 'Uji permohonan persetujuan dari halaman', kejari_id: kejari }, 201);
  const s = await must('POST', `/api/v1/cases/${c0.id}/parties`, inv, { kind: 'suspect', name: 'Trần Văn Bình', nationality: 'VN', passport_no: 'C3344556' }, 201);
  await must('POST', `/api/v1/cases/${c0.id}/offences`, inv, { code: '122(a)', party_id: s.id }, 201);
  const ev = (body) => must('POST', `/api/v1/cases/${c0.id}/events`, inv, body, 201);
  await ev({ type: 'sprindik_issued', date: daysAgo(9), issue: ['sprindik'] });
  const izin = await ev({ type: 'court_permit_received', date: daysAgo(6), court: 'Palembang', permit_kind: 'izin', permit_for: 'penggeledahan', number: '44/Pen.Pid/2026/PN Plg' });
  const lawful = await ev({ type: 'search_done', date: daysAgo(5), scene: 'Jalan Merdeka Nomor 5, Palembang', permit_act: izin.id });
  const urgent = await ev({ type: 'search_done', date: daysAgo(3), scene: 'Hotel Novotel Palembang kamar 512', urgent_reason: 'tersangka hendak melarikan diri' });
  const { ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${c0.id}`);
  await page.locator('#case-number', { hasText: c0.number }).waitFor();
  const form = page.locator(`#issue-${urgent.id}-permohonan_izin_pn`);
  await form.waitFor();
  await page.locator(`#issue-${lawful.id}-sp_penggeledahan`).waitFor();
  assert.equal(await page.locator(`#issue-${lawful.id}-permohonan_izin_pn`).count(), 0, 'offered beside a search under a permit');
  const button = form.getByRole('button', { name: 'Terbitkan Permohonan Izin/Persetujuan Ketua Pengadilan Negeri' });
  await button.click();
  const court = page.locator(`#issue-${urgent.id}-permohonan_izin_pn-court`);
  await court.waitFor();
  assert.equal((await docsOf(c0.id)).filter((d) => d.form === 'permohonan_izin_pn').length, 0);
  await court.fill('Palembang');
  await button.click();
  const li = page.locator('#documents li', { hasText: 'Permohonan Izin/Persetujuan' });
  const err = page.locator(`#issue-${urgent.id}-permohonan_izin_pn-error`).filter({ hasText: /\S/ });
  await Promise.race([li.waitFor(), err.waitFor()]);
  assert.equal(await err.count(), 0, (await err.count()) ? await err.textContent() : '');
  const d = (await docsOf(c0.id)).find((x) => x.form === 'permohonan_izin_pn');
  assert.ok(d && d.event_id === urgent.id, JSON.stringify(d));
  const res = await page.request.get(`${BASE}/api/v1/documents/${d.id}.pdf`);
  const text = pdfText(await res.body());
  assert.ok(text.includes('bertempat di Hotel Novotel Palembang kamar 512, telah dilakukan penggeledahan dalam keadaan yang sangat perlu dan mendesak'), text);
  assert.ok(text.includes('karena tersangka hendak melarikan diri'), text);
  assert.ok(text.includes('Yth. Ketua Pengadilan Negeri Palembang'), text);
  assert.deepEqual(errors, []);
  await ctx.close();
});

// The routes are the investigator's (server/http/routes.c INV): a supervisor's and a
// prosecutor's page offer none of the investigator's forms, and the API refuses them (403).
test('a supervisor and a prosecutor are offered none of it', async () => {
  const c0 = await newCase('Uji bukan penyidik');
  await must('POST', `/api/v1/cases/${c0.id}/events`, inv, { type: 'spdp_sent', date: daysAgo(8), recipient: 'kejari' }, 201);
  const witness = await must('POST', `/api/v1/cases/${c0.id}/parties`, inv, { kind: 'witness', name: 'Hendra Saputra' }, 201);
  const item = await must('POST', `/api/v1/cases/${c0.id}/evidence`, inv, { description: 'Telepon genggam merek Samsung', quantity: '1 (satu) unit' }, 201);
  const sup = await login(NIP.supPlg);
  const pros = await login(NIP.prosPlg);
  for (const [nip, token] of [
    [NIP.supPlg, sup],
    [NIP.prosPlg, pros],
  ]) {
    const { ctx, page, errors } = await open(nip, `#/perkara/${c0.id}`);
    await page.locator('#case-number', { hasText: c0.number }).waitFor();
    await page.locator('#sec-parties').waitFor();
    assert.equal(await page.locator('#add-party').count(), 0, nip);
    assert.equal(await page.locator('#add-offence').count(), 0, nip);
    assert.equal(await page.locator('#add-evidence').count(), 0, nip);
    const r3 = await call('POST', `/api/v1/cases/${c0.id}/offences`, token, { code: '122(a)' });
    assert.equal(r3.status, 403, r3.text);
    const r4 = await call('POST', `/api/v1/cases/${c0.id}/evidence`, token, { description: 'Paspor' });
    assert.equal(r4.status, 403, r4.text);
    // the Sprindik and the SPDP have papers berkas issues: not from these pages
    await page.locator('#history li').first().waitFor();
    assert.equal(await page.locator('form.issue').count(), 0, nip);
    const r2 = await call('POST', `/api/v1/cases/${c0.id}/forms/spdp`, token, {});
    assert.ok(r2.status === 403 || r2.status === 404, `${nip}: ${r2.status} ${r2.text}`);
    const r = await call('POST', `/api/v1/cases/${c0.id}/parties`, token, { kind: 'witness', name: 'Budi' });
    assert.equal(r.status, 403, r.text);
    assert.equal(await page.locator('#parties tr', { hasText: 'Hendra Saputra' }).count(), 1);
    assert.equal(await page.locator('#fix-parties, [id^="fix-party-"]').count(), 0, nip);
    const r5 = await call('PUT', `/api/v1/cases/${c0.id}/parties/${witness.id}`, token, { name: 'Budi' }, { 'If-Match': '"1"' });
    assert.equal(r5.status, 403, r5.text);
    assert.equal(await page.locator('#evidence tr', { hasText: 'Samsung' }).count(), 1);
    assert.equal(await page.locator('[id^="fix-evidence-"]').count(), 0, nip);
    const r6 = await call('PUT', `/api/v1/cases/${c0.id}/evidence/${item.id}`, token, { storage: 'Gudang' }, { 'If-Match': '"1"' });
    assert.equal(r6.status, 403, r6.text);
    assert.deepEqual(errors, []);
    await ctx.close();
  }
  assert.deepEqual((await partiesOf(c0.id)).map((x) => [x.name, x.version]), [['Hendra Saputra', 1]]);
  assert.equal((await docsOf(c0.id)).length, 0);
  const after = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  assert.equal(after.offences.length, 0);
  assert.deepEqual(after.evidence.map((x) => [x.description, x.storage, x.version]), [['Telepon genggam merek Samsung', '', 1]]);
  // the investigator's own page offers both papers (the page tells the roles apart, not the file)
  const { ctx, page } = await open(NIP.invPlg, `#/perkara/${c0.id}`);
  await page.locator('form.issue[data-form="spdp"]').waitFor();
  await page.locator('form.issue[data-form="sprindik"]').waitFor();
  await ctx.close();
});

// One act, one paper (DOMAIN 12): the Sprindik is issued for its act, dated its day; the Surat
// Panggilan for the summons, calling its party on the day the act recorded (KUHAP 112(1),
// 227(1)) at the hour the page asks when the server names it. The page offers each paper beside
// its act (GET /api/v1/forms names the act), and none once issued.
test('the investigator issues an act\'s paper beside the act; a refusal is shown, nothing issued', async () => {
  const c0 = await newCase('Uji terbitkan surat dari halaman');
  const c1 = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  const sprindik = c1.history.find((e) => e.type === 'sprindik_issued');
  const suspect = await must('POST', `/api/v1/cases/${c0.id}/parties`, inv, { kind: 'suspect', name: 'Lê Văn Tám', nationality: 'VN', address_id: 'Jalan Merdeka Nomor 5, Palembang' }, 201);
  const summons = await must('POST', `/api/v1/cases/${c0.id}/events`, inv, { type: 'summons_served', date: daysAgo(4), party_id: suspect.id, appearance: daysAgo(0) }, 201);
  // an arrest whose order was numbered outside berkas: its order is uploaded, never numbered
  // again by berkas (DOMAIN 12: the act's number and its paper's are one); its Berita Acara is
  // berkas' to make
  const arrest = await must('POST', `/api/v1/cases/${c0.id}/events`, inv, { type: 'arrested', date: daysAgo(3), party_id: suspect.id, number: 'SP.KAP/07/XII/2026/RESKRIM' }, 201);

  const { ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${c0.id}`);
  await page.locator('#case-number', { hasText: c0.number }).waitFor();
  const sp = page.locator(`#issue-${sprindik.id}-sprindik`);
  await sp.waitFor();
  // the papers of the Laporan and of the summons are offered beside theirs; no BAP, no P-form
  await page.locator(`#issue-${summons.id}-surat_panggilan`).waitFor();
  assert.equal(await page.locator('form.issue[data-form^="bap_"], form.issue[data-form^="p1"], form.issue[data-form^="p2"]').count(), 0);
  await page.locator(`#issue-${arrest.id}-ba_penangkapan`).waitFor();
  assert.equal(await page.locator(`#issue-${arrest.id}-sp_penangkapan`).count(), 0, 'the order numbered outside is not offered');
  const outside = await call('POST', `/api/v1/cases/${c0.id}/forms/sp_penangkapan`, inv, { event: arrest.id });
  assert.equal(outside.status, 409, outside.text);

  // no offence charged yet: the Sprindik cannot say what is investigated - refused in the
  // server's words beside it, nothing issued
  await sp.getByRole('button', { name: 'Terbitkan Surat Perintah Penyidikan' }).click();
  await page.locator(`#issue-${sprindik.id}-sprindik-error`, { hasText: 'pasal yang disangkakan' }).waitFor();
  assert.equal((await docsOf(c0.id)).length, 0);
  await shot(page, 'workbench-issue-refused');

  await must('POST', `/api/v1/cases/${c0.id}/offences`, inv, { code: '122(a)', party_id: suspect.id }, 201);
  await page.reload();
  await page.locator(`#issue-${sprindik.id}-sprindik`).getByRole('button', { name: 'Terbitkan Surat Perintah Penyidikan' }).click();
  const spLi = page.locator('#documents li', { hasText: 'Surat Perintah Penyidikan' });
  await spLi.waitFor();
  let docs = await docsOf(c0.id);
  assert.equal(docs.length, 1);
  assert.equal(docs[0].form, 'sprindik');
  assert.equal(docs[0].event_id, sprindik.id);
  assert.ok((await spLi.textContent()).includes(docs[0].number), await spLi.textContent());
  const spText = await pdfOf(page, spLi);
  assert.ok(spText.includes(docs[0].number), 'the number on the paper');
  assert.ok(spText.includes(longDate(daysAgo(9))), `the act's day ${longDate(daysAgo(9))}`);
  assert.ok(spText.includes('Lê Văn Tám'));
  assert.equal(await page.locator(`#issue-${sprindik.id}-sprindik`).count(), 0, 'issued: no longer offered');

  // the summons: the server needs the hour to appear; the page asks, nothing issued meanwhile
  const pg = page.locator(`#issue-${summons.id}-surat_panggilan`);
  await pg.getByRole('button', { name: 'Terbitkan Surat Panggilan' }).click();
  await page.locator(`#issue-${summons.id}-surat_panggilan-appear-time`).waitFor();
  await page.locator(`#issue-${summons.id}-surat_panggilan-error`, { hasText: 'appear-time' }).waitFor();
  assert.equal((await docsOf(c0.id)).length, 1);
  await page.getByLabel('Jam menghadap').fill('10:00');
  await pg.getByRole('button', { name: 'Terbitkan Surat Panggilan' }).click();
  const pgLi = page.locator('#documents li', { hasText: 'Surat Panggilan' });
  await pgLi.waitFor();
  docs = await docsOf(c0.id);
  const paper = docs.find((d) => d.form === 'surat_panggilan');
  assert.ok(paper && paper.event_id === summons.id);
  assert.ok((await pgLi.textContent()).includes(paper.number));
  const pgText = await pdfOf(page, pgLi);
  assert.ok(pgText.includes('Lê Văn Tám'), 'the party summoned');
  assert.ok(pgText.includes(longDate(daysAgo(0))), `the day to appear ${longDate(daysAgo(0))}`);
  assert.ok(pgText.includes('10.00') || pgText.includes('10:00'), 'the hour');
  await shot(page, 'workbench-issued');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// Every case the investigator sees (GET /api/v1/cases, page by page)
async function allCases(token) {
  const out = [];
  let cursor = '';
  for (;;) {
    const r = await must('GET', `/api/v1/cases?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token, undefined, 200);
    out.push(...(r.items || []));
    if (!r.next_cursor) return out;
    cursor = r.next_cursor;
  }
}

// A file opens with its Laporan Kejadian (DOMAIN 3, 4.1: the report registered is the file's
// first act, numbered LK/<office>/<year>/<n> from the office's counter): opened from the case
// list, the page lands on the new file; a summary the Laporan cannot print is refused there,
// nothing opened, nothing typed lost.
test('the investigator opens a file from the case list and lands on its page', async () => {
  const before = (await allCases(inv)).length;
  const { ctx, page, errors } = await open(NIP.invPlg, '#/perkara');
  await page.getByRole('heading', { name: 'Perkara', exact: true }).waitFor();
  await page.locator('#open-case > summary').click();
  await page.locator('#open-source').selectOption('public_report');
  await page.locator('#open-opened-on').fill(daysAgo(2));
  await page.locator('#open-summary').fill('Laporan warga: WNA 張 bekerja tanpa izin di Jalan Sudirman');
  await page.locator('#open-kejari-id').selectOption({ label: 'Kejaksaan Negeri Palembang' });
  await page.getByRole('button', { name: 'Buka perkara' }).click();
  await page.locator('#open-error', { hasText: 'tidak dapat dicetak' }).waitFor();
  assert.equal((await allCases(inv)).length, before, 'nothing opened');
  assert.equal(await page.locator('#open-source').inputValue(), 'public_report');
  assert.equal(await page.locator('#open-opened-on').inputValue(), daysAgo(2));
  assert.equal(await page.locator('#open-kejari-id').inputValue(), String(kejari));
  await shot(page, 'workbench-open-refused');

  const summary = 'Laporan warga: WNA bekerja tanpa izin di Jalan Sudirman, Palembang';
  await page.locator('#open-summary').fill(summary);
  await page.getByRole('button', { name: 'Buka perkara' }).click();
  await page.waitForURL(/#\/perkara\/\d+$/);
  const id = Number(/#\/perkara\/(\d+)$/.exec(page.url())[1]);
  await page.locator('#case-summary', { hasText: summary }).waitFor();
  const c = await must('GET', `/api/v1/cases/${id}`, inv, undefined, 200);
  assert.equal(await page.locator('#case-number').textContent(), c.number);
  assert.match(c.number, /^LK\/KANIM-PLG\/\d{4}\/\d{4}$/);
  assert.equal(c.summary, summary);
  assert.equal(c.opened_on, daysAgo(2));
  assert.equal(c.source, 'public_report');
  assert.equal(c.kejari && c.kejari.id, kejari);
  const report = c.history.filter((e) => e.type === 'report_registered');
  assert.equal(report.length, 1);
  assert.equal(report[0].legal_date, daysAgo(2));
  assert.equal((await allCases(inv)).length, before + 1);
  // the new file's own page offers its Laporan's paper and a party
  await page.locator(`#issue-${report[0].id}-laporan_kejadian`).waitFor();
  await page.locator('#add-party').waitFor();
  await shot(page, 'workbench-opened');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// Opening a file is the investigator's (routes.c: POST /api/v1/cases, INV): a supervisor's and
// a prosecutor's case list has no form to open one, and the API refuses them.
test('a supervisor and a prosecutor cannot open a file from the case list', async () => {
  for (const nip of [NIP.supPlg, NIP.prosPlg]) {
    const { ctx, page, errors } = await open(nip, '#/perkara');
    await page.getByRole('heading', { name: 'Perkara', exact: true }).waitFor();
    assert.equal(await page.locator('#open-case').count(), 0, nip);
    const r = await call('POST', '/api/v1/cases', await login(nip), { source: 'supervision', opened_on: daysAgo(1), summary: 'Tidak boleh' });
    assert.equal(r.status, 403, r.text);
    assert.deepEqual(errors, []);
    await ctx.close();
  }
});

// UU 6/2011 Pasal 122 huruf a (a foreigner who uses his stay permit against its purpose) charged
// to the suspect, and his passport seized from him (KUHAP 39(1) huruf a, 44): both added on the
// page, listed at once, stored as given, the item then corrected; the same Pasal twice to him and
// a seizure dated ahead are refused beside their forms, nothing added or changed, nothing typed
// lost.
test('the investigator charges an offence, adds an item of evidence and corrects it', async () => {
  const c0 = await newCase('Uji pasal dan barang bukti dari halaman');
  const suspect = await must('POST', `/api/v1/cases/${c0.id}/parties`, inv, { kind: 'suspect', name: 'Lê Văn Tám', nationality: 'VN', passport_no: 'C7654321' }, 201);
  await must('POST', `/api/v1/cases/${c0.id}/parties`, inv, { kind: 'witness', name: 'Hendra Saputra' }, 201);
  const { ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${c0.id}`);
  await page.locator('#case-number', { hasText: c0.number }).waitFor();
  await page.evaluate(() => (window.keptAcrossWrite = true));

  await page.locator('#add-offence > summary').click();
  // only a suspect is charged: the witness is not offered
  const charged = await page.locator('#offence-party option').allTextContents();
  assert.deepEqual(charged, ['— seluruh perkara —', 'Lê Văn Tám']);
  await page.locator('#offence-code').selectOption('122(a)');
  await page.locator('#offence-party').selectOption(String(suspect.id));
  await page.getByRole('button', { name: 'Sangkakan pasal' }).click();
  await page.locator('#offences tr', { hasText: 'Pasal 122(a)' }).waitFor();
  assert.ok((await page.locator('#offences tr', { hasText: 'Pasal 122(a)' }).textContent()).includes('Lê Văn Tám'));
  let c = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  assert.deepEqual(c.offences.map((o) => [o.code, o.party_id]), [['122(a)', suspect.id]]);

  // once per offence per suspect (sql/0006): the second is refused, nothing added
  await page.locator('#add-offence > summary').click();
  await page.locator('#offence-code').selectOption('122(a)');
  await page.locator('#offence-party').selectOption(String(suspect.id));
  await page.getByRole('button', { name: 'Sangkakan pasal' }).click();
  await page.locator('#offence-error', { hasText: 'sudah dikenakan kepada tersangka ini' }).waitFor();
  // a conflict that is not the stage's is not called one (the 409 of a charge already made)
  assert.ok(!(await page.locator('#offence-error').textContent()).includes('pada tahap ini'), await page.locator('#offence-error').textContent());
  assert.equal(await page.locator('#offence-code').inputValue(), '122(a)');
  c = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  assert.equal(c.offences.length, 1);

  await page.locator('#add-evidence > summary').click();
  await page.locator('#evidence-description').fill('Paspor Republik Sosialis Vietnam nomor C7654321 atas nama Lê Văn Tám');
  await page.locator('#evidence-quantity').fill('1 (satu) buku');
  await page.locator('#evidence-seized-from').selectOption(String(suspect.id));
  await page.locator('#evidence-seized-on').fill(daysAgo(-5));
  await page.locator('#evidence-storage').fill('Ruang barang bukti Kantor Imigrasi Palembang');
  await page.getByRole('button', { name: 'Tambah barang bukti' }).click();
  await page.locator('#evidence-error', { hasText: 'seized_on' }).waitFor();
  c = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  assert.equal(c.evidence.length, 0);
  assert.equal(await page.locator('#evidence-storage').inputValue(), 'Ruang barang bukti Kantor Imigrasi Palembang');
  await shot(page, 'workbench-evidence-refused');
  await page.locator('#evidence-seized-on').fill(daysAgo(3));
  await page.getByRole('button', { name: 'Tambah barang bukti' }).click();
  await page.locator('#evidence tr', { hasText: 'C7654321' }).waitFor();
  assert.equal(await page.evaluate(() => window.keptAcrossWrite), true, 'no reload');
  c = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  assert.equal(c.evidence.length, 1);
  const x = c.evidence[0];
  assert.equal(x.description, 'Paspor Republik Sosialis Vietnam nomor C7654321 atas nama Lê Văn Tám');
  assert.equal(x.quantity, '1 (satu) buku');
  assert.equal(x.seized_from, suspect.id);
  assert.equal(x.seized_on, daysAgo(3));
  assert.equal(x.storage, 'Ruang barang bukti Kantor Imigrasi Palembang');
  const row = await page.locator('#evidence tr', { hasText: 'C7654321' }).textContent();
  assert.ok(row.includes('1 (satu) buku') && row.includes('Lê Văn Tám'), row);

  // moved to the Rupbasan (KUHAP 44(1)): corrected on the page; a seizure day ahead refused
  // first, nothing changed, what was typed kept
  const fix = `#fix-evidence-${x.id}`;
  await page.locator(`${fix} > summary`).click();
  assert.equal(await page.locator(`${fix}-seized-on`).inputValue(), daysAgo(3));
  await page.locator(`${fix}-storage`).fill('Rupbasan Kelas I Palembang');
  await page.locator(`${fix}-seized-on`).fill(daysAgo(-5));
  await page.locator(fix).getByRole('button', { name: 'Simpan koreksi' }).click();
  await page.locator(`${fix}-error`, { hasText: 'seized_on' }).waitFor();
  c = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  assert.deepEqual([c.evidence[0].storage, c.evidence[0].seized_on, c.evidence[0].version], ['Ruang barang bukti Kantor Imigrasi Palembang', daysAgo(3), 1]);
  assert.equal(await page.locator(`${fix}-storage`).inputValue(), 'Rupbasan Kelas I Palembang');
  await page.locator(`${fix}-seized-on`).fill(daysAgo(3));
  await page.locator(fix).getByRole('button', { name: 'Simpan koreksi' }).click();
  await page.locator('#evidence tr', { hasText: 'Rupbasan Kelas I Palembang' }).waitFor();
  c = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  assert.deepEqual(
    [c.evidence[0].description, c.evidence[0].storage, c.evidence[0].seized_on, c.evidence[0].version],
    ['Paspor Republik Sosialis Vietnam nomor C7654321 atas nama Lê Văn Tám', 'Rupbasan Kelas I Palembang', daysAgo(3), 2],
  );
  await shot(page, 'workbench-charges-evidence');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// A deposit names where and which things (KUHAP 44(1)): the act form asks the Rupbasan and offers
// the case's evidence to choose; without the place the server refuses and nothing is recorded;
// recorded, the act names the place and the chosen items only.
test('the deposit form asks the Rupbasan and the things deposited', async () => {
  const c0 = await newCase('Uji penitipan benda sitaan dari halaman');
  const a = await must('POST', `/api/v1/cases/${c0.id}/evidence`, inv, { description: 'Paspor Vietnam C7654321' }, 201);
  const b = await must('POST', `/api/v1/cases/${c0.id}/evidence`, inv, { description: 'KTP palsu 1671-0001' }, 201);
  const { ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${c0.id}`);
  await page.locator('#case-number', { hasText: c0.number }).waitFor();
  await page.locator('#act-type').selectOption('evidence_deposited');
  await page.locator('#act-place').waitFor();
  const offered = await page.locator('#act-items option').allTextContents();
  assert.deepEqual(offered.sort(), ['KTP palsu 1671-0001 · 1', 'Paspor Vietnam C7654321 · 1']);
  await page.locator('#act-date').fill(daysAgo(1));
  await page.locator('#act-items').selectOption([String(a.id)]);
  await page.getByRole('button', { name: 'Catat tindakan' }).click();
  await page.locator('#act-error', { hasText: 'place' }).waitFor();
  let c = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  assert.equal(c.history.filter((e) => e.type === 'evidence_deposited').length, 0);
  await page.locator('#act-place').fill('Rupbasan Kelas I Palembang');
  await page.getByRole('button', { name: 'Catat tindakan' }).click();
  await page.locator('#history li', { hasText: 'dititipkan' }).first().waitFor();
  c = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  const d = c.history.find((e) => e.type === 'evidence_deposited');
  assert.deepEqual([d.payload.place, d.payload.evidence], ['Rupbasan Kelas I Palembang', [a.id]]);
  assert.ok(!d.payload.evidence.includes(b.id));
  assert.deepEqual(errors, []);
  await ctx.close();
});

// An item names the seizure that took it (KUHAP 75, 129(2): its BA Penyitaan lists what THAT act
// took): the evidence form offers the case's seizures that stand - not one withdrawn - as a
// select, the item is stored naming the one chosen and the list says which; an item recorded
// without it is linked by its correction on the page.
test('the evidence form offers the case\'s seizures and links the item to the one chosen', async () => {
  const c0 = await newCase('Uji barang bukti per penyitaan dari halaman');
  const suspect = await must('POST', `/api/v1/cases/${c0.id}/parties`, inv, { kind: 'suspect', name: 'Lê Văn Tám', nationality: 'VN', passport_no: 'C7654321' }, 201);
  const ev = (body) => must('POST', `/api/v1/cases/${c0.id}/events`, inv, body, 201);
  const hotel = await ev({ type: 'seizure_done', date: daysAgo(6), scene: 'Hotel Sriwijaya kamar 12', urgent_reason: 'paspor hendak dibawa pergi' });
  const gone = await ev({ type: 'seizure_done', date: daysAgo(5), scene: 'Gudang Pasar 16 Ilir', urgent_reason: 'dapat dihilangkan' });
  await ev({ type: 'corrected', date: daysAgo(5), corrects: gone.id, withdraws: true, note: 'dicatat keliru' });
  const office = await ev({ type: 'seizure_done', date: daysAgo(4), scene: 'Kantor PT Maju Jaya', urgent_reason: 'dokumen dapat dimusnahkan' });
  const ktp = await must('POST', `/api/v1/cases/${c0.id}/evidence`, inv, { description: 'KTP palsu 1671-0001', quantity: '1 (satu) lembar' }, 201);
  const { ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${c0.id}`);
  await page.locator('#case-number', { hasText: c0.number }).waitFor();

  await page.locator('#add-evidence > summary').click();
  const offered = await page.locator('#evidence-seizure-event option').allTextContents();
  assert.equal(offered.length, 3, offered.join(' | '));
  assert.ok(offered[0].startsWith('—'), offered[0]);
  assert.ok(offered.some((o) => o.includes('Hotel Sriwijaya kamar 12')), offered.join(' | '));
  assert.ok(offered.some((o) => o.includes('Kantor PT Maju Jaya')), offered.join(' | '));
  assert.ok(!offered.some((o) => o.includes('Gudang Pasar 16')), 'a withdrawn seizure offered');
  await page.locator('#evidence-description').fill('Paspor Vietnam C7654321');
  await page.locator('#evidence-seized-from').selectOption(String(suspect.id));
  await page.locator('#evidence-seizure-event').selectOption(String(hotel.id));
  await page.getByRole('button', { name: 'Tambah barang bukti' }).click();
  await page.locator('#evidence tr', { hasText: 'C7654321' }).waitFor();
  let c = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  const passport = c.evidence.find((x) => x.description === 'Paspor Vietnam C7654321');
  assert.equal(passport.seizure_event, hotel.id);
  assert.ok((await page.locator('#evidence tr', { hasText: 'C7654321' }).textContent()).includes('Hotel Sriwijaya kamar 12'));

  // the identity card recorded without its seizure: linked by its correction
  const fix = `#fix-evidence-${ktp.id}`;
  await page.locator(`${fix} > summary`).click();
  assert.equal(await page.locator(`${fix}-seizure-event`).inputValue(), '');
  await page.locator(`${fix}-seizure-event`).selectOption(String(office.id));
  await page.locator(fix).getByRole('button', { name: 'Simpan koreksi' }).click();
  await page.locator('#evidence tr', { hasText: 'Kantor PT Maju Jaya' }).waitFor();
  c = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  const card = c.evidence.find((x) => x.id === ktp.id);
  assert.deepEqual([card.seizure_event, card.version, card.description], [office.id, 2, 'KTP palsu 1671-0001']);
  await shot(page, 'workbench-evidence-seizure');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// A name set right (DOMAIN 12: the papers print the person as in his passport): corrected on the
// page, only what changed sent with the version shown; the Sprindik issued before, which names
// him, is flagged to be issued again. A country that is not a code is refused, nothing changed;
// a colleague's correction meanwhile is a 409 explained, what was typed kept, saved on the
// second try.
test('the investigator corrects a party; the paper naming him is flagged; refusals change nothing', async () => {
  const c0 = await newCase('Uji koreksi pihak dari halaman');
  const c1 = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  const sprindik = c1.history.find((e) => e.type === 'sprindik_issued');
  const suspect = await must('POST', `/api/v1/cases/${c0.id}/parties`, inv, { kind: 'suspect', name: 'Le Van Tam', nationality: 'VN', passport_no: 'C7654321' }, 201);
  await must('POST', `/api/v1/cases/${c0.id}/offences`, inv, { code: '122(a)', party_id: suspect.id }, 201);
  const paper = await must('POST', `/api/v1/cases/${c0.id}/forms/sprindik`, inv, { event: sprindik.id }, 201);
  // the Kejari reads the file once told of it (SPDP, KUHAP 109(1))
  await must('POST', `/api/v1/cases/${c0.id}/events`, inv, { type: 'spdp_sent', date: daysAgo(8), recipient: 'kejari' }, 201);
  const { ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${c0.id}`);
  await page.locator('#case-number', { hasText: c0.number }).waitFor();
  const fix = `#fix-party-${suspect.id}`;
  await page.locator(`${fix} > summary`).click();
  assert.equal(await page.locator(`${fix}-name`).inputValue(), 'Le Van Tam');
  await page.locator(`${fix}-name`).fill('Lê Văn Tám');
  await page.locator(`${fix}-nationality`).fill('Vietnam');
  await page.getByRole('button', { name: 'Simpan koreksi' }).click();
  await page.locator(`${fix}-error`, { hasText: 'nationality' }).waitFor();
  let p = (await partiesOf(c0.id))[0];
  assert.deepEqual([p.name, p.nationality, p.version], ['Le Van Tam', 'VN', 1]);
  assert.equal(await page.locator(`${fix}-name`).inputValue(), 'Lê Văn Tám');

  await page.locator(`${fix}-nationality`).fill('VN');
  await page.getByRole('button', { name: 'Simpan koreksi' }).click();
  await page.locator('#parties tr', { hasText: 'Lê Văn Tám' }).waitFor();
  p = (await partiesOf(c0.id))[0];
  assert.deepEqual([p.name, p.nationality, p.passport_no, p.version], ['Lê Văn Tám', 'VN', 'C7654321', 2]);
  // the Sprindik issued before prints the old name: flagged, to be issued again
  await page.locator(`#documents li[data-document="${paper.id}"] .stale`, { hasText: 'Diterbitkan sebelum data pihak' }).waitFor();
  await shot(page, 'workbench-party-corrected');

  // a colleague corrects him meanwhile: the page's version is stale
  await page.locator(`${fix} > summary`).click();
  await page.locator(`${fix}-occupation`).fill('Pedagang');
  const other = await login(NIP.invPlg);
  await must('PUT', `/api/v1/cases/${c0.id}/parties/${suspect.id}`, other, { occupation: 'Buruh' }, 200, { 'If-Match': '"2"' });
  inv = other;
  await page.getByRole('button', { name: 'Simpan koreksi' }).click();
  await page.locator(`${fix}-error`, { hasText: 'telah diubah orang lain' }).waitFor();
  p = (await partiesOf(c0.id))[0];
  assert.deepEqual([p.occupation, p.version], ['Buruh', 3]);
  assert.equal(await page.locator(`${fix}-occupation`).inputValue(), 'Pedagang');
  await page.getByRole('button', { name: 'Simpan koreksi' }).click();
  // saved, the page is drawn again: the correction folded up
  await page.waitForFunction((sel) => document.querySelector(sel) && !document.querySelector(sel).open, fix);
  p = (await partiesOf(c0.id))[0];
  assert.deepEqual([p.name, p.occupation, p.version], ['Lê Văn Tám', 'Pedagang', 4]);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('an act withdrawn by a correction of its correction is offered no paper', async () => {
  // the log says the act never stood once its latest correction withdraws it, whichever act that
  // correction names (the act or an earlier correction of it): the page offers no paper of it,
  // as the server would refuse one (found by the reviewer: the page followed one link only)
  const c0 = await newCase('Uji tarik lewat koreksi atas koreksi');
  const suspect = await must('POST', `/api/v1/cases/${c0.id}/parties`, inv, { kind: 'suspect', name: 'Lê Văn Chín', nationality: 'VN', address_id: 'Jalan Merdeka Nomor 9, Palembang' }, 201);
  const kept = await must('POST', `/api/v1/cases/${c0.id}/events`, inv, { type: 'summons_served', date: daysAgo(5), party_id: suspect.id, appearance: daysAgo(1) }, 201);
  const gone = await must('POST', `/api/v1/cases/${c0.id}/events`, inv, { type: 'summons_served', date: daysAgo(4), party_id: suspect.id, appearance: daysAgo(0) }, 201);
  const fix = await must('POST', `/api/v1/cases/${c0.id}/events`, inv, { type: 'corrected', corrects: gone.id, date: daysAgo(3), party_id: suspect.id, appearance: daysAgo(0), note: 'tanggal keliru' }, 201);
  await must('POST', `/api/v1/cases/${c0.id}/events`, inv, { type: 'corrected', corrects: fix.id, date: daysAgo(3), withdraws: true, note: 'panggilan tidak pernah disampaikan' }, 201);
  const refused = await call('POST', `/api/v1/cases/${c0.id}/forms/surat_panggilan`, inv, { event: gone.id, params: { party: `pihak-${suspect.id}` } });
  assert.ok(refused.status >= 400, `the server issues no paper of it: ${refused.status} ${refused.text}`);

  const { ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${c0.id}`);
  await page.locator('#case-number', { hasText: c0.number }).waitFor();
  await page.locator(`#issue-${kept.id}-surat_panggilan`).waitFor();
  assert.equal(await page.locator(`#issue-${gone.id}-surat_panggilan`).count(), 0, 'the withdrawn summons is offered no paper');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('an SPDP\'s copy to Korwas is offered no SPDP paper; the one to the Kejari is', async () => {
  // the SPDP is one letter to the Penuntut Umum (KUHAP 109(1)); a copy carries the same number:
  // the server refuses its paper for a copy (409), so the page does not offer it
  const c0 = await newCase('Uji SPDP dan tembusannya');
  const toPu = await must('POST', `/api/v1/cases/${c0.id}/events`, inv, { type: 'spdp_sent', date: daysAgo(7), recipient: 'kejari' }, 201);
  const copy = await must('POST', `/api/v1/cases/${c0.id}/events`, inv, { type: 'spdp_sent', date: daysAgo(6), recipient: 'korwas' }, 201);
  const refused = await call('POST', `/api/v1/cases/${c0.id}/forms/spdp`, inv, { event: copy.id });
  assert.equal(refused.status, 409, refused.text);
  const { ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${c0.id}`);
  await page.locator('#case-number', { hasText: c0.number }).waitFor();
  await page.locator(`#issue-${toPu.id}-spdp`).waitFor();
  assert.equal(await page.locator(`#issue-${copy.id}-spdp`).count(), 0, 'the copy is offered no SPDP paper');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// A charge laid in error is withdrawn from the page (DELETE /cases/{id}/offences/{charge}), asked
// twice; the Sprindik issued while it stood names it, and the page then lists that paper to be
// issued again (DOMAIN 12). A charge a colleague withdrew meanwhile: the server's refusal shown
// beside the list, nothing else changed. A supervisor's and a prosecutor's pages offer no
// withdrawal, and the server refuses theirs (403).
test('the investigator withdraws a charge laid in error; the Sprindik naming it is listed', async () => {
  const c0 = await newCase('Uji penarikan pasal dari halaman');
  const suspect = await must('POST', `/api/v1/cases/${c0.id}/parties`, inv, { kind: 'suspect', name: 'Nguyễn Văn Bình', nationality: 'VN', passport_no: 'C2345678' }, 201);
  const wrong = await must('POST', `/api/v1/cases/${c0.id}/offences`, inv, { code: '122', party_id: suspect.id }, 201);
  const right = await must('POST', `/api/v1/cases/${c0.id}/offences`, inv, { code: '119(1)', party_id: suspect.id }, 201);
  const also = await must('POST', `/api/v1/cases/${c0.id}/offences`, inv, { code: '116' }, 201);
  const c1 = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  const sprindik = c1.history.find((e) => e.type === 'sprindik_issued');
  const paper = await must('POST', `/api/v1/cases/${c0.id}/forms/sprindik`, inv, { event: sprindik.id }, 201);
  // the Kejari reads the file once told of it (SPDP, KUHAP 109(1))
  await must('POST', `/api/v1/cases/${c0.id}/events`, inv, { type: 'spdp_sent', date: daysAgo(8), recipient: 'kejari' }, 201);

  const tokens = { [NIP.supPlg]: await login(NIP.supPlg), [NIP.prosPlg]: await login(NIP.prosPlg) };
  for (const nip of [NIP.supPlg, NIP.prosPlg]) {
    const { ctx, page, errors } = await open(nip, `#/perkara/${c0.id}`);
    await page.locator('#offences tr', { hasText: 'Pasal 122' }).first().waitFor();
    assert.equal(await page.locator('[id^="withdraw-offence-"]').count(), 0, nip);
    const r = await call('DELETE', `/api/v1/cases/${c0.id}/offences/${wrong.id}`, tokens[nip]);
    assert.equal(r.status, 403, r.text);
    assert.deepEqual(errors, []);
    await ctx.close();
  }

  const { ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${c0.id}`);
  await page.locator(`#withdraw-offence-${wrong.id}`).waitFor();
  // asked first; "Batal" takes nothing back
  await page.locator(`#withdraw-offence-${wrong.id}`).click();
  await page.locator(`[data-offence="${wrong.id}"]`).getByRole('button', { name: 'Batal' }).click();
  let c = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  assert.equal(c.offences.length, 3);
  assert.equal(c.stale_papers.length, 0);
  // a colleague withdrew Pasal 116 meanwhile: the page's click is refused, shown, nothing else goes
  await must('DELETE', `/api/v1/cases/${c0.id}/offences/${also.id}`, inv, undefined, 204);
  await page.locator(`#withdraw-offence-${also.id}`).click();
  await page.locator(`#withdraw-offence-${also.id}-yes`).click();
  await page.locator('#offence-withdraw-error', { hasText: 'Tidak ditemukan' }).waitFor();
  c = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  assert.deepEqual(c.offences.map((o) => o.code).sort(), ['119(1)', '122']);

  await page.locator(`#withdraw-offence-${wrong.id}`).click();
  await page.getByRole('button', { name: 'Ya, tarik Pasal 122' }).click();
  // the Sprindik printed both Pasal withdrawn since
  await page.locator(`.stale[data-document="${paper.id}"]`, { hasText: 'Menyebut Pasal 116 dan 122' }).waitFor();
  assert.equal(await page.locator(`[data-offence="${wrong.id}"]`).count(), 0);
  assert.equal(await page.locator(`[data-offence="${right.id}"]`).count(), 1);
  c = await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200);
  assert.deepEqual(c.offences.map((o) => o.code), ['119(1)']);
  assert.deepEqual(
    c.stale_papers.map((s) => [s.document_id, s.charges_withdrawn.map((x) => x.code)]),
    [[paper.id, ['116', '122']]],
  );
  await shot(page, 'workbench-charge-withdrawn');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// The cover letter sending the SPDP's copy to Korwas PPNS (Permenkumham 39/2021 Pasal 27(2)) is
// that copy's: offered beside the act sending it to Korwas, not beside the Kejari's SPDP once a
// copy to Korwas is recorded, nor beside the embassy's copy (the server refuses it there, 409).
test('the Korwas cover letter is offered beside the copy to Korwas only', async () => {
  const c0 = await newCase('Uji surat pengantar SPDP kepada Korwas');
  const toPu = await must('POST', `/api/v1/cases/${c0.id}/events`, inv, { type: 'spdp_sent', date: daysAgo(7), recipient: 'kejari' }, 201);
  const embassy = await must('POST', `/api/v1/cases/${c0.id}/events`, inv, { type: 'spdp_sent', date: daysAgo(7), recipient: 'embassy' }, 201);
  // no copy to Korwas yet: the letter goes with the SPDP to the PU
  let { ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${c0.id}`);
  await page.locator(`#issue-${toPu.id}-pengantar_spdp_korwas`).waitFor();
  assert.equal(await page.locator(`#issue-${embassy.id}-pengantar_spdp_korwas`).count(), 0, 'the embassy copy is offered the Korwas letter');
  assert.deepEqual(errors, []);
  await ctx.close();
  const refused = await call('POST', `/api/v1/cases/${c0.id}/forms/pengantar_spdp_korwas`, inv, { event: embassy.id });
  assert.equal(refused.status, 409, refused.text);
  const korwas = await must('POST', `/api/v1/cases/${c0.id}/events`, inv, { type: 'spdp_sent', date: daysAgo(6), recipient: 'korwas' }, 201);
  ({ ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${c0.id}`));
  await page.locator(`#issue-${korwas.id}-pengantar_spdp_korwas`).waitFor();
  assert.equal(await page.locator(`#issue-${toPu.id}-pengantar_spdp_korwas`).count(), 0, 'offered beside the Kejari SPDP though a copy to Korwas is recorded');
  assert.equal(await page.locator(`#issue-${embassy.id}-pengantar_spdp_korwas`).count(), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

// A thing's description set right after the BA Penyitaan that lists it was issued (DOMAIN 12):
// the BA is listed beside it on the page, in the words of what happened - the thing corrected -,
// not as a number given anew (reviewer's finding: the banner had no words for it).
test('a seizure paper listing a thing corrected since says so on the page', async () => {
  const c0 = await newCase('Uji barang bukti dikoreksi sesudah BA Penyitaan');
  const suspect = await must('POST', `/api/v1/cases/${c0.id}/parties`, inv, { kind: 'suspect', name: 'Lê Văn Tám', nationality: 'VN', passport_no: 'C7654321' }, 201);
  await must('POST', `/api/v1/cases/${c0.id}/offences`, inv, { code: '122(a)', party_id: suspect.id }, 201);
  const sprindik = (await must('GET', `/api/v1/cases/${c0.id}`, inv, undefined, 200)).history.find((e) => e.type === 'sprindik_issued');
  await must('POST', `/api/v1/cases/${c0.id}/forms/sprindik`, inv, { event: sprindik.id }, 201);
  const ev = (body) => must('POST', `/api/v1/cases/${c0.id}/events`, inv, body, 201);
  const hotel = await ev({ type: 'seizure_done', date: daysAgo(6), scene: 'Hotel Sriwijaya kamar 12', urgent_reason: 'paspor hendak dibawa pergi' });
  const item = await must('POST', `/api/v1/cases/${c0.id}/evidence`, inv, { description: 'Paspor Vietnam C7654321', quantity: '1 (satu) buku', seized_from: suspect.id, seized_on: daysAgo(6), seizure_event: hotel.id }, 201);
  await must('POST', `/api/v1/cases/${c0.id}/forms/sp_penyitaan`, inv, { event: hotel.id }, 201);
  const ba = await must('POST', `/api/v1/cases/${c0.id}/forms/ba_penyitaan`, inv, { event: hotel.id }, 201);
  await must('PUT', `/api/v1/cases/${c0.id}/evidence/${item.id}`, inv, { description: 'Paspor Republik Sosialis Vietnam C7654321' }, 200, { 'If-Match': '"1"' });
  const { ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${c0.id}`);
  const banner = page.locator(`.stale[data-document="${ba.id}"] .banner`);
  await banner.waitFor();
  const text = await banner.innerText();
  assert.match(text, /Diterbitkan sebelum barang bukti .*dikoreksi/);
  assert.doesNotMatch(text, /nomor tindakannya/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

// While the Penuntut Umum holds the file (Tahap I) its charges and things seized are not changed
// under him (KUHAP 110, 138(1); the server answers 409): the page offers neither, a party may
// still be set right.
test('a file with the prosecutor offers no change to its charges or things seized', async () => {
  const list = await must('GET', '/api/v1/cases?limit=100', inv, undefined, 200);
  const held = (list.items || []).find((x) => x.stage === 'with_prosecutor');
  assert.ok(held, 'a demo file with the prosecutor');
  const { ctx, page, errors } = await open(NIP.invPlg, `#/perkara/${held.id}`);
  await page.locator('#sec-offences').waitFor();
  await page.locator('#add-party').waitFor();
  assert.equal(await page.locator('#add-offence').count(), 0);
  assert.equal(await page.locator('[id^="withdraw-offence-"]').count(), 0);
  assert.equal(await page.locator('#add-evidence').count(), 0);
  assert.equal(await page.locator('[id^="fix-evidence-"]').count(), 0);
  const r = await call('POST', `/api/v1/cases/${held.id}/offences`, inv, { code: '116' });
  assert.equal(r.status, 409, r.text);
  assert.deepEqual(errors, []);
  await ctx.close();
});
