// cases.js - the cases the caller may see (GET /api/v1/cases), with a
// search box (name, passport, case number: the API's q).
import { api } from './api.js';
import { h, show, append } from './dom.js';
import { STATES } from './fmt.js';
import { go } from './app.js';
import { openCaseForm } from './workbench.js';

function row(c) {
  return h(
    'tr',
    { 'data-case': c.id },
    h('td', { 'data-label': 'Perkara' }, h('a', { href: `#/perkara/${Number(c.id)}` }, c.number)),
    h('td', { 'data-label': 'Tahap' }, c.stage_label),
    h('td', { 'data-label': 'Keadaan' }, h('span', { class: `badge ${c.worst_clock}` }, STATES[c.worst_clock] || c.worst_clock)),
  );
}

export async function casesPage(main, query) {
  document.title = 'Perkara — berkas';
  const q = query.get('q') || '';
  const lq = new URLSearchParams({ limit: '50' });
  if (q) lq.set('q', q);
  const at = location.hash;
  const [list, opener] = await Promise.all([api('GET', `/api/v1/cases?${lq}`), openCaseForm()]);
  // a later navigation came while this one waited: it draws the page, not this one
  if (location.hash !== at) return;
  const input = h('input', { id: 'q', name: 'q', type: 'search', value: q, maxlength: 100 });
  const form = h('form', { class: 'filters', role: 'search' }, h('div', { class: 'field' }, h('label', { for: 'q' }, 'Cari (nama, paspor, nomor perkara)'), input), h('button', { type: 'submit' }, 'Cari'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    go(input.value.trim() ? `#/perkara?q=${encodeURIComponent(input.value.trim())}` : '#/perkara');
  });
  const tbody = h('tbody', null, (list.items || []).map(row));
  const more = h('div', { class: 'more' });
  const addMore = (cursor) => {
    show(more);
    if (!cursor) return;
    const b = h('button', { type: 'button' }, 'Muat berikutnya');
    b.addEventListener('click', async () => {
      b.disabled = true;
      const mq = new URLSearchParams(lq);
      mq.set('cursor', cursor);
      const next = await api('GET', `/api/v1/cases?${mq}`);
      append(tbody, (next.items || []).map(row));
      addMore(next.next_cursor);
    });
    append(more, b);
  };
  addMore(list.next_cursor);
  show(
    main,
    h('h1', null, 'Perkara'),
    opener,
    form,
    (list.items || []).length
      ? h('table', { class: 'list', id: 'cases' }, h('thead', null, h('tr', null, ['Perkara', 'Tahap', 'Keadaan'].map((t) => h('th', { scope: 'col' }, t)))), tbody)
      : h('p', { class: 'empty' }, 'Tidak ada perkara yang cocok.'),
    more,
  );
}
