// qgov/io/observation_files.hpp — observations from several files or folders at once (returned workbooks, CSV, JSON).
#pragma once

#include <qgov/version.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include <qgov/eval/observation.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI {

/// The observations of several files, and what was done to read them.
struct loaded_observations {
  observation_ledger ledger;
  /// One line per thing a reader should know: a CSV read as GB18030 and converted, a workbook's filled and empty
  /// rows, a file in a folder that was skipped (and why). Each starts with the file's path.
  std::vector<std::string> notes;
};

/// Loads every path (files, or folders whose .csv, .json and .xlsx files are read in name order; Excel's "~$" lock
/// files and other files are skipped, with a note) through `load_observations`: CSV in UTF-8 (with or without BOM)
/// or GB18030, JSON, and workbooks made by `write_workbook`. All files are read before anything is returned; when
/// any fails, throws — the file's `load_error` when one file failed, a `qgov::error` listing every failed file's
/// problems when several did. The same goal, period, level and reported_on in two files is an error naming both.
[[nodiscard]] loaded_observations load_observation_files(const std::vector<std::filesystem::path>& paths,
                                                         const plan& p);

}  // namespace qgov
