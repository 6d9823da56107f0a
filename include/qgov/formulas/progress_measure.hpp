// qgov/formulas/progress_measure.hpp — the Open SDG progress measure (Statistics Canada method, sdg-build 2.4.0) as pure functions.
#pragma once

#include <qgov/version.hpp>

// Source: open-sdg/sdg-build, sdg/ProgressMeasure.py (commit 139fede74ba534d2ed8b9eee4cd878b41f54cb67), checked
// against the 379 series sdg-build 2.4.0 published for Canada; the method, its quirks and how qgov departs from the
// code where the code would crash are in docs/formulas.md, "Open SDG progress measure".

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

#include <qgov/core/enum_names.hpp>

namespace qgov::inline QGOV_ABI::formulas {

/// The base year when a configuration names none (sdg-build's default).
inline constexpr int progress_default_base_year = 2015;

/// The target year when a configuration names none (sdg-build's default).
inline constexpr int progress_default_target_year = 2030;

/// The value that replaces a target or base value of exactly 0, since a growth rate from or to 0 is undefined.
inline constexpr double progress_zero_substitute = 0.001;

/// The exponent a of the limit coefficient C = 1 − (b/l)^a (sdg-build's `a = 4.44`).
inline constexpr double limit_exponent = 4.44;

/// Where a series stands against its target or trend, with Open SDG's names.
enum class progress_status : std::uint8_t {
  target_achieved,
  substantial_progress,
  moderate_progress,
  limited_progress,
  deterioration,
  not_available,
};

/// The statuses' Open SDG names.
inline constexpr std::array<enum_name<progress_status>, 6> progress_status_names{
    {{progress_status::target_achieved, "target_achieved"},
     {progress_status::substantial_progress, "substantial_progress"},
     {progress_status::moderate_progress, "moderate_progress"},
     {progress_status::limited_progress, "limited_progress"},
     {progress_status::deterioration, "deterioration"},
     {progress_status::not_available, "not_available"}}};

/// The status's Open SDG name: "target_achieved", "substantial_progress", … "not_available".
[[nodiscard]] constexpr std::string_view to_string(progress_status s) noexcept {
  return name_in(progress_status_names, s);
}

/// Parses an Open SDG status name; nullopt for anything else (including the empty status of an uncalculated indicator).
[[nodiscard]] constexpr std::optional<progress_status> parse_progress_status(std::string_view s) noexcept {
  return value_in(progress_status_names, s);
}

/// Why a series has no progress value (`none` if it has one); from `only_one_year` on, a met target still gives `target_achieved`.
enum class not_available_reason : std::uint8_t {
  none,
  // The series cannot be assessed at all: the status is not_available.
  no_data,
  non_finite_input,
  duplicate_year,
  no_year_at_or_after_base_year,
  invalid_thresholds,
  invalid_batch_layout,
  // P cannot be computed from the chosen points: not_available, or target_achieved if the target is met.
  only_one_year,
  sign_change,
  target_year_equals_base_year,
  target_opposite_sign,
  required_growth_zero,
  non_finite_result,
};

/// The reasons' short English explanations, for traces and reports (sentences, not identifiers: nothing parses them).
inline constexpr std::array<enum_name<not_available_reason>, 13> not_available_reason_names{
    {{not_available_reason::none, "none"},
     {not_available_reason::no_data, "no data"},
     {not_available_reason::non_finite_input, "a year, value, target, limit or threshold is infinite or NaN"},
     {not_available_reason::duplicate_year, "duplicate year"},
     {not_available_reason::no_year_at_or_after_base_year, "no data at or after the base year"},
     {not_available_reason::invalid_thresholds, "thresholds are not ordered high >= med >= low"},
     {not_available_reason::invalid_batch_layout, "inconsistent batch layout (sizes or offsets)"},
     {not_available_reason::only_one_year, "only one year at or after the base year"},
     {not_available_reason::sign_change, "base and current values have opposite signs"},
     {not_available_reason::target_year_equals_base_year, "target year equals base year"},
     {not_available_reason::target_opposite_sign, "target and base value have opposite signs"},
     {not_available_reason::required_growth_zero, "required CAGR is 0 (target equals base value)"},
     {not_available_reason::non_finite_result, "progress value is not finite (overflow)"}}};

/// A short English explanation of the reason, for traces and reports.
[[nodiscard]] constexpr std::string_view to_string(not_available_reason r) noexcept {
  return name_in(not_available_reason_names, r);
}

/// One method's thresholds: P ≥ high is substantial, med ≤ P < high moderate, low ≤ P < med limited, P < low deterioration.
struct threshold_values {
  double high;
  double med;
  double low;
  friend constexpr bool operator==(const threshold_values&, const threshold_values&) = default;
};

/// Method 1 (no target) thresholds on the signed CAGR, before scaling by the limit coefficient.
inline constexpr threshold_values method_1_thresholds{0.015, 0.005, 0.0};

/// Method 2 (target) thresholds on the ratio of observed to required CAGR.
inline constexpr threshold_values method_2_thresholds{0.95, 0.60, 0.0};

/// Threshold overrides, as sdg-build's `progress_thresholds`: each unset key keeps the method's default.
struct progress_thresholds {
  std::optional<double> high;
  std::optional<double> med;
  std::optional<double> low;

  /// The thresholds in force for `method` (1 or 2): the defaults with these overrides applied.
  [[nodiscard]] constexpr threshold_values resolve(int method) const noexcept {
    const threshold_values d = method == 1 ? method_1_thresholds : method_2_thresholds;
    return {high.value_or(d.high), med.value_or(d.med), low.value_or(d.low)};
  }
  friend constexpr bool operator==(const progress_thresholds&, const progress_thresholds&) = default;
};

/// One series' settings (sdg-build's `progress_calculation_options` entry); a target selects method 2.
struct progress_config {
  int base_year = progress_default_base_year;
  std::optional<double> target;
  int target_year = progress_default_target_year;
  int direction = -1;  // > 0 positive (higher is better); anything else negative, Open SDG's default
  std::optional<double> limit;  // natural limit, used by method 1 only
  progress_thresholds thresholds;
  friend constexpr bool operator==(const progress_config&, const progress_config&) = default;
};

/// One observation: the year as a number (see `parse_year`) and its value; a NaN value means missing.
struct year_value {
  double year;
  double value;
  friend constexpr bool operator==(const year_value&, const year_value&) = default;
};

/// A year as sdg-build reads it: a label longer than 4 characters keeps its first 4 ("2015-16" is 2015); nullopt if not a number.
[[nodiscard]] inline std::optional<double> parse_year(std::string_view label) noexcept {
  if (label.size() > 4) label = label.substr(0, 4);
  if (label.empty()) return std::nullopt;
  int year = 0;
  const char* const end = label.data() + label.size();
  const auto [ptr, ec] = std::from_chars(label.data(), end, year);
  if (ec != std::errc{} || ptr != end) return std::nullopt;
  return static_cast<double>(year);
}

/// Compound annual growth rate (now/base)^(1/(year_now − year_base)) − 1; NaN when undefined (equal years, base 0, opposite signs, non-finite input).
[[nodiscard]] inline double cagr(double value_now, double value_base, double year_now, double year_base) noexcept {
  const double ratio = value_now / value_base;
  if (!std::isfinite(value_now) || !std::isfinite(value_base) || !std::isfinite(year_now) ||
      !std::isfinite(year_base) || year_now == year_base || value_base == 0.0 || ratio < 0.0)
    return std::numeric_limits<double>::quiet_NaN();
  return std::pow(ratio, 1.0 / (year_now - year_base)) - 1.0;  // sdg-build's exact expression order
}

/// The base point: the observation in `base_year`, else the first later one; nullopt if none. NaN values are skipped.
[[nodiscard]] inline std::optional<year_value> select_base_point(std::span<const year_value> points, int base_year) noexcept {
  std::optional<year_value> base;
  for (const year_value& p : points)
    if (!std::isnan(p.value) && p.year >= base_year && (!base || p.year < base->year)) base = p;
  return base;
}

/// The current point: the observation in the latest year; nullopt if none. NaN values are skipped.
[[nodiscard]] inline std::optional<year_value> select_current_point(std::span<const year_value> points) noexcept {
  std::optional<year_value> current;
  for (const year_value& p : points)
    if (!std::isnan(p.value) && (!current || p.year > current->year)) current = p;
  return current;
}

/// The limit coefficient C that scales method 1's thresholds near a natural limit, from |base value| b and |limit| l.
[[nodiscard]] inline double limit_coefficient(double base_value, double limit) noexcept {
  const double b = std::fabs(base_value);
  const double l = std::fabs(limit);
  if (b >= 2 * l) return 1.0;  // first, so that b = l = 0 gives 1 rather than 0/0
  if (b <= l) return 1.0 - std::pow(b / l, limit_exponent);
  return 1.0 - std::pow((2 * l - b) / l, limit_exponent);
}

/// Whether the latest value meets the target, inclusively: ≥ for a positive direction, ≤ for a negative one.
[[nodiscard]] constexpr bool target_met(double current_value, double target, int direction) noexcept {
  return direction > 0 ? current_value >= target : current_value <= target;
}

/// The status of a progress value against (already scaled) thresholds; not_available if it falls in no band.
[[nodiscard]] constexpr progress_status classify_progress(double progress_value, const threshold_values& t) noexcept {
  if (progress_value >= t.high) return progress_status::substantial_progress;
  if (t.med <= progress_value && progress_value < t.high) return progress_status::moderate_progress;
  if (t.low <= progress_value && progress_value < t.med) return progress_status::limited_progress;
  if (progress_value < t.low) return progress_status::deterioration;
  return progress_status::not_available;
}

/// The score in [−5, 5] of a series whose target is not met, with sdg-build's rounded constants; `t` already scaled by `coefficient`.
[[nodiscard]] constexpr double progress_score(double progress_value, int method, const threshold_values& t,
                                              double coefficient = 1.0) noexcept {
  const double p = progress_value;
  if (method == 1) {
    if (p < t.low) return std::max(125 * p - 2.5, -5.0);  // deterioration is not scaled by C
    if (coefficient == 0.0) return 5.0;                  // base value at the limit and kept there
    if (p >= t.high) return std::min(500 * p / coefficient - 5, 5.0);
    if (p >= t.med) return 250 * p / coefficient - 1.25;
    return 500 * p / coefficient - 2.5;
  }
  if (p >= t.med) return std::min(7.1429 * p - 4.2857, 5.0);
  return std::max(4.1667 * p - 2.5, -5.0);
}

/// The status an indicator-level score stands for: [2.5, 5] substantial, [0, 2.5) moderate, [−2.5, 0) limited, [−5, −2.5) deterioration.
[[nodiscard]] constexpr progress_status status_from_score(std::optional<double> score, bool target_achieved = false) noexcept {
  if (target_achieved) return progress_status::target_achieved;
  if (!score) return progress_status::not_available;
  const double s = *score;
  if (2.5 <= s && s <= 5) return progress_status::substantial_progress;
  if (0 <= s && s < 2.5) return progress_status::moderate_progress;
  if (-2.5 <= s && s < 0) return progress_status::limited_progress;
  if (-5 <= s && s < -2.5) return progress_status::deterioration;
  return progress_status::not_available;  // outside [−5, 5] or NaN: sdg-build returns None there
}

/// One series' assessment, echoing every input and intermediate a trace needs; trivially copyable, no heap.
struct progress_result {
  progress_status status = progress_status::not_available;
  not_available_reason reason = not_available_reason::none;
  std::uint8_t method = 1;               // 1 without a target (trend), 2 with one (ratio to required growth)
  std::int8_t direction = -1;            // the direction applied: +1 or −1
  std::int8_t sign = 0;                  // −1 if the base value is negative, else +1; 0 when there is no base point
  bool base_value_substituted = false;   // a base value of 0 was replaced by 0.001
  bool target_substituted = false;       // a target of 0 was replaced by 0.001
  std::optional<double> progress_value;  // P: signed CAGR (method 1) or observed/|required| CAGR (method 2)
  std::optional<double> score;           // in [−5, 5]; 5 whenever the target is met
  std::optional<year_value> base;        // (t0, y0) as observed, before any substitution
  std::optional<year_value> current;     // (ti, yi), the latest observation
  std::optional<double> observed_cagr;   // CAGR(yi, y0, ti, t0)
  std::optional<double> required_cagr;   // CAGR(target, y0, tT, t0), method 2
  double limit_coefficient = 1.0;        // C scaling method 1's thresholds; 1 without a limit
  friend constexpr bool operator==(const progress_result&, const progress_result&) = default;
};
static_assert(std::is_trivially_copyable_v<progress_result>);
static_assert(sizeof(progress_result) <= 128, "a batch of a million results should stay near 128 MB");

namespace detail {

constexpr void not_available(progress_result& r, not_available_reason why) noexcept {
  r.status = progress_status::not_available;
  r.reason = why;
}

inline bool finite_or_unset(const std::optional<double>& x) noexcept { return !x || std::isfinite(*x); }

// The whole method over n observations read through point_at(i) -> year_value: one pass to pick the base and
// current points, then sdg-build's checks in its order. Shared by the span and batch entry points; writes into `r`
// (a fresh result) so that the batch fills its output in place.
template <class PointAt>
void measure_into(progress_result& r, std::size_t n, const PointAt& point_at, const progress_config& c) noexcept {
  r = progress_result{};
  r.method = c.target ? 2 : 1;
  r.direction = c.direction > 0 ? 1 : -1;
  const int d = r.direction;

  // The configuration: sdg-build trusts it; qgov rejects what would crash or give NaN.
  if (!finite_or_unset(c.target) || !finite_or_unset(c.limit) || !finite_or_unset(c.thresholds.high) ||
      !finite_or_unset(c.thresholds.med) || !finite_or_unset(c.thresholds.low))
    return not_available(r, not_available_reason::non_finite_input);
  const threshold_values configured = c.thresholds.resolve(r.method);
  if (!(configured.high >= configured.med && configured.med >= configured.low))
    return not_available(r, not_available_reason::invalid_thresholds);
  double target = c.target.value_or(0.0);
  if (c.target && target == 0.0) {
    target = progress_zero_substitute;
    r.target_substituted = true;
  }

  // One pass: drop missing values, find the latest point and the first point at or after the base year.
  const double base_year = c.base_year;
  year_value base{0.0, 0.0};
  year_value current{0.0, 0.0};
  bool have_base = false;
  std::size_t count = 0;
  bool increasing = true;
  double previous_year = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const year_value p = point_at(i);
    if (std::isnan(p.value)) continue;
    if (!std::isfinite(p.year) || !std::isfinite(p.value)) return not_available(r, not_available_reason::non_finite_input);
    if (count > 0 && p.year <= previous_year) increasing = false;
    if (count == 0 || p.year > current.year) current = p;
    if (p.year >= base_year && (!have_base || p.year < base.year)) {
      base = p;
      have_base = true;
    }
    previous_year = p.year;
    ++count;
  }
  if (count == 0) return not_available(r, not_available_reason::no_data);
  if (!increasing) {  // sorted input skips this; unsorted input pays O(n²) rather than allocating
    for (std::size_t i = 0; i < n; ++i) {
      const year_value a = point_at(i);
      if (std::isnan(a.value)) continue;
      for (std::size_t j = i + 1; j < n; ++j) {
        const year_value b = point_at(j);
        if (!std::isnan(b.value) && b.year == a.year) return not_available(r, not_available_reason::duplicate_year);
      }
    }
  }
  if (!have_base) return not_available(r, not_available_reason::no_year_at_or_after_base_year);

  r.base = base;
  r.current = current;
  r.sign = base.value < 0 ? -1 : 1;
  const int s = r.sign;

  // Thresholds, scaled near a natural limit (method 1 only; sdg-build ignores the limit under method 2). Like
  // sdg-build, C uses the base value before the 0 → 0.001 substitution.
  threshold_values t = configured;
  if (r.method == 1 && c.limit) {
    r.limit_coefficient = limit_coefficient(base.value, *c.limit);
    t = {t.high * r.limit_coefficient, t.med * r.limit_coefficient, t.low * r.limit_coefficient};
  }
  const bool achieved = r.method == 2 && target_met(current.value, target, d);

  // The progress value, with sdg-build's checks in its order.
  double y0 = base.value;
  if (y0 == 0.0) {
    y0 = progress_zero_substitute;
    r.base_value_substituted = true;
  }
  const double yi = current.value;
  std::optional<double> p;
  if ((y0 > 0 && yi < 0) || (y0 < 0 && yi > 0)) {
    r.reason = not_available_reason::sign_change;
  } else if (current.year - base.year < 1) {
    r.reason = not_available_reason::only_one_year;
  } else {
    const double observed = std::pow(yi / y0, 1.0 / (current.year - base.year)) - 1.0;
    r.observed_cagr = observed;
    if (r.method == 1) {
      p = s * d * observed;
    } else if (static_cast<double>(c.target_year) == base.year) {
      r.reason = not_available_reason::target_year_equals_base_year;  // sdg-build divides by zero here
    } else if ((target > 0) != (y0 > 0)) {
      r.reason = not_available_reason::target_opposite_sign;  // Python would take |complex|; no meaning here
    } else {
      const double required = std::pow(target / y0, 1.0 / (c.target_year - base.year)) - 1.0;
      r.required_cagr = required;
      if (required == 0.0)
        r.reason = not_available_reason::required_growth_zero;  // 2.4.0: progress value null
      else
        p = s * d * observed / std::fabs(required);
    }
    if (p && !std::isfinite(*p)) {
      p.reset();
      r.reason = not_available_reason::non_finite_result;
    }
  }
  r.progress_value = p;

  // The met target wins over everything computed above (sdg-build evaluates it independently of P).
  if (achieved) {
    r.status = progress_status::target_achieved;
    r.score = 5.0;
  } else if (p) {
    r.status = classify_progress(*p, t);
    r.score = progress_score(*p, r.method, t, r.limit_coefficient);
  } else {
    r.status = progress_status::not_available;
  }
}

}  // namespace detail

/// Assesses one series (observations in any order; NaN values are missing) under `config`; never throws.
[[nodiscard]] inline progress_result progress_measure(std::span<const year_value> points, const progress_config& config) noexcept {
  progress_result r;
  detail::measure_into(r, points.size(), [points](std::size_t i) { return points[i]; }, config);
  return r;
}

/// Assesses n series stored column-wise: series i is years/values[offsets[i], offsets[i+1]); one config shared or one per series.
inline void progress_measure_batch(std::span<const double> years, std::span<const double> values,
                                   std::span<const std::size_t> offsets, std::span<const progress_config> configs,
                                   std::span<progress_result> out) noexcept {
  const std::size_t n = out.size();
  if (n == 0) return;
  progress_result invalid;
  invalid.reason = not_available_reason::invalid_batch_layout;
  if (years.size() != values.size() || offsets.size() != n + 1 || (configs.size() != 1 && configs.size() != n)) {
    for (progress_result& r : out) r = invalid;
    return;
  }
  const bool shared = configs.size() == 1;
  const double* const ys = years.data();
  const double* const vs = values.data();
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t begin = offsets[i];
    const std::size_t end = offsets[i + 1];
    if (begin > end || end > years.size()) {
      out[i] = invalid;
      continue;
    }
    detail::measure_into(
        out[i], end - begin, [ys, vs, begin](std::size_t k) { return year_value{ys[begin + k], vs[begin + k]}; },
        configs[shared ? 0 : i]);
  }
}

/// The same batch on `threads` threads (0: one per core), each taking a contiguous block of the series. The results
/// are progress_measure_batch's, bit for bit (each series is assessed alone, by the same code). Fewer threads are
/// used where blocks would be under 4 096 series, and the remaining blocks run on the calling thread if a thread
/// cannot be started; never throws.
void progress_measure_batch(std::span<const double> years, std::span<const double> values,
                            std::span<const std::size_t> offsets, std::span<const progress_config> configs,
                            std::span<progress_result> out, unsigned threads) noexcept;

/// An indicator's aggregate over its series (sdg-build's `IndicatorProgress`, without nested `group` averaging).
struct indicator_aggregate {
  progress_status status = progress_status::not_available;
  std::optional<double> score;  // mean of the series scores; empty when no series has one
  std::size_t series = 0;       // series given
  std::size_t scored = 0;       // series with a score, i.e. those averaged
  friend constexpr bool operator==(const indicator_aggregate&, const indicator_aggregate&) = default;
};

/// Mean score of the scored series and its status; `target_achieved` only if every scored series achieved its target.
// Out of scope: sdg-build 2.4.0's `- group: [...]` config entries, averaged first and recursively so that each
// sub-indicator weighs equally; a host can reproduce that by calling `aggregate` per group and averaging the means.
[[nodiscard]] constexpr indicator_aggregate aggregate(std::span<const progress_result> series) noexcept {
  indicator_aggregate a;
  a.series = series.size();
  double sum = 0.0;  // sequential; numpy's pairwise sum can differ in the last bit from 9 series on
  bool all_achieved = true;
  for (const progress_result& r : series) {
    if (!r.score) continue;
    sum += *r.score;
    ++a.scored;
    all_achieved = all_achieved && r.status == progress_status::target_achieved;
  }
  if (a.scored == 0) return a;
  a.score = sum / static_cast<double>(a.scored);
  a.status = status_from_score(a.score, all_achieved);
  return a;
}

}  // namespace qgov::formulas
