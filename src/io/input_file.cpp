// Whole-file input for the readers: one clear refusal for a missing path, a directory, a special file or a file
// beyond the reader's limit, instead of "invalid JSON", span errors by the hundred, or an endless read of /dev/zero.
#include <qgov/io/input_file.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>
#include <system_error>

#include <qgov/core/error.hpp>

namespace qgov::inline QGOV_ABI {
namespace {

std::string size_text(std::uintmax_t bytes) {
  if (bytes >= (std::uintmax_t{1} << 30) && bytes % (std::uintmax_t{1} << 30) == 0)
    return std::to_string(bytes >> 30) + " GiB";
  if (bytes >= (std::uintmax_t{1} << 20) && bytes % (std::uintmax_t{1} << 20) == 0)
    return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

// "a plan file", "an observations file"
std::string a(std::string_view what) {
  const bool vowel = !what.empty() && std::string_view("aeiouAEIOU").find(what.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(what);
}

[[noreturn]] void refuse(const std::filesystem::path& path, std::string message) {
  throw load_error(path.string(), {{"", std::move(message)}});
}

}  // namespace

void check_input_file(const std::filesystem::path& path, std::uintmax_t limit, std::string_view what) {
  namespace fs = std::filesystem;
  const std::string expected = "; expected " + a(what) + " (a regular file)";
  if (path.empty()) refuse(path, "empty path" + expected);
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);  // follows symbolic links: a link to a file is a file
  if (ec || !fs::exists(st)) {
    if (ec && ec != std::errc::no_such_file_or_directory) refuse(path, "cannot be read (" + ec.message() + ")" + expected);
    refuse(path, "does not exist" + expected);
  }
  switch (st.type()) {
    case fs::file_type::regular: break;
    case fs::file_type::directory: refuse(path, "is a directory" + expected);
    case fs::file_type::fifo: refuse(path, "is a FIFO (named pipe)" + expected + "; pipe data through standard input (-) where the command takes it");
    case fs::file_type::socket: refuse(path, "is a socket" + expected);
    case fs::file_type::character: refuse(path, "is a character device (like /dev/zero)" + expected);
    case fs::file_type::block: refuse(path, "is a block device" + expected);
    default: refuse(path, "is not a regular file" + expected);
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) refuse(path, "cannot be read (its size: " + ec.message() + ")");
  if (size > limit)
    refuse(path, "is " + std::to_string(size) + " bytes; " + a(what) + " may hold at most " +
                     size_text(limit));
}

std::string read_input_file(const std::filesystem::path& path, std::uintmax_t limit, std::string_view what) {
  check_input_file(path, limit, what);
  std::ifstream in(path, std::ios::binary);
  if (!in) refuse(path, "cannot be opened (" + std::string(std::strerror(errno)) + ")");
  std::string out = read_input_stream(in, limit, what, path.string());
  return out;
}

std::string read_input_stream(std::istream& in, std::uintmax_t limit, std::string_view what,
                              const std::string& origin) {
  std::string out;
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    if (out.size() + got > limit)
      throw load_error(origin, {{"", "more than " + size_text(limit) + " of input; " + a(what) +
                                         " may hold at most " + size_text(limit)}});
    out.append(buf, got);
  }
  if (in.bad()) throw load_error(origin, {{"", "read error: " + std::string(std::strerror(errno))}});
  return out;
}

}  // namespace qgov
