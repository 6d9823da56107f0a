#include <qgov/formulas/scorecard.hpp>

#include <doctest/doctest.h>

#include <array>
#include <optional>

using namespace qgov::formulas;

TEST_SUITE("formulas::scorecard") {
  TEST_CASE("grade bands of 质量工作考核: A ≥ 90, B 80–89, C 60–79, D below") {
    CHECK(grade_of(90) == grade::A);
    CHECK(grade_of(89.99) == grade::B);
    CHECK(grade_of(80) == grade::B);
    CHECK(grade_of(79.5) == grade::C);
    CHECK(grade_of(60) == grade::C);
    CHECK(grade_of(59.99) == grade::D);
    CHECK(grade_of(0) == grade::D);
  }
  TEST_CASE("a veto event forces D whatever the score") {
    CHECK(grade_of(100, true) == grade::D);
  }
  TEST_CASE("ties share a rank and the next rank skips; units without a score get none") {
    const std::array<std::optional<double>, 5> scores{90.0, 95.0, 90.0, std::nullopt, 70.0};
    const auto r = competition_ranks(scores);
    CHECK(r[1] == 1u);
    CHECK(r[0] == 2u);
    CHECK(r[2] == 2u);
    CHECK(r[4] == 4u);
    CHECK_FALSE(r[3].has_value());
  }
  TEST_CASE("scores equal to two decimals tie, as a printed table shows them") {
    const std::array<std::optional<double>, 2> scores{85.004, 84.996};
    const auto r = competition_ranks(scores);
    CHECK(r[0] == r[1]);
  }
}
