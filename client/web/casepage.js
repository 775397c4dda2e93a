// casepage.js - one case file: stage, clocks, P-19 rounds and items,
// directions (a supervisor gives one with a due date), parties, history.
// A case the caller may not see is the API's 404, shown as such.
import { api, explain, newKey } from './api.js';
import { h, show } from './dom.js';
import { date, dateIn, daysLeft, STATES, KINDS, today } from './fmt.js';
import { me, flash } from './app.js';
import { mayAddTo, partyForm, partyFixes, formsList, standing, issueForms, offences, evidence, catalogueFor } from './workbench.js';

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

// What met a stopped clock when the server says more than "stopped": the Ketua PN's approval of
// an urgent search or seizure (DOMAIN D8) is the investigator's duty once he has reported it
// (reported_by), the court's answer still awaited (awaiting_approval), given (approved_by) or
// refused (refused_by: the court has answered; what follows for the goods is not settled).
function metBy(k) {
  // a notice closed undelivered by the act that ended the file (core/clock.c close_owed): a
  // fault when past its day, kept in sight here though no one can deliver it any more
  // ... or one the investigator declared undelivered, with his reason (notice_undelivered)
  if (k.undelivered_reason !== undefined) return `Tidak dapat disampaikan: ${k.undelivered_reason}`;
  if (k.not_delivered) return k.state === 'overdue' ? 'Tidak disampaikan sampai berkas berakhir (terlewat)' : 'Berkas berakhir sebelum tenggatnya; tidak lagi wajib';
  if (k.awaiting_approval) return 'Sudah dilaporkan ke Ketua PN; menunggu persetujuan';
  if (k.refused_by) return k.reported_by ? 'Dilaporkan ke Ketua PN; persetujuan DITOLAK' : 'Persetujuan DITOLAK Ketua PN';
  if (k.reported_by && k.approved_by) return 'Dilaporkan ke Ketua PN; sudah disetujui';
  if (k.approved_by) return 'Disetujui Ketua PN';
  return null;
}

// An arrest or detention that outlasted its order (the server's overrun): the suspect was held
// past its end without ground (KUHAP 19(1), 24(4) "demi hukum") - the gravest fault a file can
// show, kept in sight once the clock has stopped. A detention is counted in days, by the hour
// only when it ended on its last day; an arrest in hours.
function overrunText(k) {
  const o = k.overrun;
  if (!o) return null;
  const over = k.code === 'arrest' || !o.days ? `${o.hours} jam` : `${o.days} hari`;
  return `${k.code === 'arrest' ? 'Ditangkap' : 'Ditahan'} melampaui batas ${over}`;
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
          { class: k.running ? `state-${k.state}` : k.overrun ? 'stopped overrun' : 'stopped', 'data-clock': k.code },
          h(
            'td',
            { 'data-label': 'Jam' },
            k.label,
            k.party_id ? ` — ${partyName(c, k.party_id)}` : '',
            k.text ? h('div', null, h('small', null, k.text)) : null,
            metBy(k) ? h('div', { class: 'met-by' }, h('small', null, metBy(k))) : null,
          ),
          h('td', { 'data-label': 'Tenggat' }, date(k.due_date)),
          h('td', { 'data-label': 'Sisa' }, k.running ? daysLeft(k.days_left) : k.not_delivered ? 'tidak disampaikan' : k.overrun ? `selesai ${date(k.overrun.stopped_on)}, terlambat` : 'selesai'),
          h(
            'td',
            { 'data-label': 'Keadaan' },
            k.running
              ? badge(k.state, k.state_label)
              : k.not_delivered && k.state === 'overdue'
                ? badge('overdue', 'Terlewat')
                : k.overrun
                  ? badge('overdue', overrunText(k))
                  : h('span', { class: 'badge stopped' }, 'Berhenti'),
          ),
          h('td', { 'data-label': 'Dasar hukum' }, h('small', null, k.basis, k.to_verify ? ' (belum dipastikan)' : '')),
        ),
      ),
    ),
  );
}

function allowed(c, type) {
  return (c.allowed_events || []).some((e) => e.type === type);
}

// The acts whose paper is in the file (issued by berkas, or uploaded from outside it: uploads,
// GET /cases/{id}/documents) and that can fulfil this P-19 item, newest first: the item's
// answer_acts, the server's list of the acts of the investigation dated on or after the return
// that gave it, and of those before it whose paper the returned file lacked (attached now:
// app/p19answer.h) (core/answer.h; the berkas perkara is sent back only when each answered item has
// its paper, KUHAP 110(3), 138(2)).
function papered(c, it, uploads) {
  const can = new Set(it.answer_acts || []);
  const scanned = new Set((uploads || []).filter((u) => u.event_id != null).map((u) => Number(u.event_id)));
  return (c.history || [])
    .filter((e) => can.has(e.id) && ((Array.isArray(e.documents) && e.documents.length) || scanned.has(Number(e.id))))
    .slice()
    .reverse();
}

// the case's acts (newest first) that pass `keep`
function actsOf(c, keep) {
  return (c.history || []).filter(keep).slice().reverse();
}

// what an act's record says beyond its label: a Penetapan's kind and purpose, a search or
// seizure's basis (the Ketua PN's permit, or urgency: KUHAP 34, 38(2))
// the letters' recipients (core/event.c notice_codes; app/permit.c's report to the Ketua PN)
const RECIPIENTS = {
  keluarga_penangkapan: 'tembusan SP penangkapan kepada keluarga',
  keluarga_penahanan: 'tembusan SP penahanan kepada keluarga',
  perwakilan_negara: 'pemberitahuan kepada perwakilan negara tersangka (melalui Kemlu)',
  spdp_kejari: 'SPDP kepada Kejaksaan',
  spdp_korwas: 'SPDP kepada Korwas PPNS',
  spdp_pelapor: 'SPDP kepada pelapor/korban',
  spdp_tersangka: 'SPDP kepada tersangka',
  spdp_perwakilan_negara: 'SPDP kepada perwakilan negara tersangka (melalui Kemlu)',
  penetapan_tersangka: 'pemberitahuan penetapan tersangka',
  salinan_bap: 'salinan BAP kepada tersangka',
  ketua_pn_persetujuan: 'laporan tindakan mendesak kepada Ketua PN',
  berkas_kejari: 'berkas perkara kepada Kejaksaan (tanda terima)',
};
// the notices the investigator may declare undelivered with a reason (notice_undelivered): a
// suspect's custody (KUHAP 18(3), 21(3), Konvensi Wina 1963 Pasal 36(1)(b)) and an SP3's to
// another than the Penuntut Umum (KUHAP 109(2)-(3); UU 20/2025 Pasal 24(4))
const CUSTODY_NOTICES = {
  ...Object.fromEntries(['keluarga_penangkapan', 'keluarga_penahanan', 'perwakilan_negara'].map((k) => [k, RECIPIENTS[k]])),
  sp3_korwas: 'pemberitahuan SP3 kepada Korwas PPNS',
  sp3_suspect: 'pemberitahuan SP3 kepada tersangka',
  sp3_family: 'pemberitahuan SP3 kepada keluarga tersangka',
  sp3_reporter: 'pemberitahuan SP3 kepada pelapor/korban',
};

// an SPDP's addressees (core/event.c spdp_to; only the one to the Kejaksaan is the SPDP of KUHAP
// 109(1))
const SENT_TO = {
  kejari: 'Kejaksaan (Penuntut Umum)',
  korwas: 'Korwas PPNS',
  reporter: 'Pelapor/korban',
  suspect: 'Tersangka',
  family: 'Keluarga tersangka',
  embassy: 'Perwakilan negara tersangka (melalui Kemlu)',
};

// an SP3 notice's addressees (core/event.c sp3_to: KUHAP 109(3); UU 20/2025 Pasal 24(4))
const SP3_TO = {
  kejari: 'Kejaksaan (Penuntut Umum)',
  korwas: 'Penyidik Polri (Korwas PPNS)',
  suspect: 'Tersangka',
  family: 'Keluarga tersangka',
  reporter: 'Pelapor/korban',
};

// why a suspect leaves detention or an arrest (core/relground.c: KUHAP 19(1), 21, 24(3)-(4),
// 109(2), 82(3) huruf a); the server's refusal names those that end his custody (`grounds`)
const RELEASE_GROUNDS = {
  kepentingan_terpenuhi: 'Kepentingan pemeriksaan sudah terpenuhi (KUHAP 24(3))',
  masa_penahanan_habis: 'Masa penahanan habis (KUHAP 24(4), 29(6))',
  masa_penangkapan_habis: 'Masa penangkapan habis, tidak ditahan (KUHAP 19(1))',
  tidak_perlu_ditahan: 'Penahanan tidak diperlukan (KUHAP 19(1), 21)',
  penyidikan_dihentikan: 'Penyidikan dihentikan dengan SP3 (KUHAP 109(2))',
  putusan_praperadilan: 'Putusan praperadilan: penangkapan/penahanan tidak sah (KUHAP 77, 82(3))',
};

function actDetail(e) {
  const p = e.payload || {};
  // which letter, and who signed for it: five "tanda terima" of one day are told apart
  if (e.type === 'letter_delivered' && p.recipient)
    return ` · ${RECIPIENTS[p.recipient] || p.recipient}${p.received_by ? `, diterima oleh ${p.received_by}` : ''}`;
  if (e.type === 'court_permit_received') return ` · ${p.permit_kind === 'persetujuan' ? 'persetujuan' : 'izin'} ${p.permit_for || ''}${p.court ? ` · PN ${p.court}` : ''}${p.decision === 'ditolak' ? ' · DITOLAK' : ''}`;
  if (/^(search|seizure)_done$/.test(e.type)) return p.urgent_reason ? ' · mendesak, tanpa izin Ketua PN' : p.permit_act ? ' · dengan izin Ketua PN' : '';
  return '';
}

// an investigator's answer to one open instruction, with the act that fulfils it - or, where it
// honestly cannot be met ("rekening sudah ditutup"), that it cannot, with the reason: the PU
// decides over it (SE JAM Pidum B-3326/E/EJP/11/2011; the answer then names no act, needs no
// paper, and its reason is the answer when none is written)
function answerForm(c, it, reload, uploads) {
  const msg = h('p', { class: 'error', role: 'alert' });
  const id = `answer-${Number(it.id)}`;
  const ta = h('textarea', { id, rows: 2, maxlength: 2000 });
  const cannot = h('input', { type: 'checkbox', id: `${id}-cannot` });
  const reason = h('textarea', { id: `${id}-unmet`, rows: 2, maxlength: 2000 });
  const reasonBox = h('div', { class: 'stack', hidden: true }, h('label', { for: `${id}-unmet` }, 'Alasan petunjuk ini tidak dapat dipenuhi'), reason);
  const sel = h(
    'select',
    { id: `${id}-act` },
    h('option', { value: '' }, '(belum ada: unggah dokumennya pada jawaban ini)'),
    papered(c, it, uploads).map((e) =>
      h('option', { value: e.id }, `${e.label || e.type} · ${date(e.legal_date || e.legal_at)}${e.party_id ? ` · ${partyName(c, e.party_id)}` : ''}`),
    ),
  );
  const button = h('button', { type: 'submit' }, 'Simpan jawaban');
  const form = h(
    'form',
    { class: 'stack answer-form', 'data-instruction': it.id },
    h('label', { for: id }, `Jawaban petunjuk ${it.item_no}`),
    ta,
    h('label', { for: `${id}-act` }, 'Tindakan yang memenuhinya (berkasnya dalam berkas perkara)'),
    sel,
    h('label', { for: `${id}-cannot`, class: 'check' }, cannot, ' Tidak dapat dipenuhi'),
    reasonBox,
    button,
    msg,
  );
  cannot.addEventListener('change', () => {
    reasonBox.hidden = !cannot.checked;
    sel.disabled = cannot.checked;
  });
  const key = newKey();
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    show(msg);
    if (cannot.checked && !reason.value.trim()) return show(msg, 'Tulis mengapa petunjuk ini tidak dapat dipenuhi.');
    if (!cannot.checked && !ta.value.trim()) return show(msg, 'Tulis bagaimana petunjuk ini dipenuhi.');
    button.disabled = true;
    const input = { type: 'instruction_answered', instruction_id: it.id };
    if (ta.value.trim()) input.answer = ta.value.trim();
    if (cannot.checked) input.unmet_reason = reason.value.trim();
    else if (sel.value) input.answer_act = Number(sel.value);
    const ok = await record(c, input, key, reload, msg, { [id]: ta.value, [`${id}-act`]: sel.value, [`${id}-unmet`]: reason.value });
    button.disabled = false;
    if (ok) {
      flash(`Jawaban petunjuk ${it.item_no} disimpan.`);
      await reload();
    }
  });
  return form;
}

// What fulfils an answered P-19 item, as the prosecutor checks it (KUHAP 110(3), 138(2); SE JAM
// Pidum B-3326/E/EJP/11/2011: a later return names the items still unmet): the act its answer
// names (answer_act) with that act's papers, and the papers uploaded on the answer itself, each a
// link to its PDF: issued papers (an act's documents) and papers uploaded from outside berkas
// (GET /cases/{id}/documents uploads, each with its event_id), on the answer or on its act. The
// answer is the item's (answered_by), the act the one it names as its corrections leave it
// (answer_act: the server's reading); an item that cannot be met names none and wants none.
function answerPapers(c, it, uploads) {
  const hist = c.history || [];
  const answer = hist.find((e) => e.id === Number(it.answered_by));
  if (!answer) return null;
  const act = it.answer_act ? hist.find((e) => e.id === Number(it.answer_act)) : null;
  const link = (d) => h('a', { href: `/api/v1/documents/${Number(d.id)}.pdf`, target: '_blank', rel: 'noopener' }, d.number || d.form || 'dokumen');
  const papers = [...((act && act.documents) || []), ...(answer.documents || [])];
  const on = new Set([answer.id, act && act.id].filter(Boolean).map(Number));
  const scans = (uploads || []).filter((u) => u.event_id != null && on.has(Number(u.event_id)));
  const scan = (u) => h('a', { href: `/api/v1/uploads/${Number(u.id)}.pdf`, target: '_blank', rel: 'noopener' }, u.title || u.number || 'dokumen');
  return h(
    'p',
    { class: 'answer-papers' },
    h(
      'small',
      null,
      `Dijawab ${date(answer.legal_date)}`,
      act ? ` · dipenuhi dengan ${act.label || act.type} ${date(act.legal_date || act.legal_at)}${act.party_id ? ` (${partyName(c, act.party_id)})` : ''}` : '',
      papers.length ? [' · dokumen: ', papers.map((d, i) => [i ? ', ' : '', link(d)])] : '',
      scans.length ? [' · dokumen diunggah: ', scans.map((u, i) => [i ? ', ' : '', scan(u)])] : '',
      papers.length || scans.length || it.status === 'tidak_dapat_dipenuhi' ? '' : ' · tanpa dokumen',
    ),
  );
}

function p19(c, reload, uploads) {
  const rounds = c.p19_rounds || [];
  if (!rounds.length) return h('p', { class: 'empty' }, 'Berkas belum pernah dikembalikan (P-19).');
  const answering = me().role === 'investigator' && allowed(c, 'instruction_answered');
  const resend = me().role === 'investigator' && allowed(c, 'resubmitted');
  const out = rounds.map((r) =>
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
            { class: !it.answered ? 'open' : it.status === 'tidak_dapat_dipenuhi' ? 'answered unmet' : 'answered', 'data-status': it.status || '' },
            h('p', null, it.text),
            h('p', { class: 'answer' }, it.answered ? `Jawaban: ${it.answer}` : 'Belum dijawab'),
            it.answered ? h('p', { class: 'status' }, it.status === 'tidak_dapat_dipenuhi' ? `Tidak dapat dipenuhi — alasan: ${it.unmet_reason}` : 'Dipenuhi') : null,
            it.answered ? answerPapers(c, it, uploads) : null,
            !it.answered && answering ? answerForm(c, it, reload, uploads) : null,
          ),
        ),
      ),
    ),
  );
  // what the latest round's answers could not meet, apart, where the PU decides over the
  // file sent back (P-21 anyway, or an ordinary letter naming them: returnLetterForm)
  const last = rounds[rounds.length - 1];
  const unmet = (last.items || []).filter((it) => it.status === 'tidak_dapat_dipenuhi');
  if (unmet.length)
    out.unshift(
      h(
        'div',
        { class: 'unmet-summary', id: 'p19-unmet', role: 'note' },
        h('h3', null, `Petunjuk putaran ${last.round} yang tidak dapat dipenuhi penyidik`),
        h('ul', null, unmet.map((it) => h('li', { 'data-instruction': it.id }, `${it.item_no}. ${it.text} — alasan: ${it.unmet_reason}`))),
      ),
    );
  if (resend) {
    const msg = h('p', { class: 'error', role: 'alert' });
    const b = h('button', { type: 'button', id: 'resend' }, 'Kirim ulang berkas ke Penuntut Umum');
    const key = newKey();
    b.addEventListener('click', async () => {
      show(msg);
      b.disabled = true;
      const ok = await record(c, { type: 'resubmitted' }, key, reload, msg);
      b.disabled = false;
      if (ok) {
        const warn = (ok.warnings || []).map((w) => w.message).join(' ');
        flash(`Berkas dikirim ulang ke Penuntut Umum.${warn ? ` Peringatan: ${warn}` : ''}`, warn ? 'warning' : 'info', Boolean(warn));
        await reload();
      }
    });
    out.push(h('p', null, b), msg);
  }
  return out;
}

// "+07:00": the office's UTC offset at a local time (Indonesia keeps no
// summer time, but the zone is the office's, not the browser's)
function offsetAt(tz, local) {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: tz || 'Asia/Jakarta', timeZoneName: 'longOffset' })
      .formatToParts(new Date(`${local}:00Z`))
      .find((p) => p.type === 'timeZoneName').value;
    const m = /([+-]\d\d:\d\d)/.exec(name);
    return m ? m[1] : '+00:00';
  } catch {
    return '+07:00';
  }
}

// the release grounds a refusal names (its `grounds`: those of the suspect's custody), else all
function groundOptions(p) {
  const codes = p && Array.isArray(p.grounds) ? p.grounds : Object.keys(RELEASE_GROUNDS);
  return [h('option', { value: '' }, '— pilih —'), ...codes.map((v) => h('option', { value: v }, RELEASE_GROUNDS[v] || v))];
}

// What an act may need beyond its date and note, asked for when the server
// names the field (400/422 with `field`): the server stays the one judge of
// what each act needs, the page only offers the input.
const FIELDS = {
  party_id: (c) => ({
    label: 'Pihak',
    el: h('select', null, h('option', { value: '' }, '— pilih —'), (c.parties || []).map((p) => h('option', { value: p.id }, `${p.name} (${KINDS[p.kind] || p.kind})`))),
    value: (el) => (el.value ? Number(el.value) : undefined),
  }),
  at: (c) => ({
    label: `Waktu tindakan (${(c.office && c.office.tz) || 'Asia/Jakarta'})`,
    el: h('input', { type: 'datetime-local' }),
    value: (el) => (el.value ? `${el.value}:00${offsetAt(c.office && c.office.tz, el.value)}` : undefined),
  }),
  number: () => ({ label: 'Nomor surat (diberikan di luar berkas)', el: h('input', { maxlength: 120 }) }),
  polri_order: () => ({ label: 'Nomor surat perintah (Polri)', el: h('input', { maxlength: 120 }) }),
  detention_type: () => ({
    label: 'Jenis penahanan',
    el: h('select', null, [['rutan', 'Rumah tahanan negara'], ['rumah', 'Tahanan rumah'], ['kota', 'Tahanan kota']].map(([v, t]) => h('option', { value: v }, t))),
  }),
  days: () => ({ label: 'Jumlah hari', el: h('input', { type: 'number', min: 1, max: 60 }), value: (el) => (el.value ? Number(el.value) : undefined) }),
  // a letter's recipient by the law's codes (core/event.c notice_codes): a notice owed, the SPDP to
  // each recipient, the Kejari's tanda terima of the file sent; an SPDP's or SP3's own addressee
  recipient: (c, type) => {
    const codes = type === 'letter_delivered' ? RECIPIENTS : type === 'notice_undelivered' ? CUSTODY_NOTICES : type === 'spdp_sent' ? SENT_TO : type === 'sp3_notified' ? SP3_TO : null;
    if (!codes) return { label: 'Penerima', el: h('input', { maxlength: 40 }) };
    const none = type === 'letter_delivered' ? '— surat lain —' : '— pilih —';
    return { label: 'Penerima', el: h('select', null, h('option', { value: '' }, none), Object.entries(codes).map(([v, t]) => h('option', { value: v }, t))) };
  },
  received_by: () => ({ label: 'Diterima oleh (nama dan jabatan penerima)', el: h('input', { maxlength: 200 }) }),
  undelivered_reason: () => ({ label: 'Alasan tidak dapat disampaikan', el: h('textarea', { rows: 2, maxlength: 2000 }) }),
  // a release's ground is one of the law's (core/relground.c): those the refusal names as ending
  // the suspect's custody, an arrest's or a detention's; an SP3's is asked as text
  ground: (c, type, p) =>
    type === 'released'
      ? { label: 'Alasan pelepasan / pengeluaran tahanan', el: h('select', null, groundOptions(p)) }
      : { label: 'Dasar / alasan', el: h('textarea', { rows: 2, maxlength: 500 }) },
  appearance: () => ({ label: 'Tanggal menghadap', el: h('input', { type: 'date' }) }),
  due: () => ({ label: 'Tenggat', el: h('input', { type: 'date' }) }),
  jaksa: () => ({ label: 'NIP jaksa', el: h('input', { inputmode: 'numeric', maxlength: 21 }), value: (el) => el.value.replace(/\s+/g, '') || undefined }),
  urgent_reason: () => ({ label: 'Alasan mendesak', el: h('textarea', { rows: 2, maxlength: 500 }) }),
  // the Ketua PN's Penetapan (DOMAIN 4.9, D8): what it is, for what, and for an approval the
  // urgent act it approves; a search or seizure names the permit it was done under
  permit_kind: () => ({
    label: 'Jenis Penetapan Ketua PN',
    el: h('select', null, [['izin', 'Izin (sebelum tindakan, KUHAP 33(1), 38(1))'], ['persetujuan', 'Persetujuan atas tindakan mendesak (KUHAP 34, 38(2))']].map(([v, t]) => h('option', { value: v }, t))),
  }),
  court: () => ({ label: 'Pengadilan Negeri (mis. Palembang)', el: h('input', { maxlength: 120 }) }),
  // the short procedure's hand-over goes with its catatan (UU 6/2011 Pasal 110(2))
  catatan: () => ({ label: 'Catatan penyerahan (apa yang disangkakan, kapan, di mana, pasal berapa)', el: h('textarea', { rows: 3, maxlength: 4000 }) }),
  // the Ketua PN may refuse: the refusal is recorded as his Penetapan, never cited as a permit
  decision: () => ({
    label: 'Keputusan Ketua PN',
    el: h('select', null, [['', 'Dikabulkan'], ['ditolak', 'Ditolak']].map(([v, t]) => h('option', { value: v }, t))),
  }),
  permit_for: () => ({
    label: 'Untuk',
    el: h('select', null, [['penyitaan', 'Penyitaan'], ['penggeledahan', 'Penggeledahan']].map(([v, t]) => h('option', { value: v }, t))),
  }),
  permit_act: (c) => ({
    label: 'Izin Ketua PN yang mendasarinya (atau isi alasan mendesak)',
    el: h('select', null, h('option', { value: '' }, '— tanpa izin: tindakan mendesak —'), actsOf(c, (e) => e.type === 'court_permit_received' && e.payload && e.payload.permit_kind === 'izin' && e.payload.decision !== 'ditolak').map((e) => h('option', { value: e.id }, `Izin ${e.payload.permit_for} · ${e.number || '—'} · ${date(e.legal_date || e.legal_at)}`))),
    value: (el) => (el.value ? Number(el.value) : undefined),
  }),
  approves: (c) => ({
    label: 'Tindakan mendesak yang disetujui',
    el: h('select', null, h('option', { value: '' }, '— pilih —'), actsOf(c, (e) => /^(search|seizure)_done$/.test(e.type) && e.payload && e.payload.urgent_reason).map((e) => h('option', { value: e.id }, `${e.label || e.type} · ${date(e.legal_date || e.legal_at)}`))),
    value: (el) => (el.value ? Number(el.value) : undefined),
  }),
  // a deposit of things seized (KUHAP 44(1)): where (the Rupbasan) and which things - its BA
  // Penitipan prints those
  place: () => ({ label: 'Tempat penitipan (Rupbasan)', el: h('input', { maxlength: 200, placeholder: 'mis. Rupbasan Kelas I Palembang' }) }),
  items: (c) => ({
    label: 'Barang bukti yang dititipkan',
    el: h('select', { multiple: true, size: Math.min(6, Math.max(2, (c.evidence || []).length)) }, (c.evidence || []).map((x) => h('option', { value: x.id }, `${x.description}${x.quantity ? ` · ${x.quantity}` : ''}`))),
    value: (el) => {
      const ids = [...el.selectedOptions].map((o) => Number(o.value));
      return ids.length ? ids : undefined;
    },
  }),
  late_reason: () => ({ label: 'Alasan dicatat terlambat', el: h('textarea', { rows: 2, maxlength: 500 }) }),
  severe_illness: () => ({ label: 'Sakit berat (surat dokter)', el: h('input', { type: 'checkbox' }), value: (el) => el.checked || undefined }),
  polri_involved: () => ({ label: 'Dengan bantuan Polri', el: h('input', { type: 'checkbox' }), value: (el) => el.checked || undefined }),
  unlawful_reason: () => ({ label: 'Alasan penahanan dicatat tidak sah (KUHAP 19(1))', el: h('textarea', { rows: 2, maxlength: 500 }) }),
};

// The fields a refusal asks of this act: the server names them in the
// problem's `fields` (the one a 400 is about, or those of the act's input
// that would satisfy a guard, e.g. polri_order, or unlawful_reason for a
// detention after the arrest's hours); a refusal that needs another act
// first names none and asks nothing of this form.
function wanted(p) {
  if (!p) return [];
  const names = Array.isArray(p.fields) ? p.fields : p.field ? [p.field] : [];
  return names.filter((f, i) => f !== 'date' && names.indexOf(f) === i);
}

// the next allowed acts, and recording one: its date and a note, and each
// further field the server says the act needs
function nextActs(c, reload) {
  const acts = (c.allowed_events || []).filter((e) => !['instruction_answered', 'resubmitted', 'corrected'].includes(e.type));
  if (!acts.length) return h('p', { class: 'empty' }, 'Tidak ada tindakan yang dapat dicatat pada tahap ini.');
  const msg = h('p', { class: 'error', role: 'alert', id: 'act-error' });
  const type = h('select', { id: 'act-type' }, acts.map((e) => h('option', { value: e.type }, e.label)));
  const now = today(c.office && c.office.tz);
  const when = h('input', { id: 'act-date', type: 'date', value: now, max: now });
  const note = h('textarea', { id: 'act-note', rows: 2, maxlength: 2000 });
  const more = h('div', { class: 'fields', id: 'act-more' });
  const extra = new Map(); // field -> {el, value}
  const ask = (field, p) => {
    // a release's grounds asked again (another suspect, another custody): the refusal's list
    if (extra.has(field) && field === 'ground' && type.value === 'released' && p && Array.isArray(p.grounds)) {
      const el = extra.get(field).el;
      const was = el.value;
      el.replaceChildren(...groundOptions(p));
      el.value = p.grounds.includes(was) ? was : '';
    }
    if (extra.has(field) || !FIELDS[field]) return extra.has(field);
    const f = FIELDS[field](c, type.value, p);
    const id = `act-${field.replace(/_/g, '-')}`;
    f.el.id = id;
    more.append(f.el.type === 'checkbox' ? h('label', { for: id, class: 'check' }, f.el, ` ${f.label}`) : h('label', { for: id }, f.label), f.el.type === 'checkbox' ? '' : f.el);
    extra.set(field, { el: f.el, value: f.value || ((el) => el.value.trim() || undefined) });
    if (field === 'permit_kind') ask('decision'); // never asked by the server: it may be absent
    f.el.focus();
    return true;
  };
  const button = h('button', { type: 'submit' }, 'Catat tindakan');
  const form = h(
    'form',
    { class: 'stack', id: 'act-form' },
    h('p', null, 'Tindakan yang boleh dicatat sekarang: ', acts.map((e) => e.label).join(', '), '.'),
    h('label', { for: 'act-type' }, 'Tindakan'),
    type,
    h('label', { for: 'act-date' }, 'Tanggal tindakan'),
    when,
    more,
    h('label', { for: 'act-note' }, 'Catatan'),
    note,
    button,
    msg,
  );
  let key = newKey();
  // a letter says to whom it went: the law's recipients are offered before the server asks
  const offer = () => {
    if (type.value === 'letter_delivered') ask('recipient');
    if (type.value === 'evidence_deposited') {
      ask('place');
      ask('items');
    }
  };
  type.addEventListener('change', () => {
    key = newKey();
    extra.clear();
    more.replaceChildren();
    show(msg);
    offer();
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    show(msg);
    const body = { type: type.value };
    if (when.value) body.date = when.value;
    if (note.value.trim()) body.note = note.value.trim();
    for (const [field, x] of extra) {
      const v = x.value(x.el);
      if (v !== undefined) body[field] = v;
    }
    if (body.at) delete body.date; // the instant names its own day
    button.disabled = true;
    const ok = await record(c, body, key, reload, msg, { 'act-type': type.value, 'act-date': when.value, 'act-note': note.value }, (e) => {
      const asked = wanted(e.problem).filter((f) => ask(f, e.problem));
      if (asked.length) show(msg, `${explain(e)} — lengkapi isian di atas lalu catat lagi.`);
    });
    button.disabled = false;
    if (ok) {
      key = newKey();
      // sending the file with an approval of the Ketua PN owed or refused: recorded, and said
      const warn = (ok.warnings || []).map((w) => w.message).join(' ');
      flash(`${type.selectedOptions[0].textContent}: dicatat.${warn ? ` Peringatan: ${warn}` : ''}`, warn ? 'warning' : 'info', Boolean(warn));
      await reload();
    }
  });
  return form;
}

function directionState(d, tz) {
  if (d.done) return ['ok', 'Selesai'];
  if (d.due < today(tz)) return ['overdue', 'Lewat waktu'];
  return ['warning', 'Terbuka'];
}

function directions(c, reload) {
  const list = c.directions || [];
  const items = list.length
    ? h(
        'ul',
        { class: 'directions', id: 'directions-list' },
        list.map((d) => {
          const [st, label] = directionState(d, c.office && c.office.tz);
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
  const due = h('input', { id: 'd-due', name: 'due', type: 'date', required: true, min: today(c.office && c.office.tz) });
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
    if (due.value < today(c.office && c.office.tz)) return show(msg, 'Tenggat tidak boleh sebelum hari ini.');
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

// the investigators on the file; a supervisor adds one by NIP and takes
// others off, with a reason (POST /api/v1/reassignments: one `reassigned`
// act, audited; the server checks the NIPs are investigators of the office)
function team(c, reload) {
  const members = c.team || [];
  const list = members.length
    ? h(
        'ul',
        { id: 'team-list' },
        members.map((t) => h('li', { 'data-nip': t.nip }, `${t.name} (${t.nip})`, h('small', null, ` · sejak ${dateIn(t.since, c.office && c.office.tz)}`))),
      )
    : h('p', { class: 'empty', id: 'team-list' }, 'Belum ada penyidik yang ditugaskan.');
  if (me().role !== 'supervisor' || !allowed(c, 'reassigned')) return [list];

  const msg = h('p', { class: 'error', role: 'alert', id: 'team-error' });
  const add = h('input', { id: 't-add', inputmode: 'numeric', maxlength: 21, autocomplete: 'off' });
  const offs = members.map((t) => {
    const id = `t-off-${String(t.nip).replace(/\D/g, '')}`;
    const box = h('input', { type: 'checkbox', id, value: t.nip });
    return [box, h('label', { for: id, class: 'check' }, box, ` ${t.name}`)];
  });
  const reason = h('textarea', { id: 't-reason', rows: 2, maxlength: 500 });
  const button = h('button', { type: 'submit' }, 'Simpan penugasan');
  const form = h(
    'form',
    { class: 'stack', id: 'team-form' },
    h('h3', null, 'Alihkan penugasan'),
    h('label', { for: 't-add' }, 'NIP penyidik yang ditambahkan'),
    add,
    offs.length ? h('fieldset', null, h('legend', null, 'Dibebaskan dari berkas ini'), offs.map((o) => o[1])) : null,
    h('label', { for: 't-reason' }, 'Alasan'),
    reason,
    button,
    msg,
  );
  let key = newKey(); // one key per reassignment, kept across retries of it
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    show(msg);
    const nip = add.value.replace(/\s+/g, '');
    const remove = offs.filter((o) => o[0].checked).map((o) => o[0].value);
    if (!nip && !remove.length) return show(msg, 'Isi NIP penyidik yang ditambahkan atau pilih yang dibebaskan.');
    if (nip && !/^\d{18}$/.test(nip)) return show(msg, 'NIP terdiri atas 18 angka.');
    if (!reason.value.trim()) return show(msg, 'Alasan wajib diisi.');
    const body = { cases: [Number(c.id)], reason: reason.value.trim() };
    if (nip) body.add = [nip];
    if (remove.length) body.remove = remove;
    button.disabled = true;
    try {
      await api('POST', '/api/v1/reassignments', { body, headers: { 'Idempotency-Key': key } });
      key = newKey();
      flash('Penugasan penyidik disimpan.', 'info', false);
      await reload();
    } catch (e) {
      if (e.status !== 401) show(msg, explain(e));
    } finally {
      button.disabled = false;
    }
  });
  return [list, form];
}

// one act on the case: the version the page shows (If-Match) and a key
// kept for the retries of this one act (Idempotency-Key)
// keep: {element id: value} to put back after a reload on 409
// onRefused(e): a caller's own handling of a refusal shown in msg
async function record(c, body, key, reload, msg, keep, onRefused) {
  try {
    const done = await api('POST', `/api/v1/cases/${Number(c.id)}/events`, {
      body,
      headers: { 'If-Match': `"${c.version}"`, 'Idempotency-Key': key },
    });
    return done || true; // the act as recorded (its warnings), or true
  } catch (e) {
    if (e.status === 401) return false;
    if (e.status === 409 && e.problem.type && e.problem.type.endsWith(':stale-version')) {
      // someone wrote to the case meanwhile: show what it is now, keep
      // what was typed, and say why nothing was saved
      await reload();
      for (const [id, v] of Object.entries(keep || {})) {
        const el = document.getElementById(id);
        if (el) el.value = v;
      }
      flash(explain(e), 'error', false);
      return false;
    }
    show(msg, explain(e));
    if (onRefused) onRefused(e);
    return false;
  }
}

// The prosecutor's acts in the prosecutor's words (DOMAIN 4.12, 6): a verb (the button's id) and
// its label. The page offers what the server allows now (allowed_events: the stage machine and its
// guards), never a list of its own: P-17 while an SPDP waits for its file, P-18 with the file,
// P-20 when the investigator's 14 days after a P-19 have run, P-21A, P-22 and P-23 while Tahap II
// is owed, the return of the file when 60 days have passed without it.
const PU_ACTS = {
  spdp_received_by_pu: ['receive-spdp', 'Catat SPDP diterima'],
  tahap1_received_by_pu: ['receive', 'Catat berkas diterima'],
  p17_received: ['p17', 'Minta perkembangan penyidikan (P-17)'],
  p18_received: ['p18', 'Beritahukan hasil penyidikan belum lengkap (P-18)'],
  p20_received: ['p20', 'Beritahukan waktu penyidikan tambahan telah habis (P-20)'],
  p21_received: ['accept', 'Nyatakan lengkap (P-21)'],
  p21a_received: ['p21a', 'Pemberitahuan susulan hasil penyidikan lengkap (P-21A)'],
  p22_received: ['p22', 'Minta penyerahan tersangka dan barang bukti (P-22)'],
  p23_received: ['p23', 'Surat susulan penyerahan tersangka dan barang bukti (P-23)'],
  lapsed: ['lapse', 'Kembalikan berkas: Tahap II tidak dilaksanakan dalam 60 hari'],
};

// Whether the SPDP now in the file (the last one sent to the Kejari) is recorded received: the
// server allows its receipt in every open stage, the page asks for it once.
function spdpReceived(c) {
  const h = c.history || [];
  let sent = -1;
  h.forEach((e, i) => {
    if (e.type === 'spdp_sent' && (!e.payload || !e.payload.recipient || e.payload.recipient === 'kejari')) sent = i;
  });
  // received: the prosecutor's record of it, or the Kejari's tanda terima the investigator
  // holds (letter_delivered spdp_kejari: DOMAIN 5.1, the receipt the P-17 counts from)
  return sent >= 0 && h.slice(sent).some((e) => e.type === 'spdp_received_by_pu' || (e.type === 'letter_delivered' && e.payload && e.payload.recipient === 'spdp_kejari'));
}

// The P-19 form: one instruction per item (KUHAP 110(2), 138(2)).
function p19Form(c, label, submitAct) {
  const list = h('ol', { id: 'p19-items' });
  const addItem = (text = '') => {
    const i = list.children.length + 1;
    const ta = h('textarea', { id: `p19-item-${i}`, rows: 2, maxlength: 2000, 'aria-label': `Petunjuk ${i}` }, text);
    const rm = h('button', { type: 'button', class: 'secondary', 'aria-label': `Hapus petunjuk ${i}` }, 'Hapus');
    const li = h('li', null, ta, rm);
    rm.addEventListener('click', () => li.remove());
    list.append(li);
    return ta;
  };
  addItem();
  const add = h('button', { type: 'button', class: 'secondary', id: 'p19-add' }, 'Tambah petunjuk');
  add.addEventListener('click', () => addItem().focus());
  const submit = h('button', { type: 'submit' }, 'Kembalikan berkas (P-19)');
  const form = h('form', { class: 'stack', id: 'p19-form' }, h('h3', null, label), h('p', null, h('small', null, 'Satu petunjuk per butir; penyidik menjawab tiap butir sebelum mengirim ulang.')), list, add, submit);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const items = [...list.querySelectorAll('textarea')].map((t) => t.value.trim()).filter(Boolean);
    if (!items.length) return submitAct(null, 'Tulis sedikitnya satu petunjuk.');
    submit.disabled = true;
    await submitAct({ type: 'p19_received', instructions: items }, `Berkas dikembalikan dengan ${items.length} petunjuk (P-19).`);
    submit.disabled = false;
  });
  return form;
}

// A later return is an ordinary letter naming the P-19 items still unmet (SE JAM Pidum
// B-3326/E/EJP/11/2011): the items of the latest round, the ones the investigator answered.
function returnLetterForm(c, submitAct) {
  const rounds = c.p19_rounds || [];
  const items = rounds.length ? rounds[rounds.length - 1].items || [] : [];
  const boxes = items.map((it) => {
    const id = `unmet-${Number(it.id)}`;
    // the items the investigator said cannot be met come pre-selected: the letter names them
    const cannot = it.status === 'tidak_dapat_dipenuhi';
    const box = h('input', { type: 'checkbox', id, value: it.id, checked: cannot });
    return [box, h('label', { for: id, class: 'check' }, box, ` ${it.item_no}. ${it.text}`, cannot ? ` (tidak dapat dipenuhi: ${it.unmet_reason})` : '')];
  });
  const submit = h('button', { type: 'submit' }, 'Kembalikan dengan surat biasa');
  const form = h(
    'form',
    { class: 'stack', id: 'return-letter-form' },
    h('h3', null, 'Kembalikan lagi: petunjuk P-19 belum dipenuhi'),
    h('p', null, h('small', null, 'P-19 hanya sekali; pengembalian berikutnya dengan surat biasa yang menyebut petunjuk yang belum dipenuhi.')),
    h('fieldset', null, h('legend', null, 'Petunjuk yang belum dipenuhi'), boxes.map((b) => b[1])),
    submit,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const unmet = boxes.filter((b) => b[0].checked).map((b) => Number(b[0].value));
    if (!unmet.length) return submitAct(null, 'Pilih sedikitnya satu petunjuk yang belum dipenuhi.');
    submit.disabled = true;
    await submitAct({ type: 'return_letter_received', unmet }, 'Berkas dikembalikan dengan surat biasa.');
    submit.disabled = false;
  });
  return form;
}

// P-16: the jaksa peneliti appointed to follow the investigation (absent: the prosecutor recording it).
function p16Form(submitAct) {
  const nip = h('input', { id: 'p16-jaksa', inputmode: 'numeric', maxlength: 21 });
  const submit = h('button', { type: 'submit' }, 'Tunjuk (P-16)');
  const form = h('form', { class: 'stack', id: 'p16-form' }, h('h3', null, 'Tunjuk jaksa peneliti (P-16)'), h('label', { for: 'p16-jaksa' }, 'NIP jaksa peneliti'), nip, submit);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { type: 'p16_received' };
    if (nip.value.trim()) body.jaksa = nip.value.replace(/\s+/g, '');
    submit.disabled = true;
    await submitAct(body, 'Jaksa peneliti ditunjuk (P-16).');
    submit.disabled = false;
  });
  return form;
}

// The prosecutor's papers berkas makes for an act of his (GET /api/v1/forms: issuer and act):
// P-16 for p16_received, P-19 for p19_received, the ordinary letter after a P-19 for
// return_letter_received...; none for a receipt (the SPDP, the file).
function puPapers(forms, type) {
  return (forms || []).filter((f) => f.issuer === 'prosecutor' && (f.act === type || (f.acts || []).includes(type)));
}

const paperName = (f) => (/^P-/.test(f.code || '') ? f.code : f.title);

async function prosecutor(c, reload, formsP) {
  const [page, forms] = await Promise.all([api('GET', `/api/v1/inbox?case=${Number(c.id)}`), formsP]);
  const row = (page.items || [])[0];
  if (!row) return null;
  if (row.unread) {
    await api('POST', '/api/v1/inbox/read', { body: { cases: [Number(c.id)] } }).catch(() => {});
  }
  const msg = h('p', { class: 'error', role: 'alert', id: 'pu-error' });
  const parts = [];
  const d = row.deadline;
  if (d)
    parts.push(
      h('p', { id: 'pu-deadline' }, 'Tenggat Anda: ', h('strong', null, d.label), ` — ${date(d.due_date)} (${daysLeft(d.days_left)}) `, badge(d.state)),
    );
  const allowedHere = (c.allowed_events || []).map((e) => e.type).filter((t) => t !== 'corrected' && !(t === 'spdp_received_by_pu' && spdpReceived(c)));
  if (!allowedHere.length) {
    parts.push(h('p', { class: 'empty' }, 'Tidak ada tindakan penuntut umum yang menunggu.'), msg);
    return section('sec-pu', 'Tindakan penuntut umum', parts);
  }
  // the letter's date (or the day the file was received) and its number, for whichever act
  // is recorded; a return after the 14 days asks why (KUHAP 110(4): deemed complete)
  const now = today(c.office && c.office.tz);
  const when = h('input', { id: 'pu-date', type: 'date', value: now, max: now });
  const number = h('input', { id: 'pu-number', maxlength: 120 });
  const late = h('textarea', { id: 'pu-late-reason', rows: 2, maxlength: 500 });
  const lateBox = h('div', { class: 'stack', hidden: true }, h('label', { for: 'pu-late-reason' }, 'Alasan dicatat lewat waktu'), late);
  parts.push(
    h(
      'div',
      { class: 'stack', id: 'pu-letter' },
      h('label', { for: 'pu-date' }, 'Tanggal surat / tanggal terima'),
      when,
      h('label', { for: 'pu-number' }, 'Nomor surat (jika ada)'),
      number,
      h('p', { id: 'pu-paper-note' }, h('small', null, 'Surat P-nya diterbitkan berkas bersama tindakan, bernomor dari seri Kejaksaan Negeri. Isi nomor hanya bila suratnya dibuat di luar berkas: berkas tidak menerbitkannya lagi, unggah suratnya.')),
      lateBox,
    ),
  );
  let key = newKey();
  // The act and its paper in one request (issue: the act's P-form, issued in the same
  // transaction: a refusal of the paper refuses the act, nothing is recorded); a letter numbered
  // outside berkas is not issued again (forms.c number_is_ours). The paper refused for a datum the
  // prosecutor cannot give (the investigator's letter without its number), the act may still be
  // recorded alone when he chooses so - his own days run (KUHAP 110(4), 138(1)) - and said so:
  // its paper is offered beside it in the history until issued.
  const submitAct = async (body, done, alone = false) => {
    show(msg);
    if (!body) return show(msg, done);
    if (when.value) body.date = when.value;
    if (number.value.trim()) body.number = number.value.trim();
    if (!lateBox.hidden && late.value.trim()) body.late_reason = late.value.trim();
    const papers = body.number || alone ? [] : puPapers(forms, body.type);
    if (papers.length) body.issue = papers.map((f) => f.name);
    else delete body.issue;
    const names = papers.map(paperName).join(', ');
    const ok = await record(c, body, key, reload, msg, { 'pu-date': when.value, 'pu-number': number.value }, (e) => {
      const asked = wanted(e.problem).includes('late_reason');
      if (asked) {
        lateBox.hidden = false;
        late.focus();
      }
      if (!papers.length) return;
      const without = h('button', { type: 'button', class: 'secondary', id: 'pu-without-paper' }, `Catat tanpa ${names}`);
      without.addEventListener('click', async () => {
        without.disabled = true;
        key = newKey(); // another request than the one refused
        const why = explain(e);
        const rec = await submitAct(body, `${done} ${names} BELUM diterbitkan (${why}); terbitkan dari Riwayat setelah kekurangannya dipenuhi.`, true);
        if (!rec) without.disabled = false;
      });
      show(msg, `${explain(e)} — tidak ada yang dicatat: tindakan dan ${names} belum tersimpan; isian Anda tetap.`, asked ? null : [' ', without]);
    });
    if (ok) {
      key = newKey();
      // (a document's `code` is its verification code: the P-code is its form's)
      const issued = (ok.documents || []).filter(Boolean).map((d) => {
        const f = papers.find((x) => x.name === d.form);
        return `${f ? paperName(f) : d.title} nomor ${d.number || '—'}`;
      });
      if (alone) flash(done, 'warning', true);
      else flash(issued.length ? `${done} Diterbitkan: ${issued.join(', ')}.` : done);
      await reload();
    }
    return ok;
  };
  for (const type of allowedHere) {
    if (type === 'p19_received') parts.push(p19Form(c, 'Kembalikan dengan petunjuk (P-19)', submitAct));
    else if (type === 'return_letter_received') parts.push(returnLetterForm(c, submitAct));
    else if (type === 'p16_received') parts.push(p16Form(submitAct));
    else {
      const server = (c.allowed_events || []).find((e) => e.type === type);
      const [verb, label] = PU_ACTS[type] || [type.replace(/_/g, '-'), server ? server.label : type];
      const b = h('button', { type: 'button', id: `act-${verb}` }, label);
      b.addEventListener('click', async () => {
        b.disabled = true;
        await submitAct({ type }, `${label}: dicatat.`);
        b.disabled = false;
      });
      parts.push(h('p', null, b));
    }
  }
  parts.push(msg);
  return section('sec-pu', 'Tindakan penuntut umum', parts);
}

// What a correction changed that a paper prints (the server's stale_papers fields), in words.
const STALE_FIELDS = {
  date: 'tanggal',
  hour: 'jam',
  number: 'nomor',
  party: 'pihak',
  bap: 'jenis BAP',
  permit_act: 'izin Ketua PN',
  urgent_reason: 'alasan mendesak',
  party_data: 'data pihak',
  evidence_data: 'data barang bukti',
  party_added: 'pelapor/korban yang ditambahkan',
};
// The acts a paper cites (stale_papers fields "sprindik_issued.date"), named as the paper does.
const STALE_ACTS = {
  sprindik_issued: 'Sprindik',
  court_permit_received: 'Penetapan Ketua PN',
  report_registered: 'laporan kejadian',
  suspect_designated: 'penetapan tersangka',
  spdp_sent: 'SPDP',
  arrested: 'penangkapan',
  detained: 'penahanan',
  search_done: 'penggeledahan',
  seizure_done: 'penyitaan',
};
// A field in words: the page's short words where it has them, else the server's (label, the
// file's gap's words), never the raw key when either knows it.
function staleField(f, label) {
  const dot = f.indexOf('.');
  if (dot < 0) return STALE_FIELDS[f] || label || f;
  const kind = f.slice(0, dot), name = f.slice(dot + 1);
  if (STALE_FIELDS[name] && STALE_ACTS[kind]) return `${STALE_FIELDS[name]} ${STALE_ACTS[kind]}`;
  return label || `${STALE_FIELDS[name] || name} ${STALE_ACTS[kind] || kind}`;
}

// "116 dan 122": the Pasal of the charges a paper printed, withdrawn since
const codes = (list) => {
  const c = list.map((x) => x.code);
  return c.length > 1 ? `${c.slice(0, -1).join(', ')} dan ${c[c.length - 1]}` : c[0];
};

// A paper issued before a correction of its act that changed what it prints (DOMAIN 12: a paper
// is its act's; an issued paper keeps its bytes): the warning beside it, and for whoever may
// issue it the one action that revokes it and issues it again for the act as it stands.  A paper
// of an act withdrawn (the log says it never stood) is revoked only: there is nothing to issue.
// Each button only for a reader the server lets do it (the entry's actions: not the prosecutor on
// a PPNS paper, not the PPNS while the prosecutor holds the file).
function staleWarning(c, s, reload) {
  const msg = h('p', { class: 'error', role: 'alert' });
  const labels = s.labels || [];
  const what = (s.fields || []).map((f, i) => staleField(f, labels[i])).join(', ');
  const post = (verb, note, done) => async (ev) => {
    ev.target.disabled = true;
    try {
      await api('POST', `/api/v1/documents/${Number(s.document_id)}/${verb}`, { body: { note } });
      flash(done);
      await reload();
    } catch (e) {
      ev.target.disabled = false;
      if (e.status !== 401) show(msg, explain(e));
    }
  };
  const can = new Set(s.actions || []);
  if (s.withdrawn)
    return h(
      'div',
      { class: 'stale', 'data-document': String(s.document_id) },
      h('p', { class: 'banner' }, `Tindakan ditarik; cabut dokumen ini (koreksi peristiwa ${s.correction_seq})`),
      can.has('revoke')
        ? h(
            'button',
            {
              type: 'button',
              class: 'revoke',
              onclick: post('revoke', `Tindakannya ditarik dengan koreksi peristiwa ${s.correction_seq}`, `${s.title} dicabut.`),
            },
            'Cabut dokumen',
          )
        : null,
      msg,
    );
  const note =
    s.correction_seq != null
      ? `Diterbitkan sebelum koreksi peristiwa ${s.correction_seq}`
      : s.party_added
        ? `Diterbitkan sebelum pelapor/korban ${s.party_added.name} ditambahkan`
        : s.party_changed
        ? `Diterbitkan sebelum data pihak ${s.party_changed.name} diubah`
        : s.evidence_changed
          ? `Diterbitkan sebelum barang bukti ${s.evidence_changed.description} dikoreksi`
          : (s.charges_withdrawn || []).length
            ? `Menyebut Pasal ${codes(s.charges_withdrawn)}, yang ditarik sesudahnya`
            : 'Diterbitkan sebelum nomor tindakannya diberikan ulang';
  return h(
    'div',
    { class: 'stale', 'data-document': String(s.document_id) },
    h(
      'p',
      { class: 'banner' },
      s.correction_seq != null
        ? `Diterbitkan sebelum koreksi peristiwa ${s.correction_seq} (tanggal ${date(s.corrected_date)}` +
            `${what ? `; berubah: ${what}` : ''}): cabut dan terbitkan ulang`
        : s.party_added
          ? `Diterbitkan sebelum pelapor/korban ${s.party_added.name} ditambahkan, yang kini harus disebut: cabut dan terbitkan ulang`
          : s.party_changed
          ? `Diterbitkan sebelum data pihak ${s.party_changed.name} diubah${what ? ` (berubah: ${what})` : ''}: cabut dan terbitkan ulang`
          : s.evidence_changed
          ? `Diterbitkan sebelum barang bukti ${s.evidence_changed.description} dikoreksi${what ? ` (berubah: ${what})` : ''}: cabut dan terbitkan ulang`
          : (s.charges_withdrawn || []).length
            ? `Menyebut Pasal ${codes(s.charges_withdrawn)}, yang ditarik sesudah dokumen ini diterbitkan: cabut dan terbitkan ulang`
            : `Diterbitkan sebelum nomor tindakannya diberikan ulang${what ? ` (berubah: ${what})` : ''}: cabut dan terbitkan ulang`,
    ),
    can.has('reissue')
      ? h('button', { type: 'button', class: 'reissue', onclick: post('reissue', note, `${s.title} diterbitkan ulang sesuai koreksi.`) }, 'Cabut dan terbitkan ulang')
      : null,
    msg,
  );
}

// the papers uploaded from outside berkas (a court's Penetapan, a scan answering a P-19 item)
function uploadsList(list) {
  if (!list.length) return null;
  return [
    h('h3', null, 'Dokumen diunggah (dari luar berkas)'),
    h(
      'ul',
      { class: 'docs', id: 'uploads' },
      list.map((u) =>
        h(
          'li',
          { 'data-upload': String(u.id) },
          h('a', { href: `/api/v1/uploads/${Number(u.id)}.pdf`, target: '_blank', rel: 'noopener' }, u.title || 'dokumen'),
          `${u.number ? ` · ${u.number}` : ''}${u.dated ? ` · ${date(u.dated)}` : ''}`,
        ),
      ),
    ),
  ];
}

// docs: GET /cases/{id}/documents (issued papers: items; papers uploaded: uploads)
function documents(c, docs, reload) {
  const items = docs.items || [];
  const stale = new Map((c.stale_papers || []).map((s) => [s.document_id, s]));
  return section(
    'sec-docs',
    'Dokumen',
    h('p', null, h('a', { href: `/api/v1/cases/${Number(c.id)}/dossier.pdf`, id: 'dossier', target: '_blank', rel: 'noopener' }, 'Berkas perkara lengkap (PDF)')),
    items.length
      ? h(
          'ul',
          { class: 'docs', id: 'documents' },
          items.map((d) =>
            h(
              'li',
              { 'data-document': String(d.id) },
              h('a', { href: `/api/v1/documents/${Number(d.id)}.pdf`, target: '_blank', rel: 'noopener' }, d.title),
              ` · ${d.number || ''} · ${date(d.issued_on)}`,
              d.revoked ? ' (dicabut)' : '',
              stale.has(d.id) && !d.revoked ? staleWarning(c, stale.get(d.id), reload) : null,
            ),
          ),
        )
      : h('p', { class: 'empty' }, 'Belum ada dokumen yang diterbitkan.'),
    uploadsList(docs.uploads || []),
  );
}

// every act, newest first; papers: the investigator's papers berkas can issue for it (or null)
function history(c, papers) {
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
        actDetail(e),
        e.number ? ` · ${e.number}` : '',
        e.party_id ? ` · ${partyName(c, e.party_id)}` : '',
        h('small', null, ` · dicatat oleh ${e.entered_by || '—'}${e.late ? ' (dicatat kemudian)' : ''}`),
        papers ? papers(e) : null,
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
          h('td', { 'data-label': 'Paspor/NIK' }, p.passport_no || (p.nik ? `NIK ${p.nik}` : '—')),
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
  const at = location.hash;
  const render = async (opts = {}) => {
    const c = await api('GET', `/api/v1/cases/${id}`);
    // a later navigation came while this one waited: it draws the page, not this one
    if (location.hash !== at) return;
    document.title = `${c.number} — berkas`;
    const role = me().role;
    const back =
      role === 'supervisor'
        ? h('a', { href: '#/tinjauan' }, '← Papan tinjauan')
        : role === 'prosecutor'
          ? h('a', { href: '#/kotak-masuk' }, '← Kotak masuk')
          : h('a', { href: '#/perkara' }, '← Daftar perkara');
    // the papers each issuer's page offers beside their acts (the prosecutor's too: his P-forms)
    const formsP = role === 'investigator' || role === 'prosecutor' ? formsList() : Promise.resolve(null);
    const [pu, papers, forms, catalogue] = await Promise.all([
      role === 'prosecutor' ? prosecutor(c, render, formsP) : null,
      api('GET', `/api/v1/cases/${id}/documents`),
      formsP,
      catalogueFor(c),
    ]);
    const acts = standing(c);
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
      pu,
      section('sec-clocks', 'Jam tenggat', clocks(c)),
      section('sec-directions', 'Arahan pengawas', directions(c, render)),
      section('sec-team', 'Tim penyidik', team(c, render)),
      section('sec-p19', `Petunjuk P-19 (dikembalikan ${c.p19_returns || 0} kali)`, p19(c, render, papers.uploads)),
      role === 'investigator' ? section('sec-acts', 'Catat tindakan', nextActs(c, render)) : null,
      documents(c, papers, render),
      section('sec-parties', 'Pihak', parties(c), partyFixes(c, render), mayAddTo(c) ? partyForm(c, render) : null),
      section('sec-offences', 'Pasal yang disangkakan', offences(c, catalogue, render)),
      section('sec-evidence', 'Barang bukti', evidence(c, render)),
      section('sec-history', 'Riwayat', history(c, forms && ((e) => issueForms(c, e, forms, acts, render)))),
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
