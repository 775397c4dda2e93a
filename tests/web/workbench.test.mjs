// workbench.test.mjs - the investigator's work on the case page that needed the CLI or the API
// before: adding a party. Each write's effect is checked through the API; a refusal
// of the server (what the papers cannot print, a birth date to come) is shown beside the form,
// nothing is added and nothing typed is lost; a supervisor's or a prosecutor's page offers none
// of it (the routes are the investigator's: 403).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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

// The routes are the investigator's (server/http/routes.c INV): a supervisor's and a
// prosecutor's page offer none of the investigator's forms, and the API refuses them (403).
test('a supervisor and a prosecutor are offered none of it', async () => {
  const c0 = await newCase('Uji bukan penyidik');
  await must('POST', `/api/v1/cases/${c0.id}/events`, inv, { type: 'spdp_sent', date: daysAgo(8), recipient: 'kejari' }, 201);
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
    const r = await call('POST', `/api/v1/cases/${c0.id}/parties`, token, { kind: 'witness', name: 'Budi' });
    assert.equal(r.status, 403, r.text);
    assert.deepEqual(errors, []);
    await ctx.close();
  }
  assert.equal((await partiesOf(c0.id)).length, 0);
});
