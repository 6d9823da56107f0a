// qgov/render/report_html.hpp — an evaluation as one self-contained HTML page: goals, charts, scorecard, matrix.
#pragma once

#include <string>

#include <qgov/eval/evaluation.hpp>
#include <qgov/plan/plan.hpp>
#include <qgov/render/evaluation_text.hpp>

namespace qgov {

/// The scorecard report as a single HTML5 file with inline CSS and SVG only (no scripts, nothing fetched), readable
/// on screen and printable to A4: the status summary, one anchored block per goal (status, progress, trajectory,
/// explanation, source quote, accountable units), the bureau scorecard, the clause × unit heat map and the coverage.
[[nodiscard]] std::string render_html(const evaluation& e, const plan& p, language lang = language::both);

}  // namespace qgov
