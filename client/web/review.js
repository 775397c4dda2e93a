// review.js - the supervisor's review board: the stalled and late files of
// the offices in reach (GET /api/v1/review), why each is listed, who must
// act and by when; filters by office, reason, stage and state; the counts
// per office (GET /api/v1/review/offices).
import { api } from './api.js';
import { h, show, append } from './dom.js';
import { date, daysLeft, STATES, STAGES, REASONS, ACTORS } from './fmt.js';
import { go } from './app.js';

function badge(state) {
  return h('span', { class: `badge ${state || 'ok'}` }, STATES[state] || state || '');
}

function select(id, label, options, value) {
  const sel = h(
    'select',
    { id, name: id },
    h('option', { value: '' }, 'Semua'),
    options.map(([v, text]) => h('option', { value: v, selected: String(v) === value }, text)),
  );
  return h('div', { class: 'field' }, h('label', { for: id }, label), sel);
}

// a notice still owed after its day (not one delivered late, which says when it was)
function owedLate(n) {
  return !n.late && n.state === 'overdue';
}

function row(it) {
  const r = it.reason || {};
  const party = r.party && r.party.name ? ` — ${r.party.name}` : '';
  // the file's state comes from its earliest deadline, the reason from who is
  // at stake: a suspect held is the reason even when his file's P-17 is the
  // deadline that has passed (server/app/review.c)
  const first = it.earliest;
  // every other clock passed that the file is listed for (the API's reasons, the headline first):
  // the notices have their own lines below, the earliest its own
  const same = (a, b) => a && b && a.code === b.code && ((a.party && a.party.id) || 0) === ((b.party && b.party.id) || 0);
  const also = (it.reasons || []).slice(1).filter((x) => !same(x, first) && !(it.notices || []).some((n) => same(n, x)));
  return h(
    'tr',
    { class: `state-${it.state || r.state}`, 'data-case': it.case_id },
    h('td', { 'data-label': 'Perkara' }, h('a', { href: `#/perkara/${Number(it.case_id)}` }, it.number)),
    h('td', { 'data-label': 'Kantor' }, it.office ? it.office.code : ''),
    h(
      'td',
      { 'data-label': 'Tahap' },
      it.stage_short || it.stage_label,
      // every return of the file, the P-19 and the letters after it (DOMAIN 10.1); a second
      // one marks the file as bouncing (rule pingpong_rounds)
      it.p19_rounds ? [h('br'), h('small', { class: 'rounds' }, `Dikembalikan ${it.p19_rounds} kali`)] : [],
      it.pingpong ? [' ', h('span', { class: 'badge pingpong' }, 'Bolak-balik')] : [],
    ),
    h(
      'td',
      { 'data-label': 'Alasan' },
      (r.label || '') + party,
      first ? [h('br'), h('small', { class: 'earliest' }, `Tenggat paling awal: ${first.label} (${date(first.due_date)}, ${STATES[first.state] || first.state})`)] : [],
      also.length ? [h('br'), h('small', { class: 'flag also-late' }, `Juga lewat waktu: ${also.map((x) => `${x.label} (${date(x.due_date)}, ${daysLeft(x.days_left)})`).join('; ')}`)] : [],
      // a person held, when another clock is the headline (one passed while he is held in time)
      (it.detentions || []).filter((d) => !same(d, r) && !same(d, first)).map((d) => [
        h('br'),
        h('small', { class: 'held' }, `Ditahan: ${d.label}${d.party && d.party.name ? ` — ${d.party.name}` : ''} (${date(d.due_date)}, ${daysLeft(d.days_left)})`),
      ]),
      // listed for a deadline, and untouched past the stage's limit too
      it.idle ? [h('br'), h('small', { class: 'idle' }, `Tanpa kegiatan ${it.idle.days} hari sejak ${date(it.idle.since)} (batas ${it.idle.limit_days} hari)`)] : [],
      // what was recorded out of time with a reason (issue 13.3, 13.7)
      (it.flags || []).map((f) => [h('br'), h('small', { class: 'flag' }, f.label || f.code)]),
      // notices of arrest and detention overdue (issue 13.7); the SPDP's
      // recipients owed it or served late (13.8)
      // recipients owed it or served late (13.8); one still owed past its day says how late;
      // one never served before the file ended (missed) says so, no deadline any more
      (it.notices || []).map((n) => [
        h('br'),
        h(
          'small',
          { class: owedLate(n) ? 'flag notice-overdue' : 'flag' },
          `${n.label}${n.party && n.party.name ? ` — ${n.party.name}` : ''} (${date(n.due_date)}${n.late ? `; diterima ${date(n.delivered_on)}` : n.undelivered_reason !== undefined ? `; tidak dapat disampaikan (${n.undelivered_reason}), ${date(n.closed_on)}` : n.missed ? `; tidak disampaikan sampai berkas berakhir ${date(n.closed_on)}` : owedLate(n) ? `; ${daysLeft(n.days_left)}` : ''})`,
        ),
      ]),
    ),
    h('td', { 'data-label': 'Umur berkas' }, `${it.age_days} hari`),
    h('td', { 'data-label': 'Harus bertindak' }, r.actor_label || ''),
    h('td', { 'data-label': 'Tenggat' }, date(r.due_date), h('br'), h('small', null, daysLeft(r.days_left))),
    // the file's state is its deadlines', a notice the law owes among them (review.c): one owed
    // past its day makes the file overdue, and its line above says how late
    h('td', { 'data-label': 'Keadaan' }, badge(it.state || r.state)),
  );
}

// an office's count: its files and those of every office under it (the API's subtree: a Kanwil's
// Kanims, the Ditjen's whole tree), as the list narrowed to it shows them; its own files beside it
// when some of them are elsewhere in the tree
function countCell(o, key, label, cls) {
  const all = o.subtree ? o.subtree[key] : o[key];
  return h(
    'td',
    { 'data-label': label, 'data-count': key, class: cls && all ? cls : '' },
    String(all),
    all !== o[key] ? h('small', { class: 'own' }, ` (kantor ini ${o[key]})`) : [],
  );
}

export async function reviewPage(main, query) {
  document.title = 'Papan tinjauan — berkas';
  const at = location.hash;
  const q = new URLSearchParams();
  for (const k of ['office', 'reason', 'actor', 'stage', 'state']) if (query.get(k)) q.set(k, query.get(k));
  const listQuery = new URLSearchParams(q);
  listQuery.set('limit', '50');
  const countQuery = new URLSearchParams();
  const [counts, list] = await Promise.all([
    api('GET', `/api/v1/review/offices?${countQuery}`),
    api('GET', `/api/v1/review?${listQuery}`),
  ]);
  // a later navigation came while this one waited: it draws the page, not this one
  if (location.hash !== at) return;

  const offices = (counts.items || []).map((o) => [o.id, `${o.code} — ${o.name}`]);
  const form = h(
    'form',
    { class: 'filters', id: 'filters', 'aria-label': 'Saring daftar' },
    select('f-office', 'Kantor', offices, q.get('office') || ''),
    select('f-reason', 'Alasan', Object.entries(REASONS), q.get('reason') || ''),
    select('f-actor', 'Harus bertindak', Object.entries(ACTORS), q.get('actor') || ''),
    select('f-stage', 'Tahap', Object.entries(STAGES), q.get('stage') || ''),
    select('f-state', 'Keadaan', Object.entries(STATES).filter(([k]) => k !== 'damaged'), q.get('state') || ''),
    h('button', { type: 'submit' }, 'Terapkan'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const n = new URLSearchParams();
    for (const [k, id] of [['office', 'f-office'], ['reason', 'f-reason'], ['actor', 'f-actor'], ['stage', 'f-stage'], ['state', 'f-state']]) {
      const v = form.querySelector(`#${id}`).value;
      if (v) n.set(k, v);
    }
    go(`#/tinjauan${n.toString() ? `?${n}` : ''}`);
  });

  const countTable = h(
    'table',
    { class: 'counts', id: 'office-counts' },
    h('caption', null, 'Jumlah per kantor, termasuk kantor di bawahnya'),
    h(
      'thead',
      null,
      h('tr', null, ['Kantor', 'Berkas', 'Terlambat', 'Macet', 'Peringatan', 'Arahan terlambat', 'Bolak-balik'].map((t) => h('th', { scope: 'col' }, t))),
    ),
    h(
      'tbody',
      null,
      (counts.items || [])
        .filter((o) => (o.subtree || o).open > 0 || o.kind !== 'ditjen')
        .map((o) =>
          h(
            'tr',
            { 'data-office': o.code },
            h('th', { scope: 'row' }, h('a', { href: `#/tinjauan?office=${Number(o.id)}` }, o.code), h('small', null, ` ${o.name}`)),
            countCell(o, 'open', 'Berkas'),
            countCell(o, 'overdue', 'Terlambat', 'overdue'),
            countCell(o, 'stalled', 'Macet'),
            countCell(o, 'warning', 'Peringatan'),
            countCell(o, 'directions_overdue', 'Arahan terlambat'),
            countCell(o, 'pingpong', 'Bolak-balik'),
          ),
        ),
    ),
  );

  const tbody = h('tbody', null, (list.items || []).map(row));
  const more = h('div', { class: 'more' });
  const table = h(
    'table',
    { class: 'list', id: 'review-list' },
    h('caption', null, 'Berkas yang perlu perhatian, tenggat terdekat lebih dulu'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['Perkara', 'Kantor', 'Tahap', 'Alasan', 'Umur berkas', 'Harus bertindak', 'Tenggat', 'Keadaan'].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    tbody,
  );
  const addMore = (cursor) => {
    show(more);
    if (!cursor) return;
    const b = h('button', { type: 'button', id: 'more' }, 'Muat berikutnya');
    b.addEventListener('click', async () => {
      b.disabled = true;
      const mq = new URLSearchParams(listQuery);
      mq.set('cursor', cursor);
      const next = await api('GET', `/api/v1/review?${mq}`);
      append(tbody, (next.items || []).map(row));
      addMore(next.next_cursor);
    });
    append(more, b);
  };
  addMore(list.next_cursor);

  show(
    main,
    h('h1', null, 'Papan tinjauan'),
    form,
    (list.items || []).length ? table : h('p', { class: 'empty' }, 'Tidak ada berkas yang cocok dengan saringan ini.'),
    more,
    countTable,
  );
}
