#include <qgov/plan/plan.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include <range/v3/algorithm/count_if.hpp>
#include <range/v3/range/conversion.hpp>
#include <range/v3/view/transform.hpp>

#include <qgov/plans/dongli_2024.hpp>

using namespace qgov;

TEST_SUITE("plan queries") {
  static const plan& p = plans::dongli_2024();

  TEST_CASE("units of clause （三）, in source order, first-listed leads") {
    const auto names = p.units_of(clause_number{3}) |
                       ranges::views::transform([&](const responsibility_cell& c) { return p.find_unit(c.unit)->name; }) |
                       ranges::to<std::vector>();
    CHECK(names == std::vector<std::string>{"区教育局", "区科技局", "区发改委", "区工信局", "区财政局", "区市场监管局",
                                            "区知识产权局", "区数据局", "各街道园区"});
    CHECK(p.lead_of(clause_number{3}) == unit_id("education"));
    CHECK(p.lead_of(clause_number{28}) == unit_id("market_regulation"));
  }

  TEST_CASE("clauses without a list: （一）（二） and （二十九）…（三十一） have no units and no lead") {
    for (int n : {1, 2, 29, 30, 31}) {
      CHECK(ranges::distance(p.units_of(clause_number{n})) == 0);
      CHECK_FALSE(p.lead_of(clause_number{n}).has_value());
    }
    CHECK(ranges::distance(p.units_of(clause_number{99})) == 0);
  }

  TEST_CASE("clauses of 区市场监管局: 22 of 26, leading 10") {
    const auto assignments = p.clauses_of(unit_id("market_regulation")) | ranges::to<std::vector>();
    CHECK(assignments.size() == 22);
    CHECK(std::count_if(assignments.begin(), assignments.end(),
                        [](const clause_assignment& a) { return a.unit_role == role::lead; }) == 10);
    CHECK(assignments.front() == clause_assignment{clause_number{3}, role::responsible});
    CHECK(assignments.back() == clause_assignment{clause_number{28}, role::lead});
  }

  TEST_CASE("各街道园区 is named in every list and leads none") {
    const auto a = p.clauses_of(unit_id("subdistricts_parks")) | ranges::to<std::vector>();
    CHECK(a.size() == 26);
    CHECK(ranges::count_if(a, [](const clause_assignment& x) { return x.unit_role == role::lead; }) == 0);
  }

  TEST_CASE("goals a unit answers for follow the clause links") {
    const auto ids = p.goals_of(unit_id("customs")) | ranges::views::transform([](const goal& g) { return g.id.str(); }) |
                     ranges::to<std::vector>();
    // 东丽海关 is named in （十一）（十六）（十八）（二十四）（二十五）（二十七）
    CHECK(ids == std::vector<std::string>{"consumer_goods_quality", "service_quality_satisfaction", "new_standards",
                                          "one_stop_service_platforms", "rectification_completion_rate"});
    const auto* food = p.find_goal(goal_id("food_sampling_pass_rate"));
    CHECK(p.answers_for(unit_id("market_regulation"), *food));
    CHECK_FALSE(p.answers_for(unit_id("youth_league"), *food));
    const auto units = p.units_for(*food);
    CHECK(units.front() == unit_id("market_regulation"));  // lead of （十）
    CHECK(units.size() == 5);
  }

  TEST_CASE("load per unit adds up to the matrix") {
    const auto loads = p.load_per_unit();
    REQUIRE(loads.size() == p.units().size());
    std::size_t cells = 0, leads = 0;
    for (const auto& l : loads) {
      cells += l.clauses();
      leads += l.clauses_led;
    }
    CHECK(cells == 175);
    CHECK(leads == 26);  // one lead per list under first_listed_leads
    const auto mr = std::find_if(loads.begin(), loads.end(), [](const unit_load& l) { return l.unit == unit_id("market_regulation"); });
    CHECK(mr->clauses_led == 10);
    CHECK(mr->clauses_responsible == 12);
  }

  TEST_CASE("the role convention is configurable: all_responsible makes nobody lead") {
    const plan flat = p.with_convention(role_convention::all_responsible);
    CHECK_FALSE(flat.lead_of(clause_number{3}).has_value());
    for (const auto& l : flat.matrix())
      for (const auto& c : l.cells) CHECK(c.unit_role == role::responsible);
    CHECK(p.lead_of(clause_number{3}) == unit_id("education"));  // the original is untouched
    const plan back = flat.with_convention(role_convention::first_listed_leads);
    CHECK(back.data() == p.data());
  }
}
