// The scorecard report's page style shared with other pages (the roll-up): its CSS, escaping and status symbols.
// Defined in src/render/report_html.cpp, so every page keeps one style.
#pragma once

#include <qgov/version.hpp>

#include <string>
#include <string_view>

#include <qgov/eval/status.hpp>

namespace qgov::inline QGOV_ABI::detail {
[[nodiscard]] std::string html_escape(std::string_view s);
[[nodiscard]] std::string_view report_css();
[[nodiscard]] std::string_view status_symbol(goal_status s);
}  // namespace qgov::detail
