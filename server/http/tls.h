/*
 * tls.h - berkasd's own HTTPS: the certificate chain and private key from
 * PEM files (--tls-cert, --tls-key), read and checked at start-up and read
 * again on SIGHUP without closing the listener.
 *
 * libmicrohttpd (built with GnuTLS) is given a certificate callback
 * (MHD_OPTION_HTTPS_CERT_CALLBACK, a gnutls_certificate_retrieve_function2)
 * instead of the files' bytes: every handshake asks it for the credentials
 * in force, so a reload swaps them for the connections made after it, and a
 * connection made before keeps the ones it was made with.  GnuTLS neither
 * copies nor frees what the callback returns and a session may refer to it
 * until it ends, so a generation replaced by a reload is kept until the
 * server stops (a few KiB each: a reload is an administrator's act, not a
 * request's).
 */
#ifndef BERKAS_HTTP_TLS_H
#define BERKAS_HTTP_TLS_H

#include <stdbool.h>
#include <gnutls/abstract.h>
#include <stddef.h>

#include "core/error.h"

struct tls_store;

/* Read and check cert_file (a PEM chain, the server's certificate first) and
 * key_file (its PEM private key): NULL with err naming the file and what is
 * wrong with it (missing, unreadable, not PEM, the key not the
 * certificate's).  One store per process: the callback below reads it. */
struct tls_store *tls_open(const char *cert_file, const char *key_file, struct berr *err);

/* Read both files again; when they are good, new handshakes use them.  When
 * not, err says why and the credentials in force stay. */
bool tls_reload(struct tls_store *t, struct berr *err);

/* "CN=..., serial 1a2b, valid until 2027-12-05" of the certificate in force. */
void tls_describe(struct tls_store *t, char *out, size_t outsz);

/* The callback for MHD_OPTION_HTTPS_CERT_CALLBACK: the credentials in
 * force. */
gnutls_certificate_retrieve_function2 tls_retrieve;

/* The GnuTLS priority string berkasd serves with: TLS 1.2 and 1.3 only. */
#define TLS_PRIORITIES "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2"

/* Free every generation (after the HTTP server stopped).  NULL is fine. */
void tls_free(struct tls_store *t);

#endif
