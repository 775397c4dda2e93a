/*
 * session.h - the saved log-on: $XDG_CONFIG_HOME/berkas/session.json
 * (default ~/.config/berkas/session.json).
 *
 * The file holds the server, the bearer token and who it belongs to, never
 * a password.  Its directory is 0700 and the file 0600, written whole or not
 * at all (a temp file in the same directory, fsync, rename), so a crash
 * never leaves half a token and no other user ever reads one.
 */
#ifndef BERKAS_CLI_SESSION_H
#define BERKAS_CLI_SESSION_H

#include <stdbool.h>
#include <stddef.h>

struct session {
    char *server; /* the berkasd that issued the token */
    char *token;
    char *nip;
    char *name;
    char *role;
};

enum session_status {
    SESSION_OK,   /* loaded */
    SESSION_NONE, /* no file: not logged in */
    SESSION_BAD,  /* unreadable or damaged; err says why */
};

/* The file's path into buf.  False (with a reason in err) when neither
 * XDG_CONFIG_HOME nor HOME says where it lives. */
bool session_path(char *buf, size_t size, char *err, size_t errsz);

/* Load the saved session into *s (zeroed first; free with session_free). */
enum session_status session_load(struct session *s, char *err, size_t errsz);

/* Write *s atomically with mode 0600, creating the directory (0700). */
bool session_save(const struct session *s, char *err, size_t errsz);

/* Remove the file.  *existed says whether there was one.  False with a
 * reason when it exists and cannot be removed. */
bool session_remove(bool *existed, char *err, size_t errsz);

/* Wipe the token and free every field. */
void session_free(struct session *s);

#endif
