#include "engine/app/commands/inspect.h"

#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/app/commands/inspect_filter.h"
#include "engine/app/commands/inspect_format.h"
#include "engine/events/schema.h"
#include "engine/events/scap_reader.h"
#include "engine/events/scap_writer.h"
#include "engine/fields/state_resolver.h"
#include "engine/state/state.h"

namespace saker::app {
namespace {

int fail(const std::string& message) {
  std::fprintf(stderr, "saker: %s\n", message.c_str());
  return 1;
}

// sysdig numbers every event it reads but never shows internal ones (procinfo, container and
// other meta events); they still update the state.
bool hidden(const events::EventView& ev) {
  const events::EventInfo* info = ev.info();
  return info == nullptr || (info->category & events::EC_INTERNAL) != 0;
}

// The last enter event of each thread, copied (the reader's views die at the next item), so that
// an exit event's fields can read its pair (evt.latency and friends).
class EnterEvents {
 public:
  void remember(const events::EventView& ev) {
    auto& buf = by_tid_[ev.tid()];
    auto bytes = ev.bytes();
    buf.assign(bytes.begin(), bytes.end());
  }
  // The enter event matching exit event `ev`, or nullptr.
  const events::EventView* pair_of(const events::EventView& ev) {
    auto it = by_tid_.find(ev.tid());
    if (it == by_tid_.end() || it->second.empty()) return nullptr;
    if (!events::EventView::parse(it->second, view_).ok()) return nullptr;
    if (view_.type() + 1 != ev.type()) return nullptr;
    return &view_;
  }
 private:
  std::unordered_map<uint64_t, std::vector<uint8_t>> by_tid_;
  events::EventView view_;
};

// Output is batched: one write(2) per 64 KiB instead of one per event.
class Out {
 public:
  ~Out() { flush(); }
  std::string& line() { return buf_; }
  void end_line() {
    buf_ += '\n';
    if (buf_.size() >= (64u << 10)) flush();
  }
  void flush() {
    if (!buf_.empty()) std::fwrite(buf_.data(), 1, buf_.size(), stdout);
    std::fflush(stdout);
    buf_.clear();
  }

 private:
  std::string buf_;
};

}  // namespace

int run_inspect(const InspectOptions& opts, const AppContext& ctx) {
  (void)ctx;
  if (opts.trace_file.empty()) {
    return fail("inspect: live capture is not available yet; read a trace file with -r FILE");
  }

  InspectFilter filter;
  const bool filtered = !opts.filter.empty();
  if (filtered) {
    std::string error;
    if (!filter.compile(opts.filter, &error)) return fail(error);
  }
  InspectFormat format;
  if (Status s = format.compile(opts.output_format, opts.json); !s.ok()) return fail(s.message());

  scap::ScapReader reader;
  if (Status s = reader.open(opts.trace_file); !s.ok()) return fail(s.message());
  // -w: like `sysdig -r IN -w OUT FILTER`, a filtered copy that sysdig and Falco read.
  const bool writing = !opts.write_file.empty();
  scap::ScapWriter writer;
  if (writing) {
    if (Status s = writer.open(opts.write_file); !s.ok()) return fail(s.message());
  }

  state::State state;
  fields::StateRenderResolver resolver(state);
  EnterEvents enters;
  Out out;
  filter::EvalContext ectx;  // the catalog's context, as the filter sees it
  ectx.resolver = &resolver;

  uint64_t num = 0;      // evt.num: every event read, shown or not
  uint64_t printed = 0;  // for -n
  bool past_leading_containers = false;
  scap::ScapReader::Item item;
  while (reader.next(item)) {
    if (writing && item.kind != scap::ScapReader::ItemKind::kEvent &&
        item.kind != scap::ScapReader::ItemKind::kSectionHeader) {
      if (Status s = writer.write_item(item); !s.ok()) return fail(s.message());
    }
    switch (item.kind) {
      case scap::ScapReader::ItemKind::kMachineInfo:
        state.set_boot_ts(item.machine.boot_ts_epoch);
        continue;
      case scap::ScapReader::ItemKind::kProcessList:
        for (const auto& p : item.processes.entries) state.seed_process(p);
        continue;
      case scap::ScapReader::ItemKind::kFdList:
        state.seed_fds(item.fds);
        continue;
      case scap::ScapReader::ItemKind::kInterfaceList:
        state.set_interfaces(item.interfaces);
        continue;
      case scap::ScapReader::ItemKind::kUserList:
        state.users().load_user_list(item.users);
        continue;
      case scap::ScapReader::ItemKind::kEvent:
        break;
      default:
        continue;
    }
    const events::EventView& ev = item.event;
    ++num;
    if (ectx.first_ts == 0) ectx.first_ts = ev.ts();
    state.update(ev);
    if (ev.is_enter()) enters.remember(ev);
    if (writing) {
      // Every event that passes the filter is copied, including those the listing hides.
      bool keep = true;
      if (filtered) {
        ectx.evt = &ev;
        ectx.enter = ev.is_enter() ? nullptr : enters.pair_of(ev);
        ectx.evt_num = num;
        ectx.cpu = item.cpu;
        fields::fill_state(ectx, state);
        keep = filter.eval(ectx);
      }
      if (keep) {
        if (Status s = writer.write_item(item); !s.ok()) return fail(s.message());
        if (opts.max_events && ++printed >= *opts.max_events) break;
      }
      continue;
    }
    // Container events at the head of a capture are consumed when the file is opened (sysdig
    // and Falco read them ahead, to know the containers before the thread table); they update
    // state but are never shown.
    const bool container_evt = ev.type() == events::PPME_CONTAINER_E ||
                               ev.type() == events::PPME_CONTAINER_JSON_E ||
                               ev.type() == events::PPME_CONTAINER_JSON_2_E;
    if (!container_evt) past_leading_containers = true;
    if (container_evt && !past_leading_containers) continue;
    if (hidden(ev)) continue;

    ectx.evt = &ev;
    ectx.enter = ev.is_enter() ? nullptr : enters.pair_of(ev);
    ectx.evt_num = num;
    ectx.cpu = item.cpu;
    fields::fill_state(ectx, state);
    if (filtered && !filter.eval(ectx)) continue;
    if (!format.print(ectx, out.line())) continue;
    out.end_line();
    if (opts.max_events && ++printed >= *opts.max_events) break;
  }
  out.flush();
  if (!reader.status().ok()) return fail(reader.status().message());
  if (writing) {
    if (Status s = writer.close(); !s.ok()) return fail(s.message());
  }
  return 0;
}

}  // namespace saker::app
