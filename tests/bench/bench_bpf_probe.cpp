// Figures of the eBPF probe (run as root; prints, never asserts):
//   1. cost per unselected syscall: a getppid loop natively vs with the probe attached and
//      nothing selected (the dispatchers' early return);
//   2. per-event cost: an open/close loop with openat+close selected, native vs probe, and the
//      events/s a consumer thread reads;
//   3. drops at the highest rate this machine makes: one open/close loop per CPU, every syscall
//      selected, one consumer; and 1 vs N producers into the shared ring (does the shared ring's
//      reservation lock limit throughput?).
// The loops run in forked children: the probe ignores the loading process's own syscalls.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

#include "bpf/probe.h"
#include "engine/events/syscall_map.h"

namespace {

using Clock = std::chrono::steady_clock;

enum class Loop { kGetppid, kOpenClose };

double thread_cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

// Runs `iters` iterations of the loop in `procs` children at once; returns the children's mean
// CPU ns per iteration.
double run_children(Loop loop, long iters, int procs) {
  std::vector<int> pipes;
  std::vector<pid_t> kids;
  for (int k = 0; k < procs; ++k) {
    int fds[2];
    if (pipe(fds) != 0) return -1;
    const pid_t c = fork();
    if (c == 0) {
      close(fds[0]);
      // CPU time, not wall time: on a loaded machine waiting for a CPU would swamp the figures;
      // the probe's programs run in the syscall, so they count as this thread's system time.
      const double t0 = thread_cpu_ns();
      for (long i = 0; i < iters; ++i) {
        if (loop == Loop::kGetppid) {
          (void)getppid();
        } else {
          const int fd = open("/etc/hostname", O_RDONLY | O_CLOEXEC);
          if (fd >= 0) close(fd);
        }
      }
      const double ns = (thread_cpu_ns() - t0) / iters;
      if (write(fds[1], &ns, sizeof(ns)) != sizeof(ns)) _exit(1);
      _exit(0);
    }
    close(fds[1]);
    pipes.push_back(fds[0]);
    kids.push_back(c);
  }
  double sum = 0;
  for (size_t k = 0; k < kids.size(); ++k) {
    double ns = 0;
    if (read(pipes[k], &ns, sizeof(ns)) != sizeof(ns)) ns = -1;
    close(pipes[k]);
    waitpid(kids[k], nullptr, 0);
    sum += ns;
  }
  return sum / procs;
}

// A consumer thread counting events until stopped.
class Consumer {
 public:
  explicit Consumer(saker::bpf::Probe* p) : p_(p), t_([this] {
    while (!stop_.load(std::memory_order_relaxed)) {
      n_ += p_->poll(10, [](const uint8_t*, size_t) {});
    }
    n_ += p_->poll(0, [](const uint8_t*, size_t) {});
  }) {}
  uint64_t stop() {
    stop_ = true;
    t_.join();
    return n_;
  }

 private:
  saker::bpf::Probe* p_;
  std::atomic<bool> stop_{false};
  uint64_t n_ = 0;
  std::thread t_;
};

uint32_t nr(const char* name) { return static_cast<uint32_t>(saker::events::native_syscall_nr(name)); }

}  // namespace

int main(int argc, char** argv) {
  const long iters = argc > 1 ? std::atol(argv[1]) : 1000000;
  const int ncpu = static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
  std::printf("bench_bpf_probe: %ld iterations per loop, %d CPUs\n", iters, ncpu);

  const double native_getppid = run_children(Loop::kGetppid, iters, 1);
  const double native_open = run_children(Loop::kOpenClose, iters / 4, 1);

  std::string why;
  auto probe = saker::bpf::Probe::open(&why);
  if (!probe) {
    std::fprintf(stderr, "probe not loaded: %s\n", why.c_str());
    return 1;
  }
  std::string err;
  // 1. Unselected syscalls.
  probe->set_syscalls({}, false, &err);
  const double probe_getppid = run_children(Loop::kGetppid, iters, 1);
  std::printf("unselected syscall (getppid): native %.1f ns, probe attached %.1f ns, cost %.1f ns/syscall\n",
              native_getppid, probe_getppid, probe_getppid - native_getppid);

  // 2. Per-event cost on open/close (openat enter+exit, close exit: 3 events per iteration).
  probe->set_syscalls({nr("openat"), nr("close")}, false, &err);
  auto before = probe->stats();
  Consumer c1(probe.get());
  const auto t0 = Clock::now();
  const double probe_open = run_children(Loop::kOpenClose, iters / 4, 1);
  const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  const uint64_t consumed = c1.stop();
  auto after = probe->stats();
  std::printf("open/close loop: native %.1f ns/iter, probe %.1f ns/iter, cost %.1f ns/event (3 events/iter)\n",
              native_open, probe_open, (probe_open - native_open) / 3);
  std::printf("open/close loop: %.0f events/s consumed, %llu events, drops full %llu, fault %llu\n",
              consumed / secs, static_cast<unsigned long long>(after.events - before.events),
              static_cast<unsigned long long>(after.drops_full - before.drops_full),
              static_cast<unsigned long long>(after.drops_fault - before.drops_fault));

  // 3. Highest rate: every syscall selected, 1 then N producers into the one shared ring.
  probe->set_syscalls({}, true, &err);
  for (int procs : {1, ncpu}) {
    before = probe->stats();
    Consumer c(probe.get());
    const auto s0 = Clock::now();
    const double ns = run_children(Loop::kOpenClose, iters / 4, procs);
    const double s = std::chrono::duration<double>(Clock::now() - s0).count();
    const uint64_t got = c.stop();
    after = probe->stats();
    const uint64_t produced = after.events - before.events;
    const uint64_t full = after.drops_full - before.drops_full;
    std::printf("all syscalls, %d producer(s): %.1f ns/iter each, %.0f events/s written, %.0f consumed/s, "
                "drops full %llu (%.3f%%)\n",
                procs, ns, produced / s, got / s, static_cast<unsigned long long>(full),
                produced + full ? 100.0 * full / (produced + full) : 0.0);
  }
  probe->set_syscalls({}, false, &err);
  return 0;
}
