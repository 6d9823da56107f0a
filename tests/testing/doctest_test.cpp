// The doctest helpers of include/qgov/testing/doctest.hpp: passing checks pass, failing ones fail with the
// explanation in the message.
#include <qgov/testing/doctest.hpp>

#include <qgov/io/observations.hpp>
#include <qgov/plans/dongli_2024.hpp>

#include "../test_support.hpp"
#include "../fixture_values.hpp"

namespace {

using namespace qgov;

observation_ledger at_boundary() {
  observation o;
  o.goal = goal_id("rd_expenditure_share");
  o.period = period::year(2025);
  o.value = 3.8;
  o.reported_on = date(2026, 5, 31);
  o.source = "test";
  return observation_ledger({o});
}

}  // namespace

TEST_CASE("QGOV_CHECK_GOAL_STATUS passes when the goal has that status") {
  const plan& p = plans::dongli_2024();
  QGOV_CHECK_GOAL_STATUS(p, at_boundary(), "rd_expenditure_share", goal_status::missed, date(2026, 6, 30));
  QGOV_REQUIRE_GOAL_STATUS(p, test::fixture_ledger(), "jinnong_brands", goal_status::achieved, date(2025, 12, 31));
  const evaluation e = evaluate(p, test::fixture_ledger(), date(2025, 12, 31));
  QGOV_CHECK_RESULT_STATUS(p, e, "food_sampling_pass_rate", goal_status::on_track);
  QGOV_CHECK_GOAL_VALUE(p, e, "food_sampling_pass_rate", 98.3, 1e-9);  // the 2025-Q3 figure is not judged on
  QGOV_CHECK_BUREAU_GRADE(p, e, "区市场监管局", formulas::grade::B);
  QGOV_CHECK_BUREAU_GRADE(p, e, "public_security", formulas::grade::A);
  QGOV_CHECK_SCENARIOS(test::repo("examples/scenarios/kinds.json"));
}

TEST_CASE("a wrong status fails with the explanation and trace in the message") {
  const std::string m = testing::goal_status_failure(plans::dongli_2024(), at_boundary(), "rd_expenditure_share",
                                                     goal_status::achieved, date(2026, 6, 30));
  CHECK(m.find("goal rd_expenditure_share as of 2026-06-30 (figures known on 2026-06-30): expected status achieved, "
               "got missed") != std::string::npos);
  CHECK(m.find("explanation: R&D expenditure as a share of GDP: 3.8% in 2025; target above 3.8%") != std::string::npos);
  CHECK(m.find("figure: 2025 = 3.8, reported 2026-05-31, test") != std::string::npos);
  CHECK(testing::goal_status_failure(plans::dongli_2024(), at_boundary(), "rd_share", goal_status::achieved,
                                     date(2026, 6, 30)) == "no goal \"rd_share\" in plan dongli-2024");
  const evaluation e = evaluate(plans::dongli_2024(), test::fixture_ledger(), date(2025, 12, 31));
  const std::string g = testing::bureau_grade_failure(plans::dongli_2024(), e, "区水务局", formulas::grade::A);
  CHECK(g.find("unit 区水务局 (water) as of 2025-12-31: grade: expected A, got C") != std::string::npos);
  CHECK(g.find("construction_inspection_conformity") != std::string::npos);
  CHECK(testing::goal_value_failure(plans::dongli_2024(), e, "food_sampling_pass_rate", 98.5, 0.01)
            .find("value: expected 98.5 ± 0.01, got 98.3") != std::string::npos);
}

// The macro itself must report a failure (doctest counts this case as passed only if it fails).
TEST_CASE("QGOV_CHECK_GOAL_STATUS fails on a wrong expectation" * doctest::should_fail()) {
  QGOV_CHECK_GOAL_STATUS(plans::dongli_2024(), at_boundary(), "rd_expenditure_share", goal_status::achieved,
                         date(2026, 6, 30));
}

TEST_CASE("QGOV_CHECK_SCENARIOS fails on the deliberately wrong scenario file" * doctest::should_fail()) {
  QGOV_CHECK_SCENARIOS(test::repo("tests/scenario/scenarios/wrong-expectation.json"));
}
