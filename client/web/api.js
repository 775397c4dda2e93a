// api.js - the JSON API of berkasd, as the CLI uses it, with the page's
// cookie session: the browser sends the HttpOnly cookie; every write carries
// X-Berkas-CSRF (berkasd refuses a cookie write without it and without its
// own Origin, which the browser adds).

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

let expired = () => {};
// f(err) runs when an authenticated call answers 401: the session ended.
export function onExpired(f) {
  expired = f;
}

// api('GET', '/api/v1/me') -> the JSON answer; throws ApiError.
// opts: body (JSON), headers, quiet401 (a 401 is the caller's business).
export async function api(method, path, opts = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET' && method !== 'HEAD') headers['X-Berkas-CSRF'] = '1';
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  Object.assign(headers, opts.headers || {});
  let res;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, { detail: 'Server tidak dapat dihubungi. Periksa jaringan, lalu coba lagi.' });
  }
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const err = new ApiError(res.status, data);
    err.retryAfter = Number(res.headers.get('Retry-After')) || 0;
    if (res.status === 401 && !opts.quiet401) expired(err);
    throw err;
  }
  return data;
}

// A new Idempotency-Key for one write (kept by the caller across retries).
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

// What went wrong, for a person, in Indonesian.
export function explain(err) {
  const p = (err && err.problem) || {};
  const detail = p.detail ? String(p.detail) : '';
  switch (err && err.status) {
    case 0:
      return detail;
    case 400:
      return `Isian belum benar: ${detail}`;
    case 401:
      return 'Sesi Anda telah berakhir. Silakan masuk kembali.';
    case 403:
      return detail ? `Ditolak: ${detail}` : 'Anda tidak berwenang melakukan ini.';
    case 404:
      return 'Tidak ditemukan, atau Anda tidak berhak melihatnya.';
    case 409:
      if (p.type && p.type.endsWith(':stale-version'))
        return 'Perkara ini telah diubah orang lain sejak halaman dimuat. Halaman sudah dimuat ulang: periksa perubahannya, lalu simpan lagi.';
      // the stage's refusal says so; another conflict (the same thing twice, a concurrent
      // change) is not about the stage: the server's words alone
      if (p.type && p.type.endsWith(':transition-not-allowed')) return `Tidak dapat dilakukan pada tahap ini: ${detail}`;
      return `Tidak dapat dilakukan: ${detail}`;
    case 413:
      return 'Isian terlalu besar.';
    case 422: {
      const missing = Array.isArray(p.missing) && p.missing.length ? ` (belum ada: ${p.missing.join(', ')})` : '';
      return `Belum dapat dilakukan: ${detail}${missing}`;
    }
    case 429:
    case 503:
      return `Server sedang sibuk. Coba lagi${err.retryAfter ? ` dalam ${err.retryAfter} detik` : ' sebentar lagi'}.`;
    default:
      return 'Terjadi kesalahan di server. Coba lagi nanti.';
  }
}
