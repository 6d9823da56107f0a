// Scenario files: what they read, what they refuse (at its JSON path), and what a run reports.
#include <qgov/scenario/scenario.hpp>

#include <doctest/doctest.h>

#include <qgov/io/plan_json.hpp>
#include <qgov/plans/dongli_2024.hpp>

#include "../test_support.hpp"

namespace {

using namespace qgov;

std::string message_of(auto&& f) {
  try {
    f();
  } catch (const load_error& e) {
    return e.what();
  }
  return "(no error)";
}

const std::string boundary = R"({"qgov_scenario": 1, "scenarios": [{
  "name": "exactly 3.8", "as_of": "2026-06-30",
  "observations": [{"goal": "rd_expenditure_share", "period": "2025", "value": 3.8, "reported_on": "2026-05-31"}],
  "expect": {"goals": {"rd_expenditure_share": {"status": "achieved", "value": 3.9, "tolerance": 0.05}},
             "bureaus": {"区科技局": {"grade": "A", "rank": 2}}}}]})";

}  // namespace

TEST_CASE("a failing scenario reports each expectation as expected/actual, then the goal's explanation and trace") {
  const auto f = parse_scenario_file(boundary, test::repo("examples/scenarios"), "b.json");
  REQUIRE(f.scenarios.size() == 1);
  const auto r = run_scenario(f.scenarios[0]);
  CHECK_FALSE(r.passed());
  CHECK(r.checks == 4);
  REQUIRE(r.failures.size() == 4);
  CHECK(r.failures[0] == check_failure{"rd_expenditure_share", "status", "achieved", "missed"});
  CHECK(r.failures[1] == check_failure{"rd_expenditure_share", "value", "3.9 ± 0.05", "3.8"});
  CHECK(r.failures[2] == check_failure{"science_technology", "grade", "A", "D"});
  CHECK(r.failures[3].field == "rank");
  CHECK(r.report.find("goal rd_expenditure_share: status\n    - expected: achieved\n    + actual:   missed") !=
        std::string::npos);
  CHECK(r.report.find("(target > 3.8 % by 2025-12-31, threshold)") != std::string::npos);
  CHECK(r.report.find("explanation: R&D expenditure as a share of GDP: 3.8% in 2025") != std::string::npos);
  CHECK(r.report.find("figure: 2025 = 3.8, reported 2026-05-31 [b.json:/scenarios/0/observations/0]") !=
        std::string::npos);
  CHECK(r.report.find("unit science_technology 区科技局: score 0, grade D") != std::string::npos);
}

TEST_CASE("scenario files are refused with every problem at its JSON path") {
  const std::string bad = R"({"qgov_scenario": 2, "colour": 1, "scenarios": [
    {"name": "a", "as_of": "2025-02-30", "expect": {"goals": {"rd_share": "achieved", "vision_2035": "great"}}},
    {"name": "a", "as_of": "2025-01-01", "expect": {"bureaus": {"区不存在局": "A", "water": "E"}}},
    {"name": "c", "as_of": "2025-01-01", "observations": [{"goal": "rd_expenditure_share", "period": "2025-Q5",
     "value": 1, "reported_on": "2025-01-01"}], "expect": {"goals": {"rd_expenditure_share": {}}}}]})";
  const std::string m = message_of([&] { (void)parse_scenario_file(bad, ".", "s.json"); });
  for (const char* want : {"s.json:/qgov_scenario: expected \"qgov_scenario\": 1", "s.json:/colour: unknown field",
                           "s.json:/scenarios/0/as_of: expected a date YYYY-MM-DD, got \"2025-02-30\"",
                           "s.json:/scenarios/0/expect/goals/rd_share: unknown goal \"rd_share\" in plan dongli-2024",
                           "s.json:/scenarios/0/expect/goals/vision_2035: unknown status \"great\"",
                           "s.json:/scenarios/1/name: duplicate scenario name \"a\"",
                           "s.json:/scenarios/1/expect/bureaus/区不存在局: unknown unit",
                           "s.json:/scenarios/1/expect/bureaus/water: unknown grade \"E\"",
                           "s.json:/scenarios/2/observations/0/period: expected a period",
                           "s.json:/scenarios/2/expect/goals/rd_expenditure_share: expects nothing"}) {
    CAPTURE(want);
    CHECK(m.find(want) != std::string::npos);
  }
  CHECK(message_of([&] { (void)parse_scenario_file("{", ".", "s.json"); }).find("invalid JSON") != std::string::npos);
  CHECK(message_of([&] { (void)load_scenario_file("/nonexistent/x.json"); }).find("does not exist") != std::string::npos);
}

TEST_CASE("a scenario can name a plan file or embed a plan, and take observations from a file") {
  const auto dir = test::repo("data/plans");
  const std::string by_file = R"({"qgov_scenario": 1, "plan": "dongli-2024.json",
    "observations": "../observations/dongli-sample.csv",
    "scenarios": [{"name": "n", "as_of": "2025-12-31", "expect": {"goals": {"jinnong_brands": "achieved"}}}]})";
  const auto f = parse_scenario_file(by_file, dir, "f.json");
  CHECK(f.scenarios.at(0).plan.data() == plans::dongli_2024().data());
  CHECK(run_scenario(f.scenarios.at(0)).passed());
  const std::string embedded = R"({"qgov_scenario": 1, "plan": )" + to_json(plans::dongli_2024()) +
                               R"(, "scenarios": [{"name": "n", "as_of": "2025-12-31",
                                  "expect": {"goals": {"vision_2035": "not_scored"}}}]})";
  const auto g = parse_scenario_file(embedded, dir, "g.json");
  CHECK(g.scenarios.at(0).plan.data() == plans::dongli_2024().data());
  CHECK(run_scenario(g.scenarios.at(0)).passed());
  const std::string sample_with_file_plan = R"({"qgov_scenario": 1, "plan": "dongli-2024.json", "observations": "sample",
    "scenarios": [{"name": "n", "as_of": "2025-12-31", "expect": {"goals": {"vision_2035": "not_scored"}}}]})";
  CHECK(message_of([&] { (void)parse_scenario_file(sample_with_file_plan, dir, "h.json"); })
            .find("h.json:/observations: \"sample\" is the embedded Dongli sample") != std::string::npos);
}

TEST_CASE("the goals no scenario covers are listed in plan order") {
  const auto f = load_scenario_file(test::repo("examples/scenarios/threshold.json"));
  std::vector<const scenario*> all;
  for (const auto& s : f.scenarios) all.push_back(&s);
  const auto missing = uncovered_goals(plans::dongli_2024(), all);
  CHECK(missing.size() == 27 - 6);
  CHECK(std::find(missing.begin(), missing.end(), goal_id("rd_expenditure_share")) == missing.end());
  CHECK(missing.front() == goal_id("smart_digital_projects"));
}

TEST_CASE("every example scenario passes") {
  for (const char* name : {"threshold.json", "kinds.json", "scorecard.json", "sample-2025.json"}) {
    CAPTURE(name);
    for (const auto& s : load_scenario_file(test::repo(std::string("examples/scenarios/") + name)).scenarios) {
      const auto r = run_scenario(s);
      CHECK_MESSAGE(r.passed(), r.report);
    }
  }
}
