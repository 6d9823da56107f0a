// Shared pieces of the qgov command line: reading files, choosing the plan and observations, dates.
// Each group of subcommands lives in its own file and registers itself through commands.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <qgov/qgov.hpp>
#include <qgov/io/input_file.hpp>

namespace qgov::cli {

/// The whole file (standard input for "-"), bytes as they are; throws qgov::load_error naming the path when it is
/// missing, not a regular file (a directory, FIFO, device) or larger than `limit` bytes (qgov/io/input_file.hpp).
std::string read_text(const std::string& path, std::uintmax_t limit = std::uintmax_t{1} << 30,
                      std::string_view what = "input file");

/// The plan in `file`, or the embedded Dongli plan when `file` is empty. `storage` keeps a loaded plan alive.
const plan& choose_plan(const std::string& file, std::optional<plan>& storage);

/// Observations from `file`, or the embedded Dongli sample (only with the embedded plan).
observation_ledger choose_observations(const std::string& file, const plan& p, bool default_plan);

/// A YYYY-MM-DD option value; throws qgov::error naming the option otherwise.
date parse_date_option(const std::string& s, const char* option);

}  // namespace qgov::cli
