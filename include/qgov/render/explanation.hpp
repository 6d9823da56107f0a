// qgov/render/explanation.hpp — the one place that words results: the number formatter every front end uses, the
// word table of each language, and the zh/en sentences of a goal, worded from the facts its status rests on
// (qgov/eval/facts.hpp). The text, Markdown, HTML and JSON renderers and the Python bindings go through it.
#pragma once

#include <qgov/version.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <qgov/core/comparator.hpp>
#include <qgov/core/enum_names.hpp>
#include <qgov/core/period.hpp>
#include <qgov/eval/facts.hpp>
#include <qgov/eval/observation.hpp>
#include <qgov/eval/status.hpp>
#include <qgov/eval/evaluation.hpp>
#include <qgov/plan/goal.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI {

/// Which language(s) a rendering uses.
enum class language { zh, en, both };

inline constexpr std::array<enum_name<language>, 3> language_names{
    {{language::zh, "zh"}, {language::en, "en"}, {language::both, "both"}}};

/// Parses "zh", "en" or "both".
[[nodiscard]] constexpr std::optional<language> parse_language(std::string_view s) noexcept {
  return value_in(language_names, s);
}

namespace wording {

// ---------------------------------------------------------------------------------------------------------------
// Numbers for people (JSON keeps full values; see round_decimal for the one cleaning it does)

/// `v` with at most `max_decimals` decimals, trailing zeros dropped, never "-0": 98.5, 44000, 0 (for −0.001 and
/// 1e-05 alike), 3.85. Non-finite values print as "—".
[[nodiscard]] std::string format_number(double v, int max_decimals = 2);

/// The decimals a figure in `unit` is shown with: counts (个 家 项 条 人 次 …) 0; % and 分 one more than the plan
/// prints its target with (`printed_decimals`: 98.5% → 2, 8% → 1), at most 2; others 2.
[[nodiscard]] int display_decimals(std::string_view unit, int printed_decimals = 0) noexcept;

/// `v` shown with `decimals`, or more (up to 6) where rounding would change how it compares with a bound: 99.6
/// against a target of 100 stays 99.6, never "100"; 0.9496 against a band at 0.95 stays 0.9496.
[[nodiscard]] std::string display_number(double v, int decimals, std::initializer_list<double> bounds = {});

/// `v` with its unit for `l` (zh: "98.5%", "44000亩", "9个"; en: "98.5%", "44000 mu", "9"), rounded by unit and
/// kept on the right side of `bounds`.
[[nodiscard]] std::string display_value(double v, std::string_view unit, language l, int printed_decimals = 0,
                                        std::initializer_list<double> bounds = {});

/// A difference of decimal figures rounded to 12 significant digits: 98.5 − 98.41 is 0.09, not 0.08999999999999986.
[[nodiscard]] double round_decimal(double v) noexcept;

/// The decimals of a printed number ("98.5%" → 1, "4.4万亩" → 1, "100个" → 0).
[[nodiscard]] int printed_decimals(std::string_view stated) noexcept;

// ---------------------------------------------------------------------------------------------------------------
// The word table of each language

/// Every fixed word or phrase a renderer prints, one table per language.
struct words {
  std::string_view goal, status, value, target, period, explanation, deadline, projected, kind, level, latest;
  std::string_view rank, unit, score, grade, goals, name, clause, coverage, note, source, accountable;
  std::string_view as_of, known_as_of, evaluation_as_of, figures_known_on, bureau_scorecard, scorecard_rule;
  std::string_view coverage_line;  ///< "{m} … {q} … {n}": measurable, qualitative-only, none
  std::string_view rising, falling, qualitative, none_word;
  std::string_view measurable, qualitative_only, no_goal;
};

[[nodiscard]] const words& words_for(language l) noexcept;  ///< both: the English table (headers stay one language)

[[nodiscard]] std::string_view status_word(goal_status s, language l) noexcept;  ///< 已达成 / achieved …
[[nodiscard]] std::string_view kind_word(goal_kind k, language l) noexcept;       ///< 阈值 / threshold …
[[nodiscard]] std::string_view level_word(level v, language l) noexcept;          ///< 国家级 / national level
[[nodiscard]] std::string_view level_short(level v, language l) noexcept;         ///< 国家 / national
[[nodiscard]] std::string period_words(const period& p, language l);            ///< 2025年第3季度 / 2025-Q3
[[nodiscard]] std::string_view comparator_words(comparator c, language l) noexcept;  ///< 不低于 / at least
[[nodiscard]] std::string date_words(date d, language l);                       ///< 2025年12月31日 / 2025-12-31

/// The status words that may appear in a sentence of `l` for each status (the checker of tests/eval uses them).
[[nodiscard]] std::string_view status_phrase(goal_status s, language l) noexcept;

}  // namespace wording

/// The goal's explanation in both languages, worded from `f`: the figure quoted (with its level and period), the
/// target, the status in words that match it, and why.
[[nodiscard]] explanation explain_goal(const plan& p, const goal& g, const goal_facts& f);

}  // namespace qgov
