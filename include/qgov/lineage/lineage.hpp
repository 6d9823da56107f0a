// qgov/lineage/lineage.hpp — versions of one plan through time (supersedes, amends, effective dates) and the
// evaluation of a lineage as of a date with the targets in force then.
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string>
#include <vector>

#include <qgov/core/date.hpp>
#include <qgov/core/error.hpp>
#include <qgov/eval/evaluation.hpp>
#include <qgov/eval/observation.hpp>
#include <qgov/eval/policy.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI {

/// One version of a plan in a lineage and the first day it is in force.
struct lineage_version {
  qgov::plan plan;
  date in_force_from;  ///< `lineage.effective_from`, or the document's issue date when the file gives none
};

/// A chain of plan versions, oldest first: each later one amends or supersedes the one before it.
class lineage {
public:
  /// Orders `plans` by their `supersedes`/`amends` links and checks them: plan ids unique, every named predecessor
  /// among the plans, no cycle, one chain (one first version, no version followed twice), in-force dates strictly
  /// increasing along it. Throws `load_error` (origin `origin`) listing every problem; nothing is built then.
  [[nodiscard]] static lineage from_plans(std::vector<plan> plans, std::string origin = "<lineage>");

  /// Every problem `from_plans` would report, each at `<plan id>/lineage/<field>`.
  [[nodiscard]] static std::vector<problem> validate(const std::vector<plan>& plans);

  [[nodiscard]] const std::vector<lineage_version>& versions() const noexcept { return versions_; }
  /// The version in force on `d`: the latest whose in-force date is on or before `d`; null before the first.
  [[nodiscard]] const lineage_version* in_force(date d) const noexcept;
  /// The version that set goal `g` as it stands in the version in force on `d`: going back from that version, the
  /// earliest of the unbroken run of versions whose goal `g` has the same kind, target and deadline. Null when the
  /// version in force has no goal `g` (or no version is in force).
  [[nodiscard]] const lineage_version* set_by(const goal_id& g, date d) const noexcept;

private:
  std::vector<lineage_version> versions_;
};

/// Where a goal's target came from in a lineage evaluation.
struct target_provenance {
  goal_id goal;
  plan_id set_by;
  date in_force_from;
  friend bool operator==(const target_provenance&, const target_provenance&) = default;
};

/// A lineage evaluated as of a date: the version in force, its evaluation, and for each goal the version that set it.
struct lineage_evaluation {
  plan_id in_force;
  date in_force_from;
  qgov::evaluation evaluation;            ///< each goal's trace note names the version that set its target
  std::vector<target_provenance> targets;  ///< in the evaluation's goal order
};

/// Evaluates the version in force on `as_of` (throws qgov::error when none is) against `ledger`, and records in each
/// goal's trace which version set its target.
[[nodiscard]] lineage_evaluation evaluate(const lineage& l, const observation_ledger& ledger, date as_of,
                                          std::optional<date> known_as_of = std::nullopt,
                                          const evaluation_policy& policy = {});

}  // namespace qgov
