// Responsibility lists: the role each convention gives a cell, a unit's role in a list, and the names in plan files.
#include <qgov/plan/responsibility.hpp>

#include <doctest/doctest.h>

using namespace qgov;

TEST_SUITE("responsibility") {
  TEST_CASE("first_listed_leads: the first unit leads, the others are responsible, whatever is stated") {
    CHECK(role_by_convention(role_convention::first_listed_leads, 0, role::supporting) == role::lead);
    CHECK(role_by_convention(role_convention::first_listed_leads, 1, role::lead) == role::responsible);
    CHECK(role_by_convention(role_convention::first_listed_leads, 7, role::supporting) == role::responsible);
  }
  TEST_CASE("all_responsible: nobody leads; explicit: the stated role") {
    CHECK(role_by_convention(role_convention::all_responsible, 0, role::lead) == role::responsible);
    CHECK(role_by_convention(role_convention::explicit_roles, 0, role::supporting) == role::supporting);
    CHECK(role_by_convention(role_convention::explicit_roles, 3, role::lead) == role::lead);
  }
  TEST_CASE("a list gives the role of the units it names, and none for others") {
    responsibility_list l;
    l.clause = clause_number{27};
    l.cells = {{unit_id("market_regulation"), role::lead, {}}, {unit_id("water"), role::supporting, {}}};
    CHECK(l.role_of(unit_id("market_regulation")) == role::lead);
    CHECK(l.role_of(unit_id("water")) == role::supporting);
    CHECK_FALSE(l.role_of(unit_id("customs")));
  }
  TEST_CASE("a unit's load counts its clauses over the three roles") {
    const unit_load u{unit_id("water"), 2, 3, 4, 5};
    CHECK(u.clauses() == 9);
    CHECK(unit_load{}.clauses() == 0);
  }
  TEST_CASE("names as plan files write them: the explicit convention is \"explicit\"") {
    for (auto r : {role::lead, role::responsible, role::supporting}) CHECK(parse_role(to_string(r)) == r);
    CHECK_FALSE(parse_role("牵头"));
    CHECK(to_string(role_convention::explicit_roles) == "explicit");
    CHECK(parse_role_convention("explicit") == role_convention::explicit_roles);
    CHECK_FALSE(parse_role_convention("explicit_roles"));
    CHECK(parse_role_convention("first_listed_leads") == role_convention::first_listed_leads);
    CHECK(parse_role_convention("all_responsible") == role_convention::all_responsible);
  }
}
