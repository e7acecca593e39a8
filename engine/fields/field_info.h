#pragma once
// The static description of a field: what `--list` prints and what the filter compiler checks
// against (type, print format, argument syntax, filter/print restrictions). One table of
// FieldInfo per field class lives in that class's *_fields.cpp; the registry (registry.h) finds
// them by name.
//
// Names, types, print formats and flags follow Falco/libsinsp's field list, so rules written for
// Falco resolve here with the same types. Display names and descriptions are our own wording and
// say what Saker yields (where a value comes from, or that a field is never set here).
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "engine/events/schema.h"

namespace saker::fields {

// Field types share the event schema's enum (the scap ppm_param_type numbering), as in libsinsp:
// a field may carry the type of an event param (evt.rawarg.NAME).
using FieldType = events::ParamType;
using PrintFormat = events::PrintFormat;

// Upper-case type name as Falco's `--list -v` prints it ("CHARBUF", "INT64", "IPNET" ...).
const char* field_type_name(FieldType type);

// Field flags, with the meaning libsinsp gives them.
enum FieldFlags : uint32_t {
  kNone = 0,
  kFilterOnly = 1u << 0,      // usable in conditions only, not in outputs
  kPrintOnly = 1u << 1,       // usable in outputs only (not listed)
  kArgRequired = 1u << 2,     // name[arg] / name.arg is mandatory
  kHidden = 1u << 3,          // table-only in sysdig: resolvable but not listed
  kIsList = 1u << 6,          // the value is a list (fd.types)
  kArgAllowed = 1u << 7,      // an argument is optional
  kDeprecated = 1u << 10,     // listed only with deprecated fields
  kNoTransformer = 1u << 11,  // cannot be wrapped in tolower() & co.
  kNoRhs = 1u << 12,          // cannot be used as the right-hand side val(field)
};

// How a field's argument is written. Only meaningful with kArgRequired or kArgAllowed.
enum class ArgSyntax : uint8_t {
  None,         // no argument
  Index,        // name[N], N a decimal integer              (proc.aname[2], fd.types[0])
  IndexOrKey,   // name[N] or name[KEY]                      (proc.env[HOME])
  IndexOrPath,  // name[N] or name[/path/glob*]              (container.mount.dest[/etc])
  DotKey,       // name.KEY                                  (evt.type.is.open, thread.cgroup.cpu)
  DotOrBracketKey,  // name.KEY or name[KEY]                     (k8s.pod.label.app)
  Param,            // name.PARAM or name[N], an event param     (evt.arg.fd, evt.arg[0])
};

struct FieldInfo {
  const char* name;  // "proc.aname"
  FieldType type;
  PrintFormat format;
  uint32_t flags;  // FieldFlags bits
  ArgSyntax arg;
  const char* display;  // short title ("Ancestor Name")
  const char* desc;     // one-paragraph description, as `--list` prints it

  bool arg_required() const { return flags & kArgRequired; }
  bool arg_allowed() const { return flags & (kArgRequired | kArgAllowed); }
  bool is_list() const { return flags & kIsList; }
};

class BoundField;
struct BindRequest;

// A class's binder: given one of its fields and the already-parsed argument (see bound_field.h),
// builds the bound extractor. Returning nullptr with `error` empty means "catalog only": the
// registry then binds a field that always extracts nothing (printed <NA>). Returning nullptr
// with `error` set rejects the field (e.g. an unknown evt.arg name).
using BindFn = std::unique_ptr<BoundField> (*)(const BindRequest& req, std::string& error);

struct FieldClass {
  const char* name;       // "proc", "thread", "fd", ...
  const char* list_name;  // header printed by --list ("process" for proc and thread, as Falco)
  const char* shortdesc;  // "" or e.g. "Syscall events only"
  const char* desc;
  std::span<const FieldInfo> fields;
  BindFn bind;
};

}  // namespace saker::fields
