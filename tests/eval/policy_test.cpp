// The evaluation policy's defaults are the ones docs/formulas.md documents, and the progress methods' names round-trip.
#include <qgov/eval/policy.hpp>

#include <doctest/doctest.h>

using namespace qgov;

TEST_SUITE("policy") {
  TEST_CASE("the documented defaults: Open SDG bands, methods per goal kind, scorecard points and weights") {
    const evaluation_policy p;
    CHECK(p.on_track_ratio == 0.95);
    CHECK(p.at_risk_ratio == 0.60);
    CHECK(p.threshold_method == progress_method::open_sdg);
    CHECK(p.cumulative_method == progress_method::linear_projection);
    CHECK(p.all_levels_method == progress_method::open_sdg);
    CHECK_FALSE(p.base_year);
    CHECK_FALSE(p.maintain_window_start);
    CHECK_FALSE(p.trend_flat_step_breaks);
    CHECK_FALSE(p.partial_periods_decide);
    CHECK(p.points_achieved == 100);
    CHECK(p.points_on_track == 90);
    CHECK(p.points_at_risk == 70);
    CHECK(p.points_off_track == 40);
    CHECK(p.points_missed == 0);
    CHECK_FALSE(p.points_no_data);  // a goal without data is left out of the score
    CHECK(p.weight_lead == 2);
    CHECK(p.weight_responsible == 1);
    CHECK(p.weight_supporting == 1);
    CHECK(p.vetoes.empty());
  }
  TEST_CASE("progress methods by name") {
    for (auto m : {progress_method::open_sdg, progress_method::linear_projection, progress_method::unsd_expected})
      CHECK(parse_progress_method(to_string(m)) == m);
    CHECK(to_string(progress_method::unsd_expected) == "unsd_expected");
    CHECK_FALSE(parse_progress_method("open-sdg"));
    CHECK_FALSE(parse_progress_method(""));
  }
}
