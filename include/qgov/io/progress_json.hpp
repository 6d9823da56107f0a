// qgov/io/progress_json.hpp — the Open SDG progress measure over a JSON batch, for `qgov progress --batch`.
#pragma once

#include <qgov/version.hpp>

#include <string>
#include <string_view>

namespace qgov::inline QGOV_ABI {

/// Reads a JSON array of `{"points": [[year, value], …], "config": {"base_year", "target", "target_year",
/// "direction": "positive"|"negative", "limit"}}` (config keys optional, Open SDG defaults) and returns a JSON array,
/// same order, of `{"progress_value", "score", "status"}`. A series the method cannot assess gives
/// `"status": "not_available"` with a `"reason"`; malformed input (not an array, a point that is not a pair of
/// numbers, an unknown config key) throws `load_error` naming the JSON path.
[[nodiscard]] std::string progress_batch_json(std::string_view json, std::string origin = "<batch>", int indent = 2);

}  // namespace qgov
