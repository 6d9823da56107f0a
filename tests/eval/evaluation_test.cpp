// Evaluation of the Dongli plan on small ledgers written for each rule: the statuses, the figures behind them,
// the explanations and the scorecard.
#include <qgov/eval/evaluation.hpp>

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <qgov/core/period.hpp>
#include <qgov/formulas/scorecard.hpp>
#include <qgov/io/evaluation_json.hpp>
#include <qgov/plans/dongli_2024.hpp>

using namespace qgov;

namespace {

const plan& dongli() { return plans::dongli_2024(); }

date d(const char* iso) { return *parse_iso_date(iso); }

observation obs(const char* goal, const char* per, double value, const char* reported, std::optional<level> l = std::nullopt) {
  observation o;
  o.goal = goal_id(goal);
  o.period = *period::parse(per);
  o.value = value;
  o.level = l;
  o.reported_on = d(reported);
  o.source = "test";
  o.origin = "<test>";
  return o;
}

goal_result eval_one(const char* goal, std::vector<observation> os, const char* as_of, const char* known = nullptr,
                     const evaluation_policy& policy = {}) {
  const observation_ledger ledger(std::move(os));
  const auto* g = dongli().find_goal(goal_id(goal));
  REQUIRE(g != nullptr);
  return evaluate_goal(dongli(), *g, ledger, d(as_of), d(known ? known : as_of), policy);
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("eval::evaluate") {
  TEST_CASE("food sampling pass rate of 98.4 % in 2025 misses 98.5 %; the explanation says so in both languages") {
    const auto r = eval_one("food_sampling_pass_rate",
                            {obs("food_sampling_pass_rate", "2024", 98.3, "2025-01-15"),
                             obs("food_sampling_pass_rate", "2025", 98.4, "2026-01-20")},
                            "2026-06-30");
    CHECK(r.status == goal_status::missed);
    CHECK(r.value == 98.4);
    CHECK(r.period->str() == "2025");
    INFO(r.explanation.zh);
    INFO(r.explanation.en);
    CHECK(contains(r.explanation.zh, "食品评价性抽检合格率2025年为98.4%"));
    CHECK(contains(r.explanation.zh, "不低于98.5%"));
    CHECK(contains(r.explanation.zh, "未达成"));
    CHECK(contains(r.explanation.zh, "责任单位：区市场监管局、区农业农村委"));
    CHECK(contains(r.explanation.en, "Food evaluative sampling pass rate: 98.4% in 2025"));
    CHECK(contains(r.explanation.en, "missed"));
    CHECK(contains(r.explanation.en, "District Market Regulation Bureau"));
    CHECK(r.trace.observations.size() == 2);
  }

  TEST_CASE("超过3.8%: exactly 3.8 % at the deadline is missed, 3.81 % achieved") {
    CHECK(eval_one("rd_expenditure_share", {obs("rd_expenditure_share", "2025", 3.8, "2026-09-30")}, "2026-12-31").status ==
          goal_status::missed);
    CHECK(eval_one("rd_expenditure_share", {obs("rd_expenditure_share", "2025", 3.81, "2026-09-30")}, "2026-12-31").status ==
          goal_status::achieved);
  }

  TEST_CASE("before the deadline, the Open SDG ratio decides: R = 0.51 is off track") {
    // the synthetic vector of formulas-progress.md: (2015, 2.06), (2019, 2.23), (2023, 2.65), target 3.8 by 2025
    const auto r = eval_one("rd_expenditure_share",
                            {obs("rd_expenditure_share", "2015", 2.06, "2016-06-30"),
                             obs("rd_expenditure_share", "2019", 2.23, "2020-06-30"),
                             obs("rd_expenditure_share", "2023", 2.65, "2024-06-30")},
                            "2024-12-31");
    CHECK(r.status == goal_status::off_track);
    bool found = false;
    for (const auto& v : r.trace.values)
      if (v.name == "progress_ratio") {
        found = true;
        CHECK(v.value == doctest::Approx(0.5065099070146682).epsilon(1e-12));
      }
    CHECK(found);
    CHECK(contains(r.explanation.en, "observed growth is 50.65% of the growth required"));
  }

  TEST_CASE("an unreported final figure leaves the goal judged on its progress, with a note") {
    const std::vector<observation> os{obs("national_high_tech_enterprises", "2023", 612, "2024-03-31"),
                                      obs("national_high_tech_enterprises", "2024", 668, "2025-03-31"),
                                      obs("national_high_tech_enterprises", "2025", 703, "2026-03-31")};
    const auto at_deadline = eval_one("national_high_tech_enterprises", os, "2025-12-31");
    CHECK(at_deadline.status == goal_status::on_track);
    CHECK(at_deadline.value == 668);
    CHECK(contains(at_deadline.trace.note, "not reported yet"));
    CHECK(eval_one("national_high_tech_enterprises", os, "2026-06-30").status == goal_status::achieved);
  }

  TEST_CASE("known as of: a revision reported later is not used for an earlier view") {
    const std::vector<observation> os{obs("food_sampling_pass_rate", "2024", 98.2, "2025-01-15"),
                                      obs("food_sampling_pass_rate", "2024", 98.6, "2025-03-01")};
    const auto early = eval_one("food_sampling_pass_rate", os, "2025-06-30", "2025-02-01");
    CHECK(early.value == 98.2);
    const auto late = eval_one("food_sampling_pass_rate", os, "2025-06-30");
    CHECK(late.value == 98.6);
    CHECK(late.status == goal_status::achieved);
    CHECK(late.trace.observations.size() == 1);  // the superseded report is not among the figures used
  }

  TEST_CASE("cumulative counts use a least-squares projection: 3 then 5 standards project to 7 of 10, off track") {
    const auto r = eval_one("new_standards", {obs("new_standards", "2023", 3, "2024-01-31"), obs("new_standards", "2024", 5, "2025-01-31")},
                            "2025-06-30");
    CHECK(r.status == goal_status::off_track);
    REQUIRE(r.projected);
    CHECK(*r.projected == doctest::Approx(7.0).epsilon(0.01));
    CHECK(contains(r.trace.formula, "linear_projection"));
  }

  TEST_CASE("各级…均达100%: each level on its own, the worst decides, a missing level means no data") {
    std::vector<observation> os{obs("rectification_completion_rate", "2025", 100, "2026-02-20", level::national),
                                obs("rectification_completion_rate", "2025", 100, "2026-02-20", level::municipal)};
    auto r = eval_one("rectification_completion_rate", os, "2026-06-30");
    CHECK(r.status == goal_status::no_data);
    CHECK(contains(r.explanation.en, "district"));
    os.push_back(obs("rectification_completion_rate", "2025", 98.5, "2026-02-20", level::district));
    r = eval_one("rectification_completion_rate", os, "2026-06-30");
    CHECK(r.status == goal_status::missed);
    CHECK(r.value == 98.5);
    REQUIRE(r.levels.size() == 3);
    CHECK(r.levels[0].status == goal_status::achieved);
    CHECK(r.levels[2].status == goal_status::missed);
    os.back().value = 100;
    CHECK(eval_one("rectification_completion_rate", os, "2026-06-30").status == goal_status::achieved);
  }

  TEST_CASE("保持在30%以上: a year below breaks it — off track before the deadline, missed after") {
    const std::vector<observation> os{obs("manufacturing_value_added_share", "2024", 29.6, "2025-03-20")};
    CHECK(eval_one("manufacturing_value_added_share", os, "2025-06-30").status == goal_status::off_track);
    CHECK(eval_one("manufacturing_value_added_share", os, "2026-06-30").status == goal_status::missed);
    const std::vector<observation> held{obs("manufacturing_value_added_share", "2024", 31.2, "2025-03-20"),
                                        obs("manufacturing_value_added_share", "2025", 30.4, "2026-03-20")};
    CHECK(eval_one("manufacturing_value_added_share", held, "2025-06-30").status == goal_status::on_track);
    CHECK(eval_one("manufacturing_value_added_share", held, "2026-06-30").status == goal_status::achieved);
    // a figure from before the plan was issued is outside the window
    const std::vector<observation> before{obs("manufacturing_value_added_share", "2023", 28.0, "2024-03-20"),
                                          obs("manufacturing_value_added_share", "2024", 31.2, "2025-03-20")};
    CHECK(eval_one("manufacturing_value_added_share", before, "2025-06-30").status == goal_status::on_track);
  }

  TEST_CASE("不断提高: a fall in the latest year is off track, an earlier fall at risk, one year no data") {
    auto r = eval_one("construction_inspection_conformity",
                      {obs("construction_inspection_conformity", "2022", 91.2, "2023-02-15"),
                       obs("construction_inspection_conformity", "2023", 92.5, "2024-02-15"),
                       obs("construction_inspection_conformity", "2024", 92.1, "2025-02-15")},
                      "2025-06-30");
    CHECK(r.status == goal_status::off_track);
    CHECK(contains(r.explanation.zh, "2024年较上年下降"));
    r = eval_one("construction_inspection_conformity",
                 {obs("construction_inspection_conformity", "2022", 92.5, "2023-02-15"),
                  obs("construction_inspection_conformity", "2023", 92.1, "2024-02-15"),
                  obs("construction_inspection_conformity", "2024", 93.0, "2025-02-15")},
                 "2025-06-30");
    CHECK(r.status == goal_status::at_risk);
    r = eval_one("construction_inspection_conformity", {obs("construction_inspection_conformity", "2024", 93.0, "2025-02-15")},
                 "2025-06-30");
    CHECK(r.status == goal_status::no_data);
    // at the deadline, an unbroken rise is achieved only once the deadline year's figure is in
    const std::vector<observation> rising{obs("construction_inspection_conformity", "2023", 92.1, "2024-02-15"),
                                          obs("construction_inspection_conformity", "2024", 92.6, "2025-02-15"),
                                          obs("construction_inspection_conformity", "2025", 93.0, "2026-02-15")};
    CHECK(eval_one("construction_inspection_conformity", rising, "2025-12-31").status == goal_status::on_track);
    CHECK(eval_one("construction_inspection_conformity", rising, "2026-06-30").status == goal_status::achieved);
  }

  TEST_CASE("milestones: done is achieved; otherwise the share done must keep pace with the time elapsed") {
    const char* id = "rural_revitalisation_villages";
    // 1 of 2 villages done (50 %) with 162 of 496 days gone (33 %): keeping pace
    CHECK(eval_one(id, {obs(id, "2024-12", 1, "2025-01-05")}, "2025-01-31").status == goal_status::on_track);
    // a figure reported after the evaluation date (and for a later period) is not known yet
    CHECK(eval_one(id, {obs(id, "2025-06", 1, "2025-07-05")}, "2025-01-31").status == goal_status::no_data);
    CHECK(eval_one(id, {obs(id, "2025-06", 1, "2025-07-05")}, "2025-11-30").status == goal_status::at_risk);
    CHECK(eval_one(id, {obs(id, "2025-06", 2, "2025-07-05")}, "2025-11-30").status == goal_status::achieved);
    CHECK(eval_one(id, {obs(id, "2025-12", 1, "2026-01-05")}, "2026-03-31").status == goal_status::missed);
    CHECK(eval_one(id, {obs(id, "2026-03", 2, "2026-04-05")}, "2026-06-30").status == goal_status::no_data);  // too late
  }

  TEST_CASE("qualitative goals are not scored; goals without figures have no data") {
    CHECK(eval_one("service_quality_satisfaction", {obs("service_quality_satisfaction", "2024", 81.5, "2025-03-31")}, "2025-06-30")
              .status == goal_status::not_scored);
    const auto r = eval_one("brand_index_score", {}, "2025-06-30");
    CHECK(r.status == goal_status::no_data);
    CHECK_FALSE(r.value.has_value());
    CHECK(contains(r.explanation.zh, "暂无数据"));
  }

  TEST_CASE("the whole plan: one result per goal in plan order, a scorecard for every unit, coverage per clause") {
    const observation_ledger ledger({obs("food_sampling_pass_rate", "2025", 98.4, "2026-01-20"),
                                     obs("national_high_tech_enterprises", "2025", 703, "2026-03-31")});
    const auto e = evaluate(dongli(), ledger, d("2026-06-30"));
    REQUIRE(e.goals.size() == dongli().goals().size());
    CHECK(e.goals[0].goal == dongli().goals()[0].id);
    CHECK(e.bureaus.size() == 35);
    CHECK(e.coverage.size() == 31);
    CHECK(e.coverage[0].coverage == clause_coverage::none);        // （一）指导思想
    CHECK(e.coverage[1].coverage == clause_coverage::measurable);  // （二）主要目标
    CHECK(e.coverage[29].coverage == clause_coverage::qualitative_only);  // （三十）, the 2035 vision
    // market regulation answers for the food goal (missed, 0 points) among others
    const auto& mr = *std::find_if(e.bureaus.begin(), e.bureaus.end(), [](const bureau_score& b) { return b.unit == unit_id("market_regulation"); });
    REQUIRE(mr.score);
    // food missed (0 points, weight 2 as lead of （十）), high-tech achieved (100 points, weight 1 in （三）): 100/3
    CHECK(*mr.score == doctest::Approx(100.0 / 3));
    CHECK(mr.grade == formulas::grade::D);
  }

  TEST_CASE("scorecard: role weights, a veto forcing D, ties sharing a rank") {
    const observation_ledger ledger({obs("food_sampling_pass_rate", "2025", 98.6, "2026-01-20")});
    evaluation_policy policy;
    policy.vetoes.push_back({unit_id("agriculture_rural"), d("2026-02-01"), "区域性质量安全事件"});
    const auto e = evaluate(dongli(), ledger, d("2026-06-30"), std::nullopt, policy);
    auto score_of = [&](const char* id) {
      return *std::find_if(e.bureaus.begin(), e.bureaus.end(), [&](const bureau_score& b) { return b.unit == unit_id(id); });
    };
    const auto mr = score_of("market_regulation");
    const auto ar = score_of("agriculture_rural");
    const auto commerce = score_of("commerce");
    CHECK(*mr.score == 100);
    CHECK(mr.grade == formulas::grade::A);
    CHECK(*ar.score == 100);
    CHECK(ar.vetoed);
    CHECK(ar.grade == formulas::grade::D);
    CHECK(mr.rank == commerce.rank);           // equal scores share a rank
    CHECK(*ar.rank > *mr.rank);                // a vetoed unit ranks after the others
    CHECK(mr.contributions.front().weight == 2);  // leads （十）
    CHECK_FALSE(score_of("youth_league").score.has_value());  // no scored goal
  }

  TEST_CASE("the JSON contract: as_of, goals with id/status/value/explanation/trace, bureaus with name/score/grade/rank") {
    const observation_ledger ledger({obs("food_sampling_pass_rate", "2025", 98.4, "2026-01-20")});
    const auto e = evaluate(dongli(), ledger, d("2026-06-30"));
    const auto j = nlohmann::json::parse(to_json(e, dongli()));
    CHECK(j.at("as_of") == "2026-06-30");
    const auto& goals = j.at("goals");
    REQUIRE(goals.size() == dongli().goals().size());
    for (const auto& g : goals) {
      for (const char* k : {"id", "status", "value", "explanation", "trace"}) CHECK(g.contains(k));
      CHECK(g.at("explanation").contains("zh"));
      CHECK(g.at("explanation").contains("en"));
    }
    const auto food = std::find_if(goals.begin(), goals.end(), [](const auto& g) { return g.at("id") == "food_sampling_pass_rate"; });
    CHECK(food->at("status") == "missed");
    CHECK(food->at("value") == 98.4);
    CHECK(food->at("trace").at("observations").size() == 1);
    CHECK(food->at("trace").at("quote") == "食品评价性抽检合格率达到98.5%以上");
    for (const auto& b : j.at("bureaus")) {
      for (const char* k : {"name", "score", "grade", "rank"}) CHECK(b.contains(k));
    }
    CHECK(j.at("summary").at("missed") == 1);
  }
}
