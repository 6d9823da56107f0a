// Inspection records: the CSV reader, pass rates with Wilson intervals, the weighted manufacturing rate, rectification.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <qgov/core/error.hpp>
#include <qgov/records/generator.hpp>
#include <qgov/records/manufacturing_rate.hpp>
#include <qgov/records/pass_rates.hpp>
#include <qgov/records/records_csv.hpp>
#include <qgov/records/rectification.hpp>

using namespace qgov;
using namespace qgov::records;

namespace {

const std::string header = std::string(records_csv_header) + "\n";

// 15 records checked by hand in docs/records.md (the worked examples).
const std::string sample = header +
    "R1,food_evaluative,district,2025-01-10,华明街道,糕点,E1,pass,,,,\n"
    "R2,food_evaluative,district,2025-02-10,华明街道,糕点,E2,fail,2025-02-15,2025-03-01,2025-03-20,pass\n"
    "R3,food_evaluative,municipal,2025-04-01,金钟街道,乳制品,E1,pass,,,,\n"
    "R4,agri_monitoring,district,2025-05-05,金钟街道,蔬菜,E3,pass,,,,\n"
    "R5,agri_monitoring,district,2025-05-06,金钟街道,水果,E3,fail,2025-05-10,,,\n"
    "R6,product_supervisory,district,2025-03-03,华明街道,C13,E4,fail,2025-03-10,2025-04-01,2025-04-20,pass\n"
    "R7,product_supervisory,district,2025-03-03,华明街道,C14,E5,fail,2025-03-10,,,\n"
    "R8,product_supervisory,municipal,2025-06-01,金钟街道,C13,E6,fail,2025-06-10,,,\n"
    "R9,product_supervisory,national,2025-02-01,华明街道,C14,E7,fail,2025-02-05,2025-03-01,2025-04-10,fail\n"
    "R10,product_supervisory,district,2025-01-05,金钟街道,C13,E8,pass,,,,\n"
    "R11,product_supervisory,district,2025-01-06,金钟街道,\"C14\",E9,pass,,,,\n"
    "R12,product_supervisory,district,2025-03-06,华明街道,C13,E10,pass,,,,\n"
    "R13,product_supervisory,district,2025-03-20,华明街道,C13,E11,fail,2025-03-25,2025-05-30,2025-06-05,pass\n"
    "R14,product_supervisory,district,2025-01-20,华明街道,C13,E12,fail,2025-01-25,2025-02-20,,\n"
    "R15,product_supervisory,district,2025-06-20,华明街道,C13,E13,fail,,,,\n";

date d(const char* s) { return *parse_iso_date(s); }

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

const rate_cell* find(const rate_table& r, std::optional<programme> p, std::optional<std::string> period = {}) {
  for (const auto& c : r.cells)
    if (c.programme == p && (!period || (c.period && c.period->str() == *period))) return &c;
  return nullptr;
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

TEST_CASE("day numbers agree with Boost.Date_Time") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  for (const char* s : {"1900-03-01", "2000-02-29", "2024-12-31", "2025-01-01", "2200-12-31"}) {
    CHECK(to_date(to_day_number(d(s))) == d(s));
    CHECK(to_day_number(d(s)) == (d(s) - date(1970, 1, 1)).days());
  }
}

TEST_CASE("pass rates by programme and by programme and quarter match the hand count") {
  const auto t = parse_records_csv(sample, "sample.csv");
  const auto by_prog = pass_rates(t, parse_group_by("programme"));
  REQUIRE(by_prog.cells.size() == 3);
  CHECK(find(by_prog, programme::food_evaluative)->passed == 2);
  CHECK(find(by_prog, programme::food_evaluative)->sampled == 3);
  CHECK(find(by_prog, programme::agri_monitoring)->as_rate() == rate{1, 2});
  CHECK(find(by_prog, programme::product_supervisory)->as_rate() == rate{3, 10});
  CHECK(find(by_prog, programme::product_supervisory)->small_sample);

  const auto by_q = pass_rates(t, parse_group_by("programme,quarter"));
  CHECK(find(by_q, programme::food_evaluative, "2025-Q1")->as_rate() == rate{1, 2});
  CHECK(find(by_q, programme::food_evaluative, "2025-Q2")->as_rate() == rate{1, 1});
  CHECK(find(by_q, programme::product_supervisory, "2025-Q1")->as_rate() == rate{3, 8});
  CHECK(find(by_q, programme::product_supervisory, "2025-Q2")->as_rate() == rate{0, 2});
  CHECK(by_q.cells.size() == 5);

  SUBCASE("all records, and a filter") {
    const auto all = pass_rates(t, group_by{});
    REQUIRE(all.cells.size() == 1);
    CHECK(all.cells[0].as_rate() == rate{6, 15});
    rate_options o;
    o.filter.levels = {false, false, true};  // district only
    o.filter.from = d("2025-03-01");
    o.filter.to = d("2025-03-31");
    const auto march = pass_rates(t, parse_group_by("programme"), o);
    REQUIRE(march.cells.size() == 1);  // R6, R7, R12, R13
    CHECK(march.cells[0].as_rate() == rate{1, 4});
  }
  SUBCASE("two threads count the same") {
    rate_options o;
    o.threads = 2;
    CHECK(pass_rates(t, parse_group_by("programme,level,region,month"), o).cells.size() ==
          pass_rates(t, parse_group_by("programme,level,region,month")).cells.size());
  }
  SUBCASE("month, year, region and category keys") {
    const auto r = pass_rates(t, parse_group_by("region,category,month"));
    for (const auto& c : r.cells) CHECK((c.region && c.category && c.period && c.period->kind() == period::kind_t::month));
    const auto y = pass_rates(t, parse_group_by("year"));
    REQUIRE(y.cells.size() == 1);
    CHECK(y.cells[0].period->str() == "2025");
  }
}

TEST_CASE("grouping keys are checked") {
  CHECK(to_string(parse_group_by("programme,level,quarter")) == "programme,level,quarter");
  CHECK_THROWS_WITH_AS((void)parse_group_by("programme,district"), doctest::Contains("unknown grouping key \"district\""), qgov::error);
  CHECK_THROWS_AS((void)parse_group_by("month,quarter"), qgov::error);
  CHECK(parse_group_by("") == group_by{});
}

TEST_CASE("Wilson interval of 95 of 100 is [0.88825, 0.97846]") {
  const auto w = wilson_interval(95, 100);
  CHECK(w.low == doctest::Approx(0.8882495).epsilon(1e-6));
  CHECK(w.high == doctest::Approx(0.9784563).epsilon(1e-6));
  const auto all = wilson_interval(50, 50);
  CHECK(all.high == 1.0);
  CHECK(all.low == doctest::Approx(50.0 / (50 + z_95 * z_95)).epsilon(1e-9));
  const auto none = wilson_interval(0, 0);
  CHECK(none.low == 0);
  CHECK(none.high == 1);
  const auto wide = wilson_interval(95, 100, 2.576);  // z configurable: 99 %
  CHECK(wide.low < w.low);
}

TEST_CASE("the pooled agricultural rate differs from the mean of category rates") {
  record_table t;
  for (int i = 0; i < 12; ++i) {
    record r;
    r.id = "A" + std::to_string(i);
    r.programme = programme::agri_monitoring;
    r.sampled_on = d("2025-05-01");
    r.region = "金钟街道";
    r.category = i < 10 ? "蔬菜" : "水果";
    r.enterprise = "E1";
    r.outcome = (i == 9 || i == 11) ? outcome::fail : outcome::pass;
    if (r.outcome == outcome::fail) r.ordered_on = d("2025-05-10");
    t.add(r);
  }
  const auto p = pooled_rate(t);
  CHECK(p.sampled == 12);
  CHECK(p.passed == 10);
  CHECK(p.pooled == doctest::Approx(10.0 / 12));
  CHECK(p.category_mean == doctest::Approx((0.9 + 0.5) / 2));
  CHECK(p.categories == 2);
}

TEST_CASE("rates become observations for the Dongli goals, with numerator and denominator") {
  const auto t = parse_records_csv(sample, "sample.csv");
  const auto obs = to_observations(pass_rates(t, parse_group_by("programme,year")), goal_mapping::dongli(), d("2026-01-15"), "test");
  REQUIRE(obs.size() == 2);  // food evaluative and agricultural monitoring; product supervisory serves the weighted rate
  CHECK(obs[0].goal == goal_id("food_sampling_pass_rate"));
  CHECK(obs[0].rate == rate{2, 3});
  CHECK(obs[0].value == doctest::Approx(200.0 / 3));
  CHECK(obs[0].period.str() == "2025");
  CHECK(obs[1].goal == goal_id("agri_product_pass_rate"));
  goal_mapping other;
  other.pass_rate[static_cast<std::size_t>(programme::food_supervisory)] = goal_id("x");
  CHECK(to_observations(pass_rates(t, parse_group_by("programme,year")), other, d("2026-01-15"), "test").empty());
  CHECK_THROWS_AS((void)to_observations(pass_rates(t, parse_group_by("programme,region,year")), goal_mapping::dongli(), d("2026-01-15"), "t"),
                  qgov::error);
}

TEST_CASE("rectification as of 2025-06-30 counts completed, overdue, pending and failed re-inspections per level") {
  const auto t = parse_records_csv(sample, "sample.csv");
  const auto r = rectification(t, d("2025-06-30"));
  const auto& district = r.levels[static_cast<std::size_t>(level::district)];
  using s = rectification_status;
  CHECK(district.count[static_cast<std::size_t>(s::completed)] == 1);            // R6
  CHECK(district.count[static_cast<std::size_t>(s::overdue)] == 2);              // R7 not corrected, R13 corrected late
  CHECK(district.count[static_cast<std::size_t>(s::reinspection_overdue)] == 1); // R14
  CHECK(district.count[static_cast<std::size_t>(s::not_ordered)] == 1);          // R15
  CHECK(district.as_rate() == rate{1, 5});
  CHECK(r.levels[static_cast<std::size_t>(level::municipal)].count[static_cast<std::size_t>(s::pending)] == 1);  // R8
  CHECK(r.levels[static_cast<std::size_t>(level::national)].count[static_cast<std::size_t>(s::failed_reinspection)] == 1);  // R9
  REQUIRE(r.items.size() == 7);
  CHECK(r.items[0].record_id == "R6");
  CHECK(r.items[0].rectify_by == d("2025-05-09"));
  CHECK(r.items[0].reinspect_by == d("2025-05-24"));

  SUBCASE("options") {
    rectification_options o;
    o.late_rectification_counts = true;
    o.exclude_not_ordered = true;
    const auto lenient = rectification(t, d("2025-06-30"), o);
    CHECK(lenient.levels[static_cast<std::size_t>(level::district)].as_rate() == rate{2, 4});
    o = {};
    o.by_enterprise = true;
    CHECK(rectification(t, d("2025-06-30"), o).items.size() == 7);  // one failed item per enterprise here
  }
  SUBCASE("as of an earlier date, later dates are not yet known") {
    const auto early = rectification(t, d("2025-04-15"));
    const auto& dl = early.levels[static_cast<std::size_t>(level::district)];
    CHECK(dl.due == 4);  // R6, R7, R13 pending; R14 re-inspection overdue; R15 not yet sampled
    CHECK(dl.count[static_cast<std::size_t>(s::pending)] == 3);
    CHECK(dl.count[static_cast<std::size_t>(s::reinspection_overdue)] == 1);
  }
  SUBCASE("observations per level") {
    const auto obs = to_observations(r, goal_mapping::dongli(), d("2025-07-01"), "test");
    REQUIRE(obs.size() == 3);
    CHECK(obs[0].goal == goal_id("rectification_completion_rate"));
    CHECK(obs[0].level == level::national);
    CHECK(obs[2].rate == rate{1, 5});
  }
}

TEST_CASE("the manufacturing rate weights industry rates by output, region layer then district layer") {
  const auto t = parse_records_csv(sample, "sample.csv");
  const auto output = parse_industry_output_csv(
      "region,industry,output_value\n华明街道,C13,300\n华明街道,C14,100\n华明街道,C15,100\n金钟街道,C13,200\n金钟街道,C14,200\n",
      "out.csv");
  const auto m = manufacturing_pass_rate(t, output);
  REQUIRE(m.size() == 2);
  CHECK(m[0].period.str() == "2025-Q1");
  REQUIRE(m[0].regions.size() == 2);
  // 华明: (300·1/4 + 100·0) / 400 = 0.1875, weight 500/900 (its whole output); 金钟: 1.0, weight 400/900
  CHECK(m[0].regions[0].region == "华明街道");
  CHECK(m[0].regions[0].rate == doctest::Approx(0.1875));
  CHECK(m[0].regions[0].unsampled_industries == std::vector<std::string>{"C15"});
  CHECK(m[0].regions[1].rate == doctest::Approx(1.0));
  CHECK(m[0].rate == doctest::Approx((500 * 0.1875 + 400 * 1.0) / 900));
  manufacturing_options o;
  o.renormalise = false;
  const auto kept = manufacturing_pass_rate(t, output, o);
  CHECK(kept[0].regions[0].rate == doctest::Approx(75.0 / 500));
  CHECK(kept[0].rate == doctest::Approx((500 * 0.15 + 400) / 900));
  const auto obs = to_observations(m, goal_mapping::dongli(), d("2025-07-15"), "test");
  REQUIRE(obs.size() == 2);
  CHECK(obs[0].goal == goal_id("manufacturing_quality_pass_rate"));
  CHECK(obs[0].value == doctest::Approx(100 * (500 * 0.1875 + 400 * 1.0) / 900));
  CHECK_THROWS_AS((void)parse_industry_output_csv("region,industry,output_value\na,b,-1\n", "o.csv"), load_error);
  CHECK_THROWS_AS((void)parse_industry_output_csv("region,industry,output_value\na,b,1\na,b,2\n", "o.csv"), load_error);
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
