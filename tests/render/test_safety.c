/* test_safety.c - templates that try to make libxml2 fetch files or the
 * network, or to exhaust it, are refused without opening anything
 * (RELIABILITY.md C4); a broken template names its file and line. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "suites.h"

#define HEAD                                                                                       \
    "<form xmlns=\"urn:berkas:form:1\" title=\"x\" code=\"X\" issuer=\"system\" "                  \
    "pro-justitia=\"false\">"

struct hostile {
    const char *name;
    const char *doc; /* NULL: built by hostile_doc() */
};

static const struct hostile corpus[] = {
    {"xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE form [<!ENTITY x SYSTEM "
                "\"file:///etc/passwd\">]>\n" HEAD "<body><p>&x;</p></body></form>\n"},
    {"xxe-param.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE form [<!ENTITY % p SYSTEM "
                      "\"file:///etc/passwd\"> %p;]>\n" HEAD "<body/></form>\n"},
    {"billion-laughs.xml",
     "<?xml version=\"1.0\"?>\n<!DOCTYPE form [\n<!ENTITY a \"lollollollollollollollollollol\">\n"
     "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n<!ENTITY c "
     "\"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
     "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n<!ENTITY e "
     "\"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
     "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n<!ENTITY g "
     "\"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
     "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n<!ENTITY i "
     "\"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n"
     "]>\n" HEAD "<body><p>&i;</p></body></form>\n"},
    {"external-dtd-file.xml",
     "<?xml version=\"1.0\"?>\n<!DOCTYPE form SYSTEM \"file:///etc/passwd\">\n" HEAD
     "<body/></form>\n"},
    {"external-dtd-http.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE form PUBLIC \"-//x//y\" "
                              "\"http://127.0.0.1:9/evil.dtd\">\n" HEAD "<body/></form>\n"},
    {"xinclude.xml", "<?xml version=\"1.0\"?>\n<form xmlns=\"urn:berkas:form:1\" "
                     "xmlns:xi=\"http://www.w3.org/2001/XInclude\" title=\"x\" code=\"X\" "
                     "issuer=\"system\" pro-justitia=\"false\">\n<body><xi:include "
                     "href=\"file:///etc/passwd\" parse=\"text\"/></body></form>\n"},
    {"invalid-utf8.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" HEAD
                         "<body><p>\xC3\x28 \xFF\xFE</p></body></form>\n"},
    {"huge-attribute.xml", NULL},
};

/* the 10 MB attribute */
static char *hostile_doc(const struct hostile *h, size_t *len)
{
    if (h->doc) {
        *len = strlen(h->doc);
        return strdup(h->doc);
    }
    size_t big = 10 * 1024 * 1024;
    const char *pre = "<?xml version=\"1.0\"?>\n<form xmlns=\"urn:berkas:form:1\" title=\"";
    const char *post = "\" code=\"X\" issuer=\"system\" pro-justitia=\"false\"><body/></form>\n";
    size_t n = strlen(pre) + big + strlen(post);
    char *b = malloc(n + 1);
    memcpy(b, pre, strlen(pre));
    memset(b + strlen(pre), 'A', big);
    memcpy(b + strlen(pre) + big, post, strlen(post) + 1);
    *len = n;
    return b;
}

int hostile_child(void)
{
    const char *dir = getenv("RENDER_TEMPLATES");
    if (!dir)
        return 2;
    int accepted = 0;
    for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
        size_t len;
        char *doc = hostile_doc(&corpus[i], &len);
        struct berr err = {0};
        if (render_check_template(dir, corpus[i].name, doc, len, &err))
            accepted++;
        free(doc);
    }
    return accepted == 0 && render_xml_loader_calls() == 0 ? 0 : 1;
}

START_TEST(test_hostile_templates_are_refused_and_fetch_nothing)
{
    const char *dir = env_dir("RENDER_TEMPLATES");
    unsigned long calls = render_xml_loader_calls();
    for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
        size_t len;
        char *doc = hostile_doc(&corpus[i], &len);
        struct berr err = {0};
        ck_assert_msg(!render_check_template(dir, corpus[i].name, doc, len, &err),
                      "%s was accepted", corpus[i].name);
        /* "name:line: message" */
        ck_assert_msg(strncmp(err.message, corpus[i].name, strlen(corpus[i].name)) == 0 &&
                          err.message[strlen(corpus[i].name)] == ':',
                      "%s: message \"%s\"", corpus[i].name, err.message);
        ck_assert_msg(strstr(err.message, "etc/passwd") == NULL &&
                          strstr(err.message, "root:") == NULL,
                      "%s: the refusal leaks content: %s", corpus[i].name, err.message);
        free(doc);
    }
    /* the deny-all loader was never even asked */
    ck_assert_uint_eq(render_xml_loader_calls(), calls);
}
END_TEST

START_TEST(test_hostile_templates_open_no_file_and_no_socket_under_strace)
{
    if (system("command -v strace >/dev/null 2>&1") != 0) {
        fprintf(stderr, "strace missing: the system-call check is skipped\n");
        return;
    }
    char self[1024];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    ck_assert_int_gt(n, 0);
    self[n] = '\0';
    char *dir = temp_dir();
    char cmd[3000], log[1100];
    snprintf(log, sizeof log, "%s/trace", dir);
    snprintf(cmd, sizeof cmd,
             /* LeakSanitizer cannot run under ptrace: off for the traced child */
             "ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=open,openat,connect,socket "
             "-o '%s' '%s' --load-hostile",
             log, self);
    int rc = system(cmd);
    size_t len;
    char *trace = slurp(log, &len);
    ck_assert_msg(trace != NULL && len > 0, "strace wrote nothing (rc %d)", rc);
    ck_assert_msg(rc == 0, "the child accepted a hostile template or called the loader");
    ck_assert_msg(strstr(trace, "/etc/passwd") == NULL, "/etc/passwd was opened");
    ck_assert_msg(strstr(trace, "connect(") == NULL, "a connection was attempted");
    ck_assert_msg(strstr(trace, "AF_INET") == NULL, "an internet socket was created");
    /* it did open the schema: the trace is real */
    ck_assert_msg(strstr(trace, "form.rng") != NULL, "trace lacks form.rng");
    free(trace);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    free(dir);
}
END_TEST

/* A template directory holding form.rng and one file; render_open's error. */
static void open_with(const char *file, const char *content, char *msg, size_t n)
{
    char *dir = temp_dir();
    char path[1200];
    size_t len;
    snprintf(path, sizeof path, "%s/form.rng", env_dir("RENDER_TEMPLATES"));
    char *rng = slurp(path, &len);
    ck_assert_ptr_nonnull(rng);
    snprintf(path, sizeof path, "%s/form.rng", dir);
    spit(path, rng, len);
    free(rng);
    snprintf(path, sizeof path, "%s/%s", dir, file);
    spit(path, content, strlen(content));
    struct berr err = {0};
    struct render_engine *e = render_open(dir, NULL, &err);
    ck_assert_msg(e == NULL, "%s was accepted", file);
    ck_assert_int_eq(err.kind, BERR_INTERNAL);
    /* the message names the file with its directory */
    ck_assert_msg(strstr(err.message, dir) != NULL, "message: %s", err.message);
    snprintf(msg, n, "%s", strstr(err.message, file) ? strstr(err.message, file) : err.message);
    char cmd[1300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    free(dir);
}

START_TEST(test_a_broken_template_names_its_file_and_line)
{
    char msg[600];
    open_with("broken.xml",
              "<?xml version=\"1.0\"?>\n" HEAD "\n<body>\n<p align=left>x</p>\n</body>\n</form>\n",
              msg, sizeof msg);
    ck_assert_msg(strncmp(msg, "broken.xml:4:", 13) == 0, "not well-formed: %s", msg);

    open_with("schema.xml",
              "<?xml version=\"1.0\"?>\n" HEAD "\n<body>\n<p>ok</p>\n<blink>no</blink>\n</body>"
              "</form>\n",
              msg, sizeof msg);
    ck_assert_msg(strncmp(msg, "schema.xml:5:", 13) == 0, "schema: %s", msg);

    open_with("xpath.xml",
              "<?xml version=\"1.0\"?>\n" HEAD "\n<body>\n<p>\n<field select=\"c:nama[\"/>\n"
              "</p></body></form>\n",
              msg, sizeof msg);
    ck_assert_msg(strncmp(msg, "xpath.xml:5: XPath", 18) == 0, "XPath: %s", msg);

    open_with("doctype.xml", "<?xml version=\"1.0\"?>\n\n<!DOCTYPE form>\n" HEAD "<body/></form>\n",
              msg, sizeof msg);
    ck_assert_msg(strncmp(msg, "doctype.xml:3:", 14) == 0, "DOCTYPE: %s", msg);
}
END_TEST

START_TEST(test_a_missing_font_directory_is_named)
{
    struct berr err = {0};
    struct render_engine *e = render_open(env_dir("RENDER_TEMPLATES"), "/nonexistent-fonts", &err);
    ck_assert_ptr_null(e);
    ck_assert_msg(strstr(err.message, "/nonexistent-fonts/BerkasSerif.ttf"), "%s", err.message);
}
END_TEST

Suite *suite_safety(void)
{
    Suite *s = suite_create("safety");
    TCase *tc = tcase_create("safety");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_hostile_templates_are_refused_and_fetch_nothing);
    tcase_add_test(tc, test_hostile_templates_open_no_file_and_no_socket_under_strace);
    tcase_add_test(tc, test_a_broken_template_names_its_file_and_line);
    tcase_add_test(tc, test_a_missing_font_directory_is_named);
    suite_add_tcase(s, tc);
    return s;
}
