// Synthetic inspection records (drawn with the draw's portable xoshiro256**, tested in supervision/random_test.cpp):
// records of the documented shape, identical for a seed and different for another.
#include <qgov/records/generator.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>

#include <qgov/records/records_csv.hpp>

using namespace qgov;
using namespace qgov::records;

TEST_CASE("the generated records: ids in order, dates in the years asked for, the generator's regions") {
  const auto t = generate_records({.rows = 200, .seed = 5, .first_year = 2024, .years = 2});
  REQUIRE(t.size() == 200);
  CHECK(t.id(0) == "R000000001");
  CHECK(t.id(199) == "R000000200");
  const std::set<std::string> regions(generator_regions().begin(), generator_regions().end());
  CHECK(generator_regions().size() == 12);
  CHECK(generator_industries().size() == 29);
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto r = t.row(i);
    CHECK((r.sampled_on.year() == 2024 || r.sampled_on.year() == 2025));
    CHECK(regions.count(r.region) == 1);
    if (r.rectified_on) CHECK(r.ordered_on);
  }
}

TEST_CASE("the CSV and the table are the same records; a seed gives the same bytes, another seed others") {
  std::ostringstream a, b, c;
  generate_records_csv({.rows = 300, .seed = 11}, a);
  generate_records_csv({.rows = 300, .seed = 11}, b);
  generate_records_csv({.rows = 300, .seed = 12}, c);
  CHECK(a.str() == b.str());
  CHECK(a.str() != c.str());
  CHECK(a.str().rfind(std::string(records_csv_header) + "\n", 0) == 0);
  const auto parsed = parse_records_csv(a.str(), "gen.csv");
  const auto table = generate_records({.rows = 300, .seed = 11});
  REQUIRE(parsed.size() == table.size());
  for (std::size_t i = 0; i < table.size(); i += 37) {
    CHECK(parsed.id(i) == table.id(i));
    CHECK(parsed.row(i).sampled_on == table.row(i).sampled_on);
    CHECK(parsed.row(i).region == table.row(i).region);
  }
}

TEST_CASE("scrambled ids stay unique but lose their order") {
  const auto t = generate_records({.rows = 500, .seed = 3, .scrambled_ids = true});
  std::set<std::string> ids;
  bool ordered = true;
  for (std::size_t i = 0; i < t.size(); ++i) {
    ids.insert(std::string(t.id(i)));
    if (i > 0 && !(t.id(i - 1) < t.id(i))) ordered = false;
  }
  CHECK(ids.size() == 500);
  CHECK_FALSE(ordered);
}
