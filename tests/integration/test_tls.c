/*
 * test_tls.c - berkasd's own HTTPS (issue 14.3): a throwaway CA and server
 * certificates made with openssl at test time, a real berkasd serving
 * --tls-cert/--tls-key, a GnuTLS client of the test's own (which names the
 * certificate each handshake met) and the real CLI with --cacert.  Covered:
 * the CLI verifies (with the CA it succeeds, without it or for another host
 * it fails in one line with exit 2; --insecure only with a warning), HSTS
 * and the __Host- Secure cookie over TLS, SIGHUP swapping the certificate
 * for new connections while an open one goes on, a bad file at SIGHUP
 * keeping the one in force, and every bad --tls-* input refused in one line.
 */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "suites.h"

static char *conninfo;
static char *dir; /* the certificates, XDG_CONFIG_HOME */
static char ca[1100], cert[1100], key[1100], cert2[1100], other[1100], other_key[1100],
    stray_key[1100];

/* The CA; server certificates for localhost and 127.0.0.1 with serials 1001
 * and 1002 (one key); one for another host; a key of nothing here. */
static const char make_certs[] =
    "set -e\n"
    "q() { \"$@\" >/dev/null 2>&1 || { echo \"failed: $*\"; exit 1; }; }\n"
    "q openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key "
    "-out ca.pem -days 2 -subj /CN=berkas-test-CA -addext basicConstraints=critical,CA:TRUE "
    "-addext keyUsage=critical,keyCertSign,cRLSign\n"
    "q openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout srv.key "
    "-subj /CN=localhost -out srv.csr\n"
    "printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\nextendedKeyUsage=serverAuth\\n' > ext\n"
    "q openssl x509 -req -in srv.csr -CA ca.pem -CAkey ca.key -set_serial 0x1001 -days 2 "
    "-extfile ext -out srv.pem\n"
    "q openssl x509 -req -in srv.csr -CA ca.pem -CAkey ca.key -set_serial 0x1002 -days 2 "
    "-extfile ext -out srv2.pem\n"
    "q openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout other.key "
    "-subj /CN=other.example -out other.csr\n"
    "printf 'subjectAltName=DNS:other.example\\nextendedKeyUsage=serverAuth\\n' > ext2\n"
    "q openssl x509 -req -in other.csr -CA ca.pem -CAkey ca.key -set_serial 0x2001 -days 2 "
    "-extfile ext2 -out other.pem\n"
    "q openssl genpkey -algorithm ec -pkeyopt ec_paramgen_curve:P-256 -out stray.key\n"
    "chmod 644 *.key\n";

static void fresh(void)
{
    static int n;
    char name[64];
    snprintf(name, sizeof name, "tls_%d_%d", (int)getpid(), ++n);
    conninfo = harness_new_db(name);
    dir = harness_mkdtemp("tls");
    ck_assert_ptr_nonnull(dir);
    setenv("XDG_CONFIG_HOME", dir, 1);
    unsetenv("BERKAS_SERVER");
    unsetenv("BERKAS_CACERT");
    unsetenv("BERKAS_TLS_CERT");
    unsetenv("BERKAS_TLS_KEY");
    char script[2048];
    snprintf(script, sizeof script, "cd '%s'\n%s", dir, make_certs);
    char *argv[] = {"/bin/sh", "-c", script, NULL};
    char *out;
    int rc = run_capture(argv, 60000, &out);
    ck_assert_msg(rc == 0, "making the certificates: %s", out);
    free(out);
    snprintf(ca, sizeof ca, "%s/ca.pem", dir);
    snprintf(cert, sizeof cert, "%s/srv.pem", dir);
    snprintf(key, sizeof key, "%s/srv.key", dir);
    snprintf(cert2, sizeof cert2, "%s/srv2.pem", dir);
    snprintf(other, sizeof other, "%s/other.pem", dir);
    snprintf(other_key, sizeof other_key, "%s/other.key", dir);
    snprintf(stray_key, sizeof stray_key, "%s/stray.key", dir);
}

static void done(void)
{
    free(conninfo);
    free(dir);
}

/* ---- a TLS client that names the certificate it met ------------------------------ */

struct tclient {
    int fd;
    gnutls_session_t s;
    gnutls_certificate_credentials_t cred;
    char why[256];
};

static void tclient_close(struct tclient *c)
{
    if (c->s) {
        gnutls_bye(c->s, GNUTLS_SHUT_WR);
        gnutls_deinit(c->s);
    }
    if (c->cred)
        gnutls_certificate_free_credentials(c->cred);
    if (c->fd >= 0)
        close(c->fd);
    c->s = NULL;
    c->cred = NULL;
    c->fd = -1;
}

/* Connect to 127.0.0.1:port and shake hands, verifying the certificate
 * against ca_file for host; false with c->why. */
static bool tclient_open(struct tclient *c, int port, const char *ca_file, const char *host)
{
    memset(c, 0, sizeof *c);
    c->fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct timeval tv = {.tv_sec = 15};
    setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(c->fd, (struct sockaddr *)&a, sizeof a) != 0) {
        snprintf(c->why, sizeof c->why, "connect: %s", strerror(errno));
        return false;
    }
    gnutls_certificate_allocate_credentials(&c->cred);
    gnutls_certificate_set_x509_trust_file(c->cred, ca_file, GNUTLS_X509_FMT_PEM);
    gnutls_init(&c->s, GNUTLS_CLIENT);
    gnutls_set_default_priority(c->s);
    gnutls_credentials_set(c->s, GNUTLS_CRD_CERTIFICATE, c->cred);
    gnutls_server_name_set(c->s, GNUTLS_NAME_DNS, host, strlen(host));
    gnutls_session_set_verify_cert(c->s, host, 0);
    gnutls_transport_set_int(c->s, c->fd);
    gnutls_handshake_set_timeout(c->s, 15000);
    int rc;
    do
        rc = gnutls_handshake(c->s);
    while (rc < 0 && !gnutls_error_is_fatal(rc));
    if (rc < 0) {
        snprintf(c->why, sizeof c->why, "handshake: %s", gnutls_strerror(rc));
        return false;
    }
    return true;
}

/* The serial number of the certificate the handshake met, in hex. */
static void tclient_serial(struct tclient *c, char *hex, size_t size)
{
    snprintf(hex, size, "?");
    unsigned n = 0;
    const gnutls_datum_t *peers = gnutls_certificate_get_peers(c->s, &n);
    gnutls_x509_crt_t crt;
    if (!peers || n == 0 || gnutls_x509_crt_init(&crt) != 0)
        return;
    unsigned char serial[64];
    size_t len = sizeof serial;
    if (gnutls_x509_crt_import(crt, &peers[0], GNUTLS_X509_FMT_DER) == 0 &&
        gnutls_x509_crt_get_serial(crt, serial, &len) == 0) {
        for (size_t i = 0; i < len && 2 * i + 2 < size; i++)
            snprintf(hex + 2 * i, 3, "%02x", serial[i]);
    }
    gnutls_x509_crt_deinit(crt);
}

/* One request on the connection (kept alive); the whole answer, head and
 * body, or NULL with c->why.  Caller frees. */
static char *tclient_request(struct tclient *c, const char *method, const char *path,
                             const char *extra_headers, const char *body)
{
    char req[4096];
    snprintf(req, sizeof req,
             "%s %s HTTP/1.1\r\nHost: localhost\r\n%sContent-Length: %zu\r\n\r\n%s", method, path,
             extra_headers ? extra_headers : "", body ? strlen(body) : 0, body ? body : "");
    if (gnutls_record_send(c->s, req, strlen(req)) < 0) {
        snprintf(c->why, sizeof c->why, "send failed");
        return NULL;
    }
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        ssize_t n = gnutls_record_recv(c->s, buf + len, cap - 1 - len);
        if (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED)
            continue;
        if (n <= 0) {
            snprintf(c->why, sizeof c->why, "recv: %s",
                     n == 0 ? "closed" : gnutls_strerror((int)n));
            free(buf);
            return NULL;
        }
        len += (size_t)n;
        buf[len] = '\0';
        const char *end = strstr(buf, "\r\n\r\n");
        const char *cl = strstr(buf, "Content-Length: ");
        if (end && cl && len >= (size_t)(end + 4 - buf) + strtoul(cl + 16, NULL, 10))
            return buf;
        if (len + 1 >= cap) {
            snprintf(c->why, sizeof c->why, "answer too long");
            free(buf);
            return NULL;
        }
    }
}

/* ---- berkasd over TLS ------------------------------------------------------------- */

static bool healthy_over_tls(int port)
{
    struct tclient c;
    bool ok = tclient_open(&c, port, ca, "localhost");
    char *a = ok ? tclient_request(&c, "GET", "/healthz", NULL, NULL) : NULL;
    ok = a && strncmp(a, "HTTP/1.1 200", 12) == 0;
    free(a);
    tclient_close(&c);
    return ok;
}

/* berkasd --db ... --tls-cert CERT --tls-key KEY [extra...] on a free port;
 * true once /healthz answers over TLS. */
static bool start_tls(struct proc *p, int *port, const char *crt, const char *k, const char *db)
{
    *port = free_port();
    char listen[64];
    snprintf(listen, sizeof listen, "127.0.0.1:%d", *port);
    char *argv[] = {(char *)harness_berkasd(),
                    "--listen",
                    listen,
                    "--sql-dir",
                    (char *)harness_sql_dir(),
                    "--threads",
                    "2",
                    "--db",
                    (char *)db,
                    "--tls-cert",
                    (char *)crt,
                    "--tls-key",
                    (char *)k,
                    NULL};
    proc_start(p, argv);
    for (int i = 0; i < 600; i++) {
        if (proc_wait(p, 0))
            return false;
        if (healthy_over_tls(*port))
            return true;
        usleep(50000);
    }
    return false;
}

static bool wait_output(struct proc *p, const char *needle, int ms)
{
    for (int i = 0; i < ms / 50; i++) {
        char *out = proc_output(p);
        bool found = strstr(out, needle) != NULL;
        free(out);
        if (found)
            return true;
        usleep(50000);
    }
    return false;
}

static int cli(char **out, ...)
{
    char *argv[16] = {(char *)harness_cli()};
    size_t n = 1;
    va_list ap;
    va_start(ap, out);
    for (const char *a; n < 15 && (a = va_arg(ap, const char *)) != NULL;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    return run_capture(argv, 60000, out);
}

START_TEST(test_cli_verifies_the_certificate)
{
    fresh();
    struct proc p;
    int port;
    ck_assert(start_tls(&p, &port, cert, key, conninfo));
    char url[64], *out;
    snprintf(url, sizeof url, "https://127.0.0.1:%d", port);
    /* with the CA: done */
    int rc = cli(&out, "--server", url, "--cacert", ca, "status", NULL);
    ck_assert_msg(rc == 0 && strstr(out, "kesehatan   ok"), "%d %s", rc, out);
    free(out);
    /* the same from the environment, and the option after the command */
    setenv("BERKAS_CACERT", ca, 1);
    rc = cli(&out, "status", "--server", url, NULL);
    ck_assert_msg(rc == 0, "%d %s", rc, out);
    free(out);
    unsetenv("BERKAS_CACERT");
    rc = cli(&out, "status", "--server", url, "--cacert", ca, NULL);
    ck_assert_msg(rc == 0, "%d %s", rc, out);
    free(out);
    /* without it (the system's CAs do not know this one): one line, exit 2 */
    rc = cli(&out, "--server", url, "status", NULL);
    ck_assert_msg(rc == 2, "%d %s", rc, out);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, "tidak dapat diverifikasi") && strstr(out, "--cacert"), "%s", out);
    free(out);
    /* --insecure: served, and said so */
    rc = cli(&out, "--server", url, "--insecure", "status", NULL);
    ck_assert_msg(rc == 0 && strstr(out, "PERINGATAN: --insecure"), "%d %s", rc, out);
    free(out);
    /* a CA file that is not there, or not a certificate */
    rc = cli(&out, "--server", url, "--cacert", "/nonexistent/ca.pem", "status", NULL);
    ck_assert_msg(rc == 2 && count_lines(out) == 1 && strstr(out, "/nonexistent/ca.pem"), "%d %s",
                  rc, out);
    free(out);
    rc = cli(&out, "--server", url, "--cacert", key, "status", NULL);
    ck_assert_msg(rc == 2 && count_lines(out) == 1, "%d %s", rc, out);
    free(out);
    rc = cli(&out, "--server", url, "--cacert", NULL);
    ck_assert_msg(rc == 2 && count_lines(out) == 1, "%d %s", rc, out);
    free(out);
    setenv("BERKAS_CACERT", "/nonexistent/env-ca.pem", 1);
    rc = cli(&out, "--server", url, "status", NULL);
    ck_assert_msg(rc == 2 && strstr(out, "BERKAS_CACERT"), "%d %s", rc, out);
    free(out);
    unsetenv("BERKAS_CACERT");
    /* plain HTTP to the TLS port gets no answer */
    char plain[64];
    snprintf(plain, sizeof plain, "http://127.0.0.1:%d/healthz", port);
    struct http_result r;
    if (http_do("GET", plain, NULL, 0, NULL, &r)) {
        ck_assert_int_ne(r.status, 200);
        http_result_free(&r);
    }
    proc_stop_clean(&p);
    out = proc_output(&p);
    ck_assert_msg(strstr(out, "ready in") && strstr(out, "https://127.0.0.1:") &&
                      strstr(out, "serial 1001"),
                  "%s", out);
    free(out);
    proc_free(&p);
    done();
}
END_TEST

START_TEST(test_hsts_and_secure_cookie_over_tls)
{
    fresh();
    free(conninfo);
    char name[64];
    snprintf(name, sizeof name, "tls_demo_%d", (int)getpid());
    conninfo = harness_new_demo_db(name);
    struct proc p;
    int port;
    ck_assert(start_tls(&p, &port, cert, key, conninfo));
    struct tclient c;
    ck_assert_msg(tclient_open(&c, port, ca, "localhost"), "%s", c.why);
    char *a = tclient_request(&c, "GET", "/healthz", NULL, NULL);
    ck_assert_msg(a, "%s", c.why);
    ck_assert_msg(strstr(a, "\r\nStrict-Transport-Security: max-age=31536000\r\n"), "%s", a);
    free(a);
    /* the pages' log-on over TLS: the __Host- cookie, Secure */
    char origin[96], body[256];
    snprintf(origin, sizeof origin,
             "Origin: https://127.0.0.1:%d\r\nX-Berkas-CSRF: 1\r\nContent-Type: "
             "application/json\r\n",
             port);
    snprintf(body, sizeof body, "{\"nip\":\"%s\",\"password\":\"%s\",\"cookie\":true}", NIP_INV_PLG,
             DEMO_PW);
    a = tclient_request(&c, "POST", "/api/v1/sessions", origin, body);
    ck_assert_msg(a, "%s", c.why);
    ck_assert_msg(strncmp(a, "HTTP/1.1 201", 12) == 0, "%s", a);
    ck_assert_msg(strstr(a, "Set-Cookie: __Host-berkas=") && strstr(a, "; Secure"), "%s", a);
    free(a);
    tclient_close(&c);
    proc_stop(&p);
    proc_free(&p);
    /* plain HTTP as before: no HSTS */
    char *extra[] = {"--db", conninfo, NULL};
    ck_assert(berkasd_start(&p, &port, extra));
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/healthz", port);
    char *argv[] = {"/usr/bin/curl", "-si", url, NULL};
    char *out;
    ck_assert_int_eq(run_capture(argv, 30000, &out), 0);
    ck_assert_msg(strstr(out, "200 OK") && !strstr(out, "Strict-Transport-Security"), "%s", out);
    free(out);
    proc_stop(&p);
    proc_free(&p);
    done();
}
END_TEST

START_TEST(test_wrong_host_refused)
{
    fresh();
    struct proc p;
    /* a certificate of this CA, but for other.example: served ... */
    char listen[64];
    int pt = free_port();
    snprintf(listen, sizeof listen, "127.0.0.1:%d", pt);
    char *argv[] = {(char *)harness_berkasd(),
                    "--listen",
                    listen,
                    "--sql-dir",
                    (char *)harness_sql_dir(),
                    "--threads",
                    "2",
                    "--db",
                    conninfo,
                    "--tls-cert",
                    other,
                    "--tls-key",
                    other_key,
                    NULL};
    proc_start(&p, argv);
    ck_assert(wait_output(&p, "ready in", 30000));
    /* ... and refused by a client that asked for 127.0.0.1 or localhost */
    struct tclient c;
    ck_assert(!tclient_open(&c, pt, ca, "localhost"));
    tclient_close(&c);
    char url[64], *out;
    snprintf(url, sizeof url, "https://127.0.0.1:%d", pt);
    int rc = cli(&out, "--server", url, "--cacert", ca, "status", NULL);
    ck_assert_msg(rc == 2 && count_lines(out) == 1, "%d %s", rc, out);
    ck_assert_msg(strstr(out, "tidak dapat diverifikasi"), "%s", out);
    free(out);
    /* while the host it names is accepted */
    ck_assert_msg(tclient_open(&c, pt, ca, "other.example"), "%s", c.why);
    tclient_close(&c);
    proc_stop_clean(&p);
    proc_free(&p);
    done();
}
END_TEST

static void copy_file(const char *from, const char *to)
{
    char *text = read_text(from);
    ck_assert_ptr_nonnull(text);
    char tmp[1200];
    snprintf(tmp, sizeof tmp, "%s.new", to);
    ck_assert(write_text(tmp, text));
    ck_assert_int_eq(rename(tmp, to), 0);
    free(text);
}

START_TEST(test_sighup_serves_the_new_certificate_old_connection_unharmed)
{
    fresh();
    struct proc p;
    int port;
    ck_assert(start_tls(&p, &port, cert, key, conninfo));
    struct tclient old;
    ck_assert_msg(tclient_open(&old, port, ca, "localhost"), "%s", old.why);
    char serial[64];
    tclient_serial(&old, serial, sizeof serial);
    ck_assert_str_eq(serial, "1001");
    char *a = tclient_request(&old, "GET", "/healthz", NULL, NULL);
    ck_assert_msg(a && strncmp(a, "HTTP/1.1 200", 12) == 0, "%s", a ? a : old.why);
    free(a);

    /* the renewed certificate in place, then SIGHUP */
    copy_file(cert2, cert);
    ck_assert_int_eq(kill(p.pid, SIGHUP), 0);
    ck_assert(wait_output(&p, "SIGHUP: TLS certificate reloaded", 10000));
    struct tclient fresh_conn;
    ck_assert_msg(tclient_open(&fresh_conn, port, ca, "localhost"), "%s", fresh_conn.why);
    tclient_serial(&fresh_conn, serial, sizeof serial);
    ck_assert_str_eq(serial, "1002");
    a = tclient_request(&fresh_conn, "GET", "/healthz", NULL, NULL);
    ck_assert_msg(a && strncmp(a, "HTTP/1.1 200", 12) == 0, "%s", a ? a : fresh_conn.why);
    free(a);
    tclient_close(&fresh_conn);
    /* the connection made before goes on, with what it was made with */
    a = tclient_request(&old, "GET", "/api/v1/version", NULL, NULL);
    ck_assert_msg(a && strncmp(a, "HTTP/1.1 200", 12) == 0, "%s", a ? a : old.why);
    free(a);
    tclient_serial(&old, serial, sizeof serial);
    ck_assert_str_eq(serial, "1001");
    tclient_close(&old);

    /* a broken file at the next SIGHUP: one line, the one in force stays */
    ck_assert(write_text(cert, "not a certificate\n"));
    ck_assert_int_eq(kill(p.pid, SIGHUP), 0);
    ck_assert(wait_output(&p, "the certificate in force stays", 10000));
    /* a key that is not the certificate's, likewise */
    copy_file(cert2, cert);
    copy_file(stray_key, key);
    ck_assert_int_eq(kill(p.pid, SIGHUP), 0);
    ck_assert(wait_output(&p, "is not the key of the certificate", 10000));
    ck_assert(pid_alive(p.pid));
    struct tclient after;
    ck_assert_msg(tclient_open(&after, port, ca, "localhost"), "%s", after.why);
    tclient_serial(&after, serial, sizeof serial);
    ck_assert_str_eq(serial, "1002");
    tclient_close(&after);
    proc_stop_clean(&p);
    char *out = proc_output(&p);
    const char *line = strstr(out, "SIGHUP: --tls-cert");
    ck_assert_msg(line, "%s", out);
    ck_assert_msg(strchr(line, '\n') && !strstr(line, "\n  "), "%s", out);
    free(out);
    proc_free(&p);
    done();
}
END_TEST

/* berkasd with args on a free port: exit status and output. */
static int start_expecting_failure(char **out, ...)
{
    char listen[64];
    snprintf(listen, sizeof listen, "127.0.0.1:%d", free_port());
    char *argv[32] = {(char *)harness_berkasd(), "--listen", listen,  "--sql-dir",
                      (char *)harness_sql_dir(), "--db",     conninfo};
    size_t n = 7;
    va_list ap;
    va_start(ap, out);
    for (const char *a; n < 31 && (a = va_arg(ap, const char *)) != NULL;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    return run_capture(argv, 60000, out);
}

START_TEST(test_bad_tls_input_refused_in_one_line)
{
    fresh();
    char *out, garbage[1200], missing[1200];
    snprintf(garbage, sizeof garbage, "%s/garbage.pem", dir);
    snprintf(missing, sizeof missing, "%s/missing.pem", dir);
    ck_assert(write_text(garbage, "-----BEGIN CERTIFICATE-----\nnonsense\n"));
    struct {
        const char *cert, *key, *says;
        int rc;
    } bad[] = {
        {missing, key, "No such file", 1},
        {cert, missing, "No such file", 1},
        {dir, key, "not a regular file", 1},
        {garbage, key, "no PEM certificate", 1},
        {cert, garbage, "no unencrypted PEM private key", 1},
        {cert, cert, "no unencrypted PEM private key", 1},
        {cert, stray_key, "is not the key of the certificate", 1},
        {other, key, "is not the key of the certificate", 1},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int rc =
            start_expecting_failure(&out, "--tls-cert", bad[i].cert, "--tls-key", bad[i].key, NULL);
        ck_assert_msg(rc == bad[i].rc && count_lines(out) == 1 && strstr(out, bad[i].says),
                      "%zu: %d %s", i, rc, out);
        free(out);
    }
    if (geteuid() != 0) { /* root reads any file */
        char locked[1200];
        snprintf(locked, sizeof locked, "%s/locked.key", dir);
        copy_file(key, locked);
        chmod(locked, 0);
        int rc = start_expecting_failure(&out, "--tls-cert", cert, "--tls-key", locked, NULL);
        ck_assert_msg(rc == 1 && count_lines(out) == 1 && strstr(out, "Permission denied"), "%d %s",
                      rc, out);
        free(out);
    }
    /* usage: one without the other (option or variable), http:// public URL */
    int rc = start_expecting_failure(&out, "--tls-cert", cert, NULL);
    ck_assert_msg(rc == 2 && count_lines(out) == 1 && strstr(out, "go together"), "%d %s", rc, out);
    free(out);
    setenv("BERKAS_TLS_KEY", key, 1);
    rc = start_expecting_failure(&out, NULL);
    ck_assert_msg(rc == 2 && count_lines(out) == 1 && strstr(out, "go together"), "%d %s", rc, out);
    free(out);
    unsetenv("BERKAS_TLS_KEY");
    rc = start_expecting_failure(&out, "--tls-cert", cert, "--tls-key", key, "--public-url",
                                 "http://berkas.example", NULL);
    ck_assert_msg(rc == 2 && count_lines(out) == 1 && strstr(out, "https://"), "%d %s", rc, out);
    free(out);
    rc = start_expecting_failure(&out, "--tls-cert", NULL);
    ck_assert_msg(rc == 2 && count_lines(out) == 1, "%d %s", rc, out);
    free(out);

    /* from the environment, and --check-config naming what it found */
    setenv("BERKAS_TLS_CERT", cert, 1);
    setenv("BERKAS_TLS_KEY", key, 1);
    char listen[64];
    snprintf(listen, sizeof listen, "127.0.0.1:%d", free_port());
    char *check[] = {
        (char *)harness_berkasd(), "--check-config", "--db", conninfo, "--listen", listen, NULL};
    rc = run_capture(check, 60000, &out);
    ck_assert_msg(rc == 0 && strstr(out, "ok    tls") && strstr(out, "serial 1001"), "%d %s", rc,
                  out);
    free(out);
    setenv("BERKAS_TLS_KEY", stray_key, 1);
    rc = run_capture(check, 60000, &out);
    ck_assert_msg(rc == 1 && strstr(out, "FAIL  tls") && strstr(out, "is not the key"), "%d %s", rc,
                  out);
    free(out);
    unsetenv("BERKAS_TLS_CERT");
    unsetenv("BERKAS_TLS_KEY");
    done();
}
END_TEST

Suite *suite_tls(void)
{
    Suite *s = suite_create("tls");
    TCase *tc = tcase_create("https");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, test_cli_verifies_the_certificate);
    tcase_add_test(tc, test_hsts_and_secure_cookie_over_tls);
    tcase_add_test(tc, test_wrong_host_refused);
    tcase_add_test(tc, test_sighup_serves_the_new_certificate_old_connection_unharmed);
    tcase_add_test(tc, test_bad_tls_input_refused_in_one_line);
    suite_add_tcase(s, tc);
    return s;
}
