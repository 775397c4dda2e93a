// lib.mjs - what the browser tests stand on: the berkasd that run.sh
// started (BERKAS_URL, with the demo data), Debian's chromium driven by
// playwright-core, the API as the CLI calls it (bearer tokens) for setting
// up and checking, and screenshots under test-results/.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE = process.env.BERKAS_URL || 'http://127.0.0.1:19080';
export const PW = 'demo-berkas-2026';
export const ADMIN = '198001152005011002'; // the demo's admin at the Ditjen (a root office)
export const NIP = {
  supDitjen: '198207202006042001',
  supKanwil: '197905032003121003',
  supPlg: '198604302009011004',
  invPlg: '198811112010121001',
  invPlg2: '199002142014022002',
  invPtk: '198912242012122002',
  prosPlg: '198110102006042002',
  prosMre: '198506062010011003',
  prosPtk: '198708182011012001',
};

const here = path.dirname(fileURLToPath(import.meta.url));
export const RESULTS = process.env.BERKAS_TEST_RESULTS || path.resolve(here, '../../test-results');
mkdirSync(RESULTS, { recursive: true });

export async function browser() {
  return chromium.launch({
    executablePath: process.env.BERKAS_CHROMIUM || '/usr/bin/chromium',
    // as root (CI containers) chromium runs only without its sandbox
    args: process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [],
  });
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true });
}

// The API with a bearer token, as the CLI calls it.
export async function call(method, p, token, body, headers = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(BASE + p, { method, headers: h, body: body !== undefined ? JSON.stringify(body) : undefined });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, headers: res.headers, text };
}

export async function must(method, p, token, body, want, headers) {
  const r = await call(method, p, token, body, headers);
  if (r.status !== want) throw new Error(`${method} ${p}: want ${want}, got ${r.status}: ${r.text}`);
  return r.json;
}

export async function login(nip, password = PW) {
  const r = await must('POST', '/api/v1/sessions', null, { nip, password }, 201);
  return r.token;
}

// "YYYY-MM-DD" of today minus n days in WIB (the demo's Palembang offices)
export function daysAgo(n) {
  const t = new Date(Date.now() + 7 * 3600e3 - n * 86400e3);
  return t.toISOString().slice(0, 10);
}

// the browser's own calendar, as the page's date input reads it
export function localDate(plusDays) {
  const d = new Date(Date.now() + plusDays * 86400e3);
  const p = (x) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// The notices an act owes delivered on `date` (letter_delivered, one per recipient: the SPDP's
// spdp_kejari, spdp_korwas, ...; the suspect's penetapan_tersangka, salinan_bap; the family's and
// the embassy's when he is held), each for party_id when given: a fixture whose notices are in
// time, so that a test looks at the file's own deadlines (a notice owed past its day is one too).
export async function delivered(ev, date, recipients, party_id) {
  for (const recipient of recipients) await ev({ type: 'letter_delivered', date, recipient, received_by: 'Petugas penerima', ...(party_id ? { party_id } : {}) });
}

// What the short procedure's hand-over needs before it (UU 6/2011 Pasal 110(2): the suspect
// examined, his BAP's paper with him; KUHAP 109(1) jo. MK 130/2015: the SPDP to the PU): the SPDP
// sent to the Kejari on `date`, his BAP tersangka recorded, written and issued. The file's Sprindik
// must have its number and the suspect his birth place and date (the BAP prints them).
export async function examinedForShortProcedure(token, caseId, partyId, date) {
  const ev = (b) => must('POST', `/api/v1/cases/${caseId}/events`, token, b, 201);
  await ev({ type: 'spdp_sent', date, recipient: 'kejari' });
  const bap = await ev({ type: 'bap_recorded', date, bap: 'tersangka', party_id: partyId });
  const path = `/api/v1/cases/${caseId}/events/${bap.id}/bap`;
  const view = await must('GET', path, token, undefined, 200);
  const content = {
    questions: [{ question: 'Apakah Saudara dalam keadaan sehat jasmani dan rohani?', answer: 'Ya, saya sehat.' }],
    counsel_informed: true,
    counsel: { status: 'present', name: 'Penasihat Hukum Uji, S.H.' },
  };
  const r = await call('PUT', path, token, content, { 'If-Match': `"${view.version}"` });
  if (r.status !== 200 && r.status !== 201) throw new Error(`PUT ${path}: ${r.status} ${r.text}`);
  await must('POST', `/api/v1/cases/${caseId}/forms/bap_tersangka`, token, { event: bap.id }, 201);
}

export async function officeId(token, code) {
  const r = await must('GET', '/api/v1/offices', token, undefined, 200);
  const items = r.items || r;
  const o = items.find((x) => x.code === code);
  if (!o) throw new Error(`no office ${code}`);
  return o.id;
}

// Log on in the page: NIP and password typed into the form.
export async function pageLogin(page, nip) {
  await page.goto(`${BASE}/`);
  await page.getByLabel('NIP').fill(nip);
  await page.getByLabel('Kata sandi').fill(PW);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

// What the administrator's tests (admin, users, rules) stand on: chromium
// launched before the file's tests and closed after them, the Ditjen's
// admin logged on through the API (web.admin, his bearer token, there from
// the first test on), and web.open(): a new page with its errors collected.
export function adminBrowser() {
  const web = {
    admin: null,
    browser: null,
    async open() {
      const ctx = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      return { ctx, page, errors };
    },
  };
  before(async () => {
    web.browser = await browser();
    web.admin = await login(ADMIN);
  });
  after(async () => {
    await web.browser?.close();
  });
  return web;
}
