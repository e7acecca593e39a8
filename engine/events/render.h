#pragma once
// Rendering of event params as text, the way sysdig 0.29 prints them in %evt.args, %evt.arg.NAME
// and %evt.rawarg.NAME. Every function appends to a caller-supplied std::string (reuse it across
// events: once its capacity has grown, rendering allocates nothing).
//
// Most params render from their bytes alone. A few need the process state: the name of an fd
// (`3(<f>/etc/passwd)`), the command of a pid (`ptid=11310(bash)`), the thread's working directory
// for relative paths, user and group names. The renderer asks a RenderResolver for those; with a
// null resolver it renders what sysdig renders for a thread it does not know (bare numbers).
//
// Each param has a value and, for some types, a "resolved" form. %evt.args prints
// `name=value(resolved) ` (or `name=value ` when there is no resolved form) for each param,
// with the trailing space; %evt.arg.NAME prints the resolved form when there is one, else the
// value.
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/events/event.h"

namespace saker::events {

// What the state engine knows about one fd.
struct FdDesc {
  char type_char = '?';  // 'f' file, 'd' directory, '4'/'6' inet socket, 'u' unix, 'p' pipe ...
  char l4_char = 0;      // for inet sockets: 't' tcp, 'u' udp, 'i' icmp, 'r' raw; 0 otherwise
  std::string_view name;  // as stored; the renderer drops non-printable characters
};

// The state the renderer may consult. Every method answers "unknown" by default, so an
// implementation overrides what it has. Strings returned must stay valid until the render call
// returns.
class RenderResolver {
 public:
  virtual ~RenderResolver() = default;
  // Whether thread `tid` is known. sysdig resolves fds, negative fds as errnos, AT_FDCWD, fd
  // lists and relative paths only for the events of known threads.
  virtual bool thread_known(uint64_t tid) const { (void)tid; return false; }
  // The fd `fd` of thread `tid`.
  virtual bool lookup_fd(uint64_t tid, int64_t fd, FdDesc& out) const {
    (void)tid; (void)fd; (void)out; return false;
  }
  // The command name (comm) of thread `tid`, for Pid params.
  virtual bool thread_comm(int64_t tid, std::string_view& comm) const {
    (void)tid; (void)comm; return false;
  }
  // The working directory of thread `tid`, ending with '/' as sysdig keeps it.
  virtual bool thread_cwd(uint64_t tid, std::string_view& cwd) const {
    (void)tid; (void)cwd; return false;
  }
  // The path of directory fd `dirfd` of thread `tid` (for *at syscalls), without trailing '/'.
  virtual bool dir_fd_path(uint64_t tid, int64_t dirfd, std::string_view& path) const {
    FdDesc d;
    if (!lookup_fd(tid, dirfd, d)) return false;
    path = d.name;
    return true;
  }
  virtual bool user_name(uint32_t uid, std::string_view& name) const {
    (void)uid; (void)name; return false;
  }
  virtual bool group_name(uint32_t gid, std::string_view& name) const {
    (void)gid; (void)name; return false;
  }
};

struct RenderOptions {
  // Bytebuf params longer than this many characters are cut to it, the last three replaced by
  // "..." (sysdig's default 80). 0 = never cut.
  uint32_t max_buffer_len = 80;
  // Render only the params sysdig 0.29 knew for each event type (newer captures carry extra
  // params at the end of some events, which sysdig 0.29 does not print). Off: every param.
  bool sysdig029_params = true;
};

// Number of params of `ev` that render: the smaller of the event's and the schema's count, capped
// to what sysdig 0.29 knew when opts.sysdig029_params is set. 0 for unknown event types.
uint32_t rendered_param_count(const EventView& ev, const RenderOptions& opts = {});

// Index of the first param called `name` among the rendered params, or -1.
int32_t param_index(const EventView& ev, std::string_view name, const RenderOptions& opts = {});

// Appends the value of param i, and (separately) its resolved form; returns false when the
// param is absent. Either part may be empty.
bool render_param(const EventView& ev, uint32_t i, const RenderResolver* resolver,
                  std::string& value, std::string& resolved, const RenderOptions& opts = {});

// Appends param i as %evt.arg.NAME prints it: the resolved form if any, else the value.
bool render_arg(const EventView& ev, uint32_t i, const RenderResolver* resolver, std::string& out,
                const RenderOptions& opts = {});

// Appends param i as %evt.rawarg.NAME prints it: numbers without names, strings as they are.
bool render_rawarg(const EventView& ev, uint32_t i, std::string& out);

// Appends the whole %evt.args string: `name=value ` or `name=value(resolved) ` per param, in
// order, trailing space included; nothing for generic syscall events (as sysdig).
void render_args(const EventView& ev, const RenderResolver* resolver, std::string& out,
                 const RenderOptions& opts = {});

}  // namespace saker::events
