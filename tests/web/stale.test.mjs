// stale.test.mjs - a paper issued before a correction of its act (DOMAIN 12: a paper is its act's;
// an issued paper keeps its bytes). A BA Penyitaan issued for a seizure of Friday 9 January 2026,
// the seizure then corrected to Monday 12 January: the case page says, beside that paper, that it
// was issued before the correction and must be revoked and issued again; the PPNS does so from the
// page, the warning is gone, the old paper is listed revoked and the new one is dated 12 January.
// A supervisor's board flags the file ('Dokumen tidak sesuai koreksi'); on its page he sees the
// warning and has no button (he issues no paper). A paper citing another act (the BA the Sprindik)
// or printing a party is shown so when that act is corrected or the party renamed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, NIP, browser, shot, must, login, pageLogin, officeId } from './lib.mjs';

let b;

before(async () => {
  b = await browser();
});

after(async () => {
  await b?.close();
});

// A Palembang case with a seizure of 9 January 2026 under an izin, its BA Penyitaan issued, the
// seizure then re-dated to the 12th: the case id and the paper's id.
async function caseWithStalePaper(inv) {
  const kejari = await officeId(inv, 'KEJARI-PLG');
  const c = await must('POST', '/api/v1/cases', inv, { source: 'jagratara', opened_on: '2026-01-05', summary: 'Uji peringatan dokumen sesudah koreksi', kejari_id: kejari }, 201);
  const id = c.id;
  const s = await must('POST', `/api/v1/cases/${id}/parties`, inv, { kind: 'suspect', name: 'Tran Van Minh', nationality: 'VN', passport_no: 'C1234567', sex: 'L' }, 201);
  await must('POST', `/api/v1/cases/${id}/offences`, inv, { code: '122', party_id: s.id }, 201);
  const ev = (body) => must('POST', `/api/v1/cases/${id}/events`, inv, body, 201);
  await ev({ type: 'sprindik_issued', date: '2026-01-06', issue: ['sprindik'] });
  await must('POST', `/api/v1/cases/${id}/evidence`, inv, { description: 'Paspor Republik Sosialis Vietnam Nomor C1234567', quantity: '1 (satu) buku', seized_from: s.id, seized_on: '2026-01-09', storage: 'Rupbasan Kelas I Palembang' }, 201);
  const izin = await ev({ type: 'court_permit_received', date: '2026-01-08', permit_kind: 'izin', permit_for: 'penyitaan', number: '9/Pen.Pid/2026/PN Plg', court: 'Palembang' });
  const sita = await ev({ type: 'seizure_done', date: '2026-01-09', permit_act: izin.id });
  const doc = await must('POST', `/api/v1/cases/${id}/forms/ba_penyitaan`, inv, { event: sita.id, params: {} }, 201);
  const fix = await ev({ type: 'corrected', date: '2026-01-12', corrects: sita.id, permit_act: izin.id });
  const after = await must('GET', `/api/v1/cases/${id}`, inv, undefined, 200);
  const seq = after.history.find((e) => e.id === fix.id).seq;
  return { id, number: c.number, doc: doc.id, seq };
}

async function open(nip, id, board) {
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await pageLogin(page, nip);
  await page.getByRole('heading', { name: nip === NIP.supPlg ? 'Papan tinjauan' : 'Perkara', exact: true }).waitFor();
  if (board) await board(page);
  await page.goto(`${BASE}/#/perkara/${id}`);
  await page.locator('#sec-docs').waitFor();
  return { ctx, page, errors };
}

test('a paper issued before its act was corrected is shown as such, and issued again from the page', async () => {
  const inv = await login(NIP.invPlg);
  const { id, number, doc, seq } = await caseWithStalePaper(inv);
  const warning = `Diterbitkan sebelum koreksi peristiwa ${seq} (tanggal 12 Jan 2026; berubah: tanggal): cabut dan terbitkan ulang`;

  // the supervisor's board flags the file; its page shows the warning, with nothing to press
  const sup = await open(NIP.supPlg, id, (page) => page.locator('tr', { hasText: number }).getByText('Dokumen tidak sesuai koreksi').waitFor());
  const row0 = sup.page.locator(`#documents li[data-document="${doc}"]`);
  await row0.getByText(warning).waitFor();
  assert.equal(await row0.getByRole('button', { name: 'Cabut dan terbitkan ulang' }).count(), 0);
  assert.deepEqual(sup.errors, []);
  await sup.ctx.close();

  const { ctx, page, errors } = await open(NIP.invPlg, id);
  const row = page.locator(`#documents li[data-document="${doc}"]`);
  await row.getByText(warning).waitFor();
  assert.match(await row.textContent(), /9 Jan 2026/);
  await shot(page, 'stale-paper-warning');
  await row.getByRole('button', { name: 'Cabut dan terbitkan ulang' }).click();
  await page.locator(`#documents li[data-document="${doc}"]`, { hasText: '(dicabut)' }).waitFor();
  assert.equal(await page.getByText('cabut dan terbitkan ulang').count(), 0);
  const fresh = page.locator('#documents li', { hasText: 'Berita Acara Penyitaan' }).filter({ hasNotText: '(dicabut)' });
  await fresh.first().waitFor();
  assert.match(await fresh.first().textContent(), /12 Jan 2026/);
  await shot(page, 'stale-paper-reissued');
  assert.deepEqual(errors, []);
  await ctx.close();

  // the API agrees: nothing stale, the old paper revoked
  const c = await must('GET', `/api/v1/cases/${id}`, inv, undefined, 200);
  assert.deepEqual(c.stale_papers, []);
  const docs = await must('GET', `/api/v1/cases/${id}/documents`, inv, undefined, 200);
  assert.equal(docs.items.find((d) => d.id === doc).revoked, true);
});

// A paper prints other acts and the parties (DOMAIN 12): the BA Penyitaan cites the Sprindik's
// date and names the suspect the passport was seized from. The Sprindik re-dated and the suspect
// renamed after the BA was issued: its row says what changed in words (the Sprindik's date, the
// party's data), the Sprindik's own row says its date and the party, and the BA issued again from
// the page carries no warning.
test('a paper citing a corrected act or a renamed party is shown as such', async () => {
  const inv = await login(NIP.invPlg);
  const kejari = await officeId(inv, 'KEJARI-PLG');
  const c = await must('POST', '/api/v1/cases', inv, { source: 'jagratara', opened_on: '2026-01-05', summary: 'Uji dokumen yang merujuk tindakan lain', kejari_id: kejari }, 201);
  const id = c.id;
  const s = await must('POST', `/api/v1/cases/${id}/parties`, inv, { kind: 'suspect', name: 'Tran Van Minh', nationality: 'VN', passport_no: 'C1234567', sex: 'L' }, 201);
  await must('POST', `/api/v1/cases/${id}/offences`, inv, { code: '122', party_id: s.id }, 201);
  const ev = (body) => must('POST', `/api/v1/cases/${id}/events`, inv, body, 201);
  const sprindik = await ev({ type: 'sprindik_issued', date: '2026-01-06', issue: ['sprindik'] });
  await must('POST', `/api/v1/cases/${id}/evidence`, inv, { description: 'Paspor Republik Sosialis Vietnam Nomor C1234567', quantity: '1 (satu) buku', seized_from: s.id, seized_on: '2026-01-09', storage: 'Rupbasan Kelas I Palembang' }, 201);
  const izin = await ev({ type: 'court_permit_received', date: '2026-01-08', permit_kind: 'izin', permit_for: 'penyitaan', number: '10/Pen.Pid/2026/PN Plg', court: 'Palembang' });
  const sita = await ev({ type: 'seizure_done', date: '2026-01-09', permit_act: izin.id });
  const ba = await must('POST', `/api/v1/cases/${id}/forms/ba_penyitaan`, inv, { event: sita.id, params: {} }, 201);
  const fix = await ev({ type: 'corrected', date: '2026-01-07', corrects: sprindik.id });
  await must('PUT', `/api/v1/cases/${id}/parties/${s.id}`, inv, { name: 'Tran Van Manh' }, 200);
  const now = await must('GET', `/api/v1/cases/${id}`, inv, undefined, 200);
  const seq = now.history.find((e) => e.id === fix.id).seq;
  const sp = now.stale_papers.find((x) => x.form === 'sprindik');
  assert.ok(sp, 'the Sprindik paper is listed');

  const { ctx, page, errors } = await open(NIP.invPlg, id);
  const row = page.locator(`#documents li[data-document="${ba.id}"]`);
  await row.getByText(new RegExp(`Diterbitkan sebelum koreksi peristiwa ${seq} \\(tanggal 0?7 Jan 2026; berubah: tanggal Sprindik, data pihak\\): cabut dan terbitkan ulang`)).waitFor();
  const own = page.locator(`#documents li[data-document="${sp.document_id}"]`);
  await own.getByText(/berubah: tanggal, data pihak\): cabut dan terbitkan ulang/).waitFor();
  await shot(page, 'stale-paper-cited');
  await row.getByRole('button', { name: 'Cabut dan terbitkan ulang' }).click();
  await page.locator(`#documents li[data-document="${ba.id}"]`, { hasText: '(dicabut)' }).waitFor();
  const fresh = page.locator('#documents li', { hasText: 'Berita Acara Penyitaan' }).filter({ hasNotText: '(dicabut)' });
  await fresh.first().waitFor();
  assert.equal(await fresh.first().getByText('cabut dan terbitkan ulang').count(), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
  const after = await must('GET', `/api/v1/cases/${id}`, inv, undefined, 200);
  assert.deepEqual(after.stale_papers.map((x) => x.form), ['sprindik']);
});
