// rules.test.mjs - the legal rule values on the web (#/aturan, "Aturan
// hukum"): the admin sees both rule sets with when each is in force (UU
// 8/1981 until 1 January 2026, UU 20/2025 from 2 January 2026: DOMAIN.md
// 0, 9), every value with its meaning, unit and basis, and the values DOMAIN
// calls UNCERTAIN marked "Belum dipastikan" (under UU 20/2025 the copy of
// the suspect's BAP, D16, and the Ketua PN's approval of an urgent search or
// seizure, D8); a value changed in its row is what the API then reads, with
// its mark; a value the server refuses (-1, "abc") is shown beside its row
// with nothing changed; a Kanwil's admin (the values are national) is told
// they are not his to change and given no form, and the server refuses him
// still; an investigator is told the page is for administrators.  Every
// value changed is set back (the other browser tests rely on the demo's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, adminBrowser, BASE, NIP, shot, call, must, login, officeId, pageLogin } from './lib.mjs';

const KANWIL_ADMIN = '198603032011011006';
const KANWIL_PW = 'Jembatan-Ampera-malam-sembilan-2026';
const web = adminBrowser();

async function sets() {
  return (await must('GET', '/api/v1/rulesets', web.admin, undefined, 200)).items;
}
async function rule(name, key) {
  const s = (await sets()).find((x) => x.name === name);
  assert.ok(s, `rule set ${name} listed`);
  const v = s.values.find((x) => x.key === key);
  assert.ok(v, `${name} ${key} listed`);
  return v;
}

// the admin's way there: log on, then the menu's link
async function adminRules(page) {
  await pageLogin(page, ADMIN);
  await page.getByRole('heading', { name: 'Pengaturan', exact: true }).waitFor();
  await page.locator('#nav').getByRole('link', { name: 'Aturan hukum' }).click();
  await page.getByRole('heading', { name: 'Aturan hukum', exact: true }).waitFor();
  assert.match(page.url(), /#\/aturan$/);
}

// text as a regular expression matches it
const esc = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function rowOf(page, name, key) {
  const row = page.locator(`section[data-ruleset="${name}"] tr[data-key="${key}"]`);
  return {
    row,
    input: row.getByLabel(`Nilai baru ${name} ${key}`),
    verify: row.getByLabel('belum dipastikan'),
    note: row.getByLabel('Alasan (boleh kosong)'),
    from: row.getByLabel('Berlaku sejak (kosong: hari ini)'),
    override: row.getByLabel(/override/),
    save: row.getByRole('button', { name: 'Simpan' }),
    msg: row.locator('.msg'),
  };
}

test('the admin opens Aturan hukum from the menu: both rule sets, in force when the law says, the UNCERTAIN values marked', async () => {
  const { ctx, page, errors } = await web.open();
  await adminRules(page);
  const api = await sets();
  assert.deepEqual(api.map((s) => s.name).sort(), ['KUHAP-1981', 'KUHAP-2025']);
  // the law (DOMAIN 0, 9): UU 20/2025 from 2 January 2026, UU 8/1981 until the day before
  assert.equal(api.find((s) => s.name === 'KUHAP-2025').effective_from, '2026-01-02');
  const old = page.locator('section[data-ruleset="KUHAP-1981"]');
  const now = page.locator('section[data-ruleset="KUHAP-2025"]');
  await old.getByRole('heading', { name: 'KUHAP-1981' }).waitFor();
  await now.getByRole('heading', { name: 'KUHAP-2025' }).waitFor();
  assert.match(await old.locator('.in-force').textContent(), /^Berlaku sejak 31 Des 1981 sampai 1 Jan 2026 \(lalu KUHAP-2025\)/);
  assert.match(await now.locator('.in-force').textContent(), /^Berlaku sejak 2 Jan 2026 sampai sekarang/);

  // DOMAIN D16 and D8: under UU 20/2025 the days for the BAP's copy and for
  // the Ketua PN's approval are not confirmed; the 1981 code has no BAP-copy clock
  for (const key of ['bap_copy_days', 'pn_approval_days']) {
    const v = await rule('KUHAP-2025', key);
    assert.equal(v.to_verify, true, `KUHAP-2025 ${key} to verify`);
    const r = rowOf(page, 'KUHAP-2025', key);
    assert.equal(await r.row.locator('.mark').textContent(), 'Belum dipastikan');
    assert.equal(await r.row.locator('code.value').textContent(), `${v.value} hari`);
    assert.equal(await r.verify.isChecked(), true);
  }
  const copy81 = await rule('KUHAP-1981', 'bap_copy_days');
  assert.deepEqual([copy81.value, copy81.to_verify], [0, false]);
  assert.equal(await rowOf(page, 'KUHAP-1981', 'bap_copy_days').row.locator('.mark').textContent(), 'Dipastikan');

  // every value of the API, one row each, its meaning, basis and mark as the API has them
  for (const s of api) {
    const rows = await page.locator(`section[data-ruleset="${s.name}"] tbody tr`).evaluateAll((trs) =>
      trs.map((tr) => ({
        key: tr.dataset.key,
        text: tr.querySelector('th').textContent,
        basis: tr.querySelectorAll('td')[1].textContent,
        mark: tr.querySelector('.mark').textContent,
      })),
    );
    assert.deepEqual(
      rows,
      s.values.map((v) => ({ key: v.key, text: `${v.label}${v.key}`, basis: v.basis, mark: v.to_verify ? 'Belum dipastikan' : 'Dipastikan' })),
    );
    const open = s.values.filter((v) => v.to_verify).length;
    assert.match(await page.locator(`section[data-ruleset="${s.name}"] .in-force`).textContent(), new RegExp(`${open} dari ${s.values.length} nilai belum dipastikan$`));
  }
  // hours are hours: the arrest lasts 1 day (KUHAP 19(1))
  assert.equal(await rowOf(page, 'KUHAP-1981', 'arrest_hours').row.locator('code.value').textContent(), '24 jam');
  await shot(page, 'admin-rules');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the admin changes KUHAP-2025 pn_approval_days 2 -> 3 and its mark with a reason, the API reads each and the row says who, when and why, then sets it back', async () => {
  const name = 'KUHAP-2025';
  const key = 'pn_approval_days';
  const was = await rule(name, key);
  assert.deepEqual([was.value, was.to_verify], [2, true]);
  const me = await must('GET', '/api/v1/me', web.admin, undefined, 200);
  const { ctx, page, errors } = await web.open();
  await adminRules(page);
  assert.equal(await page.locator('#read-only').count(), 0); // the Ditjen's: a root office
  const r = rowOf(page, name, key);
  const amended = r.row.locator('.amended');
  const why = 'Disesuaikan dengan surat edaran Dirjen, menunggu teks resmi';
  assert.equal(was.amended, null); // the demo's: never amended
  assert.equal(await amended.textContent(), 'Belum pernah diubah.');

  await r.input.fill('3');
  await r.note.fill(why);
  await r.save.click();
  await r.msg.getByText('Tersimpan: 3 hari, belum dipastikan.').waitFor();
  const three = await rule(name, key);
  const { amended: a3, ...rest3 } = three;
  const { amended: _was, ...restWas } = was;
  assert.deepEqual(rest3, { ...restWas, value: 3 });
  // the amendment as the API has it: the reason given, the admin, the time
  assert.equal(a3.note, why);
  assert.deepEqual(a3.by, { id: me.id, name: me.name });
  // and as the row says it, in the browser's zone
  const at = await page.evaluate((iso) => {
    const t = new Date(iso);
    const p = (n) => String(n).padStart(2, '0');
    return `${p(t.getHours())}.${p(t.getMinutes())}`;
  }, a3.at);
  assert.match(await amended.textContent(), new RegExp(`^Diubah \\d+ \\S+ \\d{4} ${at.replace('.', '\\.')} oleh ${esc(me.name)}: ${why}\\.$`));
  assert.equal(await amended.locator('q').textContent(), why);
  assert.equal(await r.note.inputValue(), '');
  assert.equal(await r.row.locator('code.value').textContent(), '3 hari');
  // the other set is its own
  assert.equal((await rule('KUHAP-1981', key)).value, 2);

  // confirmed, without a reason: the mark off is stored too, the reason was the last change's
  await r.verify.uncheck();
  await r.save.click();
  await r.msg.getByText('Tersimpan: 3 hari, dipastikan.').waitFor();
  const confirmed = await rule(name, key);
  assert.deepEqual([confirmed.value, confirmed.to_verify, confirmed.amended.note], [3, false, '']);
  assert.equal(await r.row.locator('.mark').textContent(), 'Dipastikan');
  assert.match(await amended.textContent(), new RegExp(`oleh ${esc(me.name)} \\(tanpa alasan\\)\\.$`));
  await shot(page, 'admin-rules-saved');

  // the row says from when the value applies and what it replaced
  assert.match(await r.row.locator('.since').textContent(), /^Berlaku sejak .* \(sebelumnya 3\)\.$/);

  // a verified value is not changed without an override (play4 #26): refused beside its row
  await r.input.fill('2');
  await r.save.click();
  const alert = r.row.getByRole('alert');
  await alert.getByText('Nilai tidak diubah').waitFor();
  assert.match(await alert.textContent(), /sudah dipastikan/);
  assert.equal((await rule(name, key)).value, 3);

  // back as the demo has it, overriding with a reason
  await r.input.fill('2');
  await r.verify.check();
  await r.override.check();
  await r.note.fill('Dikembalikan seperti semula');
  await r.save.click();
  await r.msg.getByText('Tersimpan: 2 hari, belum dipastikan.').waitFor();
  const back = await rule(name, key);
  const { amended: aBack, ...restBack } = back;
  assert.deepEqual(restBack, restWas);
  assert.equal(aBack.note, 'Dikembalikan seperti semula');
  assert.equal(await r.row.locator('.mark').textContent(), 'Belum dipastikan');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a value the server refuses (-1, "abc") is shown beside its row, nothing changed', async () => {
  const name = 'KUHAP-2025';
  const key = 'pn_approval_days';
  const before = await sets();
  const { ctx, page, errors } = await web.open();
  await adminRules(page);
  const r = rowOf(page, name, key);
  const cases = [
    ['-1', /Isian belum benar: nilai pn_approval_days harus antara 0 dan 30/],
    ['abc', /Isian belum benar: value harus bilangan bulat/],
  ];
  for (const [bad, why] of cases) {
    await r.input.fill(bad);
    await r.save.click();
    const alert = r.row.getByRole('alert');
    await alert.getByText('Nilai tidak diubah').waitFor();
    assert.match(await alert.textContent(), why);
    assert.deepEqual(await sets(), before);
    assert.equal(await r.row.locator('code.value').textContent(), '2 hari');
  }
  await shot(page, 'admin-rules-refused');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("a Kanwil's admin sees the values, is told they are not his to change and given no form; the server refuses him still", async () => {
  const kanwil = await officeId(web.admin, 'KANWIL-SUMSEL');
  await must('POST', '/api/v1/users', web.admin, { nip: KANWIL_ADMIN, name: 'Admin Uji Aturan', office_id: kanwil, role: 'admin', password: KANWIL_PW }, 201);
  const before = await sets();
  const { ctx, page, errors } = await web.open();
  await page.goto(`${BASE}/`);
  await page.getByLabel('NIP').fill(KANWIL_ADMIN);
  await page.getByLabel('Kata sandi').fill(KANWIL_PW);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: 'Pengaturan', exact: true }).waitFor();
  await page.locator('#nav').getByRole('link', { name: 'Aturan hukum' }).click();
  await page.getByRole('heading', { name: 'Aturan hukum', exact: true }).waitFor();
  const why = page.locator('#read-only');
  await why.waitFor();
  assert.match(await why.textContent(), /^Anda administrator Kantor Wilayah .*, bukan kantor pusat: nilai aturan nasional ini hanya dapat Anda lihat/);
  const r = rowOf(page, 'KUHAP-2025', 'bap_copy_days');
  assert.equal(await r.row.locator('code.value').textContent(), '1 hari');
  assert.equal(await page.locator('section[data-ruleset] form').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Simpan' }).count(), 0);
  // the page only says what the server decides
  const token = await login(KANWIL_ADMIN, KANWIL_PW);
  const refused = await call('PUT', '/api/v1/rulesets/KUHAP-2025/bap_copy_days', token, { value: 2 });
  assert.equal(refused.status, 403);
  assert.match(refused.json.detail, /^pengaturan nasional hanya oleh administrator kantor pusat/);
  assert.deepEqual(await sets(), before);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('an investigator opening #/aturan is told it is for administrators, and has no link to it', async () => {
  const { ctx, page, errors } = await web.open();
  await pageLogin(page, NIP.invPlg);
  await page.locator('#nav').getByRole('link', { name: 'Perkara' }).waitFor();
  assert.equal(await page.locator('#nav').getByRole('link', { name: 'Aturan hukum' }).count(), 0);
  await page.goto(`${BASE}/#/aturan`);
  await page.getByRole('heading', { name: 'Halaman ini hanya untuk administrator' }).waitFor();
  assert.equal(await page.locator('section[data-ruleset]').count(), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});
