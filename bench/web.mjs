// bench/web.mjs - first load of each page, as a browser with an empty cache
// makes it: every byte over the wire (the page, its modules and style, and
// the API calls it makes) and the milliseconds from navigation until the
// page shows its content.  Run by bench/web against a berkasd with the demo.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { chromium } = await import(pathToFileURL(path.join(here, '../tests/web/node_modules/playwright-core/index.mjs')).href);
const BASE = process.env.BERKAS_URL;
const PW = 'demo-berkas-2026';
const RUNS = Number(process.env.RUNS || 5);

const b = await chromium.launch({
  executablePath: process.env.BERKAS_CHROMIUM || '/usr/bin/chromium',
  args: process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [],
});

async function logon(ctx, nip) {
  const r = await ctx.request.post(`${BASE}/api/v1/sessions`, {
    data: { nip, password: PW, cookie: true },
    headers: { Origin: BASE, 'X-Berkas-CSRF': '1' },
  });
  if (r.status() !== 201) throw new Error(`log-on ${nip}: ${r.status()}`);
}

// one cold load: a fresh context (empty cache), logged on through the API
async function once(nip, hash, ready) {
  const ctx = await b.newContext();
  if (nip) await logon(ctx, nip);
  const page = await ctx.newPage();
  let bytes = 0;
  let requests = 0;
  page.on('requestfinished', async (req) => {
    requests++;
    const s = await req.sizes().catch(() => null);
    if (s) bytes += s.responseBodySize + s.responseHeadersSize;
  });
  const t0 = performance.now();
  await page.goto(`${BASE}/${hash}`);
  await page.locator(ready).first().waitFor();
  const ms = performance.now() - t0;
  await page.waitForLoadState('networkidle');
  await ctx.close();
  return { ms, bytes, requests };
}

const pages = [
  ['log-on', null, '', '#banner:not(:empty)'],
  ['review board (supervisor, Kanwil)', '197905032003121003', '#/tinjauan', '#review-list tbody tr'],
  ['case page (supervisor)', '197905032003121003', '#/perkara/3', '#clocks'],
  ['inbox (prosecutor)', '198110102006042002', '#/kotak-masuk', '#inbox tbody tr'],
  ['case page (prosecutor)', '198110102006042002', '#/perkara/3', '#sec-docs'],
  ['cases (investigator)', '198811112010121001', '#/perkara', '#cases tbody tr'],
  ['statistics (supervisor, Kanwil)', '197905032003121003', '#/statistik', '#chart-stages'],
];
console.log(`first load, empty cache, ${RUNS} runs each (median ms; bytes incl. headers and API calls)`);
for (const [name, nip, hash, ready] of pages) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(nip, hash, ready));
  runs.sort((x, y) => x.ms - y.ms);
  const m = runs[Math.floor(runs.length / 2)];
  console.log(`${name.padEnd(36)} ${String(Math.round(m.ms)).padStart(6)} ms ${String(m.bytes).padStart(8)} bytes ${String(m.requests).padStart(3)} requests`);
}
await b.close();
