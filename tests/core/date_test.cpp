#include <qgov/core/date.hpp>

#include <doctest/doctest.h>

TEST_SUITE("date") {
  TEST_CASE("ISO dates parse strictly") {
    auto d = qgov::parse_iso_date("2025-12-31");
    REQUIRE(d);
    CHECK(d->year() == 2025);
    CHECK(d->month() == 12);
    CHECK(d->day() == 31);
    CHECK(qgov::to_iso(*d) == "2025-12-31");
  }
  TEST_CASE("malformed or impossible dates are refused") {
    for (const char* bad : {"2025-13-01", "2025-02-30", "2025-2-3", "2025/12/31", "20251231", "", "2025-12-31T00",
                            "abcd-ef-gh", "2023-02-29", "0000-01-01"})
      CHECK_MESSAGE(!qgov::parse_iso_date(bad), bad);
    CHECK(qgov::parse_iso_date("2024-02-29"));  // leap year
  }
  TEST_CASE("the deadline of 到2025年 is the last day of 2025") {
    CHECK(qgov::to_iso(qgov::end_of_year(2025)) == "2025-12-31");
  }
}
