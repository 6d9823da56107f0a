// qgov/io/csv.hpp — writing CSV the way every qgov CSV is written (RFC 4180): the one quoting rule for a field.
#pragma once

#include <qgov/version.hpp>

#include <string>
#include <string_view>

namespace qgov::inline QGOV_ABI {

/// One CSV field: as it is when it holds no comma, quote, CR or LF; otherwise in double quotes with each quote
/// doubled. Bytes are copied as they are (qgov's CSVs are UTF-8; no BOM is added here).
[[nodiscard]] inline std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace qgov
