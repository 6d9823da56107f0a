// Private: a returned workbook read, with the counts the multi-file loader reports.
#pragma once

#include <qgov/version.hpp>

#include <cstddef>
#include <string>
#include <string_view>

#include <qgov/eval/observation.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI::detail {

struct workbook_read {
  observation_ledger ledger;
  std::size_t filled_rows = 0;  ///< rows with at least one input cell filled: each gave an observation
  std::size_t empty_rows = 0;   ///< template rows left empty (no figure reported yet)
};

/// What `parse_observations_workbook` does, with the counts; throws `load_error` the same way.
[[nodiscard]] workbook_read read_workbook(std::string_view bytes, const plan& p, const std::string& origin);

struct xlsx_workbook;
/// The same from a workbook already read (src/detail/xlsx_reader.hpp); the fuzzer starts here too.
[[nodiscard]] workbook_read workbook_observations(const xlsx_workbook& wb, const plan& p, const std::string& origin);

}  // namespace qgov::detail
