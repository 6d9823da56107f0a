// The parallel record reader (src/records/records_csv.cpp, read_parallel): the input is cut every `split_bytes` and
// the pieces parsed apart. Whatever the split size and the number of threads, the table, the problems and the rejects
// must be those of the single-pass reader (read_records_csv on a stream). Every split size from 1 byte up is tried, so
// a quoted line break, a multi-byte character, a "" escape and a CRLF each fall astride a split many times over.
#include <qgov/records/records_csv.hpp>

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <qgov/core/error.hpp>
#include <qgov/records/generator.hpp>

using namespace qgov;
using namespace qgov::records;

namespace {

const std::string header = std::string(records_csv_header) + "\r\n";

// Quoted line breaks (also "\r\n" inside quotes), multi-byte names, escapes, CRLF and LF line ends, failure columns,
// a UTF-8 byte-order mark, and a last record without a line end.
const std::string tricky = "\xEF\xBB\xBF" + header +
    "R01,food_evaluative,district,2025-01-10,\"华明\n街道\",糕点,E1,pass,,,,\r\n"
    "R02,food_evaluative,municipal,2025-02-10,华明街道,\"say \"\"糕点\"\"\",E2,fail,2025-02-15,2025-03-01,2025-03-20,pass\n"
    "R03,agri_monitoring,district,2025-05-05,\"金钟,街道\",\"蔬\r\n菜\",\"E\n3\",pass,,,,\r\n"
    "R04,product_supervisory,national,2025-03-03,金钟街道,C13,企业四,fail,2025-03-10,,,\n"
    "R05,product_supervisory,district,2025-03-03,\"\n\",\"\"\"\",E5,pass,,,,\r\n"
    "R06,food_supervisory,区,2025-06-01,东丽湖街道,乳制品,E6,pass,,,,\n"
    "R07,food_evaluative,district,2025-01-10,华明街道,糕点,E1,pass,,,,";

// The single pass: a stream is always read by one thread, through the small buffer.
record_table single_pass(const std::string& text, load_options o = {}) {
  std::istringstream in(text);
  o.buffer_bytes = 4096;
  return read_records_csv(in, "t.csv", o);
}

std::vector<problem> problems_or_none(const std::string& text, const load_options& o, bool stream) {
  try {
    if (stream) (void)single_pass(text, o);
    else (void)parse_records_csv(text, "t.csv", o);
  } catch (const load_error& e) {
    return e.problems();
  }
  return {};
}

bool same_table(const record_table& a, const record_table& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a.row(i) == b.row(i))) return false;
  // the dictionaries too: codes in order of first appearance, as one pass assigns them
  return a.regions().names() == b.regions().names() && a.categories().names() == b.categories().names() &&
         a.enterprises().names() == b.enterprises().names() && a.region_column() == b.region_column() &&
         a.enterprise_column() == b.enterprise_column() && a.date_range() == b.date_range();
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("every split size, on one and on three threads, gives the single pass's table") {
  const record_table want = single_pass(tricky);
  REQUIRE(want.size() == 7);
  CHECK(want.row(0).region == "华明\n街道");
  CHECK(want.row(2).category == "蔬\r\n菜");
  CHECK(want.row(4).category == "\"");
  CHECK(want.row(6).id == "R07");
  std::size_t checked = 0;
  for (unsigned threads : {1u, 3u})
    for (std::size_t split = 1; split <= tricky.size() + 1; ++split) {
      load_options o;
      o.threads = threads;
      o.split_bytes = split;
      load_report rep;
      const record_table got = parse_records_csv(tricky, "t.csv", o, &rep);
      INFO("split " << split << ", threads " << threads);
      CHECK(same_table(got, want));
      CHECK(rep.rows_loaded == 7);
      CHECK(rep.bytes_read == tricky.size());
      ++checked;
    }
  CHECK(checked == 2 * (tricky.size() + 1));
}

TEST_CASE("problems found across splits are the single pass's, word for word") {
  // a bad date after a quoted line break (its line number counts the break), a quote inside an unquoted field,
  // a blank line, a duplicate id, a wrong field count and a final unterminated quote
  const std::string bad = header +
      "R1,food_evaluative,district,2025-01-10,\"华明\n街道\",糕点,E1,pass,,,,\n"
      "R2,food_evaluative,district,2025-02-30,华明街道,糕点,E1,pass,,,,\r\n"
      "R3,food_evaluative,district,2025-02-03,华明\"街道,糕点,E1,pass,,,,\n"
      "\n"
      "R1,food_evaluative,district,2025-02-04,华明街道,糕点,E1,pass,,,,\n"
      "R5,food_evaluative\n"
      "R6,food_evaluative,district,2025-02-03,\"华明街道,糕点\n";
  const auto want = problems_or_none(bad, {}, true);
  REQUIRE(want.size() == 6);
  CHECK(want[0].where == "4:4");
  for (std::size_t split = 1; split <= bad.size() + 1; split += 3) {
    load_options o;
    o.threads = 2;
    o.split_bytes = split;
    const auto got = problems_or_none(bad, o, false);
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].where == want[i].where);
      CHECK(got[i].message == want[i].message);
    }
  }
}

TEST_CASE("rejects mode across splits writes the single pass's rejects file and keeps the same rows") {
  const std::string text = header +
      "R1,food_evaluative,district,2025-02-03,\"华明\n街道\",糕点,E1,pass,,,,\n"
      "R2,food_evaluative,district,2025-02-30,华明街道,糕点,E1,pass,,,,\n"
      "R1,food_evaluative,district,2025-02-04,华明街道,糕点,E1,pass,,,,\n"
      "R3,food_evaluative,district,2025-02-04,华明街道,糕点,E1,fail,,,,\n";
  const std::string path = "records_split_rejects.csv";
  load_options o;
  o.keep_good_rows = true;
  o.rejects_path = path;
  const record_table want = single_pass(text, o);
  const std::string want_rejects = slurp(path);
  CHECK(want.size() == 2);
  CHECK(want_rejects.find("duplicate") != std::string::npos);
  for (std::size_t split : {1, 7, 64, 100, 1000}) {
    o.split_bytes = split;
    o.threads = 2;
    load_report rep;
    const record_table got = parse_records_csv(text, "t.csv", o, &rep);
    CHECK(same_table(got, want));
    CHECK(rep.rows_rejected == 2);
    CHECK(slurp(path) == want_rejects);
  }
  // a clean file in rejects mode: the parallel reader writes the rejects file's header and nothing else
  o.split_bytes = 50;
  (void)parse_records_csv(tricky, "t.csv", o);
  CHECK(slurp(path) == "line,problems,record\n");
  std::remove(path.c_str());
}

TEST_CASE("a file read in parallel pieces through pread equals the single pass; ids in no order are still checked") {
  for (const bool scrambled : {false, true}) {
    std::ostringstream gen;
    generate_records_csv({.rows = 20000, .seed = 7, .scrambled_ids = scrambled}, gen);
    const std::string path = "records_split_file.csv";
    {
      std::ofstream out(path, std::ios::binary);
      out << gen.str();
    }
    const record_table want = single_pass(gen.str());
    for (std::size_t split : {std::size_t{4093}, std::size_t{65536}, std::size_t{1} << 22}) {
      load_options o;
      o.threads = 2;
      o.split_bytes = split;
      std::size_t last_progress = 0;
      o.progress = [&](std::size_t done, std::size_t total) {
        CHECK(done <= total);
        last_progress = done;
      };
      const record_table got = load_records(path, o);
      CHECK(same_table(got, want));
      CHECK(last_progress == gen.str().size());
    }
    // the same file with one id repeated far from the first: the duplicate is found and reported as before
    std::string dup = gen.str();
    const auto second = dup.find('\n', dup.find('\n') + 1) + 1;  // start of the second record
    const std::string id = dup.substr(second, dup.find(',', second) - second);
    const auto last = dup.rfind('\n', dup.size() - 2) + 1;
    dup.replace(last, dup.find(',', last) - last, id);
    const auto want_p = problems_or_none(dup, {}, true);
    REQUIRE(want_p.size() == 1);
    CHECK(want_p[0].message.find("duplicate") != std::string::npos);
    load_options o;
    o.threads = 2;
    o.split_bytes = 10000;
    const auto got_p = problems_or_none(dup, o, false);
    REQUIRE(got_p.size() == 1);
    CHECK(got_p[0].where == want_p[0].where);
    CHECK(got_p[0].message == want_p[0].message);
    std::remove(path.c_str());
  }
}

TEST_CASE("a record longer than the read-ahead past a split still loads (the single pass takes over)") {
  const std::string long_name(200000, 'x');
  const std::string text = header + "R1,food_evaluative,district,2025-02-03,\"" + long_name + "\n\",糕点,E1,pass,,,,\n" +
                           "R2,food_evaluative,district,2025-02-03,华明街道,糕点,E1,pass,,,,\n";
  load_options o;
  o.split_bytes = 1000;
  o.threads = 2;
  const record_table t = parse_records_csv(text, "t.csv", o);
  REQUIRE(t.size() == 2);
  CHECK(t.row(0).region == long_name + "\n");
}
