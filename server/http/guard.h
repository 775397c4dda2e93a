/*
 * guard.h - how long a client may take to send its request (slowloris).
 *
 * libmicrohttpd's connection timeout is an idle timeout: a client sending a
 * byte every few seconds keeps a connection for ever.  The guard gives each
 * request a total budget instead: from the moment the connection opens (or
 * the previous answer went out, on a kept-alive connection) until the
 * request's headers and body are in.  A connection over budget is shut
 * down by a watchdog thread; libmicrohttpd then sees end-of-file and closes
 * it the usual way.  A connection whose bytes wait unread in its socket is
 * not cut: the client sent them, the server's workers were busy.  When the server is three quarters
 * full, the budget shrinks to the tight one, so that new clients keep finding room.
 *
 * Thread safety: libmicrohttpd calls guard_open/close/received/idle from its
 * threads; the watchdog runs in its own; one mutex covers the list.  A
 * socket is shut down only while its connection is on the list, and
 * libmicrohttpd reports a connection closed before it closes the socket, so
 * the watchdog never touches a descriptor that was reused.
 */
#ifndef BERKAS_HTTP_GUARD_H
#define BERKAS_HTTP_GUARD_H

struct guard;
struct guard_conn;

/* A guard with its watchdog running: budget_s for a request normally,
 * tight_s when more than 3/4 of conn_limit connections are open.  NULL
 * when out of memory or no thread could start. */
struct guard *guard_new(unsigned budget_s, unsigned tight_s, unsigned conn_limit);

/* Stop the watchdog and free (every connection must be closed).  NULL is fine. */
void guard_free(struct guard *g);

/* A connection opened on socket fd: its clock starts.  NULL when out of
 * memory (the connection is then not watched). */
struct guard_conn *guard_open(struct guard *g, int fd);

/* It closed (before its socket is closed).  NULL is fine. */
void guard_close(struct guard *g, struct guard_conn *c);

/* Its request is in: the clock stops while the request is handled. */
void guard_received(struct guard *g, struct guard_conn *c);

/* Its answer went out: the next request's clock starts. */
void guard_idle(struct guard *g, struct guard_conn *c);

/* Connections cut so far (for the log and the tests). */
unsigned long guard_cut_count(struct guard *g);

#endif
