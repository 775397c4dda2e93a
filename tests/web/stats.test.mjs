// stats.test.mjs - issue 11: the monthly statistics page with its charts,
// and the main pages used with the keyboard alone (Tab, typing, Enter).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, NIP, PW, browser, shot, must, login, pageLogin, officeId, examinedForShortProcedure } from './lib.mjs';

let b;
before(async () => {
  b = await browser();
});
after(async () => {
  await b?.close();
});

// this month, "YYYY-MM", as the server's Palembang calendar has it
function thisMonth() {
  return new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 7);
}

test('the supervisor reads the monthly statistics, charts agreeing with the API', async () => {
  const month = thisMonth();
  const token = await login(NIP.supDitjen);
  const want = await must('GET', `/api/v1/stats?month=${month}`, token, undefined, 200);
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await pageLogin(page, NIP.supKanwil);
  await page.getByRole('heading', { name: 'Papan tinjauan' }).waitFor();
  await page.getByRole('link', { name: 'Statistik' }).click();
  await page.getByLabel('Bulan', { exact: true }).fill(month);
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await page.waitForURL(new RegExp(`month=${month}`));
  const stages = page.locator('#chart-stages');
  await stages.waitFor();
  // one bar per stage, each labelled, the investigation count as the API gives it for the reach
  const mine = await must('GET', `/api/v1/stats?month=${month}`, await login(NIP.supKanwil), undefined, 200);
  assert.equal(await stages.locator('rect.bar').count(), Object.keys(mine.total.stages).length);
  const labels = await stages.locator('text.lbl').allTextContents();
  const values = await stages.locator('text.val').allTextContents();
  assert.equal(values[labels.indexOf('Penyidikan')], String(mine.total.stages.investigation));
  assert.ok(want.offices.length >= mine.offices.length);
  await page.locator('#stats-offices tbody tr').first().waitFor();
  const pdf = await ctx.request.get(BASE + (await page.locator('#stats-pdf').getAttribute('href')));
  assert.equal(pdf.status(), 200);
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  await shot(page, 'stats');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// UU 6/2011 Pasal 110 (DOMAIN 4.14): a file handed over under the short procedure is counted as
// itself, under its own label - not as Tahap II (it has no P-21, no berkas perkara)
test('the statistics page shows the short-procedure hand-overs under their own label', async () => {
  const month = thisMonth();
  const inv = await login(NIP.invPlg);
  const kejari = await officeId(inv, 'KEJARI-PLG');
  const today = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
  const c = await must('POST', '/api/v1/cases', inv, { source: 'tim_pora', opened_on: today, summary: 'Uji statistik acara singkat', kejari_id: kejari }, 201);
  await must('POST', `/api/v1/cases/${c.id}/events`, inv, { type: 'sprindik_issued', date: today, number: 'SP.Sidik/78/XII/2026' }, 201);
  const s = await must('POST', `/api/v1/cases/${c.id}/parties`, inv, { kind: 'suspect', name: 'SUZUKI TARO', nationality: 'JP', passport_no: 'TZ1234567', sex: 'L', birth_date: '1990-01-20', birth_place: 'Nagoya' }, 201);
  await must('POST', `/api/v1/cases/${c.id}/offences`, inv, { code: '116', party_id: s.id }, 201);
  await must('POST', `/api/v1/cases/${c.id}/events`, inv, { type: 'suspect_designated', date: today, party_id: s.id }, 201);
  await examinedForShortProcedure(inv, c.id, s.id, today);
  await must('POST', `/api/v1/cases/${c.id}/events`, inv, { type: 'short_procedure_handover', date: today, catatan: 'Tidak memperlihatkan paspor ketika diminta petugas (Pasal 116)' }, 201);
  const want = await must('GET', `/api/v1/stats?month=${month}`, await login(NIP.supDitjen), undefined, 200);
  assert.ok(want.total.acts.short_procedure_handover >= 1, JSON.stringify(want.total.acts));
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await pageLogin(page, NIP.supDitjen);
  await page.getByRole('heading', { name: 'Papan tinjauan' }).waitFor();
  await page.goto(`${BASE}/#/statistik?month=${month}`);
  const acts = page.locator('#chart-acts');
  await acts.waitFor();
  const labels = await acts.locator('text.lbl').allTextContents();
  const values = await acts.locator('text.val').allTextContents();
  assert.ok(labels.includes('Penyerahan acara singkat'), labels.join(', '));
  assert.ok(!labels.includes('short_procedure_handover'));
  assert.equal(values[labels.indexOf('Penyerahan acara singkat')], String(want.total.acts.short_procedure_handover));
  assert.equal(values[labels.indexOf('Tahap II')], String(want.total.acts.tahap2_done));
  await ctx.close();
});

// Tab until the focused element matches sel (at most 200 presses: a demo
// file's history holds each SPDP delivery, issue 13.8)
async function tabTo(page, sel) {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    // one look at the focused element: whether it is the one sought, and
    // whether its focus is visible (two looks could see two elements when a
    // page renders in between)
    const at = await page.evaluate((s) => {
      const a = document.activeElement;
      return a && a.matches(s) ? { visible: a.matches(':focus-visible') } : null;
    }, sel);
    if (at) {
      assert.equal(at.visible, true, `the focus on ${sel} is visible`);
      return;
    }
  }
  throw new Error(`Tab never reached ${sel}`);
}

test('keyboard only: log on, filter the review board, open a file, give a direction, log off', async () => {
  // en-US: the order in which a date field takes its typed parts
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await ctx.newPage();
  await page.goto(`${BASE}/`);
  await page.locator('#banner', { hasText: 'PERINGATAN' }).waitFor();
  await tabTo(page, '#nip');
  await page.keyboard.type(NIP.supPlg);
  await tabTo(page, '#password');
  await page.keyboard.type(PW);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Papan tinjauan' }).waitFor();

  await tabTo(page, '#f-state');
  await page.keyboard.press('ArrowDown'); // the first state after "Semua"
  await tabTo(page, '#filters button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/state=/);
  await page.locator('#review-list, .empty').first().waitFor();

  await page.goto(`${BASE}/#/tinjauan`);
  // the unfiltered board, not the filtered one still on screen while it loads
  await page.waitForFunction(() => document.querySelector('#f-state')?.value === '');
  await page.locator('#review-list').waitFor();
  await tabTo(page, '#review-list tbody a');
  const number = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('Enter');
  await page.locator('#case-number', { hasText: number }).waitFor();

  await tabTo(page, '#d-text');
  await page.keyboard.type('Laporkan perkembangan penyidikan secara tertulis');
  await tabTo(page, '#d-due');
  const d = new Date(Date.now() + 5 * 86400e3);
  await page.keyboard.type(`${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}${d.getFullYear()}`);
  await tabTo(page, '#direction-form button[type=submit]');
  await page.keyboard.press('Enter');
  await page.locator('#directions-list li', { hasText: 'Laporkan perkembangan penyidikan secara tertulis' }).waitFor();

  await tabTo(page, '#logoff');
  await page.keyboard.press('Enter');
  await page.getByText('Anda telah keluar.').waitFor();
  await ctx.close();
});
