// qgov/io/input_file.hpp — how every reader takes a file: regular files only, each reader with a stated size limit.
#pragma once

#include <qgov/version.hpp>

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>

namespace qgov::inline QGOV_ABI {

/// The largest input each reader accepts, in bytes (docs/errors.md lists them). A file beyond its limit is refused
/// before it is read, with one message naming the limit; these are far above any real file of the kind.
namespace input_limits {
inline constexpr std::uintmax_t plan_json = std::uintmax_t{64} << 20;      ///< plan files (JSON)
inline constexpr std::uintmax_t source_text = std::uintmax_t{64} << 20;    ///< a plan's source text
inline constexpr std::uintmax_t observations = std::uintmax_t{512} << 20;  ///< observation CSV / JSON
inline constexpr std::uintmax_t evaluation = std::uintmax_t{512} << 20;    ///< evaluation JSON
inline constexpr std::uintmax_t scenario = std::uintmax_t{64} << 20;       ///< scenario files
inline constexpr std::uintmax_t progress_batch = std::uintmax_t{1} << 30;  ///< progress-measure batches
inline constexpr std::uintmax_t supervision = std::uintmax_t{1} << 30;     ///< directories, rosters, calendars, results
inline constexpr std::uintmax_t industry_output = std::uintmax_t{256} << 20;  ///< industry-output CSV
inline constexpr std::uintmax_t extract_text = std::uintmax_t{64} << 20;   ///< a plan text given to the extractor
inline constexpr std::uintmax_t archive = std::uintmax_t{4} << 30;         ///< qgov archives
/// Record CSVs stream through a fixed buffer, never held whole: the bound that matters is the table they fill.
inline constexpr std::uintmax_t records = std::uintmax_t{1} << 40;
}  // namespace input_limits

/// Checks that `path` names something a reader can read whole: it exists, is a regular file (not a directory, FIFO,
/// socket or device such as /dev/zero), and holds at most `limit` bytes. Throws `load_error` with `path` as origin
/// and one problem saying which of these fails; `what` names the input ("plan file", "observations file").
void check_input_file(const std::filesystem::path& path, std::uintmax_t limit, std::string_view what);

/// The bytes of `path` after `check_input_file`; a read error is a `load_error` too.
[[nodiscard]] std::string read_input_file(const std::filesystem::path& path, std::uintmax_t limit,
                                          std::string_view what);

/// Reads `in` (standard input for `-`) to its end, refusing (load_error, origin `origin`) beyond `limit` bytes.
[[nodiscard]] std::string read_input_stream(std::istream& in, std::uintmax_t limit, std::string_view what,
                                            const std::string& origin = "<stdin>");

}  // namespace qgov
