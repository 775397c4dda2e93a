// admin.test.mjs - the administrator's place in the pages: after log-on an
// admin lands on the settings (#/pengaturan), the menu without case pages;
// a setting changed in its row is what the API then reads; a value the
// server refuses (session.idle_minutes: an integer 1-1440) is shown beside
// its row with nothing changed; a Kanwil's admin is refused a change (the
// settings are national: a root office's admin) and sees why; an
// investigator is told the page is for administrators.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, NIP, browser, shot, must, login, officeId, pageLogin } from './lib.mjs';

const ADMIN = '198001152005011002'; // the demo's admin at the Ditjen (a root office)
const KANWIL_ADMIN = '198502022010011005';
const KANWIL_PW = 'Sungai-Musi-dermaga-tujuh-2026';
let b;
let admin;

before(async () => {
  b = await browser();
  admin = await login(ADMIN);
});
after(async () => {
  await b?.close();
});

async function setting(key) {
  const r = await must('GET', '/api/v1/settings', admin, undefined, 200);
  const s = r.items.find((x) => x.key === key);
  assert.ok(s, `setting ${key} listed`);
  return s;
}

// open a page with the page errors collected
async function open() {
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { ctx, page, errors };
}

// the row of a setting, its input and save button
function rowOf(page, key) {
  const row = page.locator(`#settings tr[data-key="${key}"]`);
  return { row, input: row.getByLabel(`Nilai baru ${key}`), save: row.getByRole('button', { name: 'Simpan' }), msg: row.locator('.msg') };
}

test('the admin lands on the settings, turns p19_answers_need_paper off and on, and the API reads each', async () => {
  const { ctx, page, errors } = await open();
  await pageLogin(page, ADMIN);
  await page.getByRole('heading', { name: 'Pengaturan', exact: true }).waitFor();
  assert.match(page.url(), /#\/pengaturan$/);
  // the admin's links only: no case pages
  const nav = page.locator('#nav');
  assert.deepEqual(await nav.locator('a').allTextContents(), ['Pengaturan']);
  // every setting of the API, one row each
  const all = await must('GET', '/api/v1/settings', admin, undefined, 200);
  assert.equal(await page.locator('#settings tbody tr').count(), all.items.length);

  const key = 'dossier.p19_answers_need_paper';
  assert.equal((await setting(key)).value, 'true');
  const r = rowOf(page, key);
  await r.row.getByText('true (ya) atau false (tidak)').waitFor();
  await r.input.selectOption('false');
  await r.save.click();
  await r.msg.getByText('Tersimpan: false').waitFor();
  const now = await setting(key);
  assert.equal(now.value, 'false');
  assert.equal(await r.row.locator('code.value').textContent(), 'false');
  // the time shown is the row's updated_at as the API has it, in the browser's zone
  const shown = await page.evaluate((iso) => {
    const t = new Date(iso);
    const p = (n) => String(n).padStart(2, '0');
    return `${p(t.getHours())}.${p(t.getMinutes())}`;
  }, now.updated_at);
  assert.match(await r.row.locator('td .when').textContent(), new RegExp(`${shown.replace('.', '\\.')}$`));
  await shot(page, 'admin-settings');

  // and back, as the demo had it (the other browser tests rely on papers being asked)
  await r.input.selectOption('true');
  await r.save.click();
  await r.msg.getByText('Tersimpan: true').waitFor();
  assert.equal((await setting(key)).value, 'true');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a value the server refuses is shown beside its row, nothing changed', async () => {
  const key = 'session.idle_minutes';
  const before = await setting(key);
  const { ctx, page, errors } = await open();
  await pageLogin(page, ADMIN);
  await page.getByRole('heading', { name: 'Pengaturan', exact: true }).waitFor();
  const r = rowOf(page, key);
  for (const bad of ['abc', '0']) {
    await r.input.fill(bad);
    await r.save.click();
    const alert = r.row.getByRole('alert');
    await alert.getByText('Nilai tidak diubah').waitFor();
    assert.match(await alert.textContent(), /Isian belum benar: session\.idle_minutes harus bilangan bulat 1 sampai 1440/);
    assert.deepEqual(await setting(key), before);
    assert.equal(await r.row.locator('code.value').textContent(), before.value);
  }
  await shot(page, 'admin-settings-refused');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("a Kanwil's admin sees the settings but is refused a change, with the server's reason", async () => {
  const kanwil = await officeId(admin, 'KANWIL-SUMSEL');
  await must(
    'POST',
    '/api/v1/users',
    admin,
    { nip: KANWIL_ADMIN, name: 'Admin Uji Kanwil', office_id: kanwil, role: 'admin', password: KANWIL_PW },
    201,
  );
  const key = 'session.idle_minutes';
  const before = await setting(key);
  const { ctx, page, errors } = await open();
  await page.goto(`${BASE}/`);
  await page.getByLabel('NIP').fill(KANWIL_ADMIN);
  await page.getByLabel('Kata sandi').fill(KANWIL_PW);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: 'Pengaturan', exact: true }).waitFor();
  const r = rowOf(page, key);
  await r.input.fill(String(Number(before.value) === 45 ? 46 : 45));
  await r.save.click();
  const alert = r.row.getByRole('alert');
  await alert.getByText('Nilai tidak diubah').waitFor();
  assert.match(await alert.textContent(), /Ditolak: pengaturan nasional hanya oleh administrator kantor pusat/);
  assert.deepEqual(await setting(key), before);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('an admin who types a case page is told it is not for administrators; an investigator, that the settings are', async () => {
  const { ctx, page, errors } = await open();
  await pageLogin(page, ADMIN);
  await page.getByRole('heading', { name: 'Pengaturan', exact: true }).waitFor();
  await page.goto(`${BASE}/#/perkara`);
  await page.getByRole('heading', { name: 'Halaman ini bukan untuk administrator' }).waitFor();
  assert.equal(await page.getByText('Tidak dapat dimuat').count(), 0);
  await page.getByRole('link', { name: 'Kembali ke halaman awal' }).click();
  await page.getByRole('heading', { name: 'Pengaturan', exact: true }).waitFor();
  await ctx.close();

  const inv = await open();
  await pageLogin(inv.page, NIP.invPlg);
  await inv.page.getByRole('heading', { name: 'Perkara', exact: true }).waitFor();
  assert.equal(await inv.page.locator('#nav').getByRole('link', { name: 'Pengaturan' }).count(), 0);
  await inv.page.goto(`${BASE}/#/pengaturan`);
  await inv.page.getByRole('heading', { name: 'Halaman ini hanya untuk administrator' }).waitFor();
  assert.equal(await inv.page.locator('#settings').count(), 0);
  await shot(inv.page, 'admin-not-for-investigator');
  assert.deepEqual(errors, []);
  assert.deepEqual(inv.errors, []);
  await inv.ctx.close();
});
