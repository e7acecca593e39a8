#pragma once
// Scalar conversions shared by validation and by filling the typed Config, so both accept exactly
// the same spellings. Each returns nullopt when the text is not of the expected kind.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace saker::config {

// true/false, yes/no, on/off (any case), as YAML 1.1 and yaml-cpp accept them.
std::optional<bool> parse_bool(std::string_view s);
// Decimal, or hex with 0x; optional sign.
std::optional<int64_t> parse_int(std::string_view s);
// A decimal number such as 1, 0.5, .03333, 1e-3.
std::optional<double> parse_double(std::string_view s);
// A duration in milliseconds: a bare number (ms), or a sequence of <number><unit> with units
// y, w, d, h, m, s, ms (Prometheus style, e.g. "1h", "15m30s", "500ms").
std::optional<uint64_t> parse_duration_ms(std::string_view s);
// A size in bytes: a number with an optional K, M, G suffix (powers of 1024; KiB/MiB/GiB too).
std::optional<uint64_t> parse_byte_size(std::string_view s);
// A file mode in octal ("0660", "660", "0o660").
std::optional<uint32_t> parse_file_mode(std::string_view s);

// Lower-cases ASCII.
std::string ascii_lower(std::string_view s);

}  // namespace saker::config
