// Cascades: does a child plan's target ask at least as much as its parent's, indicator by indicator (docs/lineage.md).
#include <qgov/lineage/cascade.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "lineage_plans.hpp"

using namespace qgov;
using namespace qgov::test;

TEST_CASE("cascade: Dongli against the national 纲要 lists every shared indicator with both targets") {
  const auto r = cascade(dongli(), national(), vocabulary());
  CHECK(r.violations() == 0);
  std::vector<std::string> shared;
  for (const auto& s : r.shared) shared.push_back(s.indicator + " " + std::string(to_string(s.verdict)) + " " + s.reason);
  CHECK(shared == std::vector<std::string>{
                      "agri_product_pass_rate at_least_as_demanding ≥ 98 % implies ≥ 98 %",
                      "food_sampling_pass_rate at_least_as_demanding ≥ 98.5 % implies ≥ 98 %",
                      "manufacturing_quality_pass_rate at_least_as_demanding ≥ 95 % implies ≥ 94 %",
                      "construction_inspection_conformity direction_agrees both ask the indicator to increase"});
  const auto& mfg = r.shared[2];
  CHECK(mfg.parent.quote == "制造业产品质量合格率达到94%");
  CHECK(mfg.child.quote == "制造业产品质量合格率达到95%");
  std::vector<std::string> not_taken;
  for (const auto& g : r.not_taken_up) not_taken.push_back(g.id.str());
  CHECK(not_taken == std::vector<std::string>{"resource_energy_per_gdp", "agri_standardised_production_rate",
                                              "manufacturing_quality_competitiveness_index"});
  REQUIRE(r.parent_unmatched.size() == 1);
  CHECK(r.parent_unmatched[0].id == goal_id("overall_quality_level"));
  const auto j = nlohmann::json::parse(cascade_json(r));
  CHECK(j["shared"][2]["parent"]["value"] == 94);
  CHECK(j["shared"][2]["child"]["value"] == 95);
}

TEST_CASE("cascade: direction-aware and strictness-aware, and a weaker child is a violation") {
  const plan yi = load("tests/lineage/data/district-yi.json");  // 制造业产品质量合格率达到94%
  const auto r = cascade(yi, dongli(), vocabulary());
  std::vector<std::string> weak;  // 94 % under Dongli's 95 %, and 98 % under its 98.5 %
  for (const auto& s : r.shared)
    if (s.verdict == cascade_verdict::less_demanding) weak.push_back(s.indicator + ": " + s.reason);
  CHECK(weak == std::vector<std::string>{"food_sampling_pass_rate: ≥ 98 % does not imply ≥ 98.5 %",
                                         "manufacturing_quality_pass_rate: ≥ 94 % does not imply ≥ 95 %"});
  CHECK(r.violations() == 2);
  // strictness and ≤ targets, through two small plans built in code from the national one
  auto variant = [](comparator c, double v, const char* id) {
    plan_data d = national().data();
    d.id = plan_id(id);
    for (auto& g : d.goals)
      if (g.id == goal_id("manufacturing_quality_pass_rate")) {
        g.target->comparator = c, g.target->value = v;
        // the quote still reads ≥ 94 %: say why the target differs, as the loader requires
        g.target_override = "test variant: the cascade's strictness and upper-bound rules on one indicator";
      }
    return plan::from_data(std::move(d));
  };
  auto verdict = [&](const plan& child, const plan& parent) {
    for (const auto& s : cascade(child, parent, vocabulary()).shared)
      if (s.indicator == "manufacturing_quality_pass_rate") return s.verdict;
    return cascade_verdict::not_comparable;
  };
  const plan ge94 = variant(comparator::ge, 94, "ge94"), gt94 = variant(comparator::gt, 94, "gt94");
  const plan le5 = variant(comparator::le, 5, "le5"), le6 = variant(comparator::le, 6, "le6"), lt6 = variant(comparator::lt, 6, "lt6");
  CHECK(verdict(gt94, ge94) == cascade_verdict::at_least_as_demanding);  // > 94 implies ≥ 94
  CHECK(verdict(ge94, gt94) == cascade_verdict::less_demanding);         // ≥ 94 admits 94
  CHECK(verdict(le5, le6) == cascade_verdict::at_least_as_demanding);    // 控制在5以内 implies 控制在6以内
  CHECK(verdict(le6, le5) == cascade_verdict::less_demanding);
  CHECK(verdict(lt6, le6) == cascade_verdict::at_least_as_demanding);
  CHECK(verdict(le6, lt6) == cascade_verdict::less_demanding);
}
