// Typed ids: a goal id is never a unit id; ids compare, order, hash and print as their text.
#include <qgov/core/ids.hpp>

#include <doctest/doctest.h>

#include <functional>
#include <sstream>
#include <string>
#include <type_traits>
#include <unordered_set>

using namespace qgov;

static_assert(!std::is_convertible_v<goal_id, unit_id>);
static_assert(!std::is_constructible_v<unit_id, goal_id>);
static_assert(!std::is_convertible_v<std::string, goal_id>);  // explicit: no id from a bare string by accident

TEST_SUITE("ids") {
  TEST_CASE("an id is its text: equality, order, emptiness") {
    const goal_id a("rd_expenditure_share");
    CHECK(a.str() == "rd_expenditure_share");
    CHECK(a == goal_id(std::string("rd_expenditure_share")));
    CHECK(a == goal_id(std::string_view("rd_expenditure_share")));
    CHECK(goal_id("a") < goal_id("b"));
    CHECK(goal_id("b") > goal_id("a"));
    CHECK(goal_id{}.empty());
    CHECK_FALSE(a.empty());
  }
  TEST_CASE("ids hash as their text and print as it") {
    CHECK(std::hash<unit_id>{}(unit_id("market_regulation")) == std::hash<std::string>{}("market_regulation"));
    std::unordered_set<plan_id> s{plan_id("dongli-2024"), plan_id("dongli-2024"), plan_id("national-2023")};
    CHECK(s.size() == 2);
    std::ostringstream os;
    os << unit_id("water") << ' ' << clause_number{27} << ' ' << section_number{2} << ' ' << column_number{1};
    CHECK(os.str() == "water 27 2 1");
  }
  TEST_CASE("clause, section and column numbers order by value") {
    CHECK(clause_number{3} < clause_number{28});
    CHECK(section_number{2} == section_number{2});
    CHECK(column_number{1} != column_number{2});
  }
}
