/*
 * cli.h - what every berkas command stands on: the command table's row,
 * option parsing, the choice of server and session, and one call to the
 * API with the CLI's error conventions.
 *
 * Exit status everywhere: 0 done, 1 refused by the server (any 4xx/5xx,
 * printed as one line "berkas: 403 Forbidden: detail (field: x)"), 2 bad
 * usage, the server unreachable, or a local failure (no terminal to ask a
 * password on, the session file not writable).
 */
#ifndef BERKAS_CLI_CLI_H
#define BERKAS_CLI_CLI_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "api.h"
#include "session.h"

#define EXIT_OK      0
#define EXIT_REFUSED 1
#define EXIT_USAGE   2
#define GO_ON        (-1) /* a step succeeded: carry on */

#define DEFAULT_SERVER "http://127.0.0.1:8080"

struct global {
    struct api_client api;  /* base and token, set by cli_connect */
    const char *server;     /* --server, or NULL */
    const char *cacert;     /* --cacert, or NULL ($BERKAS_CACERT, else the system's CAs) */
    bool insecure;          /* --insecure: an https server's certificate not verified */
    bool json;              /* --json */
    bool wide;              /* --wide: lines not fitted to 100 columns */
    struct session session; /* the saved session, when has_session */
    bool has_session;
    bool session_loaded;                /* cli_connect loads it once */
    enum session_status session_status; /* what it found */
    char session_error[512];            /* why, when SESSION_BAD */
};

struct command {
    const char *name; /* "office" */
    const char *sub;  /* "add", or NULL for a command without subcommands */
    int (*run)(struct global *g, const struct command *cmd, int argc, char **argv);
    const char *summary;
    const char *usage; /* the rest of "Usage: berkas ", then the options */
    /* what follows usage, or NULL: a help longer than one string literal may
     * be (4095 characters, C11 5.2.4.1) goes on here, at a line's end */
    const char *usage_more;
};

/* The table (main.c). */
extern const struct command cli_commands[];
extern const size_t cli_ncommands;

#define CLI_LIST_MAX 100 /* the server's limit on P-19 instructions */

struct cli_list {
    const char *items[CLI_LIST_MAX];
    size_t n;
};

/* A command's own option, "--name VALUE" or the flag "--name".  Exactly
 * one of value (the last one given wins), list (each one appended) or flag
 * (set true when given; takes no value) is set.  "--output FILE" may also
 * be written "-o FILE". */
struct cli_opt {
    const char *name;
    const char **value;
    struct cli_list *list;
    bool required;
    bool *flag;
};

/* A positional argument, always required. */
struct cli_arg {
    const char *name; /* for messages: "ID" */
    const char **value;
};

/* Parse argv (argv[0] is the command's own name) against opts and args,
 * both ended by a row of NULLs (either may be NULL).  --help, --json and
 * --server are every command's.  Returns GO_ON, or an exit status after
 * printing the help (0) or a one-line usage error (2). */
int cli_parse(struct global *g, const struct command *cmd, int argc, char **argv,
              const struct cli_opt *opts, const struct cli_arg *args);

/* cli_parse with one positional ID (when id is not NULL), checked with
 * cli_parse_id. */
int cli_parse_with_id(struct global *g, const struct command *cmd, int argc, char **argv,
                      const struct cli_opt *opts, long long *id);

/* cli_parse_with_id, then cli_connect(g, true): the start of every
 * command that needs a session. */
int cli_begin(struct global *g, const struct command *cmd, int argc, char **argv,
              const struct cli_opt *opts, long long *id);

/* Print "berkas CMD: <message> (see berkas CMD --help)"; returns EXIT_USAGE. */
int cli_usage_error(const struct command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* "berkas: <message>" on stderr; returns status. */
int cli_fail(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A positive decimal id (what the API takes: 1 .. 2^53). */
bool cli_parse_id(const char *s, long long *out);

/* "YYYY-MM-DD" in shape (the server checks the calendar). */
bool cli_is_date(const char *s);

/* GO_ON when s is NULL (an option not given) or a positive id (into *out,
 * when out is not NULL); else a usage error naming what ("--party",
 * "CASE").  The forms for a date and for a whole number (any sign). */
int cli_want_id(const struct command *cmd, const char *what, const char *s, long long *out);
int cli_want_date(const struct command *cmd, const char *what, const char *s);
int cli_want_int(const struct command *cmd, const char *what, const char *s, long long *out);

/* Load the session and choose the server: --server, else $BERKAS_SERVER,
 * else the session's server, else DEFAULT_SERVER (the session is read
 * once; a second call only rechecks).  With need_login, no
 * session is "not logged in; run: berkas login" (exit 1), and the token is
 * sent only to the server that issued it.  Returns GO_ON or an exit status. */
int cli_connect(struct global *g, bool need_login);

/* --cacert FILE (cacert; a readable file, else a usage error) or --insecure
 * (cacert NULL; warns once on stderr).  GO_ON or EXIT_USAGE. */
int cli_tls_option(struct global *g, const char *cacert);

/* One API call.  On a 2xx returns the body as JSON (an empty object for a
 * body-less reply; caller decrefs); otherwise prints one line and returns
 * NULL with *rc set: 1 for a problem from the server, 2 when unreachable. */
json_t *cli_call(struct global *g, const char *method, const char *path, const json_t *body,
                 int *rc);

/* cli_call with extra request headers ("Name: value", NULL-terminated). */
json_t *cli_call_with(struct global *g, const char *method, const char *path, const json_t *body,
                      const char *const headers[], int *rc);

/* The candidate closest to word, when close enough to be a typing slip (at
 * most 1 edit up to 4 characters, 2 up to 8, 3 beyond); NULL otherwise. */
const char *cli_closest(const char *word, const char *const *candidates, size_t n);

/* The case named by arg: its id, or its number (LK/KANIM-PLG/2026/0001) as
 * the server finds it.  Needs cli_connect first.  GO_ON with *id, or an exit
 * status after one line (1: no such case). */
int cli_case(struct global *g, const struct command *cmd, const char *arg, long long *id);

/* The office named by arg (its code, KANIM-PLG, or its id), for the
 * message called what ("--kejari").  Needs no connection for an id. */
int cli_office(struct global *g, const struct command *cmd, const char *what, const char *arg,
               long long *id);

/* The user named by arg: a NIP (18 digits, the printed spaces allowed) or an
 * id.  A NIP is looked up in the users an admin may see. */
int cli_user(struct global *g, const struct command *cmd, const char *arg, long long *id);

/* What a command's one positional argument names. */
enum cli_name { CLI_CASE, CLI_OFFICE, CLI_USER };

/* cli_parse with one positional argument naming a case, an office or a
 * user (as cli_case, cli_office, cli_user take them), then cli_connect(g,
 * true) and the name resolved into *id. */
int cli_begin_named(struct global *g, const struct command *cmd, int argc, char **argv,
                    const struct cli_opt *opts, enum cli_name kind, long long *id);

/* in without spaces into out: a NIP as printed, "19881111 201012 1 001". */
void cli_nip(const char *in, char *out, size_t size);

/* Equal server URLs but for trailing slashes. */
bool cli_same_server(const char *a, const char *b);

/* Free what cli_connect loaded. */
void cli_end(struct global *g);

/* The command's name as typed: "office add". */
const char *cli_name(const struct command *cmd, char *buf, size_t size);

/* berkas(1) in roff, from the command table (manpage.c; berkas --man). */
void cli_man_page(FILE *out);

#endif
