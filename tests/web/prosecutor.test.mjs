// prosecutor.test.mjs - issue 11: the prosecutor's task end to end in a
// real browser.  The demo's Palembang file with the prosecutor (Tahap I
// received, no answer yet) arrives unread in the Kejari Palembang inbox; the
// prosecutor returns it with two instructions (P-19, KUHAP 138(2)); the
// investigator answers both, each with the paper that fulfils it, and
// re-sends (through the API, as the CLI does); the prosecutor then declares it complete (P-21) and downloads the
// dossier and a document, which open as PDF.
// Each of the prosecutor's acts is recorded with its paper (DOMAIN 6: the P-19 IS the letter
// with the petunjuk, KUHAP 138(2)): the P-19 and the P-21 issued with their acts, listed and
// read back (pdftotext); a P-18 recorded earlier without its paper (as the CLI may) is issued
// from the button beside it in the history, offered to the prosecutor and not the investigator
// (403). Under each answered item the prosecutor sees the papers uploaded with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BASE, NIP, browser, shot, call, must, login, pageLogin, daysAgo } from './lib.mjs';

const pdfText = (bytes) => execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString('utf8').replace(/\s+/g, ' ');
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
// "5 Desember 2026", as the Kejaksaan's letters date themselves
const longDate = (iso) => `${Number(iso.slice(8))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

// the text of the paper listed under `title` in the page's documents
async function listedPaper(page, ctx, title) {
  const li = page.locator('#documents li', { hasText: title });
  await li.waitFor();
  const r = await ctx.request.get(BASE + (await li.locator('a').first().getAttribute('href')));
  assert.equal(r.status(), 200);
  return pdfText(await r.body());
}

let b;
let inv;
let caseId;
const NUMBER = 'LK/KANIM-PLG/2026/0002';

before(async () => {
  b = await browser();
  inv = await login(NIP.invPlg);
  const list = await must('GET', `/api/v1/cases?q=${encodeURIComponent(NUMBER)}`, inv, undefined, 200);
  caseId = list.items.find((c) => c.number === NUMBER).id;
});

after(async () => {
  await b?.close();
});

test('the prosecutor returns a file with two instructions, then accepts it and downloads the dossier', async () => {
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await pageLogin(page, NIP.prosPlg);
  await page.getByRole('heading', { name: 'Kotak masuk' }).waitFor();
  const row = page.locator('#inbox tbody tr', { hasText: NUMBER });
  await row.waitFor();
  await row.locator('.badge.new', { hasText: 'Baru' }).waitFor();
  assert.match(await row.innerText(), /Berkas perkara masuk \(Tahap I\)/);
  await shot(page, 'inbox');

  await row.getByRole('link', { name: NUMBER }).click();
  await page.locator('#sec-pu').waitFor();
  // opened: read
  await page.goto(`${BASE}/#/kotak-masuk?unread=true`);
  await page.getByRole('heading', { name: 'Kotak masuk' }).waitFor();
  assert.equal(await page.locator('#inbox tbody tr', { hasText: NUMBER }).count(), 0);
  await page.goto(`${BASE}/#/perkara/${caseId}`);

  // a P-18 recorded without its paper (the API, as the CLI may): the history offers its paper
  // to the prosecutor; the investigator is offered none of his, and the server refuses him
  const p18 = await must('POST', `/api/v1/cases/${caseId}/events`, await login(NIP.prosPlg), { type: 'p18_received' }, 201);
  assert.equal((await call('POST', `/api/v1/cases/${caseId}/forms/p18`, inv, { event: p18.id })).status, 403);
  const invCtx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const invPage = await invCtx.newPage();
  await pageLogin(invPage, NIP.invPlg);
  await invPage.getByRole('heading', { name: 'Perkara', exact: true }).waitFor();
  await invPage.goto(`${BASE}/#/perkara/${caseId}`);
  await invPage.locator('#history li', { hasText: 'P-18' }).first().waitFor();
  assert.equal(await invPage.locator('#history form[data-form="p18"]').count(), 0);
  assert.equal(await invPage.getByRole('button', { name: /^Terbitkan P-/ }).count(), 0);
  await invCtx.close();
  await page.reload();
  const row18 = page.locator(`#history form[data-event="${p18.id}"]`);
  await row18.getByRole('button', { name: 'Terbitkan P-18' }).click();
  assert.match(await listedPaper(page, ctx, 'Hasil Penyidikan Belum Lengkap'), /KEJAKSAAN NEGERI PALEMBANG/);
  assert.equal(await row18.count(), 0);

  // the P-19 dated yesterday, issued with its act
  await page.getByLabel('Tanggal surat / tanggal terima').fill(daysAgo(1));
  const first = 'Lengkapi BAP saksi pelapor dengan keterangan waktu kejadian';
  const second = 'Lampirkan salinan paspor tersangka yang dilegalisasi';
  await page.getByRole('textbox', { name: 'Petunjuk 1', exact: true }).fill(first);
  await page.getByRole('button', { name: 'Tambah petunjuk' }).click();
  await page.getByRole('textbox', { name: 'Petunjuk 2', exact: true }).fill(second);
  await page.getByRole('button', { name: 'Kembalikan berkas (P-19)' }).click();
  await page.locator('#stage', { hasText: 'Dikembalikan (P-19)' }).waitFor();
  const round = page.locator('.round[data-round="1"]');
  await round.getByText(first).waitFor();
  await round.getByText(second).waitFor();
  assert.equal(await round.getByText('Belum dijawab').count(), 2);
  // the letter with the petunjuk, dated the act's day, in the documents and on its act
  const p19text = await listedPaper(page, ctx, 'Pengembalian Berkas Perkara untuk Dilengkapi');
  assert.match(p19text, /P-19/);
  assert.ok(p19text.includes(`1. ${first}`), p19text);
  assert.ok(p19text.includes(`2. ${second}`), p19text);
  assert.ok(p19text.includes(`Palembang, ${longDate(daysAgo(1))}`), p19text);
  assert.match(p19text, /a\.n\. Kepala Kejaksaan Negeri Palembang/);
  await shot(page, 'case-prosecutor');

  // the investigator answers each instruction and re-sends the file
  const c = await must('GET', `/api/v1/cases/${caseId}`, inv, undefined, 200);
  const items = c.p19_rounds[c.p19_rounds.length - 1].items;
  assert.deepEqual(items.map((i) => i.text), [first, second]);
  // each answer with the paper that fulfils it (KUHAP 110(3), 138(2)): the
  // witness examined again after the P-19, his signed BAP uploaded (the BAP
  // the prosecutor already had answers nothing: 422); the legalised passport
  // copy, uploaded on its answer
  const saksi = c.history.find((e) => e.type === 'bap_recorded' && e.payload && e.payload.bap === 'saksi');
  assert.ok(saksi && saksi.documents.length, 'the demo file holds its witness BAP');
  const stale = await call('POST', `/api/v1/cases/${caseId}/events`, inv, { type: 'instruction_answered', instruction_id: items[0].id, answer: `Telah dipenuhi: ${items[0].text}`, answer_act: saksi.id });
  assert.equal(stale.status, 422);
  assert.equal(stale.json.field, 'answer_act');
  const pdf = await fetch(`${BASE}/api/v1/cases/${caseId}/forms/laporan_kejadian.pdf`, { headers: { Authorization: `Bearer ${inv}` } });
  assert.equal(pdf.status, 200);
  const paper = Buffer.from(await pdf.arrayBuffer());
  const upload = (event, title) =>
    fetch(`${BASE}/api/v1/cases/${caseId}/uploads?event=${event}&title=${encodeURIComponent(title)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${inv}`, 'Content-Type': 'application/pdf' },
      body: paper,
    });
  const again = await must('POST', `/api/v1/cases/${caseId}/events`, inv, { type: 'bap_recorded', bap: 'saksi', party_id: saksi.party_id }, 201);
  assert.equal((await upload(again.id, 'BAP saksi tambahan')).status, 201);
  // the investigator's page offers that act as the answer: its paper is in the file, uploaded
  const invCtx2 = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const invPage2 = await invCtx2.newPage();
  await pageLogin(invPage2, NIP.invPlg);
  await invPage2.getByRole('heading', { name: 'Perkara', exact: true }).waitFor();
  await invPage2.goto(`${BASE}/#/perkara/${caseId}`);
  const offered = invPage2.locator(`#answer-${items[0].id}-act option`);
  await offered.first().waitFor({ state: 'attached' });
  assert.ok((await offered.evaluateAll((os) => os.map((o) => o.value))).includes(String(again.id)));
  await invCtx2.close();
  await must('POST', `/api/v1/cases/${caseId}/events`, inv, { type: 'instruction_answered', instruction_id: items[0].id, answer: `Telah dipenuhi: ${items[0].text}`, answer_act: again.id }, 201);
  const answer2 = await must('POST', `/api/v1/cases/${caseId}/events`, inv, { type: 'instruction_answered', instruction_id: items[1].id, answer: `Telah dipenuhi: ${items[1].text}` }, 201);
  // not re-sent while the second answer has no paper: 422 naming it, nothing written
  const refused = await call('POST', `/api/v1/cases/${caseId}/events`, inv, { type: 'resubmitted' });
  assert.equal(refused.status, 422);
  assert.match(refused.headers.get('content-type'), /application\/problem\+json/);
  assert.equal(refused.json.missing.length, 1);
  assert.match(refused.json.missing[0], /petunjuk P-19 babak 1 no\. 2/);
  assert.equal((await upload(answer2.id, 'Salinan paspor dilegalisasi')).status, 201);
  // re-sent through the API without its covering letter (pengiriman_kembali)
  const resent = await must('POST', `/api/v1/cases/${caseId}/events`, inv, { type: 'resubmitted' }, 201);

  await page.reload();
  await page.locator('#sec-pu').waitFor();
  // each answer's papers: the BAP's scan uploaded on the act that answers item 1, the passport
  // copy uploaded on the answer to item 2 - a link each, opening the PDF; neither "tanpa dokumen"
  const papers1 = round.locator('li', { hasText: first }).locator('.answer-papers');
  const papers2 = round.locator('li', { hasText: second }).locator('.answer-papers');
  assert.match(await papers1.innerText(), /dokumen diunggah: BAP saksi tambahan/);
  assert.match(await papers2.innerText(), /dokumen diunggah: Salinan paspor dilegalisasi/);
  assert.doesNotMatch(await papers1.innerText(), /tanpa dokumen/);
  assert.doesNotMatch(await papers2.innerText(), /tanpa dokumen/);
  const scan = await papers2.getByRole('link', { name: 'Salinan paspor dilegalisasi' }).getAttribute('href');
  assert.match(scan, /^\/api\/v1\/uploads\/\d+\.pdf$/);
  const r0 = await ctx.request.get(BASE + scan);
  assert.equal(r0.status(), 200);
  assert.equal((await r0.body()).subarray(0, 5).toString(), '%PDF-');
  // and both among the documents, as papers uploaded from outside berkas
  await page.locator('#uploads li', { hasText: 'Salinan paspor dilegalisasi' }).waitFor();
  await page.locator('#uploads li', { hasText: 'BAP saksi tambahan' }).waitFor();
  await shot(page, 'case-answer-uploads');
  const receive = page.locator('#act-receive');
  if (await receive.count()) {
    await receive.click();
    await page.locator('#act-accept').waitFor();
  }
  // the P-21 cites the letter that sent the file back: while it has none, the paper is refused
  // (422 naming it) and so is its act - nothing recorded, the date typed kept, and said so
  await page.getByLabel('Tanggal surat / tanggal terima').fill(daysAgo(0));
  await page.locator('#act-accept').click();
  const refusal = page.locator('#pu-error');
  await refusal.filter({ hasText: 'nomor surat pengiriman berkas perkara' }).waitFor();
  assert.match(await refusal.innerText(), /tidak ada yang dicatat/);
  assert.equal(await page.getByLabel('Tanggal surat / tanggal terima').inputValue(), daysAgo(0));
  const still = await must('GET', `/api/v1/cases/${caseId}`, inv, undefined, 200);
  assert.equal(still.stage, 'with_prosecutor');
  assert.equal(still.history.filter((e) => e.type === 'p21_received').length, 0);
  await shot(page, 'case-p21-refused');
  // his seven days run (KUHAP 138(1)): he records the P-21 alone, and the page says its paper
  // is not issued; it is offered beside the act in the history
  await page.locator('#pu-without-paper', { hasText: 'Catat tanpa P-21' }).click();
  await page.locator('#stage', { hasText: 'Lengkap (P-21)' }).waitFor();
  assert.match(await page.locator('#flash').innerText(), /P-21 BELUM diterbitkan \(.*nomor surat pengiriman berkas perkara.*\); terbitkan dari Riwayat/);
  const alone = await must('GET', `/api/v1/cases/${caseId}`, inv, undefined, 200);
  const p21 = alone.history.filter((e) => e.type === 'p21_received');
  assert.equal(p21.length, 1);
  assert.equal(p21[0].legal_date, daysAgo(0));
  assert.deepEqual(p21[0].documents, []);
  const row21 = page.locator(`#history form[data-event="${p21[0].id}"]`);
  // still refused while the letter has no number, said beside the button; then the
  // investigator issues his letter and the P-21 is issued for its act
  await row21.getByRole('button', { name: 'Terbitkan P-21' }).click();
  await row21.locator('.error', { hasText: 'nomor surat pengiriman berkas perkara' }).waitFor();
  await must('POST', `/api/v1/cases/${caseId}/forms/pengiriman_kembali`, inv, { event: resent.id }, 201);
  await row21.getByRole('button', { name: 'Terbitkan P-21' }).click();
  await row21.waitFor({ state: 'detached' });
  const p21text = await listedPaper(page, ctx, 'Pemberitahuan bahwa Hasil Penyidikan sudah Lengkap');
  assert.match(p21text, /P-21/);
  assert.ok(p21text.includes(longDate(daysAgo(0))), p21text);
  const done = await must('GET', `/api/v1/cases/${caseId}`, inv, undefined, 200);
  for (const type of ['p18_received', 'p19_received', 'p21_received'])
    assert.deepEqual(
      done.history.filter((e) => e.type === type).map((e) => e.documents.map((d) => d.form)),
      [[type.replace('_received', '')]],
      type,
    );

  // the dossier and a document, as the links give them
  const dossier = await page.locator('#dossier').getAttribute('href');
  let r = await ctx.request.get(BASE + dossier);
  assert.equal(r.status(), 200);
  assert.equal(r.headers()['content-type'], 'application/pdf');
  assert.match(r.headers()['content-disposition'], /^inline;/);
  assert.equal((await r.body()).subarray(0, 5).toString(), '%PDF-');
  const doc = await page.locator('#documents a').first().getAttribute('href');
  r = await ctx.request.get(BASE + doc);
  assert.equal(r.status(), 200);
  assert.equal((await r.body()).subarray(0, 5).toString(), '%PDF-');
  await shot(page, 'case-complete');
  assert.deepEqual(errors, []);
  await ctx.close();
});
