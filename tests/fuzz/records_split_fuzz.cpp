// libFuzzer target: the parallel record reader against the single pass. The first three bytes choose the split size
// (1 to 65 536 bytes), the number of threads (1 to 3) and whether rejects mode is on; the rest is the file.
// parse_records_csv (pieces in parallel) and read_records_csv on a stream (one pass) must agree exactly: the same
// table with the same dictionaries, or the same problems word for word, or the same error; in rejects mode the same
// rejects file too. Anything else aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <unistd.h>

#include <qgov/core/error.hpp>
#include <qgov/records/records_csv.hpp>

namespace {

using namespace qgov::records;

struct outcome_of {
  std::variant<record_table, std::vector<qgov::problem>, std::string> result;
  std::string rejects;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

template <class F>
outcome_of run(F&& f, const load_options& o) {
  outcome_of r;
  try {
    r.result = f();
  } catch (const qgov::load_error& e) {
    r.result = e.problems();
  } catch (const qgov::error& e) {
    r.result = std::string(e.what());
  }
  if (o.keep_good_rows) r.rejects = slurp(o.rejects_path);
  return r;
}

bool same(const record_table& a, const record_table& b) {
  if (a.size() != b.size() || a.date_range() != b.date_range()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a.row(i) == b.row(i))) return false;
  return a.regions().names() == b.regions().names() && a.categories().names() == b.categories().names() &&
         a.enterprises().names() == b.enterprises().names() && a.region_column() == b.region_column() &&
         a.category_column() == b.category_column() && a.enterprise_column() == b.enterprise_column();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  const std::string text(reinterpret_cast<const char*>(data) + 3, size - 3);
  load_options o;
  o.split_bytes = 1 + (data[0] | (std::size_t{data[1]} << 8));
  o.threads = 1 + data[2] % 3;
  o.buffer_bytes = 4096;
  o.max_record_bytes = 8192;
  if (data[2] & 0x80) {
    o.keep_good_rows = true;
    o.rejects_path = "/tmp/qgov-split-fuzz-rejects-" + std::to_string(::getpid()) + ".csv";
  }
  const outcome_of parallel = run([&] { return parse_records_csv(text, "fuzz.csv", o); }, o);
  const outcome_of single = run(
      [&] {
        std::istringstream in(text);
        return read_records_csv(in, "fuzz.csv", o);
      },
      o);
  if (parallel.result.index() != single.result.index()) std::abort();
  if (const auto* t = std::get_if<record_table>(&parallel.result)) {
    if (!same(*t, std::get<record_table>(single.result))) std::abort();
  } else if (const auto* p = std::get_if<std::vector<qgov::problem>>(&parallel.result)) {
    const auto& q = std::get<std::vector<qgov::problem>>(single.result);
    if (p->size() != q.size()) std::abort();
    for (std::size_t i = 0; i < p->size(); ++i)
      if ((*p)[i].where != q[i].where || (*p)[i].message != q[i].message) std::abort();
  } else if (std::get<std::string>(parallel.result) != std::get<std::string>(single.result)) {
    std::abort();
  }
  if (parallel.rejects != single.rejects) std::abort();
  return 0;
}
