#pragma once
// Reads live processes from /proc into the same plain structs a trace file's state blocks parse
// into (scap::ProcessInfo, scap::FdList), so State seeds both the same way:
//
//   ProcScan scan;                       // or ProcScan scan("/some/proc")
//   scan.scan_all(state);                // every thread of every process
//   scan.scan_tree(state, pid);          // attach: pid, its threads and its descendants
//
// Socket fds are named from /proc/net/{tcp,tcp6,udp,udp6,unix} by inode.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/common/status.h"
#include "engine/events/scap_blocks.h"
#include "engine/state/state.h"

namespace saker::state {

class ProcScan {
 public:
  explicit ProcScan(std::string proc_root = "/proc") : root_(std::move(proc_root)) {}

  // Reads one thread (tid of process pid). False when it vanished meanwhile.
  bool read_thread(int64_t pid, int64_t tid, scap::ProcessInfo& out) const;
  // Reads the fds of process pid.
  void read_fds(int64_t pid, scap::FdList& out);

  // What a scan read, kept for a capture file's state blocks (`-w` of a driver source).
  struct Snapshot {
    scap::ProcessList processes;
    std::vector<scap::FdList> fds;
  };

  Status scan_all(State& state, Snapshot* snapshot = nullptr);
  Status scan_tree(State& state, int64_t pid);

 private:
  void load_sockets();
  void seed_pid(State& state, int64_t pid, Snapshot* snapshot = nullptr);

  std::string root_;
  bool sockets_loaded_ = false;
  std::unordered_map<uint64_t, scap::FdInfo> sockets_;  // by inode
};

}  // namespace saker::state
