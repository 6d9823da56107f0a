// qgov/core/comparator.hpp — how a target compares an observed value with its stated value.
#pragma once

#include <optional>
#include <string_view>

namespace qgov {

/// The comparison a target states. Strictness is data: "超过" is `gt`, "达到…以上" is `ge`.
enum class comparator { gt, ge, lt, le, eq };

/// The comparator's name in plan files and JSON: "gt", "ge", "lt", "le", "eq".
[[nodiscard]] constexpr std::string_view to_string(comparator c) noexcept {
  switch (c) {
    case comparator::gt: return "gt";
    case comparator::ge: return "ge";
    case comparator::lt: return "lt";
    case comparator::le: return "le";
    case comparator::eq: return "eq";
  }
  return "?";
}

/// The mathematical symbol, for explanations: ">", "≥", "<", "≤", "=".
[[nodiscard]] constexpr std::string_view symbol(comparator c) noexcept {
  switch (c) {
    case comparator::gt: return ">";
    case comparator::ge: return "\u2265";
    case comparator::lt: return "<";
    case comparator::le: return "\u2264";
    case comparator::eq: return "=";
  }
  return "?";
}

/// Parses a comparator name as written in plan files; nullopt for anything else.
[[nodiscard]] constexpr std::optional<comparator> parse_comparator(std::string_view s) noexcept {
  if (s == "gt") return comparator::gt;
  if (s == "ge") return comparator::ge;
  if (s == "lt") return comparator::lt;
  if (s == "le") return comparator::le;
  if (s == "eq") return comparator::eq;
  return std::nullopt;
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
