#pragma once
// The contract between the filter language and the field catalog (engine/fields).
//
// The filter front end never knows what `proc.aname[2]` means; it asks a FieldProvider, once, at
// load time: "what is this field, with this argument?". The answer is a ResolvedField: the
// field's type (which decides the operators it accepts and how constants are parsed) and an
// opaque handle. The compiler (engine/core) later asks the same provider to bind an Extractor
// for that handle, once per field occurrence, and calls only the Extractor per event.
//
//   load time:    resolve("proc.aname", "2")  -> {type=String, handle=H, ...}   (check.cpp)
//   compile time: bind(resolved)              -> unique_ptr<Extractor>          (engine/core)
//   per event:    extractor->extract(ctx, &value)                              (no allocation)
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "engine/filter/ast.h"

namespace saker::filter {

// Types of field values as the filter sees them. Several scap param types collapse into one
// (every signed integer is Int64, every unsigned one Uint64; Fd, Pid, Errno are Int64; Uid, Gid,
// Mode and flags are Uint64).
enum class FieldType : uint8_t {
  Int64,
  Uint64,
  Double,
  Bool,
  String,   // charbuf
  FsPath,   // a path: a string that also accepts path-aware operators
  Bytes,    // bytebuf
  IpAddr,   // IPv4 or IPv6 address
  IpNet,    // IPv4 or IPv6 network (CIDR)
  Port,     // uint16
  RelTime,  // nanoseconds, uint64
  AbsTime,  // nanoseconds since the epoch, uint64
};

const char* field_type_name(FieldType t);  // "int64", "string", "ipaddr", ...

// Whether op may be applied to a field of this type (is_list: the field yields a list of values,
// e.g. proc.aname without argument or a list-valued field). Exists is always accepted.
// On refusal *why names the reason ("'contains' operator not supported for numeric filters").
bool operator_accepts(CmpOp op, FieldType type, bool is_list, std::string* why);

struct ResolvedField {
  FieldType type = FieldType::String;
  bool is_list = false;  // extracts several values (compare with in/intersects/exists only)
  // A list compared value by value: the comparison holds when any value satisfies it, except
  // `!=`, which holds when no value equals the constant. Falco gives ancestor fields without an
  // index (proc.aname = sshd) and either-end fields (fd.port != 22: neither port is 22) this meaning.
  bool any_of = false;
  uint64_t handle = 0;   // provider-defined: which extractor and with what pre-parsed argument
  std::string canonical; // "proc.aname[2]", for messages and output formats
};

// Why a field did not resolve. UnknownField is what skip-if-unknown-filter forgives.
enum class FieldErrorKind : uint8_t { UnknownField, BadArgument };

struct FieldError {
  FieldErrorKind kind = FieldErrorKind::UnknownField;
  std::string message;  // Falco's wording for unknown fields:
                        // "filter_check called with nonexistent field proc.nobody"
};

// Per-event evaluation context; defined by the engine core (event view + state snapshot).
struct EvalContext;

// One extracted value. Views stay valid until the next extract() call on the same Extractor.
struct FieldValue {
  FieldType type = FieldType::String;
  union {
    int64_t i64;
    uint64_t u64;  // Uint64, Port, RelTime, AbsTime, Bool (0/1)
    double f64;
  };
  std::string_view str;                // String, FsPath, Bytes
  uint8_t ip[16] = {};                 // IpAddr/IpNet address, IPv4 in the first 4 bytes
  uint8_t ip_len = 0;                  // 4 or 16
  uint8_t prefix = 0;                  // IpNet prefix length
  std::span<const std::string_view> list;  // list-valued fields
  FieldValue() : u64(0) {}
};

// Bound to one field occurrence at compile time; called per event. Must not allocate per event.
class Extractor {
 public:
  virtual ~Extractor() = default;
  // False when the field has no value for this event (Falco's <NA>).
  virtual bool extract(const EvalContext& ctx, FieldValue* out) = 0;
};

class FieldProvider {
 public:
  virtual ~FieldProvider() = default;

  // Resolves a field name with its optional argument (as written between [ ], or the dotted
  // remainder: `evt.arg.name` may be resolved as `evt.arg` with argument "name" — that choice
  // belongs to the provider). Returns nullopt and sets *error when the field does not exist or
  // the argument is invalid.
  virtual std::optional<ResolvedField> resolve(std::string_view name,
                                               const std::optional<std::string>& arg,
                                               FieldError* error) const = 0;

  // Binds an extractor for a field this provider resolved. Called once per field occurrence
  // when a rule is compiled. The default returns nullptr (a provider used only for validation).
  virtual std::unique_ptr<Extractor> bind(const ResolvedField& field) const {
    (void)field;
    return nullptr;
  }
};

}  // namespace saker::filter
