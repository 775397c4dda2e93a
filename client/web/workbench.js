// workbench.js - what an investigator adds to a file from its page besides acts: a party
// (POST /cases/{id}/parties). Only an investigator is offered it (the server refuses the others,
// 403); the server judges every field and names the one it refuses (problem+json `field`),
// shown beside the form with everything typed kept.
import { api, explain, newKey } from './api.js';
import { h, show } from './dom.js';
import { KINDS } from './fmt.js';
import { me, flash } from './app.js';

// A file handed over (Tahap II), diverted to administrative action or dismissed takes no new
// party, charge or thing seized (server/app/casework.c writable_case, core stage_terminal): the
// page offers none there, the server would answer 409.
const CLOSED = ['handed_over', 'administrative', 'dismissed'];

export function mayAddTo(c) {
  return me().role === 'investigator' && !CLOSED.includes(c.stage);
}

// one labelled input of a write form: [label, element], the element's id set from `id`
function field(id, label, el) {
  el.id = id;
  return [h('label', { for: id }, label), el];
}

// A form that POSTs what its inputs hold to path: `inputs` {body key: element}, empty values
// left out; one Idempotency-Key per thing added, kept across the retries of it (the server
// claims a key only with a write that committed). A refusal is shown in the form's own message
// and nothing typed is lost; done(answer, body) after a write.
function postForm(form, path, inputs, msg, done) {
  const button = form.querySelector('button[type=submit]');
  let key = newKey();
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    show(msg);
    const body = {};
    for (const [name, el] of Object.entries(inputs)) {
      const v = el.value.trim();
      if (v) body[name] = el.dataset.number ? Number(v) : v;
    }
    button.disabled = true;
    try {
      const answer = await api('POST', path, { body, headers: { 'Idempotency-Key': key } });
      key = newKey();
      await done(answer, body);
    } catch (e) {
      if (e.status !== 401) show(msg, explain(e));
      const bad = e.problem && e.problem.field && inputs[e.problem.field];
      if (bad) bad.focus();
    } finally {
      button.disabled = false;
    }
  });
}

// Add a party (KUHAP 1 angka 14, 26, 28; sql/0041: the reporter and the victim): its kind and
// name, and what the papers print of the person when known - nationality (ISO 3166-1 alpha-2),
// passport, birth, sex, occupation, addresses, language and interpreter.
export function partyForm(c, reload) {
  const msg = h('p', { class: 'error', role: 'alert', id: 'party-error' });
  const inputs = {
    kind: h('select', null, Object.entries(KINDS).map(([v, t]) => h('option', { value: v }, t))),
    name: h('input', { maxlength: 200, autocomplete: 'off' }),
    nationality: h('input', { maxlength: 2, size: 3, autocomplete: 'off', placeholder: 'mis. VN' }),
    passport_no: h('input', { maxlength: 20, autocomplete: 'off' }),
    birth_date: h('input', { type: 'date' }),
    birth_place: h('input', { maxlength: 200 }),
    sex: h('select', null, [['', '—'], ['L', 'Laki-laki'], ['P', 'Perempuan']].map(([v, t]) => h('option', { value: v }, t))),
    occupation: h('input', { maxlength: 200 }),
    address_id: h('textarea', { rows: 2, maxlength: 500 }),
    address_abroad: h('textarea', { rows: 2, maxlength: 500 }),
    language: h('input', { maxlength: 100 }),
    interpreter: h('input', { maxlength: 200 }),
  };
  const labels = {
    kind: 'Sebagai',
    name: 'Nama (sebagaimana di paspor atau kartu identitas)',
    nationality: 'Kewarganegaraan (kode negara dua huruf)',
    passport_no: 'Nomor paspor',
    birth_date: 'Tanggal lahir',
    birth_place: 'Tempat lahir',
    sex: 'Jenis kelamin',
    occupation: 'Pekerjaan',
    address_id: 'Alamat di Indonesia',
    address_abroad: 'Alamat di luar negeri',
    language: 'Bahasa yang dikuasai',
    interpreter: 'Juru bahasa',
  };
  const button = h('button', { type: 'submit' }, 'Tambah pihak');
  const form = h(
    'form',
    { class: 'stack', id: 'party-form' },
    Object.entries(inputs).map(([name, el]) => field(`party-${name.replace(/_/g, '-')}`, labels[name], el)),
    button,
    msg,
  );
  postForm(form, `/api/v1/cases/${Number(c.id)}/parties`, inputs, msg, async (p, body) => {
    flash(`${KINDS[body.kind] || body.kind} ${body.name} ditambahkan.`);
    await reload();
  });
  return h('details', { id: 'add-party', class: 'add' }, h('summary', null, 'Tambah pihak'), form);
}
