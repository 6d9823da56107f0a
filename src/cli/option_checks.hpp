// Range checks for numeric options: CLI11 reads "-1" into an unsigned option as 2^64-1 and "nan" into a double
// without complaint, so `--rows -1` ran without end and `--z nan` printed [0, 100] %. Every numeric option of the
// command line goes through one of these; a value outside is a usage error (exit status 2) naming the option.
#pragma once

#include <qgov/version.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <qgov/core/enum_names.hpp>
#include <qgov/core/error.hpp>

namespace qgov::inline QGOV_ABI::cli {

/// A whole number of type T in decimal digits only (a sign only where T has one; no spaces), from `min` to `max`.
template <class T>
CLI::Validator whole_number_between(T min, T max) {
  const std::string range = std::to_string(min) + " to " + std::to_string(max);
  return CLI::Validator(
      [min, max, range](std::string& s) -> std::string {
        T v = 0;
        const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
        if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size())
          return "expected a whole number " + range + ", got \"" + s + "\"";
        if (v < min || v > max) return "expected a whole number " + range + ", got " + s;
        return {};
      },
      "INT in [" + range + "]");
}

/// A whole number written in decimal digits only (no sign, no spaces), from `min` to `max`.
inline CLI::Validator whole_number(std::uint64_t min, std::uint64_t max = std::numeric_limits<std::uint64_t>::max()) {
  return whole_number_between<std::uint64_t>(min, max);
}

/// A signed whole number from `min` to `max` (days, years).
inline CLI::Validator whole_number_in(long long min, long long max) { return whole_number_between<long long>(min, max); }

/// A finite number greater than 0 and at most `max` (NaN and infinities refused).
inline CLI::Validator positive_number(double max) {
  return CLI::Validator(
      [max](std::string& s) -> std::string {
        double v = 0;
        const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
        if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v))
          return "expected a finite number, got \"" + s + "\"";
        if (!(v > 0) || v > max) return "expected a number greater than 0 and at most " + std::to_string(max).substr(0, std::to_string(max).find('.')) + ", got " + s;
        return {};
      },
      "NUMBER > 0");
}

/// An option naming an enumerator takes exactly the names of its table (the names files and JSON use).
template <class E, std::size_t N>
CLI::IsMember one_of(const std::array<enum_name<E>, N>& table) {
  std::vector<std::string> names;
  for (const auto& row : table) names.emplace_back(row.name);
  return CLI::IsMember(names);
}

/// The enumerator an option's value names (checked by one_of before: anything else is a bug, reported as such).
template <class E, std::size_t N>
E named(const std::array<enum_name<E>, N>& table, const std::string& value) {
  if (const auto e = value_in(table, value)) return *e;
  throw qgov::error("internal: \"" + value + "\" passed the option check but names no enumerator");
}

}  // namespace qgov::cli
