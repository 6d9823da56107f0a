// qgov/io/observations.hpp — observation files (CSV and JSON, format in docs/observations-format.md).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <qgov/eval/observation.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov {

/// Loads observations for `p` from a CSV file (`.csv`) or a JSON file (`.json`). Every bad row or field is reported
/// with its line and column (CSV) or JSON path, and the whole load is refused: `load_error`, nothing half-loaded.
[[nodiscard]] observation_ledger load_observations(const std::filesystem::path& file, const plan& p);

/// Parses CSV with the header `goal,period,value,numerator,denominator,level,reported_on,source`.
[[nodiscard]] observation_ledger parse_observations_csv(std::string_view text, const plan& p,
                                                        std::string origin = "<csv>");

/// Parses JSON: `{"observations": [{"goal", "period", "value", "numerator", "denominator", "level", "reported_on",
/// "source"}, …]}`.
[[nodiscard]] observation_ledger parse_observations_json(std::string_view text, const plan& p,
                                                         std::string origin = "<json>");

/// The ledger as CSV (same header); parsing it again gives an equal ledger, revisions included.
[[nodiscard]] std::string to_csv(const observation_ledger& ledger);

/// The ledger as JSON (same schema); parsing it again gives an equal ledger, revisions included.
[[nodiscard]] std::string to_json(const observation_ledger& ledger, int indent = 2);

}  // namespace qgov
