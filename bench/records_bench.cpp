// Benchmark driver for inspection records (bench/records_run.sh runs it beside pandas, NumPy, memcpy and wc -l).
//   qgov_bench_records e2e FILE [REPS]   CSV file → pass rates by programme,level,region,quarter: median time of REPS
//                                        runs (all cores, one thread, no duplicate-id check) and peak memory
//   qgov_bench_records agg FILE   the aggregation alone on the loaded table (1 and 2 threads) against memcpy
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <sys/resource.h>

#include <qgov/records/pass_rates.hpp>
#include <qgov/records/records_csv.hpp>

using namespace qgov::records;
using clock_type = std::chrono::steady_clock;

namespace {

double seconds_since(clock_type::time_point t0) {
  return std::chrono::duration<double>(clock_type::now() - t0).count();
}
long max_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

template <class F>
double best_of(int n, F&& f) {
  double best = 1e300;
  for (int i = 0; i < n; ++i) {
    const auto t0 = clock_type::now();
    f();
    best = std::min(best, seconds_since(t0));
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s e2e|agg FILE\n", argv[0]);
    return 2;
  }
  const std::string mode = argv[1], file = argv[2];
  const group_by keys = parse_group_by("programme,level,region,quarter");
  if (mode == "e2e") {
    // REPS runs of each variant, medians printed; peak memory is taken after the first (default) run
    const int reps = argc > 3 ? std::atoi(argv[3]) : 5;
    const long rss0 = max_rss_kib();
    auto median = [](std::vector<double> v) {
      std::sort(v.begin(), v.end());
      return v[v.size() / 2];
    };
    struct variant {
      const char* name;
      load_options o;
    };
    load_options one_thread, no_id_check;
    one_thread.threads = 1;
    no_id_check.check_unique_ids = false;
    const variant variants[] = {{"e2e", {}}, {"e2e_1thread", one_thread}, {"e2e_no_id_check", no_id_check}};
    for (const variant& v : variants) {
      std::vector<double> load, total;
      for (int i = 0; i < reps; ++i) {
        const auto t0 = clock_type::now();
        load_report rep;
        const record_table t = load_records(file, v.o, &rep);
        load.push_back(seconds_since(t0));
        const rate_table r = pass_rates(t, keys);
        total.push_back(seconds_since(t0));
        if (i == 0 && v.name == variants[0].name) {
          std::printf("e2e_rows %zu\ne2e_bytes %zu\ne2e_groups %zu\n", t.size(), rep.bytes_read, r.cells.size());
          std::printf("table_bytes %zu\nrss_before_kib %ld\nmax_rss_kib %ld\n", t.bytes(), rss0, max_rss_kib());
        }
      }
      std::printf("%s_load_s %.4f\n%s_total_s %.4f\n%s_all", v.name, median(load), v.name, median(total), v.name);
      for (std::size_t i = 0; i < total.size(); ++i) std::printf("%s%.3f", i == 0 ? " " : ",", total[i]);
      std::printf("\n");
    }
    return 0;
  }
  if (mode == "agg") {
    load_options o;
    o.check_unique_ids = false;  // setup only
    const record_table t = load_records(file, o);
    const std::size_t n = t.size();
    rate_options one, two;
    two.threads = 2;
    std::size_t groups = 0;
    const double agg1 = best_of(7, [&] { groups = pass_rates(t, keys, one).cells.size(); });
    const double agg2 = best_of(7, [&] { groups = pass_rates(t, keys, two).cells.size(); });
    // memcpy of the bytes the aggregation reads: programme, level, region, sampled_on, outcome (9 bytes a row)
    std::vector<std::uint8_t> a(n), b(n), c(n);
    std::vector<std::uint16_t> d(n);
    std::vector<std::int32_t> e(n);
    const double copy = best_of(7, [&] {
      std::memcpy(a.data(), t.programme_column().data(), n);
      std::memcpy(b.data(), t.level_column().data(), n);
      std::memcpy(c.data(), t.outcome_column().data(), n);
      std::memcpy(d.data(), t.region_column().data(), 2 * n);
      std::memcpy(e.data(), t.sampled_on_column().data(), 4 * n);
    });
    volatile std::uint8_t sink = a[n / 2] ^ b[n / 3] ^ c[n / 5] ^ static_cast<std::uint8_t>(d[n / 7] ^ e[n / 11]);
    (void)sink;
    std::printf("agg_rows %zu\nagg_groups %zu\nagg_1thread_s %.5f\nagg_2threads_s %.5f\nmemcpy_s %.5f\n", n, groups, agg1,
                agg2, copy);
    return 0;
  }
  std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
  return 2;
}
