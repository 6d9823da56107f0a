// The indicator vocabulary: every alias traced to its source, bad files refused at their paths (docs/lineage.md).
#include <qgov/lineage/indicators.hpp>

#include <set>
#include <string>

#include <doctest/doctest.h>

#include "lineage_plans.hpp"

using namespace qgov;
using namespace qgov::test;

TEST_CASE("vocabulary: every alias's plan source exists and prints the alias") {
  const plan tianjin = load("data/plans/tianjin-2024.json");
  int checked = 0;
  for (const auto& ind : vocabulary().indicators())
    for (const auto& a : ind.aliases) {
      REQUIRE(a.source.rfind("plan:", 0) == 0);
      const auto slash = a.source.find('/');
      const std::string plan_name = a.source.substr(5, slash - 5), goal_name = a.source.substr(slash + 1);
      const plan& p = plan_name == "dongli-2024" ? dongli() : plan_name == "national-2023" ? national() : tianjin;
      INFO(a.source);
      REQUIRE(p.id() == plan_id(plan_name));
      const goal* g = p.find_goal(goal_id(goal_name));
      REQUIRE(g);
      CHECK((g->indicator == a.text || g->quote.find(a.text) != std::string::npos));
      CHECK(vocabulary().match(*g) == &ind);
      ++checked;
    }
  CHECK(checked >= 15);
}

TEST_CASE("vocabulary: bad files are refused with every problem at its path") {
  const std::string bad = R"({"qgov_indicators": 1, "indicators": [
    {"id": "a", "name": "甲", "better": "up", "aliases": [{"text": "甲率"}]},
    {"id": "a", "name": "乙", "better": "higher", "aliases": [{"text": "甲率", "source": "x"}], "colour": 1}]})";
  try {
    (void)parse_indicator_vocabulary(bad, "v.json");
    FAIL("expected a load error");
  } catch (const load_error& e) {
    const auto m = messages(e.problems());
    CHECK(any_contains(m, "/indicators/0/better: unknown value \"up\"; expected one of: higher, lower"));
    CHECK(any_contains(m, "/indicators/0/aliases/0/source: missing required field \"source\""));
    CHECK(any_contains(m, "/indicators/1/id: duplicate indicator id \"a\" (first at /indicators/0)"));
    CHECK(any_contains(m, "/indicators/1/colour: unknown field \"colour\""));
    CHECK(m.size() == 4);
  }
}
