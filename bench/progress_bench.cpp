// What the Open SDG progress measure costs over 1 000 000 synthetic series, and the same input dumped for the NumPy comparison.
//
//   qgov_bench_progress [Google Benchmark flags]   times progress_measure_batch
//   qgov_bench_progress --dump=FILE                writes the input and qgov's results for bench/progress_python.py
//
// The data are generated here with a fixed seed, so every run, and the dump, see identical series.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <qgov/formulas/progress_measure.hpp>

namespace {

using namespace qgov::formulas;

constexpr std::size_t series_count = 1'000'000;
constexpr std::uint64_t seed = 20240822;

// Series stored column-wise, as a host holding many indicators would keep them.
struct synthetic_data {
  std::vector<double> years;
  std::vector<double> values;
  std::vector<std::size_t> offsets{0};
  std::vector<progress_config> configs;
};

// 2–10 consecutive yearly points from 2010–2020; half with a target (0.5–1.5 × the first value, by 2025, 2026,
// 2028 or 2030), half without (a fifth of those with a limit of 100); either direction; 5 % all-negative series,
// 1 % with a sign change, 1 % with a zero base value, so every branch of the method is exercised.
synthetic_data generate() {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> points(2, 10);
  std::uniform_int_distribution<int> first_year(2010, 2020);
  constexpr int target_years[] = {2025, 2026, 2028, 2030};
  synthetic_data d;
  d.years.reserve(series_count * 6);
  d.values.reserve(series_count * 6);
  d.offsets.reserve(series_count + 1);
  d.configs.reserve(series_count);
  for (std::size_t i = 0; i < series_count; ++i) {
    const int k = points(rng);
    const int y0 = first_year(rng);
    const double kind = unit(rng);
    double v = std::exp(7.0 * unit(rng));  // 1 … 1100
    if (kind < 0.05) v = -v;
    const double trend = -0.05 + 0.10 * unit(rng);
    for (int j = 0; j < k; ++j) {
      double value = v;
      if (kind >= 0.05 && kind < 0.06 && j == k - 1) value = -value;   // sign change
      if (kind >= 0.06 && kind < 0.07 && y0 + j <= 2015) value = 0.0;  // zero base value
      d.years.push_back(static_cast<double>(y0 + j));
      d.values.push_back(value);
      v *= 1.0 + trend + 0.03 * (unit(rng) - 0.5);
    }
    d.offsets.push_back(d.years.size());
    progress_config c;
    c.direction = unit(rng) < 0.5 ? 1 : -1;
    if (unit(rng) < 0.5) {
      const double first = d.values[d.offsets[i]];
      c.target = first * (0.5 + unit(rng));
      c.target_year = target_years[static_cast<std::size_t>(unit(rng) * 4) % 4];
    } else if (unit(rng) < 0.2) {
      c.limit = 100.0;
    }
    d.configs.push_back(c);
  }
  return d;
}

const synthetic_data& data() {
  static const synthetic_data d = generate();
  return d;
}

// Little-endian binary layout read by bench/progress_python.py (see read_data there).
void dump(const std::string& path) {
  const synthetic_data& d = data();
  const std::size_t n = d.configs.size();
  std::vector<progress_result> out(n);
  progress_measure_batch(d.years, d.values, d.offsets, d.configs, out);

  std::ofstream f(path, std::ios::binary);
  const auto write = [&f](const auto& v) {
    f.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(v[0])));
  };
  const std::uint64_t header[] = {0x314d50564f4751ULL /* "QGOVPM1" */, n, d.years.size()};
  f.write(reinterpret_cast<const char*>(header), sizeof header);
  write(d.years);
  write(d.values);
  std::vector<std::uint64_t> offsets(d.offsets.begin(), d.offsets.end());
  write(offsets);
  constexpr double none = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> base_year(n), target(n), target_year(n), direction(n), limit(n), progress(n), score(n);
  std::vector<std::uint8_t> status(n);
  for (std::size_t i = 0; i < n; ++i) {
    const progress_config& c = d.configs[i];
    base_year[i] = c.base_year;
    target[i] = c.target.value_or(none);
    target_year[i] = c.target_year;
    direction[i] = c.direction;
    limit[i] = c.limit.value_or(none);
    progress[i] = out[i].progress_value.value_or(none);
    score[i] = out[i].score.value_or(none);
    status[i] = static_cast<std::uint8_t>(out[i].status);
  }
  for (const auto* v : {&base_year, &target, &target_year, &direction, &limit, &progress, &score}) write(*v);
  write(status);
  if (!f) {
    std::cerr << "cannot write " << path << '\n';
    std::exit(1);
  }
  std::cout << "wrote " << n << " series, " << d.years.size() << " points, to " << path << '\n';
}

// The headline: one configuration per series (targets, directions and limits vary), results for all of them.
void progress_measure_batch_1m(benchmark::State& state) {
  const synthetic_data& d = data();
  std::vector<progress_result> out(d.configs.size());
  for (auto _ : state) {
    progress_measure_batch(d.years, d.values, d.offsets, d.configs, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * d.configs.size()));
  state.counters["points"] = static_cast<double>(d.years.size());
}
BENCHMARK(progress_measure_batch_1m)->Unit(benchmark::kMillisecond)->UseRealTime();

// The headline on every core (progress_measure_batch with threads = 0: contiguous blocks, one a thread).
void progress_measure_batch_1m_all_cores(benchmark::State& state) {
  const synthetic_data& d = data();
  std::vector<progress_result> out(d.configs.size());
  for (auto _ : state) {
    progress_measure_batch(d.years, d.values, d.offsets, d.configs, out, 0);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * d.configs.size()));
  state.counters["threads"] = static_cast<double>(std::thread::hardware_concurrency());
}
BENCHMARK(progress_measure_batch_1m_all_cores)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same series under one shared configuration (target 100 by 2030, positive): the cost of reading 1 M configs.
void progress_measure_batch_1m_shared_config(benchmark::State& state) {
  const synthetic_data& d = data();
  std::vector<progress_result> out(d.configs.size());
  progress_config shared[1];
  shared[0].target = 100.0;
  shared[0].direction = 1;
  for (auto _ : state) {
    progress_measure_batch(d.years, d.values, d.offsets, shared, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * d.configs.size()));
}
BENCHMARK(progress_measure_batch_1m_shared_config)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same work in chunks of 4 096 series into one reused 512 KB output buffer, as a host streaming results would:
// how much of the headline is writing 128 MB of results to memory rather than computing them.
void progress_measure_batch_1m_chunked(benchmark::State& state) {
  const synthetic_data& d = data();
  constexpr std::size_t chunk = 4096;
  std::vector<progress_result> out(chunk);
  const std::span<const std::size_t> offsets(d.offsets);
  const std::span<const progress_config> configs(d.configs);
  for (auto _ : state) {
    for (std::size_t first = 0; first < configs.size(); first += chunk) {
      const std::size_t k = std::min(chunk, configs.size() - first);
      progress_measure_batch(d.years, d.values, offsets.subspan(first, k + 1), configs.subspan(first, k),
                             std::span(out).first(k));
      benchmark::DoNotOptimize(out.data());
      benchmark::ClobberMemory();
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * d.configs.size()));
}
BENCHMARK(progress_measure_batch_1m_chunked)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg(argv[i]);
    if (arg.starts_with("--dump=")) {
      dump(std::string(arg.substr(7)));
      return 0;
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  (void)data();  // generate before timing
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
