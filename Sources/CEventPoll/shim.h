// The kernel's readiness API for the event loops: epoll and eventfd on
// Linux (Swift's Glibc module does not export them), kqueue elsewhere.
#ifdef __linux__
#include <sys/epoll.h>
#include <sys/eventfd.h>
#else
#include <sys/types.h>
#include <sys/event.h>
#include <sys/time.h>
#endif
