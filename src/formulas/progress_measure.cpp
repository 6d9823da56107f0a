// The progress measure's batch on several threads (the method itself is header-only: qgov/formulas/progress_measure.hpp).
#include <qgov/formulas/progress_measure.hpp>

#include <algorithm>
#include <thread>
#include <vector>

namespace qgov::inline QGOV_ABI::formulas {

void progress_measure_batch(std::span<const double> years, std::span<const double> values,
                            std::span<const std::size_t> offsets, std::span<const progress_config> configs,
                            std::span<progress_result> out, unsigned threads) noexcept {
  const std::size_t n = out.size();
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  constexpr std::size_t min_block = 4096;  // below this a thread's start costs more than its share saves
  threads = static_cast<unsigned>(std::clamp<std::size_t>(n / min_block, 1, threads));
  const bool shared = configs.size() == 1;
  if (threads == 1 || offsets.size() != n + 1 || (!shared && configs.size() != n)) {
    progress_measure_batch(years, values, offsets, configs, out);  // one thread; a bad layout is reported there
    return;
  }
  auto block = [&](unsigned i) noexcept {
    const std::size_t b = n * i / threads, e = n * (i + 1) / threads;
    progress_measure_batch(years, values, offsets.subspan(b, e - b + 1), shared ? configs : configs.subspan(b, e - b),
                           out.subspan(b, e - b));
  };
  std::vector<std::thread> pool;
  unsigned started = 1;  // blocks 1 … started-1 run on their own threads, block 0 and the rest here
  try {
    pool.reserve(threads - 1);
    for (; started < threads; ++started) pool.emplace_back(block, started);
  } catch (...) {  // std::system_error (no thread) or std::bad_alloc: this thread does the rest
  }
  block(0);
  for (unsigned i = started; i < threads; ++i) block(i);
  for (std::thread& t : pool) t.join();
}

}  // namespace qgov::formulas
