// qgov/lineage/diff.hpp — the semantic difference between two plans: goals, clauses (matched by text, not number),
// responsibility cells and units; as text, Markdown and JSON.
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string>
#include <vector>

#include <qgov/core/enum_names.hpp>
#include <qgov/core/ids.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI {

/// One field of a goal that differs, both values rendered as text (e.g. "value": "95" → "96").
struct field_change {
  std::string field;  ///< kind, comparator, value, unit, deadline, direction, quote
  std::string before;
  std::string after;
  friend bool operator==(const field_change&, const field_change&) = default;
};

struct goal_change {
  goal_id goal;
  std::vector<field_change> fields;  ///< in the order listed on field_change::field
  friend bool operator==(const goal_change&, const goal_change&) = default;
};

/// A clause of the old plan matched to one of the new plan by its title (or, failing that, by its whole text).
struct clause_renumbering {
  int before = 0;
  int after = 0;
  std::string title;
  friend bool operator==(const clause_renumbering&, const clause_renumbering&) = default;
};

/// A clause present on one side only.
struct clause_entry {
  int number = 0;
  std::string title;
  friend bool operator==(const clause_entry&, const clause_entry&) = default;
};

/// A responsibility cell added, removed or given another role, in a clause matched across the plans.
struct cell_change {
  enum class kind_t { added, removed, re_roled };
  kind_t kind = kind_t::added;
  int clause = 0;             ///< the new plan's number (the old one's for cells of a removed clause)
  std::string clause_title;
  unit_id unit;
  std::optional<role> before;  ///< absent for added
  std::optional<role> after;   ///< absent for removed
  friend bool operator==(const cell_change&, const cell_change&) = default;
};

inline constexpr std::array<enum_name<cell_change::kind_t>, 3> cell_change_kind_names{
    {{cell_change::kind_t::added, "added"}, {cell_change::kind_t::removed, "removed"}, {cell_change::kind_t::re_roled, "re_roled"}}};

[[nodiscard]] constexpr std::string_view to_string(cell_change::kind_t k) noexcept {
  return name_in(cell_change_kind_names, k);
}

struct unit_rename {
  unit_id unit;
  std::string before;
  std::string after;
  friend bool operator==(const unit_rename&, const unit_rename&) = default;
};

/// Everything that differs. Each list is sorted by its key (goal id; clause number; unit id), so the diff does not
/// depend on the order of goals, units or clauses in either file.
struct plan_diff {
  plan_id before;
  plan_id after;
  std::vector<goal_id> goals_added;
  std::vector<goal_id> goals_removed;
  std::vector<goal_change> goals_changed;
  std::vector<clause_entry> clauses_added;
  std::vector<clause_entry> clauses_removed;
  std::vector<clause_renumbering> clauses_renumbered;
  std::vector<unit_id> units_added;
  std::vector<unit_id> units_removed;
  std::vector<unit_rename> units_renamed;
  std::vector<cell_change> cells;
  /// The number of changes: one per entry of every list above.
  [[nodiscard]] std::size_t size() const noexcept {
    return goals_added.size() + goals_removed.size() + goals_changed.size() + clauses_added.size() +
           clauses_removed.size() + clauses_renumbered.size() + units_added.size() + units_removed.size() +
           units_renamed.size() + cells.size();
  }
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  friend bool operator==(const plan_diff&, const plan_diff&) = default;
};

/// The semantic diff of two plans' data (validated or not: only ids, titles, texts and targets are compared; spans
/// are not, since every span moves when the text is edited).
[[nodiscard]] plan_diff diff(const plan_data& before, const plan_data& after);
[[nodiscard]] inline plan_diff diff(const plan& before, const plan& after) { return diff(before.data(), after.data()); }

[[nodiscard]] std::string diff_text(const plan_diff& d);
[[nodiscard]] std::string diff_markdown(const plan_diff& d);
[[nodiscard]] std::string diff_json(const plan_diff& d, int indent = 2);

}  // namespace qgov
