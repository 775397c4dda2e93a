/* prompt.c - see prompt.h. */
#include "prompt.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "api.h"

enum prompt_result prompt_line(const char *prompt, char *buf, size_t size)
{
    if (isatty(STDIN_FILENO)) {
        fputs(prompt, stderr);
        fflush(stderr);
    }
    if (!fgets(buf, (int)size, stdin))
        return ferror(stdin) ? PROMPT_FAILED : PROMPT_EMPTY;
    size_t n = strcspn(buf, "\n");
    if (buf[n] != '\n' && !feof(stdin))
        return PROMPT_TOO_LONG;
    buf[n] = '\0';
    if (n > 0 && buf[n - 1] == '\r')
        buf[--n] = '\0';
    return n == 0 ? PROMPT_EMPTY : PROMPT_OK;
}

/* Signals that end the program while echo is off: caught, so that the
 * terminal gets its echo back, then raised again. */
static const int fatal_signals[] = {SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU};
#define NSIGNALS (sizeof fatal_signals / sizeof fatal_signals[0])
static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
    caught = sig;
}

/* Read up to '\n' from fd into buf, one byte at a time (the terminal is
 * in canonical mode: nothing arrives before Enter anyway). */
static enum prompt_result read_secret(int fd, char *buf, size_t size)
{
    size_t n = 0;
    bool too_long = false;
    for (;;) {
        char c;
        ssize_t r = read(fd, &c, 1);
        if (r < 0 && errno == EINTR && !caught)
            continue;
        if (r < 0)
            return PROMPT_FAILED;
        if (r == 0 || c == '\n')
            break;
        if (n + 1 < size)
            buf[n++] = c;
        else
            too_long = true;
    }
    buf[n] = '\0';
    if (n > 0 && buf[n - 1] == '\r')
        buf[--n] = '\0';
    if (too_long)
        return PROMPT_TOO_LONG;
    return n == 0 ? PROMPT_EMPTY : PROMPT_OK;
}

enum prompt_result prompt_password(const char *prompt, char *buf, size_t size)
{
    buf[0] = '\0';
    int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return PROMPT_NO_TTY;
    struct termios saved, quiet;
    if (tcgetattr(fd, &saved) != 0) {
        close(fd);
        return PROMPT_NO_TTY;
    }
    struct sigaction act, old[NSIGNALS];
    memset(&act, 0, sizeof act);
    act.sa_handler = on_signal; /* no SA_RESTART: read() returns EINTR */
    sigemptyset(&act.sa_mask);
    caught = 0;
    for (size_t i = 0; i < NSIGNALS; i++)
        sigaction(fatal_signals[i], &act, &old[i]);

    quiet = saved;
    quiet.c_lflag &= (tcflag_t) ~(ECHO | ECHOE | ECHOK | ECHONL);
    quiet.c_lflag |= ICANON;
    enum prompt_result rc = PROMPT_FAILED;
    if (write(fd, prompt, strlen(prompt)) >= 0 && tcsetattr(fd, TCSAFLUSH, &quiet) == 0) {
        rc = read_secret(fd, buf, size);
        tcsetattr(fd, TCSAFLUSH, &saved);
        ssize_t w = write(fd, "\n", 1); /* the Enter that was not echoed */
        (void)w;
    }
    close(fd);
    for (size_t i = 0; i < NSIGNALS; i++)
        sigaction(fatal_signals[i], &old[i], NULL);
    if (rc != PROMPT_OK)
        api_wipe(buf, size);
    if (caught)
        raise(caught); /* echo is back; now act on it as if never caught */
    return rc;
}
