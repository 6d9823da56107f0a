// qgov/lineage/cascade.hpp — does a child plan's target ask at least as much as its parent's, indicator by indicator?
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string>
#include <vector>

#include <qgov/core/enum_names.hpp>
#include <qgov/lineage/indicators.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI {

/// The outcome for one shared indicator and horizon.
enum class cascade_verdict {
  at_least_as_demanding,  ///< the child's target implies the parent's (direction-aware)
  less_demanding,         ///< a value meeting the child's target can miss the parent's
  direction_agrees,       ///< both are trends (or one a trend) pointing the better way; nothing numeric to compare
  not_comparable,         ///< different units, or a target kind that cannot be compared (qualitative)
};

inline constexpr std::array<enum_name<cascade_verdict>, 4> cascade_verdict_names{
    {{cascade_verdict::at_least_as_demanding, "at_least_as_demanding"},
     {cascade_verdict::less_demanding, "less_demanding"},
     {cascade_verdict::direction_agrees, "direction_agrees"},
     {cascade_verdict::not_comparable, "not_comparable"}}};

[[nodiscard]] constexpr std::string_view to_string(cascade_verdict v) noexcept {
  return name_in(cascade_verdict_names, v);
}

struct cascade_row {
  std::string indicator;  ///< vocabulary id
  int horizon = 0;
  goal parent;
  goal child;
  cascade_verdict verdict = cascade_verdict::not_comparable;
  std::string reason;     ///< one English sentence, e.g. "≥ 95 % implies ≥ 94 %"
};

struct cascade_report {
  plan_id child;
  plan_id parent;
  std::vector<cascade_row> shared;          ///< in the parent's goal order
  std::vector<goal> not_taken_up;            ///< parent goals with a vocabulary indicator the child has no goal for
  std::vector<goal> parent_unmatched;        ///< parent goals no vocabulary indicator fits (listed, not checked)
  [[nodiscard]] std::size_t violations() const noexcept;
};

/// Compares every parent goal whose indicator the vocabulary knows with the child's goals of the same indicator and
/// horizon. A child target implies the parent's when, for a higher-is-better indicator, every value meeting it
/// meets the parent's (≥96 implies ≥95; >95 implies ≥95; ≥95 does not imply >95), and the mirror for lower.
[[nodiscard]] cascade_report cascade(const plan& child, const plan& parent, const indicator_vocabulary& vocabulary);

[[nodiscard]] std::string cascade_text(const cascade_report& r);
[[nodiscard]] std::string cascade_json(const cascade_report& r, int indent = 2);

}  // namespace qgov
