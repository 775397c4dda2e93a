// users.test.mjs - adding and disabling users on #/pengguna: the demo admin
// adds an investigator (with the PPNS card the server asks of an
// investigator) through "Tambah pengguna", who then logs on; input the
// server refuses (an investigator without a card, a prosecutor at an
// immigration office, a NIP that is no NIP) is shown under the form with no
// user made; "Nonaktifkan" asks first ("Batal" leaves the account as it
// was), then disables: the user's session ends and he can no longer log on;
// the admin cannot disable himself (no button on his own row).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, adminBrowser, BASE, shot, call, must, officeId, pageLogin } from './lib.mjs';

const NEW_NIP = '199105052015031003';
const NEW_NAME = 'Rahmat Hidayat';
const NEW_PW = 'Pulau-Kemaro-perahu-sebelas-2026';
const web = adminBrowser();

async function users() {
  return (await must('GET', '/api/v1/users', web.admin, undefined, 200)).items;
}

async function adminUsers(page) {
  await pageLogin(page, ADMIN);
  await page.getByRole('heading', { name: 'Pengaturan', exact: true }).waitFor();
  await page.locator('#nav').getByRole('link', { name: 'Pengguna' }).click();
  await page.getByRole('heading', { name: 'Pengguna', exact: true }).waitFor();
  await page.getByText('Tambah pengguna').click();
}

// the add form filled as an admin would
async function fill(page, f) {
  await page.getByLabel('NIP').fill(f.nip);
  await page.getByLabel('Nama lengkap').fill(f.name);
  await page.getByLabel('Pangkat').fill(f.pangkat || '');
  await page.getByLabel('Golongan').fill(f.golongan || '');
  await page.getByLabel('Jabatan').fill(f.position || '');
  await page.getByLabel('Kantor').selectOption({ label: f.office });
  await page.getByLabel('Peran').selectOption({ label: f.role });
  if (f.role === 'Penyidik') {
    await page.getByLabel('Nomor kartu PPNS').fill(f.card || '');
    await page.getByLabel('Kartu PPNS berlaku sampai').fill(f.until || '');
  }
  await page.getByLabel('Kata sandi awal').fill(f.password);
}

const PLG = 'KANIM-PLG — Kantor Imigrasi Kelas I TPI Palembang';

test('input the server refuses is shown under the form, no user made', async () => {
  const before = await users();
  const { ctx, page, errors } = await web.open();
  await adminUsers(page);
  const msg = page.locator('#nu-msg');
  const good = { nip: NEW_NIP, name: NEW_NAME, office: PLG, role: 'Penyidik', card: 'PPNS-IMI-0777/2026', until: '2030-06-30', password: NEW_PW };
  const cases = [
    [{ ...good, card: '', until: '' }, /penyidik \(PPNS\) perlu nomor dan masa berlaku kartu PPNS/],
    [{ ...good, role: 'Penuntut Umum' }, /peran prosecutor tidak cocok dengan kantor di pohon imigrasi/],
    [{ ...good, nip: '12345' }, /NIP harus 18 angka/],
  ];
  for (const [f, why] of cases) {
    await fill(page, f);
    await page.getByRole('button', { name: 'Tambahkan' }).click();
    await msg.getByText('Pengguna tidak ditambahkan').waitFor();
    assert.equal(await msg.getAttribute('role'), 'alert');
    assert.match(await msg.textContent(), why);
    assert.deepEqual(await users(), before);
  }
  await shot(page, 'admin-user-refused');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the admin adds an investigator with his PPNS card; he is listed and logs on', async () => {
  assert.equal((await users()).some((u) => u.nip === NEW_NIP), false);
  const { ctx, page, errors } = await web.open();
  await adminUsers(page);
  await fill(page, {
    nip: NEW_NIP,
    name: NEW_NAME,
    pangkat: 'Penata Muda',
    golongan: 'III/a',
    position: 'PPNS Keimigrasian',
    office: PLG,
    role: 'Penyidik',
    card: 'PPNS-IMI-0777/2026',
    until: '2030-06-30',
    password: NEW_PW,
  });
  await page.getByRole('button', { name: 'Tambahkan' }).click();
  await page.locator('#nu-msg').getByText(`${NEW_NAME} (NIP ${NEW_NIP}) ditambahkan sebagai Penyidik`).waitFor();
  const u = (await users()).find((x) => x.nip === NEW_NIP);
  assert.ok(u, 'the API lists him');
  assert.equal(u.role, 'investigator');
  assert.equal(u.office_id, await officeId(web.admin, 'KANIM-PLG'));
  assert.equal(u.disabled, false);
  const row = page.locator(`#users tr[data-nip="${NEW_NIP}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), /KANIM-PLG.*Penyidik.*Aktif/);
  await shot(page, 'admin-user-added');
  await ctx.close();

  // he logs on with the password he was given
  const his = await web.open();
  await his.page.goto(`${BASE}/`);
  await his.page.getByLabel('NIP').fill(NEW_NIP);
  await his.page.getByLabel('Kata sandi').fill(NEW_PW);
  await his.page.getByRole('button', { name: 'Masuk' }).click();
  await his.page.getByRole('heading', { name: 'Perkara', exact: true }).waitFor();
  assert.match(await his.page.locator('#who').textContent(), new RegExp(`${NEW_NAME} · Penyidik · KANIM-PLG`));
  assert.deepEqual([...errors, ...his.errors], []);
  await his.ctx.close();
});

test('Nonaktifkan asks first; Batal leaves him; confirmed, his session ends and he cannot log on', async () => {
  const token = (await must('POST', '/api/v1/sessions', null, { nip: NEW_NIP, password: NEW_PW }, 201)).token;
  await must('GET', '/api/v1/me', token, undefined, 200);
  const { ctx, page, errors } = await web.open();
  await adminUsers(page);
  const row = page.locator(`#users tr[data-nip="${NEW_NIP}"]`);
  // his own row has no such button: an admin cannot disable himself
  assert.equal(await page.locator(`#users tr[data-nip="${ADMIN}"]`).getByRole('button', { name: /Nonaktifkan/ }).count(), 0);

  await row.getByRole('button', { name: `Nonaktifkan ${NEW_NAME}` }).click();
  await row.getByText(`Nonaktifkan ${NEW_NAME}? Ia tidak dapat masuk lagi dan sesinya diakhiri.`).waitFor();
  await row.getByRole('button', { name: 'Batal' }).click();
  await row.getByRole('button', { name: `Nonaktifkan ${NEW_NAME}` }).waitFor();
  assert.equal((await users()).find((x) => x.nip === NEW_NIP).disabled, false);
  await must('GET', '/api/v1/me', token, undefined, 200);

  await row.getByRole('button', { name: `Nonaktifkan ${NEW_NAME}` }).click();
  await row.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
  await row.getByText('Pengguna dinonaktifkan; ia tidak dapat masuk lagi.').waitFor();
  assert.equal(await row.locator('td[data-label="Status"]').textContent(), 'Nonaktif');
  assert.equal(await row.getByRole('button', { name: /Nonaktifkan/ }).count(), 0);
  assert.equal((await users()).find((x) => x.nip === NEW_NIP).disabled, true);
  await shot(page, 'admin-user-disabled');
  // his session is over, and a new log-on is refused
  assert.equal((await call('GET', '/api/v1/me', token)).status, 401);
  await ctx.close();

  const his = await web.open();
  await his.page.goto(`${BASE}/`);
  await his.page.getByLabel('NIP').fill(NEW_NIP);
  await his.page.getByLabel('Kata sandi').fill(NEW_PW);
  await his.page.getByRole('button', { name: 'Masuk' }).click();
  await his.page.getByText('NIP atau kata sandi salah, atau akun sedang dikunci.').waitFor();
  assert.match(his.page.url(), /#\/masuk$/);
  assert.deepEqual([...errors, ...his.errors], []);
  await his.ctx.close();
});
