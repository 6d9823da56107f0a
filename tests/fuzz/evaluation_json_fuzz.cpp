// libFuzzer target: the evaluation JSON reader (qgov::parse_evaluation_json, docs/schema/evaluation.schema.json).
// A refusal must be a qgov::load_error naming at least one problem. An evaluation that loads, of goals and units the
// embedded Dongli plan has, must write back with that plan and read back equal.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <qgov/core/error.hpp>
#include <qgov/io/evaluation_json.hpp>
#include <qgov/plans/dongli_2024.hpp>

namespace {
[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "\n=== evaluation_json_fuzz: %s ===\n", what);
  std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  qgov::evaluation e;
  try {
    e = qgov::parse_evaluation_json(text, "fuzz.json");
  } catch (const qgov::load_error& err) {
    if (err.problems().empty()) fail("a load_error without a problem");
    return 0;
  } catch (const qgov::error&) {
    fail("an error other than load_error");
  }
  const qgov::plan& p = qgov::plans::dongli_2024();
  if (e.plan != p.id()) return 0;
  for (const auto& g : e.goals)
    if (!p.find_goal(g.goal)) return 0;
  for (const auto& b : e.bureaus)
    if (!p.find_unit(b.unit)) return 0;
  std::string out;
  try {
    out = qgov::to_json(e, p);
  } catch (const qgov::error&) {
    return 0;  // a value the writer refuses (documented: it writes what an evaluation can hold)
  }
  qgov::evaluation again;
  try {
    again = qgov::parse_evaluation_json(out, "again.json");
  } catch (const qgov::load_error&) {
    fail("to_json wrote an evaluation its reader refuses");
  }
  if (!(again == e)) fail("the evaluation does not read back equal");
  return 0;
}
