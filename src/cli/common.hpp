// Shared pieces of the qgov command line: reading files, choosing the plan and observations, dates.
// Each group of subcommands lives in its own file and registers itself through commands.hpp.
#pragma once

#include <qgov/version.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include <qgov/qgov.hpp>
#include <qgov/io/input_file.hpp>

namespace qgov::inline QGOV_ABI::cli {

/// Exit codes of every command (docs/cli.md): 0 ok; 1 a check failed (qgov test, qgov diff); 2 bad input or usage,
/// CLI11's own parse errors included.
inline constexpr int exit_ok = 0;
inline constexpr int exit_check_failed = 1;
inline constexpr int exit_bad_input = 2;

/// A file that exists, or "-" for standard input (every option or argument that reads a file takes it).
inline const CLI::Validator existing_file_or_stdin{
    [](std::string& s) { return s == "-" ? std::string() : CLI::ExistingFile(s); }, "FILE|-", "FILE_OR_STDIN"};

/// A file or folder that exists, or "-" for standard input (inputs that take several files or folders of them).
inline const CLI::Validator existing_path_or_stdin{
    [](std::string& s) { return s == "-" ? std::string() : CLI::ExistingPath(s); }, "PATH|-", "PATH_OR_STDIN"};

/// The whole file (standard input for "-"), bytes as they are; throws qgov::load_error naming the path when it is
/// missing, not a regular file (a directory, FIFO, device) or larger than `limit` bytes (qgov/io/input_file.hpp).
std::string read_text(const std::string& path, std::uintmax_t limit = std::uintmax_t{1} << 30,
                      std::string_view what = "input file");

/// Like read_text, and refuses a second read of standard input ("-"), which only one input of a command can use.
std::string read_input(const std::string& path, std::uintmax_t limit = std::uintmax_t{1} << 30,
                       std::string_view what = "input file");

/// The name of an input in messages: the path, or "<stdin>" for "-".
std::string input_name(const std::string& path);

/// Writes `text` to the file `out` as bytes, or to standard output when `out` is empty or "-"; throws qgov::error
/// naming the file when it cannot be written.
void write_output(const std::string& text, const std::string& out);

/// The plan in `file` ("-": standard input, its source text named relative to the working directory), or the
/// embedded Dongli plan when `file` is empty. `storage` keeps a loaded plan alive.
const plan& choose_plan(const std::string& file, std::optional<plan>& storage);

/// The plan of choose_plan, read under `convention` (--convention: first_listed_leads, all_responsible, explicit)
/// when that is not empty, else under the plan's own.
plan chosen_plan(const std::string& file, const std::string& convention);

/// Adds --plan FILE (choose_plan: the embedded Dongli plan when it is not given) to `cmd`.
CLI::Option* add_plan_option(CLI::App* cmd, std::string& file);

/// A number as an ostream writes it by default (six significant digits), as the text outputs show figures.
std::string format_value(double v);

/// Observations from `file` (.csv or .json; "-": standard input, JSON when it starts with '{' or '[', else CSV),
/// or the embedded Dongli sample (only with the embedded plan).
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

/// A YYYY-MM-DD option value; throws qgov::error naming the option otherwise (and saying so when the form is right
/// but the day does not exist, e.g. 2025-02-30).
date parse_date_option(const std::string& s, const char* option);

}  // namespace qgov::cli
