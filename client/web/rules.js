// rules.js - the legal rule values (GET /api/v1/rulesets): for each rule
// set (KUHAP-1981, KUHAP-2025) when it is in force and every value with what
// it means, its unit, its legal basis and whether it is still to be verified
// ("belum dipastikan": what DOMAIN.md calls UNCERTAIN, data an administrator
// checks against the law and changes).  Each value is saved on its own (PUT
// /api/v1/rulesets/{name}/{key}) with its mark; the server checks it and
// decides who may change it: a refusal is shown beside its row, the stored
// value left as it was.  The values are national: an admin whose office is
// not a root (GET /api/v1/me's office.root false) sees them without the
// forms and is told why.
import { api, explain } from './api.js';
import { me } from './app.js';
import { h, show } from './dom.js';
import { date, stamp } from './fmt.js';

const UNITS = { days: 'hari', hours: 'jam', years: 'tahun', count: 'kali' };

// "5 hari", "ya (1)" for a flag
function shown(v) {
  if (v.unit === 'flag') return v.value ? 'ya (1)' : 'tidak (0)';
  return `${v.value} ${UNITS[v.unit] || v.unit}`;
}

// the value's last amendment: when, by whom, and the reason given
function amended(v) {
  const a = v.amended;
  if (!a) return 'Belum pernah diubah.';
  const who = a.by && a.by.name ? a.by.name : 'administrator';
  return [`Diubah ${stamp(a.at)} oleh ${who}`, a.note ? [': ', h('q', null, a.note)] : ' (tanpa alasan)', '.'];
}

// from when the value in force applies and what it replaced, and what is to apply from a
// later date (an amendment applies from its date, never backwards)
function since(v) {
  const a = v.amended;
  const parts = [];
  if (a && a.effective_from) {
    const was = a.old_value === null || a.old_value === undefined ? '' : ` (sebelumnya ${a.old_value})`;
    parts.push(`Berlaku sejak ${date(a.effective_from)}${was}${a.override ? ', dengan override' : ''}.`);
  }
  for (const s of v.scheduled || []) parts.push(` Terjadwal: ${s.value} mulai ${date(s.effective_from)}.`);
  return parts;
}

function mark(v) {
  return v.to_verify ? h('span', { class: 'badge warning' }, 'Belum dipastikan') : h('span', { class: 'badge' }, 'Dipastikan');
}

// the day before "YYYY-MM-DD", as "YYYY-MM-DD"
function dayBefore(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || '');
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) - 1)).toISOString().slice(0, 10);
}

// the input for a new value: a select for a flag, else digits; what is typed
// goes to the server as it is (an integer when it reads as one), which
// checks it
function field(v, id) {
  if (v.unit === 'flag') {
    const sel = h('select', { id }, h('option', { value: '1' }, 'ya (1)'), h('option', { value: '0' }, 'tidak (0)'));
    sel.value = String(v.value);
    return sel;
  }
  const inp = h('input', { id, inputmode: 'numeric', autocomplete: 'off', size: 6 });
  inp.value = String(v.value);
  return inp;
}

function wire(set, v, ui) {
  ui.form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    show(ui.msg);
    ui.msg.className = 'msg';
    ui.button.disabled = true;
    const raw = ui.input.value.trim();
    const value = /^-?\d+$/.test(raw) ? Number(raw) : raw;
    const path = `/api/v1/rulesets/${encodeURIComponent(set.name)}/${encodeURIComponent(v.key)}`;
    const body = { value, to_verify: ui.verify.checked };
    if (ui.note.value.trim()) body.note = ui.note.value;
    if (ui.from.value) body.effective_from = ui.from.value;
    if (ui.override.checked) body.override = true;
    try {
      const all = await api('PUT', path, { body });
      const s = ((all && all.items) || []).find((x) => x.name === set.name);
      const now = ((s && s.values) || []).find((x) => x.key === v.key);
      if (!now) throw new Error('jawaban server tanpa nilai ini');
      Object.assign(v, now);
      show(ui.current, shown(now));
      show(ui.mark, mark(now));
      ui.input.value = String(now.value);
      ui.verify.checked = now.to_verify;
      show(ui.amended, amended(now));
      show(ui.since, since(now));
      ui.note.value = '';
      ui.from.value = '';
      ui.override.checked = false;
      ui.row.classList.toggle('to-verify', now.to_verify);
      ui.msg.className = 'msg ok';
      ui.msg.setAttribute('role', 'status');
      show(ui.msg, `Tersimpan: ${shown(now)}${now.to_verify ? ', belum dipastikan' : ', dipastikan'}.`);
    } catch (e) {
      if (e.status === 401) return;
      ui.msg.className = 'msg error';
      ui.msg.setAttribute('role', 'alert');
      const why = e.status === undefined ? String(e.message || e) : explain(e);
      show(ui.msg, `${why}${/[.!?]$/.test(why) ? '' : '.'} Nilai tidak diubah.`);
    } finally {
      ui.button.disabled = false;
    }
  });
}

// one value: what it means, the value now with its unit and its last
// amendment (when, by whom, why), its basis, its mark, and a form to change
// value and mark with a reason (none when not editable)
function row(set, v, editable) {
  const id = `rule-${set.name}-${v.key}`.replace(/[^A-Za-z0-9-]/g, '-');
  const ui = {
    current: h('code', { class: 'value' }, shown(v)),
    mark: h('span', { class: 'mark' }, mark(v)),
    msg: h('p', { class: 'msg', id: `${id}-msg`, role: 'status' }),
    input: field(v, id),
    verify: h('input', { type: 'checkbox', id: `${id}-tv`, checked: v.to_verify }),
    note: h('input', { id: `${id}-note`, autocomplete: 'off', maxlength: 500, size: 24 }),
    amended: h('small', { class: 'amended' }, amended(v)),
    since: h('small', { class: 'since' }, since(v)),
    from: h('input', { type: 'date', id: `${id}-from`, autocomplete: 'off' }),
    override: h('input', { type: 'checkbox', id: `${id}-ov` }),
    button: h('button', { type: 'submit' }, 'Simpan'),
  };
  const bounds = v.unit === 'flag' ? '0 atau 1' : `${v.min}–${v.max} ${UNITS[v.unit] || v.unit}`;
  ui.form = h(
    'form',
    { class: 'setting', novalidate: true, 'aria-describedby': `${id}-msg` },
    h('label', { for: id, class: 'sr-only' }, `Nilai baru ${set.name} ${v.key}`),
    ui.input,
    h('label', { class: 'check', for: `${id}-tv` }, ui.verify, ' belum dipastikan'),
    h('label', { for: `${id}-note` }, 'Alasan (boleh kosong)'),
    ui.note,
    h('label', { for: `${id}-from` }, 'Berlaku sejak (kosong: hari ini)'),
    ui.from,
    h('label', { class: 'check', for: `${id}-ov` }, ui.override, ' override (nilai terverifikasi, tanggal lampau; wajib alasan)'),
    ui.button,
  );
  ui.row = h(
    'tr',
    { 'data-key': v.key, class: v.to_verify ? 'to-verify' : null },
    h('th', { scope: 'row', 'data-label': 'Aturan' }, v.label || v.key, h('br'), h('small', null, h('code', null, v.key))),
    h('td', { 'data-label': 'Nilai' }, ui.current, h('br'), h('small', null, `batas ${bounds}`), h('br'), ui.amended, h('br'), ui.since),
    h('td', { 'data-label': 'Dasar hukum' }, v.basis || '—'),
    h('td', { 'data-label': 'Kepastian' }, ui.mark),
    editable ? h('td', { 'data-label': 'Ubah' }, ui.form, ui.msg) : null,
  );
  if (editable) wire(set, v, ui);
  return ui.row;
}

function ruleSet(set, next, editable) {
  const values = set.values || [];
  const until = next ? dayBefore(next.effective_from) : null;
  const open = values.filter((v) => v.to_verify).length;
  return h(
    'section',
    { class: 'ruleset', 'data-ruleset': set.name },
    h('h2', null, set.name),
    h(
      'p',
      { class: 'meta in-force' },
      `Berlaku sejak ${date(set.effective_from)}`,
      until ? ` sampai ${date(until)} (lalu ${next.name})` : ' sampai sekarang',
      ` · ${open} dari ${values.length} nilai belum dipastikan`,
    ),
    h(
      'table',
      { class: 'list rules' },
      h('caption', null, `Nilai aturan ${set.name}`),
      h('thead', null, h('tr', null, ['Aturan', 'Nilai', 'Dasar hukum', 'Kepastian', editable ? 'Ubah' : null].map((t) => t && h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        null,
        values.map((v) => row(set, v, editable)),
      ),
    ),
  );
}

export async function rulesPage(main) {
  document.title = 'Aturan hukum — berkas';
  const at = location.hash;
  const list = await api('GET', '/api/v1/rulesets');
  if (location.hash !== at) return;
  const sets = ((list && list.items) || []).slice().sort((a, b) => String(a.effective_from).localeCompare(String(b.effective_from)));
  const office = (me() && me().office) || {};
  const editable = office.root === true;
  show(
    main,
    h('h1', null, 'Aturan hukum'),
    h(
      'p',
      { class: 'meta' },
      'Batas waktu dan syarat yang dipakai berkas untuk setiap perkara, menurut aturan yang berlaku pada tanggal tindakan. ' +
        'Nilai bertanda "Belum dipastikan" belum dapat dipastikan dari teks undang-undang: periksa terhadap peraturannya, ubah bila perlu, dan hapus tandanya bila sudah pasti. ' +
        'Perubahan berlaku segera untuk perhitungan semua perkara dan dicatat dalam jejak audit; server menentukan siapa yang boleh mengubahnya.',
    ),
    editable
      ? null
      : h(
          'p',
          { class: 'notice', id: 'read-only', role: 'note' },
          `Anda administrator ${office.name || office.code || 'kantor ini'}, bukan kantor pusat: nilai aturan nasional ini hanya dapat Anda lihat. Perubahan dilakukan oleh administrator kantor pusat.`,
        ),
    sets.length ? sets.map((s, i) => ruleSet(s, sets[i + 1], editable)) : h('p', { class: 'empty' }, 'Tidak ada aturan.'),
  );
}
