// pu.test.mjs - the prosecutor's letters beyond P-16, P-19 and P-21, recorded in the page
// (DOMAIN 4.12, 6): what the server allows the prosecutor now is what the case page offers,
// each with the letter's date and number.
//   - P-17 (DOMAIN 4.4, D14): an SPDP received by the Kejari Muara Enim with no file since; the
//     prosecutor asks for the progress of the investigation, and the P-17 clock stops.
//   - P-22 (DOMAIN 4.13, D12): a file complete (P-21) whose suspect and evidence are not yet
//     handed over; the prosecutor asks for them, dated the letter's day; P-21A and P-23 are
//     offered beside it, P-19 is not (the file is complete).
//   The P-17 is recorded from a browser whose clock is set to a zone on another calendar day
//   than Jakarta's: the act is still dated by the office's calendar (DOMAIN 2.4, 5.1).
//   - an SP3'd file (KUHAP 109(2)): nothing waits for the prosecutor, no button to press.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, NIP, browser, shot, must, login, pageLogin, daysAgo, officeId } from './lib.mjs';

let b;

before(async () => {
  b = await browser();
});

after(async () => {
  await b?.close();
});

async function caseOf(token, number) {
  const list = await must('GET', `/api/v1/inbox?limit=100`, token, undefined, 200);
  const row = list.items.find((x) => x.number === number);
  assert.ok(row, `${number} in the inbox`);
  return row.case_id;
}

async function open(nip, id, timezoneId) {
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 }, timezoneId });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await pageLogin(page, nip);
  await page.getByRole('heading', { name: 'Kotak masuk' }).waitFor();
  await page.goto(`${BASE}/#/perkara/${id}`);
  await page.locator('#sec-pu').waitFor();
  return { ctx, page, errors };
}

test('the prosecutor asks for the progress of an investigation whose file has not come (P-17)', async () => {
  const pu = await login(NIP.prosMre);
  const id = await caseOf(pu, 'LK/KANIM-MRE/2026/0001');
  const c0 = await must('GET', `/api/v1/cases/${id}`, pu, undefined, 200);
  assert.equal(c0.stage, 'investigation');
  assert.equal(c0.clocks.find((k) => k.code === 'p17').running, true);

  // a zone whose calendar day is not Jakarta's at this hour: 17 hours behind it before 17.00
  // WIB, 7 hours ahead after
  const wibHour = new Date(Date.now() + 7 * 3600e3).getUTCHours();
  const elsewhere = wibHour < 17 ? 'Pacific/Honolulu' : 'Pacific/Kiritimati';
  const { ctx, page, errors } = await open(NIP.prosMre, id, elsewhere);
  assert.notEqual(await page.evaluate(() => new Date().getDate()), Number(daysAgo(0).slice(8)));
  await page.locator('#pu-deadline', { hasText: 'P-17' }).waitFor();
  const ask = page.locator('#act-p17');
  await ask.waitFor();
  assert.match(await ask.innerText(), /P-17/);
  // no file has come: nothing to return nor to accept
  assert.equal(await page.locator('#p19-form').count(), 0);
  assert.equal(await page.locator('#act-accept').count(), 0);
  // the letter's date as the page offers it: the office's today (Muara Enim, WIB)
  assert.equal(await page.getByLabel('Tanggal surat / tanggal terima').inputValue(), daysAgo(0));
  await page.getByLabel('Nomor surat (jika ada)').fill('B-17/L.6.14/Eku.1/12/2026');
  await ask.click();
  await page.locator('#history li', { hasText: 'P-17' }).waitFor();
  await shot(page, 'case-p17');

  const c = await must('GET', `/api/v1/cases/${id}`, pu, undefined, 200);
  const p17 = c.history.filter((e) => e.type === 'p17_received');
  assert.equal(p17.length, 1);
  assert.equal(p17[0].number, 'B-17/L.6.14/Eku.1/12/2026');
  assert.equal(p17[0].legal_date, daysAgo(0));
  // a letter numbered outside berkas: berkas issues no P-17 under another number (its scan is
  // uploaded)
  assert.deepEqual(p17[0].documents, []);
  assert.equal(c.clocks.find((k) => k.code === 'p17').running, false);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the prosecutor asks for the suspect and the evidence of a complete file (P-22), dated by its letter', async () => {
  const pu = await login(NIP.prosPlg);
  const id = await caseOf(pu, 'LK/KANIM-PLG/2026/0003');
  const c0 = await must('GET', `/api/v1/cases/${id}`, pu, undefined, 200);
  assert.equal(c0.stage, 'complete');

  const { ctx, page, errors } = await open(NIP.prosPlg, id);
  await page.locator('#act-p22').waitFor();
  assert.equal(await page.locator('#act-p21a').count(), 1);
  assert.equal(await page.locator('#act-p23').count(), 1);
  assert.equal(await page.locator('#p19-form').count(), 0);
  assert.equal(await page.locator('#act-accept').count(), 0);
  await page.getByLabel('Tanggal surat / tanggal terima').fill(daysAgo(2));
  await page.locator('#act-p22').click();
  await page.locator('#history li', { hasText: 'P-22' }).waitFor();

  const c = await must('GET', `/api/v1/cases/${id}`, pu, undefined, 200);
  const p22 = c.history.filter((e) => e.type === 'p22_received');
  assert.equal(p22.length, 1);
  assert.equal(p22[0].legal_date, daysAgo(2));
  // recorded with its paper, dated the act's day, listed in the documents
  assert.deepEqual(p22[0].documents.map((d) => d.form), ['p22']);
  const docs = await must('GET', `/api/v1/cases/${id}/documents`, pu, undefined, 200);
  assert.equal(docs.items.find((d) => d.id === p22[0].documents[0].id).issued_on, daysAgo(2));
  await page.locator('#documents li', { hasText: 'Penyerahan Tersangka dan Barang Bukti' }).waitFor();
  // Tahap II is still the investigator's to do (KUHAP 8(3)(b)): the stage does not move
  assert.equal(c.stage, 'complete');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a file stopped by SP3 offers the prosecutor nothing to record', async () => {
  const pu = await login(NIP.prosPtk);
  const id = await caseOf(pu, 'LK/KANIM-PTK/2026/0002');
  const c0 = await must('GET', `/api/v1/cases/${id}`, pu, undefined, 200);
  assert.equal(c0.stage, 'terminated');

  const { ctx, page, errors } = await open(NIP.prosPtk, id);
  await page.locator('#sec-pu', { hasText: 'Tidak ada tindakan penuntut umum yang menunggu.' }).waitFor();
  assert.equal(await page.locator('#sec-pu button').count(), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

// The investigator's answer to each P-19 item comes with the paper that fulfils it (KUHAP
// 110(3), 138(2)): the prosecutor sees, under the answer, the act it names and its document, and
// opens it - what he needs to judge whether an item is still unmet (SE JAM Pidum
// B-3326/E/EJP/11/2011). The demo's Pontianak file: "Lengkapi BAP saksi pelapor" answered with
// the witness examined again on 11 November, BAP.SKS/1/XI/2026/KANIM-PTK.
test('the prosecutor sees the paper that answers each P-19 item and opens it', async () => {
  const pu = await login(NIP.prosPtk);
  const id = await caseOf(pu, 'LK/KANIM-PTK/2026/0001');
  const c = await must('GET', `/api/v1/cases/${id}`, pu, undefined, 200);
  const item = c.p19_rounds[0].items.find((x) => x.text === 'Lengkapi BAP saksi pelapor');
  const answer = c.history.filter((e) => e.type === 'instruction_answered' && e.payload.instruction === item.id).pop();
  const act = c.history.find((e) => e.id === answer.payload.answer_act);
  assert.equal(act.type, 'bap_recorded');
  const paper = act.documents[0];

  const { ctx, page, errors } = await open(NIP.prosPtk, id);
  const li = page.locator('.round[data-round="1"] li', { hasText: 'Lengkapi BAP saksi pelapor' });
  await li.locator('.answer-papers').waitFor();
  assert.match(await li.locator('.answer-papers').innerText(), /dipenuhi dengan Berita Acara Pemeriksaan/);
  const link = li.getByRole('link', { name: paper.number });
  const href = await link.getAttribute('href');
  assert.equal(href, `/api/v1/documents/${paper.id}.pdf`);
  const r = await ctx.request.get(BASE + href);
  assert.equal(r.status(), 200);
  assert.equal((await r.body()).subarray(0, 5).toString(), '%PDF-');
  await shot(page, 'case-answer-papers');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// The case's history tells its letters apart: the prosecutor looking for when his Kejari signed
// for the SPDP (DOMAIN 5.1: the receipt date drives his clocks) finds, among the five "tanda
// terima" of one day in the demo's Muara Enim file (18 November on 7 December: the demo's days
// are counted back from today), the one to the Kejaksaan and who signed.
test('the history says to whom each letter went and who signed for it', async () => {
  const pu = await login(NIP.prosMre);
  const id = await caseOf(pu, 'LK/KANIM-MRE/2026/0001');
  const c = await must('GET', `/api/v1/cases/${id}`, pu, undefined, 200);
  const receipt = c.history.find((e) => e.type === 'letter_delivered' && e.payload && e.payload.recipient === 'spdp_kejari');
  const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
  const day = receipt.legal_date || receipt.legal_at.slice(0, 10);
  const shown = `${Number(day.slice(8, 10))} ${MON[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
  const { ctx, page, errors } = await open(NIP.prosMre, id);
  const li = page.locator('#history li', { hasText: 'SPDP kepada Kejaksaan' });
  await li.waitFor();
  assert.ok((await li.innerText()).startsWith(shown), `${shown}: ${await li.innerText()}`);
  assert.match(await li.innerText(), /diterima oleh Petugas PTSP Kejaksaan Negeri/);
  assert.equal(await page.locator('#history li', { hasText: 'SPDP kepada Korwas PPNS' }).count(), 1);
  assert.deepEqual(errors, []);
  await ctx.close();
});

// The SPDP's arrival at the Kejari is its receipt, whoever records it (DOMAIN 5.1): the
// investigator holding the Kejari's tanda terima (letter_delivered spdp_kejari) has recorded it,
// so the prosecutor's page no longer offers "Catat SPDP diterima" (found by helper webpros); an
// SPDP without either still offers it.
test('an SPDP whose tanda terima is recorded is not offered to the prosecutor to receive again', async () => {
  const inv = await login(NIP.invPlg);
  const kejari = await officeId(inv, 'KEJARI-PLG');
  const mk = async (summary, receipt) => {
    const c = await must('POST', '/api/v1/cases', inv, { source: 'supervision', opened_on: daysAgo(6), summary, kejari_id: kejari }, 201);
    const ev = (body) => must('POST', `/api/v1/cases/${c.id}/events`, inv, body, 201);
    await ev({ type: 'sprindik_issued', date: daysAgo(6) });
    await ev({ type: 'spdp_sent', date: daysAgo(5), recipient: 'kejari' });
    if (receipt) await ev({ type: 'letter_delivered', date: daysAgo(4), recipient: 'spdp_kejari', received_by: 'Petugas PTSP Kejaksaan Negeri Palembang' });
    return c.id;
  };
  const received = await mk('Uji SPDP sudah diterima Kejari (tanda terima)', true);
  const waiting = await mk('Uji SPDP belum diterima', false);
  let { ctx, page, errors } = await open(NIP.prosPlg, received);
  await page.locator('#act-p17').waitFor();
  assert.equal(await page.locator('#act-receive-spdp').count(), 0, 'offered to receive an SPDP already received');
  assert.deepEqual(errors, []);
  await ctx.close();
  ({ ctx, page, errors } = await open(NIP.prosPlg, waiting));
  await page.locator('#act-receive-spdp').waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();
});
