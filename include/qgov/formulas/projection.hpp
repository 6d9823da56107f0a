// qgov/formulas/projection.hpp — projecting a series to its deadline: least squares with uncertainty, and the
// UNSD expected-value ratio. For counts that start near zero, where growth rates mislead.
#pragma once

#include <qgov/version.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <span>

namespace qgov::inline QGOV_ABI::formulas {

/// A point of a series: time as a (fractional) year, and the value.
struct time_point {
  double t = 0;
  double y = 0;
};

/// An ordinary least-squares line y = intercept + slope·t, with what its uncertainty needs.
struct linear_fit {
  std::size_t n = 0;
  double slope = 0;
  double intercept = 0;
  double t_mean = 0;
  double sxx = 0;          ///< Σ (t − t̄)²
  double residual_se = 0;  ///< s = √(Σ residual² / (n − 2)); NaN when n ≤ 2
  [[nodiscard]] bool ok() const noexcept { return n >= 2 && sxx > 0 && std::isfinite(slope) && std::isfinite(intercept); }
};

/// Fits y = a + b·t by least squares; `ok()` is false with fewer than two distinct times or non-finite input.
[[nodiscard]] inline linear_fit fit_least_squares(std::span<const time_point> points) noexcept {
  linear_fit f;
  f.n = points.size();
  if (f.n < 2) return f;
  double st = 0, sy = 0;
  for (const auto& p : points) {
    if (!std::isfinite(p.t) || !std::isfinite(p.y)) { f.n = 0; return f; }
    st += p.t;
    sy += p.y;
  }
  f.t_mean = st / static_cast<double>(f.n);
  const double y_mean = sy / static_cast<double>(f.n);
  double sxy = 0;
  for (const auto& p : points) {
    f.sxx += (p.t - f.t_mean) * (p.t - f.t_mean);
    sxy += (p.t - f.t_mean) * (p.y - y_mean);
  }
  if (f.sxx <= 0) return f;
  f.slope = sxy / f.sxx;
  f.intercept = y_mean - f.slope * f.t_mean;
  if (f.n > 2) {
    double ss = 0;
    for (const auto& p : points) {
      const double r = p.y - (f.intercept + f.slope * p.t);
      ss += r * r;
    }
    f.residual_se = std::sqrt(ss / static_cast<double>(f.n - 2));
  } else {
    f.residual_se = std::numeric_limits<double>::quiet_NaN();
  }
  return f;
}

/// A projected value with the standard error of predicting one new observation there and a central interval.
struct projection {
  double t = 0;
  double value = 0;
  double standard_error = 0;  ///< s·√(1 + 1/n + (t − t̄)²/Sxx); NaN when n ≤ 2 (no residual degrees of freedom)
  double lower = 0;           ///< value − q·se, q the Student-t quantile with n − 2 degrees of freedom
  double upper = 0;
  double confidence = 0.95;
  [[nodiscard]] bool has_interval() const noexcept { return std::isfinite(standard_error); }
};

/// Projects a fit to time `t` (e.g. the deadline as a fractional year) with a `confidence` prediction interval.
/// Defined in src/formulas/projection.cpp, so that the Student-t quantile (Boost.Math) stays out of hosts' headers.
[[nodiscard]] projection project(const linear_fit& f, double t, double confidence = 0.95);

/// How far an expected value at the deadline gets from the base value towards the target:
/// r = (expected − base) / (target − base). 1 means exactly on target; nullopt when target == base.
[[nodiscard]] inline std::optional<double> expected_ratio(double expected, double base, double target) noexcept {
  const double need = target - base;
  if (need == 0 || !std::isfinite(need) || !std::isfinite(expected)) return std::nullopt;
  return (expected - base) / need;
}

/// The UNSD Progress Chart expected value: the latest value grown at the observed compound annual rate to the
/// target year, and its ratio to the required change (UNSD Progress Chart Technical Note 2023, as used by EUSTAT).
struct unsd_expected {
  double cagr = 0;            ///< (v_t / v_b)^(1/(t − b)) − 1
  double expected_value = 0;  ///< v_t · (1 + cagr)^(T − t)
  double ratio = 0;           ///< (expected − v_b) / (target − v_b)
};

/// The UNSD expected-value ratio; nullopt when undefined: non-positive values (growth rates need v > 0), t ≤ b, or
/// target == v_b.
[[nodiscard]] inline std::optional<unsd_expected> unsd_expected_value(time_point base, time_point current, double target,
                                                                      double target_time) noexcept {
  if (!(base.y > 0) || !(current.y > 0) || !(current.t > base.t) || !std::isfinite(target) || !std::isfinite(target_time))
    return std::nullopt;
  unsd_expected u;
  u.cagr = std::pow(current.y / base.y, 1.0 / (current.t - base.t)) - 1.0;
  u.expected_value = current.y * std::pow(1.0 + u.cagr, target_time - current.t);
  const auto r = expected_ratio(u.expected_value, base.y, target);
  if (!r) return std::nullopt;
  u.ratio = *r;
  return u;
}

}  // namespace qgov::formulas
