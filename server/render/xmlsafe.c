/*
 * xmlsafe.c - libxml2 as RELIABILITY.md C4 asks on Debian 12's 2.9.14.
 *
 * Every document render reads (templates, form.rng, the case XML) comes
 * through xmlsafe_parse(): from memory, after a size check, with only the
 * "no network" and "quiet" parser options (no entity substitution, no DTD
 * loading or attribute defaults, no XInclude, no huge mode, no recovery),
 * and a document with a DOCTYPE is refused outright: berkas's documents
 * need none.  The process-wide external entity loader refuses everything
 * and counts the calls, so a test can prove nothing was ever fetched.
 */
#include <errno.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "render_int.h"

static atomic_ulong loader_calls;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static xmlParserInputPtr deny_all(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    atomic_fetch_add(&loader_calls, 1);
    return NULL;
}

static void init(void)
{
    xmlInitParser();
    xmlSetExternalEntityLoader(deny_all);
}

void xmlsafe_init(void)
{
    pthread_once(&init_once, init);
}

unsigned long render_xml_loader_calls(void)
{
    return atomic_load(&loader_calls);
}

/* The parser's first error (libxml2 reports later, derived ones too). */
struct first_error {
    char msg[400];
    int line;
    bool set;
};

static void keep_first(void *data, xmlErrorPtr e)
{
    xmlParserCtxtPtr ctxt = data;
    struct first_error *f = ctxt ? ctxt->_private : NULL;
    if (!f || f->set || !e)
        return;
    f->set = true;
    f->line = e->line;
    snprintf(f->msg, sizeof f->msg, "%s", e->message ? e->message : "not well-formed");
}

/* One line: the message without its trailing newline. */
static void one_line(char *dst, size_t n, const char *msg)
{
    snprintf(dst, n, "%s", msg ? msg : "not well-formed");
    size_t l = strlen(dst);
    while (l && (dst[l - 1] == '\n' || dst[l - 1] == ' '))
        dst[--l] = '\0';
    for (char *p = dst; *p; p++)
        if (*p == '\n')
            *p = ' ';
}

xmlDocPtr xmlsafe_parse(const char *name, const char *buf, size_t len, size_t max,
                        enum berr_kind kind, struct berr *err)
{
    xmlsafe_init();
    if (len > max || len > (size_t)INT32_MAX) {
        berr_set(err, kind, "%s: %zu bytes, more than the limit of %zu", name, len, max);
        return NULL;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        berr_set(err, BERR_INTERNAL, "%s: out of memory", name);
        return NULL;
    }
    struct first_error first = {.set = false};
    ctxt->_private = &first;
    ctxt->sax->serror = keep_first;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, name, "UTF-8",
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (doc == NULL || !ctxt->wellFormed) {
        char msg[400];
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        one_line(msg, sizeof msg, first.set ? first.msg : e ? e->message : NULL);
        berr_set(err, kind, "%s:%d: %s", name, first.set ? first.line : e ? e->line : 0, msg);
        xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctxt);
        return NULL;
    }
    xmlFreeParserCtxt(ctxt);
    if (doc->intSubset || doc->extSubset) {
        int line = 1;
        for (size_t i = 0; i + 9 <= len && memcmp(buf + i, "<!DOCTYPE", 9) != 0; i++)
            line += buf[i] == '\n';
        berr_set(err, kind, "%s:%d: a DOCTYPE is not allowed (no DTDs, no entities)", name, line);
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

bool xmlsafe_read_file(const char *path, size_t max, char **buf, size_t *len, struct berr *err)
{
    *buf = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return berr_set(err, BERR_INTERNAL, "%s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        return berr_set(err, BERR_INTERNAL, "%s: not a regular file", path);
    }
    if ((size_t)st.st_size > max) {
        fclose(f);
        return berr_set(err, BERR_INTERNAL, "%s:1: %lld bytes, more than the limit of %zu", path,
                        (long long)st.st_size, max);
    }
    char *b = malloc((size_t)st.st_size + 1);
    if (!b) {
        fclose(f);
        return berr_set(err, BERR_INTERNAL, "%s: out of memory", path);
    }
    size_t n = fread(b, 1, (size_t)st.st_size, f);
    bool bad = ferror(f) != 0;
    fclose(f);
    if (bad || n != (size_t)st.st_size) {
        free(b);
        return berr_set(err, BERR_INTERNAL, "%s: read failed", path);
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return true;
}
