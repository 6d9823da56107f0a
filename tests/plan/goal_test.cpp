// Goals: the names of kinds, directions, links and deadline bases as plan files write them, and which kinds carry a
// numeric target.
#include <qgov/plan/goal.hpp>

#include <doctest/doctest.h>

using namespace qgov;

TEST_SUITE("goal") {
  TEST_CASE("every kind but trend and qualitative carries a numeric target") {
    for (auto k : {goal_kind::threshold, goal_kind::cumulative, goal_kind::maintain, goal_kind::all_levels,
                   goal_kind::milestone})
      CHECK_MESSAGE(has_numeric_target(k), to_string(k));
    CHECK_FALSE(has_numeric_target(goal_kind::trend));
    CHECK_FALSE(has_numeric_target(goal_kind::qualitative));
  }
  TEST_CASE("names round-trip; other spellings are refused") {
    for (auto k : {goal_kind::threshold, goal_kind::cumulative, goal_kind::maintain, goal_kind::all_levels,
                   goal_kind::milestone, goal_kind::trend, goal_kind::qualitative})
      CHECK(parse_goal_kind(to_string(k)) == k);
    CHECK(to_string(goal_kind::all_levels) == "all_levels");
    CHECK_FALSE(parse_goal_kind("all-levels"));
    CHECK(parse_trend_direction("decrease") == trend_direction::decrease);
    CHECK(to_string(trend_direction::increase) == "increase");
    CHECK_FALSE(parse_trend_direction("up"));
    CHECK(parse_link_type(to_string(link_type::assigned)) == link_type::assigned);
    CHECK(parse_link_type("stated") == link_type::stated);
    CHECK_FALSE(parse_link_type("linked"));
    CHECK(parse_deadline_basis("plan_horizon") == deadline_basis::plan_horizon);
    CHECK(to_string(deadline_basis::stated) == "stated");
    CHECK_FALSE(parse_deadline_basis("horizon"));
    CHECK(to_string(source_ref::kind_t::column) == "column");
    CHECK(to_string(source_ref::kind_t::clause) == "clause");
  }
  TEST_CASE("a target compares by comparator, value, unit and the printed form") {
    const target a{comparator::gt, 3.8, "%", "3.8%"};
    CHECK(a == target{comparator::gt, 3.8, "%", "3.8%"});
    CHECK(a != target{comparator::ge, 3.8, "%", "3.8%"});
    CHECK(a != target{comparator::gt, 3.8, "%", "3.80%"});
  }
}
