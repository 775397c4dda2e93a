// casepage.js - one case file: stage, clocks, P-19 rounds and items,
// directions (a supervisor gives one with a due date), parties, history.
// A case the caller may not see is the API's 404, shown as such.
import { api, explain, newKey } from './api.js';
import { h, show } from './dom.js';
import { date, daysLeft, STATES, KINDS, today } from './fmt.js';
import { me, flash } from './app.js';

function badge(state, label) {
  return h('span', { class: `badge ${state || 'ok'}` }, label || STATES[state] || state || '');
}

function section(id, title, ...body) {
  return h('section', { class: 'card', id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), ...body);
}

function partyName(c, id) {
  const p = (c.parties || []).find((x) => x.id === id);
  return p ? p.name : '';
}

function clocks(c) {
  const list = (c.clocks || []).slice().sort((a, b) => (b.running ? 1 : 0) - (a.running ? 1 : 0));
  if (!list.length) return h('p', { class: 'empty' }, 'Tidak ada jam tenggat.');
  return h(
    'table',
    { class: 'list', id: 'clocks' },
    h('thead', null, h('tr', null, ['Jam', 'Tenggat', 'Sisa', 'Keadaan', 'Dasar hukum'].map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      null,
      list.map((k) =>
        h(
          'tr',
          { class: k.running ? `state-${k.state}` : 'stopped', 'data-clock': k.code },
          h('td', { 'data-label': 'Jam' }, k.label, k.party_id ? ` — ${partyName(c, k.party_id)}` : '', k.text ? h('div', null, h('small', null, k.text)) : null),
          h('td', { 'data-label': 'Tenggat' }, date(k.due_date)),
          h('td', { 'data-label': 'Sisa' }, k.running ? daysLeft(k.days_left) : 'selesai'),
          h('td', { 'data-label': 'Keadaan' }, k.running ? badge(k.state, k.state_label) : h('span', { class: 'badge stopped' }, 'Berhenti')),
          h('td', { 'data-label': 'Dasar hukum' }, h('small', null, k.basis, k.to_verify ? ' (belum dipastikan)' : '')),
        ),
      ),
    ),
  );
}

function p19(c) {
  const rounds = c.p19_rounds || [];
  if (!rounds.length) return h('p', { class: 'empty' }, 'Berkas belum pernah dikembalikan (P-19).');
  return rounds.map((r) =>
    h(
      'div',
      { class: 'round', 'data-round': r.round },
      h('h3', null, `Putaran ${r.round} — diterima ${date(r.received_on)}`),
      h(
        'ol',
        null,
        (r.items || []).map((it) =>
          h(
            'li',
            { class: it.answered ? 'answered' : 'open' },
            h('p', null, it.text),
            h('p', { class: 'answer' }, it.answered ? `Jawaban: ${it.answer}` : 'Belum dijawab'),
          ),
        ),
      ),
    ),
  );
}

function directionState(d) {
  if (d.done) return ['ok', 'Selesai'];
  if (d.due < today()) return ['overdue', 'Lewat waktu'];
  return ['warning', 'Terbuka'];
}

function directions(c, reload) {
  const list = c.directions || [];
  const items = list.length
    ? h(
        'ul',
        { class: 'directions', id: 'directions-list' },
        list.map((d) => {
          const [st, label] = directionState(d);
          return h(
            'li',
            { 'data-event': d.event_id },
            h('p', { class: 'text' }, d.text),
            h(
              'p',
              null,
              h('small', null, `Tenggat ${date(d.due)} · dari ${d.given_by || '—'} (${date(d.given_on)}) · kepada ${d.to_name || 'penyidik kantor'} `),
              badge(st, label),
            ),
          );
        }),
      )
    : h('p', { class: 'empty', id: 'directions-list' }, 'Belum ada arahan.');
  const allowed = (c.allowed_events || []).some((e) => e.type === 'direction_given');
  if (!allowed || me().role !== 'supervisor') return [items];

  const msg = h('p', { class: 'error', role: 'alert', id: 'direction-error' });
  const text = h('textarea', { id: 'd-text', name: 'text', rows: 3, required: true, maxlength: 2000 });
  const due = h('input', { id: 'd-due', name: 'due', type: 'date', required: true, min: today() });
  const to = h(
    'select',
    { id: 'd-to', name: 'to' },
    h('option', { value: '' }, 'Penyidik kantor (semua)'),
    (c.team || []).map((t) => h('option', { value: t.nip }, `${t.name} (${t.nip})`)),
  );
  const button = h('button', { type: 'submit' }, 'Simpan arahan');
  const form = h(
    'form',
    { class: 'stack', id: 'direction-form' },
    h('h3', null, 'Beri arahan'),
    h('label', { for: 'd-text' }, 'Isi arahan'),
    text,
    h('label', { for: 'd-due' }, 'Tenggat arahan'),
    due,
    h('label', { for: 'd-to' }, 'Kepada'),
    to,
    button,
    msg,
  );
  let key = newKey(); // one key per direction, kept across retries of it
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    show(msg);
    if (!text.value.trim()) return show(msg, 'Isi arahan wajib diisi.');
    if (!due.value) return show(msg, 'Tenggat wajib diisi.');
    if (due.value < today()) return show(msg, 'Tenggat tidak boleh sebelum hari ini.');
    button.disabled = true;
    const body = { type: 'direction_given', due: due.value, note: text.value.trim() };
    if (to.value) body.to = to.value;
    try {
      await api('POST', `/api/v1/cases/${Number(c.id)}/events`, {
        body,
        headers: { 'If-Match': `"${c.version}"`, 'Idempotency-Key': key },
      });
      key = newKey();
      flash('Arahan disimpan.', 'info', false);
      await reload();
    } catch (e) {
      if (e.status === 401) return;
      if (e.status === 409) {
        await reload({ keepForm: { text: text.value, due: due.value, to: to.value }, error: explain(e) });
        return;
      }
      show(msg, explain(e));
    } finally {
      button.disabled = false;
    }
  });
  return [items, form];
}

function history(c) {
  const list = (c.history || []).slice().reverse();
  return h(
    'ol',
    { class: 'history', id: 'history', reversed: true },
    list.map((e) =>
      h(
        'li',
        null,
        h('span', { class: 'when' }, date(e.legal_date || e.legal_at)),
        ' ',
        h('strong', null, e.label || e.type),
        e.number ? ` · ${e.number}` : '',
        e.party_id ? ` · ${partyName(c, e.party_id)}` : '',
        h('small', null, ` · dicatat oleh ${e.entered_by || '—'}${e.late ? ' (dicatat kemudian)' : ''}`),
      ),
    ),
  );
}

function parties(c) {
  const list = c.parties || [];
  if (!list.length) return h('p', { class: 'empty' }, 'Belum ada pihak.');
  return h(
    'table',
    { class: 'list', id: 'parties' },
    h('thead', null, h('tr', null, ['Nama', 'Sebagai', 'Kewarganegaraan', 'Paspor'].map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      null,
      list.map((p) =>
        h(
          'tr',
          null,
          h('td', { 'data-label': 'Nama' }, p.name),
          h('td', { 'data-label': 'Sebagai' }, KINDS[p.kind] || p.kind),
          h('td', { 'data-label': 'Kewarganegaraan' }, p.nationality || '—'),
          h('td', { 'data-label': 'Paspor' }, p.passport_no || '—'),
        ),
      ),
    ),
  );
}

export async function casePage(main, idText) {
  const id = Number(idText);
  if (!Number.isInteger(id) || id <= 0) {
    show(main, h('h1', null, 'Perkara tidak ditemukan'));
    return;
  }
  const render = async (opts = {}) => {
    const c = await api('GET', `/api/v1/cases/${id}`);
    document.title = `${c.number} — berkas`;
    const back = me().role === 'supervisor' ? h('a', { href: '#/tinjauan' }, '← Papan tinjauan') : h('a', { href: '#/perkara' }, '← Daftar perkara');
    show(
      main,
      h('p', { class: 'back' }, back),
      h('h1', { id: 'case-number' }, c.number),
      h(
        'p',
        { class: 'meta' },
        badge(c.worst_clock, STATES[c.worst_clock]),
        ' ',
        h('strong', { id: 'stage' }, c.stage_label),
        ` · ${c.office ? c.office.name : ''}`,
        c.kejari ? ` · ${c.kejari.name}` : '',
        ` · dibuka ${date(c.opened_on)}`,
      ),
      h('p', { class: 'summary', id: 'case-summary' }, c.summary),
      section('sec-clocks', 'Jam tenggat', clocks(c)),
      section('sec-directions', 'Arahan pengawas', directions(c, render)),
      section('sec-p19', `Petunjuk P-19 (dikembalikan ${c.p19_returns || 0} kali)`, p19(c)),
      section('sec-parties', 'Pihak', parties(c)),
      section('sec-history', 'Riwayat', history(c)),
    );
    if (opts.keepForm) {
      const f = main.querySelector('#direction-form');
      if (f) {
        f.querySelector('#d-text').value = opts.keepForm.text;
        f.querySelector('#d-due').value = opts.keepForm.due;
        f.querySelector('#d-to').value = opts.keepForm.to;
        show(f.querySelector('#direction-error'), opts.error);
      }
    }
  };
  await render();
}
