// qgov/scenario/scenario.hpp — scenario files: a plan, figures, a date and the statuses, values and grades expected
// then; run by `qgov test` and by host test suites (format: docs/scenarios.md).
#pragma once

#include <qgov/version.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <qgov/eval/evaluation.hpp>
#include <qgov/eval/observation.hpp>
#include <qgov/formulas/scorecard.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI {

/// Default tolerance of a value check when a scenario gives none: |actual − expected| ≤ 1e-9 · max(1, |expected|)
/// (PROPOSED: exact up to floating-point noise; figures computed from decimals rarely compare exactly).
inline constexpr double default_relative_tolerance = 1e-9;

/// What a scenario expects of one goal; unset fields are not checked.
struct goal_expectation {
  goal_id goal;
  std::optional<goal_status> status;
  std::optional<double> value;           ///< the latest value used
  std::optional<double> projected;       ///< the value projected to the deadline
  std::optional<double> tolerance;       ///< absolute; default: default_relative_tolerance scaled
  friend bool operator==(const goal_expectation&, const goal_expectation&) = default;
};

/// What a scenario expects of one unit's scorecard line; unset fields are not checked.
struct bureau_expectation {
  unit_id unit;
  std::optional<formulas::grade> grade;
  std::optional<double> score;
  std::optional<std::size_t> rank;
  std::optional<double> tolerance;  ///< for the score
  friend bool operator==(const bureau_expectation&, const bureau_expectation&) = default;
};

/// One expectation that did not hold: what was checked, of which goal or unit, expected and actual, as text.
struct check_failure {
  std::string subject;  ///< a goal id or a unit id
  std::string field;    ///< "status", "value", "projected", "grade", "score", "rank", "goal", "unit"
  std::string expected;
  std::string actual;
  friend bool operator==(const check_failure&, const check_failure&) = default;
};

/// Checks one goal's result; empty when every set field holds.
[[nodiscard]] std::vector<check_failure> check_goal(const evaluation& e, const goal_expectation& x);
/// Checks one unit's scorecard line; empty when every set field holds.
[[nodiscard]] std::vector<check_failure> check_bureau(const evaluation& e, const bureau_expectation& x);

/// A goal's result as text for a failure message: status, value, the explanation and the whole trace (formula,
/// rule, figures used, intermediate values, thresholds, note), and the target it was judged against.
[[nodiscard]] std::string describe_result(const plan& p, const goal_result& r);
/// The same without the plan: no quote or target line.
[[nodiscard]] std::string describe_result(const goal_result& r);

/// A scenario: evaluate `plan` with `observations` on `as_of` (figures known on `known_as_of`), expect these.
struct scenario {
  std::string name;
  std::string where;  ///< "file.json:/scenarios/2", for messages
  qgov::plan plan;
  observation_ledger observations;
  date as_of;
  std::optional<date> known_as_of;
  std::vector<goal_expectation> goals;
  std::vector<bureau_expectation> bureaus;
};

/// The scenarios of one file, in file order.
struct scenario_file {
  std::string path;
  std::vector<scenario> scenarios;
};

/// Reads a scenario file (JSON). Paths in it (plan and observation files) are relative to the file. Throws
/// `load_error` listing every problem at its JSON path; unknown goals and units are problems, not silent passes.
[[nodiscard]] scenario_file load_scenario_file(const std::filesystem::path& file);
/// The same from text; `base` resolves relative paths.
[[nodiscard]] scenario_file parse_scenario_file(std::string_view json, const std::filesystem::path& base,
                                                std::string origin = "<scenario>");

/// The outcome of running one scenario.
struct scenario_result {
  std::string name;
  std::string where;
  evaluation result;
  std::size_t checks = 0;
  std::vector<check_failure> failures;
  std::string report;  ///< empty when passed; else the diff and, per failing goal, describe_result()
  [[nodiscard]] bool passed() const noexcept { return failures.empty(); }
};

/// Evaluates the scenario and checks every expectation.
[[nodiscard]] scenario_result run_scenario(const scenario& s);

/// Goals of `p` that none of `scenarios` (those on a plan with p's id) states an expectation for, in plan order.
[[nodiscard]] std::vector<goal_id> uncovered_goals(const plan& p, const std::vector<const scenario*>& scenarios);

}  // namespace qgov
