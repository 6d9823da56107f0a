// Evaluating the whole Dongli plan: time per evaluation and how it grows with the number of observations.
// Synthetic monthly figures for every goal with a number or a trend (each level for 各级 goals), over N months.
#include <benchmark/benchmark.h>

#include <random>

#include <qgov/qgov.hpp>

namespace {

qgov::observation_ledger monthly_ledger(const qgov::plan& p, int months) {
  std::mt19937_64 rng(20251231);
  std::normal_distribution<double> noise(0.0, 0.01);
  std::vector<qgov::observation> out;
  const qgov::date start(2026 - (months + 11) / 12, 1, 1);  // so that the last month ends by the 2025 deadline
  for (const auto& g : p.goals()) {
    if (g.kind == qgov::goal_kind::qualitative) continue;
    const double target = g.target ? g.target->value : 100.0;
    std::vector<std::optional<qgov::level>> levels{std::nullopt};
    if (g.kind == qgov::goal_kind::all_levels) levels = {qgov::level::national, qgov::level::municipal, qgov::level::district};
    for (const auto& l : levels) {
      for (int m = 0; m < months; ++m) {
        const auto month_start = start + boost::gregorian::months(m);
        char text[8];
        std::snprintf(text, sizeof text, "%04d-%02d", static_cast<int>(month_start.year()), static_cast<int>(month_start.month()));
        qgov::observation o;
        o.goal = g.id;
        o.period = *qgov::period::parse(text);
        o.value = target * (0.8 + 0.2 * m / months) * (1 + noise(rng));
        o.level = l;
        o.reported_on = o.period.last_day() + boost::gregorian::days(15);
        o.source = "synthetic";
        out.push_back(std::move(o));
      }
    }
  }
  return qgov::observation_ledger(std::move(out));
}

void evaluate_plan(benchmark::State& state) {
  const auto& p = qgov::plans::dongli_2024();
  const auto ledger = monthly_ledger(p, static_cast<int>(state.range(0)));
  const qgov::date as_of(2025, 12, 31);
  for (auto _ : state) benchmark::DoNotOptimize(qgov::evaluate(p, ledger, as_of));
  state.counters["observations"] = static_cast<double>(ledger.size());
  state.counters["us_per_1k_obs"] = benchmark::Counter(static_cast<double>(ledger.size()) / 1000.0,
                                                        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(evaluate_plan)->Arg(12)->Arg(60)->Arg(240)->Arg(960)->Unit(benchmark::kMicrosecond);

// The same evaluation rendered as JSON, as `qgov evaluate --format json` does.
void evaluate_plan_to_json(benchmark::State& state) {
  const auto& p = qgov::plans::dongli_2024();
  const auto ledger = monthly_ledger(p, 60);
  const auto e = qgov::evaluate(p, ledger, qgov::date(2025, 12, 31));
  for (auto _ : state) benchmark::DoNotOptimize(qgov::to_json(e, p));
}
BENCHMARK(evaluate_plan_to_json)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
