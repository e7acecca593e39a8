#include "engine/app/commands/live_reload.h"

#include <signal.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "engine/app/commands/engine_setup.h"
#include "engine/app/logger.h"
#include "engine/core/pipeline.h"
#include "engine/output/outputs.h"

namespace saker::app {

namespace {

// Signal flags: the handlers only store; poll() acts between two events.
std::atomic<bool> g_hup{false};
std::atomic<bool> g_usr1{false};
extern "C" void on_hup(int) { g_hup.store(true, std::memory_order_relaxed); }
extern "C" void on_usr1(int) { g_usr1.store(true, std::memory_order_relaxed); }

// Editors save in several steps (truncate + write, or write a temporary and rename): reload once
// the files have been quiet for this long.
constexpr std::chrono::milliseconds kSettle{200};

std::string absolute_of(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(path, ec);
  return ec ? path : p.lexically_normal().string();
}

const std::vector<std::string>& rules_paths_of(const AppContext& ctx) {
  return ctx.cli.command == Command::kTrace ? ctx.cli.trace.rules_paths : ctx.cli.engine.rules_paths;
}

}  // namespace

Reloader::Reloader(const AppContext& ctx, core::Pipeline& pipeline, output::Outputs& outputs,
                   ChannelFactory channels)
    : current_(std::make_unique<AppContext>(ctx)),
      pipeline_(pipeline),
      outputs_(outputs),
      channels_(std::move(channels)) {}

Reloader::~Reloader() {
  if (inotify_fd_ >= 0) ::close(inotify_fd_);
}

void Reloader::start() {
  g_hup = g_usr1 = false;
  struct sigaction sa {};
  sigemptyset(&sa.sa_mask);
  sa.sa_handler = on_hup;
  ::sigaction(SIGHUP, &sa, nullptr);
  sa.sa_handler = on_usr1;
  ::sigaction(SIGUSR1, &sa, nullptr);
  watch_files();
}

void Reloader::watch_files() {
  if (inotify_fd_ >= 0) ::close(inotify_fd_);
  inotify_fd_ = -1;
  watched_files_.clear();
  watched_folders_.clear();
  const AppContext& ctx = *current_;
  if (!ctx.config().watch_config_files) return;

  std::vector<std::string> files;
  if (!ctx.load_options.path.empty()) files.push_back(ctx.loaded.main_file);
  files.insert(files.end(), ctx.loaded.included_files.begin(), ctx.loaded.included_files.end());
  files.insert(files.end(), ctx.rules.files.begin(), ctx.rules.files.end());
  for (const auto& f : files) watched_files_.push_back(absolute_of(f));
  for (const auto& d : ctx.rules.folders) watched_folders_.push_back(absolute_of(d));

  inotify_fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_fd_ < 0) {
    log_warning(std::string("watch_config_files: inotify: ") + std::strerror(errno));
    return;
  }
  // A file's directory is watched rather than the file: an editor that replaces the file by a
  // rename would leave a watch on the file itself pointing at the old inode.
  std::vector<std::string> dirs = watched_folders_;
  for (const auto& f : watched_files_) dirs.push_back(std::filesystem::path(f).parent_path().string());
  std::sort(dirs.begin(), dirs.end());
  dirs.erase(std::unique(dirs.begin(), dirs.end()), dirs.end());
  constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE;
  for (const auto& d : dirs) {
    if (::inotify_add_watch(inotify_fd_, d.c_str(), kMask) < 0)
      log_warning("watch_config_files: cannot watch " + d + ": " + std::strerror(errno));
  }
}

bool Reloader::read_changes() {
  if (inotify_fd_ < 0) return false;
  bool changed = false;
  alignas(struct inotify_event) char buf[4096];
  for (;;) {
    const ssize_t n = ::read(inotify_fd_, buf, sizeof buf);
    if (n <= 0) break;
    for (ssize_t off = 0; off < n;) {
      const auto* ev = reinterpret_cast<const struct inotify_event*>(buf + off);
      off += static_cast<ssize_t>(sizeof(struct inotify_event) + ev->len);
      if (ev->len == 0) continue;
      const std::string name(ev->name);
      for (const auto& f : watched_files_) {
        if (std::filesystem::path(f).filename() == name) changed = true;
      }
      // Any entry of a rules directory counts (a new file there is a new rules file).
      if (!watched_folders_.empty()) changed = true;
    }
  }
  return changed;
}

void Reloader::poll() {
  if (g_usr1.exchange(false, std::memory_order_relaxed)) outputs_.request_reopen();
  if (g_hup.exchange(false, std::memory_order_relaxed)) {
    change_pending_ = false;
    reload("SIGHUP received");
    return;
  }
  if (inotify_fd_ < 0) return;
  if (++calls_ % check_every_ != 0 && !change_pending_) return;
  const auto now = std::chrono::steady_clock::now();
  if (read_changes()) {
    change_pending_ = true;
    last_change_ = now;
  }
  if (change_pending_ && now - last_change_ >= kSettle) {
    change_pending_ = false;
    reload("A watched configuration or rules file changed");
  }
}

void Reloader::reload(const std::string& why) {
  log_info(why + ", reloading configuration and rules");
  auto next = std::make_unique<AppContext>(*current_);

  // The configuration, loaded again exactly as at startup (same file, -o and flag overrides).
  if (!next->load_options.path.empty() || !next->load_options.builtin_text.empty()) {
    config::LoadedConfig loaded;
    if (Status s = config::load_config(next->load_options, &loaded); !s.ok()) {
      log_error("Could not reload the configuration, keeping the previous configuration and rules: " +
                s.message());
      watch_files();
      return;
    }
    next->loaded = std::move(loaded);
  }
  const auto& cli_paths = rules_paths_of(*next);
  const bool from_cli = !cli_paths.empty();
  RulesFiles files;
  if (Status s = resolve_rules_files(from_cli ? cli_paths : next->config().rules_files, from_cli, &files); !s.ok()) {
    log_error("Could not reload rules, keeping the previous ones: " + s.message());
    watch_files();
    return;
  }
  next->rules = std::move(files);

  // The pipeline installs the new rules only if every file loads.
  if (Status s = load_rules(*next, pipeline_); !s.ok()) {
    log_error("Could not reload rules, keeping the previous ones: " + s.message());
    watch_files();
    return;
  }
  const output::OutputsConfig ocfg = outputs_config(*next);
  if (channels_) {
    std::vector<std::unique_ptr<output::Channel>> channels;
    if (Status s = channels_(ocfg, &channels); !s.ok()) {
      log_error("Could not rebuild the outputs, keeping the previous ones: " + s.message());
    } else {
      outputs_.reconfigure(ocfg, std::move(channels));
    }
  } else {
    outputs_.reconfigure(ocfg);
  }
  logger().configure(next->config());
  current_ = std::move(next);
  ++reloads_;
  log_info("Reloaded " + std::to_string(current_->rules.files.size()) + " rules file(s)");
  watch_files();
}

}  // namespace saker::app
