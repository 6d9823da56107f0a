// qgov/eval/evaluation.hpp — evaluating a plan on a date: one result per goal with its trace and explanation,
// bureau scorecards, and the plan's coverage.
#pragma once

#include <qgov/version.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <qgov/core/date.hpp>
#include <qgov/core/enum_names.hpp>
#include <qgov/core/ids.hpp>
#include <qgov/core/period.hpp>
#include <qgov/eval/observation.hpp>
#include <qgov/eval/policy.hpp>
#include <qgov/eval/status.hpp>
#include <qgov/formulas/scorecard.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI {

/// A named figure in a trace: an input, an intermediate value or a threshold.
struct trace_value {
  std::string name;
  double value = 0;
  friend bool operator==(const trace_value&, const trace_value&) = default;
};

/// Why a result is what it is: the formula, the figures it used, and what in the plan it enforces.
struct trace {
  std::string formula;                    ///< e.g. "target_check+open_sdg", "maintain", "trend", "milestone_pace"
  std::string rule;                       ///< the rule applied, in one English sentence
  std::vector<observation> observations;  ///< the figures used, as known on known_as_of
  std::vector<trace_value> values;        ///< intermediate values (base point, CAGR, ratio, projection …)
  std::vector<trace_value> thresholds;    ///< the bands the values were compared with
  std::string note;                       ///< a caveat, e.g. "final 2025 figure not reported yet"
  friend bool operator==(const trace&, const trace&) = default;
};

/// A goal's explanation in the two languages a report needs.
struct explanation {
  std::string zh;
  std::string en;
  friend bool operator==(const explanation&, const explanation&) = default;
};

/// The status of one level of a "各级" goal.
struct level_result {
  qgov::level level = qgov::level::district;
  goal_status status = goal_status::no_data;
  std::optional<double> value;
  std::optional<qgov::period> period;
  friend bool operator==(const level_result&, const level_result&) = default;
};

/// One goal's evaluation.
struct goal_result {
  goal_id goal;
  goal_status status = goal_status::no_data;
  std::optional<double> value;          ///< the latest value used (for 各级 goals: the deciding level's)
  std::optional<qgov::period> period;   ///< its period
  std::optional<double> projected;      ///< the value expected at the deadline, when a projection was made
  std::vector<level_result> levels;     ///< 各级 goals: one per level
  qgov::trace trace;
  qgov::explanation explanation;
  friend bool operator==(const goal_result&, const goal_result&) = default;
};

/// One goal's contribution to a unit's score.
struct score_contribution {
  goal_id goal;
  role unit_role = role::responsible;  ///< the strongest role the unit has in the clauses carrying the goal
  double weight = 0;
  double points = 0;
  friend bool operator==(const score_contribution&, const score_contribution&) = default;
};

/// A unit's scorecard line: 0–100, grade and rank (ties share a rank), with the goals behind it.
struct bureau_score {
  unit_id unit;
  std::optional<double> score;              ///< nullopt when no goal of the unit could be scored
  std::optional<formulas::grade> grade;
  std::optional<std::size_t> rank;
  bool vetoed = false;
  std::vector<score_contribution> contributions;
  friend bool operator==(const bureau_score&, const bureau_score&) = default;
};

/// Whether a clause carries a goal that can be measured.
enum class clause_coverage { measurable, qualitative_only, none };

inline constexpr std::array<enum_name<clause_coverage>, 3> clause_coverage_names{
    {{clause_coverage::measurable, "measurable"},
     {clause_coverage::qualitative_only, "qualitative_only"},
     {clause_coverage::none, "none"}}};

[[nodiscard]] constexpr std::string_view to_string(clause_coverage c) noexcept {
  return name_in(clause_coverage_names, c);
}

/// A clause's coverage by goals.
struct clause_coverage_entry {
  clause_number clause;
  clause_coverage coverage = clause_coverage::none;
  std::vector<goal_id> goals;
  friend bool operator==(const clause_coverage_entry&, const clause_coverage_entry&) = default;
};

/// The whole evaluation.
struct evaluation {
  plan_id plan;
  date as_of;
  date known_as_of;
  std::vector<goal_result> goals;      ///< in the plan's goal order
  std::vector<bureau_score> bureaus;   ///< in the plan's unit order
  std::vector<clause_coverage_entry> coverage;
  friend bool operator==(const evaluation&, const evaluation&) = default;
};

/// Evaluates every goal of `p` on `as_of` with the figures known on `known_as_of` (default: as_of), scores the
/// units and reports coverage. Pure: the same inputs give the same evaluation.
[[nodiscard]] evaluation evaluate(const plan& p, const observation_ledger& ledger, date as_of,
                                  std::optional<date> known_as_of = std::nullopt, const evaluation_policy& policy = {});

/// Evaluates one goal (the building block of `evaluate`).
[[nodiscard]] goal_result evaluate_goal(const plan& p, const goal& g, const observation_ledger& ledger, date as_of,
                                        date known_as_of, const evaluation_policy& policy = {});

/// Scores the units over goal results (the scorecard part of `evaluate`).
[[nodiscard]] std::vector<bureau_score> score_units(const plan& p, const std::vector<goal_result>& results, date as_of,
                                                    const evaluation_policy& policy = {});

/// Which clauses carry measurable goals.
[[nodiscard]] std::vector<clause_coverage_entry> coverage_of(const plan& p);

/// The scorecard lines in rank order; units without a rank (no score) last, in plan order.
[[nodiscard]] inline std::vector<const bureau_score*> units_by_rank(const evaluation& e) {
  std::vector<const bureau_score*> order;
  for (const auto& b : e.bureaus) order.push_back(&b);
  std::stable_sort(order.begin(), order.end(), [](const bureau_score* a, const bureau_score* b) {
    return a->rank.value_or(SIZE_MAX) < b->rank.value_or(SIZE_MAX);
  });
  return order;
}

/// The result for goal `id`, or nullptr.
[[nodiscard]] inline const goal_result* find_result(const evaluation& e, const goal_id& id) noexcept {
  for (const auto& r : e.goals)
    if (r.goal == id) return &r;
  return nullptr;
}

}  // namespace qgov
