// unmet.test.mjs - a P-19 item the investigator honestly cannot meet (DOMAIN 4.12, 10.1: "P-19
// only once ... if the investigator's resubmission still misses them, the PU returns the file
// with an ordinary letter pointing to the unmet items"; SE JAM Pidum B-3326/E/EJP/11/2011).
// The investigator answers one item with the act that fulfils it (API) and, on the case page,
// the other as "tidak dapat dipenuhi" with its reason - no act, no paper - and re-sends the
// file from the page; the prosecutor's page shows that item apart, with its reason, offers no
// answer form, and the ordinary letter's form comes with it already selected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, NIP, browser, shot, call, must, login, pageLogin, officeId } from './lib.mjs';

let b;

before(async () => {
  b = await browser();
});

after(async () => {
  await b?.close();
});

const ITEM1 = 'Lengkapi BAP saksi pelapor Hendra Saputra';
const ITEM2 = 'Sita rekening koran tersangka pada Bank Sumsel Babel';
const REASON = 'Rekening sudah ditutup sejak 2024, bukti tidak ada pada bank';

// A Palembang file of June 2026 with the papers Tahap I asks, sent, received, returned with a
// P-19 of ITEM1 and ITEM2 (15 June) and the returned file received: its id.  opts: the P-19's
// instructions instead, beforeSending(ev) and whileWithPu(ev) recording acts then.
async function returnedCase(inv, pros, opts = {}) {
  const kejari = await officeId(inv, 'KEJARI-PLG');
  const c = await must('POST', '/api/v1/cases', inv, { source: 'jagratara', opened_on: '2026-06-01', summary: 'Uji petunjuk yang tidak dapat dipenuhi', kejari_id: kejari }, 201);
  const id = c.id;
  const s = await must('POST', `/api/v1/cases/${id}/parties`, inv, { kind: 'suspect', name: 'Le Van Hung', nationality: 'VN', passport_no: 'C7654321', sex: 'L', birth_date: '1985-04-02', birth_place: 'Hanoi' }, 201);
  await must('POST', `/api/v1/cases/${id}/offences`, inv, { code: '122(a)', party_id: s.id }, 201);
  await must('POST', `/api/v1/cases/${id}/forms/laporan_kejadian`, inv, {}, 201);
  const ev = (body, token = inv) => must('POST', `/api/v1/cases/${id}/events`, token, body, 201);
  await ev({ type: 'sprindik_issued', date: '2026-06-02', issue: ['sprindik'] });
  await ev({ type: 'suspect_designated', date: '2026-06-02', party_id: s.id });
  await ev({ type: 'spdp_sent', date: '2026-06-03', recipient: 'kejari', issue: ['spdp'] });
  const put = async (p, content) => {
    const view = await must('GET', p, inv, undefined, 200);
    const r = await call('PUT', p, inv, content, { 'If-Match': `"${view.version}"` });
    assert.ok(r.status === 200 || r.status === 201, `PUT ${p}: ${r.status} ${r.text}`);
  };
  const questions = [
    { question: 'Apakah Saudara dalam keadaan sehat jasmani dan rohani?', answer: 'Ya, saya sehat.' },
    { question: 'Apa yang Saudara ketahui tentang perkara ini?', answer: 'Saya menerangkannya dengan sebenarnya.' },
  ];
  const bap = await ev({ type: 'bap_recorded', date: '2026-06-05', bap: 'tersangka', party_id: s.id });
  await put(`/api/v1/cases/${id}/events/${bap.id}/bap`, { questions, counsel_informed: true, counsel: { status: 'present', name: 'Penasihat Hukum Uji, S.H.' } });
  await must('POST', `/api/v1/cases/${id}/forms/bap_tersangka`, inv, { event: bap.id }, 201);
  const res = await ev({ type: 'resume_written', date: '2026-06-10' });
  const rp = `/api/v1/cases/${id}/events/${res.id}/resume`;
  const view = await must('GET', rp, inv, undefined, 200);
  const analysis = view.charges.flatMap((ch) => ch.elements.map((e) => ({ charge: ch.charge, element: e.no, text: 'Fakta-fakta di atas memenuhi unsur ini.' })));
  await put(rp, { summary: 'Uraian singkat perkara uji.', facts: ['Bahwa tersangka adalah orang asing.'], analysis, conclusion: 'Seluruh unsur terpenuhi.' });
  await must('POST', `/api/v1/cases/${id}/forms/resume`, inv, { event: res.id }, 201);
  if (opts.beforeSending) await opts.beforeSending(ev);
  await ev({ type: 'tahap1_sent', date: '2026-06-11' });
  await ev({ type: 'tahap1_received_by_pu', date: '2026-06-12' }, pros);
  if (opts.whileWithPu) await opts.whileWithPu(ev);
  await ev({ type: 'p19_received', date: '2026-06-15', number: 'B-1507/L.6.10/Eku.1/06/2026', instructions: opts.instructions || [ITEM1, ITEM2] }, pros);
  await ev({ type: 'returned_file_received', date: '2026-06-16' });
  if (opts.instructions) return { id, items: [] };
  // item 1 met: the witness examined after the P-19, his BAP issued
  const w = await must('POST', `/api/v1/cases/${id}/parties`, inv, { kind: 'witness', name: 'Hendra Saputra', nationality: 'ID', sex: 'L', birth_date: '1980-01-01', birth_place: 'Palembang' }, 201);
  const saksi = await ev({ type: 'bap_recorded', date: '2026-06-17', bap: 'saksi', party_id: w.id });
  await put(`/api/v1/cases/${id}/events/${saksi.id}/bap`, { questions });
  await must('POST', `/api/v1/cases/${id}/forms/bap_saksi`, inv, { event: saksi.id }, 201);
  const c1 = await must('GET', `/api/v1/cases/${id}`, inv, undefined, 200);
  const items = c1.p19_rounds[0].items;
  await ev({ type: 'instruction_answered', date: '2026-06-17', instruction_id: items[0].id, answer: 'Saksi pelapor telah diperiksa', answer_act: saksi.id });
  return { id, items };
}

test('an item that cannot be met is answered with its reason on the page, and the prosecutor sees it', async () => {
  const inv = await login(NIP.invPlg);
  const pros = await login(NIP.prosPlg);
  const { id, items } = await returnedCase(inv, pros);

  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await pageLogin(page, NIP.invPlg);
  await page.locator('#who .me').waitFor();
  await page.goto(`${BASE}/#/perkara/${id}`);
  await page.locator('#stage', { hasText: 'Dikembalikan (P-19)' }).waitFor();
  const form = page.locator(`.answer-form[data-instruction="${items[1].id}"]`);
  await form.waitFor();
  // the reason is asked for once "tidak dapat dipenuhi" is ticked; none given, nothing recorded
  await form.getByRole('checkbox', { name: 'Tidak dapat dipenuhi' }).check();
  await form.getByLabel('Alasan petunjuk ini tidak dapat dipenuhi').waitFor();
  await form.getByRole('button', { name: 'Simpan jawaban' }).click();
  await form.getByText('Tulis mengapa petunjuk ini tidak dapat dipenuhi.').waitFor();
  let c = await must('GET', `/api/v1/cases/${id}`, inv, undefined, 200);
  assert.equal(c.p19_rounds[0].items[1].status, 'terbuka');
  await form.getByLabel('Alasan petunjuk ini tidak dapat dipenuhi').fill(REASON);
  await form.getByRole('button', { name: 'Simpan jawaban' }).click();
  const li = page.locator('.round li[data-status="tidak_dapat_dipenuhi"]', { hasText: ITEM2 });
  await li.waitFor();
  assert.match(await li.locator('.status').innerText(), new RegExp(`Tidak dapat dipenuhi — alasan: ${REASON}`));
  assert.match(await page.locator('.round li[data-status="dipenuhi"]', { hasText: ITEM1 }).locator('.status').innerText(), /Dipenuhi/);
  c = await must('GET', `/api/v1/cases/${id}`, inv, undefined, 200);
  const it2 = c.p19_rounds[0].items[1];
  assert.equal(it2.status, 'tidak_dapat_dipenuhi');
  assert.equal(it2.unmet_reason, REASON);
  assert.equal(it2.answer_act, null);
  await shot(page, 'case-unmet-answer');
  // the file goes back without a paper for item 2
  await page.getByRole('button', { name: 'Kirim ulang berkas ke Penuntut Umum' }).click();
  await page.locator('#stage', { hasText: 'Penelitian berkas (Tahap I)' }).waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();

  // the re-sending letter issued (its number is what the PU's letter answers), then received
  c = await must('GET', `/api/v1/cases/${id}`, inv, undefined, 200);
  const sent = c.history.find((e) => e.type === 'resubmitted');
  await must('POST', `/api/v1/cases/${id}/forms/pengiriman_kembali`, inv, { event: sent.id }, 201);
  // the prosecutor: the item apart with its reason, no answer form, the letter pre-selects it
  await must('POST', `/api/v1/cases/${id}/events`, pros, { type: 'tahap1_received_by_pu' }, 201);
  const pctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const ppage = await pctx.newPage();
  const perrors = [];
  ppage.on('pageerror', (e) => perrors.push(String(e)));
  await pageLogin(ppage, NIP.prosPlg);
  await ppage.getByRole('heading', { name: 'Kotak masuk' }).waitFor();
  await ppage.goto(`${BASE}/#/perkara/${id}`);
  const summary = ppage.locator('#p19-unmet');
  await summary.waitFor();
  assert.match(await summary.innerText(), new RegExp(`${ITEM2} — alasan: ${REASON}`));
  assert.doesNotMatch(await summary.innerText(), new RegExp(ITEM1));
  assert.equal(await ppage.locator('.answer-form').count(), 0);
  const letter = ppage.locator('#return-letter-form');
  await letter.waitFor();
  assert.equal(await letter.locator(`#unmet-${items[1].id}`).isChecked(), true);
  assert.equal(await letter.locator(`#unmet-${items[0].id}`).isChecked(), false);
  await shot(ppage, 'case-unmet-prosecutor');
  await letter.getByRole('button', { name: 'Kembalikan dengan surat biasa' }).click();
  await ppage.locator('.round[data-round="2"]').waitFor();
  // ... issued with its letter, which names it (pengembalian_berkas)
  const docs = await must('GET', `/api/v1/cases/${id}/documents`, pros, undefined, 200);
  assert.ok(docs.items.some((d) => d.form === 'pengembalian_berkas'), 'the ordinary letter is issued');
  c = await must('GET', `/api/v1/cases/${id}`, inv, undefined, 200);
  assert.equal(c.stage, 'returned');
  assert.deepEqual(c.p19_rounds[1].items.map((x) => x.text), [ITEM2]);
  assert.deepEqual(perrors, []);
  await pctx.close();
});

// A correction turning the met answer of item 1 into one that cannot be met: both pages show
// the reason alone as its answer - not "Saksi pelapor telah diperiksa" beside a reason the witness
// could not be examined (the item kept its first answer's text).
test('an answer corrected to one that cannot be met shows its reason alone', async () => {
  const inv = await login(NIP.invPlg);
  const pros = await login(NIP.prosPlg);
  const { id } = await returnedCase(inv, pros);
  let c = await must('GET', `/api/v1/cases/${id}`, inv, undefined, 200);
  const reason = 'Saksi pelapor telah pindah ke luar negeri dan tidak dapat dihadirkan';
  await must('POST', `/api/v1/cases/${id}/events`, inv, { type: 'corrected', date: '2026-06-17', corrects: c.p19_rounds[0].items[0].answered_by, unmet_reason: reason }, 201);
  for (const nip of [NIP.invPlg, NIP.prosPlg]) {
    const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await pageLogin(page, nip);
    await page.locator('#who .me').waitFor();
    await page.goto(`${BASE}/#/perkara/${id}`);
    const li = page.locator('.round li[data-status="tidak_dapat_dipenuhi"]', { hasText: ITEM1 });
    await li.waitFor();
    assert.equal(await li.locator('.answer').innerText(), `Jawaban: ${reason}`);
    assert.doesNotMatch(await li.innerText(), /telah diperiksa/);
    assert.deepEqual(errors, []);
    await ctx.close();
  }
});

// play3 #10 (KUHAP 110(3), 138(2)): the Ketua PN's approval of an urgent seizure came while the
// PU held the file, so the file he returned did not hold it, and his P-19 asks for it.  The page
// offers it as the act that meets the item once its scan is uploaded (not before: nothing to
// attach), never the suspect's BAP the file held; chosen, the item is met by it.
test('a Penetapan the returned file lacked is offered as the answer once its scan is uploaded', async () => {
  const inv = await login(NIP.invPlg);
  const pros = await login(NIP.prosPlg);
  const asked = 'Lampirkan Penetapan persetujuan Ketua PN atas penyitaan paspor';
  let approval;
  const { id } = await returnedCase(inv, pros, {
    instructions: [asked],
    beforeSending: async (ev) => {
      const sita = await ev({ type: 'seizure_done', date: '2026-06-08', urgent_reason: 'paspor palsu hendak dimusnahkan' });
      approval = sita.id;
    },
    whileWithPu: async (ev) => {
      const pen = await ev({ type: 'court_permit_received', court: 'Palembang', date: '2026-06-13', permit_kind: 'persetujuan', permit_for: 'penyitaan', number: '40/Pen.Pid/2026/PN Plg', approves: approval });
      approval = pen.id;
    },
  });
  let c = await must('GET', `/api/v1/cases/${id}`, inv, undefined, 200);
  const item = c.p19_rounds[0].items.find((x) => x.text === asked);
  const bap = c.history.find((e) => e.type === 'bap_recorded');
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await pageLogin(page, NIP.invPlg);
  await page.locator('#who .me').waitFor();
  await page.goto(`${BASE}/#/perkara/${id}`);
  const form = page.locator(`.answer-form[data-instruction="${item.id}"]`);
  await form.waitFor();
  const select = form.locator(`#answer-${item.id}-act`);
  assert.equal(await select.locator(`option[value="${approval}"]`).count(), 0);
  const pdf = await fetch(`${BASE}/api/v1/cases/${id}/forms/laporan_kejadian.pdf`, { headers: { Authorization: `Bearer ${inv}` } });
  assert.equal(pdf.status, 200);
  const up = await fetch(`${BASE}/api/v1/cases/${id}/uploads?event=${approval}&title=${encodeURIComponent('Penetapan 40/Pen.Pid/2026/PN Plg')}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${inv}`, 'Content-Type': 'application/pdf' },
    body: Buffer.from(await pdf.arrayBuffer()),
  });
  assert.equal(up.status, 201);
  await page.reload();
  await form.waitFor();
  await select.locator(`option[value="${approval}"]`).waitFor({ state: 'attached' });
  assert.equal(await select.locator(`option[value="${bap.id}"]`).count(), 0);
  await form.getByLabel(`Jawaban petunjuk ${item.item_no}`).fill('Penetapan persetujuan penyitaan dilampirkan');
  await select.selectOption(String(approval));
  await form.getByRole('button', { name: 'Simpan jawaban' }).click();
  await page.locator('.round li[data-status="dipenuhi"]', { hasText: asked }).waitFor();
  c = await must('GET', `/api/v1/cases/${id}`, inv, undefined, 200);
  const it = c.p19_rounds[0].items.find((x) => x.id === item.id);
  assert.equal(it.status, 'dipenuhi');
  assert.equal(it.answer_act, approval);
  assert.deepEqual(errors, []);
  await ctx.close();
});
