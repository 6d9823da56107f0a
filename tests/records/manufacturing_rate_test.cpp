// The manufacturing quality pass rate weighted by industry output, region layer then district layer (docs/records.md).
#include <qgov/records/manufacturing_rate.hpp>

#include <doctest/doctest.h>

#include <qgov/records/records_csv.hpp>

#include "records_sample.hpp"

using namespace qgov;
using namespace qgov::records;
using namespace qgov::test;

TEST_CASE("the manufacturing rate weights industry rates by output, region layer then district layer") {
  const auto t = parse_records_csv(sample, "sample.csv");
  const auto output = parse_industry_output_csv(
      "region,industry,output_value\n华明街道,C13,300\n华明街道,C14,100\n华明街道,C15,100\n金钟街道,C13,200\n金钟街道,C14,200\n",
      "out.csv");
  const auto m = manufacturing_pass_rate(t, output);
  REQUIRE(m.size() == 2);
  CHECK(m[0].period.str() == "2025-Q1");
  REQUIRE(m[0].regions.size() == 2);
  // 华明: (300·1/4 + 100·0) / 400 = 0.1875, weight 500/900 (its whole output); 金钟: 1.0, weight 400/900
  CHECK(m[0].regions[0].region == "华明街道");
  CHECK(m[0].regions[0].rate == doctest::Approx(0.1875));
  CHECK(m[0].regions[0].unsampled_industries == std::vector<std::string>{"C15"});
  CHECK(m[0].regions[1].rate == doctest::Approx(1.0));
  CHECK(m[0].rate == doctest::Approx((500 * 0.1875 + 400 * 1.0) / 900));
  manufacturing_options o;
  o.renormalise = false;
  const auto kept = manufacturing_pass_rate(t, output, o);
  CHECK(kept[0].regions[0].rate == doctest::Approx(75.0 / 500));
  CHECK(kept[0].rate == doctest::Approx((500 * 0.15 + 400) / 900));
  const auto obs = to_observations(m, goal_mapping::dongli(), d("2025-07-15"), "test");
  REQUIRE(obs.size() == 2);
  CHECK(obs[0].goal == goal_id("manufacturing_quality_pass_rate"));
  CHECK(obs[0].value == doctest::Approx(100 * (500 * 0.1875 + 400 * 1.0) / 900));
  CHECK_THROWS_AS((void)parse_industry_output_csv("region,industry,output_value\na,b,-1\n", "o.csv"), load_error);
  CHECK_THROWS_AS((void)parse_industry_output_csv("region,industry,output_value\na,b,1\na,b,2\n", "o.csv"), load_error);
}
