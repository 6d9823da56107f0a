// A host's own test suite using qgov's doctest helpers (qgov/testing/doctest.hpp), built against the installed
// package: "with these figures, on this date, this goal has this status", failing with the explanation if not.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <qgov/testing/doctest.hpp>

#include <qgov/qgov.hpp>

namespace {

// The figures the host keeps in its own database, handed to qgov as a ledger.
qgov::observation_ledger host_figures() {
  const auto year = [](int y) { return qgov::period::year(y); };
  qgov::observation_ledger l;
  l.add({qgov::goal_id("rd_expenditure_share"), year(2023), 3.52, std::nullopt, std::nullopt, qgov::date(2024, 9, 30),
         "host db", "host"});
  l.add({qgov::goal_id("rd_expenditure_share"), year(2024), 3.71, std::nullopt, std::nullopt, qgov::date(2025, 9, 30),
         "host db", "host"});
  l.add({qgov::goal_id("rd_expenditure_share"), year(2025), 3.8, std::nullopt, std::nullopt, qgov::date(2026, 5, 31),
         "host db", "host"});
  l.add({qgov::goal_id("food_sampling_pass_rate"), year(2025), 98.6, qgov::rate{1972, 2000}, std::nullopt,
         qgov::date(2026, 2, 28), "host db", "host"});
  return l;
}

}  // namespace

TEST_CASE("exactly 3.8% does not pass 超过3.8%: the R&D goal is missed once 2025 is reported") {
  const qgov::plan& p = qgov::plans::dongli_2024();
  QGOV_CHECK_GOAL_STATUS(p, host_figures(), "rd_expenditure_share", qgov::goal_status::missed, qgov::date(2026, 6, 30));
  // before the 2025 figure is known the verdict waits: the progress status stands
  QGOV_CHECK_GOAL_STATUS(p, host_figures(), "rd_expenditure_share", qgov::goal_status::on_track, qgov::date(2026, 1, 31));
}

TEST_CASE("the host's scorecard: food sampling achieved, and the market regulator graded") {
  const qgov::plan& p = qgov::plans::dongli_2024();
  const qgov::evaluation e = qgov::evaluate(p, host_figures(), qgov::date(2026, 6, 30));
  QGOV_CHECK_RESULT_STATUS(p, e, "food_sampling_pass_rate", qgov::goal_status::achieved);
  QGOV_CHECK_GOAL_VALUE(p, e, "food_sampling_pass_rate", 98.6, 1e-9);
  // 区市场监管局 leads food sampling (weight 2, achieved: 100) and shares the R&D goal (weight 1, missed: 0):
  // (2 × 100 + 1 × 0) / 3 = 66.7, grade C
  QGOV_CHECK_BUREAU_GRADE(p, e, "区市场监管局", qgov::formulas::grade::C);
}

TEST_CASE("a wrong expectation fails, and the message carries the explanation" * doctest::should_fail()) {
  QGOV_CHECK_GOAL_STATUS(qgov::plans::dongli_2024(), host_figures(), "rd_expenditure_share",
                         qgov::goal_status::achieved, qgov::date(2026, 6, 30));
}
