// Keeping results: Boost.Serialization archives (text, binary, XML) against the JSON interchange a host would use
// instead, for the Dongli evaluation and plan. Figures and the command: docs/benchmarks.md ("Archives and JSON").
#include <benchmark/benchmark.h>

#include <qgov/io/archive.hpp>
#include <qgov/io/evaluation_json.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/io/plan_json.hpp>
#include <qgov/plans/dongli_2024.hpp>

namespace {

const qgov::evaluation& sample_evaluation() {
  static const qgov::evaluation e = [] {
    const auto& p = qgov::plans::dongli_2024();
    return qgov::evaluate(p, qgov::parse_observations_csv(qgov::plans::dongli_2024_sample_csv(), p),
                          qgov::date(2025, 12, 31));
  }();
  return e;
}

void evaluation_archive_save(benchmark::State& state) {
  const auto f = static_cast<qgov::archive_format>(state.range(0));
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto s = qgov::to_archive_bytes(sample_evaluation(), f);
    bytes = s.size();
    benchmark::DoNotOptimize(s);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
  state.SetLabel(std::string(qgov::to_string(f)));
}

void evaluation_archive_load(benchmark::State& state) {
  const auto f = static_cast<qgov::archive_format>(state.range(0));
  const std::string s = qgov::to_archive_bytes(sample_evaluation(), f);
  for (auto _ : state) benchmark::DoNotOptimize(qgov::from_archive_bytes<qgov::evaluation>(s));
  state.counters["bytes"] = static_cast<double>(s.size());
  state.SetLabel(std::string(qgov::to_string(f)));
}

void evaluation_json_save(benchmark::State& state) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto s = qgov::to_json(sample_evaluation(), qgov::plans::dongli_2024(), -1);
    bytes = s.size();
    benchmark::DoNotOptimize(s);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void evaluation_json_load(benchmark::State& state) {
  const std::string s = qgov::to_json(sample_evaluation(), qgov::plans::dongli_2024(), -1);
  for (auto _ : state) benchmark::DoNotOptimize(qgov::parse_evaluation_json(s));
  state.counters["bytes"] = static_cast<double>(s.size());
}

void plan_archive_load(benchmark::State& state) {
  const auto f = static_cast<qgov::archive_format>(state.range(0));
  const std::string s = qgov::to_archive_bytes(qgov::plans::dongli_2024(), f);
  for (auto _ : state) benchmark::DoNotOptimize(qgov::from_archive_bytes<qgov::plan>(s));
  state.counters["bytes"] = static_cast<double>(s.size());
  state.SetLabel(std::string(qgov::to_string(f)));
}

void plan_json_load(benchmark::State& state) {
  const auto& p = qgov::plans::dongli_2024();
  const std::string s = qgov::to_json(p, -1);
  const std::string text(p.source_text());
  for (auto _ : state) benchmark::DoNotOptimize(qgov::parse_plan(s, text));
  state.counters["bytes"] = static_cast<double>(s.size() + text.size());
}

}  // namespace

BENCHMARK(evaluation_archive_save)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);
BENCHMARK(evaluation_archive_load)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);
BENCHMARK(evaluation_json_save)->Unit(benchmark::kMicrosecond);
BENCHMARK(evaluation_json_load)->Unit(benchmark::kMicrosecond);
BENCHMARK(plan_archive_load)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);
BENCHMARK(plan_json_load)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
