#include "engine/output/output_format.h"

#include <algorithm>
#include <cctype>

namespace saker::output {

namespace {

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.';
}

struct TransformerName {
  std::string_view name;
  Transformer value;
};
constexpr TransformerName kTransformers[] = {
    {"toupper", Transformer::ToUpper},
    {"tolower", Transformer::ToLower},
    {"b64", Transformer::Base64},
    {"basename", Transformer::Basename},
};

std::string column_error(std::string_view format, std::size_t pos, std::string_view what) {
  std::string msg = "invalid output format at column ";
  msg += std::to_string(pos + 1);
  msg += ": ";
  msg += what;
  msg += " in \"";
  msg += format;
  msg += '"';
  return msg;
}

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

}  // namespace

std::size_t default_field_lexer(std::string_view rest) {
  std::size_t n = 0;
  while (n < rest.size() && is_name_char(rest[n])) ++n;
  while (n > 0 && rest[n - 1] == '.') --n;  // "%proc.name." ends a sentence
  if (n == 0) return 0;
  if (n < rest.size() && rest[n] == '[') {
    std::size_t close = rest.find(']', n + 1);
    if (close != std::string_view::npos) n = close + 1;
  }
  return n;
}

Status OutputFormat::compile(std::string_view format, OutputFormat* out, const FieldLexer& lexer) {
  OutputFormat f;
  f.text_.assign(format);
  std::string_view s = f.text_;
  std::size_t i = 0;
  if (!s.empty() && s[0] == '*') i = 1;  // sysdig's "print even when fields are missing"
  std::size_t literal_start = i;
  auto flush_literal = [&](std::size_t end) {
    if (end > literal_start) {
      f.pieces_.push_back({false, static_cast<std::uint32_t>(literal_start),
                           static_cast<std::uint32_t>(end - literal_start)});
    }
  };
  auto lex = [&](std::string_view rest) {
    return lexer ? lexer(rest) : default_field_lexer(rest);
  };

  while (i < s.size()) {
    if (s[i] != '%') {
      ++i;
      continue;
    }
    const std::size_t percent = i;
    flush_literal(percent);
    ++i;
    if (i >= s.size()) return Status::Error(column_error(format, percent, "a format cannot end with '%'"));

    FieldRef ref;
    ref.index = static_cast<std::uint32_t>(f.fields_.size());
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) != 0) {
      ref.width = ref.width * 10 + static_cast<std::uint32_t>(s[i] - '0');
      if (ref.width > 65535) return Status::Error(column_error(format, percent, "field width too large"));
      ++i;
    }
    // A transformer: name '(' field ')'.
    for (const auto& t : kTransformers) {
      if (s.substr(i).starts_with(t.name) && i + t.name.size() < s.size() && s[i + t.name.size()] == '(') {
        ref.transformer = t.value;
        i += t.name.size();
        break;
      }
    }
    if (i < s.size() && s[i] == '(') {
      std::size_t close = s.find(')', i + 1);
      if (close == std::string_view::npos) {
        return Status::Error(column_error(format, percent, "missing ')' after field"));
      }
      std::string_view inner = s.substr(i + 1, close - i - 1);
      while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
      while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
      if (inner.empty() || lex(inner) != inner.size()) {
        return Status::Error(column_error(format, percent, "invalid field name '" + std::string(inner) + "'"));
      }
      ref.name.assign(inner);
      i = close + 1;
    } else {
      if (ref.transformer != Transformer::None) {
        return Status::Error(column_error(format, percent, "transformer needs '(field)'"));
      }
      std::size_t n = lex(s.substr(i));
      if (n == 0) {
        return Status::Error(column_error(format, percent, "expected a field name after '%'"));
      }
      ref.name.assign(s.substr(i, n));
      i += n;
    }
    f.pieces_.push_back({true, ref.index, 0});
    f.fields_.push_back(std::move(ref));
    literal_start = i;
  }
  flush_literal(s.size());
  *out = std::move(f);
  return Status::Ok();
}

void apply_transformer(Transformer t, std::string& out, std::size_t from) {
  switch (t) {
    case Transformer::None:
      return;
    case Transformer::ToUpper:
      for (std::size_t k = from; k < out.size(); ++k) {
        out[k] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[k])));
      }
      return;
    case Transformer::ToLower:
      for (std::size_t k = from; k < out.size(); ++k) {
        out[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[k])));
      }
      return;
    case Transformer::Basename: {
      std::size_t slash = out.rfind('/');
      if (slash != std::string::npos && slash >= from) out.erase(from, slash + 1 - from);
      return;
    }
    case Transformer::Base64: {
      // In place, back to front: group g's four output bytes never overwrite input not yet read.
      const std::size_t n = out.size() - from;
      const std::size_t groups = (n + 2) / 3;
      out.resize(from + groups * 4);
      char* base = out.data() + from;
      for (std::size_t g = groups; g-- > 0;) {
        const std::size_t in = g * 3;
        const std::size_t avail = std::min<std::size_t>(3, n - in);
        const auto b0 = static_cast<unsigned char>(base[in]);
        const auto b1 = avail > 1 ? static_cast<unsigned char>(base[in + 1]) : 0u;
        const auto b2 = avail > 2 ? static_cast<unsigned char>(base[in + 2]) : 0u;
        const std::uint32_t v = (b0 << 16) | (b1 << 8) | b2;
        char* o = base + g * 4;
        o[0] = kB64[(v >> 18) & 63];
        o[1] = kB64[(v >> 12) & 63];
        o[2] = avail > 1 ? kB64[(v >> 6) & 63] : '=';
        o[3] = avail > 2 ? kB64[v & 63] : '=';
      }
      return;
    }
  }
}

void OutputFormat::render(FieldSource& source, std::string& out, std::vector<OutputField>* fields) const {
  for (const Piece& p : pieces_) {
    if (!p.is_field) {
      out.append(text_, p.begin_or_field, p.length);
      continue;
    }
    const FieldRef& ref = fields_[p.begin_or_field];
    const std::size_t start = out.size();
    const bool have = source.append(ref, out);
    if (!have) {
      out.resize(start);
      out.append(kNotAvailable);
    } else {
      apply_transformer(ref.transformer, out, start);
    }
    if (ref.width != 0) out.resize(start + ref.width, ' ');
    if (fields != nullptr) {
      bool seen = false;
      for (const OutputField& f : *fields) {
        if (f.name == ref.name) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        OutputField f;
        f.name = ref.name;
        std::string_view text(out.data() + start, out.size() - start);
        if (have) {
          f.value = ref.transformer == Transformer::None ? source.value(ref, text) : FieldValue(std::string(text));
        }
        f.text.assign(text);
        fields->push_back(std::move(f));
      }
    }
  }
}

}  // namespace saker::output
