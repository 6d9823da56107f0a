// qgov/io/plan_json.hpp — reading and writing plan files (JSON, schema in docs/plan-format.md).
#pragma once

#include <qgov/version.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI {

/// Options for loading a plan file.
struct plan_load_options {
  /// Read roles under this convention instead of the one the file declares.
  std::optional<role_convention> convention;
  /// Use this source text file instead of the one the plan file names.
  std::optional<std::filesystem::path> source_path;
};

/// Loads and validates a plan file and the source text it names (path relative to the plan file).
/// Throws `load_error` listing every problem, each with its JSON path; on error nothing is returned or changed.
[[nodiscard]] plan load_plan(const std::filesystem::path& file, const plan_load_options& options = {});

/// Parses and validates a plan from JSON text, with its source text given directly.
/// `origin` names the input in error messages.
[[nodiscard]] plan parse_plan(std::string_view json, std::string source_text, std::string origin = "<string>",
                              const plan_load_options& options = {});

/// The plan as a plan file: `parse_plan(to_json(p), p.source_text())` gives back an equal plan.
[[nodiscard]] std::string to_json(const plan& p, int indent = 2);

/// The responsibility matrix as JSON: {"plan", "convention", "clauses": [{"number", "title", "span",
/// "bureaus": [{"name" (as printed), "id", "name_en", "kind", "role", "span"}]}]}, lists and cells in source order.
[[nodiscard]] std::string matrix_to_json(const plan& p, int indent = 2);

}  // namespace qgov
