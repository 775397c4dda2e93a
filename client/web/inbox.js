// inbox.js - the prosecutor's inbox (GET /api/v1/inbox): what arrived at
// the Kejari, one row per case, unread ones marked, the prosecutor's own
// deadlines first; ?unread=true narrows to the unread.
import { api } from './api.js';
import { h, show, append } from './dom.js';
import { date, daysLeft, STATES } from './fmt.js';
import { go } from './app.js';

function row(it) {
  const l = it.latest || {};
  const d = it.deadline;
  return h(
    'tr',
    { class: it.unread ? 'unread' : 'read', 'data-case': it.case_id },
    h(
      'td',
      { 'data-label': 'Perkara' },
      it.unread ? h('span', { class: 'badge new' }, 'Baru') : null,
      it.unread ? ' ' : null,
      h('a', { href: `#/perkara/${Number(it.case_id)}` }, it.number),
      h('br'),
      h('small', null, it.from ? it.from.name : ''),
    ),
    h('td', { 'data-label': 'Kiriman' }, l.label || '', h('br'), h('small', null, `dikirim ${date(l.sent_on)} · diterima ${l.received_on ? date(l.received_on) : 'belum'}`)),
    h('td', { 'data-label': 'Tersangka' }, (it.suspects || []).map((s) => `${s.name} (${s.nationality || '—'})`).join('; ') || '—'),
    h('td', { 'data-label': 'Pasal' }, (it.offences || []).map((o) => `Pasal ${o.code}`).join(', ') || '—'),
    h(
      'td',
      { 'data-label': 'Tenggat PU' },
      d ? [d.label, h('br'), h('small', null, `${date(d.due_date)} · ${daysLeft(d.days_left)} `), h('span', { class: `badge ${d.state}` }, STATES[d.state] || d.state)] : '—',
    ),
    h('td', { 'data-label': 'Tahap' }, it.stage_label),
  );
}

export async function inboxPage(main, query) {
  document.title = 'Kotak masuk — berkas';
  const unread = query.get('unread') === 'true';
  const q = new URLSearchParams({ limit: '50' });
  if (unread) q.set('unread', 'true');
  const at = location.hash;
  const list = await api('GET', `/api/v1/inbox?${q}`);
  // a later navigation came while this one waited: it draws the page, not this one
  if (location.hash !== at) return;
  const box = h('input', { type: 'checkbox', id: 'f-unread', checked: unread });
  box.addEventListener('change', () => go(box.checked ? '#/kotak-masuk?unread=true' : '#/kotak-masuk'));
  const tbody = h('tbody', null, (list.items || []).map(row));
  const more = h('div', { class: 'more' });
  const addMore = (cursor) => {
    show(more);
    if (!cursor) return;
    const b = h('button', { type: 'button' }, 'Muat berikutnya');
    b.addEventListener('click', async () => {
      b.disabled = true;
      const mq = new URLSearchParams(q);
      mq.set('cursor', cursor);
      const next = await api('GET', `/api/v1/inbox?${mq}`);
      append(tbody, (next.items || []).map(row));
      addMore(next.next_cursor);
    });
    append(more, b);
  };
  addMore(list.next_cursor);
  const unreadCount = (list.items || []).filter((x) => x.unread).length;
  show(
    main,
    h('h1', null, 'Kotak masuk'),
    h('p', { class: 'filters' }, h('label', { class: 'check' }, box, ' Hanya yang belum dibaca'), h('span', { id: 'unread-count' }, `${unreadCount} belum dibaca di halaman ini`)),
    (list.items || []).length
      ? h(
          'table',
          { class: 'list', id: 'inbox' },
          h('caption', null, 'Kiriman ke Kejaksaan Negeri Anda, tenggat Anda lebih dulu'),
          h('thead', null, h('tr', null, ['Perkara', 'Kiriman', 'Tersangka', 'Pasal', 'Tenggat PU', 'Tahap'].map((t) => h('th', { scope: 'col' }, t)))),
          tbody,
        )
      : h('p', { class: 'empty' }, 'Tidak ada kiriman.'),
    more,
  );
}
