// qgov/core/enum_names.hpp — an enum's name table: each enumerator once, with the name files and JSON give it.
#pragma once

#include <qgov/version.hpp>

#include <array>
#include <optional>
#include <string_view>

namespace qgov::inline QGOV_ABI {

/// One row of a name table: an enumerator and its name.
template <class E>
struct enum_name {
  E value;
  std::string_view name;
};

/// The name of `e` in `table` (the first row whose value is `e`), or `fallback` when no row has it.
template <class E, std::size_t N>
[[nodiscard]] constexpr std::string_view name_in(const std::array<enum_name<E>, N>& table, E e,
                                                 std::string_view fallback = "?") noexcept {
  for (const auto& row : table)
    if (row.value == e) return row.name;
  return fallback;
}

/// The enumerator `table` names `s` (the first row whose name equals `s` exactly), or nullopt.
template <class E, std::size_t N>
[[nodiscard]] constexpr std::optional<E> value_in(const std::array<enum_name<E>, N>& table, std::string_view s) noexcept {
  for (const auto& row : table)
    if (row.name == s) return row.value;
  return std::nullopt;
}

}  // namespace qgov
