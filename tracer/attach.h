#pragma once
// Attaching to a running tree (-p PID): PTRACE_SEIZE every thread of /proc/PID/task, re-listing
// until no new thread appears (threads created meanwhile by an already-seized thread are
// auto-attached by PTRACE_O_TRACECLONE; those created by a not-yet-seized one show up in the
// next listing), then PTRACE_INTERRUPT each so it stops once and can be resumed our way; then the
// same for every child of every seized thread (/proc/PID/task/TID/children), recursively, with a
// final re-scan for children forked while we were attaching.
#include <sys/types.h>

#include <utility>
#include <vector>

#include "engine/common/status.h"

namespace saker::tracer {

struct SeizedThread {
  pid_t tid;
  pid_t tgid;
};

// Fails only if the root process itself cannot be seized.
Status seize_tree(pid_t root, long ptrace_options, std::vector<SeizedThread>* out);

// Tgid of a thread from /proc/TID/status, or 0.
pid_t read_tgid(pid_t tid);

}  // namespace saker::tracer
