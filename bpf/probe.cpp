// Loader of the CO-RE probe: opens the embedded object (bpftool skeleton), sets its constants,
// loads it, files each filler program in the tail-call maps under its syscall's number, attaches
// the dispatchers and the scheduler programs, and reads the ring buffer.
#include "bpf/probe.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstdarg>
#include <cstring>
#include <ctime>
#include <mutex>
#include <string_view>
#include <vector>

#include "bpf/probe_checks.h"
#include "bpf/probe_shared.h"
#include "engine/events/syscall_map.h"
#include "probe.skel.h"

namespace saker::bpf {
namespace {

constexpr size_t kRingBytes = 16u * 1024u * 1024u;  // shared by all CPUs

// libbpf's log of the current load (the verifier's message on failure), tail kept.
std::mutex g_log_mu;
std::string* g_log = nullptr;
int log_to_string(enum libbpf_print_level level, const char* fmt, va_list ap) {
  if (level == LIBBPF_DEBUG || g_log == nullptr) return 0;
  va_list copy;
  va_copy(copy, ap);
  const int n = std::vsnprintf(nullptr, 0, fmt, copy);
  va_end(copy);
  if (n <= 0) return 0;
  const size_t at = g_log->size();
  g_log->resize(at + static_cast<size_t>(n) + 1);  // a verifier log comes as one message
  std::vsnprintf(g_log->data() + at, static_cast<size_t>(n) + 1, fmt, ap);
  g_log->resize(at + static_cast<size_t>(n));
  if (g_log->size() > (1u << 20)) g_log->erase(0, g_log->size() - (1u << 19));
  return 0;
}

std::string tail(const std::string& s, size_t n) {
  std::string t = s.size() > n ? s.substr(s.size() - n) : s;
  while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
  return t;
}

uint64_t clock_ns(clockid_t id) {
  timespec ts{};
  clock_gettime(id, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000ull + static_cast<uint64_t>(ts.tv_nsec);
}

void set_why(std::string* why, std::string msg) {
  if (why != nullptr) *why = std::move(msg);
}

}  // namespace

struct Probe::Impl {
  saker_probe* skel = nullptr;
  ring_buffer* rb = nullptr;
  bpf_link* links[4] = {};
  const std::function<void(const uint8_t*, size_t)>* fn = nullptr;  // during poll()
  size_t handled = 0;
  std::vector<saker_bpf_counters> per_cpu;  // stats() reads into it (sized once at open)

  ~Impl() {
    if (rb != nullptr) ring_buffer__free(rb);
    for (bpf_link* l : links) {
      if (l != nullptr) bpf_link__destroy(l);
    }
    if (skel != nullptr) saker_probe__destroy(skel);
  }

  static int on_event(void* ctx, void* data, size_t len) {
    auto* self = static_cast<Impl*>(ctx);
    (*self->fn)(static_cast<const uint8_t*>(data), len);
    ++self->handled;
    return 0;
  }

  // Files every e_<syscall> / x_<syscall> program under its native number; selected syscalls
  // without an exit filler of their own get the generic one.
  bool fill_tail_calls(std::string* why) {
    const int enter_map = bpf_map__fd(skel->maps.enter_fillers);
    const int exit_map = bpf_map__fd(skel->maps.exit_fillers);
    const int generic_fd = bpf_program__fd(skel->progs.x_generic);
    bool has_exit[SAKER_BPF_MAX_SYSCALLS] = {};
    bpf_program* prog;
    bpf_object__for_each_program(prog, skel->obj) {
      const std::string_view name = bpf_program__name(prog);
      if (name.size() < 3 || name[1] != '_' || (name[0] != 'e' && name[0] != 'x')) continue;
      if (name == "x_generic") continue;
      const std::string sc(name.substr(2));
      const int32_t nr = events::native_syscall_nr(sc);
      if (nr < 0 || nr >= static_cast<int32_t>(SAKER_BPF_MAX_SYSCALLS)) {
        set_why(why, "filler " + std::string(name) + " names no x86_64 syscall");
        return false;
      }
      const uint32_t key = static_cast<uint32_t>(nr);
      const int fd = bpf_program__fd(prog);
      if (bpf_map_update_elem(name[0] == 'e' ? enter_map : exit_map, &key, &fd, BPF_ANY) != 0) {
        set_why(why, "cannot register filler " + std::string(name) + ": " + std::strerror(errno));
        return false;
      }
      if (name[0] == 'x') has_exit[key] = true;
    }
    for (uint32_t nr = 0; nr < SAKER_BPF_MAX_SYSCALLS && nr < events::native_syscall_count(); ++nr) {
      if (has_exit[nr] || !events::syscall_needs_exit(nr)) continue;
      if (events::native_syscall_name(nr).empty()) continue;
      if (bpf_map_update_elem(exit_map, &nr, &generic_fd, BPF_ANY) != 0) {
        set_why(why, std::string("cannot register the generic filler: ") + std::strerror(errno));
        return false;
      }
    }
    return true;
  }
};

Probe::Probe(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Probe::~Probe() = default;

std::unique_ptr<Probe> Probe::open(std::string* why_not) {
  if (std::string m = missing_btf(); !m.empty()) {
    set_why(why_not, m);
    return nullptr;
  }
  if (std::string m = missing_capabilities(); !m.empty()) {
    set_why(why_not, m);
    return nullptr;
  }
  auto impl = std::make_unique<Impl>();
  std::string log;
  std::lock_guard<std::mutex> lock(g_log_mu);
  g_log = &log;
  libbpf_print_fn_t old_print = libbpf_set_print(log_to_string);
  struct Restore {
    libbpf_print_fn_t old;
    ~Restore() {
      libbpf_set_print(old);
      g_log = nullptr;
    }
  } restore{old_print};

  impl->skel = saker_probe__open();
  if (impl->skel == nullptr) {
    set_why(why_not, std::string("cannot open the probe object: ") + std::strerror(errno) +
                         (log.empty() ? "" : ": " + tail(log, 400)));
    return nullptr;
  }
  saker_probe* s = impl->skel;
  s->rodata->boot_to_epoch_ns = clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_BOOTTIME);
  s->rodata->ignored_tgid = static_cast<__u32>(getpid());
  const int ncpus = libbpf_num_possible_cpus();
  if (ncpus <= 0 || bpf_map__set_max_entries(s->maps.scratch, static_cast<__u32>(ncpus)) != 0 ||
      bpf_map__set_max_entries(s->maps.ring, kRingBytes) != 0) {
    set_why(why_not, "cannot size the probe's maps");
    return nullptr;
  }
  if (saker_probe__load(s) != 0) {
    const int err = errno;
    set_why(why_not, std::string("the kernel refused the probe (") + std::strerror(err) +
                         ")" + (err == EPERM ? memlock_hint() : std::string()) +
                         "; verifier/libbpf log tail: " + tail(log, 1500));
    return nullptr;
  }
  if (!impl->fill_tail_calls(why_not)) return nullptr;
  impl->per_cpu.resize(static_cast<size_t>(ncpus));

  bpf_program* attach[4] = {s->progs.sys_enter, s->progs.sys_exit, s->progs.sched_exec,
                            s->progs.sched_exit};
  for (int i = 0; i < 4; ++i) {
    impl->links[i] = bpf_program__attach(attach[i]);
    if (impl->links[i] == nullptr) {
      set_why(why_not, std::string("cannot attach ") + bpf_program__name(attach[i]) + ": " +
                           std::strerror(errno) + (log.empty() ? "" : ": " + tail(log, 400)));
      return nullptr;
    }
  }
  impl->rb = ring_buffer__new(bpf_map__fd(s->maps.ring), &Impl::on_event, impl.get(), nullptr);
  if (impl->rb == nullptr) {
    set_why(why_not, std::string("cannot map the ring buffer: ") + std::strerror(errno));
    return nullptr;
  }
  return std::unique_ptr<Probe>(new Probe(std::move(impl)));
}

bool Probe::set_syscalls(const std::vector<uint32_t>& native_nrs, bool all, std::string* err) {
  bool want[SAKER_BPF_MAX_SYSCALLS] = {};
  for (uint32_t nr : native_nrs) {
    if (nr >= SAKER_BPF_MAX_SYSCALLS) {
      set_why(err, "syscall number " + std::to_string(nr) + " is out of range");
      return false;
    }
    want[nr] = true;
  }
  const int fd = bpf_map__fd(impl_->skel->maps.selection);
  for (uint32_t nr = 0; nr < SAKER_BPF_MAX_SYSCALLS; ++nr) {
    saker_bpf_selection sel{};
    const bool known = nr < events::native_syscall_count() && !events::native_syscall_name(nr).empty();
    sel.selected = (want[nr] || (all && known)) ? 1 : 0;
    sel.ppm_sc = events::ppm_sc_of_native(nr);
    if (bpf_map_update_elem(fd, &nr, &sel, BPF_ANY) != 0) {
      set_why(err, std::string("cannot update the selection map: ") + std::strerror(errno));
      return false;
    }
  }
  return true;
}

size_t Probe::poll(int timeout_ms, const std::function<void(const uint8_t*, size_t)>& fn) {
  impl_->fn = &fn;
  impl_->handled = 0;
  ring_buffer__poll(impl_->rb, timeout_ms);
  ring_buffer__consume(impl_->rb);  // whatever arrived without a wake-up (adaptive notification)
  impl_->fn = nullptr;
  return impl_->handled;
}

ProbeStats Probe::stats() const {
  ProbeStats st;
  std::vector<saker_bpf_counters>& per = impl_->per_cpu;
  const uint32_t zero = 0;
  if (per.empty() ||
      bpf_map_lookup_elem(bpf_map__fd(impl_->skel->maps.stats), &zero, per.data()) != 0)
    return st;
  for (const saker_bpf_counters& c : per) {
    st.events += c.events;
    st.drops_full += c.drops_full;
    st.drops_fault += c.drops_fault;
  }
  st.n_cpus = per.size();
  return st;
}

}  // namespace saker::bpf
