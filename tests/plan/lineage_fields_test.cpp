// A plan file's lineage fields: empty means standing alone, the predecessor is what it amends or else supersedes.
#include <qgov/plan/lineage_fields.hpp>

#include <doctest/doctest.h>

#include <qgov/plans/dongli_2024.hpp>

using namespace qgov;

TEST_SUITE("lineage_fields") {
  TEST_CASE("a lineage with no field set is empty; any one field makes it not") {
    CHECK(plan_lineage{}.empty());
    plan_lineage l;
    l.effective_from = date(2025, 7, 1);
    CHECK_FALSE(l.empty());
    plan_lineage m;
    m.parents.push_back(plan_id("national-2023"));
    CHECK_FALSE(m.empty());
    CHECK(plans::dongli_2024().lineage().empty());  // the embedded plan stands alone
  }
  TEST_CASE("the predecessor: the plan amended, else the plan superseded, else none") {
    plan_lineage l;
    CHECK_FALSE(l.predecessor());
    l.supersedes = plan_id("dongli-2020");
    CHECK(l.predecessor() == plan_id("dongli-2020"));
    l.amends = plan_id("dongli-2024");
    CHECK(l.predecessor() == plan_id("dongli-2024"));
  }
  TEST_CASE("levels of government by name") {
    for (auto v : {plan_level::national, plan_level::provincial, plan_level::municipal, plan_level::district})
      CHECK(parse_plan_level(to_string(v)) == v);
    CHECK_FALSE(parse_plan_level("county"));
  }
}
