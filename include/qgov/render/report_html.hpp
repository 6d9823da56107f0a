// qgov/render/report_html.hpp — an evaluation as one self-contained HTML page: goals, charts, scorecard, matrix.
#pragma once

#include <qgov/version.hpp>

#include <string>
#include <string_view>

#include <qgov/eval/evaluation.hpp>
#include <qgov/plan/plan.hpp>
#include <qgov/render/evaluation_text.hpp>

namespace qgov::inline QGOV_ABI {

/// The scorecard report as a single HTML5 file with inline CSS and SVG only (no scripts, nothing fetched), readable
/// on screen and printable to A4: the status summary, one anchored block per goal (status, progress, trajectory,
/// explanation, source quote, accountable units), the bureau scorecard, the clause × unit heat map and the coverage.
[[nodiscard]] std::string render_html(const evaluation& e, const plan& p, language lang = language::both);

/// How escape_markup writes what HTML and XML treat differently.
struct markup_dialect {
  std::string_view apostrophe;  ///< "&#39;" in HTML (which has no &apos; before HTML5), "&apos;" in XML
  bool replace_controls;        ///< control characters other than tab, LF and CR become U+FFFD (XML 1.0 has none)
};
inline constexpr markup_dialect html_markup{"&#39;", false};  ///< the report's pages
inline constexpr markup_dialect xml_markup{"&apos;", true};   ///< XML 1.0, e.g. the JUnit XML of `qgov test`

/// `s` made safe for element content and attribute values: & < > " ' written as entities, in `dialect`'s forms.
[[nodiscard]] std::string escape_markup(std::string_view s, const markup_dialect& dialect = html_markup);

}  // namespace qgov
