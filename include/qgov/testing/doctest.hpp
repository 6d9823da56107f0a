// qgov/testing/doctest.hpp — doctest assertions for host test suites: "goal X has status Y as of D", whose failure
// message carries the explanation and the whole trace. Needs doctest (include this after, or instead of,
// <doctest/doctest.h>); the checks themselves are plain functions returning the failure text (empty: passed).
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include <qgov/eval/evaluation.hpp>
#include <qgov/scenario/scenario.hpp>

namespace qgov::inline QGOV_ABI::testing {

/// A number as a person reads it (2, 66.6667).
[[nodiscard]] inline std::string number_text(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

/// Empty when goal `goal` of `e` has status `expected`; else what differs, the explanation and the trace.
[[nodiscard]] inline std::string goal_status_failure(const plan& p, const evaluation& e, std::string_view goal,
                                                     goal_status expected) {
  const goal_result* r = find_result(e, goal_id(goal));
  if (!r) return "no goal \"" + std::string(goal) + "\" in the evaluation of plan " + e.plan.str();
  if (r->status == expected) return {};
  return "goal " + std::string(goal) + " as of " + to_iso(e.as_of) + " (figures known on " + to_iso(e.known_as_of) +
         "): expected status " + std::string(to_string(expected)) + ", got " + std::string(to_string(r->status)) +
         "\n  " + describe_result(p, *r);
}

/// The same after evaluating `p` with `ledger` on `as_of` (figures known on `known_as_of`, default `as_of`).
[[nodiscard]] inline std::string goal_status_failure(const plan& p, const observation_ledger& ledger,
                                                     std::string_view goal, goal_status expected, date as_of,
                                                     std::optional<date> known_as_of = std::nullopt) {
  const qgov::goal* g = p.find_goal(goal_id(goal));
  if (!g) return "no goal \"" + std::string(goal) + "\" in plan " + p.id().str();
  const date known = known_as_of.value_or(as_of);
  evaluation e{p.id(), as_of, known, {evaluate_goal(p, *g, ledger, as_of, known)}, {}, {}};
  return goal_status_failure(p, e, goal, expected);
}

/// Empty when the goal's value is within `tolerance` of `expected`; else the difference and the trace.
[[nodiscard]] inline std::string goal_value_failure(const plan& p, const evaluation& e, std::string_view goal,
                                                    double expected, double tolerance) {
  const auto f = check_goal(e, {goal_id(goal), std::nullopt, expected, std::nullopt, tolerance});
  if (f.empty()) return {};
  const goal_result* r = find_result(e, goal_id(goal));
  return "goal " + std::string(goal) + " as of " + to_iso(e.as_of) + ": " + f.front().field + ": expected " +
         f.front().expected + ", got " + f.front().actual + (r ? "\n  " + describe_result(p, *r) : std::string());
}

/// Empty when unit `unit` (id or name as printed) has grade `expected`; else the score and its goals.
[[nodiscard]] inline std::string bureau_grade_failure(const plan& p, const evaluation& e, std::string_view unit,
                                                      formulas::grade expected) {
  const responsible_unit* u = p.find_unit(unit_id(unit));
  if (!u) u = p.find_unit_by_name(unit);
  if (!u) return "no unit \"" + std::string(unit) + "\" in plan " + p.id().str();
  const auto f = check_bureau(e, {u->id, expected, std::nullopt, std::nullopt, std::nullopt});
  if (f.empty()) return {};
  std::string out = "unit " + u->name + " (" + u->id.str() + ") as of " + to_iso(e.as_of) + ": grade: expected " +
                    f.front().expected + ", got " + f.front().actual;
  for (const auto& b : e.bureaus)
    if (b.unit == u->id)
      for (const auto& c : b.contributions)
        if (const goal_result* r = find_result(e, c.goal))
          out += "\n  " + std::string(to_string(c.unit_role)) + ", weight " + number_text(c.weight) + ", " +
                 number_text(c.points) + " points: " + describe_result(p, *r);
  return out;
}

/// Every failure of the scenarios in `file`, one block per failing scenario (empty: all passed).
[[nodiscard]] inline std::string scenario_file_failures(const std::filesystem::path& file) {
  std::string out;
  for (const auto& s : load_scenario_file(file).scenarios) {
    const auto r = run_scenario(s);
    if (!r.passed()) out += "scenario \"" + r.name + "\" [" + r.where + "]\n  " + r.report;
  }
  return out;
}

}  // namespace qgov::testing

/// CHECK that goal GOAL of PLAN, evaluated with LEDGER on AS_OF, has STATUS; the failure shows the explanation.
#define QGOV_CHECK_GOAL_STATUS(plan, ledger, goal, status, as_of)                                                 \
  do {                                                                                                          \
    const std::string qgov_failure_ = ::qgov::testing::goal_status_failure((plan), (ledger), (goal), (status), (as_of)); \
    DOCTEST_CHECK_MESSAGE(qgov_failure_.empty(), qgov_failure_);                                                \
  } while (false)

/// REQUIRE form of QGOV_CHECK_GOAL_STATUS.
#define QGOV_REQUIRE_GOAL_STATUS(plan, ledger, goal, status, as_of)                                               \
  do {                                                                                                          \
    const std::string qgov_failure_ = ::qgov::testing::goal_status_failure((plan), (ledger), (goal), (status), (as_of)); \
    DOCTEST_REQUIRE_MESSAGE(qgov_failure_.empty(), qgov_failure_);                                              \
  } while (false)

/// CHECK a goal's status in an evaluation already made (PLAN supplies quotes and targets for the message).
#define QGOV_CHECK_RESULT_STATUS(plan, evaluation, goal, status)                                                  \
  do {                                                                                                          \
    const std::string qgov_failure_ = ::qgov::testing::goal_status_failure((plan), (evaluation), (goal), (status)); \
    DOCTEST_CHECK_MESSAGE(qgov_failure_.empty(), qgov_failure_);                                                \
  } while (false)

/// CHECK a goal's value in an evaluation, within an absolute tolerance.
#define QGOV_CHECK_GOAL_VALUE(plan, evaluation, goal, value, tolerance)                                           \
  do {                                                                                                          \
    const std::string qgov_failure_ =                                                                           \
        ::qgov::testing::goal_value_failure((plan), (evaluation), (goal), (value), (tolerance));               \
    DOCTEST_CHECK_MESSAGE(qgov_failure_.empty(), qgov_failure_);                                                \
  } while (false)

/// CHECK a unit's grade (unit by id or by its name as printed) in an evaluation.
#define QGOV_CHECK_BUREAU_GRADE(plan, evaluation, unit, grade)                                                    \
  do {                                                                                                          \
    const std::string qgov_failure_ = ::qgov::testing::bureau_grade_failure((plan), (evaluation), (unit), (grade)); \
    DOCTEST_CHECK_MESSAGE(qgov_failure_.empty(), qgov_failure_);                                                \
  } while (false)

/// CHECK that every scenario of a scenario file passes (docs/scenarios.md); a file that does not load throws.
#define QGOV_CHECK_SCENARIOS(file)                                                                                \
  do {                                                                                                          \
    const std::string qgov_failure_ = ::qgov::testing::scenario_file_failures(file);                            \
    DOCTEST_CHECK_MESSAGE(qgov_failure_.empty(), qgov_failure_);                                                \
  } while (false)
