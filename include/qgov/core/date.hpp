// qgov/core/date.hpp — calendar dates as boost::gregorian::date, with strict ISO-8601 parsing.
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace qgov::inline QGOV_ABI {

using date = boost::gregorian::date;

/// Parses exactly `YYYY-MM-DD` into a valid date; nullopt for any other text or an impossible date (2025-02-30).
[[nodiscard]] inline std::optional<date> parse_iso_date(std::string_view s) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
  if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > boost::gregorian::gregorian_calendar::end_of_month_day(
              static_cast<unsigned short>(y), static_cast<unsigned short>(m)))
    return std::nullopt;
  return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

/// Formats a date as `YYYY-MM-DD`.
[[nodiscard]] inline std::string to_iso(const date& d) {
  const auto ymd = d.year_month_day();
  std::string out(10, '-');
  auto put = [&out](std::size_t at, unsigned v, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i, v /= 10) out[at + n - 1 - i] = static_cast<char>('0' + v % 10);
  };
  put(0, ymd.year, 4);
  put(5, ymd.month, 2);
  put(8, ymd.day, 2);
  return out;
}

/// The last day of `year`: the deadline a target "到2025年" means unless the text says otherwise.
[[nodiscard]] inline date end_of_year(int year) {
  return date(static_cast<unsigned short>(year), 12, 31);
}

}  // namespace qgov
