// CSV as Excel saves it on Chinese Windows: GB18030 (GBK) or UTF-8 with a BOM, CRLF, blank rows of commas, a 合计
// row — read to the same ledger as the UTF-8 file, or refused with what to do.
#include <qgov/io/observation_files.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iconv.h>

#include <qgov/core/error.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/plans/dongli_2024.hpp>

using namespace qgov;
namespace fs = std::filesystem;

namespace {

const plan& dongli() { return plans::dongli_2024(); }

std::string crlf(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(utf8.data());
  std::size_t left = utf8.size(), room = out.size();
  char* dst = out.data();
  REQUIRE(iconv(cd, &src, &left, &dst, &room) != static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - room);
  return out;
}

struct temp_file {
  fs::path path;
  temp_file(const std::string& name, const std::string& bytes) {
    path = fs::temp_directory_path() / ("qgov-encoding-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~temp_file() {
    std::error_code ec;
    fs::remove(path, ec);
  }
};

// The ledger without the origins (which name the file and line).
std::vector<observation> figures(const observation_ledger& l) {
  auto all = l.all();
  for (auto& o : all) o.origin.clear();
  return all;
}

const std::string sample(plans::dongli_2024_sample_csv());

}  // namespace

TEST_CASE("a GB18030 CSV with CRLF and blank rows of commas loads to the same ledger as the UTF-8 sample") {
  const std::string gb = to_gb18030(crlf(sample) + ",,,,,,,\r\n,,,,,,,\r\n");
  CHECK(gb != crlf(sample));  // the sample has Chinese in its sources: the bytes differ
  temp_file f("gb18030.csv", gb);
  const auto expected = figures(parse_observations_csv(sample, dongli()));
  CHECK(expected.size() == 78);
  CHECK(figures(load_observations(f.path, dongli())) == expected);
  const auto loaded = load_observation_files({f.path}, dongli());
  CHECK(figures(loaded.ledger) == expected);
  REQUIRE(loaded.notes.size() == 1);
  CHECK(loaded.notes[0].find("read as GB18030") != std::string::npos);
  CHECK(loaded.notes[0].find(f.path.string()) == 0);
  // the converted text keeps its Chinese
  bool found = false;
  for (const auto& o : loaded.ledger.all()) found = found || o.source.find("天津市科技局") != std::string::npos;
  CHECK(found);
}

TEST_CASE("a UTF-8 CSV with a byte-order mark and CRLF loads to the same ledger, without a note") {
  temp_file f("bom.csv", "\xEF\xBB\xBF" + crlf(sample));
  const auto expected = figures(parse_observations_csv(sample, dongli()));
  CHECK(figures(load_observations(f.path, dongli())) == expected);
  const auto loaded = load_observation_files({f.path}, dongli());
  CHECK(figures(loaded.ledger) == expected);
  CHECK(loaded.notes.empty());
}

TEST_CASE("UTF-16 (Excel's Unicode Text) is refused with what to save instead") {
  temp_file f("utf16.csv", std::string("\xFF\xFEg\0o\0a\0l\0", 10));
  try {
    (void)load_observations(f.path, dongli());
    FAIL("loaded");
  } catch (const load_error& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].message.find("UTF-16") != std::string::npos);
    CHECK(e.problems()[0].message.find("CSV UTF-8") != std::string::npos);
  }
}

TEST_CASE("a 合计 row is refused at its line, saying to delete it") {
  const std::string text = "goal,period,value,numerator,denominator,level,reported_on,source\n"
                           "rd_expenditure_share,2023,3.52,,,,2024-09-30,x\n"
                           "合计,,3.52,,,,,\n";
  try {
    (void)parse_observations_csv(text, dongli(), "t.csv");
    FAIL("loaded");
  } catch (const load_error& e) {
    bool total = false;
    for (const auto& p : e.problems())
      total = total || (p.where == "3:1" && p.message.find("total row") != std::string::npos &&
                        p.message.find("delete the row") != std::string::npos);
    CHECK(total);
  }
}

TEST_CASE("a row of empty fields counts as a blank line: fine at the end, refused before a row") {
  const std::string head = "goal,period,value,numerator,denominator,level,reported_on,source\n";
  const std::string row = "rd_expenditure_share,2023,3.52,,,,2024-09-30,x\n";
  CHECK(parse_observations_csv(head + row + ",,,,,,,\n,,,,,,,\n", dongli()).size() == 1);
  try {
    (void)parse_observations_csv(head + ",,,,,,,\n" + row, dongli(), "t.csv");
    FAIL("loaded");
  } catch (const load_error& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].where == "2:1");
    CHECK(e.problems()[0].message == "blank line");
  }
}

TEST_CASE("bytes that are neither UTF-8 nor GB18030 are reported at their line, as before") {
  const std::string text = "goal,period,value,numerator,denominator,level,reported_on,source\n"
                           "rd_expenditure_share,2023,3.52,,,,2024-09-30,\x80\xFF\n";
  temp_file f("latin.csv", text);
  try {
    (void)load_observations(f.path, dongli());
    FAIL("loaded");
  } catch (const load_error& e) {
    REQUIRE(!e.problems().empty());
    CHECK(e.problems()[0].where == "2:8");
    CHECK(e.problems()[0].message.find("not valid UTF-8") != std::string::npos);
  }
}
