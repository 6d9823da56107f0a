// qgov/core/period.hpp — reporting periods (a year, a quarter, a month or a day) as the statistics publish them.
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string>
#include <string_view>

#include <qgov/core/date.hpp>

namespace qgov::inline QGOV_ABI {

/// A reporting period: `2024`, `2024-Q3`, `2024-09` or `2024-09-30`. A figure for a period describes its end.
class period {
public:
  enum class kind_t { year, quarter, month, day };

  period() = default;

  /// Parses one of the four forms exactly; nullopt for anything else (`2024-Q5`, `2024-13`, `2024-02-30`, `24`).
  [[nodiscard]] static std::optional<period> parse(std::string_view s) noexcept;

  [[nodiscard]] static period year(int y) { return period(kind_t::year, date(ushort(y), 1, 1), end_of_year(y)); }

  [[nodiscard]] kind_t kind() const noexcept { return kind_; }
  /// The first day of the period.
  [[nodiscard]] date first_day() const noexcept { return first_; }
  /// The last day of the period: the date its figure refers to.
  [[nodiscard]] date last_day() const noexcept { return last_; }
  /// The period's year.
  [[nodiscard]] int year_number() const noexcept { return static_cast<int>(first_.year()); }
  /// The period as written: `2024`, `2024-Q3`, `2024-09`, `2024-09-30`.
  [[nodiscard]] std::string str() const;
  /// The period's end as a fractional year, counted at the end of its last day (2024-12-31 → 2025.0, 2024-06-30 →
  /// 2024.497…), the time axis of the progress formulas.
  [[nodiscard]] double end_as_year() const noexcept;

  friend bool operator==(const period& a, const period& b) noexcept { return a.kind_ == b.kind_ && a.first_ == b.first_; }
  /// Ordered by end date, then by length (a month before the quarter and year that end with it).
  friend bool operator<(const period& a, const period& b) noexcept {
    if (a.last_ != b.last_) return a.last_ < b.last_;
    return a.first_ > b.first_;
  }

private:
  using ushort = unsigned short;
  period(kind_t k, date first, date last) : kind_(k), first_(first), last_(last) {}
  kind_t kind_ = kind_t::year;
  date first_{2000, 1, 1};
  date last_{2000, 12, 31};
};

/// A date as a fractional year: the year plus the elapsed fraction of it at the end of that day.
[[nodiscard]] inline double as_fractional_year(const date& d) noexcept {
  const int y = d.year();
  const double days = boost::gregorian::gregorian_calendar::is_leap_year(static_cast<unsigned short>(y)) ? 366.0 : 365.0;
  return y + static_cast<double>(d.day_of_year()) / days;
}

inline std::optional<period> period::parse(std::string_view s) noexcept {
  auto number = [&](std::size_t from, std::size_t n, int& out) {
    if (from + n > s.size()) return false;
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y = 0;
  if (!number(0, 4, y) || y < 1900 || y > 2200) return std::nullopt;
  const auto uy = static_cast<ushort>(y);
  if (s.size() == 4) return period(kind_t::year, date(uy, 1, 1), end_of_year(y));
  if (s.size() == 7 && s[4] == '-' && (s[5] == 'Q' || s[5] == 'q')) {
    const int q = s[6] - '0';
    if (q < 1 || q > 4) return std::nullopt;
    const auto first = date(uy, static_cast<ushort>(3 * q - 2), 1);
    return period(kind_t::quarter, first, date(uy, static_cast<ushort>(3 * q), 1).end_of_month());
  }
  int m = 0;
  if (s.size() == 7 && s[4] == '-' && number(5, 2, m)) {
    if (m < 1 || m > 12) return std::nullopt;
    const auto first = date(uy, static_cast<ushort>(m), 1);
    return period(kind_t::month, first, first.end_of_month());
  }
  if (auto d = parse_iso_date(s)) return period(kind_t::day, *d, *d);
  return std::nullopt;
}

inline std::string period::str() const {
  const std::string y = std::to_string(year_number());
  switch (kind_) {
    case kind_t::year: return y;
    case kind_t::quarter: return y + "-Q" + std::to_string((first_.month() - 1) / 3 + 1);
    case kind_t::month: return to_iso(first_).substr(0, 7);
    case kind_t::day: return to_iso(first_);
  }
  return y;
}

inline double period::end_as_year() const noexcept { return as_fractional_year(last_); }

}  // namespace qgov
