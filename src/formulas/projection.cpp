// Implements qgov/formulas/projection.hpp: the prediction interval, which needs Boost.Math's Student-t quantile.
#include <qgov/formulas/projection.hpp>

#include <cmath>
#include <limits>

#include <boost/math/distributions/students_t.hpp>

namespace qgov::inline QGOV_ABI::formulas {

projection project(const linear_fit& f, double t, double confidence) {
  projection p;
  p.t = t;
  p.confidence = confidence;
  p.value = f.intercept + f.slope * t;
  if (f.n > 2 && std::isfinite(f.residual_se) && f.sxx > 0) {
    const double n = static_cast<double>(f.n);
    p.standard_error = f.residual_se * std::sqrt(1.0 + 1.0 / n + (t - f.t_mean) * (t - f.t_mean) / f.sxx);
    const boost::math::students_t dist(n - 2);
    const double q = boost::math::quantile(dist, 0.5 + confidence / 2);
    p.lower = p.value - q * p.standard_error;
    p.upper = p.value + q * p.standard_error;
  } else {
    p.standard_error = std::numeric_limits<double>::quiet_NaN();
    p.lower = p.upper = std::numeric_limits<double>::quiet_NaN();
  }
  return p;
}

}  // namespace qgov::formulas
