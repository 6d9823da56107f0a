// Subcommand groups of the qgov command line. Each add_* function adds its subcommands to the app
// with callbacks that do the work; a callback reports failure by throwing qgov::error (exit 1) or
// CLI::RuntimeError(code) for a specific exit code.
#pragma once

#include <qgov/version.hpp>

#include <CLI/CLI.hpp>

namespace qgov::inline QGOV_ABI::cli {
void add_plan_commands(CLI::App& app);  // plan, matrix, unit (plan_commands.cpp)
void add_evaluation_commands(CLI::App& app);  // evaluate, explain, progress (evaluation_commands.cpp)
void add_report_command(CLI::App& app);  // report (evaluation_commands.cpp)
void add_extract_command(CLI::App& app);  // extract (author_commands.cpp)
void add_records_commands(CLI::App& app);  // rates, rectification, weighted-rate, gen-records (records_commands.cpp)
void add_supervision_commands(CLI::App& app);  // classify, draw (supervision_commands.cpp)
void add_scenario_commands(CLI::App& app);  // test (scenario_commands.cpp)
void add_workbook_commands(CLI::App& app);  // workbook (workbook_commands.cpp)
void add_lineage_commands(CLI::App& app);  // diff, lineage, cascade, rollup (lineage_commands.cpp)
void add_author_commands(CLI::App& app);  // author (author_commands.cpp)

}  // namespace qgov::cli
