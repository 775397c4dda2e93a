// prosecutor.test.mjs - issue 11: the prosecutor's task end to end in a
// real browser.  The demo's Palembang file with the prosecutor (Tahap I
// received, no answer yet) arrives unread in the Kejari Palembang inbox; the
// prosecutor returns it with two instructions (P-19, KUHAP 138(2)); the
// investigator answers both, each with the paper that fulfils it, and
// re-sends (through the API, as the CLI does); the prosecutor then declares it complete (P-21) and downloads the
// dossier and a document, which open as PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, NIP, browser, shot, call, must, login, pageLogin } from './lib.mjs';

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
  await must('POST', `/api/v1/cases/${caseId}/events`, inv, { type: 'instruction_answered', instruction_id: items[0].id, answer: `Telah dipenuhi: ${items[0].text}`, answer_act: again.id }, 201);
  const answer2 = await must('POST', `/api/v1/cases/${caseId}/events`, inv, { type: 'instruction_answered', instruction_id: items[1].id, answer: `Telah dipenuhi: ${items[1].text}` }, 201);
  // not re-sent while the second answer has no paper: 422 naming it, nothing written
  const refused = await call('POST', `/api/v1/cases/${caseId}/events`, inv, { type: 'resubmitted' });
  assert.equal(refused.status, 422);
  assert.match(refused.headers.get('content-type'), /application\/problem\+json/);
  assert.equal(refused.json.missing.length, 1);
  assert.match(refused.json.missing[0], /petunjuk P-19 babak 1 no\. 2/);
  assert.equal((await upload(answer2.id, 'Salinan paspor dilegalisasi')).status, 201);
  await must('POST', `/api/v1/cases/${caseId}/events`, inv, { type: 'resubmitted' }, 201);

  await page.reload();
  await page.locator('#sec-pu').waitFor();
  const receive = page.locator('#act-receive');
  if (await receive.count()) {
    await receive.click();
    await page.locator('#act-accept').waitFor();
  }
  await page.locator('#act-accept').click();
  await page.locator('#stage', { hasText: 'Lengkap (P-21)' }).waitFor();

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
