// Rectification completion of failed samples as of a date, per level (docs/records.md).
#include <qgov/records/rectification.hpp>

#include <doctest/doctest.h>

#include <qgov/records/records_csv.hpp>

#include "records_sample.hpp"

using namespace qgov;
using namespace qgov::records;
using namespace qgov::test;

TEST_CASE("rectification as of 2025-06-30 counts completed, overdue, pending and failed re-inspections per level") {
  const auto t = parse_records_csv(sample, "sample.csv");
  const auto r = rectification(t, d("2025-06-30"));
  const auto& district = r.levels[static_cast<std::size_t>(level::district)];
  using s = rectification_status;
  CHECK(district.count[static_cast<std::size_t>(s::completed)] == 1);            // R6
  CHECK(district.count[static_cast<std::size_t>(s::overdue)] == 2);              // R7 not corrected, R13 corrected late
  CHECK(district.count[static_cast<std::size_t>(s::reinspection_overdue)] == 1); // R14
  CHECK(district.count[static_cast<std::size_t>(s::not_ordered)] == 1);          // R15
  CHECK(district.as_rate() == rate{1, 5});
  CHECK(r.levels[static_cast<std::size_t>(level::municipal)].count[static_cast<std::size_t>(s::pending)] == 1);  // R8
  CHECK(r.levels[static_cast<std::size_t>(level::national)].count[static_cast<std::size_t>(s::failed_reinspection)] == 1);  // R9
  REQUIRE(r.items.size() == 7);
  CHECK(r.items[0].record_id == "R6");
  CHECK(r.items[0].rectify_by == d("2025-05-09"));
  CHECK(r.items[0].reinspect_by == d("2025-05-24"));

  SUBCASE("options") {
    rectification_options o;
    o.late_rectification_counts = true;
    o.exclude_not_ordered = true;
    const auto lenient = rectification(t, d("2025-06-30"), o);
    CHECK(lenient.levels[static_cast<std::size_t>(level::district)].as_rate() == rate{2, 4});
    o = {};
    o.by_enterprise = true;
    CHECK(rectification(t, d("2025-06-30"), o).items.size() == 7);  // one failed item per enterprise here
  }
  SUBCASE("as of an earlier date, later dates are not yet known") {
    const auto early = rectification(t, d("2025-04-15"));
    const auto& dl = early.levels[static_cast<std::size_t>(level::district)];
    CHECK(dl.due == 4);  // R6, R7, R13 pending; R14 re-inspection overdue; R15 not yet sampled
    CHECK(dl.count[static_cast<std::size_t>(s::pending)] == 3);
    CHECK(dl.count[static_cast<std::size_t>(s::reinspection_overdue)] == 1);
  }
  SUBCASE("observations per level") {
    const auto obs = to_observations(r, goal_mapping::dongli(), d("2025-07-01"), "test");
    REQUIRE(obs.size() == 3);
    CHECK(obs[0].goal == goal_id("rectification_completion_rate"));
    CHECK(obs[0].level == level::national);
    CHECK(obs[2].rate == rate{1, 5});
  }
}
