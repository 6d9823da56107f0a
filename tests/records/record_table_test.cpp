// The columnar record table: day numbers, the dictionaries, rows read back (docs/records.md).
#include <qgov/records/record_table.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include <qgov/core/error.hpp>

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

namespace {
// Three records in columns: two regions, one category, two enterprises; the second record fails.
struct three_columns {
  std::vector<std::int64_t> programme{0, 2, 3}, level{2, 2, 1},
      sampled_on{days_from_civil(2025, 1, 2), days_from_civil(2025, 4, 1), days_from_civil(2025, 12, 31)},
      outcome{1, 0, 1}, region{0, 1, 0}, category{0, 0, 0}, enterprise{1, 0, 1};
  std::vector<std::string> regions{"东丽区", "津南区"}, categories{"粮食加工品"}, enterprises{"E1", "E2"};
  [[nodiscard]] record_columns view() const {
    return {programme, level, sampled_on, outcome, region, category, enterprise, regions, categories, enterprises};
  }
};

std::string from_columns_error(const record_columns& c) {
  try {
    (void)record_table::from_columns(c);
  } catch (const qgov::error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("from_columns builds the table add() builds from the same records") {
  const three_columns c;
  const record_table t = record_table::from_columns(c.view());
  REQUIRE(t.size() == 3);
  record_table by_rows;
  for (std::size_t i = 0; i < 3; ++i) {
    record r = t.row(i);
    by_rows.add(r);
  }
  CHECK(t.programme_column() == by_rows.programme_column());
  CHECK(t.level_column() == by_rows.level_column());
  CHECK(t.outcome_column() == by_rows.outcome_column());
  CHECK(t.sampled_on_column() == by_rows.sampled_on_column());
  for (std::size_t i = 0; i < 3; ++i) {  // codes follow the name lists given, add()'s the order of first sight
    CHECK(t.row(i).region == by_rows.row(i).region);
    CHECK(t.row(i).enterprise == by_rows.row(i).enterprise);
  }
  CHECK(t.enterprises().names() == std::deque<std::string>{"E1", "E2"});
  CHECK(by_rows.enterprises().names() == std::deque<std::string>{"E2", "E1"});
  CHECK(t.failures().row == by_rows.failures().row);
  const record second = t.row(1);
  CHECK(second.programme == programme::agri_monitoring);
  CHECK(second.level == qgov::level::district);
  CHECK(second.sampled_on == d("2025-04-01"));
  CHECK(second.region == "津南区");
  CHECK(second.enterprise == "E1");
  CHECK(second.outcome == outcome::fail);
  CHECK_FALSE(second.rectified_on);
  CHECK(t.row(2).level == qgov::level::municipal);
  CHECK(t.failures().row == std::vector<std::uint32_t>{1});
  CHECK(record_table::from_columns(record_columns{}).empty());
}

TEST_CASE("from_columns names the first bad row and column, or the bad list, and builds nothing") {
  auto error_with = [](auto change) {
    three_columns c;
    change(c);
    return from_columns_error(c.view());
  };
  CHECK(error_with([](three_columns& c) { c.programme[1] = 9; }) == "row 1, programme: unknown programme code 9");
  CHECK(error_with([](three_columns& c) { c.level[2] = 3; }) == "row 2, level: unknown level code 3");
  CHECK(error_with([](three_columns& c) { c.level[0] = -1; }) == "row 0, level: unknown level code -1");
  CHECK(error_with([](three_columns& c) { c.sampled_on[0] = days_from_civil(1899, 12, 31); }) ==
        "row 0, sampled_on: missing, or outside 1900–2200");
  CHECK(error_with([](three_columns& c) { c.sampled_on[2] = days_from_civil(2201, 1, 1); }) ==
        "row 2, sampled_on: missing, or outside 1900–2200");
  CHECK(error_with([](three_columns& c) { c.outcome[1] = 2; }) == "row 1, outcome: expected pass or fail");
  CHECK(error_with([](three_columns& c) { c.region[2] = -1; }) == "row 2, region: missing");
  CHECK(error_with([](three_columns& c) { c.category[0] = 1; }) == "row 0, category: code 1 has no name (1 names)");
  CHECK(error_with([](three_columns& c) { c.enterprise[1] = 2; }) == "row 1, enterprise: code 2 has no name (2 names)");
  CHECK(error_with([](three_columns& c) { c.outcome.pop_back(); }) ==
        "outcome: expected 3 values (one per record, as programme), got 2");
  // a repeated name would give two codes one name, and shift every code after it: refused
  CHECK(error_with([](three_columns& c) { c.regions.push_back("东丽区"); }) ==
        "region_names: \"东丽区\" is given twice, at 0 and 2 (each name once, so that a code means one name)");
  CHECK(error_with([](three_columns& c) { c.regions.assign(65536, ""); }).starts_with(
      "region_names: 65536 names, more than the 65535 a table holds"));
  // the first problem in row order, whatever its column
  CHECK(error_with([](three_columns& c) { c.outcome[2] = 5; c.level[1] = 7; }) == "row 1, level: unknown level code 7");
}
