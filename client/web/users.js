// users.js - the administrator's users (GET /api/v1/users: those of the
// admin's subtree) with their lock state, an account locked by failed
// log-ons opened again with "Buka kunci" (POST /api/v1/users/{id}/unlock),
// and the log-on locks of the last 30 days (GET /api/v1/lockouts).
import { api, explain } from './api.js';
import { h, show } from './dom.js';
import { ROLES, stamp } from './fmt.js';

function status(u) {
  if (u.disabled) return h('span', { class: 'badge stopped' }, 'Nonaktif');
  if (u.locked) return [h('span', { class: 'badge overdue' }, 'Dikunci'), ' ', h('small', null, `sampai ${stamp(u.locked_until)}`)];
  return h('span', { class: 'badge' }, 'Aktif');
}

function userRow(u, offices, locks) {
  const state = h('td', { 'data-label': 'Status' }, status(u));
  const msg = h('p', { class: 'msg', role: 'status' });
  const act = h('td', { 'data-label': 'Tindakan' });
  const draw = (x) => {
    show(state, status(x));
    if (!x.locked) return show(act, msg);
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
    show(act, b, msg);
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

export async function usersPage(main, query) {
  document.title = 'Pengguna — berkas';
  const at = location.hash;
  const onlyLocked = query.get('locked') === 'true';
  const [users, offs] = await Promise.all([api('GET', '/api/v1/users'), api('GET', '/api/v1/offices')]);
  if (location.hash !== at) return;
  const offices = new Map(((offs && (offs.items || offs)) || []).map((o) => [o.id, o]));
  const locksBox = h('section', { id: 'locks' });
  const all = users.items || [];
  const shown = onlyLocked ? all.filter((u) => u.locked) : all;
  const box = h('input', { type: 'checkbox', id: 'f-locked', checked: onlyLocked });
  box.addEventListener('change', () => {
    location.hash = box.checked ? '#/pengguna?locked=true' : '#/pengguna';
  });
  show(
    main,
    h('h1', null, 'Pengguna'),
    h('p', { class: 'filters' }, h('label', { class: 'check' }, box, ' Hanya yang dikunci'), h('span', { id: 'locked-count' }, `${all.filter((u) => u.locked).length} dikunci`)),
    shown.length
      ? h(
          'table',
          { class: 'list', id: 'users' },
          h('caption', null, 'Pengguna kantor Anda dan kantor di bawahnya'),
          h('thead', null, h('tr', null, ['Pengguna', 'Kantor', 'Peran', 'Status', 'Dikunci (30 hari)', 'Tindakan'].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            null,
            shown.map((u) => userRow(u, offices, () => drawLocks(locksBox))),
          ),
        )
      : h('p', { class: 'empty' }, onlyLocked ? 'Tidak ada pengguna yang dikunci.' : 'Tidak ada pengguna.'),
    h('h2', null, 'Penguncian'),
    locksBox,
  );
  await drawLocks(locksBox);
}
