// Pure formulas over NumPy buffers: no per-series Python objects, the GIL released while C++ runs.
#include "common.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <system_error>
#include <thread>
#include <vector>

#include <pybind11/numpy.h>

namespace qgov::inline QGOV_ABI::python {
namespace {

using namespace qgov::formulas;
using f64 = py::array_t<double, py::array::c_style | py::array::forcecast>;

// A per-series setting given as a scalar (shared) or an array of n values; NaN means "unset" where unset is allowed.
class setting {
public:
  setting(py::handle h, const char* name, std::size_t n) : name_(name) {
    if (h.is_none()) return;
    if (py::isinstance<py::float_>(h) || py::isinstance<py::int_>(h)) {
      scalar_ = h.cast<double>();
      return;
    }
    array_ = f64::ensure(h);
    if (!array_ || array_.ndim() != 1)
      throw py::type_error(std::string(name) + ": expected a number or a 1-D array of numbers");
    if (static_cast<std::size_t>(array_.shape(0)) != n)
      throw py::value_error(std::string(name) + ": expected " + std::to_string(n) + " values (one per series), got " +
                            std::to_string(array_.shape(0)));
    data_ = array_.data();
  }
  [[nodiscard]] bool given() const noexcept { return data_ || !std::isnan(scalar_); }
  [[nodiscard]] double at(std::size_t i) const noexcept { return data_ ? data_[i] : scalar_; }
  [[nodiscard]] bool varies() const noexcept { return data_ != nullptr; }

private:
  const char* name_;
  double scalar_ = std::numeric_limits<double>::quiet_NaN();
  f64 array_;
  const double* data_ = nullptr;
};

int whole_year(double v, const char* name, std::size_t i) {
  if (!std::isfinite(v) || v != std::floor(v) || std::fabs(v) > 1e6)
    throw py::value_error(std::string(name) + "[" + std::to_string(i) + "]: expected a whole year, got " + std::to_string(v));
  return static_cast<int>(v);
}

py::dict progress_arrays(const f64& years, const f64& values, py::object offsets_obj, py::object base_year,
                         py::object target, py::object target_year, py::object direction, py::object limit,
                         py::object high, py::object med, py::object low, unsigned threads) {
  if (years.ndim() != 1 || values.ndim() != 1) throw py::value_error("years and values must be 1-D arrays");
  if (years.shape(0) != values.shape(0))
    throw py::value_error("years and values differ in length: " + std::to_string(years.shape(0)) + " and " +
                          std::to_string(values.shape(0)));
  const auto m = static_cast<std::size_t>(years.shape(0));
  std::vector<std::size_t> offsets;
  if (offsets_obj.is_none()) {
    offsets = {0, m};
  } else {
    const auto off = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(offsets_obj);
    if (!off || off.ndim() != 1 || off.shape(0) < 1)
      throw py::value_error("offsets: expected a 1-D integer array of n + 1 positions starting at 0");
    const auto* o = off.data();
    const auto k = static_cast<std::size_t>(off.shape(0));
    offsets.resize(k);
    for (std::size_t i = 0; i < k; ++i) {
      if (o[i] < 0 || static_cast<std::size_t>(o[i]) > m || (i > 0 && o[i] < o[i - 1]) || (i == 0 && o[i] != 0))
        throw py::value_error("offsets[" + std::to_string(i) + "] = " + std::to_string(o[i]) +
                              ": offsets must start at 0, never decrease and stay within the " + std::to_string(m) + " points");
      offsets[i] = static_cast<std::size_t>(o[i]);
    }
    if (offsets.back() != m)
      throw py::value_error("offsets must end at the number of points (" + std::to_string(m) + "), got " +
                            std::to_string(offsets.back()));
  }
  const std::size_t n = offsets.size() - 1;

  const setting s_base(base_year, "base_year", n), s_target(target, "target", n), s_target_year(target_year, "target_year", n),
      s_direction(direction, "direction", n), s_limit(limit, "limit", n), s_high(high, "high", n), s_med(med, "med", n),
      s_low(low, "low", n);
  const bool per_series = s_base.varies() || s_target.varies() || s_target_year.varies() || s_direction.varies() ||
                          s_limit.varies() || s_high.varies() || s_med.varies() || s_low.varies();
  // One shared configuration, or one per series built a chunk at a time (a million configurations at once would be
  // ~80 MB written and read back); the results go through a small buffer straight into the output arrays.
  auto config_at = [&](std::size_t i) {
    progress_config c;
    if (s_base.given()) c.base_year = whole_year(s_base.at(i), "base_year", i);
    if (s_target_year.given()) c.target_year = whole_year(s_target_year.at(i), "target_year", i);
    if (s_target.given() && !std::isnan(s_target.at(i))) c.target = s_target.at(i);
    if (s_direction.given()) c.direction = s_direction.at(i) > 0 ? 1 : -1;
    if (s_limit.given() && !std::isnan(s_limit.at(i))) c.limit = s_limit.at(i);
    if (s_high.given() && !std::isnan(s_high.at(i))) c.thresholds.high = s_high.at(i);
    if (s_med.given() && !std::isnan(s_med.at(i))) c.thresholds.med = s_med.at(i);
    if (s_low.given() && !std::isnan(s_low.at(i))) c.thresholds.low = s_low.at(i);
    return c;
  };
  // Years must be whole numbers: check them all before releasing the GIL (a failed check raises a Python error),
  // so that config_at cannot throw in the loop below.
  const progress_config shared = per_series ? progress_config{} : config_at(0);  // scalars only: no index read
  if (per_series)
    for (std::size_t i = 0; i < n; ++i) {
      if (s_base.given()) (void)whole_year(s_base.at(i), "base_year", i);
      if (s_target_year.given()) (void)whole_year(s_target_year.at(i), "target_year", i);
    }

  const auto N = static_cast<py::ssize_t>(n);
  py::array_t<std::uint8_t> status(N), reason(N), method(N);
  py::array_t<double> score(N), progress(N), observed(N), required(N), base_y(N), base_v(N), cur_y(N), cur_v(N);
  {
    py::gil_scoped_release unlocked;
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    auto* st = status.mutable_data();
    auto* re = reason.mutable_data();
    auto* me = method.mutable_data();
    auto* sc = score.mutable_data();
    auto* pr = progress.mutable_data();
    auto* ob = observed.mutable_data();
    auto* rq = required.mutable_data();
    auto* by = base_y.mutable_data();
    auto* bv = base_v.mutable_data();
    auto* cy = cur_y.mutable_data();
    auto* cv = cur_v.mutable_data();
    constexpr std::size_t chunk = 4096;
    const std::span<const double> ys{years.data(), m}, vs{values.data(), m};
    // Series [b, e) in chunks: configurations built into a small buffer, measured, the results scattered into the
    // columns. Each thread takes one contiguous block of series with its own buffers (threads: 0 = one per core).
    auto block = [&](std::size_t b, std::size_t e) {
      std::vector<progress_result> out(std::min(e - b, chunk));
      std::vector<progress_config> configs(per_series ? std::min(e - b, chunk) : 1, shared);
      for (std::size_t i0 = b; i0 < e; i0 += chunk) {
        const std::size_t k = std::min(chunk, e - i0);
        if (per_series)
          for (std::size_t j = 0; j < k; ++j) configs[j] = config_at(i0 + j);
        const std::span<const progress_config> cfg =
            per_series ? std::span<const progress_config>(configs).first(k) : std::span<const progress_config>(configs);
        progress_measure_batch(ys, vs, std::span<const std::size_t>(offsets).subspan(i0, k + 1), cfg,
                               std::span<progress_result>(out).first(k));
        for (std::size_t j = 0; j < k; ++j) {
          const auto& r = out[j];
          const std::size_t i = i0 + j;
          st[i] = static_cast<std::uint8_t>(r.status);
          re[i] = static_cast<std::uint8_t>(r.reason);
          me[i] = r.method;
          sc[i] = r.score.value_or(nan);
          pr[i] = r.progress_value.value_or(nan);
          ob[i] = r.observed_cagr.value_or(nan);
          rq[i] = r.required_cagr.value_or(nan);
          by[i] = r.base ? r.base->year : nan;
          bv[i] = r.base ? r.base->value : nan;
          cy[i] = r.current ? r.current->year : nan;
          cv[i] = r.current ? r.current->value : nan;
        }
      }
    };
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::clamp<std::size_t>(n / chunk, 1, threads));  // a chunk a thread at least
    std::vector<std::thread> pool;
    unsigned started = 1;
    try {
      for (; started < threads; ++started)
        pool.emplace_back(block, n * started / threads, n * (started + 1) / threads);
    } catch (const std::system_error&) {  // no more threads: this one does the remaining blocks
    }
    block(0, n / threads);
    for (unsigned t = started; t < threads; ++t) block(n * t / threads, n * (t + 1) / threads);
    for (std::thread& t : pool) t.join();
  }
  py::dict d;
  d["status"] = status;
  d["reason"] = reason;
  d["method"] = method;
  d["score"] = score;
  d["progress_value"] = progress;
  d["observed_cagr"] = observed;
  d["required_cagr"] = required;
  d["base_year"] = base_y;
  d["base_value"] = base_v;
  d["current_year"] = cur_y;
  d["current_value"] = cur_v;
  return d;
}

}  // namespace

void bind_formulas(py::module_& m) {
  py::list statuses, reasons;
  for (int s = 0; s <= static_cast<int>(progress_status::not_available); ++s)
    statuses.append(std::string(to_string(static_cast<progress_status>(s))));
  for (int r = 0; r <= static_cast<int>(not_available_reason::non_finite_result); ++r)
    reasons.append(std::string(to_string(static_cast<not_available_reason>(r))));
  m.attr("_progress_statuses") = statuses;
  m.attr("_not_available_reasons") = reasons;
  m.def("_progress_measure", &progress_arrays, py::arg("years"), py::arg("values"), py::arg("offsets"),
        py::arg("base_year"), py::arg("target"), py::arg("target_year"), py::arg("direction"), py::arg("limit"),
        py::arg("high"), py::arg("med"), py::arg("low"), py::arg("threads") = 1u);
}

}  // namespace qgov::python
