// Private: the parts of the HTML report made for print and for one bureau at a time (docs/report.md, "Printing"
// and "One bureau's view"): a one-page summary, one section per responsible unit, and the CSS that lays them out
// on A4 with the page number and the as-of date on every page. src/render/report_html.cpp places them in the page.
#pragma once

#include <qgov/version.hpp>

#include <string>

#include <qgov/eval/evaluation.hpp>
#include <qgov/plan/plan.hpp>
#include <qgov/render/evaluation_text.hpp>

namespace qgov::inline QGOV_ABI::detail {

/// CSS for the summary and bureau sections, and the print layout of the whole page; goes after the page's own CSS.
[[nodiscard]] std::string bureau_pages_css(const evaluation& e, const plan& p, language lang);

/// The summary as printed on page 1: status counts, every goal by its name with status, latest value and target,
/// and the grades. Hidden on screen (the page's own summary is there).
[[nodiscard]] std::string print_summary_html(const evaluation& e, const plan& p, language lang);

/// `<section id="bureaus">`: an index of the units, then one section per unit (`id="bureau-<unit>"`), in the
/// plan's unit order: score, grade, rank, its clauses by role, what it must do next, and a block per goal it
/// answers for. On screen only the unit chosen in the index (the URL's #bureau-…) is shown; in print, every unit
/// starts a new page.
[[nodiscard]] std::string bureau_sections_html(const evaluation& e, const plan& p, language lang);

}  // namespace qgov::detail
