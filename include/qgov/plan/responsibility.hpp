// qgov/plan/responsibility.hpp — who answers for each clause: the responsibility lists and their roles.
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string_view>
#include <vector>

#include <qgov/core/enum_names.hpp>
#include <qgov/core/ids.hpp>
#include <qgov/core/source_span.hpp>

namespace qgov::inline QGOV_ABI {

/// A unit's role in a clause's responsibility list.
enum class role {
  lead,         ///< 牵头: leads the clause
  responsible,  ///< 负责 / 责任单位: shares responsibility
  supporting,   ///< 配合: supports the lead
};

/// The roles' names in plan files and JSON.
inline constexpr std::array<enum_name<role>, 3> role_names{
    {{role::lead, "lead"}, {role::responsible, "responsible"}, {role::supporting, "supporting"}}};

/// The role's name in plan files and JSON: "lead", "responsible", "supporting".
[[nodiscard]] constexpr std::string_view to_string(role r) noexcept { return name_in(role_names, r); }

/// Parses a role name; nullopt for anything else.
[[nodiscard]] constexpr std::optional<role> parse_role(std::string_view s) noexcept { return value_in(role_names, s); }

/// How roles are read from a list that does not state them. The Dongli form "（A、B和各街道园区等按职责分工负责）"
/// names no lead; by the convention of such plans the first-listed unit leads. Plans that state roles use `explicit_roles`.
enum class role_convention {
  first_listed_leads,  ///< the first unit is `lead`, the others `responsible` (default)
  all_responsible,     ///< every unit is `responsible`; nobody leads
  explicit_roles,      ///< each cell carries its role as stated in the text
};

/// The conventions' names in plan files (`explicit_roles` is written "explicit").
inline constexpr std::array<enum_name<role_convention>, 3> role_convention_names{
    {{role_convention::first_listed_leads, "first_listed_leads"},
     {role_convention::all_responsible, "all_responsible"},
     {role_convention::explicit_roles, "explicit"}}};

/// The convention's name in plan files.
[[nodiscard]] constexpr std::string_view to_string(role_convention c) noexcept {
  return name_in(role_convention_names, c);
}

/// Parses a convention name; nullopt for anything else.
[[nodiscard]] constexpr std::optional<role_convention> parse_role_convention(std::string_view s) noexcept {
  return value_in(role_convention_names, s);
}

/// One cell of the matrix: a unit named in a clause's list, where it is printed, and its role.
struct responsibility_cell {
  unit_id unit;
  role unit_role = role::responsible;
  source_span span;  ///< the unit's name as printed inside the list
  friend bool operator==(const responsibility_cell&, const responsibility_cell&) = default;
};

/// The responsibility list that closes a clause, in source order.
struct responsibility_list {
  clause_number clause;
  source_span span;  ///< the whole parenthetical, e.g. （区市场监管局、…按职责分工负责）
  std::vector<responsibility_cell> cells;

  /// The role of `u` in this list, or nullopt when the list does not name it.
  [[nodiscard]] std::optional<role> role_of(const unit_id& u) const noexcept {
    for (const auto& c : cells)
      if (c.unit == u) return c.unit_role;
    return std::nullopt;
  }
  friend bool operator==(const responsibility_list&, const responsibility_list&) = default;
};

/// The role a convention gives the cell at `position` (0-based) of a list; `stated` is used by `explicit_roles`.
[[nodiscard]] constexpr role role_by_convention(role_convention c, std::size_t position, role stated) noexcept {
  switch (c) {
    case role_convention::first_listed_leads: return position == 0 ? role::lead : role::responsible;
    case role_convention::all_responsible: return role::responsible;
    case role_convention::explicit_roles: return stated;
  }
  return stated;
}

/// A unit's assignment to a clause, as returned by `plan::clauses_of`.
struct clause_assignment {
  clause_number clause;
  role unit_role;
  friend bool operator==(const clause_assignment&, const clause_assignment&) = default;
};

/// How much of the plan rests on one unit, as returned by `plan::load_per_unit`.
struct unit_load {
  unit_id unit;
  std::size_t clauses_led = 0;
  std::size_t clauses_responsible = 0;  ///< clauses where the role is `responsible`
  std::size_t clauses_supporting = 0;
  std::size_t goals = 0;  ///< goals the unit answers for through the clauses that carry them
  [[nodiscard]] std::size_t clauses() const noexcept { return clauses_led + clauses_responsible + clauses_supporting; }
  friend bool operator==(const unit_load&, const unit_load&) = default;
};

}  // namespace qgov
