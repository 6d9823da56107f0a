// qgov/render/evaluation_text.hpp — an evaluation as terminal text or Markdown, in Chinese, English or both.
#pragma once

#include <qgov/version.hpp>

#include <string>
#include <string_view>

#include <qgov/eval/evaluation.hpp>
#include <qgov/plan/plan.hpp>
#include <qgov/render/explanation.hpp>  // language, parse_language

namespace qgov::inline QGOV_ABI {

/// A terminal report: status summary, every goal with its status and explanation, the bureau table.
[[nodiscard]] std::string render_text(const evaluation& e, const plan& p, language lang = language::both);

/// The same content as Markdown tables, for e-mail and wikis.
[[nodiscard]] std::string render_markdown(const evaluation& e, const plan& p, language lang = language::both);

}  // namespace qgov
