// qgov/core/comparator.hpp — how a target compares an observed value with its stated value.
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string_view>

#include <qgov/core/enum_names.hpp>

namespace qgov::inline QGOV_ABI {

/// The comparison a target states. Strictness is data: "超过" is `gt`, "达到…以上" is `ge`.
enum class comparator { gt, ge, lt, le, eq };

/// The comparators' names in plan files and JSON.
inline constexpr std::array<enum_name<comparator>, 5> comparator_names{{
    {comparator::gt, "gt"}, {comparator::ge, "ge"}, {comparator::lt, "lt"}, {comparator::le, "le"}, {comparator::eq, "eq"}}};

/// The comparators' mathematical symbols, for explanations.
inline constexpr std::array<enum_name<comparator>, 5> comparator_symbols{{
    {comparator::gt, ">"}, {comparator::ge, "\u2265"}, {comparator::lt, "<"}, {comparator::le, "\u2264"}, {comparator::eq, "="}}};

/// The comparator's name in plan files and JSON: "gt", "ge", "lt", "le", "eq".
[[nodiscard]] constexpr std::string_view to_string(comparator c) noexcept { return name_in(comparator_names, c); }

/// The mathematical symbol, for explanations: ">", "≥", "<", "≤", "=".
[[nodiscard]] constexpr std::string_view symbol(comparator c) noexcept { return name_in(comparator_symbols, c); }

/// Parses a comparator name as written in plan files; nullopt for anything else.
[[nodiscard]] constexpr std::optional<comparator> parse_comparator(std::string_view s) noexcept {
  return value_in(comparator_names, s);
}

/// Whether `observed` satisfies `observed <c> target`; exact, no tolerance (a tolerance is a policy choice of the caller).
[[nodiscard]] constexpr bool satisfies(double observed, comparator c, double target) noexcept {
  switch (c) {
    case comparator::gt: return observed > target;
    case comparator::ge: return observed >= target;
    case comparator::lt: return observed < target;
    case comparator::le: return observed <= target;
    case comparator::eq: return observed == target;
  }
  return false;
}

/// Whether larger observed values move towards the target (true for gt/ge, false for lt/le; eq has no direction).
[[nodiscard]] constexpr std::optional<bool> higher_is_better(comparator c) noexcept {
  switch (c) {
    case comparator::gt:
    case comparator::ge: return true;
    case comparator::lt:
    case comparator::le: return false;
    case comparator::eq: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace qgov
