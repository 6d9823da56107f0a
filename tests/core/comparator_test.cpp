#include <qgov/core/comparator.hpp>

#include <doctest/doctest.h>

using qgov::comparator;

TEST_SUITE("comparator") {
  TEST_CASE("超过 is strict: exactly 3.8 % does not exceed a target of 3.8 %") {
    CHECK_FALSE(qgov::satisfies(3.8, comparator::gt, 3.8));
    CHECK(qgov::satisfies(3.81, comparator::gt, 3.8));
  }
  TEST_CASE("达到…以上 is inclusive: 98.5 % meets a target of 98.5 %, 98.4 % misses it") {
    CHECK(qgov::satisfies(98.5, comparator::ge, 98.5));
    CHECK_FALSE(qgov::satisfies(98.4, comparator::ge, 98.5));
  }
  TEST_CASE("lower-is-better comparators") {
    CHECK(qgov::satisfies(1.0, comparator::lt, 2.0));
    CHECK_FALSE(qgov::satisfies(2.0, comparator::lt, 2.0));
    CHECK(qgov::satisfies(2.0, comparator::le, 2.0));
    CHECK(qgov::satisfies(100, comparator::eq, 100));
    CHECK_FALSE(qgov::satisfies(99.9, comparator::eq, 100));
  }
  TEST_CASE("names round-trip and unknown names are refused") {
    for (auto c : {comparator::gt, comparator::ge, comparator::lt, comparator::le, comparator::eq})
      CHECK(qgov::parse_comparator(qgov::to_string(c)) == c);
    CHECK_FALSE(qgov::parse_comparator(">=").has_value());
    CHECK_FALSE(qgov::parse_comparator("GT").has_value());
    CHECK(qgov::symbol(comparator::ge) == "\u2265");
  }
  TEST_CASE("direction of improvement") {
    CHECK(qgov::higher_is_better(comparator::gt) == true);
    CHECK(qgov::higher_is_better(comparator::le) == false);
    CHECK_FALSE(qgov::higher_is_better(comparator::eq).has_value());
  }
}
