// The columnar record table: day numbers, the dictionaries, rows read back (docs/records.md).
#include <qgov/records/record_table.hpp>

#include <doctest/doctest.h>

#include <qgov/records/records_csv.hpp>

#include "records_sample.hpp"

using namespace qgov;
using namespace qgov::records;
using namespace qgov::test;

TEST_CASE("day numbers agree with Boost.Date_Time") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  for (const char* s : {"1900-03-01", "2000-02-29", "2024-12-31", "2025-01-01", "2200-12-31"}) {
    CHECK(to_date(to_day_number(d(s))) == d(s));
    CHECK(to_day_number(d(s)) == (d(s) - date(1970, 1, 1)).days());
  }
}
