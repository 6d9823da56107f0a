// qgov/io/evaluation_json.hpp — an evaluation as JSON: the contract dashboards and other tools read.
#pragma once

#include <qgov/version.hpp>

#include <string>
#include <string_view>

#include <qgov/eval/evaluation.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI {

/// The evaluation as JSON: {"plan", "as_of", "known_as_of", "goals": [{"id", "status", "value", "period", "projected",
/// "explanation": {"zh", "en"}, "trace": {...}, "levels"}], "bureaus": [{"name", "id", "score", "grade", "rank", …}],
/// "coverage": [...], "summary": {status: count}}. `p` supplies names, quotes and clauses for the trace.
[[nodiscard]] std::string to_json(const evaluation& e, const plan& p, int indent = 2);

/// Reads an evaluation back from `to_json`'s output: parse_evaluation_json(to_json(e, p)) == e. Fields derived from
/// the plan (names, targets, quotes, the summary) are accepted and not kept. Throws `load_error` listing every
/// problem at its JSON path (schema: docs/schema/evaluation.schema.json).
[[nodiscard]] evaluation parse_evaluation_json(std::string_view json, std::string origin = "<json>");

}  // namespace qgov
