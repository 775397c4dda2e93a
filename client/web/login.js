// login.js - log-on: the banner, NIP and password; the session is a cookie.
import { api, explain } from './api.js';
import { h, show } from './dom.js';
import { flash, loggedOn } from './app.js';

export async function loginPage(main) {
  document.title = 'Masuk — berkas';
  const banner = h('div', { class: 'banner', id: 'banner', role: 'note' }, 'Memuat pemberitahuan…');
  const error = h('p', { class: 'error', id: 'login-error', role: 'alert' });
  const nip = h('input', { id: 'nip', name: 'nip', inputmode: 'numeric', autocomplete: 'username', required: true, maxlength: 21 });
  const pw = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const button = h('button', { type: 'submit' }, 'Masuk');
  const form = h(
    'form',
    { class: 'login', novalidate: true },
    h('label', { for: 'nip' }, 'NIP'),
    nip,
    h('label', { for: 'password' }, 'Kata sandi'),
    pw,
    button,
    error,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    show(error);
    const n = nip.value.replace(/\s+/g, '');
    if (!n || !pw.value) {
      show(error, 'Isi NIP dan kata sandi.');
      return;
    }
    button.disabled = true;
    try {
      const r = await api('POST', '/api/v1/sessions', { body: { nip: n, password: pw.value, cookie: true }, quiet401: true });
      pw.value = '';
      const notes = (r.notices || [])
        .map((x) => (x && x.type === 'failed_logons' ? `${x.count} percobaan masuk yang gagal sejak Anda terakhir masuk.` : (x && (x.message || x.text)) || ''))
        .filter(Boolean);
      if (notes.length) flash(notes.join(' '), 'info', true);
      else flash('');
      loggedOn(r.user);
    } catch (e) {
      show(error, e.status === 401 ? 'NIP atau kata sandi salah, atau akun sedang dikunci.' : explain(e));
      pw.select();
    } finally {
      button.disabled = false;
    }
  });
  show(main, h('section', { class: 'card narrow' }, h('h1', null, 'Masuk ke berkas'), banner, form));
  nip.focus();
  try {
    const b = await api('GET', '/api/v1/banner');
    show(banner, b.banner || '');
  } catch (e) {
    show(banner, explain(e));
  }
}
