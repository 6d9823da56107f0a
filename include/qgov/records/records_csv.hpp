// qgov/records/records_csv.hpp — the inspection-record CSV (docs/records.md): streamed in, every bad row reported.
#pragma once

#include <qgov/version.hpp>

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

#include <qgov/records/record_table.hpp>

namespace qgov::inline QGOV_ABI::records {

/// The header line every record file starts with.
inline constexpr std::string_view records_csv_header =
    "record_id,programme,level,sampled_on,region,category,enterprise_id,outcome,ordered_on,rectified_on,"
    "reinspected_on,reinspection_outcome";

/// How a record file is read.
struct load_options {
  /// Default (false): any bad row refuses the whole load (qgov::load_error with every problem). True: the good rows
  /// load, and each rejected row is written with its reasons to `rejects_path` (required then).
  bool keep_good_rows = false;
  std::string rejects_path;
  /// Problems listed in a load_error before the rest are only counted (the count is always given).
  std::size_t max_listed_problems = 100;
  /// Read buffer (the file is never held whole); a single record may grow it up to `max_record_bytes`.
  std::size_t buffer_bytes = std::size_t{1} << 20;
  std::size_t max_record_bytes = std::size_t{1} << 20;
  /// Check that record ids are unique (sorts 8-byte hashes of the ids after the load; exact on a hash collision).
  bool check_unique_ids = true;
  /// Called now and then with (bytes read, total bytes or 0 when unknown); the CLI draws a bar with it.
  std::function<void(std::size_t, std::size_t)> progress;
  /// Threads that parse a file or a text in memory, in pieces of `split_bytes` (0: one per core). Streams are read
  /// by one thread. Files with any problem are read again by one thread, so messages and rejects do not depend on it.
  unsigned threads = 0;
  /// Size of the pieces parsed in parallel (tests make it tiny to put records astride every split).
  std::size_t split_bytes = std::size_t{4} << 20;
};

/// What a load produced besides the table.
struct load_report {
  std::size_t rows_loaded = 0;
  std::size_t rows_rejected = 0;  ///< only with keep_good_rows
  std::size_t bytes_read = 0;
};

/// Reads a record file. Throws qgov::load_error (origin = the path) listing every problem at line:column, or
/// qgov::error when the file cannot be read. On error nothing is returned: the caller's table is untouched.
[[nodiscard]] record_table load_records(const std::string& path, const load_options& options = {},
                                        load_report* report = nullptr);
/// The same, from text in memory (`origin` names it in messages).
[[nodiscard]] record_table parse_records_csv(std::string_view text, const std::string& origin = "<string>",
                                             const load_options& options = {}, load_report* report = nullptr);
/// The same, from a stream (standard input, say).
[[nodiscard]] record_table read_records_csv(std::istream& in, const std::string& origin,
                                            const load_options& options = {}, load_report* report = nullptr);

/// Writes the table in the record CSV format (reads back to an equal table).
void write_records_csv(const record_table& table, std::ostream& out);

}  // namespace qgov::records
