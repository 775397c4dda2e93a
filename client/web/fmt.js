// fmt.js - dates and labels in Indonesian.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

// "2026-12-05" (or an ISO instant) -> "5 Des 2026"
export function date(s) {
  if (!s) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(s));
  if (!m) return String(s);
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

// an instant ("2026-12-04T18:00:00+00:00") -> the day it is on the calendar of the zone tz (an
// office's, e.g. "Asia/Jakarta": "5 Des 2026"), as date() writes it - a date users read is their
// office's (DOMAIN 2.4), not UTC's, which is a day behind WIB from 17:00 to 24:00 UTC. A bare
// date ("2026-12-05") is already a calendar day and is written as it is; no tz: Asia/Jakarta.
export function dateIn(s, tz) {
  if (!s || /^\d{4}-\d{2}-\d{2}$/.test(String(s))) return date(s);
  const t = new Date(s);
  if (Number.isNaN(t.getTime())) return date(s);
  let day;
  try {
    day = new Intl.DateTimeFormat('en-CA', { timeZone: tz || 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
  } catch {
    day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
  }
  return date(day);
}

// days left -> "terlambat 3 hari", "hari ini", "2 hari lagi"
export function daysLeft(n) {
  if (n == null) return '';
  if (n < 0) return `terlambat ${-n} hari`;
  if (n === 0) return 'hari ini';
  return `${n} hari lagi`;
}

export const STATES = {
  ok: 'Aman',
  warning: 'Peringatan',
  overdue: 'Lewat waktu',
  stalled: 'Macet',
  damaged: 'Log rusak',
};

export const STAGES = {
  pre_investigation: 'Prapenyidikan',
  investigation: 'Penyidikan',
  with_prosecutor: 'Penelitian berkas (Tahap I)',
  returned: 'Dikembalikan (P-19)',
  complete: 'Lengkap (P-21)',
  handed_over: 'Tahap II selesai',
  lapsed: 'Berkas dikembalikan, penyidikan terhenti',
  terminated: 'Dihentikan (SP3)',
  administrative: 'Tindakan administratif (TAK)',
  dismissed: 'Tidak dilanjutkan',
};

export const REASONS = {
  detention: 'Penahanan',
  arrest: 'Penangkapan',
  detensi: 'Pendetensian',
  spdp: 'SPDP',
  p17: 'P-17',
  pu_answer: 'Jawaban PU',
  pu_return: 'Pengembalian PU',
  resend: 'Kirim ulang',
  tahap2: 'Tahap II',
  sp3_notify: 'SP3: Penuntut Umum',
  sp3_notify_korwas: 'SP3: Korwas PPNS',
  sp3_notify_suspect: 'SP3: tersangka/keluarga',
  sp3_notify_reporter: 'SP3: pelapor/korban',
  direction: 'Arahan',
  pn_approval: 'Persetujuan Ketua PN',
  // the notices the law owes: a deadline of the file too (review.c), the reason when due first
  family_arrest_notice: 'Tembusan penangkapan ke keluarga',
  family_detention_notice: 'Tembusan penahanan ke keluarga',
  consular_notice: 'Notifikasi konsuler',
  designation_notice: 'Pemberitahuan penetapan tersangka',
  bap_copy: 'Salinan BAP tersangka',
  spdp_to_kejari: 'SPDP: Kejaksaan',
  spdp_to_korwas: 'SPDP: Korwas PPNS',
  spdp_to_pelapor: 'SPDP: pelapor/korban',
  spdp_to_tersangka: 'SPDP: tersangka',
  spdp_to_perwakilan_negara: 'SPDP: perwakilan negara',
  stall: 'Tanpa kegiatan',
  damaged: 'Log rusak',
};

// who must act, as the review list names them (GET /api/v1/review?actor=)
export const ACTORS = {
  investigator: 'Penyidik',
  prosecutor: 'Penuntut Umum',
  court: 'Pengadilan',
  supervisor: 'Pengawas',
};

export const ROLES = {
  investigator: 'Penyidik',
  supervisor: 'Pengawas',
  prosecutor: 'Penuntut Umum',
  admin: 'Administrator',
};

export const KINDS = { suspect: 'Tersangka', witness: 'Saksi', expert: 'Ahli', reporter: 'Pelapor', victim: 'Korban' };

// today, "YYYY-MM-DD": on the calendar of the zone tz (an office's, e.g. "Asia/Makassar") when
// given - an act is dated, and its deadlines run, on its office's calendar (DOMAIN 2.4, 5.1), which
// is not the browser's when the browser's clock is set to another zone - else on the browser's
export function today(tz) {
  const d = new Date();
  if (tz) {
    try {
      return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
    } catch {
      // an unknown zone: the browser's calendar below
    }
  }
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// an instant ("2026-12-07T03:11:00Z") -> "7 Des 2026 10.11" in the browser's zone
export function stamp(s) {
  const t = s ? new Date(s) : null;
  if (!t || Number.isNaN(t.getTime())) return s ? String(s) : '—';
  const p = (n) => String(n).padStart(2, '0');
  return `${t.getDate()} ${MONTHS[t.getMonth()]} ${t.getFullYear()} ${p(t.getHours())}.${p(t.getMinutes())}`;
}
