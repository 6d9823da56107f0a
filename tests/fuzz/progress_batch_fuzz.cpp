// libFuzzer target: the progress-measure batch reader (`qgov progress --batch`, qgov/io/progress_json.hpp). A refusal
// must be a qgov::load_error naming at least one problem; a batch that is read must give a JSON array with one
// result per series, each with a status.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include <qgov/core/error.hpp>
#include <qgov/io/progress_json.hpp>

namespace {
[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "\n=== progress_batch_fuzz: %s ===\n", what);
  std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string out;
  try {
    out = qgov::progress_batch_json(text, "fuzz.json");
  } catch (const qgov::load_error& e) {
    if (e.problems().empty()) fail("a load_error without a problem");
    return 0;
  } catch (const qgov::error&) {
    fail("an error other than load_error");
  }
  const auto in = nlohmann::json::parse(text, nullptr, false);
  const auto res = nlohmann::json::parse(out, nullptr, false);
  if (res.is_discarded() || !res.is_array()) fail("the output is not a JSON array");
  if (!in.is_discarded() && in.is_array() && in.size() != res.size()) fail("not one result per series");
  for (const auto& r : res)
    if (!r.is_object() || !r.contains("status") || !r["status"].is_string()) fail("a result without a status");
  return 0;
}
