// qgov/formulas/scorecard.hpp — 政府质量工作考核 grades and ranking: 0–100 scores, A/B/C/D, a veto forces D.
#pragma once

#include <qgov/version.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include <qgov/core/enum_names.hpp>

namespace qgov::inline QGOV_ABI::formulas {

/// The four grades of 《质量工作考核办法》 (国办发〔2013〕47号) and 津政办发〔2014〕79号.
enum class grade { A, B, C, D };

inline constexpr std::array<enum_name<grade>, 4> grade_names{
    {{grade::A, "A"}, {grade::B, "B"}, {grade::C, "C"}, {grade::D, "D"}}};

[[nodiscard]] constexpr std::string_view to_string(grade g) noexcept { return name_in(grade_names, g); }

/// Grade bands on [0, 100]: A ≥ 90, B ≥ 80, C ≥ 60, D below. The sources band whole-number scores ("80-89",
/// "59分及以下"); qgov reads them as half-open intervals for fractional scores. A veto event (区域性、系统性质量安全
/// 事件) forces D whatever the score.
[[nodiscard]] constexpr grade grade_of(double score, bool veto = false) noexcept {
  if (veto) return grade::D;
  if (score >= 90) return grade::A;
  if (score >= 80) return grade::B;
  if (score >= 60) return grade::C;
  return grade::D;
}

/// Competition ranks ("1224"): equal scores share a rank and the next rank skips. Entries without a score get none.
/// Scores are compared exactly, after rounding to `decimals` places (a table shows rounded scores; ties must match).
[[nodiscard]] inline std::vector<std::optional<std::size_t>> competition_ranks(std::span<const std::optional<double>> scores,
                                                                             int decimals = 2) {
  const double scale = std::pow(10.0, decimals);
  auto rounded = [&](double s) { return std::round(s * scale) / scale; };
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < scores.size(); ++i)
    if (scores[i]) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rounded(*scores[a]) > rounded(*scores[b]); });
  std::vector<std::optional<std::size_t>> rank(scores.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k > 0 && rounded(*scores[order[k]]) == rounded(*scores[order[k - 1]])) rank[order[k]] = rank[order[k - 1]];
    else rank[order[k]] = k + 1;
  }
  return rank;
}

}  // namespace qgov::formulas
