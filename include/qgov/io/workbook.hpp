// qgov/io/workbook.hpp — data-collection workbooks (.xlsx): one per responsible unit out, returned ones back in.
// Format and layout: docs/workbooks.md. Needs the library built with QGOV_WITH_XLSX (libxlsxwriter, libzip, expat);
// without it these functions throw qgov::error saying so, and `workbook_support()` is false.
#pragma once

#include <qgov/version.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <qgov/core/ids.hpp>
#include <qgov/core/period.hpp>
#include <qgov/eval/observation.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI {

/// Whether this build of qgov reads and writes workbooks.
[[nodiscard]] bool workbook_support() noexcept;

/// What identifies a plan in a workbook: the SHA-256 of the plan's canonical JSON (`to_json(p)`), so a workbook
/// made for another plan, or for another version of the same plan, is refused when it comes back.
[[nodiscard]] std::string plan_fingerprint(const plan& p);

/// The rows a workbook for `unit` asks for: one per goal the unit answers for (`plan::goals_of`) and period, one per
/// level for 各级 goals; goals without a numeric target or direction (qualitative) are left out.
struct workbook_row {
  const goal* g = nullptr;
  qgov::period period;
  std::optional<qgov::level> level;
};
[[nodiscard]] std::vector<workbook_row> workbook_rows(const plan& p, const unit_id& unit,
                                                     const std::vector<period>& periods);

/// Writes the data-collection workbook for `unit` to `out`: the sheet 填报 (one row per `workbook_rows` entry:
/// the goal's Chinese name, quote, clause, unit of measure and target, locked; input cells for value or
/// numerator/denominator, the date reported and the source, each with data validation), the locked sheet 说明
/// (instructions) and the hidden sheet qgov identifying the plan and the unit. Throws qgov::error when the unit has
/// no goal to report or the file cannot be written.
void write_workbook(const std::filesystem::path& out, const plan& p, const unit_id& unit,
                    const std::vector<period>& periods);

/// Reads the observations of a returned workbook (the bytes of the .xlsx file) through the same checks as an
/// observation CSV file. Problems are placed at their cells, `F.xlsx:填报!I7: value: expected a number, got "九十"`.
/// A workbook made for another plan (or another version of it), or not made by `write_workbook`, is refused.
[[nodiscard]] observation_ledger parse_observations_workbook(std::string_view bytes, const plan& p,
                                                             std::string origin = "<xlsx>");

}  // namespace qgov
