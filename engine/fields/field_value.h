#pragma once
// The value a bound field extracts from one event. It never owns memory: strings are views into
// the event's bytes, into the state engine, or into the bound field's own scratch buffer, and
// stay valid until the next extract() on the same bound field or the next state update.
#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>

namespace saker::fields {

// An IPv4 or IPv6 address. IPv4 uses the first 4 bytes, in network order.
struct IpAddr {
  uint8_t family = 0;  // 0 (none), 4 or 6
  std::array<uint8_t, 16> bytes{};

  static IpAddr v4(uint32_t network_order) {
    IpAddr a;
    a.family = 4;
    std::memcpy(a.bytes.data(), &network_order, 4);
    return a;
  }
  static IpAddr v6(const uint8_t* b16) {
    IpAddr a;
    a.family = 6;
    std::memcpy(a.bytes.data(), b16, 16);
    return a;
  }
  bool operator==(const IpAddr&) const = default;
};

struct FieldValue {
  enum class Kind : uint8_t { None, Int, Uint, Double, Bool, String, Ip, List };

  Kind kind = Kind::None;
  int64_t i = 0;                      // Int
  uint64_t u = 0;                     // Uint (also times, ports, ids of unsigned types)
  double d = 0;                       // Double
  bool b = false;                     // Bool
  std::string_view str;               // String (charbuf, bytebuf, paths)
  IpAddr ip;                          // Ip
  std::span<const FieldValue> items;  // List: scalar elements (fd.types, proc.aname without arg)

  bool present() const { return kind != Kind::None; }
  void clear() { kind = Kind::None; }
  void set_int(int64_t v) {
    kind = Kind::Int;
    i = v;
  }
  void set_uint(uint64_t v) {
    kind = Kind::Uint;
    u = v;
  }
  void set_double(double v) {
    kind = Kind::Double;
    d = v;
  }
  void set_bool(bool v) {
    kind = Kind::Bool;
    b = v;
  }
  void set_str(std::string_view v) {
    kind = Kind::String;
    str = v;
  }
  void set_ip(const IpAddr& v) {
    kind = Kind::Ip;
    ip = v;
  }
  void set_list(std::span<const FieldValue> v) {
    kind = Kind::List;
    items = v;
  }
};

}  // namespace saker::fields
