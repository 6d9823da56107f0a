// Enterprise directory, roster, calendar and scheme files: what they read, and every error at file:line:column.
#include <qgov/supervision/directory_io.hpp>

#include <doctest/doctest.h>

#include <qgov/core/error.hpp>

#include "../test_support.hpp"

using namespace qgov;
using namespace qgov::supervision;

namespace {

const credit_scheme tj = credit_scheme::tianjin_2017();

// The message of the load_error `f` throws, or "" when it throws none.
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const load_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the sample directory reads 40 enterprises with their records, lists, dates and conflicts") {
  const auto es = load_enterprises(test::repo("examples/supervision/enterprises.csv"), tj);
  REQUIRE(es.size() == 40);
  CHECK(es[0].id.str() == "DL0001");
  CHECK(es[0].last_inspected_on == date(2024, 3, 15));
  const auto& e23 = es[22];
  CHECK(e23.record.penalties == 5);
  CHECK(e23.record.warnings == 1);
  CHECK(e23.record.fines_fen == 10'000'000);
  CHECK(e23.conflicts == std::vector<inspector_id>{inspector_id("I05")});
  CHECK(es[26].record.lists == std::vector<list_flag>{list_flag::refused_inspection});  // 拒不配合检查, in Chinese
  CHECK(es[28].assigned == risk_level::general);
  CHECK(es[38].conflicts.size() == 2);
  CHECK(es[0].origin.ends_with("enterprises.csv:4"));
}

TEST_CASE("the sample roster and the 2025 calendar read") {
  const auto ps = load_inspectors(test::repo("examples/supervision/inspectors.csv"));
  REQUIRE(ps.size() == 8);
  CHECK(ps[0].qualifications == std::vector<std::string>{"食品", "特种设备"});
  CHECK(ps[5].conflicts.size() == 2);
  const auto cal = load_calendar(test::repo("examples/supervision/calendar-2025.csv"));
  CHECK(cal.holidays().size() == 28);
  CHECK(cal.workdays().size() == 5);
  CHECK(cal.is_working_day(date(2025, 10, 11)));   // Saturday, 调休上班
  CHECK_FALSE(cal.is_working_day(date(2025, 10, 8)));
  CHECK_FALSE(cal.is_working_day(date(2025, 10, 12)));  // Sunday
  CHECK(cal.origin() == "calendar-2025.csv");
}

TEST_CASE("row order and optional columns: only id and name are required") {
  const auto es = parse_enterprises_csv("name,id\n甲公司,A1\n乙公司,A2\n", tj, "x.csv");
  REQUIRE(es.size() == 2);
  CHECK(es[1].id.str() == "A2");
  CHECK(es[1].record.penalties == 0);
  CHECK_FALSE(es[1].last_inspected_on);
}

TEST_CASE("directory errors name file, line, column and what was expected") {
  CHECK(error_of([] { (void)parse_enterprises_csv("id,name\nA1,甲\nA1,乙\n", tj, "e.csv"); }) ==
        "e.csv: 1 problem\n  e.csv:3:1: id: duplicate enterprise id \"A1\" (first at line 2)");
  CHECK(error_of([] { (void)parse_enterprises_csv("id,name,credit_class\nA1,甲,优秀\n", tj, "e.csv"); }) ==
        "e.csv: 1 problem\n  e.csv:2:3: credit_class: unknown class \"优秀\" in scheme tianjin-2017; expected one of "
        "良好, 警示, 失信, 严重失信 (or leave it empty to classify from the records)");
  CHECK(error_of([] { (void)parse_enterprises_csv("id,name,credit_class\nA1,甲,E\n", credit_scheme::national_2022(), "e.csv"); })
            .find("expected one of A, B, C, D") != std::string::npos);
  CHECK(error_of([] { (void)parse_enterprises_csv("id,name,last_inspected_on\nA1,甲,2024-02-30\n", tj, "e.csv"); }) ==
        "e.csv: 1 problem\n  e.csv:2:3: last_inspected_on: expected a date YYYY-MM-DD (or empty: never inspected), got "
        "\"2024-02-30\"");
  CHECK(error_of([] { (void)parse_enterprises_csv("id,name,fines_yuan\nA1,甲,\"100,000\"\nA2,乙,1.234\n", tj, "e.csv"); })
            .find("e.csv:3:3: fines_yuan: expected an amount in yuan") != std::string::npos);
  CHECK(error_of([] { (void)parse_enterprises_csv("id,name,penalties,warnings\nA1,甲,2,3\n", tj, "e.csv"); }) ==
        "e.csv: 1 problem\n  e.csv:2:4: warnings: 3 warnings but 2 penalties: warnings (警告) are counted among the "
        "penalties");
  CHECK(error_of([] { (void)parse_enterprises_csv("id,name,penalties\nA1,甲,-1\n", tj, "e.csv"); })
            .find("e.csv:2:3: penalties: expected a whole number") != std::string::npos);
  CHECK(error_of([] { (void)parse_enterprises_csv("id,name,lists\nA1,甲,blacklist\n", tj, "e.csv"); })
            .find("e.csv:2:3: lists: unknown list \"blacklist\"") != std::string::npos);
  CHECK(error_of([] { (void)parse_enterprises_csv("id,nmae\nA1,甲\n", tj, "e.csv"); })
            .find("e.csv:1:2: unknown column \"nmae\"") != std::string::npos);
  CHECK(error_of([] { (void)parse_enterprises_csv("id,name\nA1,甲,extra\n", tj, "e.csv"); })
            .find("e.csv:2:1: expected 2 fields, got 3") != std::string::npos);
  CHECK(error_of([] { (void)parse_enterprises_csv("id,name\nA1,\"甲\n", tj, "e.csv"); })
            .find("e.csv:2:2: unterminated quoted field") != std::string::npos);
  CHECK(error_of([] { (void)parse_enterprises_csv("id,name\nA1,\xC4\xE3\n", tj, "e.csv"); })
            .find("e.csv:2:2: not valid UTF-8") != std::string::npos);
  CHECK(error_of([] { (void)parse_enterprises_csv("", tj, "e.csv"); }).find("e.csv:1:1: empty file") != std::string::npos);
}

TEST_CASE("a failed load reports every problem, not just the first") {
  const auto msg = error_of([] {
    (void)parse_enterprises_csv("id,name,penalties,last_inspected_on\nA1,,x,2024-13-01\nA1,乙,1,\n", tj, "e.csv");
  });
  CHECK(msg.starts_with("e.csv: 4 problems"));
}

TEST_CASE("roster errors: duplicate ids, an empty roster") {
  CHECK(error_of([] { (void)parse_inspectors_csv("id,name\nI1,张\nI1,李\n", "r.csv"); }) ==
        "r.csv: 1 problem\n  r.csv:3:1: id: duplicate inspector id \"I1\" (first at line 2)");
  CHECK(error_of([] { (void)parse_inspectors_csv("id,name,department\n", "r.csv"); }) ==
        "r.csv: 1 problem\n  r.csv:2:1: the roster lists no inspector; a draw needs at least two");
}

TEST_CASE("calendar errors: bad dates, unknown kinds, a date listed twice") {
  CHECK(error_of([] { (void)parse_calendar_csv("date,kind\n2025-01-32,holiday\n", "c.csv"); }) ==
        "c.csv: 1 problem\n  c.csv:2:1: date: expected YYYY-MM-DD, got \"2025-01-32\"");
  CHECK(error_of([] { (void)parse_calendar_csv("date,kind\n2025-01-01,vacation\n", "c.csv"); })
            .find("c.csv:2:2: kind: expected holiday") != std::string::npos);
  CHECK(error_of([] { (void)parse_calendar_csv("date,kind\n2025-01-01,holiday\n2025-01-01,上班\n", "c.csv"); })
            .find("c.csv:3:1: date: 2025-01-01 is listed twice (first at line 2)") != std::string::npos);
}

TEST_CASE("a scheme file overrides the thresholds of a base scheme") {
  const auto s = parse_scheme_json(R"({"base": "national-2022", "id": "my-scheme",
      "thresholds": {"warning_max_penalties": 3, "warning_max_fines_yuan": 50000, "limits_inclusive": false,
                     "list_level": {"abnormal_operations": "elevated"}}})");
  CHECK(s.id == "my-scheme");
  CHECK(s.labels[0].code == "A");
  CHECK(s.thresholds.warning_max_penalties == 3);
  CHECK(s.thresholds.dishonest_max_penalties == 10);
  CHECK(s.thresholds.warning_max_fines_fen == 5'000'000);
  CHECK_FALSE(s.thresholds.limits_inclusive);
  CHECK(s.thresholds.list_level[0] == risk_level::elevated);
  CHECK(error_of([] { (void)parse_scheme_json(R"({"thresholds": {"warning_max_penaltys": 3}})", "s.json"); })
            .find("s.json:/thresholds/warning_max_penaltys: unknown threshold") != std::string::npos);
  CHECK(error_of([] { (void)parse_scheme_json("{", "s.json"); }).find("invalid JSON") != std::string::npos);
}

TEST_CASE("inspection results read, and bad ones are reported at their line and column") {
  const auto rs = load_results(test::repo("tests/supervision/data/results-2025-Q1.csv"));
  REQUIRE(rs.size() == 2);
  CHECK(rs[1].outcome == "发现问题，已责令整改");
  CHECK(rs[1].note == "标签不符合 GB 7718, 限期10日");
  CHECK(rs[0].inspected_on == date(2025, 1, 15));
  CHECK(error_of([] { (void)parse_results_csv("enterprise_id,outcome\nX1,ok\nX1,ok\n", "r.csv"); }) ==
        "r.csv: 1 problem\n  r.csv:3:1: enterprise_id: a second result for \"X1\" (first at line 2)");
  CHECK(error_of([] { (void)parse_results_csv("enterprise_id,outcome,inspected_on\nX1,,2025-1-5\n", "r.csv"); })
            .starts_with("r.csv: 2 problems"));
}
