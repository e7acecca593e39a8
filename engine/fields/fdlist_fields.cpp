// Field class `fdlist`: the fds of poll/ppoll events (the "fds" param), each looked up in the
// thread's fd table, printed comma-separated.
#include <cstring>

#include "engine/events/event_types.h"
#include "engine/fields/bound_field.h"
#include "engine/fields/classes.h"
#include "engine/state/state.h"

namespace saker::fields {
namespace {

using T = FieldType;
using PF = PrintFormat;
using Arg = ArgSyntax;

constexpr FieldInfo kFields[] = {
    {"fdlist.nums", T::Charbuf, PF::Id, kNone, Arg::None, "Polled FD Numbers",
     "Numbers of the polled fds. Set on poll and ppoll events, one entry per fd of their fds "
     "array, joined with commas."},
    {"fdlist.names", T::Charbuf, PF::NA, kNone, Arg::None, "Polled FD Names",
     "fd.name of each polled fd. Set on poll and ppoll events, one entry per fd of their fds "
     "array, joined with commas."},
    {"fdlist.cips", T::Charbuf, PF::NA, kNone, Arg::None, "Polled Client IPs",
     "Client IP address of each polled socket. Set on poll and ppoll events, one entry per fd of "
     "their fds array, joined with commas."},
    {"fdlist.sips", T::Charbuf, PF::NA, kNone, Arg::None, "Polled Server IPs",
     "Server IP address of each polled socket. Set on poll and ppoll events, one entry per fd of "
     "their fds array, joined with commas."},
    {"fdlist.cports", T::Charbuf, PF::Dec, kNone, Arg::None, "Polled Client Ports",
     "Client port of each polled TCP/UDP socket. Set on poll and ppoll events, one entry per fd "
     "of their fds array, joined with commas."},
    {"fdlist.sports", T::Charbuf, PF::Dec, kNone, Arg::None, "Polled Server Ports",
     "Server port of each polled TCP/UDP socket. Set on poll and ppoll events, one entry per fd "
     "of their fds array, joined with commas."},
};

enum class Id { Nums, Names, Cips, Sips, Cports, Sports };

using state::FdInfo;
using state::FdType;

class FdlistField final : public BoundField {
 public:
  FdlistField(const FieldInfo& info, Id id) : BoundField(info), id_(id) {}

  bool extract(const EvalContext& ctx, FieldValue& out) const override {
    out.clear();
    if (ctx.evt == nullptr || ctx.thread == nullptr || ctx.state == nullptr) return false;
    // The "fds" param: first of the enter events, second of the exits.
    const uint16_t t = ctx.evt->type();
    uint32_t fds_param;
    if (t == events::PPME_SYSCALL_POLL_E || t == events::PPME_SYSCALL_PPOLL_E) {
      fds_param = 0;
    } else if (t == events::PPME_SYSCALL_POLL_X || t == events::PPME_SYSCALL_PPOLL_X) {
      fds_param = 1;
    } else {
      return false;
    }
    // Layout of a PT_FDLIST param: uint16 count, then count x (int64 fd, int16 events).
    auto p = ctx.evt->param(fds_param);
    if (p.size() < 2) return false;
    uint16_t n;
    std::memcpy(&n, p.data(), 2);
    const state::FdTable* fds = ctx.state->fds_of(*ctx.thread);
    std::string& s = scratch();
    s.clear();
    for (uint32_t j = 0; j < n && 2 + (j + 1) * 10u <= p.size(); ++j) {
      int64_t fd;
      std::memcpy(&fd, p.data() + 2 + j * 10, 8);
      const FdInfo* fi = fds ? fds->find(fd) : nullptr;
      if (append_one(s, fd, fi)) s += ',';
    }
    if (s.empty()) return false;
    if (s.back() == ',') s.pop_back();
    out.set_str(s);
    return true;
  }

 private:
  // Appends one entry; false when the entry adds nothing (no comma then).
  bool append_one(std::string& s, int64_t fd, const FdInfo* fi) const {
    const bool conn = fi && (fi->type == FdType::Ipv4Sock || fi->type == FdType::Ipv6Sock);
    const uint8_t fam = fi && (fi->type == FdType::Ipv6Sock || fi->type == FdType::Ipv6ServSock)
                            ? state::kFamilyInet6
                            : state::kFamilyInet;
    switch (id_) {
      case Id::Nums:
        s += std::to_string(fd);
        return true;
      case Id::Names:
        s += (fi && !fi->name.empty()) ? std::string_view(fi->name) : "<NA>";
        return true;
      case Id::Cips:
        if (!conn) return false;
        state::append_ip(s, fam, fi->sock.sip.data());
        return true;
      case Id::Sips:
        if (conn) {
          state::append_ip(s, fam, fi->sock.dip.data());
          return true;
        }
        if (fi && (fi->type == FdType::Ipv4ServSock || fi->type == FdType::Ipv6ServSock)) {
          state::append_ip(s, fam, fi->sock.sip.data());
          return true;
        }
        return false;
      case Id::Cports:
        if (conn) {
          s += std::to_string(fi->sock.sport);
          return true;
        }
        // sysdig falls through to the server port here.
        [[fallthrough]];
      case Id::Sports:
        if (!conn) return false;
        s += std::to_string(fi->sock.dport);
        return true;
    }
    return false;
  }

  Id id_;
};

std::unique_ptr<BoundField> bind_fdlist(const BindRequest& req, std::string& error) {
  (void)error;
  static constexpr std::pair<std::string_view, Id> kIds[] = {
      {"fdlist.nums", Id::Nums}, {"fdlist.names", Id::Names},   {"fdlist.cips", Id::Cips},
      {"fdlist.sips", Id::Sips}, {"fdlist.cports", Id::Cports}, {"fdlist.sports", Id::Sports},
  };
  for (const auto& [name, id] : kIds) {
    if (name == req.info.name) return std::make_unique<FdlistField>(req.info, id);
  }
  return nullptr;
}

}  // namespace

const FieldClass& fdlist_class() {
  static constexpr FieldClass c{"fdlist", "fdlist",   "", "The fds listed in a poll call.",
                                kFields,  bind_fdlist};
  return c;
}

}  // namespace saker::fields
