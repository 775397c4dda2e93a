/*
 * secret.h - the first admin's password for berkasd --init-admin: from a
 * file (its first line), from an environment variable, or typed twice on
 * the terminal without echo.  Never from the command line, where ps shows
 * it to every user of the machine.
 */
#ifndef BERKAS_SECRET_H
#define BERKAS_SECRET_H

#include <stdbool.h>
#include <stddef.h>

/* Into buf (size bytes): the first line of file when file is not NULL; else
 * $env_name when set and not empty; else asked twice on /dev/tty.  false
 * with a one-line reason in why (no terminal, the two differ, the file
 * unreadable or empty). */
bool secret_read(const char *file, const char *env_name, const char *prompt, char *buf, size_t size,
                 char *why, size_t whysz);

#endif
