// qgov/eval/observation.hpp — reported figures for a plan's goals, with their revisions, and what was known when.
#pragma once

#include <qgov/version.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <qgov/core/date.hpp>
#include <qgov/core/enum_names.hpp>
#include <qgov/core/ids.hpp>
#include <qgov/core/period.hpp>
#include <qgov/core/rate.hpp>

namespace qgov::inline QGOV_ABI {

/// The administrative level a figure belongs to, for "各级" goals: 国家, 市, 区.
enum class level { national, municipal, district };

/// The levels' names in files and JSON (what `to_string` gives).
inline constexpr std::array<enum_name<level>, 3> level_names{
    {{level::national, "national"}, {level::municipal, "municipal"}, {level::district, "district"}}};

/// The Chinese spellings `parse_level` also accepts; `to_string` never gives them.
inline constexpr std::array<enum_name<level>, 6> level_aliases{{{level::national, "国家"},
                                                                {level::national, "国家级"},
                                                                {level::municipal, "市"},
                                                                {level::municipal, "市级"},
                                                                {level::district, "区"},
                                                                {level::district, "区级"}}};

[[nodiscard]] constexpr std::string_view to_string(level l) noexcept { return name_in(level_names, l); }

/// Parses "national"/"municipal"/"district" or 国家/市/区 (also 国家级/市级/区级); nullopt otherwise.
[[nodiscard]] inline std::optional<level> parse_level(std::string_view s) noexcept {
  if (const auto l = value_in(level_names, s)) return l;
  return value_in(level_aliases, s);
}

/// One reported figure: a value, or a rate with numerator and denominator, for a goal and period.
struct observation {
  goal_id goal;
  qgov::period period;
  double value = 0;                    ///< the figure in the goal's unit (a rate's percentage)
  std::optional<qgov::rate> rate;      ///< present when reported as numerator/denominator
  std::optional<qgov::level> level;    ///< for "各级" goals
  date reported_on;                    ///< when the figure was published or reported
  std::string source;                  ///< where it comes from: a document, a URL, "sample"
  std::string origin;                  ///< where it was read: "obs.csv:12", "<code>"
  friend bool operator==(const observation&, const observation&) = default;
};

/// All observations, revisions kept. A revision is a later report for the same goal, period and level.
class observation_ledger {
public:
  observation_ledger() = default;
  explicit observation_ledger(std::vector<observation> observations) : all_(std::move(observations)) { sort(); }

  /// Adds one observation (a revision if goal, period and level already have one), keeping the order: O(n).
  void add(observation o) {
    const auto at = std::upper_bound(all_.begin(), all_.end(), o, before);
    all_.insert(at, std::move(o));
  }

  /// Every observation, ordered by goal, level, period end and report date.
  [[nodiscard]] const std::vector<observation>& all() const noexcept { return all_; }
  [[nodiscard]] std::size_t size() const noexcept { return all_.size(); }
  [[nodiscard]] bool empty() const noexcept { return all_.empty(); }

  /// The figures for `goal` as they stood on `known_as_of`: for each period and level, the latest revision reported
  /// on or before that date, restricted to periods that ended on or before `as_of`. Ordered by level, then period.
  [[nodiscard]] std::vector<const observation*> known(const goal_id& goal, date as_of, date known_as_of) const {
    std::vector<const observation*> out;
    for (const auto& o : all_) {
      if (o.goal != goal || o.reported_on > known_as_of || o.period.last_day() > as_of) continue;
      // all_ is sorted so that revisions of one (level, period) are adjacent, oldest report first
      if (!out.empty() && out.back()->level == o.level && out.back()->period == o.period) out.back() = &o;
      else out.push_back(&o);
    }
    return out;
  }

private:
  // goal, level (none first), period end, period start, report date; the goal compared by reference, no copies
  static bool before(const observation& a, const observation& b) noexcept {
    if (const int c = a.goal.str().compare(b.goal.str()); c != 0) return c < 0;
    const int la = a.level ? static_cast<int>(*a.level) : -1, lb = b.level ? static_cast<int>(*b.level) : -1;
    return std::tuple(la, a.period.last_day(), a.period.first_day(), a.reported_on) <
           std::tuple(lb, b.period.last_day(), b.period.first_day(), b.reported_on);
  }
  void sort() { std::stable_sort(all_.begin(), all_.end(), before); }
  std::vector<observation> all_;
};

}  // namespace qgov
