// Inspection record files: the CSV reader (strict and lenient), its problems at line:column, buffer sizes.
#include <qgov/records/records_csv.hpp>

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <qgov/core/error.hpp>
#include <qgov/records/generator.hpp>
#include <qgov/records/manufacturing_rate.hpp>
#include <qgov/records/pass_rates.hpp>
#include <qgov/records/rectification.hpp>

#include "records_sample.hpp"

using namespace qgov;
using namespace qgov::records;
using namespace qgov::test;

namespace {

// The problems of a load that must fail.
std::vector<problem> problems_of(const std::string& text, load_options o = {}) {
  try {
    (void)parse_records_csv(text, "t.csv", o);
  } catch (const load_error& e) {
    return e.problems();
  }
  FAIL("the load was expected to fail");
  return {};
}

}  // namespace

TEST_CASE("the sample records load into columns and read back row by row") {
  const auto t = parse_records_csv(sample, "sample.csv");
  REQUIRE(t.size() == 15);
  CHECK(t.id(10) == "R11");
  CHECK(t.row(10).category == "C14");  // quoted field
  CHECK(t.regions().size() == 2);
  CHECK(t.failures().row.size() == 9);
  const record r2 = t.row(1);
  CHECK(r2.outcome == outcome::fail);
  CHECK(r2.ordered_on == d("2025-02-15"));
  CHECK(r2.reinspection_outcome == outcome::pass);
  CHECK(t.date_range()->first == to_day_number(d("2025-01-05")));
  std::ostringstream out;
  write_records_csv(t, out);
  const auto again = parse_records_csv(out.str(), "again.csv");
  REQUIRE(again.size() == t.size());
  for (std::size_t i = 0; i < t.size(); ++i) CHECK(again.row(i) == t.row(i));
}

TEST_CASE("malformed record files are refused with every problem at line:column") {
  SUBCASE("wrong column count") {
    const auto p = problems_of(header + "R1,food_evaluative,district\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0].where == "2:1");
    CHECK(p[0].message.find("expected 12 fields") != std::string::npos);
  }
  SUBCASE("bad date") {
    const auto p = problems_of(header + "R1,food_evaluative,district,2025-02-30,华明街道,糕点,E1,pass,,,,\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0].where == "2:4");
    CHECK(p[0].message.find("sampled_on: expected a date") == 0);
  }
  SUBCASE("unknown outcome, programme and level in one row: all three reported") {
    const auto p = problems_of(header + "R1,food,city,2025-02-03,华明街道,糕点,E1,maybe,,,,\n");
    REQUIRE(p.size() == 3);
    CHECK(p[0].where == "2:2");
    CHECK(p[1].where == "2:3");
    CHECK(p[2].where == "2:8");
    CHECK(p[2].message.find("unknown outcome \"maybe\"") != std::string::npos);
  }
  SUBCASE("rectified before ordered") {
    const auto p = problems_of(header + "R1,product_supervisory,district,2025-02-03,华明街道,C13,E1,fail,2025-02-10,2025-02-05,,\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0].where == "2:10");
    CHECK(p[0].message.find("rectified before ordered") != std::string::npos);
  }
  SUBCASE("duplicate record id") {
    const auto p = problems_of(header + "R1,food_evaluative,district,2025-02-03,华明街道,糕点,E1,pass,,,,\n" +
                               "R2,food_evaluative,district,2025-02-03,华明街道,糕点,E1,pass,,,,\n" +
                               "R1,food_evaluative,district,2025-02-04,华明街道,糕点,E1,pass,,,,\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0].where == "4:1");
    CHECK(p[0].message.find("duplicate \"R1\" (first at line 2)") != std::string::npos);
  }
  SUBCASE("empty file") {
    const auto p = problems_of("");
    REQUIRE(p.size() == 1);
    CHECK(p[0].where == "1:1");
    CHECK(p[0].message.find("empty file") == 0);
  }
  SUBCASE("invalid UTF-8") {
    const auto p = problems_of(header + "R1,food_evaluative,district,2025-02-03,\xE5\x8D,糕点,E1,pass,,,,\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0].where == "2:5");
    CHECK(p[0].message.find("region: not valid UTF-8") == 0);
  }
  SUBCASE("a passed sample with rectification dates") {
    const auto p = problems_of(header + "R1,food_evaluative,district,2025-02-03,华明街道,糕点,E1,pass,2025-02-05,,,\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0].where == "2:9");
  }
  SUBCASE("a wrong header") {
    const auto p = problems_of("record_id,programme\nR1,x\n");
    CHECK(p.size() == 10);
    CHECK(p[0].where == "1:3");
  }
  SUBCASE("an unterminated quote") {
    const auto p = problems_of(header + "R1,food_evaluative,district,2025-02-03,\"华明街道,糕点\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0].message.find("unterminated") != std::string::npos);
  }
  SUBCASE("a blank line and a quote inside an unquoted field") {
    const auto p = problems_of(header + "\nR1,food_evaluative,district,2025-02-03,华明\"街道,糕点,E1,pass,,,,\n");
    REQUIRE(p.size() == 2);
    CHECK(p[0].where == "2:1");
    CHECK(p[1].where == "3:5");
  }
  SUBCASE("problems beyond the cap are counted") {
    std::string text = header;
    for (int i = 0; i < 30; ++i) text += "bad\n";
    load_options o;
    o.max_listed_problems = 5;
    const auto p = problems_of(text, o);
    REQUIRE(p.size() == 6);
    CHECK(p[5].message.find("and 25 more problems") == 0);
  }
}

TEST_CASE("quoted fields with commas and newlines load, and later lines keep their numbers") {
  const std::string text = header +
      "R1,food_evaluative,district,2025-02-03,\"华明,街道\",\"糕\n点\",E1,pass,,,,\r\n"
      "R2,food_evaluative,district,2025-02-03,华明街道,\"say \"\"hi\"\"\",E1,pass,,,,\r\n"
      "R3,food_evaluative,district,2025-02-31,华明街道,糕点,E1,pass,,,,\r\n";
  const auto p = problems_of(text);
  REQUIRE(p.size() == 1);
  CHECK(p[0].where == "5:4");  // R1 spans lines 2–3
  const auto t = parse_records_csv(text.substr(0, text.rfind("R3")), "ok.csv");
  REQUIRE(t.size() == 2);
  CHECK(t.row(0).region == "华明,街道");
  CHECK(t.row(0).category == "糕\n点");
  CHECK(t.row(1).category == "say \"hi\"");
}

TEST_CASE("keep_good_rows loads the good rows and writes the rejected ones with reasons") {
  const std::string path = "records_rejects_test.csv";
  load_options o;
  o.keep_good_rows = true;
  o.rejects_path = path;
  load_report rep;
  const auto t = parse_records_csv(header + "R1,food_evaluative,district,2025-02-03,华明街道,糕点,E1,pass,,,,\n"
                                            "R2,food_evaluative,district,2025-02-30,华明街道,糕点,E1,pass,,,,\n"
                                            "R1,food_evaluative,district,2025-02-04,华明街道,糕点,E1,pass,,,,\n"
                                            "R3,food_evaluative,district,2025-02-04,华明街道,糕点,E1,fail,,,,\n",
                                   "k.csv", o, &rep);
  CHECK(t.size() == 2);
  CHECK(t.id(1) == "R3");
  CHECK(rep.rows_rejected == 2);
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(ss.str().find("3,\"3:4: sampled_on: expected a date") != std::string::npos);
  CHECK(ss.str().find("duplicate \"\"R1\"\"") != std::string::npos);
  std::remove(path.c_str());
  load_options no_path;
  no_path.keep_good_rows = true;
  CHECK_THROWS_AS((void)parse_records_csv(header, "k.csv", no_path), qgov::error);
}

TEST_CASE("the reader gives the same table whatever the buffer size, and the generator is reproducible") {
  std::ostringstream a, b;
  generate_records_csv({.rows = 3000, .seed = 42}, a);
  generate_records_csv({.rows = 3000, .seed = 42}, b);
  CHECK(a.str() == b.str());
  CHECK(a.str().substr(header.size(), 10) == "R000000001");
  load_options small;
  small.buffer_bytes = 4096;
  const auto t1 = parse_records_csv(a.str(), "g.csv", small);
  const auto t2 = parse_records_csv(a.str(), "g.csv");
  REQUIRE(t1.size() == 3000);
  REQUIRE(t2.size() == 3000);
  for (std::size_t i = 0; i < 3000; i += 7) CHECK(t1.row(i) == t2.row(i));
  std::ostringstream scrambled;
  generate_records_csv({.rows = 3000, .seed = 42, .scrambled_ids = true}, scrambled);
  const auto t3 = parse_records_csv(scrambled.str(), "s.csv");  // unique ids in no order: the hash-sort check passes
  CHECK(t3.size() == 3000);
  bool out_of_order = false;
  for (std::size_t i = 1; i < t3.size(); ++i) out_of_order |= t3.id(i) < t3.id(i - 1);
  CHECK(out_of_order);
  CHECK(t3.row(5).region == t1.row(5).region);  // the same records otherwise
  const auto all = pass_rates(t1, group_by{});
  CHECK(all.cells[0].value() > 0.94);
  CHECK(all.cells[0].value() < 0.999);
  CHECK(t1.regions().size() == 12);
  std::ostringstream out;
  generate_industry_output_csv(42, out);
  const auto output = parse_industry_output_csv(out.str(), "o.csv");
  CHECK(output.size() > 250);
  const auto m = manufacturing_pass_rate(t1, output);
  REQUIRE(!m.empty());
  CHECK(m[0].ok);
}
