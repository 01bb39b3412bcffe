#pragma once

// Asks glibc to back the heap with transparent huge pages, by starting the process again
// with GLIBC_TUNABLES=glibc.malloc.hugetlb=1 (glibc reads its tunables once, before main).
//
// Why: an import of 100k events builds ~320 MB of strings before it writes them, and every
// fresh 4 KB page of heap costs a page fault: ~100k faults, a fifth of the CPU time of
// `chiptimeline import` on a 149 MB file (docs/benchmarks.md, "Import and export"). With
// huge pages there are ~4k. The kernel gives huge pages only where asked (the Debian default,
// transparent_hugepage=madvise), so nothing changes elsewhere; where glibc or the kernel has
// no such thing, the setting is ignored.
//
// Call first thing in main. The restarted process puts the environment back as it was, so
// programs it starts (a browser for a source's address) do not inherit the setting. Nothing
// happens when CHIPTIMELINE_HUGE_PAGES=0, when GLIBC_TUNABLES already names
// glibc.malloc.hugetlb (the user chose), or when exec fails (the process runs as it is).

#include <cstdlib>
#include <cstring>
#include <string>

#include <unistd.h>

inline void restartWithHugePageHeap(char **argv) {
    static const char marker[] = "CHIPTIMELINE_HUGE_PAGES";
    static const char saved[] = "CHIPTIMELINE_SAVED_GLIBC_TUNABLES";
    if (const char *state = std::getenv(marker)) {
        if (std::strcmp(state, "restarted") == 0) {
            // This is the second start: glibc has read its tunables; undo the environment.
            if (const char *original = std::getenv(saved))
                setenv("GLIBC_TUNABLES", original, 1);
            else
                unsetenv("GLIBC_TUNABLES");
            unsetenv(saved);
            unsetenv(marker);
        }
        return; // "0": turned off by the user
    }
    const char *tunables = std::getenv("GLIBC_TUNABLES");
    if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb"))
        return;
    const std::string original = tunables ? tunables : "";
    const std::string value = original.empty() ? std::string("glibc.malloc.hugetlb=1")
                                               : original + ":glibc.malloc.hugetlb=1";
    if ((tunables && setenv(saved, original.c_str(), 1) != 0) ||
        setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0 || setenv(marker, "restarted", 1) != 0)
        return;
    execv("/proc/self/exe", argv);
    // Still here: exec failed. Run without, and leave the environment as it was.
    if (tunables)
        setenv("GLIBC_TUNABLES", original.c_str(), 1);
    else
        unsetenv("GLIBC_TUNABLES");
    unsetenv(saved);
    unsetenv(marker);
}
