// Shared pieces of the qgov command line: reading files, choosing the plan and observations, dates.
// Each group of subcommands lives in its own file and registers itself through commands.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <qgov/qgov.hpp>

namespace qgov::cli {

/// The whole file, bytes as they are; throws qgov::error naming the path when it cannot be read.
std::string read_text(const std::string& path);

/// The plan in `file`, or the embedded Dongli plan when `file` is empty. `storage` keeps a loaded plan alive.
const plan& choose_plan(const std::string& file, std::optional<plan>& storage);

/// Observations from `file`, or the embedded Dongli sample (only with the embedded plan).
observation_ledger choose_observations(const std::string& file, const plan& p, bool default_plan);

/// Observations from several files or folders (qgov::load_observation_files), printing its notes (a CSV converted
/// from GB18030, a workbook's empty rows) to standard error; the embedded Dongli sample when `files` is empty.
observation_ledger choose_observation_files(const std::vector<std::string>& files, const plan& p, bool default_plan);

/// A PDF of an HTML report, printed by headless Chromium (src/cli/pdf.cpp).
struct pdf_written {
  std::size_t bytes = 0;
};
/// Writes `html` to a temporary file and has Chromium print it to `out`. Throws CLI::RuntimeError(2) with what to
/// install when no Chromium is found ($QGOV_CHROMIUM, then chromium, chromium-browser, google-chrome on PATH), and
/// qgov::error when printing fails.
pdf_written write_pdf_report(const std::string& html, const std::string& out);

/// A YYYY-MM-DD option value; throws qgov::error naming the option otherwise.
date parse_date_option(const std::string& s, const char* option);

}  // namespace qgov::cli
