// Working days with holidays and 调休 workdays, and the timing rule: a draw within the first five working days of
// its quarter (津市场监管信监〔2025〕9号).
#include <qgov/supervision/work_calendar.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace qgov;
using namespace qgov::supervision;

namespace {

// 2025: 元旦 on Wednesday 1 January; 春节 from Tuesday 28 January to Tuesday 4 February, Sunday 26 January a workday.
work_calendar early_2025() {
  std::set<date> holidays{date(2025, 1, 1)};
  for (int d = 28; d <= 31; ++d) holidays.insert(date(2025, 1, d));
  for (int d = 1; d <= 4; ++d) holidays.insert(date(2025, 2, d));
  return work_calendar(holidays, {date(2025, 1, 26)}, "test");
}

std::string days(const std::vector<date>& v) {
  std::string s;
  for (const auto& d : v) s += to_iso(d) + " ";
  return s;
}

}  // namespace

TEST_CASE("weekdays work, weekends do not, unless the calendar lists them") {
  const work_calendar none;
  CHECK(none.is_working_day(date(2025, 1, 1)));        // a Wednesday: only weekends are known
  CHECK_FALSE(none.is_working_day(date(2025, 1, 4)));  // Saturday
  CHECK_FALSE(none.is_working_day(date(2025, 1, 5)));  // Sunday
  const auto cal = early_2025();
  CHECK_FALSE(cal.is_working_day(date(2025, 1, 1)));
  CHECK(cal.is_working_day(date(2025, 1, 26)));  // 调休 Sunday
  CHECK_FALSE(cal.is_working_day(date(2025, 1, 28)));
  CHECK(cal.origin() == "test");
  CHECK(none.origin().empty());
}

TEST_CASE("a calendar covers the years it lists a day of") {
  CHECK(early_2025().covers_year(2025));
  CHECK_FALSE(early_2025().covers_year(2026));
  CHECK_FALSE(work_calendar{}.covers_year(2025));
}

TEST_CASE("the first working days of a range, fewer when the range has fewer") {
  const auto cal = early_2025();
  CHECK(days(cal.first_working_days(date(2025, 1, 1), date(2025, 3, 31), 5)) ==
        "2025-01-02 2025-01-03 2025-01-06 2025-01-07 2025-01-08 ");
  CHECK(days(cal.first_working_days(date(2025, 1, 25), date(2025, 2, 6), 9)) ==
        "2025-01-26 2025-01-27 2025-02-05 2025-02-06 ");
  CHECK(cal.first_working_days(date(2025, 1, 4), date(2025, 1, 5), 5).empty());
}

TEST_CASE("the timing rule in both languages, inside and outside the window") {
  const auto cal = early_2025();
  const period q1 = *period::parse("2025-Q1");
  const auto in = check_timing(q1, date(2025, 1, 8), cal);
  CHECK(in.within);
  CHECK(in.calendar_covers_year);
  CHECK(in.window_days.size() == 5);
  CHECK(in.en == "drawn on 2025-01-08, within the first 5 working days of 2025-Q1 (2025-01-02 to 2025-01-08)");
  const auto out = check_timing(q1, date(2025, 1, 9), cal);
  CHECK_FALSE(out.within);
  CHECK(out.en == "drawn on 2025-01-09, outside the first 5 working days of 2025-Q1 (2025-01-02 to 2025-01-08)");
  CHECK(out.zh == "抽取日期2025-01-09不在2025-Q1前5个工作日（2025-01-02至2025-01-08）内");
  const auto wide = check_timing(q1, date(2025, 1, 9), cal, 6);
  CHECK(wide.within);
  CHECK(wide.en.find("first 6 working days") != std::string::npos);
}
