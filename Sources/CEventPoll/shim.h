// What the server needs from the kernel that Swift's Glibc module does not
// export: epoll and eventfd for the event loops, sendfile and memfd for
// large cached bodies, the affinity mask (Linux); kqueue elsewhere.
#ifdef __linux__
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <unistd.h>

// An anonymous in-memory file for a cached response body, so it can be sent
// with sendfile(2) (pages referenced, not copied); -1 with errno on failure.
static inline int cep_memfd_create(const char *name) {
    return (int)syscall(SYS_memfd_create, name, 1u /* MFD_CLOEXEC */);
}

// CPUs in this process's affinity mask, or 0 if it cannot be read.
// (sched_getaffinity and CPU_COUNT need _GNU_SOURCE, which Swift's Glibc
// module is not built with; the raw system call needs nothing.)
static inline int cep_affinity_cpu_count(void) {
    unsigned long mask[16] = {0};  // 1,024 CPUs
    long bytes = syscall(SYS_sched_getaffinity, 0, sizeof(mask), mask);
    if (bytes <= 0) return 0;
    int count = 0;
    for (unsigned i = 0; i < sizeof(mask) / sizeof(mask[0]); i++) count += __builtin_popcountl(mask[i]);
    return count;
}
#else
#include <sys/types.h>
#include <sys/event.h>
#include <sys/time.h>
#endif
