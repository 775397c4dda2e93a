// workbench.js - what an investigator adds to a file from its page besides acts: a party
// (POST /cases/{id}/parties; corrected: PUT), an offence charged (POST /cases/{id}/offences), an
// item of evidence (POST /cases/{id}/evidence; corrected: PUT) and an act's paper (POST /cases/{id}/forms/{form}),
// and from the case list a new file (POST /cases). Only an investigator is offered them (the
// server refuses the others, 403); the server judges every field and names the one it refuses
// (problem+json `field`), shown beside the form with everything typed kept.
import { api, explain, newKey } from './api.js';
import { h, show } from './dom.js';
import { KINDS, date, today } from './fmt.js';
import { me, flash, go } from './app.js';

// A file handed over (Tahap II), diverted to administrative action or dismissed takes no new
// party, charge or thing seized (server/app/casework.c writable_case, core stage_terminal): the
// page offers none there, the server would answer 409.
const CLOSED = ['handed_over', 'administrative', 'dismissed'];

export function mayAddTo(c) {
  return me().role === 'investigator' && !CLOSED.includes(c.stage);
}

// The charges and the things seized are not changed while the Penuntut Umum holds the file -
// sent (Tahap I) or declared complete (P-21): the papers he examines print them (KUHAP 110,
// 138(1); server/app/casework.c writable_case answers 409); a party may still be set right.
const HELD = ['with_prosecutor', 'complete'];
function mayChangeFile(c) {
  return mayAddTo(c) && !HELD.includes(c.stage);
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

// What is known of a party, as the API names it (POST and PUT /cases/{id}/parties): an input
// for each, and its words.
const PARTY_LABELS = {
  kind: 'Sebagai',
  name: 'Nama (sebagaimana di paspor atau kartu identitas)',
  nationality: 'Kewarganegaraan (kode negara dua huruf)',
  passport_no: 'Nomor paspor',
  nik: 'NIK (KTP-el, 16 angka; WNI)',
  birth_date: 'Tanggal lahir',
  birth_place: 'Tempat lahir',
  sex: 'Jenis kelamin',
  occupation: 'Pekerjaan',
  address_id: 'Alamat di Indonesia',
  address_abroad: 'Alamat di luar negeri',
  language: 'Bahasa yang dikuasai',
  interpreter: 'Juru bahasa',
};

function partyInputs() {
  return {
    kind: h('select', null, Object.entries(KINDS).map(([v, t]) => h('option', { value: v }, t))),
    name: h('input', { maxlength: 200, autocomplete: 'off' }),
    nationality: h('input', { maxlength: 2, size: 3, autocomplete: 'off', placeholder: 'mis. VN' }),
    passport_no: h('input', { maxlength: 20, autocomplete: 'off' }),
    nik: h('input', { maxlength: 16, inputmode: 'numeric', autocomplete: 'off' }),
    birth_date: h('input', { type: 'date' }),
    birth_place: h('input', { maxlength: 200 }),
    sex: h('select', null, [['', '—'], ['L', 'Laki-laki'], ['P', 'Perempuan']].map(([v, t]) => h('option', { value: v }, t))),
    occupation: h('input', { maxlength: 200 }),
    address_id: h('textarea', { rows: 2, maxlength: 500 }),
    address_abroad: h('textarea', { rows: 2, maxlength: 500 }),
    language: h('input', { maxlength: 100 }),
    interpreter: h('input', { maxlength: 200 }),
  };
}

const partyFields = (prefix, inputs) => Object.entries(inputs).map(([name, el]) => field(`${prefix}-${name.replace(/_/g, '-')}`, PARTY_LABELS[name], el));

// Add a party (KUHAP 1 angka 14, 26, 28; sql/0041: the reporter and the victim): its kind and
// name, and what the papers print of the person when known - nationality (ISO 3166-1 alpha-2),
// passport or NIK, birth, sex, occupation, addresses, language and interpreter.
export function partyForm(c, reload) {
  const msg = h('p', { class: 'error', role: 'alert', id: 'party-error' });
  const inputs = partyInputs();
  const button = h('button', { type: 'submit' }, 'Tambah pihak');
  const form = h('form', { class: 'stack', id: 'party-form' }, partyFields('party', inputs), button, msg);
  postForm(form, `/api/v1/cases/${Number(c.id)}/parties`, inputs, msg, async (p, body) => {
    flash(`${KINDS[body.kind] || body.kind} ${body.name} ditambahkan.`);
    await reload();
  });
  return h('details', { id: 'add-party', class: 'add' }, h('summary', null, 'Tambah pihak'), form);
}

// A correction of one thing of the file (PUT path, If-Match: the version the page shows): its
// inputs filled with what is stored (current), only what changed sent. Saved, the page is drawn
// again; refused, the server's words beside the form; changed by someone else meanwhile (409),
// the page is drawn again with what was typed kept, and says why nothing was saved.
function correctForm(id, title, inputs, labels, current, path, version, reload) {
  const msg = h('p', { class: 'error', role: 'alert', id: `${id}-error` });
  const was = (k) => (current[k] == null ? '' : String(current[k]));
  for (const [k, el] of Object.entries(inputs)) el.value = was(k);
  const button = h('button', { type: 'submit' }, 'Simpan koreksi');
  const form = h('form', { class: 'stack' }, Object.entries(inputs).map(([k, el]) => field(`${id}-${k.replace(/_/g, '-')}`, labels[k], el)), button, msg);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    show(msg);
    const body = {};
    // a number chosen from a list (an act's id) goes as a number; none chosen is not sent
    for (const [k, el] of Object.entries(inputs)) if (el.value.trim() !== was(k) && !(el.dataset.number && el.value === '')) body[k] = el.dataset.number ? Number(el.value) : el.value.trim();
    if (!Object.keys(body).length) return show(msg, 'Tidak ada yang diubah.');
    button.disabled = true;
    try {
      await api('PUT', path, { body, headers: { 'If-Match': `"${Number(version)}"` } });
      flash(`Koreksi ${title} disimpan.`);
      await reload();
    } catch (e) {
      button.disabled = false;
      if (e.status === 401) return;
      if (e.status !== 409) {
        show(msg, explain(e));
        const bad = e.problem && e.problem.field && inputs[e.problem.field];
        if (bad) bad.focus();
        return;
      }
      const typed = Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value]));
      await reload();
      const again = document.getElementById(id);
      if (!again) return flash(`${title} telah diubah orang lain; periksa lalu koreksi lagi.`, 'error');
      again.open = true;
      for (const [k, v] of Object.entries(typed)) {
        const el = document.getElementById(`${id}-${k.replace(/_/g, '-')}`);
        if (el) el.value = v;
      }
      show(document.getElementById(`${id}-error`), 'Data ini telah diubah orang lain sejak halaman dimuat. Halaman sudah dimuat ulang: periksa perubahannya, lalu simpan lagi.');
    }
  });
  return h('details', { id, class: 'add' }, h('summary', null, `Koreksi ${title}`), form);
}

// Correct a party (PUT /cases/{id}/parties/{party}): a paper printing the party issued before is
// then flagged in Dokumen to be issued again (stale_papers).
function partyFix(c, p, reload) {
  const path = `/api/v1/cases/${Number(c.id)}/parties/${Number(p.id)}`;
  return correctForm(`fix-party-${Number(p.id)}`, `data ${p.name}`, partyInputs(), PARTY_LABELS, p, path, p.version, reload);
}

// a correction form for each party, for an investigator of a file not closed for good
export function partyFixes(c, reload) {
  if (!mayAddTo(c) || !(c.parties || []).length) return null;
  return h('div', { id: 'fix-parties' }, c.parties.map((p) => partyFix(c, p, reload)));
}

// ---- charges and evidence --------------------------------------------------------------------

const partyName = (c, id) => ((c.parties || []).find((p) => p.id === id) || {}).name || '';

// The offences charged (UU 6/2011 Pasal 113-136, the catalogue's words), each to a suspect or to
// the file; the investigator charges one of the catalogue (GET /api/v1/offences), to one suspect
// or to the file as a whole.
export function offences(c, catalogue, reload) {
  const list = c.offences || [];
  const mine = Boolean(catalogue) && mayChangeFile(c);
  const gone = h('p', { class: 'error', role: 'alert', id: 'offence-withdraw-error' });
  const table = list.length
    ? h(
        'table',
        { class: 'list', id: 'offences' },
        h('thead', null, h('tr', null, ['Pasal', 'Perbuatan', 'Tersangka', ...(mine ? [''] : [])].map((t) => h('th', { scope: 'col' }, t)))),
        h(
          'tbody',
          null,
          list.map((o) =>
            h(
              'tr',
              { 'data-offence': String(o.id) },
              h('td', { 'data-label': 'Pasal' }, `Pasal ${o.code}`),
              h('td', { 'data-label': 'Perbuatan' }, o.label, o.to_verify ? h('small', null, ' (belum dipastikan)') : ''),
              h('td', { 'data-label': 'Tersangka' }, o.party_id ? partyName(c, o.party_id) : 'seluruh perkara'),
              mine ? h('td', null, withdrawCharge(c, o, gone, reload)) : null,
            ),
          ),
        ),
      )
    : h('p', { class: 'empty', id: 'offences' }, 'Belum ada pasal yang disangkakan.');
  if (!mine) return [table];
  const msg = h('p', { class: 'error', role: 'alert', id: 'offence-error' });
  const inputs = {
    code: h('select', null, h('option', { value: '' }, '— pilih pasal —'), catalogue.map((o) => h('option', { value: o.code }, `Pasal ${o.code} — ${o.label}`))),
    party_id: h(
      'select',
      { 'data-number': '1' },
      h('option', { value: '' }, '— seluruh perkara —'),
      (c.parties || []).filter((p) => p.kind === 'suspect').map((p) => h('option', { value: p.id }, p.name)),
    ),
  };
  const form = h(
    'form',
    { class: 'stack', id: 'offence-form' },
    field('offence-code', 'Pasal (UU 6/2011)', inputs.code),
    field('offence-party', 'Disangkakan kepada', inputs.party_id),
    h('button', { type: 'submit' }, 'Sangkakan pasal'),
    msg,
  );
  postForm(form, `/api/v1/cases/${Number(c.id)}/offences`, inputs, msg, async (o) => {
    flash(`Pasal ${o.code} disangkakan.`);
    await reload();
  });
  return [table, gone, h('details', { id: 'add-offence', class: 'add' }, h('summary', null, 'Sangkakan pasal'), form)];
}

// Withdraw a charge laid in error (DELETE /cases/{id}/offences/{charge}), asked twice: the papers
// issued while it stood still name it, and the page then lists them to be issued again.
function withdrawCharge(c, o, msg, reload) {
  const ask = h('button', { type: 'button', class: 'secondary', id: `withdraw-offence-${Number(o.id)}` }, 'Tarik');
  const yes = h('button', { type: 'button', id: `withdraw-offence-${Number(o.id)}-yes` }, `Ya, tarik Pasal ${o.code}`);
  const no = h('button', { type: 'button', class: 'secondary' }, 'Batal');
  const sure = h('span', { class: 'confirm', hidden: true }, h('small', null, 'Dokumen yang sudah menyebutnya perlu diterbitkan ulang. '), yes, ' ', no);
  ask.addEventListener('click', () => {
    ask.hidden = true;
    sure.hidden = false;
    yes.focus();
  });
  no.addEventListener('click', () => {
    sure.hidden = true;
    ask.hidden = false;
  });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    show(msg);
    try {
      await api('DELETE', `/api/v1/cases/${Number(c.id)}/offences/${Number(o.id)}`);
      flash(`Pasal ${o.code} ditarik.`);
      await reload();
    } catch (e) {
      if (e.status !== 401) show(msg, explain(e));
      yes.disabled = false;
    }
  });
  return [ask, sure];
}

// The case's seizures as they stand (not withdrawn), newest first: the acts an item of evidence
// may name as the one that took it (its BA Penyitaan lists it: KUHAP 75, 129(2)).
function seizures(c) {
  const acts = standing(c);
  return (c.history || [])
    .filter((e) => e.type === 'seizure_done' && acts.has(e.id) && !acts.get(e.id).withdrawn)
    .slice()
    .reverse()
    .map((e) => {
      const scene = acts.get(e.id).payload.scene;
      return { id: e.id, text: `Penyitaan ${date(e.legal_date || e.legal_at)}${scene ? ` · ${scene}` : ''}` };
    });
}

function seizureSelect(c) {
  return h('select', { 'data-number': '1' }, h('option', { value: '' }, '— tidak disita dalam penyitaan tercatat —'), seizures(c).map((s) => h('option', { value: s.id }, s.text)));
}

// The things seized (KUHAP 39, 44; DOMAIN 4.8): what, how many, from whom, on which day, in which
// seizure and where kept; the investigator adds one.
export function evidence(c, reload) {
  const list = c.evidence || [];
  const taken = new Map(seizures(c).map((s) => [s.id, s.text]));
  const table = list.length
    ? h(
        'table',
        { class: 'list', id: 'evidence' },
        h('thead', null, h('tr', null, ['Barang', 'Jumlah', 'Disita dari', 'Tanggal sita', 'Penyitaan', 'Disimpan di'].map((t) => h('th', { scope: 'col' }, t)))),
        h(
          'tbody',
          null,
          list.map((x) =>
            h(
              'tr',
              { 'data-evidence': String(x.id) },
              h('td', { 'data-label': 'Barang' }, x.description),
              h('td', { 'data-label': 'Jumlah' }, x.quantity || '—'),
              h('td', { 'data-label': 'Disita dari' }, x.seized_from ? partyName(c, x.seized_from) : '—'),
              h('td', { 'data-label': 'Tanggal sita' }, date(x.seized_on)),
              h('td', { 'data-label': 'Penyitaan' }, x.seizure_event ? taken.get(x.seizure_event) || '(ditarik)' : '—'),
              h('td', { 'data-label': 'Disimpan di' }, x.storage || '—'),
            ),
          ),
        ),
      )
    : h('p', { class: 'empty', id: 'evidence' }, 'Belum ada barang bukti.');
  if (!mayChangeFile(c)) return [table];
  const msg = h('p', { class: 'error', role: 'alert', id: 'evidence-error' });
  const inputs = {
    description: h('textarea', { rows: 2, maxlength: 1000 }),
    quantity: h('input', { maxlength: 60, placeholder: 'mis. 1 (satu) buku' }),
    seized_from: h('select', { 'data-number': '1' }, h('option', { value: '' }, '—'), (c.parties || []).map((p) => h('option', { value: p.id }, `${p.name} (${KINDS[p.kind] || p.kind})`))),
    seized_on: h('input', { type: 'date' }),
    seizure_event: seizureSelect(c),
    storage: h('input', { maxlength: 200 }),
  };
  const labels = {
    description: 'Uraian barang',
    quantity: 'Jumlah',
    seized_from: 'Disita dari',
    seized_on: 'Tanggal penyitaan',
    seizure_event: 'Disita dalam penyitaan',
    storage: 'Tempat penyimpanan',
  };
  const form = h(
    'form',
    { class: 'stack', id: 'evidence-form' },
    Object.entries(inputs).map(([name, el]) => field(`evidence-${name.replace(/_/g, '-')}`, labels[name], el)),
    h('button', { type: 'submit' }, 'Tambah barang bukti'),
    msg,
  );
  postForm(form, `/api/v1/cases/${Number(c.id)}/evidence`, inputs, msg, async () => {
    flash('Barang bukti ditambahkan.');
    await reload();
  });
  return [table, list.map((x) => evidenceFix(c, x, reload)), h('details', { id: 'add-evidence', class: 'add' }, h('summary', null, 'Tambah barang bukti'), form)];
}

// Correct an item of evidence (PUT /cases/{id}/evidence/{item}): what it is, how many, the day
// seized, the seizure that took it and where kept (from whom is not corrected by the API)
function evidenceFix(c, x, reload) {
  const inputs = {
    description: h('textarea', { rows: 2, maxlength: 1000 }),
    quantity: h('input', { maxlength: 60 }),
    seized_on: h('input', { type: 'date' }),
    seizure_event: seizureSelect(c),
    storage: h('input', { maxlength: 200 }),
  };
  const labels = { description: 'Uraian barang', quantity: 'Jumlah', seized_on: 'Tanggal penyitaan', seizure_event: 'Disita dalam penyitaan', storage: 'Tempat penyimpanan' };
  const path = `/api/v1/cases/${Number(c.id)}/evidence/${Number(x.id)}`;
  const name = x.description.length > 40 ? `${x.description.slice(0, 40)}…` : x.description;
  return correctForm(`fix-evidence-${Number(x.id)}`, `barang bukti ${name}`, inputs, labels, x, path, x.version, reload);
}

// The offence catalogue, for the page of an investigator who may charge
export async function catalogueFor(c) {
  return mayAddTo(c) ? (await api('GET', '/api/v1/offences')).items || [] : null;
}

// ---- issuing an act's paper ----------------------------------------------------------------

// The forms berkas makes, each with the act it is issued for (GET /api/v1/forms: act, and a
// BAP's kind), so that the page offers a paper beside its act without a list of its own.
export async function formsList() {
  return (await api('GET', '/api/v1/forms')).items || [];
}

// Each act as it stands after its corrections (DOMAIN 12: a paper is its act's): a withdrawn act
// takes no paper, a corrected BAP's kind is the one its paper is for. id -> {type, withdrawn, payload}
export function standing(c) {
  const acts = new Map();
  const root = new Map(); // a correction's id -> the act its chain corrects (a correction may correct a correction)
  for (const e of c.history || []) {
    if (e.type !== 'corrected') {
      acts.set(e.id, { type: e.type, withdrawn: false, payload: { ...(e.payload || {}) } });
      continue;
    }
    const of = root.has(e.corrects) ? root.get(e.corrects) : e.corrects;
    root.set(e.id, of);
    const a = acts.get(of);
    const fix = e.payload || {};
    if (!a) continue;
    // as the server reads the log (core/evlog.c evlog_effective): the latest correction says
    // whether the act stands
    a.withdrawn = fix.withdraws === true;
    if (!a.withdrawn) Object.assign(a.payload, fix);
  }
  return acts;
}

// The parameters a paper may be asked for, in words; a parameter not named here is asked by the
// template's own description. The server names the one it needs: a 400's field (a required
// parameter), or a 422's missing datum "... (param target)".
const PARAMS = {
  party: (c) => ({
    label: 'Pihak',
    el: h('select', null, h('option', { value: '' }, '— pilih —'), (c.parties || []).map((p) => h('option', { value: `pihak-${Number(p.id)}` }, `${p.name} (${KINDS[p.kind] || p.kind})`))),
  }),
  'appear-date': () => ({ label: 'Tanggal menghadap', el: h('input', { type: 'date' }) }),
  'appear-time': () => ({ label: 'Jam menghadap', el: h('input', { type: 'time' }) }),
  time: () => ({ label: 'Jam', el: h('input', { type: 'time' }) }),
  start: () => ({ label: 'Hari pertama masa penahanan', el: h('input', { type: 'date' }) }),
  days: () => ({ label: 'Lamanya (hari)', el: h('input', { type: 'number', min: 1, max: 60 }) }),
  target: () => ({ label: 'Tempat yang digeledah', el: h('input', { maxlength: 300 }) }),
  scene: () => ({ label: 'Tempat kejadian', el: h('input', { maxlength: 300 }) }),
  family: () => ({ label: 'Anggota keluarga yang dituju', el: h('input', { maxlength: 200 }) }),
  facility: () => ({ label: 'Tempat penahanan (nama Rutan)', el: h('input', { maxlength: 200 }) }),
  permit: () => ({ label: 'Penetapan Ketua Pengadilan Negeri (nomor dan tanggal)', el: h('input', { maxlength: 300 }) }),
  object: () => ({ label: 'Tempat yang digeledah atau barang yang disita', el: h('input', { maxlength: 300 }) }),
  language: () => ({ label: 'Bahasa', el: h('input', { maxlength: 100 }) }),
  interpreter: () => ({ label: 'Juru bahasa', el: h('input', { maxlength: 200 }) }),
  result: () => ({ label: 'Hasil penggeledahan', el: h('textarea', { rows: 2, maxlength: 1000 }) }),
  depository: () => ({ label: 'Tempat penitipan (mis. Rupbasan)', el: h('input', { maxlength: 200 }) }),
  receiver: () => ({ label: 'Petugas yang menerima', el: h('input', { maxlength: 200 }) }),
  addressee: () => ({ label: 'Ditujukan kepada', el: h('input', { maxlength: 200 }) }),
  ground: () => ({ label: 'Alasan penghentian', el: h('textarea', { rows: 2, maxlength: 1000 }) }),
  occurred: () => ({ label: 'Tanggal kejadian', el: h('input', { type: 'date' }) }),
  prosecutor: () => ({ label: 'Nama Penuntut Umum yang menerima', el: h('input', { maxlength: 200 }) }),
  'prosecutor-nip': () => ({ label: 'NIP Penuntut Umum', el: h('input', { inputmode: 'numeric', maxlength: 21 }) }),
};

// The parameters of form f a refusal asks for: a 400's field when it is one of f's, and each
// "(param NAME)" a 422 names among the data missing.
function askedParams(f, p) {
  const names = new Set((f.params || []).map((x) => x.name));
  const out = [];
  const add = (n) => names.has(n) && !out.includes(n) && out.push(n);
  if (p && p.field) add(String(p.field));
  for (const m of `${(p && p.field) || ''} ${(p && p.detail) || ''}`.matchAll(/\(param ([a-z][a-z0-9-]*)\)/g)) add(m[1]);
  return out;
}

// One paper of one act: a button that issues it (POST /cases/{id}/forms/{form} with the act's
// id), asking for the parameters the server says it needs, kept across the tries; issued, the
// page is drawn again and the paper is in its documents with its number and its PDF.
function issueForm(c, e, f, reload) {
  const base = `issue-${Number(e.id)}-${f.name}`;
  const msg = h('p', { class: 'error', role: 'alert', id: `${base}-error` });
  const more = h('div', { class: 'fields' });
  const asked = new Map(); // param -> element
  const ask = (name) => {
    if (asked.has(name)) return false;
    const desc = (f.params || []).find((x) => x.name === name);
    const p = PARAMS[name] ? PARAMS[name](c) : { label: (desc && desc.description) || name, el: h('input', { maxlength: 300 }) };
    p.el.id = `${base}-${name}`;
    p.el.dataset.param = name;
    more.append(h('label', { for: p.el.id }, p.label), p.el);
    asked.set(name, p.el);
    return true;
  };
  // the prosecutor's letters go by their P-code (Terbitkan P-19), the full title beside it
  const name = f.issuer === 'prosecutor' && /^P-/.test(f.code || '') ? f.code : f.title;
  const button = h('button', { type: 'submit', class: 'secondary', title: f.title }, `Terbitkan ${name}`);
  const form = h('form', { class: 'issue', id: base, 'data-form': f.name, 'data-event': String(e.id) }, more, button, msg);
  let key = newKey();
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    show(msg);
    const params = {};
    for (const [name, el] of asked) if (el.value.trim()) params[name] = el.value.trim();
    button.disabled = true;
    try {
      const doc = await api('POST', `/api/v1/cases/${Number(c.id)}/forms/${encodeURIComponent(f.name)}`, {
        body: { event: Number(e.id), params },
        headers: { 'Idempotency-Key': key },
      });
      key = newKey();
      flash(`${name} diterbitkan, nomor ${doc.number || '—'}.`);
      await reload();
    } catch (err) {
      if (err.status === 401) return;
      const wanted = askedParams(f, err.problem).filter((n) => ask(n) || !params[n]);
      show(msg, wanted.length ? `${explain(err)} — lengkapi isian di atas lalu terbitkan lagi.` : explain(err));
      if (wanted.length) asked.get(wanted[0]).focus();
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

// The papers berkas can issue for act e that it has not issued yet (a revoked one is not in
// e.documents: its form may be issued again), but the one carrying the act's number when that
// number was given outside berkas, each as issueForm; none for an act withdrawn or a
// correction. Each reader is offered the papers of his own role (forms.c role_issues): the
// investigator his orders and Berita Acara, the prosecutor his P-forms (KEP-518/A/J.A/11/2001;
// the server refuses either the other's, 403).
export function issueForms(c, e, forms, acts, reload) {
  const role = me().role;
  if (!forms || (role !== 'investigator' && role !== 'prosecutor') || e.type === 'corrected') return null;
  const now = acts.get(e.id);
  if (!now || now.withdrawn) return null;
  const have = new Set((e.documents || []).map((d) => d.form));
  // an act numbered outside berkas (its number on none of its papers) has its paper uploaded:
  // berkas does not number the paper that carries the act's number again (forms.c number_is_ours)
  const outside = Boolean(e.number) && !(e.documents || []).some((d) => d.number === e.number);
  // the SPDP's paper is the one sent to the Penuntut Umum; a copy's delivery (Korwas, the
  // suspect...) carries the same letter (forms.c spdp_to_the_pu; one stored with no addressee
  // was the Kejari's)
  const to = (x) => (x.payload.recipient === undefined ? 'kejari' : x.payload.recipient);
  const copy = e.type === 'spdp_sent' && to(now) !== 'kejari';
  // the cover letter to Korwas PPNS (Permenkumham 39/2021 Pasal 27(2)) goes with the SPDP's copy
  // to Korwas, or with the SPDP to the PU when no copy to Korwas is recorded (forms.c
  // spdp_paper_fits refuses it beside another recipient's copy)
  const korwasCopy = [...acts.values()].some((x) => x.type === 'spdp_sent' && !x.withdrawn && to(x) === 'korwas');
  const korwasLetter = e.type === 'spdp_sent' && (to(now) === 'korwas' || (to(now) === 'kejari' && !korwasCopy));
  // a release has its custody's papers (forms.c release_paper_fits): the Pelepasan Tersangka of
  // an arrest, the Pengeluaran Tahanan of a detention (a release stored without its custody: those)
  const fromArrest = e.type === 'released' && now.payload.custody === 'penangkapan';
  const offer = forms.filter(
    (f) =>
      f.issuer === role &&
      (f.act === e.type || (f.acts || []).includes(e.type)) &&
      (!f.bap || f.bap === now.payload.bap) &&
      !have.has(f.name) &&
      !(outside && f.primary) &&
      !(copy && f.name === 'spdp') &&
      !(f.name === 'pengantar_spdp_korwas' && !korwasLetter) &&
      // the request for the Ketua PN's approval reports an urgent search or seizure (KUHAP 34(2),
      // 38(2); forms.c request_for_approval): beside such an act only
      !(f.name === 'permohonan_izin_pn' && !now.payload.urgent_reason) &&
      !(e.type === 'released' && f.name.includes('pelepasan') !== fromArrest),
  );
  if (!offer.length) return null;
  return h('div', { class: 'issue-forms' }, offer.map((f) => issueForm(c, e, f, reload)));
}

// ---- opening a file ------------------------------------------------------------------------

// Where a file comes from (DOMAIN 3; server/app/casexml.c sources, the codes POST /cases takes)
const SOURCES = {
  supervision: 'Pengawasan keimigrasian',
  public_report: 'Laporan masyarakat',
  tim_pora: 'TIM PORA',
  jagratara: 'Operasi JAGRATARA',
  intelligence: 'Intelijen keimigrasian',
  tpi_check: 'Pemeriksaan di Tempat Pemeriksaan Imigrasi',
  apoa: 'Aplikasi Pelaporan Orang Asing (APOA)',
  desa_binaan: 'Desa Binaan Imigrasi',
  other_agency: 'Instansi lain',
  other: 'Lainnya',
};

// Open a file with its Laporan Kejadian (POST /api/v1/cases: the report registered on opened_on,
// its summary the Laporan's): where it came from, the day, what happened, and the Kejaksaan
// Negeri that will receive its SPDP (may be given later). Opened, the page goes to the file.
export async function openCaseForm() {
  if (me().role !== 'investigator') return null;
  const offices = await api('GET', '/api/v1/offices');
  const kejari = (offices.items || offices).filter((o) => o.kind === 'kejari' || o.kind === 'cabjari');
  const now = today(me().office && me().office.tz);
  const msg = h('p', { class: 'error', role: 'alert', id: 'open-error' });
  const inputs = {
    source: h('select', null, Object.entries(SOURCES).map(([v, t]) => h('option', { value: v }, t))),
    opened_on: h('input', { type: 'date', value: now, max: now }),
    summary: h('textarea', { rows: 3, maxlength: 2000 }),
    kejari_id: h('select', { 'data-number': '1' }, h('option', { value: '' }, '— belum ditentukan —'), kejari.map((o) => h('option', { value: o.id }, o.name))),
  };
  const labels = {
    source: 'Sumber perkara',
    opened_on: 'Tanggal Laporan Kejadian',
    summary: 'Ringkasan (isi Laporan Kejadian)',
    kejari_id: 'Kejaksaan Negeri tujuan SPDP',
  };
  const button = h('button', { type: 'submit' }, 'Buka perkara');
  const form = h(
    'form',
    { class: 'stack', id: 'open-form' },
    Object.entries(inputs).map(([name, el]) => field(`open-${name.replace(/_/g, '-')}`, labels[name], el)),
    button,
    msg,
  );
  postForm(form, '/api/v1/cases', inputs, msg, async (c) => {
    flash(`Perkara ${c.number} dibuka.`, 'info', true);
    go(`#/perkara/${Number(c.id)}`);
  });
  return h('details', { id: 'open-case', class: 'add' }, h('summary', null, 'Buka perkara baru'), form);
}
