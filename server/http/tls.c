/* tls.c - see tls.h. */
#include "tls.h"

#include <errno.h>
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define TLS_CHAIN_MAX 16
#define TLS_FILE_MAX  (1024 * 1024)

/* One pair of files as read at one time. */
struct tls_gen {
    gnutls_pcert_st pcerts[TLS_CHAIN_MAX];
    unsigned n;
    gnutls_privkey_t key;
    struct tls_gen *older; /* kept until tls_free: sessions may still use it */
};

struct tls_store {
    pthread_mutex_t lock;
    char *cert_file, *key_file;
    struct tls_gen *current;
};

static struct tls_store *the_store; /* the callback has no closure argument */

static void gen_free(struct tls_gen *g)
{
    if (!g)
        return;
    for (unsigned i = 0; i < g->n; i++)
        gnutls_pcert_deinit(&g->pcerts[i]);
    if (g->key)
        gnutls_privkey_deinit(g->key);
    free(g);
}

/* The whole file at path, or NULL with err ("--tls-cert F: No such file or
 * directory"). */
static bool read_file(const char *option, const char *path, gnutls_datum_t *out, struct berr *err)
{
    out->data = NULL;
    out->size = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return berr_field(err, BERR_BAD_INPUT, option + 2, "%s %s: %s", option, path,
                          strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        return berr_field(err, BERR_BAD_INPUT, option + 2, "%s %s: not a regular file", option,
                          path);
    }
    if (st.st_size > TLS_FILE_MAX) {
        fclose(f);
        return berr_field(err, BERR_BAD_INPUT, option + 2, "%s %s: larger than %d bytes", option,
                          path, TLS_FILE_MAX);
    }
    out->data = gnutls_malloc((size_t)st.st_size + 1);
    size_t n = out->data ? fread(out->data, 1, (size_t)st.st_size, f) : 0;
    bool no_memory = !out->data, failed = no_memory || ferror(f);
    int e = errno;
    fclose(f);
    if (failed) {
        gnutls_free(out->data);
        out->data = NULL;
        return berr_field(err, BERR_BAD_INPUT, option + 2, "%s %s: %s", option, path,
                          no_memory ? "out of memory" : strerror(e));
    }
    out->data[n] = '\0';
    out->size = (unsigned)n;
    return true;
}

/* Whether key is the private half of the certificate's public key. */
static bool key_matches(gnutls_privkey_t key, gnutls_pubkey_t cert_pub)
{
    gnutls_pubkey_t from_key = NULL;
    gnutls_datum_t a = {0}, b = {0};
    bool same = gnutls_pubkey_init(&from_key) == 0 &&
                gnutls_pubkey_import_privkey(from_key, key, 0, 0) == 0 &&
                gnutls_pubkey_export2(from_key, GNUTLS_X509_FMT_DER, &a) == 0 &&
                gnutls_pubkey_export2(cert_pub, GNUTLS_X509_FMT_DER, &b) == 0 && a.size == b.size &&
                memcmp(a.data, b.data, a.size) == 0;
    gnutls_free(a.data);
    gnutls_free(b.data);
    if (from_key)
        gnutls_pubkey_deinit(from_key);
    return same;
}

static struct tls_gen *gen_load(const char *cert_file, const char *key_file, struct berr *err)
{
    gnutls_datum_t cert = {0}, key = {0};
    struct tls_gen *g = NULL;
    if (!read_file("--tls-cert", cert_file, &cert, err) ||
        !read_file("--tls-key", key_file, &key, err))
        goto out;
    g = calloc(1, sizeof *g);
    if (!g) {
        berr_set(err, BERR_INTERNAL, "out of memory");
        goto out;
    }
    g->n = TLS_CHAIN_MAX;
    int rc = gnutls_pcert_list_import_x509_raw(g->pcerts, &g->n, &cert, GNUTLS_X509_FMT_PEM, 0);
    if (rc < 0 || g->n == 0) {
        g->n = 0;
        berr_field(err, BERR_BAD_INPUT, "tls-cert",
                   "--tls-cert %s: no PEM certificate chain in it (%s)", cert_file,
                   rc < 0 ? gnutls_strerror(rc) : "empty");
        goto fail;
    }
    if ((rc = gnutls_privkey_init(&g->key)) < 0 ||
        (rc = gnutls_privkey_import_x509_raw(g->key, &key, GNUTLS_X509_FMT_PEM, NULL, 0)) < 0) {
        berr_field(err, BERR_BAD_INPUT, "tls-key",
                   "--tls-key %s: no unencrypted PEM private key in it (%s)", key_file,
                   gnutls_strerror(rc));
        goto fail;
    }
    if (!key_matches(g->key, g->pcerts[0].pubkey)) {
        berr_field(err, BERR_BAD_INPUT, "tls-key",
                   "--tls-key %s is not the key of the certificate in --tls-cert %s", key_file,
                   cert_file);
        goto fail;
    }
    goto out;
fail:
    gen_free(g);
    g = NULL;
out:
    if (key.data) {
        gnutls_memset(key.data, 0, key.size);
        gnutls_free(key.data);
    }
    gnutls_free(cert.data);
    return g;
}

int tls_retrieve(gnutls_session_t session, const gnutls_datum_t *req_ca_rdn, int nreqs,
                 const gnutls_pk_algorithm_t *pk_algos, int pk_algos_length,
                 gnutls_pcert_st **pcert, unsigned int *pcert_length, gnutls_privkey_t *privkey)
{
    (void)session;
    (void)req_ca_rdn;
    (void)nreqs;
    (void)pk_algos;
    (void)pk_algos_length;
    struct tls_store *t = the_store;
    if (!t)
        return -1;
    pthread_mutex_lock(&t->lock);
    struct tls_gen *g = t->current;
    *pcert = g->pcerts;
    *pcert_length = g->n;
    *privkey = g->key;
    pthread_mutex_unlock(&t->lock);
    return 0;
}

struct tls_store *tls_open(const char *cert_file, const char *key_file, struct berr *err)
{
    struct tls_gen *g = gen_load(cert_file, key_file, err);
    if (!g)
        return NULL;
    struct tls_store *t = calloc(1, sizeof *t);
    if (t) {
        t->cert_file = strdup(cert_file);
        t->key_file = strdup(key_file);
    }
    if (!t || !t->cert_file || !t->key_file) {
        if (t) {
            free(t->cert_file);
            free(t->key_file);
        }
        free(t);
        gen_free(g);
        berr_set(err, BERR_INTERNAL, "out of memory");
        return NULL;
    }
    pthread_mutex_init(&t->lock, NULL);
    t->current = g;
    the_store = t;
    return t;
}

bool tls_reload(struct tls_store *t, struct berr *err)
{
    struct tls_gen *g = gen_load(t->cert_file, t->key_file, err);
    if (!g)
        return false;
    pthread_mutex_lock(&t->lock);
    g->older = t->current;
    t->current = g;
    pthread_mutex_unlock(&t->lock);
    return true;
}

void tls_describe(struct tls_store *t, char *out, size_t outsz)
{
    snprintf(out, outsz, "?");
    pthread_mutex_lock(&t->lock);
    gnutls_x509_crt_t crt = NULL;
    if (gnutls_x509_crt_init(&crt) == 0 &&
        gnutls_x509_crt_import(crt, &t->current->pcerts[0].cert, GNUTLS_X509_FMT_DER) == 0) {
        char cn[256] = "", serial[64] = "", hex[2 * sizeof serial + 1] = "", until[32] = "";
        size_t size = sizeof cn;
        if (gnutls_x509_crt_get_dn_by_oid(crt, GNUTLS_OID_X520_COMMON_NAME, 0, 0, cn, &size) < 0)
            snprintf(cn, sizeof cn, "(none)");
        size = sizeof serial;
        if (gnutls_x509_crt_get_serial(crt, serial, &size) == 0)
            for (size_t i = 0; i < size; i++)
                snprintf(hex + 2 * i, 3, "%02x", (unsigned char)serial[i]);
        time_t end = gnutls_x509_crt_get_expiration_time(crt);
        struct tm tm;
        if (end != (time_t)-1 && gmtime_r(&end, &tm))
            strftime(until, sizeof until, "%Y-%m-%d", &tm);
        snprintf(out, outsz, "CN=%s, serial %s, valid until %s%s", cn, hex, until,
                 end != (time_t)-1 && end < time(NULL) ? " (EXPIRED)" : "");
    }
    if (crt)
        gnutls_x509_crt_deinit(crt);
    pthread_mutex_unlock(&t->lock);
}

void tls_free(struct tls_store *t)
{
    if (!t)
        return;
    if (the_store == t)
        the_store = NULL;
    for (struct tls_gen *g = t->current, *older; g; g = older) {
        older = g->older;
        gen_free(g);
    }
    pthread_mutex_destroy(&t->lock);
    free(t->cert_file);
    free(t->key_file);
    free(t);
}
