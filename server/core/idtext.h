/*
 * idtext.h - how Indonesian official documents write dates, months, NIPs and
 * counts (DOMAIN.md 7.2, 7.3).
 *
 *   idtext_date_long   2024-09-02 -> "2 September 2024"
 *   idtext_date_words  2024-09-02 -> "Senin tanggal dua bulan September tahun
 *                                     dua ribu dua puluh empat" (Berita Acara;
 *                                     the form writes "Pada hari ini " before it)
 *   idtext_roman_month 9 -> "IX" (letter numbers: SP.Sidik/12/IX/2024/...)
 *   idtext_nip         "199503162022031007" -> "19950316 202203 1 007"
 *   idtext_count       2 -> "2 (dua)" (Lampiran, durations)
 *   idtext_country     "VN" -> "Vietnam"
 *
 * Pure: no I/O, no allocation.  Every writer returns false (and leaves "" in
 * buf) when the input is invalid or the text does not fit.
 */
#ifndef BERKAS_CORE_IDTEXT_H
#define BERKAS_CORE_IDTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "caldate.h"

/* Room enough for any result of the writers below. */
#define IDTEXT_LEN 160

/* "2 September 2024"; false for an invalid date. */
bool idtext_date_long(struct caldate d, char *buf, size_t n);

/* "Senin tanggal dua bulan September tahun dua ribu dua puluh empat". */
bool idtext_date_words(struct caldate d, char *buf, size_t n);

/* "I" .. "XII" for months 1..12, "" otherwise. */
const char *idtext_roman_month(int m);

/* An 18-digit NIP spaced as birth date, appointment, sex, sequence:
 * "19950316 202203 1 007"; false unless nip is exactly 18 digits. */
bool idtext_nip(const char *nip, char *buf, size_t n);

/* "2 (dua)"; false when n is beyond terbilang's range. */
bool idtext_count(uint64_t v, char *buf, size_t n);

/* The Indonesian name of an ISO 3166-1 alpha-2 country ("VN" -> "Vietnam"),
 * or NULL when the code is not in the built-in table (the countries seen in
 * immigration cases; a caller prints the code then). */
const char *idtext_country(const char *alpha2);

#endif
