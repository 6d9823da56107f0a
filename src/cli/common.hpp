// Shared pieces of the qgov command line: reading files, choosing the plan and observations, dates.
// Each group of subcommands lives in its own file and registers itself through commands.hpp.
#pragma once

#include <optional>
#include <string>

#include <qgov/qgov.hpp>

namespace qgov::cli {

/// The whole file, bytes as they are; throws qgov::error naming the path when it cannot be read.
std::string read_text(const std::string& path);

/// The plan in `file`, or the embedded Dongli plan when `file` is empty. `storage` keeps a loaded plan alive.
const plan& choose_plan(const std::string& file, std::optional<plan>& storage);

/// Observations from `file`, or the embedded Dongli sample (only with the embedded plan).
observation_ledger choose_observations(const std::string& file, const plan& p, bool default_plan);

/// A YYYY-MM-DD option value; throws qgov::error naming the option otherwise.
date parse_date_option(const std::string& s, const char* option);

}  // namespace qgov::cli
