// qgov/lineage/rollup.hpp — several plans with their observations as one view for the level above: per indicator
// across the plans (value, target, status), per plan a status summary, and a ranking with ties.
#pragma once

#include <qgov/version.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <qgov/eval/evaluation.hpp>
#include <qgov/eval/observation.hpp>
#include <qgov/eval/policy.hpp>
#include <qgov/lineage/indicators.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI {

/// One plan of a roll-up with the figures to judge it by.
struct rollup_input {
  qgov::plan plan;
  observation_ledger observations;
};

/// What one plan's goal for an indicator shows: copied from that plan's own evaluation, never recomputed.
struct rollup_cell {
  goal_id goal;
  goal_status status = goal_status::no_data;
  std::optional<double> value;
  std::optional<qgov::target> target;
  std::string quote;
  friend bool operator==(const rollup_cell&, const rollup_cell&) = default;
};

/// One indicator across the plans: a cell per plan (absent when the plan has no goal for it; the first goal in the
/// plan's order when it has several for the indicator).
struct rollup_row {
  std::string indicator;
  std::string name;
  std::string name_en;
  std::vector<std::optional<rollup_cell>> cells;  ///< in the order of the inputs
};

/// One plan's status summary and its rank.
struct rollup_summary {
  plan_id plan;
  std::string name;  ///< the issuer as printed, e.g. 东丽区人民政府
  std::array<std::size_t, 7> counts{};  ///< goals per goal_status, in the enum's order
  std::optional<double> score;  ///< mean points of its scored goals (evaluation_policy points), 0–100
  std::optional<std::size_t> rank;  ///< competition ranking of the scores ("1224"), ties sharing a rank
};

struct rollup {
  date as_of;
  std::vector<evaluation> evaluations;  ///< one per input, exactly what evaluate() gives for it
  std::vector<rollup_row> indicators;   ///< vocabulary indicators at least one plan has a goal for, in vocabulary order
  std::vector<rollup_summary> plans;    ///< in the order of the inputs
};

/// Evaluates each plan as of `as_of` with its own observations and arranges the results. Plan ids must be unique.
[[nodiscard]] rollup make_rollup(const std::vector<rollup_input>& inputs, const indicator_vocabulary& vocabulary, date as_of,
                                 const evaluation_policy& policy = {});

[[nodiscard]] std::string rollup_text(const rollup& r);
[[nodiscard]] std::string rollup_json(const rollup& r, int indent = 2);
/// The roll-up as one self-contained HTML page in the scorecard report's style: the indicator × plan grid, the
/// per-plan summary with ranks. No scripts, nothing fetched.
[[nodiscard]] std::string render_rollup_html(const rollup& r, const std::vector<rollup_input>& inputs);

}  // namespace qgov
