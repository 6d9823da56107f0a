#include <qgov/formulas/goal_rules.hpp>

#include <doctest/doctest.h>

#include <array>

using namespace qgov;
using namespace qgov::formulas;

TEST_SUITE("formulas::goal_rules") {
  TEST_CASE("保持在30%以上: one year at 29.6 % breaks it") {
    const std::array<double, 3> held{31.2, 30.0, 30.4};
    CHECK(check_maintained(held, comparator::ge, 30).held());
    const std::array<double, 3> broken{31.2, 29.6, 30.4};
    const auto m = check_maintained(broken, comparator::ge, 30);
    CHECK_FALSE(m.held());
    CHECK(m.violations == 1);
    CHECK(m.first_violation == 1u);
    CHECK_FALSE(check_maintained(std::span<const double>{}, comparator::ge, 30).held());
  }
  TEST_CASE("不断提高: a dip breaks the trend; where the dip is matters") {
    const std::array<double, 4> rising{91.2, 92.5, 92.5, 93.0};
    const auto up = check_trend(rising, true);
    CHECK(up.unbroken());  // a flat step is not a fall
    CHECK(up.steps == 3);
    const std::array<double, 3> dipped_last{91.2, 92.5, 92.1};
    const auto t = check_trend(dipped_last, true);
    CHECK(t.steps_against == 1);
    CHECK(t.last_step_against == 2u);
    CHECK_FALSE(t.latest_step_with);
    const std::array<double, 3> falling_goal{8.1, 7.5, 7.9};
    CHECK(check_trend(falling_goal, false).last_step_against == 2u);
  }
  TEST_CASE("milestone pace: half done with all the time gone is behind; done is done") {
    CHECK_FALSE(pace(1, 2, 496, 496).on_pace());
    CHECK(pace(1, 2, 200, 496).on_pace());
    CHECK(pace(2, 2, 496, 496).done_fraction == 1);
    CHECK(pace(3, 2, 10, 496).done_fraction == 1);  // capped
    CHECK(pace(0, 2, -5, 496).elapsed_fraction == 0);
  }
}
