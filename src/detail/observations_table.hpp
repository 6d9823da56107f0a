// Private: observations from a table that is not CSV text (a workbook's sheet), through the same checks as CSV.
#pragma once

#include <qgov/version.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <qgov/core/error.hpp>
#include <qgov/eval/observation.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI::detail {

/// One row as read from a table: each of the eight fields (goal, period, value, numerator, denominator, level,
/// reported_on, source — the order of the CSV header) as text, absent when its cell is empty. Numbers are the text
/// of the number ("95.2"); they are checked as a CSV number is. `where` names each field's cell, e.g. "填报!I7".
struct observation_row {
  std::array<std::optional<std::string>, 8> text;
  std::array<std::string, 8> where;
  std::array<bool, 8> bad{};  ///< already reported (e.g. a text cell where a date belongs): not checked again
  std::string row_where;      ///< the row, for problems of the whole row, e.g. "填报!A7"
};

/// The field names in the order of `observation_row`.
inline constexpr std::array<const char*, 8> observation_fields{
    "goal", "period", "value", "numerator", "denominator", "level", "reported_on", "source"};

/// Checks `rows` exactly as `parse_observations_csv` checks its rows and returns their observations, each with
/// `origin + ":" + row_where` as its origin. `problems` found while reading the table come first; when there are
/// any, in the table or in the rows, throws `load_error(origin, …)` and returns nothing.
[[nodiscard]] observation_ledger check_observation_rows(const std::vector<observation_row>& rows, const plan& p,
                                                        const std::string& origin, std::vector<problem> problems,
                                                        const observation_checks& checks = {});

}  // namespace qgov::detail
