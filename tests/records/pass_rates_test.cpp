// Pass rates over inspection records: grouping, Wilson intervals, pooling, and the observations they become.
#include <qgov/records/pass_rates.hpp>

#include <doctest/doctest.h>

#include <qgov/core/error.hpp>
#include <qgov/records/records_csv.hpp>

#include "records_sample.hpp"

using namespace qgov;
using namespace qgov::records;
using namespace qgov::test;

namespace {

const rate_cell* find(const rate_table& r, std::optional<programme> p, std::optional<std::string> period = {}) {
  for (const auto& c : r.cells)
    if (c.programme == p && (!period || (c.period && c.period->str() == *period))) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("pass rates by programme and by programme and quarter match the hand count") {
  const auto t = parse_records_csv(sample, "sample.csv");
  const auto by_prog = pass_rates(t, parse_group_by("programme"));
  REQUIRE(by_prog.cells.size() == 3);
  CHECK(find(by_prog, programme::food_evaluative)->passed == 2);
  CHECK(find(by_prog, programme::food_evaluative)->sampled == 3);
  CHECK(find(by_prog, programme::agri_monitoring)->as_rate() == rate{1, 2});
  CHECK(find(by_prog, programme::product_supervisory)->as_rate() == rate{3, 10});
  CHECK(find(by_prog, programme::product_supervisory)->small_sample);

  const auto by_q = pass_rates(t, parse_group_by("programme,quarter"));
  CHECK(find(by_q, programme::food_evaluative, "2025-Q1")->as_rate() == rate{1, 2});
  CHECK(find(by_q, programme::food_evaluative, "2025-Q2")->as_rate() == rate{1, 1});
  CHECK(find(by_q, programme::product_supervisory, "2025-Q1")->as_rate() == rate{3, 8});
  CHECK(find(by_q, programme::product_supervisory, "2025-Q2")->as_rate() == rate{0, 2});
  CHECK(by_q.cells.size() == 5);

  SUBCASE("all records, and a filter") {
    const auto all = pass_rates(t, group_by{});
    REQUIRE(all.cells.size() == 1);
    CHECK(all.cells[0].as_rate() == rate{6, 15});
    rate_options o;
    o.filter.levels = {false, false, true};  // district only
    o.filter.from = d("2025-03-01");
    o.filter.to = d("2025-03-31");
    const auto march = pass_rates(t, parse_group_by("programme"), o);
    REQUIRE(march.cells.size() == 1);  // R6, R7, R12, R13
    CHECK(march.cells[0].as_rate() == rate{1, 4});
  }
  SUBCASE("two threads count the same") {
    rate_options o;
    o.threads = 2;
    CHECK(pass_rates(t, parse_group_by("programme,level,region,month"), o).cells.size() ==
          pass_rates(t, parse_group_by("programme,level,region,month")).cells.size());
  }
  SUBCASE("month, year, region and category keys") {
    const auto r = pass_rates(t, parse_group_by("region,category,month"));
    for (const auto& c : r.cells) CHECK((c.region && c.category && c.period && c.period->kind() == period::kind_t::month));
    const auto y = pass_rates(t, parse_group_by("year"));
    REQUIRE(y.cells.size() == 1);
    CHECK(y.cells[0].period->str() == "2025");
  }
}

TEST_CASE("grouping keys are checked") {
  CHECK(to_string(parse_group_by("programme,level,quarter")) == "programme,level,quarter");
  CHECK_THROWS_WITH_AS((void)parse_group_by("programme,district"), doctest::Contains("unknown grouping key \"district\""), qgov::error);
  CHECK_THROWS_AS((void)parse_group_by("month,quarter"), qgov::error);
  CHECK(parse_group_by("") == group_by{});
}

TEST_CASE("Wilson interval of 95 of 100 is [0.88825, 0.97846]") {
  const auto w = wilson_interval(95, 100);
  CHECK(w.low == doctest::Approx(0.8882495).epsilon(1e-6));
  CHECK(w.high == doctest::Approx(0.9784563).epsilon(1e-6));
  const auto all = wilson_interval(50, 50);
  CHECK(all.high == 1.0);
  CHECK(all.low == doctest::Approx(50.0 / (50 + z_95 * z_95)).epsilon(1e-9));
  const auto none = wilson_interval(0, 0);
  CHECK(none.low == 0);
  CHECK(none.high == 1);
  const auto wide = wilson_interval(95, 100, 2.576);  // z configurable: 99 %
  CHECK(wide.low < w.low);
}

TEST_CASE("the pooled agricultural rate differs from the mean of category rates") {
  record_table t;
  for (int i = 0; i < 12; ++i) {
    record r;
    r.id = "A" + std::to_string(i);
    r.programme = programme::agri_monitoring;
    r.sampled_on = d("2025-05-01");
    r.region = "金钟街道";
    r.category = i < 10 ? "蔬菜" : "水果";
    r.enterprise = "E1";
    r.outcome = (i == 9 || i == 11) ? outcome::fail : outcome::pass;
    if (r.outcome == outcome::fail) r.ordered_on = d("2025-05-10");
    t.add(r);
  }
  const auto p = pooled_rate(t);
  CHECK(p.sampled == 12);
  CHECK(p.passed == 10);
  CHECK(p.pooled == doctest::Approx(10.0 / 12));
  CHECK(p.category_mean == doctest::Approx((0.9 + 0.5) / 2));
  CHECK(p.categories == 2);
}

TEST_CASE("rates become observations for the Dongli goals, with numerator and denominator") {
  const auto t = parse_records_csv(sample, "sample.csv");
  const auto obs = to_observations(pass_rates(t, parse_group_by("programme,year")), goal_mapping::dongli(), d("2026-01-15"), "test");
  REQUIRE(obs.size() == 2);  // food evaluative and agricultural monitoring; product supervisory serves the weighted rate
  CHECK(obs[0].goal == goal_id("food_sampling_pass_rate"));
  CHECK(obs[0].rate == rate{2, 3});
  CHECK(obs[0].value == doctest::Approx(200.0 / 3));
  CHECK(obs[0].period.str() == "2025");
  CHECK(obs[1].goal == goal_id("agri_product_pass_rate"));
  goal_mapping other;
  other.pass_rate[static_cast<std::size_t>(programme::food_supervisory)] = goal_id("x");
  CHECK(to_observations(pass_rates(t, parse_group_by("programme,year")), other, d("2026-01-15"), "test").empty());
  CHECK_THROWS_AS((void)to_observations(pass_rates(t, parse_group_by("programme,region,year")), goal_mapping::dongli(), d("2026-01-15"), "t"),
                  qgov::error);
}
