// users.js - the administrator's users (GET /api/v1/users: those of the
// admin's subtree) with their lock state, an account locked by failed
// log-ons opened again with "Buka kunci" (POST /api/v1/users/{id}/unlock),
// and the log-on locks of the last 30 days (GET /api/v1/lockouts).  A user
// is added with "Tambah pengguna" (POST /api/v1/users) and disabled, after a
// confirmation, with "Nonaktifkan" (POST /api/v1/users/{id}/disable: the
// account can no longer log on and its sessions end).  The server checks
// every field and who may do what; a refusal is shown where it was asked.
import { api, explain } from './api.js';
import { h, show } from './dom.js';
import { ROLES, stamp } from './fmt.js';
import { me } from './app.js';

function status(u) {
  if (u.disabled) return h('span', { class: 'badge stopped' }, 'Nonaktif');
  if (u.locked) return [h('span', { class: 'badge overdue' }, 'Dikunci'), ' ', h('small', null, `sampai ${stamp(u.locked_until)}`)];
  return h('span', { class: 'badge' }, 'Aktif');
}

// msg: the row's message line, as the outcome of an action
function say(msg, ok, text) {
  msg.className = ok ? 'msg ok' : 'msg error';
  msg.setAttribute('role', ok ? 'status' : 'alert');
  show(msg, text);
}

// "Nonaktifkan" for an active user other than the admin himself: asks first,
// in the row, then disables; null for anyone else
function disableButton(x, act, msg, draw) {
  const self = me();
  if (x.disabled || (self && self.id === x.id)) return null;
  const b = h('button', { type: 'button', class: 'secondary', 'aria-label': `Nonaktifkan ${x.name}` }, 'Nonaktifkan');
  b.addEventListener('click', () => {
    const yes = h('button', { type: 'button' }, 'Ya, nonaktifkan');
    const no = h('button', { type: 'button', class: 'secondary' }, 'Batal');
    const ask = h(
      'div',
      { class: 'confirm', role: 'group', 'aria-label': `Konfirmasi nonaktifkan ${x.name}` },
      h('p', null, `Nonaktifkan ${x.name}? Ia tidak dapat masuk lagi dan sesinya diakhiri.`),
      yes,
      no,
    );
    no.addEventListener('click', () => draw(x));
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      no.disabled = true;
      try {
        const now = await api('POST', `/api/v1/users/${Number(x.id)}/disable`);
        draw(now);
        say(msg, true, 'Pengguna dinonaktifkan; ia tidak dapat masuk lagi.');
      } catch (e) {
        if (e.status === 401) return;
        draw(x);
        say(msg, false, explain(e));
      }
    });
    show(msg);
    show(act, ask, msg);
    no.focus();
  });
  return b;
}

function userRow(u, offices, locks) {
  const state = h('td', { 'data-label': 'Status' }, status(u));
  const msg = h('p', { class: 'msg', role: 'status' });
  const act = h('td', { 'data-label': 'Tindakan' });
  const draw = (x) => {
    show(state, status(x));
    const off = disableButton(x, act, msg, draw);
    if (!x.locked) return show(act, off, msg);
    const b = h('button', { type: 'button', 'aria-label': `Buka kunci ${x.name}` }, 'Buka kunci');
    b.addEventListener('click', async () => {
      b.disabled = true;
      msg.className = 'msg';
      show(msg);
      try {
        const now = await api('POST', `/api/v1/users/${Number(x.id)}/unlock`);
        draw(now);
        msg.className = 'msg ok';
        msg.setAttribute('role', 'status');
        show(msg, 'Kunci dibuka; pengguna dapat masuk kembali.');
        locks();
      } catch (e) {
        if (e.status === 401) return;
        b.disabled = false;
        msg.className = 'msg error';
        msg.setAttribute('role', 'alert');
        show(msg, explain(e));
      }
    });
    show(act, b, ' ', off, msg);
  };
  draw(u);
  const o = offices.get(u.office_id);
  return h(
    'tr',
    { 'data-nip': u.nip, class: u.locked ? 'locked' : null },
    h('th', { scope: 'row', 'data-label': 'Pengguna' }, u.name, h('br'), h('small', null, `NIP ${u.nip}`)),
    h('td', { 'data-label': 'Kantor' }, o ? o.code : String(u.office_id), o ? [h('br'), h('small', null, o.name)] : null),
    h('td', { 'data-label': 'Peran' }, ROLES[u.role] || u.role),
    state,
    h('td', { 'data-label': 'Dikunci (30 hari)' }, String(u.locks_30_days ?? 0)),
    act,
  );
}

function lockRow(l) {
  return h(
    'tr',
    { 'data-nip': l.nip },
    h('td', { 'data-label': 'Dikunci' }, stamp(l.locked_at)),
    h('td', { 'data-label': 'Pengguna' }, l.name, h('br'), h('small', null, `NIP ${l.nip}`)),
    h('td', { 'data-label': 'Gagal' }, String(l.failures)),
    h('td', { 'data-label': 'Dari alamat' }, l.client_addr || '—'),
    h(
      'td',
      { 'data-label': 'Keadaan' },
      l.in_force ? `berlaku sampai ${stamp(l.locked_until)}` : l.released_at ? `dibuka ${stamp(l.released_at)}` : `berakhir ${stamp(l.locked_until)}`,
    ),
  );
}

// the locks table, drawn again after an unlock
async function drawLocks(box) {
  try {
    const r = await api('GET', '/api/v1/lockouts?days=30');
    const items = r.items || [];
    show(
      box,
      items.length
        ? h(
            'table',
            { class: 'list', id: 'lockouts' },
            h('caption', null, 'Penguncian karena gagal masuk, 30 hari terakhir, terbaru lebih dulu'),
            h('thead', null, h('tr', null, ['Dikunci', 'Pengguna', 'Gagal', 'Dari alamat', 'Keadaan'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', null, items.map(lockRow)),
          )
        : h('p', { class: 'empty' }, 'Tidak ada penguncian dalam 30 hari terakhir.'),
    );
  } catch (e) {
    if (e.status !== 401) show(box, h('p', { class: 'error', role: 'alert' }, explain(e)));
  }
}

// a labelled field of the add form
function labelled(id, text, input, hint) {
  return h('div', { class: 'field' }, h('label', { for: id }, text), input, hint ? h('small', null, hint) : null);
}

// "Tambah pengguna": the fields of POST /api/v1/users; the PPNS card asked of
// an investigator only (the server wants it of him and refuses it of others)
function addForm(offices, added) {
  const f = {
    nip: h('input', { id: 'nu-nip', inputmode: 'numeric', autocomplete: 'off', maxlength: 18, size: 20 }),
    name: h('input', { id: 'nu-name', autocomplete: 'off', maxlength: 200 }),
    pangkat: h('input', { id: 'nu-pangkat', autocomplete: 'off', maxlength: 60 }),
    golongan: h('input', { id: 'nu-golongan', autocomplete: 'off', maxlength: 8, size: 8 }),
    position: h('input', { id: 'nu-position', autocomplete: 'off', maxlength: 200 }),
    office_id: h(
      'select',
      { id: 'nu-office' },
      h('option', { value: '' }, '— pilih kantor —'),
      [...offices.values()].map((o) => h('option', { value: String(o.id) }, `${o.code} — ${o.name}`)),
    ),
    role: h(
      'select',
      { id: 'nu-role' },
      Object.entries(ROLES).map(([code, text]) => h('option', { value: code }, text)),
    ),
    password: h('input', { id: 'nu-password', type: 'password', autocomplete: 'new-password' }),
    ppns_card_no: h('input', { id: 'nu-card', autocomplete: 'off', maxlength: 40 }),
    ppns_valid_until: h('input', { id: 'nu-card-until', type: 'date' }),
  };
  const card = h(
    'fieldset',
    { id: 'nu-ppns' },
    h('legend', null, 'Kartu PPNS (penyidik)'),
    labelled('nu-card', 'Nomor kartu PPNS', f.ppns_card_no),
    labelled('nu-card-until', 'Kartu PPNS berlaku sampai', f.ppns_valid_until),
  );
  const showCard = () => {
    card.hidden = f.role.value !== 'investigator';
  };
  f.role.addEventListener('change', showCard);
  showCard();
  const msg = h('p', { class: 'msg', id: 'nu-msg', role: 'status' });
  const submit = h('button', { type: 'submit' }, 'Tambahkan');
  const form = h(
    'form',
    { class: 'stack', id: 'user-add', novalidate: true, 'aria-describedby': 'nu-msg' },
    labelled('nu-nip', 'NIP', f.nip, '18 angka'),
    labelled('nu-name', 'Nama lengkap', f.name),
    labelled('nu-pangkat', 'Pangkat', f.pangkat, 'boleh kosong'),
    labelled('nu-golongan', 'Golongan', f.golongan, 'boleh kosong, mis. III/a'),
    labelled('nu-position', 'Jabatan', f.position, 'boleh kosong'),
    labelled('nu-office', 'Kantor', f.office_id),
    labelled('nu-role', 'Peran', f.role),
    card,
    labelled('nu-password', 'Kata sandi awal', f.password, 'kalimat sandi yang tidak umum; sampaikan kepada pengguna secara langsung'),
    submit,
    msg,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    show(msg);
    submit.disabled = true;
    const body = { nip: f.nip.value.trim(), name: f.name.value.trim(), role: f.role.value, password: f.password.value };
    for (const k of ['pangkat', 'golongan', 'position']) if (f[k].value.trim()) body[k] = f[k].value.trim();
    // the office as chosen; none chosen goes as it is, for the server to refuse
    body.office_id = f.office_id.value ? Number(f.office_id.value) : null;
    if (body.role === 'investigator') {
      if (f.ppns_card_no.value.trim()) body.ppns_card_no = f.ppns_card_no.value.trim();
      if (f.ppns_valid_until.value) body.ppns_valid_until = f.ppns_valid_until.value;
    }
    try {
      const u = await api('POST', '/api/v1/users', { body });
      form.reset();
      showCard();
      say(msg, true, `${u.name} (NIP ${u.nip}) ditambahkan sebagai ${ROLES[u.role] || u.role}; ia dapat masuk dengan kata sandi awal itu.`);
      await added();
    } catch (e) {
      if (e.status === 401) return;
      const why = explain(e);
      say(msg, false, `${why}${/[.!?]$/.test(why) ? '' : '.'} Pengguna tidak ditambahkan.`);
    } finally {
      submit.disabled = false;
    }
  });
  return h('details', { class: 'card', id: 'add-user' }, h('summary', null, 'Tambah pengguna'), form);
}

// the users table, drawn again after a user is added
function drawUsers(box, all, onlyLocked, offices, locks) {
  const shown = onlyLocked ? all.filter((u) => u.locked) : all;
  show(
    box,
    shown.length
      ? h(
          'table',
          { class: 'list', id: 'users' },
          h('caption', null, 'Pengguna kantor Anda dan kantor di bawahnya'),
          h('thead', null, h('tr', null, ['Pengguna', 'Kantor', 'Peran', 'Status', 'Dikunci (30 hari)', 'Tindakan'].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            null,
            shown.map((u) => userRow(u, offices, locks)),
          ),
        )
      : h('p', { class: 'empty' }, onlyLocked ? 'Tidak ada pengguna yang dikunci.' : 'Tidak ada pengguna.'),
  );
}

export async function usersPage(main, query) {
  document.title = 'Pengguna — berkas';
  const at = location.hash;
  const onlyLocked = query.get('locked') === 'true';
  const [users, offs] = await Promise.all([api('GET', '/api/v1/users'), api('GET', '/api/v1/offices')]);
  if (location.hash !== at) return;
  const offices = new Map(((offs && (offs.items || offs)) || []).map((o) => [o.id, o]));
  const locksBox = h('section', { id: 'locks' });
  const listBox = h('div', { id: 'users-box' });
  const count = h('span', { id: 'locked-count' });
  const locks = () => drawLocks(locksBox);
  const draw = (all) => {
    show(count, `${all.filter((u) => u.locked).length} dikunci`);
    drawUsers(listBox, all, onlyLocked, offices, locks);
  };
  const box = h('input', { type: 'checkbox', id: 'f-locked', checked: onlyLocked });
  box.addEventListener('change', () => {
    location.hash = box.checked ? '#/pengguna?locked=true' : '#/pengguna';
  });
  const added = async () => {
    try {
      const now = await api('GET', '/api/v1/users');
      if (location.hash === at) draw(now.items || []);
    } catch (e) {
      if (e.status !== 401) show(listBox, h('p', { class: 'error', role: 'alert' }, explain(e)));
    }
  };
  draw(users.items || []);
  show(
    main,
    h('h1', null, 'Pengguna'),
    addForm(offices, added),
    h('p', { class: 'filters' }, h('label', { class: 'check' }, box, ' Hanya yang dikunci'), count),
    listBox,
    h('h2', null, 'Penguncian'),
    locksBox,
  );
  await drawLocks(locksBox);
}
