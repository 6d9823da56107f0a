// libFuzzer target: the observation readers (CSV and JSON, docs/observations-format.md) against the embedded Dongli
// plan. The first byte picks the format (even: CSV, odd: JSON); the rest is the file. A refusal must be a
// qgov::load_error naming at least one problem; a ledger that loads must write back (CSV and JSON) and read back to
// the same observations, and evaluating the plan with it must run.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <qgov/core/error.hpp>
#include <qgov/eval/evaluation.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/plans/dongli_2024.hpp>

namespace {

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "\n=== observations_fuzz: %s ===\n", what);
  std::abort();
}

// The observations without their origin (it names the file and line they were read from, which differ).
bool same(const qgov::observation_ledger& a, const qgov::observation_ledger& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto x = a.all()[i], y = b.all()[i];
    x.origin.clear();
    y.origin.clear();
    if (!(x == y)) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const qgov::plan& p = qgov::plans::dongli_2024();
  const bool json = data[0] % 2 == 1;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  qgov::observation_ledger ledger;
  try {
    ledger = json ? qgov::parse_observations_json(text, p, "fuzz.json") : qgov::parse_observations_csv(text, p, "fuzz.csv");
  } catch (const qgov::load_error& e) {
    if (e.problems().empty()) fail("a load_error without a problem");
    return 0;
  } catch (const qgov::error&) {
    fail("an error other than load_error");
  }
  const auto csv = qgov::to_csv(ledger);
  if (!same(qgov::parse_observations_csv(csv, p, "again.csv"), ledger)) fail("CSV round trip differs");
  const auto js = qgov::to_json(ledger);
  if (!same(qgov::parse_observations_json(js, p, "again.json"), ledger)) fail("JSON round trip differs");
  if (!ledger.empty()) {
    const auto last = ledger.all().back().reported_on;
    const auto e = qgov::evaluate(p, ledger, last, last);
    if (e.goals.size() != p.goals().size()) fail("evaluation lost goals");
  }
  return 0;
}
