#include <qgov/formulas/target_check.hpp>

#include <doctest/doctest.h>

using namespace qgov;

TEST_SUITE("formulas::target_check") {
  TEST_CASE("food sampling pass rate of 98.4 % misses a target of 98.5 %, by 0.1 point") {
    const auto r = formulas::check_target(98.4, target{comparator::ge, 98.5, "%", "98.5%"});
    CHECK_FALSE(r.met);
    CHECK(r.shortfall == doctest::Approx(0.1));
  }
  TEST_CASE("R&D share of exactly 3.8 % does not exceed 3.8 % (超过 is strict)") {
    const auto r = formulas::check_target(3.8, target{comparator::gt, 3.8, "%", "3.8%"});
    CHECK_FALSE(r.met);
    CHECK(r.shortfall == 0);  // on the boundary: nothing left to close, but not met
    CHECK(formulas::check_target(3.81, target{comparator::gt, 3.8, "%", ""}).met);
  }
  TEST_CASE("lower-is-better and exact targets report the distance the right way round") {
    CHECK(formulas::check_target(5.5, target{comparator::le, 5, "%", ""}).shortfall == doctest::Approx(0.5));
    CHECK(formulas::check_target(96, target{comparator::eq, 100, "%", ""}).shortfall == doctest::Approx(4));
    CHECK(formulas::check_target(100, target{comparator::eq, 100, "%", ""}).met);
  }
}
