// A rate keeps numerator and denominator; the percentage exists only for a well-formed rate.
#include <qgov/core/rate.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using qgov::rate;

TEST_SUITE("rate") {
  TEST_CASE("1 970 of 2 000 is 98.5 %") {
    const rate r{1970, 2000};
    CHECK(r.ok());
    REQUIRE(r.percent());
    CHECK(*r.percent() == doctest::Approx(98.5));
    CHECK(*rate{0, 5}.percent() == 0);
    CHECK(*rate{5, 5}.percent() == 100);
  }
  TEST_CASE("a rate that is not 0 ≤ numerator ≤ denominator, denominator > 0, finite, has no percentage") {
    const double inf = std::numeric_limits<double>::infinity(), nan = std::nan("");
    for (const rate bad : {rate{1, 0}, rate{0, 0}, rate{3, 2}, rate{-1, 2}, rate{1, -2}, rate{nan, 2}, rate{1, inf},
                           rate{inf, inf}}) {
      CAPTURE(bad.numerator);
      CAPTURE(bad.denominator);
      CHECK_FALSE(bad.ok());
      CHECK_FALSE(bad.percent());
    }
  }
  TEST_CASE("rates compare by both parts, not by their percentage") {
    CHECK(rate{1, 2} == rate{1, 2});
    CHECK(rate{1, 2} != rate{2, 4});
    CHECK(*rate{1, 2}.percent() == *rate{2, 4}.percent());
  }
}
