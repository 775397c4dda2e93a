// stats.js - the monthly statistics (GET /api/v1/stats?month=YYYY-MM) of
// the caller's reach, per office and in total, with bar charts drawn here
// as plain SVG (every label set as text), and the same report as CSV and PDF.
import { api } from './api.js';
import { h, show } from './dom.js';
import { STAGES } from './fmt.js';
import { go } from './app.js';

const SVG = 'http://www.w3.org/2000/svg';
const ACTS = {
  report_registered: 'Laporan diregistrasi',
  sprindik_issued: 'Sprindik',
  tak_decided: 'Tindakan administratif',
  dismissed: 'Tidak dilanjutkan',
  tahap1_sent: 'Tahap I dikirim',
  p19_received: 'P-19 diterima',
  resubmitted: 'Dikirim ulang',
  p21_received: 'P-21 diterima',
  tahap2_done: 'Tahap II',
  short_procedure_handover: 'Penyerahan acara singkat',
  sp3_issued: 'SP3',
  lapsed: 'Lewat 60 hari',
};

function svg(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  if (text != null) el.textContent = String(text);
  return el;
}

// a horizontal bar chart of [label, value] rows
function bars(id, title, rows) {
  const max = Math.max(1, ...rows.map(([, v]) => v));
  const rowH = 26;
  const labelW = 300;
  const barW = 360;
  const height = rows.length * rowH + 10;
  const chart = svg('svg', { id, viewBox: `0 0 ${labelW + barW + 60} ${height}`, role: 'img', class: 'chart', 'aria-labelledby': `${id}-t` });
  chart.append(svg('title', { id: `${id}-t` }, title));
  rows.forEach(([label, v], i) => {
    const y = 5 + i * rowH;
    chart.append(svg('text', { x: labelW - 8, y: y + 17, 'text-anchor': 'end', class: 'lbl' }, label));
    chart.append(svg('rect', { x: labelW, y: y + 4, width: Math.max(v > 0 ? 2 : 0, (v / max) * barW), height: rowH - 8, class: 'bar' }));
    chart.append(svg('text', { x: labelW + (v / max) * barW + 6, y: y + 17, class: 'val' }, v));
  });
  return h('figure', { class: 'card' }, h('figcaption', null, title), chart);
}

function lastMonth() {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const days = (x) => (x && x.files ? `${x.median ?? '—'} hari (rata-rata ${x.avg ?? '—'}, ${x.files} berkas)` : '—');

export async function statsPage(main, query) {
  document.title = 'Statistik — berkas';
  const month = /^\d{4}-\d{2}$/.test(query.get('month') || '') ? query.get('month') : lastMonth();
  const at = location.hash;
  const r = await api('GET', `/api/v1/stats?month=${month}`);
  // a later navigation came while this one waited: it draws the page, not this one
  if (location.hash !== at) return;
  const input = h('input', { id: 'month', type: 'month', value: month, required: true });
  const form = h('form', { class: 'filters' }, h('div', { class: 'field' }, h('label', { for: 'month' }, 'Bulan'), input), h('button', { type: 'submit' }, 'Tampilkan'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (input.value) go(`#/statistik?month=${input.value}`);
  });
  const t = r.total || {};
  const stageRows = Object.entries(t.stages || {}).map(([k, v]) => [STAGES[k] || k, v]);
  const actRows = Object.entries(t.acts || {}).map(([k, v]) => [ACTS[k] || k, v]);
  const pasalRows = Object.entries(t.pasal || {}).map(([k, v]) => [`Pasal ${k}`, v]);
  const offices = h(
    'table',
    { class: 'list', id: 'stats-offices' },
    h('caption', null, 'Per kantor'),
    h('thead', null, h('tr', null, ['Kantor', 'Pro justitia', 'TAK', 'P-19', 'Sprindik s.d. P-21 (median)', 'P-21 s.d. Tahap II (median)', 'Hari penahanan', 'Dicatat terlambat'].map((x) => h('th', { scope: 'col' }, x)))),
    h(
      'tbody',
      null,
      (r.offices || []).map((o) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, o.office.code, h('small', null, ` ${o.office.name}`)),
          h('td', { 'data-label': 'Pro justitia' }, o.decisions ? o.decisions.pro_justitia : 0),
          h('td', { 'data-label': 'TAK' }, o.decisions ? o.decisions.tak : 0),
          h('td', { 'data-label': 'P-19' }, o.p19 ? o.p19.returns : 0),
          h('td', { 'data-label': 'Sprindik s.d. P-21' }, days(o.sprindik_to_p21)),
          h('td', { 'data-label': 'P-21 s.d. Tahap II' }, days(o.p21_to_tahap2)),
          h('td', { 'data-label': 'Hari penahanan' }, o.detention_days),
          h('td', { 'data-label': 'Dicatat terlambat' }, o.late_entries),
        ),
      ),
    ),
  );
  show(
    main,
    h('h1', null, `Statistik ${r.period ? r.period.label : month}`),
    h('p', { class: 'meta' }, r.reach ? r.reach.name : ''),
    form,
    h(
      'p',
      null,
      h('a', { href: `/api/v1/stats.pdf?month=${month}`, target: '_blank', rel: 'noopener', id: 'stats-pdf' }, 'Laporan PDF'),
      ' · ',
      h('a', { href: `/api/v1/stats?month=${month}&format=csv`, id: 'stats-csv' }, 'CSV'),
    ),
    h('div', { class: 'charts' }, bars('chart-stages', 'Berkas per tahap (akhir bulan)', stageRows), bars('chart-acts', 'Tindakan dalam bulan ini', actRows), pasalRows.length ? bars('chart-pasal', 'Berkas per Pasal', pasalRows) : null),
    offices,
  );
}
