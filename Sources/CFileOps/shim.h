/* Header-only shims for Linux file operations that `import Glibc` does not expose. */
#ifndef BELLWETHER_CFILEOPS_H
#define BELLWETHER_CFILEOPS_H
#define _GNU_SOURCE 1
#include <fcntl.h>
#include <stdio.h>
#include <errno.h>
#include <sys/file.h>

#ifdef __linux__
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif
/* Atomically exchanges two paths (both must exist). Returns 0, or -1 with errno set. */
static inline int bw_rename_exchange(const char *a, const char *b) {
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}
#else
static inline int bw_rename_exchange(const char *a, const char *b) {
    (void)a; (void)b; errno = ENOSYS; return -1;
}
#endif

#endif
