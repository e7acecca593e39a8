// Field class `fs.path`: the path(s) a successful filesystem syscall acted on (mkdir, unlink,
// rename, link, symlink, chmod, chown, mount, open ...), raw as passed or resolved against the
// cwd or the syscall's directory fd.
#include "engine/events/event_types.h"
#include "engine/events/ppm_flags.h"
#include "engine/fields/bound_field.h"
#include "engine/fields/classes.h"
#include "engine/state/path.h"
#include "engine/state/state.h"

namespace saker::fields {
namespace {

using T = FieldType;
using PF = PrintFormat;
using Arg = ArgSyntax;

constexpr FieldInfo kFields[] = {
    {"fs.path.name", T::Charbuf, PF::NA, kNone, Arg::None, "Path",
     "Path a successful filesystem syscall (mkdir, unlink, chmod, open and the like) acted on. "
     "Made absolute against the thread's cwd or the syscall's directory fd."},
    {"fs.path.nameraw", T::Charbuf, PF::NA, kNone, Arg::None,
     "Raw Path",
     "fs.path.name before resolution. Exactly as the syscall received it, possibly relative."},
    {"fs.path.source", T::Charbuf, PF::NA, kNone, Arg::None,
     "Source Path",
     "For calls that take a from and a to path (rename, link, symlink, mount), the from path. "
     "Made absolute against the thread's cwd or the syscall's directory fd."},
    {"fs.path.sourceraw", T::Charbuf, PF::NA, kNone, Arg::None,
     "Raw Source Path",
     "fs.path.source before resolution. Exactly as the syscall received it, possibly relative."},
    {"fs.path.target", T::Charbuf, PF::NA, kNone, Arg::None,
     "Target Path",
     "For calls that take a from and a to path (rename, link, symlink, mount), the to path. Made "
     "absolute against the thread's cwd or the syscall's directory fd."},
    {"fs.path.targetraw", T::Charbuf, PF::NA, kNone, Arg::None,
     "Raw Target Path",
     "fs.path.target before resolution. Exactly as the syscall received it, possibly relative."},
};

enum class Which : uint8_t { Path, Source, Target };
enum class Success : uint8_t { ResZero, FdValid };
// Where a relative path is resolved from.
enum class Base : uint8_t { Cwd, EventFd, EventFdName, Unknown, OldDirfd, NewDirfd };

// Per event type: how success is judged and which param holds each path ("" none; "<fd>" the
// event's fd name).
struct Rule {
  uint16_t type;
  Success success;
  const char* path;
  const char* source;
  const char* target;
  Base path_base = Base::Cwd;
  Base source_base = Base::Cwd;
  Base target_base = Base::Cwd;
};

using namespace events;
constexpr Rule kRules[] = {
    {PPME_SYSCALL_MKDIR_2_X, Success::ResZero, "path", "", ""},
    {PPME_SYSCALL_MKDIRAT_X, Success::ResZero, "path", "", "", Base::EventFd},
    {PPME_SYSCALL_RMDIR_2_X, Success::ResZero, "path", "", ""},
    {PPME_SYSCALL_UNLINK_2_X, Success::ResZero, "path", "", ""},
    {PPME_SYSCALL_UNLINKAT_2_X, Success::ResZero, "name", "", "", Base::EventFd},
    {PPME_SYSCALL_OPEN_X, Success::FdValid, "name", "", ""},
    {PPME_SYSCALL_OPENAT_2_X, Success::FdValid, "name", "", "", Base::EventFdName},
    {PPME_SYSCALL_OPENAT2_X, Success::FdValid, "name", "", "", Base::EventFdName},
    {PPME_SYSCALL_FCHMODAT_X, Success::ResZero, "filename", "", "", Base::EventFd},
    {PPME_SYSCALL_CHMOD_X, Success::ResZero, "filename", "", ""},
    {PPME_SYSCALL_FCHMOD_X, Success::ResZero, "<fd>", "", ""},
    {PPME_SYSCALL_CHOWN_X, Success::ResZero, "path", "", ""},
    {PPME_SYSCALL_LCHOWN_X, Success::ResZero, "path", "", ""},
    {PPME_SYSCALL_FCHOWN_X, Success::ResZero, "<fd>", "", ""},
    {PPME_SYSCALL_FCHOWNAT_X, Success::ResZero, "pathname", "", "", Base::EventFd},
    {PPME_SYSCALL_QUOTACTL_X, Success::ResZero, "special", "", ""},
    {PPME_SYSCALL_RENAME_X, Success::ResZero, "", "oldpath", "newpath"},
    {PPME_SYSCALL_RENAMEAT_X, Success::ResZero, "", "oldpath", "newpath"},
    {PPME_SYSCALL_RENAMEAT2_X, Success::ResZero, "", "oldpath", "newpath", Base::Cwd,
     Base::OldDirfd, Base::NewDirfd},
    {PPME_SYSCALL_LINK_2_X, Success::ResZero, "", "newpath", "oldpath"},
    {PPME_SYSCALL_LINKAT_2_X, Success::ResZero, "", "newpath", "oldpath"},
    {PPME_SYSCALL_SYMLINK_X, Success::ResZero, "", "linkpath", "target"},
    {PPME_SYSCALL_SYMLINKAT_X, Success::ResZero, "", "linkpath", "target", Base::Cwd, Base::EventFd,
     Base::Unknown},
    {PPME_SYSCALL_MOUNT_X, Success::ResZero, "", "dev", "dir"},
    {PPME_SYSCALL_UMOUNT_1_X, Success::ResZero, "name", "", ""},
    {PPME_SYSCALL_UMOUNT2_X, Success::ResZero, "name", "", ""},
};

const Rule* rule_for(uint16_t type) {
  for (const Rule& r : kRules) {
    if (r.type == type) return &r;
  }
  return nullptr;
}

int32_t param_named(const EventView& ev, std::string_view name) {
  const EventInfo* info = ev.info();
  if (info == nullptr) return -1;
  for (size_t i = 0; i < info->params.size() && i < ev.nparams(); ++i) {
    if (name == info->params[i].name) return static_cast<int32_t>(i);
  }
  return -1;
}

constexpr std::string_view kUnknown = "<UNKNOWN>";

class FsPathField final : public BoundField {
 public:
  FsPathField(const FieldInfo& info, Which which, bool raw)
      : BoundField(info), which_(which), raw_(raw) {}

  bool extract(const EvalContext& ctx, FieldValue& out) const override {
    out.clear();
    if (ctx.evt == nullptr) return false;
    const EventView& ev = *ctx.evt;
    const Rule* r = rule_for(ev.type());
    if (r == nullptr || !succeeded(ev, *r)) return false;
    const char* pname = which_ == Which::Path     ? r->path
                        : which_ == Which::Source ? r->source
                                                  : r->target;
    if (*pname == '\0') return false;
    const Base base = which_ == Which::Path     ? r->path_base
                      : which_ == Which::Source ? r->source_base
                                                : r->target_base;
    std::string_view path;
    if (std::string_view(pname) == "<fd>") {
      if (ctx.fd == nullptr) return false;
      path = ctx.fd->name;
    } else {
      int32_t i = param_named(ev, pname);
      if (i < 0) return false;
      path = ev.param_str(static_cast<uint32_t>(i));
    }
    if (raw_) {
      out.set_str(path);
      return true;
    }
    if (ctx.thread == nullptr || ctx.state == nullptr) return false;
    std::string& s = scratch();
    if (!path.empty() && path[0] == '/') {
      state::resolve_path(s, "", path);
    } else if (base == Base::EventFdName) {
      s.assign(ctx.fd ? std::string_view(ctx.fd->name) : kUnknown);
    } else {
      dir_.clear();
      base_dir(ctx, base, dir_);
      state::resolve_path(s, dir_, path);
    }
    out.set_str(s);
    return true;
  }

 private:
  static bool succeeded(const EventView& ev, const Rule& r) {
    int64_t v = 0;
    if (r.success == Success::ResZero) {
      int32_t i = param_named(ev, "res");
      return i >= 0 && ev.param_i64(static_cast<uint32_t>(i), v) && v == 0;
    }
    int32_t i = param_named(ev, "fd");
    return i >= 0 && ev.param_i64(static_cast<uint32_t>(i), v) && v != -1;
  }

  // The directory a relative path is resolved from, ending with '/'.
  static void base_dir(const EvalContext& c, Base base, std::string& dir) {
    auto dir_of_fd = [&](const state::FdInfo* fd) {
      if (fd == nullptr || fd->type != state::FdType::Directory) {
        dir = "<UNKNOWN>/";
        return;
      }
      dir = fd->name;
      if (!dir.empty() && dir.back() != '/') dir += '/';
    };
    switch (base) {
      case Base::Cwd:
        dir = c.state->cwd_of(*c.thread);
        return;
      case Base::EventFd: {
        // The syscall's directory fd (AT_FDCWD: the cwd).
        int32_t i = param_named(*c.evt, "dirfd");
        if (i < 0) i = param_named(*c.evt, "linkdirfd");
        int64_t dirfd = 0;
        if (i >= 0 && c.evt->param_i64(static_cast<uint32_t>(i), dirfd) &&
            dirfd == PPM_AT_FDCWD) {
          dir = c.state->cwd_of(*c.thread);
        } else if (i >= 0) {
          dir_of_fd(c.state->lookup_fd(static_cast<int64_t>(c.evt->tid()), dirfd));
        } else {
          dir_of_fd(c.fd);
        }
        return;
      }
      case Base::Unknown:
        dir = "<UNKNOWN>/";
        return;
      case Base::OldDirfd:
      case Base::NewDirfd: {
        int64_t dirfd = 0;
        c.evt->param_i64(base == Base::OldDirfd ? 1 : 3, dirfd);
        if (dirfd == PPM_AT_FDCWD) {
          dir = c.state->cwd_of(*c.thread);
        } else {
          dir_of_fd(c.state->lookup_fd(static_cast<int64_t>(c.evt->tid()), dirfd));
        }
        return;
      }
      case Base::EventFdName:
        return;
    }
  }

  Which which_;
  bool raw_;
  mutable std::string dir_;
};

std::unique_ptr<BoundField> bind_fspath(const BindRequest& req, std::string& error) {
  (void)error;
  std::string_view n = req.info.name;
  n.remove_prefix(sizeof("fs.path.") - 1);
  const bool raw = n.ends_with("raw");
  if (raw) n.remove_suffix(3);
  Which w = n == "name" ? Which::Path : n == "source" ? Which::Source : Which::Target;
  return std::make_unique<FsPathField>(req.info, w, raw);
}

}  // namespace

const FieldClass& fspath_class() {
  static constexpr FieldClass c{
      "fs.path",
      "fs.path",
      "",
      "Paths named by filesystem syscalls. Unlike fd.*, these also cover calls that take a path "
      "and open nothing, such as unlink, rename or mkdir.",
      kFields,
      bind_fspath};
  return c;
}

}  // namespace saker::fields
