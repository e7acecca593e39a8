#include "engine/output/outputs.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "engine/output/fd_channels.h"
#include "engine/output/network_channels.h"
#include "engine/output/syslog_channel.h"

namespace saker::output {

namespace {

constexpr std::size_t kMaxBatch = 256;
constexpr int kIdlePolls = 100;  // 1 ms polls before a deep sleep
// How long a channel that just dropped an alert gets a single attempt per alert (Slot).
constexpr std::chrono::seconds kNoRetriesAfterDrop{1};

std::int64_t mono_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::uint64_t wall_ns() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

}  // namespace

std::string resolve_hostname(const OutputsConfig& cfg) {
  if (!cfg.hostname.empty()) return cfg.hostname;
  if (const char* env = std::getenv("FALCO_HOSTNAME"); env != nullptr && *env != '\0') return env;
  char buf[256] = {};
  if (::gethostname(buf, sizeof(buf) - 1) == 0) return buf;
  return "";
}

FormatOptions format_options(const OutputsConfig& cfg) {
  FormatOptions o;
  o.json_output = cfg.json_output;
  o.time_format_iso_8601 = cfg.time_format_iso_8601;
  o.include_output = cfg.json_include_output_property;
  o.include_tags = cfg.json_include_tags_property;
  o.include_message = cfg.json_include_message_property;
  o.include_output_fields = cfg.json_include_output_fields_property;
  o.hostname = resolve_hostname(cfg);
  return o;
}

Status make_channels(const OutputsConfig& cfg, std::vector<std::unique_ptr<Channel>>* out) {
  const std::chrono::milliseconds timeout(cfg.output_timeout_ms);
  std::string errors;
  auto fail = [&](std::string m) {
    if (!errors.empty()) errors += "; ";
    errors += m;
  };
  if (cfg.stdout_output.enabled) out->push_back(std::make_unique<StdoutChannel>(1));
  if (cfg.file_output.enabled) {
    if (cfg.file_output.filename.empty()) {
      fail("file_output: filename is empty");
    } else {
      out->push_back(std::make_unique<FileChannel>(cfg.file_output));
    }
  }
  if (cfg.syslog_output.enabled) out->push_back(std::make_unique<SyslogChannel>(cfg.syslog_output, timeout));
  if (cfg.program_output.enabled) {
    if (cfg.program_output.program.empty()) {
      fail("program_output: program is empty");
    } else {
      out->push_back(std::make_unique<ProgramChannel>(cfg.program_output, timeout));
    }
  }
  // http_output and grpc_output: saker_output_net's factory when installed (network_channels.h).
  if (Status st = make_network_channels(cfg, out); !st.ok()) fail(st.message());
  return errors.empty() ? Status::Ok() : Status::Error(errors);
}

std::unique_ptr<Outputs> Outputs::create(const OutputsConfig& cfg, std::string* error) {
  std::vector<std::unique_ptr<Channel>> channels;
  Status st = make_channels(cfg, &channels);
  if (!st.ok()) {
    if (error != nullptr) *error = st.message();
    return nullptr;
  }
  return std::make_unique<Outputs>(cfg, std::move(channels));
}

Outputs::Outputs(const OutputsConfig& cfg, std::vector<std::unique_ptr<Channel>> channels) {
  Reconfig r{cfg, false, std::move(channels)};
  apply(r);
  worker_ = std::thread([this] { worker(); });
  watchdog_ = std::thread([this] { watchdog(); });
}

Outputs::~Outputs() {
  stop_requested_.store(true);
  queue_.wake();
  if (worker_.joinable()) worker_.join();
  {
    std::lock_guard lock(wd_mu_);
    wd_stop_ = true;
  }
  wd_cv_.notify_all();
  if (watchdog_.joinable()) watchdog_.join();
  slots_.clear();  // channels close (files flushed, programs get EOF, gRPC server stops)
}

void Outputs::set_internal_handler(InternalHandler h) {
  std::lock_guard lock(handler_mu_);
  handler_ = std::move(h);
}

void Outputs::report(Priority p, std::string message) {
  std::lock_guard lock(handler_mu_);
  if (handler_) {
    handler_(p, message);
  } else {
    std::fprintf(stderr, "%s\n", message.c_str());
  }
}

Outputs::ChannelCounters* Outputs::counters_for(std::string_view name) {
  std::lock_guard lock(stats_mu_);
  auto it = counters_.find(name);
  if (it == counters_.end()) {
    it = counters_.emplace(std::string(name), std::make_unique<ChannelCounters>()).first;
    order_.emplace_back(name);
  }
  return it->second.get();
}

PushResult Outputs::push(Alert alert) {
  pushed_.fetch_add(1, std::memory_order_relaxed);
  if (rate_limited_.load(std::memory_order_relaxed)) {
    std::lock_guard lock(limiter_mu_);
    if (!limiter_.claim()) {
      throttled_.fetch_add(1, std::memory_order_relaxed);
      return PushResult::Throttled;
    }
  }
  if (!queue_.push(std::move(alert))) {
    queue_dropped_.fetch_add(1, std::memory_order_relaxed);
    return PushResult::QueueFull;
  }
  queued_.fetch_add(1, std::memory_order_relaxed);
  return PushResult::Queued;
}

void Outputs::reconfigure(const OutputsConfig& cfg) {
  {
    std::lock_guard lock(ctl_mu_);
    reconfig_.emplace(Reconfig{cfg, true, {}});
    reconfig_pending_.store(true);
  }
  queue_.wake();
}

void Outputs::reconfigure(const OutputsConfig& cfg, std::vector<std::unique_ptr<Channel>> channels) {
  {
    std::lock_guard lock(ctl_mu_);
    reconfig_.emplace(Reconfig{cfg, false, std::move(channels)});
    reconfig_pending_.store(true);
  }
  queue_.wake();
}

bool Outputs::drain(std::chrono::milliseconds max) {
  const std::uint64_t target = queued_.load();
  queue_.wake();
  std::unique_lock lock(ctl_mu_);
  return ctl_cv_.wait_for(lock, max, [&] { return flushed_upto_.load() >= target && !reconfig_pending_.load(); });
}

void Outputs::apply(Reconfig& r) {
  flush_all();
  slots_.clear();  // old channels close before new ones bind the same addresses
  cfg_ = r.cfg;
  auto opts = format_options(cfg_);
  hostname_ = opts.hostname;
  formatter_ = std::make_unique<AlertFormatter>(std::move(opts));
  timeout_ms_.store(std::max<std::uint32_t>(1, cfg_.output_timeout_ms));
  queue_.set_capacity(cfg_.queue_capacity);
  {
    std::lock_guard lock(limiter_mu_);
    limiter_ = TokenBucket(cfg_.rate, cfg_.max_burst);
  }
  rate_limited_.store(cfg_.rate > 0);
  std::vector<std::unique_ptr<Channel>> channels = std::move(r.channels);
  if (r.build) {
    Status st = make_channels(cfg_, &channels);
    if (!st.ok()) report(Priority::Error, "Falco internal: output reconfiguration: " + st.message());
  }
  install(std::move(channels));
}

void Outputs::install(std::vector<std::unique_ptr<Channel>> channels) {
  for (auto& ch : channels) {
    ChannelCounters* c = counters_for(ch->name());
    slots_.push_back(Slot{std::move(ch), c});
  }
}

bool Outputs::run_op(Slot& s, const std::function<Status()>& op, bool count_alert) {
  const bool degraded = std::chrono::steady_clock::now() < s.no_retries_until;
  const std::uint32_t attempts = degraded ? 1 : 1 + cfg_.max_retries;
  for (std::uint32_t attempt = 0; attempt < attempts; ++attempt) {
    if (attempt > 0) {
      s.counters->retries.fetch_add(1, std::memory_order_relaxed);
      std::this_thread::sleep_for(std::chrono::milliseconds(cfg_.retry_backoff_ms) * attempt);
    }
    {
      std::lock_guard lock(op_name_mu_);
      op_name_.assign(s.channel->name());
    }
    op_counters_.store(s.counters);
    const std::uint64_t seq = op_seq_.fetch_add(1) + 1;
    const std::int64_t start = mono_ns();
    op_start_ns_.store(start);
    Status st = op();
    op_start_ns_.store(0);
    const std::int64_t took_ms = (mono_ns() - start) / 1000000;
    if (took_ms > timeout_ms_.load() && op_reported_seq_.exchange(seq) != seq) {
      s.counters->blocked.fetch_add(1, std::memory_order_relaxed);
      report(Priority::Error, "Falco internal: output channel " + std::string(s.channel->name()) +
                                  " blocked for " + std::to_string(took_ms) + " ms");
    }
    if (st.ok()) {
      s.no_retries_until = {};
      return true;
    }
    s.counters->errors.fetch_add(1, std::memory_order_relaxed);
    {
      std::lock_guard lock(s.counters->mu);
      s.counters->last_error = st.message();
    }
    if (!s.channel->retryable()) break;
  }
  s.no_retries_until = std::chrono::steady_clock::now() + kNoRetriesAfterDrop;
  if (count_alert) {
    s.counters->dropped.fetch_add(1, std::memory_order_relaxed);
    report_drops(s, 1);
  }
  return false;
}

void Outputs::report_drops(Slot& s, std::uint64_t n) {
  ChannelCounters& c = *s.counters;
  c.unreported_drops += n;
  const auto now = std::chrono::steady_clock::now();
  if (c.unreported_drops == 0 || now - c.last_drop_report < std::chrono::seconds(1)) return;
  std::string err;
  {
    std::lock_guard lock(c.mu);
    err = c.last_error;
  }
  report(Priority::Error, "Falco internal: output channel " + std::string(s.channel->name()) + " dropped " +
                              std::to_string(c.unreported_drops) + " alert(s): " + err);
  c.unreported_drops = 0;
  c.last_drop_report = now;
}

void Outputs::deliver(const Alert& a) {
  text_.clear();
  formatter_->text_line(a, text_);
  bool need_json = cfg_.json_output;
  for (const Slot& s : slots_) need_json = need_json || s.channel->wants_json();
  json_.clear();
  if (need_json) formatter_->json(a, json_);
  RenderedAlert ra{&a, cfg_.json_output ? std::string_view(json_) : std::string_view(text_), text_, json_};
  for (Slot& s : slots_) {
    if (!run_op(s, [&] { return s.channel->write(ra); }, true)) continue;
    s.counters->delivered.fetch_add(1, std::memory_order_relaxed);
    if (!cfg_.buffered_outputs && s.channel->pending() != 0) {
      if (!run_op(s, [&] { return s.channel->flush(); }, false)) {
        const std::size_t lost = s.channel->discard();
        s.counters->delivered.fetch_sub(lost, std::memory_order_relaxed);
        s.counters->dropped.fetch_add(lost, std::memory_order_relaxed);
        report_drops(s, lost);
      }
    }
  }
}

void Outputs::flush_all() {
  for (Slot& s : slots_) {
    if (s.channel->pending() == 0) continue;
    if (!run_op(s, [&] { return s.channel->flush(); }, false)) {
      const std::size_t lost = s.channel->discard();
      s.counters->delivered.fetch_sub(lost, std::memory_order_relaxed);
      s.counters->dropped.fetch_add(lost, std::memory_order_relaxed);
      report_drops(s, lost);
    }
  }
}

void Outputs::announce_drops() {
  const std::uint64_t dropped = queue_dropped_.load(std::memory_order_relaxed);
  if (dropped == announced_drops_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_announce_ < std::chrono::seconds(1)) return;
  const std::uint64_t n = dropped - announced_drops_;
  announced_drops_ = dropped;
  last_announce_ = now;
  Alert a;
  a.time_ns = wall_ns();
  a.priority = Priority::Critical;
  a.rule = "Falco internal: alerts dropped";
  a.source = "internal";
  a.hostname = hostname_;
  a.message = "Falco internal: outputs queue full (capacity " + std::to_string(queue_.capacity()) + "), " +
              std::to_string(n) + " alerts dropped (" + std::to_string(dropped) + " in all)";
  a.fields.push_back(OutputField{"n_drops", FieldValue(n), std::to_string(n)});
  report(Priority::Critical, a.message);
  deliver(a);
}

void Outputs::worker() {
  std::optional<std::chrono::steady_clock::time_point> give_up_at;
  bool gave_up_reported = false;
  int idle_polls = 0;
  Alert a;
  for (;;) {
    if (reconfig_pending_.load()) {
      std::optional<Reconfig> r;
      {
        std::lock_guard lock(ctl_mu_);
        r = std::move(reconfig_);
        reconfig_.reset();
      }
      if (r) apply(*r);
      {
        std::lock_guard lock(ctl_mu_);
        if (!reconfig_) reconfig_pending_.store(false);
      }
    }
    if (reopen_requested_.exchange(false)) {
      for (Slot& s : slots_) s.channel->reopen();
    }
    const bool stopping = stop_requested_.load();
    if (stopping && !give_up_at) {
      give_up_at = std::chrono::steady_clock::now() + 3 * std::chrono::milliseconds(timeout_ms_.load()) +
                   std::chrono::seconds(1);
    }
    std::size_t n = 0;
    while (n < kMaxBatch && queue_.pop(a)) {
      ++n;
      if (give_up_at && std::chrono::steady_clock::now() > *give_up_at) {
        // Shutting down and out of time: still no silent loss.
        for (Slot& s : slots_) s.counters->dropped.fetch_add(1, std::memory_order_relaxed);
        if (!gave_up_reported) {
          gave_up_reported = true;
          report(Priority::Error, "Falco internal: shutdown timeout, remaining alerts dropped");
        }
      } else {
        if (a.hostname.empty()) a.hostname = hostname_;
        deliver(a);
      }
      processed_.fetch_add(1, std::memory_order_relaxed);
      if (!give_up_at && stop_requested_.load(std::memory_order_relaxed)) break;
    }
    if (n != 0) {
      idle_polls = 0;
      // A batch is out: buffered channels write it in one go; then look at the flags again.
      if (cfg_.buffered_outputs) flush_all();
      announce_drops();
      continue;
    }
    // Idle: flush what buffered channels hold, tell drain() how far we are, sleep.
    flush_all();
    announce_drops();
    {
      std::lock_guard lock(ctl_mu_);
      flushed_upto_.store(processed_.load());
    }
    ctl_cv_.notify_all();
    if (stopping && queue_.size() == 0) {
      for (Slot& s : slots_) {  // what the one-a-second limit held back
        s.counters->last_drop_report = {};
        report_drops(s, 0);
      }
      break;
    }
    if (!stopping && !reconfig_pending_.load() && !reopen_requested_.load()) {
      // Poll every millisecond for a while after the last alert (producers pay nothing), then
      // sleep until a push wakes us (the first alert after a quiet spell pays one wake-up).
      if (idle_polls < kIdlePolls) {
        ++idle_polls;
        queue_.wait(std::chrono::milliseconds(1), false);
      } else {
        queue_.wait(std::chrono::milliseconds(100), true);
      }
    }
  }
}

void Outputs::watchdog() {
  std::unique_lock lock(wd_mu_);
  while (!wd_stop_) {
    const std::uint32_t timeout = timeout_ms_.load();
    wd_cv_.wait_for(lock, std::chrono::milliseconds(std::clamp<std::uint32_t>(timeout / 4, 5, 100)));
    const std::int64_t start = op_start_ns_.load();
    if (start == 0) continue;
    const std::int64_t ms = (mono_ns() - start) / 1000000;
    if (ms <= timeout) continue;
    const std::uint64_t seq = op_seq_.load();
    if (op_reported_seq_.exchange(seq) == seq) continue;
    if (ChannelCounters* c = op_counters_.load()) c->blocked.fetch_add(1, std::memory_order_relaxed);
    std::string name;
    {
      std::lock_guard nl(op_name_mu_);
      name = op_name_;
    }
    report(Priority::Error, "Falco internal: output channel " + name + " blocked for " + std::to_string(ms) + " ms");
  }
}

OutputStats Outputs::stats() const {
  OutputStats s;
  s.pushed = pushed_.load();
  s.queued = queued_.load();
  s.queue_dropped = queue_dropped_.load();
  s.throttled = throttled_.load();
  s.processed = processed_.load();
  s.queue_depth = queue_.size();
  s.queue_high_water = queue_.high_water();
  std::lock_guard lock(stats_mu_);
  for (const std::string& name : order_) {
    ChannelCounters& c = *counters_.find(name)->second;
    ChannelStats cs;
    cs.name = name;
    cs.delivered = c.delivered.load();
    cs.dropped = c.dropped.load();
    cs.retries = c.retries.load();
    cs.errors = c.errors.load();
    cs.blocked = c.blocked.load();
    {
      std::lock_guard cl(c.mu);
      cs.last_error = c.last_error;
    }
    s.channels.push_back(std::move(cs));
  }
  return s;
}

std::string Outputs::summary() const {
  OutputStats s = stats();
  std::string out = "Outputs: " + std::to_string(s.pushed) + " alerts, " + std::to_string(s.queued) + " queued, " +
                    std::to_string(s.queue_dropped) + " dropped (queue full), " + std::to_string(s.throttled) +
                    " throttled (rate limit), queue high water " + std::to_string(s.queue_high_water) + "\n";
  for (const ChannelStats& c : s.channels) {
    out += "  " + c.name + ": " + std::to_string(c.delivered) + " delivered, " + std::to_string(c.dropped) +
           " dropped, " + std::to_string(c.retries) + " retries, " + std::to_string(c.errors) + " errors, " +
           std::to_string(c.blocked) + " blocked";
    if (!c.last_error.empty()) out += " (last error: " + c.last_error + ")";
    out += "\n";
  }
  return out;
}

}  // namespace saker::output
