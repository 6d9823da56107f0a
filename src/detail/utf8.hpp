// Private: UTF-8 validation shared by the loaders.
#pragma once

#include <qgov/version.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace qgov::inline QGOV_ABI::detail {

/// The byte offset of the first ill-formed UTF-8 sequence in `s` (RFC 3629: no overlongs, no surrogates,
/// nothing above U+10FFFF), or nullopt when `s` is well-formed.
inline std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  const std::size_t n = s.size();
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  while (i < n) {
    const unsigned char c = byte(i);
    if (c < 0x80) { ++i; continue; }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) { len = 3; lo = 0xA0; }
    else if (c >= 0xE1 && c <= 0xEC) len = 3;
    else if (c == 0xED) { len = 3; hi = 0x9F; }
    else if (c >= 0xEE && c <= 0xEF) len = 3;
    else if (c == 0xF0) { len = 4; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) { len = 4; hi = 0x8F; }
    else return i;
    if (i + len > n) return i;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return i;
    i += len;
  }
  return std::nullopt;
}

/// `s` with every byte that is not part of a well-formed UTF-8 sequence written as \xNN, so that a message quoting
/// input (nlohmann's "last read: '…'" cuts a character in half) is always valid UTF-8.
inline std::string escape_invalid_utf8(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    const auto bad = first_invalid_utf8(s);
    if (!bad) {
      out.append(s);
      break;
    }
    out.append(s.substr(0, *bad));
    const auto c = static_cast<unsigned char>(s[*bad]);
    out += "\\x";
    out += hex[c >> 4];
    out += hex[c & 0xF];
    s.remove_prefix(*bad + 1);
  }
  return out;
}

/// Text quoted for a message: escaped like a JSON string (control bytes as \n, \r, \t or \xNN) and cut after about 60
/// bytes on a character boundary. Text that is not UTF-8 (a file name, say) has its non-ASCII bytes escaped, so a
/// message quoting input is always UTF-8. Shared by the CSV and JSON readers.
inline std::string in_quotes(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  const bool utf8 = !first_invalid_utf8(s);
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (i >= 60 && (!utf8 || (c & 0xC0) != 0x80)) {
      out += "…";
      break;
    }
    if (c == '"' || c == '\\') out += {'\\', static_cast<char>(c)};
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F || (c >= 0x80 && !utf8)) out += {'\\', 'x', hex[c >> 4], hex[c & 0xF]};
    else out += static_cast<char>(c);
  }
  return out + "\"";
}

}  // namespace qgov::detail
