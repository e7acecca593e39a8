#pragma once
// Hot reload for the long-running modes (replay `-e`, userspace `-u`), as Falco does it:
//   - SIGHUP reloads the configuration and the rules;
//   - with `watch_config_files: true`, so does a change to the configuration file (and its
//     included files) or to a rules file or rules directory (inotify);
//   - SIGUSR1 reopens the outputs (log rotation).
// Nothing restarts: the event source keeps running, queued alerts are delivered (the outputs
// switch channels between two alerts). When the new configuration or rules do not load, the old
// ones keep running and the reason (file:line:column) is logged.
//
//   Reloader reloader(ctx, pipeline, *outputs);
//   reloader.start();              // signal handlers, inotify watches
//   while (...) { ...one event or one batch...; reloader.poll(); }
//
// What a reload does not change: the event source (a tracer keeps the syscall set it was given
// when it connected), the hostname and the rule output decorations (-p, append_output).
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/app/app_context.h"
#include "engine/common/status.h"
#include "engine/output/channel.h"
#include "engine/output/output_config.h"

namespace saker::core {
class Pipeline;
}
namespace saker::output {
class Outputs;
}

namespace saker::app {

class Reloader {
 public:
  // Builds the channels for a reloaded configuration; empty: Outputs' own (make_channels).
  using ChannelFactory =
      std::function<Status(const output::OutputsConfig&, std::vector<std::unique_ptr<output::Channel>>*)>;

  Reloader(const AppContext& ctx, core::Pipeline& pipeline, output::Outputs& outputs,
           ChannelFactory channels = {});
  ~Reloader();
  Reloader(const Reloader&) = delete;
  Reloader& operator=(const Reloader&) = delete;

  // Installs the SIGHUP and SIGUSR1 handlers (no SA_RESTART, so a blocking wait returns) and,
  // with watch_config_files, watches the configuration and rules files.
  void start();
  // Acts on what happened since the last call. Cheap enough to call after every event: two
  // atomic loads, and a non-blocking read of the inotify descriptor every `check_every` calls
  // (1024 by default; 1 for a loop that calls it once per batch or timeout).
  void poll();
  void set_check_every(uint32_t n) { check_every_ = n == 0 ? 1 : n; }

  // The context now in force (the last configuration and rules that loaded).
  const AppContext& context() const { return *current_; }
  uint64_t reloads() const { return reloads_; }

 private:
  void reload(const std::string& why);
  void watch_files();
  bool read_changes();  // true if a watched file changed

  std::unique_ptr<AppContext> current_;
  core::Pipeline& pipeline_;
  output::Outputs& outputs_;
  ChannelFactory channels_;
  int inotify_fd_ = -1;
  std::vector<std::string> watched_files_;    // config and rules files
  std::vector<std::string> watched_folders_;  // rules directories (any change counts)
  uint32_t calls_ = 0;
  uint32_t check_every_ = 1024;
  bool change_pending_ = false;
  std::chrono::steady_clock::time_point last_change_{};
  uint64_t reloads_ = 0;
};

}  // namespace saker::app
