// qgov/supervision/work_calendar.hpp — working days with public holidays and 调休 workdays, and Tianjin's timing rule
// for the 双随机 draw (the first five working days of each quarter).
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <qgov/core/date.hpp>
#include <qgov/core/period.hpp>

namespace qgov::inline QGOV_ABI::supervision {

/// Monday to Friday are working days, except listed holidays; listed adjusted workdays (调休上班, usually a Saturday
/// or Sunday) are working days. Which days are which is data: the State Council publishes them each year.
class work_calendar {
public:
  work_calendar() = default;
  work_calendar(std::set<date> holidays, std::set<date> workdays, std::string origin = {})
      : holidays_(std::move(holidays)), workdays_(std::move(workdays)), origin_(std::move(origin)) {}

  [[nodiscard]] bool is_working_day(const date& d) const {
    if (workdays_.count(d)) return true;
    if (holidays_.count(d)) return false;
    const auto wd = d.day_of_week().as_number();  // 0 = Sunday
    return wd != 0 && wd != 6;
  }
  [[nodiscard]] const std::set<date>& holidays() const noexcept { return holidays_; }
  [[nodiscard]] const std::set<date>& workdays() const noexcept { return workdays_; }
  /// Where the calendar came from (a file name), or empty for weekends only.
  [[nodiscard]] const std::string& origin() const noexcept { return origin_; }
  /// True when the calendar lists any day of `year`: a year without entries is probably a missing calendar.
  [[nodiscard]] bool covers_year(int year) const {
    for (const auto* s : {&holidays_, &workdays_})
      for (const auto& d : *s)
        if (d.year() == year) return true;
    return false;
  }

  /// The first `n` working days from `first` up to `last` (fewer when the range has fewer).
  [[nodiscard]] std::vector<date> first_working_days(const date& first, const date& last, std::size_t n) const {
    std::vector<date> out;
    for (date d = first; d <= last && out.size() < n; d += boost::gregorian::days(1))
      if (is_working_day(d)) out.push_back(d);
    return out;
  }

private:
  std::set<date> holidays_;
  std::set<date> workdays_;
  std::string origin_;
};

/// Whether a draw date keeps the timing rule: within the first `window` working days of its quarter.
struct timing_check {
  period quarter;
  date drawn_on;
  std::size_t window = 5;
  std::vector<date> window_days;  ///< the first `window` working days of the quarter
  bool within = false;
  bool calendar_covers_year = false;  ///< false: only weekends were known for that year
  std::string zh;
  std::string en;
};

/// Checks `drawn_on` against the first `window` working days of `quarter` (津市场监管信监〔2025〕9号: "在每个季度的前五个
/// 工作日内，集中实施检查对象的抽取").
[[nodiscard]] inline timing_check check_timing(const period& quarter, const date& drawn_on, const work_calendar& cal,
                                               std::size_t window = 5) {
  timing_check t{quarter, drawn_on, window, cal.first_working_days(quarter.first_day(), quarter.last_day(), window),
                 false, cal.covers_year(quarter.year_number()), {}, {}};
  for (const auto& d : t.window_days) t.within = t.within || d == drawn_on;
  const std::string from = t.window_days.empty() ? "?" : to_iso(t.window_days.front());
  const std::string to = t.window_days.empty() ? "?" : to_iso(t.window_days.back());
  const std::string n = std::to_string(window);
  if (t.within) {
    t.zh = "抽取日期" + to_iso(drawn_on) + "在" + quarter.str() + "前" + n + "个工作日（" + from + "至" + to + "）内";
    t.en = "drawn on " + to_iso(drawn_on) + ", within the first " + n + " working days of " + quarter.str() + " (" +
           from + " to " + to + ")";
  } else {
    t.zh = "抽取日期" + to_iso(drawn_on) + "不在" + quarter.str() + "前" + n + "个工作日（" + from + "至" + to + "）内";
    t.en = "drawn on " + to_iso(drawn_on) + ", outside the first " + n + " working days of " + quarter.str() + " (" +
           from + " to " + to + ")";
  }
  return t;
}

}  // namespace qgov::supervision
