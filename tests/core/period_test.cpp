// Reporting periods: the four forms parse exactly, print back, span the right days and order by their end.
#include <qgov/core/period.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace qgov;

namespace {
period p(const char* s) {
  const auto r = period::parse(s);
  REQUIRE_MESSAGE(r, s);
  return *r;
}
}  // namespace

TEST_SUITE("period") {
  TEST_CASE("a year, a quarter, a month and a day, with their first and last days") {
    CHECK(p("2024").kind() == period::kind_t::year);
    CHECK(to_iso(p("2024").first_day()) == "2024-01-01");
    CHECK(to_iso(p("2024").last_day()) == "2024-12-31");
    CHECK(p("2024-Q3").kind() == period::kind_t::quarter);
    CHECK(to_iso(p("2024-Q3").first_day()) == "2024-07-01");
    CHECK(to_iso(p("2024-Q3").last_day()) == "2024-09-30");
    CHECK(to_iso(p("2025-Q1").last_day()) == "2025-03-31");
    CHECK(p("2024-09").kind() == period::kind_t::month);
    CHECK(to_iso(p("2024-02").last_day()) == "2024-02-29");  // leap year
    CHECK(to_iso(p("2025-02").last_day()) == "2025-02-28");
    CHECK(p("2024-09-30").kind() == period::kind_t::day);
    CHECK(p("2024-09-30").first_day() == p("2024-09-30").last_day());
    CHECK(p("2024-Q3").year_number() == 2024);
  }
  TEST_CASE("periods print as written; a lower-case q prints upper-case") {
    for (const char* s : {"2024", "2024-Q3", "2024-09", "2024-09-30", "1900", "2200-Q4"}) CHECK(p(s).str() == s);
    CHECK(p("2024-q3").str() == "2024-Q3");
    CHECK(period::year(2025) == p("2025"));
    CHECK(period::year(2025).str() == "2025");
  }
  TEST_CASE("anything else is refused") {
    for (const char* bad : {"", "24", "2024-Q5", "2024-Q0", "2024-13", "2024-00", "2024-02-30", "1899", "2201",
                            "2024-", "2024Q3", "2024-9", "２０２４", "2024-Q3 ", "abcd"})
      CHECK_MESSAGE(!period::parse(bad), bad);
  }
  TEST_CASE("ordered by end date, then the shorter first: the day, month, quarter and year ending together") {
    std::vector<period> v{p("2024"), p("2024-Q4"), p("2024-12-31"), p("2024-12"), p("2024-Q3"), p("2025-01")};
    std::sort(v.begin(), v.end());
    std::string order;
    for (const auto& x : v) order += x.str() + " ";
    CHECK(order == "2024-Q3 2024-12-31 2024-12 2024-Q4 2024 2025-01 ");
    CHECK_FALSE(p("2024-Q4") == p("2024"));
  }
  TEST_CASE("a period's end as a fractional year: the year plus the elapsed part of it at the end of that day") {
    CHECK(as_fractional_year(date(2025, 1, 1)) == doctest::Approx(2025 + 1.0 / 365));
    CHECK(as_fractional_year(date(2024, 7, 1)) == doctest::Approx(2024 + 183.0 / 366));  // leap: 183rd day of 366
    // the end of a year is where the next one starts (the header's "2024.997…" example is not what the code gives)
    CHECK(p("2024").end_as_year() == 2025.0);
    CHECK(p("2025-Q2").end_as_year() == doctest::Approx(2025 + 181.0 / 365));
    CHECK(p("2025-06").end_as_year() == p("2025-Q2").end_as_year());
  }
}
