#include <qgov/formulas/projection.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cmath>

using namespace qgov::formulas;

TEST_SUITE("formulas::projection") {
  TEST_CASE("worked example: farmland 36 500, 40 200, 42 100 亩 in 2023–2025 projects to the 2025 deadline") {
    // docs/formulas.md, "Least-squares projection": the figures below are checked there verbatim
    const std::array<time_point, 3> pts{{{2023, 36500}, {2024, 40200}, {2025, 42100}}};
    const auto f = fit_least_squares(pts);
    REQUIRE(f.ok());
    CHECK(f.slope == doctest::Approx(2800.0));
    CHECK(f.intercept == doctest::Approx(39600.0 - 2800.0 * 2024));
    CHECK(f.residual_se == doctest::Approx(std::sqrt(540000.0)));  // residuals −300, 600, −300: SS 540 000, 1 degree of freedom
    const auto p = project(f, 2026);
    CHECK(p.value == doctest::Approx(45200.0));
    REQUIRE(p.has_interval());
    CHECK(p.standard_error == doctest::Approx(f.residual_se * std::sqrt(1 + 1.0 / 3 + 4.0 / 2)));
    // Student t with 1 degree of freedom: q(0.975) = 12.706
    CHECK(p.upper - p.value == doctest::Approx(12.7062 * p.standard_error).epsilon(1e-4));
    CHECK(p.value - p.lower == doctest::Approx(p.upper - p.value));
  }
  TEST_CASE("two points give a line but no interval; one point gives nothing") {
    const std::array<time_point, 2> two{{{2023, 3}, {2024, 5}}};
    const auto f = fit_least_squares(two);
    REQUIRE(f.ok());
    const auto p = project(f, 2025);
    CHECK(p.value == doctest::Approx(7));
    CHECK_FALSE(p.has_interval());
    const std::array<time_point, 1> one{{{2023, 3}}};
    CHECK_FALSE(fit_least_squares(one).ok());
    const std::array<time_point, 2> same_time{{{2023, 3}, {2023, 5}}};
    CHECK_FALSE(fit_least_squares(same_time).ok());
    const std::array<time_point, 2> nan_value{{{2023, 3}, {2024, std::nan("")}}};
    CHECK_FALSE(fit_least_squares(nan_value).ok());
  }
  TEST_CASE("expected ratio: how much of the required change the expected value covers") {
    CHECK(*expected_ratio(7, 3, 10) == doctest::Approx(4.0 / 7));
    CHECK(*expected_ratio(10, 3, 10) == doctest::Approx(1));
    CHECK_FALSE(expected_ratio(7, 10, 10).has_value());  // nothing required: undefined, not infinite
  }
  TEST_CASE("UNSD expected value: grow the latest value at the observed CAGR to the target year") {
    const auto u = unsd_expected_value({2015, 10}, {2020, 12}, 20, 2030);
    REQUIRE(u);
    CHECK(u->cagr == doctest::Approx(std::pow(1.2, 0.2) - 1));
    CHECK(u->expected_value == doctest::Approx(12 * std::pow(1.2, 2.0)));  // (1+cagr)^10 = 1.2^2
    CHECK(u->ratio == doctest::Approx((17.28 - 10) / 10));
    CHECK_FALSE(unsd_expected_value({2015, 0}, {2020, 12}, 20, 2030));   // growth from zero is undefined
    CHECK_FALSE(unsd_expected_value({2015, 10}, {2015, 12}, 20, 2030));  // no elapsed time
    CHECK_FALSE(unsd_expected_value({2015, 10}, {2020, 12}, 10, 2030));  // target equals base
  }
}
