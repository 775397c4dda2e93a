// review.test.mjs - the supervisor's board says what a supervisor looks for across the offices
// under him (DOMAIN 10.1, 11 item 9):
//   - a file the prosecutor returned twice - the P-19, then the ordinary letter naming its unmet
//     items (SE JAM Pidum B-3326/E/EJP/11/2011) - says so on its row and is marked as bouncing
//     ("bolak-balik", rule pingpong_rounds: a second return), and its office's count says so:
//     the demo's Pontianak file LK/KANIM-PTK/2026/0001;
//   - the files waiting on the prosecutor are found by who must act (the list's actor filter):
//     an SPDP sent nine days ago whose P-17 (DOMAIN D14) is the prosecutor's next deadline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, NIP, browser, shot, must, login, daysAgo, officeId, pageLogin, delivered } from './lib.mjs';

let b;
let inv;

before(async () => {
  b = await browser();
  inv = await login(NIP.invPlg);
});

after(async () => {
  await b?.close();
});

test('a file returned a second time, by letter after its P-19, is marked bolak-balik on the board', async () => {
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await pageLogin(page, NIP.supDitjen);
  await page.getByRole('heading', { name: 'Papan tinjauan' }).waitFor();
  const row = page.locator('#review-list tbody tr', { hasText: 'LK/KANIM-PTK/2026/0001' });
  await row.waitFor();
  assert.match(await row.innerText(), /Dikembalikan 2 kali/);
  await row.locator('.badge.pingpong', { hasText: 'Bolak-balik' }).waitFor();
  const office = page.locator('#office-counts tbody tr', { hasText: 'KANIM-PTK' });
  assert.equal(await office.locator('td[data-label="Bolak-balik"]').innerText(), '1');
  await shot(page, 'review-pingpong');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the supervisor finds the files waiting on the prosecutor by who must act', async () => {
  const kejari = await officeId(inv, 'KEJARI-PLG');
  const c = await must('POST', '/api/v1/cases', inv, { source: 'supervision', opened_on: daysAgo(10), summary: 'Uji papan: menunggu P-17 penuntut umum', kejari_id: kejari }, 201);
  const ev = (body) => must('POST', `/api/v1/cases/${c.id}/events`, inv, body, 201);
  await ev({ type: 'sprindik_issued', date: daysAgo(10) });
  await ev({ type: 'spdp_sent', date: daysAgo(9), recipient: 'kejari' });
  const p = await must('POST', `/api/v1/cases/${c.id}/parties`, inv, { kind: 'suspect', name: 'Le Van Tunggu', nationality: 'VN' }, 201);
  await ev({ type: 'suspect_designated', date: daysAgo(2), party_id: p.id });
  // the investigator's own notices delivered in time (the SPDP's recipients the day it was sent,
  // Permenkumham 39/2021 Pasal 27; the suspect told of his designation, D15): a notice owed past
  // its day would be the investigator's deadline passed, before the prosecutor's P-17
  await delivered(ev, daysAgo(9), ['spdp_kejari', 'spdp_korwas', 'spdp_pelapor']);
  await delivered(ev, daysAgo(2), ['penetapan_tersangka', 'spdp_tersangka', 'spdp_perwakilan_negara'], p.id);

  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await pageLogin(page, NIP.supPlg);
  await page.getByRole('heading', { name: 'Papan tinjauan' }).waitFor();
  await page.getByLabel('Harus bertindak').selectOption('prosecutor');
  // the filtered list, not the unfiltered one still on the page: its answer, then its rows drawn
  // (the unfiltered list holds the case too, and the investigator's files)
  const filtered = page.waitForResponse((r) => r.url().includes('/api/v1/review?') && r.url().includes('actor=prosecutor'));
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await filtered;
  await page.waitForURL(/actor=prosecutor/);
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('#review-list tbody td[data-label="Harus bertindak"]')];
    return cells.length > 0 && cells.every((td) => td.textContent === 'Penuntut Umum');
  });
  const row = page.locator('#review-list tbody tr', { hasText: c.number });
  await row.waitFor();
  assert.match(await row.innerText(), /P-17/);
  const actors = await page.locator('#review-list tbody td[data-label="Harus bertindak"]').allInnerTexts();
  assert.ok(actors.length >= 1);
  assert.deepEqual([...new Set(actors)], ['Penuntut Umum']);
  // the filter stays chosen on the page drawn again
  assert.equal(await page.locator('#f-actor').inputValue(), 'prosecutor');
  await shot(page, 'review-prosecutor');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// A notice the law owes that is past its day is a deadline of the file passed: the demo's Muara
// Enim file owes its foreign suspect's embassy the SPDP through the Ministry of Foreign Affairs
// (Permenkumham 39/2021 Pasal 27(6)) since 22 November. The board says how late beside the
// notice, and the file is overdue ("Lewat waktu"), counted so for its office - not "Aman".
test('a notice owed past its day is shown late on the board', async () => {
  const watcher = await login(NIP.supDitjen);
  const list = await must('GET', '/api/v1/review?limit=100', watcher, undefined, 200);
  const item = list.items.find((x) => x.number === 'LK/KANIM-MRE/2026/0001');
  const owed = item.notices.find((n) => n.code === 'spdp_to_perwakilan_negara');
  assert.equal(owed.state, 'overdue');
  assert.ok(owed.days_left < 0);

  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await pageLogin(page, NIP.supDitjen);
  await page.getByRole('heading', { name: 'Papan tinjauan' }).waitFor();
  const row = page.locator('#review-list tbody tr', { hasText: 'LK/KANIM-MRE/2026/0001' });
  await row.waitFor();
  const line = row.locator('small.notice-overdue', { hasText: 'perwakilan negara' });
  assert.match(await line.innerText(), new RegExp(`terlambat ${-owed.days_left} hari`));
  // the file is overdue: the API says so, the row's badge too, and its office's count holds it
  assert.equal(item.state, 'overdue');
  await row.locator('.badge.overdue', { hasText: 'Lewat waktu' }).waitFor();
  const counts = await must('GET', '/api/v1/review/offices', watcher, undefined, 200);
  const mre = counts.items.find((o) => o.code === 'KANIM-MRE');
  const overdue = await must('GET', '/api/v1/review?limit=100&office=KANIM-MRE&state=overdue', watcher, undefined, 200);
  assert.ok(overdue.items.some((x) => x.number === 'LK/KANIM-MRE/2026/0001'));
  assert.equal(mre.overdue, overdue.items.length);
  await shot(page, 'review-notice-late');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// A Kanwil holds few files itself: its row of the counts per office totals its own and those of
// every office under it (the API's subtree; the Ditjen's the whole tree), as the list narrowed to
// it shows them, with its own beside it - KANWIL-SUMSEL showed 0 overdue while the Muara Enim and
// Palembang files under it were overdue.
test('a Kanwil row of the counts per office totals the offices under it', async () => {
  const watcher = await login(NIP.supDitjen);
  const counts = await must('GET', '/api/v1/review/offices', watcher, undefined, 200);
  const kanwil = counts.items.find((o) => o.code === 'KANWIL-SUMSEL');
  const under = counts.items.filter((o) => ['KANIM-PLG', 'KANIM-MRE'].includes(o.code));
  assert.equal(under.length, 2);
  // its subtree is its own files and its Kanims' (and their UKK's), each counted once
  const listed = await must('GET', `/api/v1/review?limit=100&office=KANWIL-SUMSEL&state=overdue`, watcher, undefined, 200);
  assert.equal(listed.next_cursor, null);
  assert.equal(kanwil.subtree.overdue, listed.items.length);
  assert.ok(kanwil.subtree.overdue >= under.reduce((n, o) => n + o.overdue, 0));
  assert.ok(kanwil.subtree.overdue > kanwil.overdue);
  const ditjen = counts.items.find((o) => o.code === 'DITJEN');
  assert.deepEqual(ditjen.subtree, counts.total);

  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await pageLogin(page, NIP.supDitjen);
  await page.getByRole('heading', { name: 'Papan tinjauan' }).waitFor();
  const cell = page.locator('#office-counts tr[data-office="KANWIL-SUMSEL"] td[data-count="overdue"]');
  await cell.waitFor();
  assert.equal(await cell.innerText(), `${kanwil.subtree.overdue} (kantor ini ${kanwil.overdue})`);
  // a Kanim without offices under it: its own number alone
  const plg = under.find((o) => o.code === 'KANIM-PLG');
  if (plg.subtree.overdue === plg.overdue) {
    assert.equal(await page.locator('#office-counts tr[data-office="KANIM-PLG"] td[data-count="overdue"]').innerText(), String(plg.overdue));
  }
  await shot(page, 'review-counts-subtree');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// The notices the law owes are reasons the supervisor can filter by: a suspect designated three
// days ago and not told (UU 20/2025 Pasal 90 as reported, D15: within 1 day) is the file's
// deadline passed, the investigator's to act on - found under "Pemberitahuan penetapan tersangka".
test('the supervisor filters the board by an overdue notice', async () => {
  const kejari = await officeId(inv, 'KEJARI-PLG');
  const c = await must('POST', '/api/v1/cases', inv, { source: 'supervision', opened_on: daysAgo(4), summary: 'Uji papan: penetapan belum diberitahukan', kejari_id: kejari }, 201);
  const ev = (body) => must('POST', `/api/v1/cases/${c.id}/events`, inv, body, 201);
  await ev({ type: 'sprindik_issued', date: daysAgo(3) });
  const p = await must('POST', `/api/v1/cases/${c.id}/parties`, inv, { kind: 'suspect', name: 'Tran Thi Lupa', nationality: 'VN' }, 201);
  await ev({ type: 'suspect_designated', date: daysAgo(3), party_id: p.id });

  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await pageLogin(page, NIP.supPlg);
  await page.getByRole('heading', { name: 'Papan tinjauan' }).waitFor();
  await page.getByLabel('Alasan').selectOption({ label: 'Pemberitahuan penetapan tersangka' });
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await page.waitForURL(/reason=designation_notice/);
  const row = page.locator('#review-list tbody tr', { hasText: c.number });
  await row.waitFor();
  assert.match(await row.innerText(), /Tran Thi Lupa/);
  assert.equal(await row.locator('td[data-label="Harus bertindak"]').innerText(), 'Penyidik (PPNS Keimigrasian)');
  await row.locator('.badge.overdue', { hasText: 'Lewat waktu' }).waitFor();
  assert.equal(await page.locator('#f-reason').inputValue(), 'designation_notice');
  await shot(page, 'review-notice-filter');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// The acceptance tester's row (board2): on the last day of a detention (KUHAP 24(1): 20 days, day 1
// the order's) the suspect is lawfully held until midnight, while the family was never given the
// copies of the arrest's and the detention's orders (KUHAP 18(3), 21(3): within a day) nor his
// representation told (VCCR 36). The row read "Lewat waktu ... Penahanan ... hari ini": its words
// must name the clock that is late - the family's copy - and the one held is still on the row, in
// time; the other late clocks are named (the detention's copy and the consular notice among the
// notices), and the file is found under each.
test('on the last day of a detention the row names the late notice, and the one held in time', async () => {
  const kejari = await officeId(inv, 'KEJARI-PLG');
  const c = await must('POST', '/api/v1/cases', inv, { source: 'supervision', opened_on: daysAgo(22), summary: 'Uji papan: hari terakhir penahanan, tembusan keluarga lewat', kejari_id: kejari }, 201);
  const ev = (body) => must('POST', `/api/v1/cases/${c.id}/events`, inv, body, 201);
  await ev({ type: 'sprindik_issued', date: daysAgo(21) });
  const p = await must('POST', `/api/v1/cases/${c.id}/parties`, inv, { kind: 'suspect', name: 'Vo Van Cho', nationality: 'VN' }, 201);
  await must('POST', `/api/v1/cases/${c.id}/offences`, inv, { code: '122', party_id: p.id }, 201);
  await ev({ type: 'suspect_designated', date: daysAgo(21), party_id: p.id });
  await ev({ type: 'spdp_sent', date: daysAgo(20), recipient: 'kejari' });
  await delivered(ev, daysAgo(21), ['penetapan_tersangka'], p.id);
  await delivered(ev, daysAgo(20), ['spdp_kejari', 'spdp_korwas']);
  await delivered(ev, daysAgo(20), ['spdp_tersangka', 'spdp_perwakilan_negara'], p.id);
  await ev({ type: 'arrested', at: `${daysAgo(19)}T09:00:00+07:00`, party_id: p.id, polri_order: 'SP.Kap/12/2026' });
  await ev({ type: 'detained', at: `${daysAgo(19)}T15:00:00+07:00`, party_id: p.id, detention_type: 'rutan', polri_order: 'SP.Han/12/2026' });

  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await pageLogin(page, NIP.supPlg);
  await page.getByRole('heading', { name: 'Papan tinjauan' }).waitFor();
  await page.goto(`${BASE}/#/tinjauan?reason=family_detention_notice`);
  await page.waitForFunction(() => document.querySelector('#f-reason')?.value === 'family_detention_notice');
  const row = page.locator('#review-list tbody tr', { hasText: c.number });
  await row.waitFor();
  const reason = await row.locator('td[data-label="Alasan"]').innerText();
  assert.match(reason, /^Tembusan surat perintah (penangkapan|penahanan) kepada keluarga — Vo Van Cho/);
  assert.match(reason, /Ditahan: Penahanan oleh penyidik[^\n]*Vo Van Cho[^\n]*hari ini/);
  assert.match(await row.locator('td[data-label="Tenggat"]').innerText(), /terlambat 18 hari/);
  await row.locator('.badge.overdue', { hasText: 'Lewat waktu' }).waitFor();
  await shot(page, 'review-last-day-of-detention');
  // found by the one held too
  await page.goto(`${BASE}/#/tinjauan?reason=detention`);
  await page.waitForFunction(() => document.querySelector('#f-reason')?.value === 'detention');
  await page.locator('#review-list tbody tr', { hasText: c.number }).waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();
});

// A file ended by SP3 no longer owes the notices it never gave (core/clock.c close_owed): the
// family's copy of the arrest order (KUHAP 18(3)), past its day when the SP3 came, is a missed
// notice - shown on the row while the file is listed for what can still be done (the SP3's own
// notice, KUHAP 109(3)), "tidak disampaikan sampai berkas berakhir", not "terlambat" - and no
// reason of the file; once the SP3 is notified to each recipient owed it, the file is off the
// board.
test('a notice missed when the file ended is shown on the board as missed, not owed', async () => {
  // the SPDP's copy to Korwas PPNS (Permenkumham 39/2021 Pasal 27(2)) never sent: the SP3 ends
  // the investigation it told of, so it is missed, not owed (core/clock.c close_owed) - unlike a
  // notice of a suspect's custody, which outlives the file (the law suite tests that)
  const kejari = await officeId(inv, 'KEJARI-PLG');
  const c = await must('POST', '/api/v1/cases', inv, { source: 'supervision', opened_on: daysAgo(20), summary: 'Uji papan: SP3, tembusan SPDP kepada Korwas tidak disampaikan', kejari_id: kejari }, 201);
  const ev = (body) => must('POST', `/api/v1/cases/${c.id}/events`, inv, body, 201);
  await ev({ type: 'sprindik_issued', date: daysAgo(20) });
  await ev({ type: 'spdp_sent', date: daysAgo(20), recipient: 'kejari' });
  await delivered(ev, daysAgo(20), ['spdp_kejari']);
  const p = await must('POST', `/api/v1/cases/${c.id}/parties`, inv, { kind: 'suspect', name: 'Pham Van Lupa', nationality: 'ID' }, 201);
  await ev({ type: 'suspect_designated', date: daysAgo(20), party_id: p.id });
  await delivered(ev, daysAgo(20), ['penetapan_tersangka', 'spdp_tersangka'], p.id);
  await ev({ type: 'sp3_issued', date: daysAgo(3), ground: 'tidak_cukup_bukti', polri_involved: true });

  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await pageLogin(page, NIP.supPlg);
  await page.getByRole('heading', { name: 'Papan tinjauan' }).waitFor();
  const row = page.locator('#review-list tbody tr', { hasText: c.number });
  await row.waitFor();
  const line = row.locator('small.flag:not(.also-late)', { hasText: 'Korwas' });
  // the SP3 is owed to the PU and to the suspect, each a late clock of the row (UU 20/2025
  // Pasal 24(4)): the one not the headline is named among the others late
  assert.match(await row.locator('small.also-late').innerText(), /tersangka atau keluarganya/);
  assert.match(await line.innerText(), /tidak disampaikan sampai berkas berakhir/);
  assert.doesNotMatch(await line.innerText(), /terlambat/);
  assert.equal(await line.getAttribute('class'), 'flag');
  await shot(page, 'review-missed-notice');
  // the SP3 told to the PU and to the suspect (UU 20/2025 Pasal 24(4): a clock each; the file
  // has no reporter or victim, so no one else is owed it)
  await ev({ type: 'sp3_notified', date: daysAgo(2), recipient: 'kejari' });
  await ev({ type: 'sp3_notified', date: daysAgo(2), recipient: 'suspect' });
  await page.reload();
  await page.getByRole('heading', { name: 'Papan tinjauan' }).waitFor();
  await page.locator('#review-list tbody tr').first().waitFor();
  assert.equal(await page.locator('#review-list tbody tr', { hasText: c.number }).count(), 0);
  // the case's clocks keep the fault in sight: missed, not "selesai"
  await page.goto(`${BASE}/#/perkara/${c.id}`);
  const clock = page.locator('#clocks tr[data-clock="spdp_to_korwas"]');
  await clock.waitFor();
  const text = await clock.innerText();
  assert.match(text, /Tidak disampaikan sampai berkas berakhir \(terlewat\)/);
  assert.match(text, /tidak disampaikan/);
  assert.match(text, /Terlewat/);
  assert.doesNotMatch(text, /selesai/);
  await shot(page, 'case-missed-notice');
  assert.deepEqual(errors, []);
  await ctx.close();
});
