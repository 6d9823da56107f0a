// How every reader takes a file: regular files only, at most the reader's limit, one clear problem otherwise.
#include <qgov/io/input_file.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include <qgov/core/error.hpp>

using namespace qgov;
namespace fs = std::filesystem;

namespace {

// The single problem of a refused read, as "origin|message".
template <class F>
std::string refusal(F&& f) {
  try {
    f();
  } catch (const load_error& e) {
    REQUIRE(e.problems().size() == 1);
    return e.origin() + "|" + e.problems()[0].message;
  }
  return "";
}

struct temp_dir {
  fs::path path = fs::temp_directory_path() / ("qgov-input-file-" + std::to_string(::getpid()));
  temp_dir() { fs::create_directories(path); }
  ~temp_dir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("a regular file within the limit is read whole, byte for byte") {
  temp_dir d;
  const auto f = d.path / "plan.json";
  std::ofstream(f, std::ios::binary) << std::string("{\"a\":\r\n1}\0x", 11);
  CHECK(read_input_file(f, 11, "plan file") == std::string("{\"a\":\r\n1}\0x", 11));
  CHECK(refusal([&] { check_input_file(f, 11, "plan file"); }).empty());
}

TEST_CASE("one byte over the limit is refused before reading, naming the size, the limit and the kind of input") {
  temp_dir d;
  const auto f = d.path / "obs.csv";
  std::ofstream(f, std::ios::binary) << std::string(1025, 'x');
  CHECK(refusal([&] { check_input_file(f, 1024, "observations file"); }) ==
        f.string() + "|is 1025 bytes; an observations file may hold at most 1024 bytes");
  CHECK(refusal([&] { (void)read_input_file(f, std::uintmax_t{1} << 20, "plan file"); }).empty());
  CHECK(refusal([&] { check_input_file(f, 1000, "plan file"); }).find("may hold at most 1000 bytes") !=
        std::string::npos);
}

TEST_CASE("a missing path, an empty path, a directory and a device are each refused with what was expected") {
  temp_dir d;
  CHECK(refusal([&] { check_input_file(d.path / "none.json", 100, "plan file"); }) ==
        (d.path / "none.json").string() + "|does not exist; expected a plan file (a regular file)");
  CHECK(refusal([&] { check_input_file("", 100, "plan file"); }) == "|empty path; expected a plan file (a regular file)");
  CHECK(refusal([&] { check_input_file(d.path, 100, "scenario file"); }) ==
        d.path.string() + "|is a directory; expected a scenario file (a regular file)");
  if (fs::exists("/dev/zero"))
    CHECK(refusal([&] { (void)read_input_file("/dev/zero", 100, "progress batch"); }) ==
          "/dev/zero|is a character device (like /dev/zero); expected a progress batch (a regular file)");
}

TEST_CASE("a stream is read to its end, and refused beyond the limit with the limit in MiB where it is whole") {
  std::istringstream small("abc");
  CHECK(read_input_stream(small, 3, "plan file") == "abc");
  std::istringstream big(std::string((std::uintmax_t{1} << 20) + 1, 'x'));
  CHECK(refusal([&] { (void)read_input_stream(big, std::uintmax_t{1} << 20, "progress batch", "-"); }) ==
        "-|more than 1 MiB of input; a progress batch may hold at most 1 MiB");
  std::istringstream four("abcd");
  CHECK(refusal([&] { (void)read_input_stream(four, 3, "plan file"); }) ==
        "<stdin>|more than 3 bytes of input; a plan file may hold at most 3 bytes");
}

TEST_CASE("the stated limits: every reader's bound far above real files of its kind") {
  CHECK(input_limits::plan_json == 64u << 20);
  CHECK(input_limits::observations == 512u << 20);
  CHECK(input_limits::archive == std::uintmax_t{4} << 30);
  CHECK(input_limits::records == std::uintmax_t{1} << 40);
}
