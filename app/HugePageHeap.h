#pragma once

// Asks glibc to back the heap with transparent huge pages, by starting the process again
// with GLIBC_TUNABLES=glibc.malloc.hugetlb=1 (glibc reads its tunables once, before main).
//
// Why: an import of 100k events builds ~320 MB of strings before it writes them, and every
// fresh 4 KB page of heap costs a page fault: ~100k faults, a fifth of the CPU time of
// `chiptimeline import` on a 149 MB file (docs/benchmarks.md, "Import and export"). With
// huge pages there are ~3k. The kernel gives huge pages only where asked (the Debian default,
// transparent_hugepage=madvise), so nothing changes elsewhere; where glibc or the kernel has
// no such thing, the setting is ignored.
//
// Call first thing in main. It returns when the process is already set up, when
// CHIPTIMELINE_HUGE_PAGES=0, or when exec fails (the process then runs as it is).

#include <cstdlib>
#include <cstring>
#include <string>

#include <unistd.h>

inline void restartWithHugePageHeap(char **argv) {
    static const char marker[] = "CHIPTIMELINE_HUGE_PAGES";
    if (std::getenv(marker)) // set by the first start (or by the user: "0" turns it off)
        return;
    const char *tunables = std::getenv("GLIBC_TUNABLES");
    if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb"))
        return; // the user chose
    const std::string value = tunables && *tunables
                                  ? std::string(tunables) + ":glibc.malloc.hugetlb=1"
                                  : std::string("glibc.malloc.hugetlb=1");
    if (setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0 || setenv(marker, "1", 1) != 0)
        return;
    execv("/proc/self/exe", argv);
    // Still here: exec failed. Run without, and leave the environment as it was.
    if (tunables)
        setenv("GLIBC_TUNABLES", tunables, 1);
    else
        unsetenv("GLIBC_TUNABLES");
}
