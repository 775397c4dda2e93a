/*
 * prompt.h - what the CLI asks its user: a line from stdin, a password
 * from the terminal without echo.
 *
 * Passwords are read from /dev/tty, never from stdin, so that a script
 * piping data in cannot be mistaken for a person typing one; scripts use
 * BERKAS_PASSWORD instead.  The terminal's echo is restored on every path
 * out, including Ctrl-C.
 */
#ifndef BERKAS_CLI_PROMPT_H
#define BERKAS_CLI_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

enum prompt_result {
    PROMPT_OK,
    PROMPT_NO_TTY,   /* no controlling terminal to ask on */
    PROMPT_EMPTY,    /* end of input or an empty line */
    PROMPT_TOO_LONG, /* longer than the buffer */
    PROMPT_FAILED,   /* a read or terminal error */
};

/* Ask for one line on stdin (the prompt goes to stderr when stdin is a
 * terminal).  buf gets the line without its newline. */
enum prompt_result prompt_line(const char *prompt, char *buf, size_t size);

/* Ask for a password on /dev/tty with echo off.  buf gets it without the
 * newline; the caller wipes buf (api_wipe) when done. */
enum prompt_result prompt_password(const char *prompt, char *buf, size_t size);

#endif
