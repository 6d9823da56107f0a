// qgov/lineage/indicators.hpp — the shared indicator vocabulary that matches goals across plans and levels:
// each indicator with its unit, which way is better, and every alias with the source it was taken from.
#pragma once

#include <qgov/version.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <qgov/core/enum_names.hpp>
#include <qgov/plan/goal.hpp>

namespace qgov::inline QGOV_ABI {

/// Which way an indicator improves: higher (rates, ≥ targets) or lower (控制在…以内, ≤ targets).
enum class better_direction { higher, lower };

inline constexpr std::array<enum_name<better_direction>, 2> better_direction_names{
    {{better_direction::higher, "higher"}, {better_direction::lower, "lower"}}};

[[nodiscard]] constexpr std::string_view to_string(better_direction b) noexcept {
  return name_in(better_direction_names, b);
}

/// A name an indicator is printed under, and where that wording comes from: `plan:<plan id>/<goal id>` for a plan's
/// goal, or a URL; `note` says why two wordings are one indicator when that is a judgement.
struct indicator_alias {
  std::string text;
  std::string source;
  std::string note;
  friend bool operator==(const indicator_alias&, const indicator_alias&) = default;
};

struct indicator {
  std::string id;
  std::string name;     ///< the canonical Chinese name, e.g. 制造业产品质量合格率
  std::string name_en;
  std::string unit;     ///< empty when the sources print none
  better_direction better = better_direction::higher;
  std::vector<indicator_alias> aliases;
  friend bool operator==(const indicator&, const indicator&) = default;
};

class indicator_vocabulary {
public:
  indicator_vocabulary() = default;
  explicit indicator_vocabulary(std::vector<indicator> indicators) : indicators_(std::move(indicators)) {}

  [[nodiscard]] const std::vector<indicator>& indicators() const noexcept { return indicators_; }
  [[nodiscard]] const indicator* find(std::string_view id) const noexcept;
  /// The indicator a goal measures: the one with an alias equal to the goal's `indicator` words; failing that, the
  /// only indicator with an alias inside the goal's quote. Null when none (or more than one) fits.
  [[nodiscard]] const indicator* match(const goal& g) const noexcept;

private:
  std::vector<indicator> indicators_;
};

/// Reads a vocabulary file (`qgov_indicators` 1, docs/lineage.md); throws load_error listing every problem (unknown
/// or missing fields, duplicate ids, an alias without a source, one wording under two indicators).
[[nodiscard]] indicator_vocabulary parse_indicator_vocabulary(std::string_view json_text, const std::string& origin);
[[nodiscard]] indicator_vocabulary load_indicator_vocabulary(const std::filesystem::path& file);

}  // namespace qgov
