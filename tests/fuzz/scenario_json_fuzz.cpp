// libFuzzer target: the scenario-file reader (docs/scenarios.md). Paths in the file resolve against a directory that
// does not exist, so a fuzzed path reads nothing real except absolute ones, which meet the readers' file checks
// (/dev/zero and directories are refused, not read). A refusal must be a qgov::load_error naming at least one
// problem; a file that loads must have at least one scenario, each expecting at least one thing, and must run.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <qgov/core/error.hpp>
#include <qgov/scenario/scenario.hpp>

namespace {
[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "\n=== scenario_json_fuzz: %s ===\n", what);
  std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  qgov::scenario_file f;
  try {
    f = qgov::parse_scenario_file(text, "/nonexistent-qgov-fuzz-base", "fuzz.json");
  } catch (const qgov::load_error& e) {
    if (e.problems().empty()) fail("a load_error without a problem");
    return 0;
  } catch (const qgov::error&) {
    fail("an error other than load_error");
  }
  if (f.scenarios.empty()) fail("a scenario file loaded with no scenarios");
  for (const auto& s : f.scenarios) {
    if (s.goals.empty() && s.bureaus.empty()) fail("a scenario loaded that expects nothing");
    const auto r = qgov::run_scenario(s);
    if (r.checks == 0) fail("a scenario ran no check");
    if (r.passed() != r.report.empty()) fail("a report on a pass, or none on a failure");
  }
  return 0;
}
