// What the plan layer costs a host: loading (the embedded plan's first use, a plan file from disk) and queries,
// each next to the plain alternative a host would write by hand over the same data.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <qgov/qgov.hpp>

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string plan_json = read(QGOV_SOURCE_DIR "/data/plans/dongli-2024.json");
const std::string source = read(QGOV_SOURCE_DIR "/data/sources/dongli-2024.txt");

// The full load: JSON parse, structural checks, every span and quote against the text, SHA-256 of the text.
void parse_and_validate(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(qgov::parse_plan(plan_json, source));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * (plan_json.size() + source.size())));
}
BENCHMARK(parse_and_validate)->Unit(benchmark::kMillisecond);

// Only validation, on already-parsed data: what checking every span against the text costs.
void validate_only(benchmark::State& state) {
  const qgov::plan_data d = qgov::plans::dongli_2024().data();
  for (auto _ : state) benchmark::DoNotOptimize(qgov::plan::validate(d));
}
BENCHMARK(validate_only)->Unit(benchmark::kMicrosecond);

// Only the digest of the 38 KB source text.
void sha256_source(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(qgov::sha256_hex(source));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * source.size()));
}
BENCHMARK(sha256_source)->Unit(benchmark::kMicrosecond);

// Query: every unit's clauses with roles, through the range-v3 view...
void clauses_of_all_units_view(benchmark::State& state) {
  const qgov::plan& p = qgov::plans::dongli_2024();
  for (auto _ : state) {
    std::size_t n = 0;
    for (const auto& u : p.units())
      for (const auto& a : p.clauses_of(u.id)) n += static_cast<std::size_t>(a.clause.value);
    benchmark::DoNotOptimize(n);
  }
}
BENCHMARK(clauses_of_all_units_view)->Unit(benchmark::kMicrosecond);

// ...and the same result from a hand-written nested loop over the lists.
void clauses_of_all_units_loop(benchmark::State& state) {
  const qgov::plan& p = qgov::plans::dongli_2024();
  for (auto _ : state) {
    std::size_t n = 0;
    for (const auto& u : p.units())
      for (const auto& l : p.matrix())
        for (const auto& c : l.cells)
          if (c.unit == u.id) n += static_cast<std::size_t>(l.clause.value);
    benchmark::DoNotOptimize(n);
  }
}
BENCHMARK(clauses_of_all_units_loop)->Unit(benchmark::kMicrosecond);

// Query: goals each unit answers for.
void goals_of_all_units(benchmark::State& state) {
  const qgov::plan& p = qgov::plans::dongli_2024();
  for (auto _ : state) {
    std::size_t n = 0;
    for (const auto& u : p.units())
      for (const auto& g : p.goals_of(u.id)) n += g.clauses.size();
    benchmark::DoNotOptimize(n);
  }
}
BENCHMARK(goals_of_all_units)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
