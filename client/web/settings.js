// settings.js - the administrator's settings (GET /api/v1/settings): each
// server-wide setting with its note, value, type and bounds, when a change
// takes effect and when it was last changed; each row saved on its own
// (PUT /api/v1/settings/{key}).  The server checks every value: a refusal
// is shown beside its row, the stored value left as it was.  The settings
// are national: an admin whose office is not a root (GET /api/v1/me's
// office.root false, e.g. a Kanwil's) sees them without the forms and is
// told why, instead of learning it from a refusal.
import { api, explain } from './api.js';
import { me } from './app.js';
import { h, show } from './dom.js';
import { stamp } from './fmt.js';

const EFFECT = { now: 'Segera', '10s': 'Paling lambat 10 detik' };

function bounds(s) {
  if (s.type === 'integer') return `Bilangan bulat ${s.min}–${s.max}`;
  if (s.type === 'boolean') return 'true (ya) atau false (tidak)';
  if (s.type === 'text') return `Teks ${s.min}–${s.max} karakter`;
  return 'Tidak dikenal server: tidak dapat diubah di sini';
}

function slug(key) {
  return key.replace(/[^A-Za-z0-9]/g, '-');
}

// the input for a new value, as the type allows it
function field(s, id) {
  if (s.type === 'boolean') {
    const sel = h('select', { id }, h('option', { value: 'true' }, 'true (ya)'), h('option', { value: 'false' }, 'false (tidak)'));
    sel.value = s.value;
    return sel;
  }
  if (s.type === 'text') return h('textarea', { id, rows: 4, maxlength: s.max }, s.value);
  const inp = h('input', { id, inputmode: 'numeric', autocomplete: 'off', size: 10 });
  inp.value = s.value;
  return inp;
}

// one row: what the setting is, its value now, a form to change it (none
// when the admin may not: editable false)
function row(s, editable) {
  const id = `set-${slug(s.key)}`;
  const current = h('code', { class: 'value' }, s.value);
  const when = h('span', { class: 'when' }, stamp(s.updated_at));
  const msg = h('p', { class: 'msg', id: `${id}-msg`, role: 'status' });
  const cells = [
    h('th', { scope: 'row', 'data-label': 'Pengaturan' }, h('code', null, s.key), h('br'), h('small', null, s.note || '')),
    h('td', { 'data-label': 'Nilai sekarang' }, current),
  ];
  let edit = h('td', { 'data-label': 'Ubah' }, '—');
  if (editable && ['integer', 'boolean', 'text'].includes(s.type)) {
    const input = field(s, id);
    const button = h('button', { type: 'submit' }, 'Simpan');
    const form = h(
      'form',
      { class: 'setting', novalidate: true, 'aria-describedby': `${id}-msg` },
      h('label', { for: id, class: 'sr-only' }, `Nilai baru ${s.key}`),
      input,
      button,
    );
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      show(msg);
      msg.className = 'msg';
      button.disabled = true;
      try {
        const all = await api('PUT', `/api/v1/settings/${encodeURIComponent(s.key)}`, { body: { value: input.value } });
        const now = ((all && all.items) || []).find((x) => x.key === s.key) || { value: input.value, updated_at: '' };
        show(current, now.value);
        show(when, stamp(now.updated_at));
        input.value = now.value;
        msg.className = 'msg ok';
        msg.setAttribute('role', 'status');
        show(msg, `Tersimpan: ${now.value} (${stamp(now.updated_at)}).`);
      } catch (e) {
        if (e.status === 401) return;
        msg.className = 'msg error';
        msg.setAttribute('role', 'alert');
        const why = explain(e);
        show(msg, `${why}${/[.!?]$/.test(why) ? '' : '.'} Nilai tidak diubah.`);
      } finally {
        button.disabled = false;
      }
    });
    edit = h('td', { 'data-label': 'Ubah' }, form, msg);
  }
  return h(
    'tr',
    { 'data-key': s.key },
    cells,
    editable ? edit : null,
    h('td', { 'data-label': 'Jenis dan batas' }, bounds(s)),
    h('td', { 'data-label': 'Berlaku' }, EFFECT[s.takes_effect] || s.takes_effect || '—'),
    h('td', { 'data-label': 'Terakhir diubah' }, when),
  );
}

export async function settingsPage(main) {
  document.title = 'Pengaturan — berkas';
  const at = location.hash;
  const list = await api('GET', '/api/v1/settings');
  if (location.hash !== at) return;
  const items = list.items || [];
  const office = (me() && me().office) || {};
  const editable = office.root === true;
  show(
    main,
    h('h1', null, 'Pengaturan'),
    h(
      'p',
      { class: 'meta' },
      'Pengaturan berlaku untuk seluruh server. Hanya administrator kantor pusat yang dapat mengubahnya; setiap perubahan dicatat dalam jejak audit. Tidak ada yang memerlukan server dijalankan ulang.',
    ),
    editable
      ? null
      : h(
          'p',
          { class: 'notice', id: 'read-only', role: 'note' },
          `Anda administrator ${office.name || office.code || 'kantor ini'}, bukan kantor pusat: pengaturan nasional ini hanya dapat Anda lihat. Perubahan dilakukan oleh administrator kantor pusat.`,
        ),
    items.length
      ? h(
          'table',
          { class: 'list', id: 'settings' },
          h('caption', null, 'Pengaturan server'),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['Pengaturan', 'Nilai sekarang', editable ? 'Ubah' : null, 'Jenis dan batas', 'Berlaku', 'Terakhir diubah'].map((t) => t && h('th', { scope: 'col' }, t)),
            ),
          ),
          h('tbody', null, items.map((s) => row(s, editable))),
        )
      : h('p', { class: 'empty' }, 'Tidak ada pengaturan.'),
  );
}
