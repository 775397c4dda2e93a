/* secret.c - see secret.h. */
#include "secret.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* One line from fd, without its end; false when nothing could be read. */
static bool read_line(int fd, char *buf, size_t size)
{
    size_t n = 0;
    for (;;) {
        char c;
        ssize_t r = read(fd, &c, 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return false;
        if (r == 0 || c == '\n')
            break;
        if (n + 1 < size)
            buf[n++] = c;
    }
    buf[n] = '\0';
    if (n > 0 && buf[n - 1] == '\r')
        buf[--n] = '\0';
    return true;
}

static bool ask(int fd, const char *prompt, char *buf, size_t size)
{
    struct termios saved, quiet;
    if (tcgetattr(fd, &saved) != 0)
        return false;
    quiet = saved;
    quiet.c_lflag &= (tcflag_t) ~(ECHO | ECHONL);
    quiet.c_lflag |= ICANON;
    bool ok = write(fd, prompt, strlen(prompt)) >= 0 && tcsetattr(fd, TCSAFLUSH, &quiet) == 0 &&
              read_line(fd, buf, size);
    tcsetattr(fd, TCSAFLUSH, &saved);
    if (write(fd, "\n", 1) < 0)
        ok = false;
    return ok;
}

bool secret_read(const char *file, const char *env_name, const char *prompt, char *buf, size_t size,
                 char *why, size_t whysz)
{
    buf[0] = '\0';
    if (file) {
        int fd = open(file, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            snprintf(why, whysz, "%s: %s", file, strerror(errno));
            return false;
        }
        bool ok = read_line(fd, buf, size);
        close(fd);
        if (!ok || !buf[0]) {
            snprintf(why, whysz, "%s: no password on its first line", file);
            return false;
        }
        return true;
    }
    const char *env = getenv(env_name);
    if (env && *env) {
        snprintf(buf, size, "%s", env);
        return true;
    }
    int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(why, whysz,
                 "no terminal to ask the password on: give --admin-password-file "
                 "FILE or set %s",
                 env_name);
        return false;
    }
    char again[1025];
    bool ok = ask(fd, prompt, buf, size) && ask(fd, "Again: ", again, sizeof again);
    close(fd);
    if (!ok)
        snprintf(why, whysz, "could not read the password from the terminal");
    else if (strcmp(buf, again) != 0)
        ok = false, snprintf(why, whysz, "the two passwords differ");
    else if (!buf[0])
        ok = false, snprintf(why, whysz, "no password typed");
    sodium_memzero(again, sizeof again);
    if (!ok)
        sodium_memzero(buf, size);
    return ok;
}
