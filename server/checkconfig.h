/*
 * checkconfig.h - berkasd --check-config: check what a start needs (the
 * listen address, the data dir or --db, the migrations, the templates and
 * fonts, the password list) and print what was found, one line each.
 */
#ifndef BERKAS_CHECKCONFIG_H
#define BERKAS_CHECKCONFIG_H

#include <stdarg.h>
#include <stdbool.h>

struct check_opts {
    const char *listen;
    const char *data_dir; /* used when db_url is NULL */
    const char *db_url;
    const char *sql_dir;
    const char *template_dir;
    const char *font_dir; /* NULL: the build's or the installed default */
    const char *password_list;
    const char *public_url;         /* may be NULL */
    const char *tls_cert, *tls_key; /* both or neither */
    const char *db_replica;         /* may be NULL */
};

/* Print one line per check on stdout and a last line; 0 when everything
 * is usable, 1 otherwise. */
int check_config(const struct check_opts *o);

#endif
