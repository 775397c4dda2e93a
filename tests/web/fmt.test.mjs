// fmt.test.mjs - the page's date formatting, pure JS (no browser, no server): a date users read is
// their office's calendar day (DOMAIN 2.4), whatever zone the instant is written in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { date, dateIn } from '../../client/web/fmt.js';

// 18:00 UTC on 4 December is 01:00 on 5 December in WIB (UTC+7), 02:00 in WITA, 03:00 in WIT: the
// team member added then has been on the file since the 5th on the office's calendar ("Tim
// penyidik · sejak"); the first ten characters of the instant say the 4th
test('an instant after 17:00 UTC is the next day on a WIB office calendar', () => {
  assert.equal(dateIn('2026-12-04T18:00:00+00:00', 'Asia/Jakarta'), '5 Des 2026');
  assert.equal(dateIn('2026-12-04T18:00:00Z', 'Asia/Pontianak'), '5 Des 2026');
  assert.equal(dateIn('2026-12-04T18:00:00+00:00', 'Asia/Makassar'), '5 Des 2026');
  assert.equal(dateIn('2026-12-04T18:00:00+00:00', 'Asia/Jayapura'), '5 Des 2026');
  // no zone given: Asia/Jakarta
  assert.equal(dateIn('2026-12-04T18:00:00+00:00'), '5 Des 2026');
});

test('an instant before 17:00 UTC is the same day in WIB; the year turns on the office calendar', () => {
  assert.equal(dateIn('2026-12-04T16:59:59+00:00', 'Asia/Jakarta'), '4 Des 2026');
  assert.equal(dateIn('2026-12-04T16:59:59+00:00', 'Asia/Jayapura'), '5 Des 2026');
  assert.equal(dateIn('2026-12-31T17:00:00+00:00', 'Asia/Jakarta'), '1 Jan 2027');
  // written in the office's own offset: the same day
  assert.equal(dateIn('2026-12-05T01:00:00+07:00', 'Asia/Jakarta'), '5 Des 2026');
});

test('a bare date is a calendar day already; nothing is no date', () => {
  assert.equal(dateIn('2026-12-04', 'Asia/Jayapura'), '4 Des 2026');
  assert.equal(dateIn(null, 'Asia/Jakarta'), date(null));
  assert.equal(dateIn('bukan tanggal', 'Asia/Jakarta'), 'bukan tanggal');
});
