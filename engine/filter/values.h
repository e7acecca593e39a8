#pragma once
// Parsing constants by the type of the field they are compared with. Used at load time to
// reject `proc.pid = hello`, and by the compiler to pre-parse constants once.
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/filter/field_provider.h"

namespace saker::filter {

// Integers: decimal with optional sign, or 0x hex (Falco's number syntax).
bool parse_int64(std::string_view s, int64_t* out);
bool parse_uint64(std::string_view s, uint64_t* out);
bool parse_double(std::string_view s, double* out);
bool parse_bool(std::string_view s, bool* out);  // "true" / "false"
// IPv4 dotted quad or IPv6; addr receives 4 or 16 bytes, *len their count.
bool parse_ipaddr(std::string_view s, uint8_t addr[16], uint8_t* len);
// CIDR "10.0.0.0/8", "2001:db8::/32"; a bare address is a host network (/32 or /128).
bool parse_ipnet(std::string_view s, uint8_t addr[16], uint8_t* len, uint8_t* prefix);
// Hex string for bcontains/bstartswith ("deadbeef", even length).
bool parse_hex_bytes(std::string_view s, std::string* out);

// Checks that text is a valid constant for a field of this type under op. On failure *why says
// what was expected ("expected a number").
bool validate_constant(FieldType type, CmpOp op, std::string_view text, std::string* why);

}  // namespace saker::filter
