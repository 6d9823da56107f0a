// Observation files: CSV and JSON, one clear message per problem, revisions and what was known when, round trips.
#include <qgov/io/observations.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include <qgov/core/error.hpp>
#include <qgov/core/period.hpp>
#include <qgov/plans/dongli_2024.hpp>

#include "../test_support.hpp"

using namespace qgov;
using json = nlohmann::json;

namespace {

const plan& dongli() { return plans::dongli_2024(); }

const std::string header = "goal,period,value,numerator,denominator,level,reported_on,source\n";

// A CSV file: the standard header, then `rows` (each ending with a line feed).
std::string csv(const std::string& rows) { return header + rows; }

std::vector<problem> csv_problems(const std::string& text) {
  try {
    (void)parse_observations_csv(text, dongli(), "obs.csv");
    return {};
  } catch (const load_error& e) {
    CHECK(e.origin() == "obs.csv");
    return e.problems();
  }
}

std::vector<problem> json_problems(std::string_view text) {
  try {
    (void)parse_observations_json(text, dongli(), "obs.json");
    return {};
  } catch (const load_error& e) {
    CHECK(e.origin() == "obs.json");
    return e.problems();
  }
}

std::vector<problem> json_problems_of(const json& j) { return json_problems(j.dump()); }

bool has(const std::vector<problem>& ps, const std::string& where, const std::string& fragment) {
  return std::any_of(ps.begin(), ps.end(), [&](const problem& p) {
    return p.where == where && p.message.find(fragment) != std::string::npos;
  });
}

std::string dump(const std::vector<problem>& ps) {
  std::string s;
  for (const auto& p : ps) s += p.where + ": " + p.message + "\n";
  return s;
}

// One good JSON observation, to be spoilt field by field.
json food_2024() {
  return {{"goal", "food_sampling_pass_rate"}, {"period", "2024"},           {"value", 98.6},
          {"numerator", 1972},                 {"denominator", 2000},        {"reported_on", "2025-01-20"},
          {"source", "东丽区市场监管局 2024 年食品抽检通报"}};
}

json file_of(std::initializer_list<json> observations) {
  json list = json::array();
  for (const auto& o : observations) list.push_back(o);
  return {{"observations", list}};
}

date d(const char* iso) { return *parse_iso_date(iso); }

// Observations with everything the formats carry: rates, levels, revisions, quoting, awkward numbers.
observation_ledger rich_ledger() {
  auto obs = [](const char* goal, const char* per, double value, std::optional<rate> r, std::optional<level> l,
                const char* reported, std::string source) {
    observation o;
    o.goal = goal_id(goal);
    o.period = *period::parse(per);
    o.value = value;
    o.rate = r;
    o.level = l;
    o.reported_on = d(reported);
    o.source = std::move(source);
    return o;
  };
  return observation_ledger({
      obs("food_sampling_pass_rate", "2024", 98.6, rate{1972, 2000}, {}, "2025-01-20", "通报, 第1期"),
      obs("food_sampling_pass_rate", "2024", 98.65, rate{1973, 2000}, {}, "2025-03-01", "revised \"final\" figure"),
      obs("food_sampling_pass_rate", "2024-Q3", 100.0 * 1 / 3, rate{1, 3}, {}, "2024-10-15", "line one\nline two"),
      obs("rectification_completion_rate", "2024", 100, rate{12, 12}, level::national, "2025-02-01", ""),
      obs("rectification_completion_rate", "2024", 97.5, {}, level::district, "2025-02-01", "  spaces kept  "),
      obs("national_high_tech_enterprises", "2024-12", 712, {}, {}, "2025-01-05", "区科技局"),
      obs("rd_expenditure_share", "2023", 0.1 + 0.2, {}, {}, "2024-06-30", "statistical bulletin"),
      obs("high_standard_farmland", "2024-09-30", 1.5e-7, {}, {}, "2024-09-30", ""),
      obs("manufacturing_value_added_share", "2024-Q1", -0.0, {}, {}, "2024-04-20", "\"quoted\", with comma"),
      obs("construction_inspection_conformity", "2024", 96.25, rate{385, 400}, {}, "2025-01-10", "trend goal"),
      obs("brand_index_score", "2024", 1e21, {}, {}, "2025-01-01", "huge"),
  });
}

// The ledger without where each observation was read, which the formats do not carry.
std::vector<observation> without_origin(const observation_ledger& l) {
  auto v = l.all();
  for (auto& o : v) o.origin.clear();
  return v;
}

}  // namespace

TEST_SUITE("io::observations") {
  // -------------------------------------------------------------------------------------------
  // Reading CSV

  TEST_CASE("a food sampling pass rate reported as 1 972 of 2 000 batches is read as 98.6 %") {
    const auto l = parse_observations_csv(csv("food_sampling_pass_rate,2024,,1972,2000,,2025-01-20,区市场监管局\n"),
                                          dongli(), "obs.csv");
    REQUIRE(l.size() == 1);
    const observation& o = l.all()[0];
    CHECK(o.goal == goal_id("food_sampling_pass_rate"));
    CHECK(o.period == period::year(2024));
    CHECK(o.value == doctest::Approx(98.6));
    REQUIRE(o.rate.has_value());
    CHECK(o.rate->numerator == 1972);
    CHECK(o.rate->denominator == 2000);
    CHECK_FALSE(o.level.has_value());
    CHECK(o.reported_on == d("2025-01-20"));
    CHECK(o.source == "区市场监管局");
    CHECK(o.origin == "obs.csv:2");
  }

  TEST_CASE("value and rate together are accepted when they agree, and the value is kept as written") {
    const auto l = parse_observations_csv(csv("food_sampling_pass_rate,2024,98.6,1972,2000,,2025-01-20,\n"), dongli());
    CHECK(l.all()[0].value == 98.6);
    CHECK(l.all()[0].origin == "<csv>:2");
  }

  TEST_CASE("columns may come in any order, and a goal measured in 家 takes a plain value") {
    const auto l = parse_observations_csv(
        "source,reported_on,level,denominator,numerator,value,period,goal\n"
        "区科技局,2025-01-05,,,,712,2024-12,national_high_tech_enterprises\n",
        dongli());
    REQUIRE(l.size() == 1);
    CHECK(l.all()[0].value == 712);
    CHECK(l.all()[0].period.str() == "2024-12");
    CHECK(l.all()[0].source == "区科技局");
  }

  TEST_CASE("levels of a 各级 goal are read in English or Chinese") {
    const auto l = parse_observations_csv(csv("rectification_completion_rate,2024,100,,,国家,2025-02-01,\n"
                                              "rectification_completion_rate,2024,99,,,市级,2025-02-01,\n"
                                              "rectification_completion_rate,2024,98,,,district,2025-02-01,\n"),
                                          dongli());
    REQUIRE(l.size() == 3);
    CHECK(l.all()[0].level == level::national);
    CHECK(l.all()[1].level == level::municipal);
    CHECK(l.all()[2].level == level::district);
  }

  TEST_CASE("a rate is allowed for a trend goal without a numeric target") {
    const auto l =
        parse_observations_csv(csv("construction_inspection_conformity,2024,,385,400,,2025-01-10,\n"), dongli());
    CHECK(l.all()[0].value == doctest::Approx(96.25));
  }

  TEST_CASE("a header without rows is an empty ledger") {
    CHECK(parse_observations_csv(header, dongli()).empty());
    CHECK(parse_observations_csv("goal,period,value,numerator,denominator,level,reported_on,source", dongli()).empty());
  }

  TEST_CASE("a UTF-8 byte-order mark is skipped, and the lines keep their numbers") {
    const auto l = parse_observations_csv("\xEF\xBB\xBF" + csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20,\n"),
                                          dongli(), "bom.csv");
    REQUIRE(l.size() == 1);
    CHECK(l.all()[0].origin == "bom.csv:2");
    const auto ps = csv_problems("\xEF\xBB\xBF" + csv("food_sampling_pass_rate,2024,x,,,,2025-01-20,\n"));
    CHECK(has(ps, "2:3", "value: expected a number"));
  }

  TEST_CASE("CRLF line endings are accepted, with or without a final line end") {
    const std::string text = "goal,period,value,numerator,denominator,level,reported_on,source\r\n"
                             "food_sampling_pass_rate,2024,98.6,,,,2025-01-20,a\r\n"
                             "food_sampling_pass_rate,2023,98.1,,,,2024-01-20,b";
    const auto l = parse_observations_csv(text, dongli());
    REQUIRE(l.size() == 2);
    CHECK(l.all()[0].source == "b");  // ordered by period
    CHECK(l.all()[1].source == "a");
    CHECK(parse_observations_csv(text + "\r\n", dongli()).size() == 2);
  }

  TEST_CASE("a trailing empty line is fine; a blank line in the middle is an error") {
    CHECK(parse_observations_csv(csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20,\n\n"), dongli()).size() == 1);
    const auto ps = csv_problems(csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20,\n"
                                     "\n"
                                     "food_sampling_pass_rate,2023,98.1,,,,2024-01-20,\n"));
    INFO(dump(ps));
    REQUIRE(ps.size() == 1);
    CHECK(has(ps, "3:1", "blank line"));
    // a run of blank lines is one problem; blank lines before the header count too
    const auto run = csv_problems("\n" + csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20,\n\n\n\n"
                                             "food_sampling_pass_rate,2023,98.1,,,,2024-01-20,\n"));
    INFO(dump(run));
    REQUIRE(run.size() == 2);
    CHECK(has(run, "1:1", "blank line"));
    CHECK(has(run, "4:1", "3 blank lines (lines 4 to 6)"));
  }

  TEST_CASE("a quoted field keeps its comma, doubled quotes and line break; later lines count physical lines") {
    const auto l = parse_observations_csv(csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20,\"通报, 第1期\n"
                                              "(\"\"final\"\")\"\n"
                                              "food_sampling_pass_rate,2023,\"98.1\",,,,2024-01-20,\"\"\n"),
                                          dongli(), "q.csv");
    REQUIRE(l.size() == 2);
    CHECK(l.all()[1].source == "通报, 第1期\n(\"final\")");
    CHECK(l.all()[1].origin == "q.csv:2");
    CHECK(l.all()[0].origin == "q.csv:4");
    CHECK(l.all()[0].source.empty());
    // a problem after a multi-line field is reported at its physical line
    const auto ps = csv_problems(csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20,\"a\nb\"\n"
                                     "food_sampling_pass_rate,2023,x,,,,2024-01-20,\n"));
    CHECK(has(ps, "4:3", "value: expected a number, got \"x\""));
  }

  TEST_CASE("an unknown goal is named, with the goals the plan knows") {
    const auto ps = csv_problems(csv("food_safety_rate,2024,98.6,,,,2025-01-20,\n"));
    INFO(dump(ps));
    REQUIRE(ps.size() == 1);
    CHECK(has(ps, "2:1", "goal: unknown goal \"food_safety_rate\"; known goals: rd_expenditure_share, "));
    CHECK(has(ps, "2:1", ", … (27 in all)"));
    CHECK_FALSE(has(ps, "2:1", "did you mean"));
    CHECK(has(csv_problems(csv("food_sampling_pass_rat,2024,98.6,,,,2025-01-20,\n")), "2:1",
              "unknown goal \"food_sampling_pass_rat\" (did you mean food_sampling_pass_rate?); known goals:"));
  }

  TEST_CASE("an unparsable period says which forms are expected") {
    const auto ps = csv_problems(csv("food_sampling_pass_rate,2024-Q5,98.6,,,,2025-01-20,\n"
                                     "food_sampling_pass_rate,2024年,98.6,,,,2025-01-20,\n"));
    INFO(dump(ps));
    REQUIRE(ps.size() == 2);
    CHECK(has(ps, "2:2", "period: expected a period: 2024, 2024-Q3, 2024-09 or 2024-09-30, got \"2024-Q5\""));
    CHECK(has(ps, "3:2", "got \"2024年\""));
  }

  TEST_CASE("text in a numeric cell is refused: full-width digits, spaces, '+', hex, a % sign, separators") {
    const auto ps = csv_problems(csv("food_sampling_pass_rate,2024,9８.5,,,,2025-01-20,\n"
                                     "food_sampling_pass_rate,2023,\" 98.5\",,,,2024-01-20,\n"
                                     "food_sampling_pass_rate,2022,+98.5,,,,2023-01-20,\n"
                                     "food_sampling_pass_rate,2021,0x62,,,,2022-01-20,\n"
                                     "food_sampling_pass_rate,2020,98.5%,,,,2021-01-20,\n"
                                     "food_sampling_pass_rate,2019,,\"1,972\",2000,,2020-01-20,\n"
                                     "food_sampling_pass_rate,2018,1e999,,,,2019-01-20,\n"));
    INFO(dump(ps));
    REQUIRE(ps.size() == 7);
    CHECK(has(ps, "2:3", "value: expected a number, got \"9８.5\""));
    CHECK(has(ps, "3:3", "value: expected a number without spaces around it, got \" 98.5\""));
    CHECK(has(ps, "4:3", "value: expected a number without a leading '+'"));
    CHECK(has(ps, "5:3", "value: expected a number, got \"0x62\""));
    CHECK(has(ps, "6:3", "without the % sign"));
    CHECK(has(ps, "7:4", "numerator: expected a number, got \"1,972\"; write it without thousands separators"));
    CHECK(has(ps, "8:3", "value: number out of range"));
  }

  TEST_CASE("NaN and infinity are not numbers here") {
    const auto ps = csv_problems(csv("food_sampling_pass_rate,2024,nan,,,,2025-01-20,\n"
                                     "food_sampling_pass_rate,2023,,NaN,2000,,2024-01-20,\n"
                                     "food_sampling_pass_rate,2022,-inf,,,,2023-01-20,\n"
                                     "food_sampling_pass_rate,2021,98,1,infinity,,2022-01-20,\n"));
    INFO(dump(ps));
    REQUIRE(ps.size() == 4);
    CHECK(has(ps, "2:3", "value: expected a finite number, got \"nan\""));
    CHECK(has(ps, "3:4", "numerator: expected a finite number, got \"NaN\""));
    CHECK(has(ps, "4:3", "got \"-inf\""));
    CHECK(has(ps, "5:5", "denominator: expected a finite number, got \"infinity\""));
  }

  TEST_CASE("a numerator larger than its denominator is refused, quoting both") {
    const auto ps = csv_problems(csv("food_sampling_pass_rate,2024,,1980,1970,,2025-01-20,\n"));
    INFO(dump(ps));
    REQUIRE(ps.size() == 1);
    CHECK(has(ps, "2:4", "numerator: numerator 1980 > denominator 1970"));
  }

  TEST_CASE("a denominator of 0, a negative numerator, or half a rate is refused") {
    const auto ps = csv_problems(csv("food_sampling_pass_rate,2024,,0,0,,2025-01-20,\n"
                                     "food_sampling_pass_rate,2023,,-1,10,,2024-01-20,\n"
                                     "food_sampling_pass_rate,2022,98,1970,,,2023-01-20,\n"
                                     "food_sampling_pass_rate,2021,,,2000,,2022-01-20,\n"));
    INFO(dump(ps));
    REQUIRE(ps.size() == 4);
    CHECK(has(ps, "2:5", "denominator: must be greater than 0, got 0"));
    CHECK(has(ps, "3:4", "numerator: must not be negative, got -1"));
    CHECK(has(ps, "4:5", "denominator: required, but the cell is empty; numerator and denominator are given together"));
    CHECK(has(ps, "5:4", "numerator: required, but the cell is empty"));
  }

  TEST_CASE("a value that disagrees with its rate is refused, quoting both") {
    const auto ps = csv_problems(csv("food_sampling_pass_rate,2024,98.7,1972,2000,,2025-01-20,\n"));
    INFO(dump(ps));
    REQUIRE(ps.size() == 1);
    CHECK(has(ps, "2:3", "value: 98.7 disagrees with numerator/denominator: 100 × 1972 / 2000 = 98.6"));
  }

  TEST_CASE("neither a value nor a rate is an error") {
    const auto ps = csv_problems(csv("food_sampling_pass_rate,2024,,,,,2025-01-20,\n"));
    REQUIRE(ps.size() == 1);
    CHECK(has(ps, "2:3", "value: required, but the cell is empty; give value, or numerator and denominator, or both"));
  }

  TEST_CASE("a rate for a goal counted in 家 is refused") {
    const auto ps = csv_problems(csv("national_high_tech_enterprises,2024,,700,800,,2025-01-20,\n"));
    INFO(dump(ps));
    REQUIRE(ps.size() == 1);
    CHECK(has(ps, "2:4", "numerator: a rate (numerator and denominator) is only for goals measured in % or without "
                         "a numeric target; national_high_tech_enterprises is measured in 家"));
  }

  TEST_CASE("a 各级 goal needs its level; other goals take none") {
    const auto ps = csv_problems(csv("rectification_completion_rate,2024,100,,,,2025-02-01,\n"
                                     "food_sampling_pass_rate,2024,98.6,,,district,2025-01-20,\n"
                                     "rectification_completion_rate,2024,100,,,province,2025-02-01,\n"));
    INFO(dump(ps));
    REQUIRE(ps.size() == 3);
    CHECK(has(ps, "2:6", "level: required, but the cell is empty; rectification_completion_rate is an all_levels "
                         "(各级) goal: give national, municipal or district"));
    CHECK(has(ps, "3:6", "level: levels are for 各级 (all_levels) goals; food_sampling_pass_rate is a threshold goal"));
    CHECK(has(ps, "4:6", "level: unknown level \"province\"; expected national, municipal or district"));
  }

  TEST_CASE("reported_on is required, is a date, and is not before the period began") {
    const auto ps = csv_problems(csv("food_sampling_pass_rate,2024,98.6,,,,,\n"
                                     "food_sampling_pass_rate,2024-Q3,98.6,,,,2024-06-30,\n"
                                     "food_sampling_pass_rate,2024,98.6,,,,2025/01/20,\n"));
    INFO(dump(ps));
    REQUIRE(ps.size() == 3);
    CHECK(has(ps, "2:7", "reported_on: required, but the cell is empty; the date the figure was published"));
    CHECK(has(ps, "3:7", "reported_on: reported before the period began: 2024-06-30 is before 2024-07-01, the first "
                         "day of 2024-Q3"));
    CHECK(has(ps, "4:7", "expected the date the figure was published, YYYY-MM-DD, got \"2025/01/20\""));
    // reported during the period (a provisional figure) is allowed
    CHECK(parse_observations_csv(csv("food_sampling_pass_rate,2024-Q3,98.6,,,,2024-07-01,\n"), dongli()).size() == 1);
  }

  TEST_CASE("a repeated row is refused, naming the first; a later report is a revision and is kept") {
    const auto ps = csv_problems(csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20,first\n"
                                     "food_sampling_pass_rate,2024,98.6,,,,2025-03-01,revision\n"
                                     "food_sampling_pass_rate,2024,98.7,,,,2025-01-20,again\n"));
    INFO(dump(ps));
    REQUIRE(ps.size() == 1);
    CHECK(has(ps, "4:1", "duplicate of the row at line 2: same goal, period, level and reported_on"));
    // the same date at another level is not a duplicate
    CHECK(parse_observations_csv(csv("rectification_completion_rate,2024,100,,,national,2025-02-01,\n"
                                     "rectification_completion_rate,2024,100,,,district,2025-02-01,\n"),
                                 dongli())
              .size() == 2);
  }

  TEST_CASE("the header needs each column once: missing, unknown and repeated columns are named") {
    SUBCASE("missing") {
      const auto ps = csv_problems("goal,period,value,numerator,denominator,level,source\n"
                                   "food_sampling_pass_rate,2024,98.6,,,,x\n");
      INFO(dump(ps));
      REQUIRE(ps.size() == 1);
      CHECK(has(ps, "1:1", "missing column \"reported_on\""));
    }
    SUBCASE("unknown, with a near miss suggested") {
      const auto ps = csv_problems("goal,period,Value,numerator,denominator,level,reported_on,source,note\n");
      INFO(dump(ps));
      REQUIRE(ps.size() == 3);
      CHECK(has(ps, "1:3", "unknown column \"Value\"; the columns are goal, period, value, "));
      CHECK(has(ps, "1:3", "(did you mean value?)"));
      CHECK(has(ps, "1:9", "unknown column \"note\""));
      CHECK(has(ps, "1:1", "missing column \"value\""));
    }
    SUBCASE("repeated") {
      const auto ps = csv_problems("goal,period,value,numerator,denominator,level,reported_on,source,value\n");
      REQUIRE(ps.size() == 1);
      CHECK(has(ps, "1:9", "duplicate column \"value\" (also column 3)"));
    }
    SUBCASE("far too many") {
      std::string wide = header.substr(0, header.size() - 1);
      for (int i = 0; i < 100; ++i) wide += ",x" + std::to_string(i);
      const auto ps = csv_problems(wide + "\n");
      CHECK(has(ps, "1:65", "the header has 108 columns"));
      CHECK(has(ps, "1:9", "unknown column \"x0\""));
    }
    SUBCASE("an empty file") {
      CHECK(has(csv_problems(""), "1:1", "empty file"));
      CHECK(has(csv_problems("\n\n"), "1:1", "empty file"));
    }
  }

  TEST_CASE("a row with the wrong number of fields is refused") {
    const auto ps = csv_problems(csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20\n"
                                     "food_sampling_pass_rate,2023,98.1,,,,2024-01-20,a,b\n"));
    INFO(dump(ps));
    REQUIRE(ps.size() == 2);
    CHECK(has(ps, "2:1", "expected 8 fields, got 7"));
    CHECK(has(ps, "3:1", "expected 8 fields, got 9"));
  }

  TEST_CASE("invalid UTF-8 is reported at its line and column with the byte offset") {
    const std::string rows = csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20,ok\n"
                                 "food_sampling_pass_rate,2023,98.1,,,,2024-01-20,\xB6\xAB\xC0\xF6\n");  // 东丽 in GBK
    const auto ps = csv_problems(rows);
    INFO(dump(ps));
    REQUIRE(ps.size() == 1);
    CHECK(has(ps, "3:8", "source: not valid UTF-8 (byte 0xB6 at offset " + std::to_string(rows.find('\xB6')) + ")"));
    CHECK(has(ps, "3:8", "save the file as UTF-8"));
    // inside a quoted field spanning lines: the line of the bad byte
    const auto ps2 = csv_problems(csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20,\"a\nb\xFF\"\n"));
    CHECK(has(ps2, "3:8", "source: not valid UTF-8 (byte 0xFF"));
    // in the header
    CHECK(has(csv_problems("goal,period\xC0,value\n"), "1:2", "column name: not valid UTF-8"));
  }

  TEST_CASE("bad quoting: an unterminated quote, a stray quote, text after a closing quote") {
    SUBCASE("unterminated: reported where it opened") {
      const auto ps = csv_problems(csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20,ok\n"
                                       "food_sampling_pass_rate,2023,98.1,,,,2024-01-20,\"never closed\n"
                                       "food_sampling_pass_rate,2022,98.1,,,,2023-01-20,\n"));
      INFO(dump(ps));
      REQUIRE(ps.size() == 1);
      CHECK(has(ps, "3:8", "unterminated quoted field"));
    }
    SUBCASE("a quote inside an unquoted field") {
      const auto ps = csv_problems(csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20,the \"final\" one\n"));
      REQUIRE(ps.size() == 1);
      CHECK(has(ps, "2:8", "quote inside an unquoted field"));
    }
    SUBCASE("text after the closing quote") {
      const auto ps = csv_problems(csv("food_sampling_pass_rate,2024,\"98\".6,,,,2025-01-20,\n"));
      REQUIRE(ps.size() == 1);
      CHECK(has(ps, "2:3", "unexpected text after the closing quote"));
    }
    SUBCASE("a bare carriage return") {
      const auto ps = csv_problems(csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20,a\rb\n"));
      REQUIRE(ps.size() == 1);
      CHECK(has(ps, "2:8", "carriage return without a line feed"));
    }
  }

  TEST_CASE("all problems in a file are reported together, each at its line and column") {
    const std::string text = csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20,good\n"    // 2
                                 "food_sampling_pass_rat,2024,98.6,,,,2025-01-20,\n"         // 3: goal
                                 "food_sampling_pass_rate,2024,,1980,1970,,2025-01-20,\n"    // 4: numerator
                                 "national_high_tech_enterprises,2024,abc,,,,2025-01-20,\n"  // 5: value
                                 "food_sampling_pass_rate,2024-13,98.6,,,,2025-01-20,\n"     // 6: period
                                 "rectification_completion_rate,2024,100,,,,2025-02-01,\n"   // 7: level
                                 "national_high_tech_enterprises,2024,712,,,,2025-01-20,\n"  // 8: good
    );
    try {
      (void)parse_observations_csv(text, dongli(), "obs.csv");
      FAIL("expected a load_error");
    } catch (const load_error& e) {
      const auto& ps = e.problems();
      INFO(dump(ps));
      REQUIRE(ps.size() == 5);
      CHECK(ps[0].where == "3:1");
      CHECK(ps[1].where == "4:4");
      CHECK(ps[2].where == "5:3");
      CHECK(ps[3].where == "6:2");
      CHECK(ps[4].where == "7:6");
      const std::string what = e.what();
      CHECK(what.find("obs.csv: 5 problems") == 0);
      CHECK(what.find("obs.csv:5:3: value: expected a number, got \"abc\"") != std::string::npos);
    }
  }

  TEST_CASE("one row with several problems reports each of them") {
    const auto ps = csv_problems(csv("national_high_tech_enterprises,2024-Q9,,700,800,district,yesterday,\n"));
    INFO(dump(ps));
    REQUIRE(ps.size() == 4);
    CHECK(ps[0].where == "2:2");  // in column order, though the numbers are read first
    CHECK(ps[1].where == "2:4");
    CHECK(ps[2].where == "2:6");
    CHECK(ps[3].where == "2:7");
    CHECK(has(ps, "2:2", "period:"));
    CHECK(has(ps, "2:4", "numerator: a rate"));
    CHECK(has(ps, "2:6", "level: levels are for 各级"));
    CHECK(has(ps, "2:7", "reported_on: expected the date"));
  }

  TEST_CASE("nothing is returned on error: the caller's ledger is left as it was") {
    observation_ledger current =
        parse_observations_csv(csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20,\n"), dongli());
    const auto before = current.all();
    CHECK_THROWS_AS(current = parse_observations_csv(csv("food_sampling_pass_rate,2023,98.1,,,,2024-01-20,\n"
                                                         "food_sampling_pass_rate,2022,oops,,,,2023-01-20,\n"),
                                                     dongli()),
                    load_error);
    CHECK(current.all() == before);
  }

  TEST_CASE("hostile CSV is a load_error or a ledger, never a crash") {
    CHECK_THROWS_AS((void)parse_observations_csv("\"", dongli()), load_error);
    CHECK_THROWS_AS((void)parse_observations_csv(",", dongli()), load_error);
    CHECK_THROWS_AS((void)parse_observations_csv("\r", dongli()), load_error);
    CHECK_THROWS_AS((void)parse_observations_csv(std::string("\0\0", 2), dongli()), load_error);
    CHECK_THROWS_AS((void)parse_observations_csv("\xEF\xBB", dongli()), load_error);
    CHECK_THROWS_AS((void)parse_observations_csv(header + std::string(100000, ','), dongli()), load_error);
    CHECK_THROWS_AS((void)parse_observations_csv(header + std::string(100000, '"'), dongli()), load_error);
    CHECK_THROWS_AS((void)parse_observations_csv(header + std::string(100000, '\n') + "x", dongli()), load_error);
  }

  // -------------------------------------------------------------------------------------------
  // Revisions and what was known when

  TEST_CASE("revisions are kept, and known() gives the latest revision reported by known_as_of") {
    const auto l = parse_observations_csv(csv("food_sampling_pass_rate,2024,98.6,,,,2025-01-20,first report\n"
                                              "food_sampling_pass_rate,2024,98.2,,,,2025-04-10,revised\n"
                                              "food_sampling_pass_rate,2024-Q3,98.9,,,,2024-10-15,quarterly\n"
                                              "food_sampling_pass_rate,2025,99.0,,,,2026-01-20,next year\n"
                                              "agri_product_pass_rate,2024,98.8,,,,2025-01-20,other goal\n"),
                                          dongli());
    CHECK(l.size() == 5);
    const goal_id food("food_sampling_pass_rate");

    SUBCASE("as known at the end of February 2025: the first report") {
      const auto k = l.known(food, d("2025-12-31"), d("2025-02-28"));
      REQUIRE(k.size() == 2);
      CHECK(k[0]->period.str() == "2024-Q3");
      CHECK(k[1]->source == "first report");
    }
    SUBCASE("as known today: the revision replaces it") {
      const auto k = l.known(food, d("2025-12-31"), d("2026-12-31"));
      REQUIRE(k.size() == 3);
      CHECK(k[1]->source == "revised");
      CHECK(k[1]->value == 98.2);
      CHECK(k[2]->period.str() == "2025");
    }
    SUBCASE("a revision reported after known_as_of is not used, even though its period is in range") {
      const auto k = l.known(food, d("2024-12-31"), d("2025-04-09"));
      REQUIRE(k.size() == 2);
      CHECK(k[1]->source == "first report");
    }
    SUBCASE("periods that had not ended by as_of are left out") {
      const auto k = l.known(food, d("2024-12-30"), d("2026-12-31"));
      REQUIRE(k.size() == 1);
      CHECK(k[0]->source == "quarterly");
    }
    SUBCASE("nothing was known before the first report") {
      CHECK(l.known(food, d("2025-12-31"), d("2024-10-14")).empty());
    }
  }

  TEST_CASE("known() keeps the levels of a 各级 goal apart") {
    const auto l = parse_observations_csv(csv("rectification_completion_rate,2024,100,,,national,2025-02-01,\n"
                                              "rectification_completion_rate,2024,97.5,,,district,2025-02-01,\n"
                                              "rectification_completion_rate,2024,98.5,,,district,2025-05-01,\n"),
                                          dongli());
    const auto k = l.known(goal_id("rectification_completion_rate"), d("2025-12-31"), d("2025-12-31"));
    REQUIRE(k.size() == 2);
    CHECK(k[0]->level == level::national);
    CHECK(k[1]->level == level::district);
    CHECK(k[1]->value == 98.5);
  }

  // -------------------------------------------------------------------------------------------
  // Reading JSON

  TEST_CASE("a JSON file reads the same observation as the CSV row") {
    const auto l = parse_observations_json(file_of({food_2024()}).dump(), dongli(), "obs.json");
    REQUIRE(l.size() == 1);
    const auto c = parse_observations_csv(
        csv("food_sampling_pass_rate,2024,98.6,1972,2000,,2025-01-20,东丽区市场监管局 2024 年食品抽检通报\n"), dongli());
    CHECK(l.all()[0].origin == "obs.json:/observations/0");
    auto a = l.all()[0], b = c.all()[0];
    a.origin = b.origin = "";
    CHECK(a == b);
  }

  TEST_CASE("JSON: optional fields may be absent or null; the format tag is accepted") {
    json j = file_of({{{"goal", "rectification_completion_rate"},
                       {"period", "2024"},
                       {"value", 100},
                       {"numerator", nullptr},
                       {"denominator", nullptr},
                       {"level", "区"},
                       {"reported_on", "2025-02-01"},
                       {"source", nullptr}},
                      {{"goal", "national_high_tech_enterprises"},
                       {"period", "2024-12"},
                       {"value", 712},
                       {"reported_on", "2025-01-05"}}});
    j["format"] = "qgov-observations/1";
    const auto l = parse_observations_json(j.dump(), dongli());
    REQUIRE(l.size() == 2);
    CHECK(l.all()[0].goal == goal_id("national_high_tech_enterprises"));
    CHECK(l.all()[1].level == level::district);
    CHECK(parse_observations_json(R"({"observations": []})", dongli()).empty());
  }

  TEST_CASE("JSON: the main problems, each at its JSON path") {
    auto unknown = food_2024();
    unknown["goal"] = "food_safety_rate";
    auto as_string = food_2024();
    as_string["value"] = "98.6";
    auto over = food_2024();
    over["numerator"] = 2001;
    over.erase("value");
    auto zero = food_2024();
    zero["denominator"] = 0;
    zero.erase("value");
    auto disagree = food_2024();
    disagree["value"] = 98.7;
    auto no_date = food_2024();
    no_date.erase("reported_on");
    auto early = food_2024();
    early["reported_on"] = "2023-12-31";
    auto bad_period = food_2024();
    bad_period["period"] = 2024;
    auto extra = food_2024();
    extra["unit"] = "%";
    auto level_on_threshold = food_2024();
    level_on_threshold["level"] = "district";
    auto rate_for_jia = json{{"goal", "national_high_tech_enterprises"}, {"period", "2024"}, {"numerator", 700},
                             {"denominator", 800}, {"reported_on", "2025-01-20"}};
    auto no_level = json{{"goal", "rectification_completion_rate"}, {"period", "2024"}, {"value", 100},
                         {"reported_on", "2025-02-01"}};
    const auto ps = json_problems_of(file_of({unknown, as_string, over, zero, disagree, no_date, early, bad_period, extra,
                                           level_on_threshold, rate_for_jia, no_level, food_2024(), food_2024()}));
    INFO(dump(ps));
    CHECK(ps.size() == 13);
    CHECK(has(ps, "/observations/0/goal", "unknown goal \"food_safety_rate\"; known goals:"));
    CHECK(has(ps, "/observations/1/value", "expected a number, got a string \"98.6\""));
    CHECK(has(ps, "/observations/2/numerator", "numerator 2001 > denominator 2000"));
    CHECK(has(ps, "/observations/3/denominator", "must be greater than 0, got 0"));
    CHECK(has(ps, "/observations/4/value", "98.7 disagrees with numerator/denominator"));
    CHECK(has(ps, "/observations/5/reported_on", "missing required field \"reported_on\""));
    CHECK(has(ps, "/observations/6/reported_on", "reported before the period began"));
    CHECK(has(ps, "/observations/7/period", "expected a string, got a number 2024"));
    CHECK(has(ps, "/observations/8/unit", "unknown field \"unit\"; expected one of: goal, period, value"));
    CHECK(has(ps, "/observations/9/level", "levels are for 各级 (all_levels) goals"));
    CHECK(has(ps, "/observations/10/numerator", "only for goals measured in %"));
    CHECK(has(ps, "/observations/11/level", "missing required field \"level\""));
    CHECK(has(ps, "/observations/13", "duplicate of /observations/12"));
  }

  TEST_CASE("JSON: the root, the format tag, and the observations array are checked") {
    CHECK(has(json_problems("[]"), "", "expected an object"));
    CHECK(has(json_problems(R"({"observation": []})"), "/observation", "unknown field \"observation\""));
    CHECK(has(json_problems(R"({"observation": []})"), "/observations", "missing required field \"observations\""));
    CHECK(has(json_problems(R"({"observations": {}})"), "/observations", "expected an array, got an object"));
    CHECK(has(json_problems(R"({"format": "qgov-observations/2", "observations": []})"), "/format",
              "unsupported format \"qgov-observations/2\""));
    CHECK(has(json_problems(R"({"observations": [42]})"), "/observations/0", "expected an object, got a number 42"));
    CHECK(has(json_problems(R"({"observations": [{"goal": null}]})"), "/observations/0/goal",
              "expected a string, got null"));
  }

  TEST_CASE("JSON: syntax errors have a line and column; duplicate keys are refused") {
    const auto ps = json_problems("{\n  \"observations\": [\n    {\"goal\": \"x\",}\n  ]\n}");
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].where == "3:18");
    CHECK(ps[0].message.find("invalid JSON: syntax error") == 0);
    const auto dup = json_problems(R"({"observations": [{"goal": "food_sampling_pass_rate", "period": "2024",
        "value": 98.6, "value": 98.7, "reported_on": "2025-01-20"}]})");
    INFO(dump(dup));
    REQUIRE(dup.size() == 1);
    CHECK(has(dup, "/observations/0/value", "duplicate key \"value\""));
    CHECK(has(json_problems(R"({"observations": [], "observations": []})"), "/observations", "duplicate key"));
  }

  TEST_CASE("JSON: invalid UTF-8, a huge number, and deep nesting are load_errors") {
    CHECK(has(json_problems("{\"observations\": [{\"source\": \"\xFF\"}]}"), "1:31", "invalid JSON"));
    CHECK(has(json_problems(R"({"observations": [{"value": 1e999}]})"), "1:29", "invalid JSON: number overflow parsing '1e999'"));
    const auto deep = json_problems("{\"observations\": " + std::string(100000, '[') + std::string(100000, ']') + "}");
    CHECK(has(deep, "", "levels deep"));
    CHECK(has(json_problems(R"({"observations": [{"goal": [[[[1]]]]}]})"), "/observations/0/goal",
              "expected a string, got an array […]"));
  }

  // -------------------------------------------------------------------------------------------
  // Writing, and round trips

  TEST_CASE("to_csv then parse gives back the same ledger, revisions, quoting and awkward numbers included") {
    const auto l = rich_ledger();
    const std::string text = to_csv(l);
    const auto again = parse_observations_csv(text, dongli(), "again.csv");
    CHECK(without_origin(again) == without_origin(l));
    CHECK(to_csv(again) == text);
    CHECK(text.rfind(header, 0) == 0);
    CHECK(text.find("food_sampling_pass_rate,2024,98.6,1972,2000,,2025-01-20,\"通报, 第1期\"\n") != std::string::npos);
    CHECK(text.find("\"revised \"\"final\"\" figure\"") != std::string::npos);
    CHECK(text.find(",  spaces kept  \n") != std::string::npos);  // quoted only when needed
    CHECK(text.find(",1e+21,") != std::string::npos);
    CHECK(text.find(",0.30000000000000004,") != std::string::npos);
  }

  TEST_CASE("to_json then parse gives back the same ledger") {
    const auto l = rich_ledger();
    const std::string text = to_json(l);
    const auto again = parse_observations_json(text, dongli(), "again.json");
    CHECK(without_origin(again) == without_origin(l));
    CHECK(to_json(again) == text);
    const auto j = json::parse(text);
    CHECK(j.at("format") == "qgov-observations/1");
    CHECK(j.at("observations").size() == l.size());
    const auto& first = j.at("observations").at(0);
    CHECK_FALSE(first.contains("origin"));
    CHECK(first.at("value").is_number());
    // and across formats
    CHECK(without_origin(parse_observations_csv(to_csv(again), dongli())) == without_origin(l));
  }

  TEST_CASE("writing refuses an observation its reader would refuse") {
    observation o;
    o.goal = goal_id("food_sampling_pass_rate");
    o.period = period::year(2024);
    o.value = 50;
    o.rate = rate{1972, 2000};
    o.reported_on = d("2025-01-20");
    CHECK_THROWS_AS((void)to_csv(observation_ledger({o})), qgov::error);
    o.rate.reset();
    o.value = std::nan("");
    CHECK_THROWS_AS((void)to_json(observation_ledger({o})), qgov::error);
    o.value = 50;
    o.reported_on = date();
    CHECK_THROWS_AS((void)to_csv(observation_ledger({o})), qgov::error);
    o.reported_on = d("2025-01-20");
    o.source = "\xFF";
    CHECK_THROWS_AS((void)to_json(observation_ledger({o})), qgov::error);
    o.source = "fine";
    CHECK_NOTHROW((void)to_json(observation_ledger({o})));
    o.period = period::year(1850);
    o.reported_on = d("1851-01-20");
    CHECK_THROWS_AS((void)to_csv(observation_ledger({o})), qgov::error);
  }

  TEST_CASE("the examples in docs/observations-format.md load, and mean what the document says") {
    const std::string doc = test::read(test::repo("docs/observations-format.md"));
    auto block = [&](const std::string& fence) {
      const auto open = doc.find("```" + fence + "\n");
      REQUIRE(open != std::string::npos);
      const auto from = open + fence.size() + 4;
      return doc.substr(from, doc.find("```", from) - from);
    };
    const auto l = parse_observations_csv(block("csv"), dongli(), "doc.csv");
    CHECK(l.size() == 5);
    const goal_id food("food_sampling_pass_rate");
    auto food_2024_known = [&](const char* as_of, const char* known_as_of) {
      const auto k = l.known(food, d(as_of), d(known_as_of));
      return k.empty() ? -1.0 : k.back()->value;
    };
    CHECK(food_2024_known("2025-12-31", "2025-02-28") == 98.6);
    CHECK(food_2024_known("2025-12-31", "2025-12-31") == 98.65);
    CHECK(food_2024_known("2025-12-31", "2025-01-19") == -1);
    CHECK(food_2024_known("2024-12-30", "2025-12-31") == -1);
    CHECK(parse_observations_json(block("json"), dongli(), "doc.json").size() == 2);
  }

  // -------------------------------------------------------------------------------------------
  // Files

  TEST_CASE("load_observations dispatches on the extension, in any case, and names unreadable files") {
    const auto dir = std::filesystem::temp_directory_path() / "qgov-observations-test";
    std::filesystem::create_directories(dir);
    const auto l = rich_ledger();
    std::ofstream(dir / "obs.CSV", std::ios::binary) << to_csv(l);
    std::ofstream(dir / "obs.json", std::ios::binary) << to_json(l);
    std::ofstream(dir / "obs.txt", std::ios::binary) << to_csv(l);
    const auto from_csv = load_observations(dir / "obs.CSV", dongli());
    CHECK(without_origin(from_csv) == without_origin(l));
    CHECK(from_csv.all()[0].origin.rfind((dir / "obs.CSV").string() + ":", 0) == 0);
    CHECK(without_origin(load_observations(dir / "obs.json", dongli())) == without_origin(l));
    try {
      (void)load_observations(dir / "obs.txt", dongli());
      FAIL("expected a load_error");
    } catch (const load_error& e) {
      CHECK(e.origin() == (dir / "obs.txt").string());
      CHECK(has(e.problems(), "", "unsupported extension \".txt\"; observation files are .csv, .json or .xlsx"));
    }
    try {
      (void)load_observations(dir / "missing.csv", dongli());
      FAIL("expected a load_error");
    } catch (const load_error& e) {
      CHECK(e.origin() == (dir / "missing.csv").string());
      CHECK(has(e.problems(), "", "does not exist; expected an observations file (a regular file)"));
    }
    std::filesystem::create_directories(dir / "dir.csv");
    CHECK_THROWS_AS((void)load_observations(dir / "dir.csv", dongli()), load_error);
    std::filesystem::remove_all(dir);
  }
}

TEST_SUITE("io::observations (comments and the sample)") {
  TEST_CASE("comment lines before the header are skipped; after it they are rows") {
    const auto& p = qgov::plans::dongli_2024();
    const std::string header = "goal,period,value,numerator,denominator,level,reported_on,source\n";
    const auto ledger = qgov::parse_observations_csv("# a comment, with commas\n#another\n" + header +
                                                         "brand_index_score,2024,78.2,,,,2025-06-30,x\n",
                                                     p, "c.csv");
    CHECK(ledger.size() == 1);
    CHECK(ledger.all()[0].origin == "c.csv:4");
    CHECK_THROWS_AS((void)qgov::parse_observations_csv(header + "# not a comment here\n", p, "c.csv"), qgov::load_error);
  }
  TEST_CASE("the embedded sample says it is illustrative, loads, and covers every goal with a number") {
    const auto& p = qgov::plans::dongli_2024();
    const auto csv = qgov::plans::dongli_2024_sample_csv();
    CHECK(csv.starts_with("# ILLUSTRATIVE SAMPLE DATA"));
    const auto ledger = qgov::parse_observations_csv(csv, p, "sample");
    for (const auto& g : p.goals()) {
      if (!g.target) continue;
      CAPTURE(g.id);
      CHECK(std::any_of(ledger.all().begin(), ledger.all().end(), [&](const qgov::observation& o) { return o.goal == g.id; }));
    }
  }
}
