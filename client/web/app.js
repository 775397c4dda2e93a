// app.js - the shell: who is logged on, the menu, and which page the
// address (#/...) asks for.  Pages are modules that render into <main>.
import { api, onExpired, explain } from './api.js';
import { h, show, $ } from './dom.js';
import { ROLES } from './fmt.js';
import { loginPage } from './login.js';
import { reviewPage } from './review.js';
import { casePage } from './casepage.js';
import { casesPage } from './cases.js';
import { inboxPage } from './inbox.js';
import { statsPage } from './stats.js';
import { settingsPage } from './settings.js';
import { usersPage } from './users.js';
import { rulesPage } from './rules.js';

const state = { me: null, after: null };
let keepFlash = false;

// flash(text, kind, sticky): a line above the page ('info' or 'error');
// sticky: it stays through the next change of page
export function flash(text, kind = 'info', sticky = false) {
  keepFlash = sticky;
  const f = $('#flash');
  show(f, text ? h('p', { class: `flash ${kind}`, role: kind === 'error' ? 'alert' : null }, text) : null);
}

export function me() {
  return state.me;
}

// "#/tinjauan?office=5" -> {path: ['tinjauan'], query: URLSearchParams}
function where() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [p, q] = raw.split('?');
  return { path: p ? p.split('/').map(decodeURIComponent) : [], query: new URLSearchParams(q || '') };
}

export function go(hash) {
  if (location.hash === hash) {
    keepFlash = false;
    route();
  } else location.hash = hash;
}

function home() {
  const r = state.me && state.me.role;
  if (r === 'admin') return '#/pengaturan';
  return r === 'supervisor' ? '#/tinjauan' : r === 'prosecutor' ? '#/kotak-masuk' : '#/perkara';
}

// the pages of case work (no case contents for an administrator) and the
// administrator's own
const CASEWORK = ['tinjauan', 'kotak-masuk', 'statistik', 'perkara'];
const ADMIN = ['pengaturan', 'pengguna', 'aturan'];

// a page not for this role: say so and whose it is, instead of a refusal
// from the server
function notForYou(main, admin) {
  document.title = 'Bukan untuk peran Anda — berkas';
  show(
    main,
    h('h1', null, admin ? 'Halaman ini hanya untuk administrator' : 'Halaman ini bukan untuk administrator'),
    h(
      'p',
      { class: 'notice', role: 'alert' },
      admin
        ? 'Pengaturan, pengguna dan aturan hukum dikelola oleh administrator. Hubungi administrator kantor Anda bila ada yang perlu diubah.'
        : 'Administrator mengelola pengaturan, pengguna dan aturan hukum; isi perkara hanya dapat dilihat oleh penyidik, pengawas dan penuntut umum.',
    ),
    h('p', null, h('a', { href: home() }, 'Kembali ke halaman awal')),
  );
}

function menu() {
  const nav = $('#nav');
  const who = $('#who');
  if (!state.me) {
    show(nav);
    show(who);
    return;
  }
  const r = state.me.role;
  const links = [];
  if (r === 'supervisor' || r === 'investigator') links.push(['#/tinjauan', 'Papan tinjauan']);
  if (r === 'prosecutor') links.push(['#/kotak-masuk', 'Kotak masuk']);
  if (r !== 'admin') links.push(['#/perkara', 'Perkara']);
  if (r === 'supervisor' || r === 'investigator') links.push(['#/statistik', 'Statistik']);
  if (r === 'admin') links.push(['#/pengaturan', 'Pengaturan'], ['#/pengguna', 'Pengguna'], ['#/aturan', 'Aturan hukum']);
  show(nav, links.map(([href, text]) => h('a', { href }, text)));
  show(
    who,
    h('span', { class: 'me' }, state.me.name, ' · ', ROLES[r] || r, ' · ', state.me.office ? state.me.office.code : ''),
    h('button', { type: 'button', class: 'link', id: 'logoff', onclick: logoff }, 'Keluar'),
  );
}

async function logoff() {
  try {
    await api('DELETE', '/api/v1/sessions/current', { quiet401: true });
  } catch (e) {
    if (e.status !== 401) {
      flash(explain(e), 'error');
      return;
    }
  }
  state.me = null;
  menu();
  flash('Anda telah keluar.', 'info', true);
  go('#/masuk');
}

// a successful log-on (login.js)
export function loggedOn(user) {
  state.me = user;
  menu();
  const next = state.after && state.after !== '#/masuk' ? state.after : home();
  state.after = null;
  go(next);
}

onExpired(() => {
  if (!state.me) return;
  state.me = null;
  state.after = location.hash;
  menu();
  flash('Sesi Anda telah berakhir. Silakan masuk kembali.', 'error', true);
  go('#/masuk');
});

async function route() {
  const main = $('#main');
  const { path, query } = where();
  if (!state.me && path[0] !== 'masuk') {
    state.after = location.hash || null;
    go('#/masuk');
    return;
  }
  if (path[0] !== 'masuk' && document.activeElement && document.activeElement.id !== 'logoff') main.focus({ preventScroll: true });
  try {
    if (path[0] === 'masuk') {
      if (state.me) return go(home());
      return await loginPage(main);
    }
    if (path.length === 0) return go(home());
    const admin = state.me.role === 'admin';
    if (admin && CASEWORK.includes(path[0])) return notForYou(main, false);
    if (!admin && ADMIN.includes(path[0])) return notForYou(main, true);
    if (path[0] === 'pengaturan') return await settingsPage(main);
    if (path[0] === 'pengguna') return await usersPage(main, query);
    if (path[0] === 'aturan') return await rulesPage(main);
    if (path[0] === 'tinjauan') return await reviewPage(main, query);
    if (path[0] === 'kotak-masuk') return await inboxPage(main, query);
    if (path[0] === 'statistik') return await statsPage(main, query);
    if (path[0] === 'perkara' && path[1]) return await casePage(main, path[1]);
    if (path[0] === 'perkara') return await casesPage(main, query);
    show(main, h('h1', null, 'Halaman tidak dikenal'), h('p', null, h('a', { href: home() }, 'Kembali ke halaman awal')));
  } catch (e) {
    if (e.status === 401) return;
    show(main, h('h1', null, 'Tidak dapat dimuat'), h('p', { class: 'error', role: 'alert' }, explain(e)));
  }
}

async function start() {
  try {
    state.me = await api('GET', '/api/v1/me', { quiet401: true });
  } catch (e) {
    state.me = null;
    if (e.status !== 401) flash(explain(e), 'error');
  }
  menu();
  window.addEventListener('hashchange', () => {
    flashClearOnNav();
    route();
  });
  route();
}

function flashClearOnNav() {
  if (keepFlash) {
    keepFlash = false;
    return;
  }
  show($('#flash'));
}

start();
