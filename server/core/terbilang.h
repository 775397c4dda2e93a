/*
 * terbilang.h - Indonesian number words ("terbilang"), as written on
 * Berita Acara and letters: 2 -> "dua", 11 -> "sebelas", 100 -> "seratus",
 * 1000 -> "seribu", 2024 -> "dua ribu dua puluh empat".
 *
 * The rules (DOMAIN.md 7.3): units satu..sembilan; 10 sepuluh, 11 sebelas,
 * 12..19 "<unit> belas"; tens "<unit> puluh"; hundreds "<unit> ratus" with
 * "seratus" for one; thousands "<group> ribu" with "seribu" when the group
 * is exactly one; then juta, miliar, triliun (always "satu juta", never
 * "sejuta", as official documents write it).  Words are lower case,
 * separated by one space.
 *
 * Pure: no I/O, no allocation.
 */
#ifndef BERKAS_CORE_TERBILANG_H
#define BERKAS_CORE_TERBILANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest number terbilang() spells: 999 999 999 999 999 (999 triliun ...). */
#define TERBILANG_MAX 999999999999999ULL

/* Room enough for any number up to TERBILANG_MAX, with the NUL. */
#define TERBILANG_LEN 256

/* Write the words for n into buf (size n_buf); false when n > TERBILANG_MAX
 * or the words do not fit (buf then holds ""). */
bool terbilang(uint64_t n, char *buf, size_t n_buf);

#endif
