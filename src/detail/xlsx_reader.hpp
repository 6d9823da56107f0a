// Private: a small reader of .xlsx workbooks (Office Open XML spreadsheets) — the cells' values only, no formatting.
// Debian 12 has no maintained C++ xlsx reader, so this reads the package with libzip and the XML parts with expat.
// It is written for hostile input (fuzzed by tests/fuzz/workbook_fuzz.cpp): every part and the cell count are
// bounded, DTDs are refused (no entity expansion), and any defect is an `xlsx_error` saying what and where.
#pragma once

#include <qgov/version.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace qgov::inline QGOV_ABI::detail {

/// A workbook that cannot be read; the message names the part (and the cell when there is one).
class xlsx_error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// What a cell holds, as the file stores it.
enum class xlsx_cell_type { number, text, boolean, error, date_text, uncomputed_formula };

struct xlsx_cell {
  std::size_t row = 0;     ///< 1-based
  std::size_t column = 0;  ///< 1-based (A = 1)
  xlsx_cell_type type = xlsx_cell_type::number;
  std::string value;  ///< the number as written (e.g. "95.2"), the text, "0"/"1", the error code, the ISO date;
                      ///< for an uncomputed formula (no cached result: written by a program), the formula
  bool formula = false;  ///< a formula cell: `value` is its cached result
};

struct xlsx_sheet {
  std::string name;
  std::string state = "visible";  ///< visible, hidden or veryHidden
  std::vector<xlsx_cell> cells;   ///< non-empty cells, in row order and, within a row, column order
};

struct xlsx_workbook {
  bool date1904 = false;  ///< dates count from 1904-01-01 (old Mac Excel) instead of 1899-12-30
  std::vector<xlsx_sheet> sheets;
  [[nodiscard]] const xlsx_sheet* find(std::string_view name) const noexcept {
    for (const auto& s : sheets)
      if (s.name == name) return &s;
    return nullptr;
  }
};

/// Bounds on what is read, so a small hostile file cannot take unbounded memory or time.
struct xlsx_limits {
  std::size_t max_part_bytes = 64u << 20;  ///< uncompressed size of one XML part
  std::size_t max_cells = 2'000'000;       ///< non-empty cells over the whole workbook
  std::size_t max_sheets = 256;
};

/// Reads the workbook in `bytes` (the .xlsx file's contents).
[[nodiscard]] xlsx_workbook read_xlsx(std::string_view bytes, const xlsx_limits& limits = {});

/// The same, from the package's parts: `part("xl/workbook.xml")` gives a part's bytes, or nullopt when the package
/// has none by that name. `read_xlsx` is this over the zip archive; the fuzzer calls it directly too.
[[nodiscard]] xlsx_workbook read_xlsx_parts(const std::function<std::optional<std::string>(const std::string&)>& part,
                                            const xlsx_limits& limits = {});

/// "A1"-style reference of a cell: column letters then the row number.
[[nodiscard]] std::string cell_ref(std::size_t row, std::size_t column);

}  // namespace qgov::detail
