// An LD_PRELOAD shim for tst_durablecommits: records, in the order they happen, the writes,
// syncs and renames of files whose path contains one of the colon-separated substrings in
// $CLINICDESK_SHIM_WATCH, and every socket write that starts an HTTP POST, one line each in
// $CLINICDESK_SHIM_LOG:
//   W <path>          write() / pwrite() to a watched file
//   S <path>          fsync() / fdatasync() of a watched file or directory
//   R <path>          rename() onto a watched path
//   P <request line>  a POST sent on a socket
// With that, a test proves that a commit was on disk (synced) before anything outside the
// process was told about it.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

static int log_fd = -1;

static void record(char kind, const char *text, size_t length)
{
    if (log_fd == -2)
        return;
    if (log_fd < 0) {
        const char *path = getenv("CLINICDESK_SHIM_LOG");
        log_fd = path ? (int)syscall(SYS_openat, AT_FDCWD, path,
                                     O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600)
                      : -2;
        if (log_fd < 0) {
            log_fd = -2;
            return;
        }
    }
    char line[PATH_MAX + 128];
    if (length > PATH_MAX)
        length = PATH_MAX;
    line[0] = kind;
    line[1] = ' ';
    memcpy(line + 2, text, length);
    line[2 + length] = '\n';
    syscall(SYS_write, log_fd, line, length + 3);
}

static int watched(const char *path)
{
    const char *watch = getenv("CLINICDESK_SHIM_WATCH");
    if (!watch || !*watch)
        return 0;
    char copy[4096];
    snprintf(copy, sizeof copy, "%s", watch);
    char *state = NULL;
    for (char *part = strtok_r(copy, ":", &state); part; part = strtok_r(NULL, ":", &state)) {
        if (*part && strstr(path, part))
            return 1;
    }
    return 0;
}

static void record_fd(char kind, int fd)
{
    char link[64];
    char path[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0)
        return;
    path[n] = '\0';
    if (watched(path))
        record(kind, path, (size_t)n);
}

static void record_post(const void *buffer, size_t length)
{
    if (length < 5 || memcmp(buffer, "POST ", 5) != 0)
        return;
    const char *text = buffer;
    size_t end = 0;
    while (end < length && end < 200 && text[end] != '\r' && text[end] != '\n')
        ++end;
    record('P', text, end);
}

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

ssize_t write(int fd, const void *buffer, size_t length)
{
    record_fd('W', fd);
    record_post(buffer, length);
    return REAL(write)(fd, buffer, length);
}

ssize_t pwrite(int fd, const void *buffer, size_t length, off_t offset)
{
    record_fd('W', fd);
    return REAL(pwrite)(fd, buffer, length, offset);
}

ssize_t pwrite64(int fd, const void *buffer, size_t length, off64_t offset)
{
    record_fd('W', fd);
    return REAL(pwrite64)(fd, buffer, length, offset);
}

ssize_t send(int fd, const void *buffer, size_t length, int flags)
{
    record_post(buffer, length);
    return REAL(send)(fd, buffer, length, flags);
}

ssize_t sendto(int fd, const void *buffer, size_t length, int flags,
               const struct sockaddr *address, socklen_t addressLength)
{
    record_post(buffer, length);
    return REAL(sendto)(fd, buffer, length, flags, address, addressLength);
}

ssize_t sendmsg(int fd, const struct msghdr *message, int flags)
{
    if (message && message->msg_iovlen > 0)
        record_post(message->msg_iov[0].iov_base, message->msg_iov[0].iov_len);
    return REAL(sendmsg)(fd, message, flags);
}

ssize_t writev(int fd, const struct iovec *vector, int count)
{
    record_fd('W', fd);
    if (count > 0)
        record_post(vector[0].iov_base, vector[0].iov_len);
    return REAL(writev)(fd, vector, count);
}

int fsync(int fd)
{
    const int result = REAL(fsync)(fd);
    record_fd('S', fd);
    return result;
}

int fdatasync(int fd)
{
    const int result = REAL(fdatasync)(fd);
    record_fd('S', fd);
    return result;
}

int rename(const char *from, const char *to)
{
    const int result = REAL(rename)(from, to);
    if (result == 0 && watched(to))
        record('R', to, strlen(to));
    return result;
}

int renameat(int fromDir, const char *from, int toDir, const char *to)
{
    const int result = REAL(renameat)(fromDir, from, toDir, to);
    if (result == 0 && watched(to))
        record('R', to, strlen(to));
    return result;
}

int renameat2(int fromDir, const char *from, int toDir, const char *to, unsigned int flags)
{
    const int result = REAL(renameat2)(fromDir, from, toDir, to, flags);
    if (result == 0 && watched(to))
        record('R', to, strlen(to));
    return result;
}
