/*
 * mustcheck.h - BERKAS_MUST_CHECK marks a function whose result says whether
 * it did its work (a bool, a result code, an allocation): the compiler warns
 * (an error under -Werror) when a caller drops that result.  A (void) cast
 * does not silence it: a result that may truly be dropped is a function
 * that should not return one.
 */
#ifndef BERKAS_CORE_MUSTCHECK_H
#define BERKAS_CORE_MUSTCHECK_H

#if defined(__GNUC__) || defined(__clang__)
#define BERKAS_MUST_CHECK __attribute__((warn_unused_result))
#else
#define BERKAS_MUST_CHECK
#endif

#endif
