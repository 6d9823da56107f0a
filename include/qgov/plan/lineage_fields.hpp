// qgov/plan/lineage_fields.hpp — what a plan file says about its place in time and among levels of government:
// the plan it supersedes or amends and from when, its level, and the plans it implements (its parents).
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string_view>
#include <vector>

#include <qgov/core/date.hpp>
#include <qgov/core/enum_names.hpp>
#include <qgov/core/ids.hpp>

namespace qgov::inline QGOV_ABI {

/// The level of government a plan belongs to.
enum class plan_level { national, provincial, municipal, district };

inline constexpr std::array<enum_name<plan_level>, 4> plan_level_names{{{plan_level::national, "national"},
                                                                         {plan_level::provincial, "provincial"},
                                                                         {plan_level::municipal, "municipal"},
                                                                         {plan_level::district, "district"}}};

[[nodiscard]] constexpr std::string_view to_string(plan_level l) noexcept { return name_in(plan_level_names, l); }

[[nodiscard]] constexpr std::optional<plan_level> parse_plan_level(std::string_view s) noexcept {
  return value_in(plan_level_names, s);
}

/// The optional `lineage` object of a plan file. Every field is optional; a plan without one stands alone.
/// `supersedes` (a new plan replacing an old one) and `amends` (a revision of the same plan) exclude each other;
/// either may carry `effective_from`, the first day the version is in force (default: its issue date).
struct plan_lineage {
  std::optional<plan_level> level;
  std::vector<plan_id> parents;          ///< the plans this one implements (city 纲要 for a district plan …)
  std::optional<plan_id> supersedes;
  std::optional<plan_id> amends;
  std::optional<date> effective_from;
  [[nodiscard]] bool empty() const noexcept {
    return !level && parents.empty() && !supersedes && !amends && !effective_from;
  }
  /// The plan this version follows in time, if any.
  [[nodiscard]] const std::optional<plan_id>& predecessor() const noexcept { return amends ? amends : supersedes; }
  friend bool operator==(const plan_lineage&, const plan_lineage&) = default;
};

}  // namespace qgov
