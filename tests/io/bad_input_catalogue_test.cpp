// The bad-input catalogue (issue 13, point 7; listed in docs/errors.md): every reader against the same hostile
// inputs. Each refusal must be a load_error whose every problem names a location and says what was wrong, in one
// bounded line; a variant that only re-encodes a valid file (a BOM, CRLF line ends) must either load to exactly what
// the valid file gives or be refused that way; and a refused load leaves the caller's value as it was.
#include <qgov/io/input_file.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <qgov/core/error.hpp>
#include <qgov/eval/evaluation.hpp>
#include <qgov/io/archive.hpp>
#include <qgov/io/evaluation_json.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/io/plan_json.hpp>
#include <qgov/io/progress_json.hpp>
#include <qgov/plans/dongli_2024.hpp>
#include <qgov/records/manufacturing_rate.hpp>
#include <qgov/records/records_csv.hpp>
#include <qgov/scenario/scenario.hpp>
#include <qgov/supervision/directory_io.hpp>

#include "../test_support.hpp"

using namespace qgov;

namespace {

const plan& dongli() { return plans::dongli_2024(); }

std::string replace_first(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "template lacks " << from);
  return s.replace(at, from.size(), to);
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

// One reader: a valid input as a template ({NUM} and {DATE} stand for a number and a date in it, when the format has
// them), and how to read it into something comparable.
struct reader {
  std::string name;
  bool json;                 // a JSON format: its root-level problems are at the JSON pointer "" (the document)
  std::string templ;         // valid once {NUM} → num and {DATE} → day
  std::string num, day;      // the valid values
  std::function<std::string(std::string_view)> read;  // a summary of what was read; throws load_error when refused
};

std::string ledger_summary(const observation_ledger& l) {
  std::string s;
  for (auto o : l.all()) {
    o.origin.clear();
    s += o.goal.str() + " " + o.period.str() + " " + std::to_string(o.value) + " " + to_iso(o.reported_on) + "\n";
  }
  return s;
}

std::string evaluation_template() {
  const auto ledger = parse_observations_csv(plans::dongli_2024_sample_csv(), dongli(), "sample.csv");
  std::string j = to_json(evaluate(dongli(), ledger, date(2025, 12, 31)), dongli());
  j = replace_first(j, "\"as_of\": \"2025-12-31\"", "\"as_of\": \"{DATE}\"");
  const auto at = j.find("\"score\": ");
  REQUIRE(at != std::string::npos);
  const auto end = j.find_first_of(",\n}", at + 9);
  return j.replace(at + 9, end - at - 9, "{NUM}");
}

std::vector<reader> readers() {
  using namespace qgov::records;
  using namespace qgov::supervision;
  const std::string obs_head = "goal,period,value,numerator,denominator,level,reported_on,source\n";
  const std::string plan_json = test::read(test::repo("data/plans/dongli-2024.json"));
  static const std::string source = test::read(test::repo("data/sources/dongli-2024.txt"));
  std::vector<reader> out;
  out.push_back({"plan JSON", true,
                 replace_first(replace_first(plan_json, "\"value\": 3.8,", "\"value\": {NUM},"),
                               "\"deadline\": \"2025-12-31\"", "\"deadline\": \"{DATE}\""),
                 "3.8", "2025-12-31", [](std::string_view t) {
                   return to_json(parse_plan(t, source, "p.json"));
                 }});
  out.push_back({"observations CSV", false, obs_head + "rd_expenditure_share,2024,{NUM},,,,{DATE},s\n", "3.71",
                 "2025-09-30", [](std::string_view t) {
                   return ledger_summary(parse_observations_csv(t, dongli(), "o.csv"));
                 }});
  out.push_back({"observations JSON", true,
                 R"({"observations": [{"goal": "rd_expenditure_share", "period": "2024", "value": {NUM}, "reported_on": "{DATE}"}]})",
                 "3.71", "2025-09-30",
                 [](std::string_view t) { return ledger_summary(parse_observations_json(t, dongli(), "o.json")); }});
  out.push_back({"evaluation JSON", true, evaluation_template(), "61.5", "2025-12-31", [](std::string_view t) {
                   return to_json(parse_evaluation_json(t, "e.json"), dongli());
                 }});
  out.push_back({"records CSV", false, std::string(records_csv_header) + "\nR1,food_evaluative,district,{DATE},a,b,E1,pass,,,,\n",
                 "", "2025-01-10", [](std::string_view t) {
                   std::ostringstream os;
                   write_records_csv(parse_records_csv(t, "r.csv"), os);
                   return os.str();
                 }});
  out.push_back({"industry output CSV", false, "region,industry,output_value\n华明街道,食品,{NUM}\n", "1200", "",
                 [](std::string_view t) {
                   std::string s;
                   for (const auto& o : parse_industry_output_csv(t, "out.csv"))
                     s += o.region + o.industry + std::to_string(o.value) + "\n";
                   return s;
                 }});
  out.push_back({"enterprises CSV", false, "id,name,fines_yuan,last_inspected_on\nA1,甲公司,{NUM},{DATE}\n", "100",
                 "2024-05-01", [](std::string_view t) {
                   std::string s;
                   for (const auto& e : parse_enterprises_csv(t, credit_scheme::tianjin_2017(), "e.csv"))
                     s += e.id.str() + e.name + "\n";
                   return s;
                 }});
  out.push_back({"inspectors CSV", false, "id,name\nI1,张三\nI2,李四\n", "", "", [](std::string_view t) {
                   std::string s;
                   for (const auto& i : parse_inspectors_csv(t, "i.csv")) s += i.id.str() + i.name + "\n";
                   return s;
                 }});
  out.push_back({"calendar CSV", false, "date,kind,name\n{DATE},holiday,元旦\n", "", "2025-01-01", [](std::string_view t) {
                   const auto c = parse_calendar_csv(t, "c.csv");
                   return std::to_string(c.holidays().size()) + " " + std::to_string(c.workdays().size());
                 }});
  out.push_back({"results CSV", false, "enterprise_id,outcome,inspected_on\nA1,合格,{DATE}\n", "", "2025-03-01",
                 [](std::string_view t) {
                   std::string s;
                   for (const auto& r : parse_results_csv(t, "r.csv")) s += r.id.str() + r.outcome + "\n";
                   return s;
                 }});
  out.push_back({"credit scheme JSON", true, R"({"base": "tianjin-2017"})", "", "",
                 [](std::string_view t) { return parse_scheme_json(t, "s.json").name; }});
  out.push_back({"scenario JSON", true,
                 R"({"qgov_scenario": 1, "scenarios": [{"name": "n", "as_of": "{DATE}", "observations": [{"goal": "rd_expenditure_share", "period": "2024", "value": {NUM}, "reported_on": "2025-09-30"}], "expect": {"goals": {"rd_expenditure_share": "on_track"}}}]})",
                 "3.71", "2025-12-31", [](std::string_view t) {
                   const auto f = parse_scenario_file(t, ".", "s.json");
                   return f.scenarios.front().name + " " + to_iso(f.scenarios.front().as_of) + " " +
                          ledger_summary(f.scenarios.front().observations);
                 }});
  out.push_back({"progress batch JSON", true, R"([{"points": [[2015, {NUM}], [2020, 3]], "config": {}}])", "2", "",
                 [](std::string_view t) { return progress_batch_json(t, "b.json"); }});
  static const std::string archive =
      to_archive_bytes(parse_observations_csv(plans::dongli_2024_sample_csv(), dongli(), "sample.csv"), archive_format::text);
  out.push_back({"archive", false, archive, "", "", [](std::string_view t) {
                   return ledger_summary(from_archive_bytes<observation_ledger>(t, std::nullopt, "a.qgar"));
                 }});
  return out;
}

struct outcome {
  std::optional<std::string> loaded;  // the summary, when it loaded
  std::vector<problem> problems;      // when refused
  std::string message;
};

outcome attempt(const reader& r, std::string_view text) {
  outcome o;
  try {
    o.loaded = r.read(text);
  } catch (const load_error& e) {
    o.problems = e.problems();
    o.message = e.what();
  }
  return o;
}

// Every problem of a refusal: a location (for JSON, "" is the document itself), a message, one bounded line.
void check_refusal(const reader& r, const std::string& case_name, const outcome& o) {
  INFO(r.name << " / " << case_name << ":\n" << o.message.substr(0, 2000));
  REQUIRE_FALSE(o.loaded);
  REQUIRE_FALSE(o.problems.empty());
  for (const auto& p : o.problems) {
    CHECK((!p.where.empty() || r.json));
    CHECK(p.message.size() >= 10);
    CHECK(p.message.size() <= 2000);
    CHECK(p.where.size() <= 300);
    CHECK(p.message.find('\n') == std::string::npos);
  }
}

}  // namespace

TEST_CASE("bad-input catalogue: every reader refuses each hostile input with a location, or reads it unchanged") {
  const std::string garbage = [] {
    std::string s;
    std::uint32_t x = 2463534242u;  // xorshift32: the same bytes everywhere
    for (int i = 0; i < 4096; ++i) {
      x ^= x << 13, x ^= x >> 17, x ^= x << 5;
      s += static_cast<char>(x & 0xFF);
    }
    return s;
  }();
  const std::string ten_mb_line(10u << 20, 'x');
  std::size_t refusals = 0, same_loads = 0;
  for (const auto& r : readers()) {
    std::string valid = replace_all(replace_all(r.templ, "{NUM}", r.num), "{DATE}", r.day);
    const outcome base = attempt(r, valid);
    INFO(r.name << ": " << base.message);
    REQUIRE(base.loaded);  // the template itself is valid

    // refused outright
    std::vector<std::pair<std::string, std::string>> refused = {
        {"empty file", ""},
        {"binary garbage", garbage},
        {"invalid UTF-8", r.name == "archive" ? "\xC3\x28" + valid : replace_first(valid, r.json ? "\"" : "\n", r.json ? "\"\xC3\x28" : "\n\xFF\xFE,")},
        {"10 MB line", valid + (r.json ? "" : "\n") + ten_mb_line + "\n"},
    };
    // a CSV cut at a row boundary is a valid shorter file; JSON and archives cut anywhere are not
    if (r.json || r.name == "archive") refused.push_back({"truncated", valid.substr(0, valid.size() / 2)});
    if (!r.num.empty()) {
      refused.push_back({"number 1e999", replace_all(replace_all(r.templ, "{NUM}", "1e999"), "{DATE}", r.day)});
      refused.push_back({"number NaN", replace_all(replace_all(r.templ, "{NUM}", "NaN"), "{DATE}", r.day)});
    }
    if (!r.day.empty())
      refused.push_back({"date 2025-02-30", replace_all(replace_all(r.templ, "{NUM}", r.num), "{DATE}", "2025-02-30")});
    for (const auto& [name, text] : refused) {
      check_refusal(r, name, attempt(r, text));
      ++refusals;
    }

    // re-encodings of the valid input, and -0: the same answer or a clear refusal
    std::vector<std::pair<std::string, std::string>> same = {
        {"UTF-8 BOM", "\xEF\xBB\xBF" + valid},
        {"CRLF line ends", replace_all(valid, "\n", "\r\n")},
    };
    if (!r.num.empty()) same.push_back({"number -0", replace_all(replace_all(r.templ, "{NUM}", "-0"), "{DATE}", r.day)});
    for (const auto& [name, text] : same) {
      const outcome o = attempt(r, text);
      INFO(r.name << " / " << name << ": " << o.message.substr(0, 2000));
      if (o.loaded) {
        if (name != "number -0") CHECK(*o.loaded == *base.loaded);
        ++same_loads;
      } else {
        check_refusal(r, name, o);
      }
    }
  }
  CHECK(refusals >= 14 * 4);
  MESSAGE(refusals << " refusals checked, " << same_loads << " re-encoded inputs loaded unchanged");
}

TEST_CASE("a refused load leaves the caller's value as it was: nothing half-loaded") {
  auto ledger = parse_observations_csv(plans::dongli_2024_sample_csv(), dongli(), "sample.csv");
  const auto before = ledger.all();
  const std::string half_bad = "goal,period,value,numerator,denominator,level,reported_on,source\n"
                               "rd_expenditure_share,2026,3.9,,,,2027-09-30,good row\n"
                               "rd_expenditure_share,2027,1e999,,,,2028-09-30,bad row\n";
  CHECK_THROWS_AS(ledger = parse_observations_csv(half_bad, dongli(), "o.csv"), load_error);
  CHECK(ledger.all() == before);
  auto table = records::parse_records_csv(std::string(records::records_csv_header) + "\nR1,food_evaluative,district,2025-01-10,a,b,E1,pass,,,,\n", "r.csv");
  CHECK_THROWS_AS(table = records::parse_records_csv(std::string(records::records_csv_header) +
                                                         "\nR2,food_evaluative,district,2025-01-10,a,b,E1,pass,,,,\n"
                                                         "R3,food_evaluative,district,2025-02-30,a,b,E1,pass,,,,\n",
                                                     "r.csv"),
                  load_error);
  REQUIRE(table.size() == 1);
  CHECK(table.row(0).id == "R1");
}
