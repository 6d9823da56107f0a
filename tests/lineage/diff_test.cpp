// The semantic diff of two plans: goals, clauses matched by text, cells and units; in every format (docs/lineage.md).
#include <qgov/lineage/diff.hpp>

#include <algorithm>
#include <random>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <qgov/plans/dongli_2024.hpp>

#include "lineage_plans.hpp"

using namespace qgov;
using namespace qgov::test;

TEST_CASE("diff: a plan against itself is empty, in every format") {
  const auto d = diff(dongli(), dongli());
  CHECK(d.empty());
  CHECK(diff_text(d) == "diff dongli-2024 -> dongli-2024: 0 changes\n");
  CHECK(nlohmann::json::parse(diff_json(d))["changes"] == 0);
  CHECK(diff_markdown(d).find("0 changes.") != std::string::npos);
}

TEST_CASE("diff: the amendment raises one target and moves one cell, and the diff says exactly that") {
  const auto d = diff(dongli(), amended());
  CHECK(d.size() == 3);
  REQUIRE(d.goals_changed.size() == 1);
  CHECK(d.goals_changed[0].goal == goal_id("manufacturing_quality_pass_rate"));
  CHECK(d.goals_changed[0].fields == std::vector<field_change>{{"value", "95", "96"},
                                                               {"quote", "制造业产品质量合格率达到95%", "制造业产品质量合格率达到96%"}});
  REQUIRE(d.cells.size() == 2);
  CHECK(d.cells[0] == cell_change{cell_change::kind_t::removed, 5, d.cells[0].clause_title, unit_id("housing_construction"), role::responsible, std::nullopt});
  CHECK(d.cells[1] == cell_change{cell_change::kind_t::added, 6, d.cells[1].clause_title, unit_id("housing_construction"), std::nullopt, role::responsible});
  CHECK(d.goals_added.empty());
  CHECK(d.goals_removed.empty());
  CHECK(d.clauses_renumbered.empty());
  CHECK(d.clauses_added.empty());
  CHECK(d.clauses_removed.empty());
  CHECK(d.units_renamed.empty());

  const std::string text = diff_text(d);
  CHECK(text == "diff dongli-2024 -> dongli-2024-a1: 3 changes\n"
                "goal changed: manufacturing_quality_pass_rate\n"
                "  value: 95 -> 96\n"
                "  quote: 制造业产品质量合格率达到95% -> 制造业产品质量合格率达到96%\n"
                "cell removed: clause 5 (" + d.cells[0].clause_title + "), unit housing_construction (responsible)\n"
                "cell added: clause 6 (" + d.cells[1].clause_title + "), unit housing_construction (responsible)\n");
  const auto j = nlohmann::json::parse(diff_json(d));
  CHECK(j["changes"] == 3);
  CHECK(j["goals"]["changed"].size() == 1);
  CHECK(j["goals"]["changed"][0]["fields"][0] == nlohmann::json{{"field", "value"}, {"before", "95"}, {"after", "96"}});
  CHECK(j["cells"].size() == 2);
  CHECK(j["cells"][0]["change"] == "removed");
  CHECK(j["cells"][1]["change"] == "added");
  for (const char* empty : {"added", "removed"}) {
    CHECK(j["goals"][empty].empty());
    CHECK(j["clauses"][empty].empty());
    CHECK(j["units"][empty].empty());
  }
  CHECK(j["clauses"]["renumbered"].empty());
  const std::string md = diff_markdown(d);
  CHECK(md.find("| `manufacturing_quality_pass_rate` | changed | value | 95 | 96 |") != std::string::npos);
  CHECK(md.find("| 5 " + d.cells[0].clause_title + " | `housing_construction` | removed | responsible |  |") != std::string::npos);
  CHECK(md.find("| 6 " + d.cells[1].clause_title + " | `housing_construction` | added |  | responsible |") != std::string::npos);
  CHECK(md.find("## Clauses") == std::string::npos);
  CHECK(md.find("## Units") == std::string::npos);
}

TEST_CASE("diff: the same whichever order goals, units, clauses and lists stand in") {
  plan_data a = dongli().data(), b = amended().data();
  std::mt19937 rng(15);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(b.goals.begin(), b.goals.end(), rng);
    std::shuffle(b.units.begin(), b.units.end(), rng);
    std::shuffle(b.clauses.begin(), b.clauses.end(), rng);
    std::shuffle(b.responsibility.begin(), b.responsibility.end(), rng);
    std::shuffle(a.clauses.begin(), a.clauses.end(), rng);
    CHECK(diff(a, b) == diff(dongli(), amended()));
  }
}

TEST_CASE("diff: clauses are matched by text, so a renumbering is reported as one, and a renamed unit as a rename") {
  plan_data b = dongli().data();
  b.id = plan_id("renumbered");
  // swap the numbers of clauses 5 and 6 (and their lists), as if the text had put them the other way round
  for (auto& c : b.clauses) c.number = clause_number{c.number.value == 5 ? 6 : c.number.value == 6 ? 5 : c.number.value};
  for (auto& l : b.responsibility) l.clause = clause_number{l.clause.value == 5 ? 6 : l.clause.value == 6 ? 5 : l.clause.value};
  for (auto& u : b.units)
    if (u.id == unit_id("housing_construction")) u.name = "区住房和城乡建设委员会";
  const auto d = diff(dongli().data(), b);
  REQUIRE(d.clauses_renumbered.size() == 2);
  CHECK(d.clauses_renumbered[0].before == 6);
  CHECK(d.clauses_renumbered[0].after == 5);
  CHECK(d.cells.empty());  // the same lists, under their new numbers
  REQUIRE(d.units_renamed.size() == 1);
  CHECK(d.units_renamed[0] == unit_rename{unit_id("housing_construction"), "区住建委", "区住房和城乡建设委员会"});
  CHECK(d.size() == 3);
}
