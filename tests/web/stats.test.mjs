// stats.test.mjs - issue 11: the monthly statistics page with its charts,
// and the main pages used with the keyboard alone (Tab, typing, Enter).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, NIP, PW, browser, shot, must, login, pageLogin } from './lib.mjs';

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
