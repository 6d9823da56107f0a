// qgov/plan/goal.hpp — a goal of the plan: what must hold, by when, as the text states it.
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <qgov/core/comparator.hpp>
#include <qgov/core/date.hpp>
#include <qgov/core/enum_names.hpp>
#include <qgov/core/ids.hpp>
#include <qgov/core/source_span.hpp>

namespace qgov::inline QGOV_ABI {

/// How a goal is judged; see docs/plan-format.md for each kind's meaning.
enum class goal_kind {
  threshold,    ///< the value at the deadline satisfies the comparator (超过3.8%)
  cumulative,   ///< a running total since the plan's start satisfies it (累计培育…9个, 新增…10项)
  maintain,     ///< every observation in the window satisfies it (保持在30%以上)
  all_levels,   ///< it holds at each level separately (各级…均达100%)
  milestone,    ///< something is built or done (建成胡张庄、欢坨乡村振兴示范村)
  trend,        ///< a direction, no number (不断提高, 明显增加)
  qualitative,  ///< tracked, not scored (全面提升, the 2035 vision)
};

/// The kinds' names in plan files and JSON.
inline constexpr std::array<enum_name<goal_kind>, 7> goal_kind_names{{{goal_kind::threshold, "threshold"},
                                                                      {goal_kind::cumulative, "cumulative"},
                                                                      {goal_kind::maintain, "maintain"},
                                                                      {goal_kind::all_levels, "all_levels"},
                                                                      {goal_kind::milestone, "milestone"},
                                                                      {goal_kind::trend, "trend"},
                                                                      {goal_kind::qualitative, "qualitative"}}};

[[nodiscard]] constexpr std::string_view to_string(goal_kind k) noexcept { return name_in(goal_kind_names, k); }

[[nodiscard]] constexpr std::optional<goal_kind> parse_goal_kind(std::string_view s) noexcept {
  return value_in(goal_kind_names, s);
}

/// Whether a kind carries a numeric target (comparator, value, unit).
[[nodiscard]] constexpr bool has_numeric_target(goal_kind k) noexcept {
  return k != goal_kind::trend && k != goal_kind::qualitative;
}

/// The direction a trend goal asks for.
enum class trend_direction { increase, decrease };

inline constexpr std::array<enum_name<trend_direction>, 2> trend_direction_names{
    {{trend_direction::increase, "increase"}, {trend_direction::decrease, "decrease"}}};

[[nodiscard]] constexpr std::string_view to_string(trend_direction d) noexcept {
  return name_in(trend_direction_names, d);
}

[[nodiscard]] constexpr std::optional<trend_direction> parse_trend_direction(std::string_view s) noexcept {
  return value_in(trend_direction_names, s);
}

/// A numeric target: `observed <comparator> value`, value in `unit` as the text states it ("4.4万亩" is 44000 亩).
struct target {
  qgov::comparator comparator = qgov::comparator::ge;
  double value = 0;
  std::string unit;    ///< %, 家, 个, 项, 亩, 分, 条 …
  std::string stated;  ///< the number and unit as printed, e.g. 4.4万亩
  friend bool operator==(const target&, const target&) = default;
};

/// Where a statement stands: inside a numbered clause or inside a column (专栏).
struct source_ref {
  enum class kind_t { clause, column };
  kind_t kind = kind_t::clause;
  int number = 0;
  friend bool operator==(const source_ref&, const source_ref&) = default;
};

inline constexpr std::array<enum_name<source_ref::kind_t>, 2> source_ref_kind_names{
    {{source_ref::kind_t::clause, "clause"}, {source_ref::kind_t::column, "column"}}};

[[nodiscard]] constexpr std::string_view to_string(source_ref::kind_t k) noexcept {
  return name_in(source_ref_kind_names, k);
}

/// A verbatim quote from the source, its span, and where it stands.
struct statement {
  std::string quote;
  source_span span;
  source_ref source;
  friend bool operator==(const statement&, const statement&) = default;
};

/// How a goal is tied to a clause: written inside it, or a summary target assigned to it by subject.
enum class link_type {
  stated,    ///< the target is written inside that clause
  assigned,  ///< a summary target (e.g. of （二）) linked to the clause that carries it out; has a rationale
};

inline constexpr std::array<enum_name<link_type>, 2> link_type_names{
    {{link_type::stated, "stated"}, {link_type::assigned, "assigned"}}};

[[nodiscard]] constexpr std::string_view to_string(link_type l) noexcept { return name_in(link_type_names, l); }

[[nodiscard]] constexpr std::optional<link_type> parse_link_type(std::string_view s) noexcept {
  return value_in(link_type_names, s);
}

/// A link from a goal to a clause that carries it out.
struct clause_link {
  clause_number clause;
  link_type link = link_type::stated;
  std::string rationale;  ///< one line, required for `assigned` links
  friend bool operator==(const clause_link&, const clause_link&) = default;
};

/// Whether the deadline is printed next to the target or taken from the plan's horizon (到2025年 in （二）).
enum class deadline_basis { stated, plan_horizon };

inline constexpr std::array<enum_name<deadline_basis>, 2> deadline_basis_names{
    {{deadline_basis::stated, "stated"}, {deadline_basis::plan_horizon, "plan_horizon"}}};

[[nodiscard]] constexpr std::string_view to_string(deadline_basis b) noexcept { return name_in(deadline_basis_names, b); }

[[nodiscard]] constexpr std::optional<deadline_basis> parse_deadline_basis(std::string_view s) noexcept {
  return value_in(deadline_basis_names, s);
}

/// A goal of the plan with its target, deadline and provenance.
struct goal {
  goal_id id;
  std::string indicator;  ///< the indicator in the text's words, e.g. 全社会研发支出占GDP比重
  std::string name_en;    ///< an English name for reports
  goal_kind kind = goal_kind::threshold;
  std::optional<qgov::target> target;            ///< present for every kind with a numeric target
  /// Why `target` differs from what the extractor reads in `quote` (qgov::read_targets); empty when they agree,
  /// and the loader refuses a disagreement without one (docs/plan-format.md, "target_override").
  std::string target_override;
  std::optional<trend_direction> direction;      ///< present for trend goals
  std::vector<std::string> levels;               ///< all_levels goals: the levels, e.g. national, municipal, district
  std::vector<std::string> items;                ///< milestone goals: the things to be done, as printed
  date deadline;                                 ///< end of the stated year unless the text says otherwise
  deadline_basis deadline_from = deadline_basis::stated;
  int horizon = 0;                               ///< the plan horizon the goal belongs to: 2025, 2035 …
  std::string quote;                             ///< verbatim from the source
  source_span span;                              ///< where `quote` stands
  source_ref source;                             ///< the clause or column it stands in
  std::vector<statement> restatements;           ///< the same target printed again elsewhere (e.g. in a column)
  std::vector<clause_link> clauses;              ///< the clauses that carry it out
  friend bool operator==(const goal&, const goal&) = default;
};

}  // namespace qgov
