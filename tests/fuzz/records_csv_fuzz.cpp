// libFuzzer target: the inspection-record CSV reader on arbitrary bytes. It must return a table or throw
// qgov::load_error / qgov::error, never crash; a loaded table must write back and read back to the same rows,
// and every rate computation over it must run.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include <qgov/core/error.hpp>
#include <qgov/records/pass_rates.hpp>
#include <qgov/records/records_csv.hpp>
#include <qgov/records/rectification.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace qgov::records;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  load_options o;
  o.buffer_bytes = 4096;  // the smallest buffer: records cross buffer boundaries often
  o.max_record_bytes = 8192;
  record_table t;
  try {
    t = parse_records_csv(text, "fuzz.csv", o);
  } catch (const qgov::load_error& e) {
    if (e.problems().empty()) std::abort();  // a refusal names at least one problem
    return 0;
  } catch (const qgov::error&) {
    return 0;
  }
  std::ostringstream out;
  write_records_csv(t, out);
  const record_table again = parse_records_csv(out.str(), "rewritten.csv");  // must load: it was valid
  if (again.size() != t.size()) std::abort();
  for (std::size_t i = 0; i < t.size(); ++i)
    if (!(again.row(i) == t.row(i))) std::abort();
  for (const char* keys : {"programme,level,region,category,month", "quarter", "year", ""}) {
    const auto r = pass_rates(t, parse_group_by(keys));
    if (r.rows_counted != t.size()) std::abort();
  }
  if (!t.empty()) (void)rectification(t, to_date(t.date_range()->second));
  return 0;
}
