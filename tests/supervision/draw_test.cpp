// The 双随机 draw: reproducibility, row-order independence, and the ratio, two-inspector, conflict and frequency rules
// on every draw of many seeds; the timing rule with the 2025 calendar.
#include <qgov/supervision/draw.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include <qgov/core/error.hpp>
#include <qgov/core/sha256.hpp>
#include <qgov/supervision/directory_io.hpp>
#include <qgov/supervision/publication.hpp>

#include "../test_support.hpp"

using namespace qgov;
using namespace qgov::supervision;

#define PINNED_DRAW \
  "DL0018:I04,I05, DL0026:I08,I01, DL0036:I01,I04, DL0034:I08,I06, DL0039:I08,I04, DL0037:I01,I08, DL0040:I05,I01, "

namespace {

std::string example(const std::string& name) { return test::read(test::repo("examples/supervision/" + name)); }

draw_input example_input() {
  draw_input in;
  in.scheme = credit_scheme::tianjin_2017();
  in.enterprises = parse_enterprises_csv(example("enterprises.csv"), in.scheme, "enterprises.csv");
  in.inspectors = parse_inspectors_csv(example("inspectors.csv"), "inspectors.csv");
  in.calendar = parse_calendar_csv(example("calendar-2025.csv"), "calendar-2025.csv");
  in.inputs = {{"enterprises", "enterprises.csv", sha256_hex(example("enterprises.csv"))},
               {"inspectors", "inspectors.csv", sha256_hex(example("inspectors.csv"))}};
  return in;
}

const period q1 = *period::parse("2025-Q1");
const date jan2(2025, 1, 2);

// The data lines of a CSV in reverse order (comments and header kept first).
std::string reversed_rows(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto nl = text.find('\n', pos);
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl == std::string::npos ? text.size() : nl + 1;
  }
  std::size_t head = 0;
  while (head < lines.size() && lines[head].starts_with('#')) ++head;
  std::reverse(lines.begin() + static_cast<std::ptrdiff_t>(head) + 1, lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

bool conflicted(const draw_input& in, const enterprise_id& e, const inspector_id& p) {
  for (const auto& x : in.enterprises)
    if (x.id == e && std::find(x.conflicts.begin(), x.conflicts.end(), p) != x.conflicts.end()) return true;
  for (const auto& x : in.inspectors)
    if (x.id == p && std::find(x.conflicts.begin(), x.conflicts.end(), e) != x.conflicts.end()) return true;
  return false;
}

}  // namespace

TEST_CASE("the sample draw for 2025-Q1 takes ⌈ratio × class size⌉ per class and leaves out recent inspections") {
  const auto in = example_input();
  const auto r = run_draw(in, {}, 20250102, q1, jan2);
  REQUIRE(r.strata.size() == 4);
  // 良好 20 (5 % → 1), 警示 10 (5 % → 1), 失信 6 (21 % → 2), 严重失信 4 (61 % → 3)
  CHECK(r.strata[0].population == 20);
  CHECK(r.strata[1].population == 10);
  CHECK(r.strata[2].population == 6);
  CHECK(r.strata[3].population == 4);
  CHECK(r.strata[0].target == 1);
  CHECK(r.strata[1].target == 1);
  CHECK(r.strata[2].target == 2);
  CHECK(r.strata[3].target == 3);
  CHECK(r.objects.size() == 7);
  // DL0008 (良好, 3 days ago) and DL0032 (失信, 31 days ago) are within their caps; DL0037 (严重失信, cap 0) is not
  std::set<std::string> excluded;
  for (const auto& e : r.excluded) excluded.insert(e.id.str());
  CHECK(excluded.count("DL0008"));
  CHECK(excluded.count("DL0032"));
  CHECK_FALSE(excluded.count("DL0037"));
  CHECK(r.timing.within);
  CHECK(r.generator == "qgov-draw/1");
}

TEST_CASE("the sample draw for seed 20250102 is pinned: the same on every machine and build") {
  const auto r = run_draw(example_input(), {}, 20250102, q1, jan2);
  std::string got;
  for (const auto& o : r.objects) {
    got += o.id.str() + ":";
    for (const auto& p : o.inspectors) got += p.id.str() + ",";
    got += " ";
  }
  // Also computed by tests/supervision/reference_draw.py, an independent Python implementation of docs/supervision.md.
  CHECK(got == PINNED_DRAW);
}

TEST_CASE("the same inputs and seed give the same record byte for byte; another seed gives another draw") {
  const auto in = example_input();
  const auto a = draw_to_json(run_draw(in, {}, 99, q1, jan2));
  const auto b = draw_to_json(run_draw(example_input(), {}, 99, q1, jan2));
  CHECK(a == b);
  CHECK(draw_to_markdown(run_draw(in, {}, 99, q1, jan2)) == draw_to_markdown(run_draw(in, {}, 99, q1, jan2)));
  const auto c = run_draw(in, {}, 100, q1, jan2);
  CHECK(c.objects != run_draw(in, {}, 99, q1, jan2).objects);
}

TEST_CASE("the order of rows in the files does not change the draw") {
  auto in = example_input();
  auto shuffled = in;
  shuffled.enterprises = parse_enterprises_csv(reversed_rows(example("enterprises.csv")), in.scheme, "reversed.csv");
  shuffled.inspectors = parse_inspectors_csv(reversed_rows(example("inspectors.csv")), "reversed.csv");
  REQUIRE(shuffled.enterprises.front().id.str() == "DL0040");
  for (std::uint64_t seed : {1ull, 2ull, 20250102ull, 18446744073709551615ull}) {
    const auto a = run_draw(in, {}, seed, q1, jan2);
    const auto b = run_draw(shuffled, {}, seed, q1, jan2);
    CHECK(a.objects == b.objects);
    CHECK(a.strata == b.strata);
  }
}

TEST_CASE("over 200 seeds every draw keeps the ratios, two distinct inspectors, conflicts and the frequency cap") {
  const auto in = example_input();
  draw_parameters params;
  params.strata[0] = {1, 4, 365};  // larger samples, so the rules are exercised on more objects
  params.strata[1] = {1, 2, 365};
  std::set<std::string> seen_first;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    const auto r = run_draw(in, params, seed * 7919 + 3, q1, jan2);
    std::set<std::string> objects;
    std::array<std::size_t, 4> per{};
    for (const auto& o : r.objects) {
      CHECK(objects.insert(o.id.str()).second);  // no object twice
      ++per[static_cast<std::size_t>(o.stratum)];
      const enterprise* e = nullptr;
      for (const auto& x : in.enterprises)
        if (x.id == o.id) e = &x;
      REQUIRE(e);
      CHECK(classify(*e, in.scheme).level == o.stratum);
      if (e->last_inspected_on)
        CHECK((jan2 - *e->last_inspected_on).days() >= params.strata[static_cast<std::size_t>(o.stratum)].frequency_cap_days);
      REQUIRE(o.inspectors.size() == 2);
      CHECK(o.inspectors[0].id != o.inspectors[1].id);
      for (const auto& p : o.inspectors) CHECK_FALSE(conflicted(in, o.id, p.id));
    }
    for (std::size_t i = 0; i < 4; ++i) {
      const auto& s = r.strata[i];
      const auto& rule = params.strata[i];
      const std::size_t target = (s.population * rule.ratio_numerator + rule.ratio_denominator - 1) / rule.ratio_denominator;
      CHECK(s.target == target);
      CHECK(per[i] == std::min(target, s.eligible));
      CHECK(s.population == s.excluded + s.eligible);
    }
    seen_first.insert(r.objects.front().id.str());
  }
  CHECK(seen_first.size() > 5);  // the first draw varies with the seed
}

TEST_CASE("a required qualification limits the inspectors to those who hold it") {
  draw_parameters params;
  params.required_qualification = "食品";
  const auto r = run_draw(example_input(), params, 5, q1, jan2);
  const std::set<std::string> food{"I01", "I02", "I05", "I07"};
  for (const auto& o : r.objects)
    for (const auto& p : o.inspectors) CHECK(food.count(p.id.str()));
  params.required_qualification = "计量";  // I03 and I07; DL0002 conflicts with I03 … only if drawn
  params.inspectors_per_object = 3;
  CHECK_THROWS_WITH_AS(run_draw(example_input(), params, 5, q1, jan2),
                       doctest::Contains("fewer eligible inspectors than needed: 2 on the roster with the qualification"),
                       qgov::error);
}

TEST_CASE("the timing rule: the first five working days of each 2025 quarter, 调休 Saturdays included") {
  const auto cal = example_input().calendar;
  auto window = [&](const char* q) {
    const auto t = check_timing(*period::parse(q), period::parse(q)->first_day(), cal);
    std::string s;
    for (const auto& d : t.window_days) s += to_iso(d) + " ";
    return s;
  };
  CHECK(window("2025-Q1") == "2025-01-02 2025-01-03 2025-01-06 2025-01-07 2025-01-08 ");
  CHECK(window("2025-Q2") == "2025-04-01 2025-04-02 2025-04-03 2025-04-07 2025-04-08 ");
  CHECK(window("2025-Q3") == "2025-07-01 2025-07-02 2025-07-03 2025-07-04 2025-07-07 ");
  CHECK(window("2025-Q4") == "2025-10-09 2025-10-10 2025-10-11 2025-10-13 2025-10-14 ");  // 10-11 is a Saturday 上班
  CHECK(check_timing(q1, date(2025, 1, 8), cal).within);
  CHECK_FALSE(check_timing(q1, date(2025, 1, 9), cal).within);
  CHECK_FALSE(check_timing(q1, date(2025, 1, 1), cal).within);  // 元旦
  CHECK(check_timing(q1, date(2025, 1, 8), cal).zh == "抽取日期2025-01-08在2025-Q1前5个工作日（2025-01-02至2025-01-08）内");
  // without a calendar only weekends are known: 1 January counts as a working day
  CHECK(check_timing(q1, date(2025, 1, 1), work_calendar{}).within);
  CHECK_FALSE(check_timing(q1, date(2025, 1, 1), work_calendar{}).calendar_covers_year);
  CHECK(first_working_day(*period::parse("2025-Q4"), cal) == date(2025, 10, 9));
}

TEST_CASE("a draw outside the window is refused, or recorded as outside under record_only") {
  const auto in = example_input();
  CHECK_THROWS_WITH_AS(run_draw(in, {}, 1, q1, date(2025, 1, 9)),
                       doctest::Contains("timing rule: drawn on 2025-01-09, outside the first 5 working days of 2025-Q1"),
                       qgov::error);
  draw_parameters p;
  p.timing = timing_policy::record_only;
  const auto r = run_draw(in, p, 1, q1, date(2025, 1, 9));
  CHECK_FALSE(r.timing.within);
  CHECK(draw_to_json(r, {}).find("\"within\": false") != std::string::npos);
  CHECK_THROWS_WITH_AS(run_draw(in, {}, 1, *period::parse("2025-03"), jan2), doctest::Contains("for a quarter"),
                       qgov::error);
}

TEST_CASE("bad directories and rosters get clear errors naming the rows") {
  auto in = example_input();
  SUBCASE("duplicate enterprise ids built in code") {
    in.enterprises.push_back(in.enterprises.front());
    in.enterprises.back().origin = "mine:99";
    CHECK_THROWS_WITH_AS(run_draw(in, {}, 1, q1, jan2),
                         doctest::Contains("duplicate enterprise id \"DL0001\" (mine:99), first (enterprises.csv:4)"),
                         qgov::error);
  }
  SUBCASE("duplicate inspector ids") {
    in.inspectors.push_back(in.inspectors.front());
    CHECK_THROWS_WITH_AS(run_draw(in, {}, 1, q1, jan2), doctest::Contains("duplicate inspector id \"I01\""), qgov::error);
  }
  SUBCASE("empty roster") {
    in.inspectors.clear();
    CHECK_THROWS_WITH_AS(run_draw(in, {}, 1, q1, jan2), doctest::Contains("the inspector roster is empty"), qgov::error);
  }
  SUBCASE("fewer eligible inspectors than needed, after conflicts") {
    draw_parameters p;  // 8 inspectors on the roster; DL0012 conflicts with I02 (declared by I02)
    p.inspectors_per_object = 8;
    CHECK_THROWS_WITH_AS(run_draw(in, p, 1, q1, jan2),
                         doctest::Contains("enterprise \"DL0012\" (enterprises.csv:15): 7 eligible inspectors after "
                                           "conflicts of interest, 8 needed"),
                         qgov::error);
  }
  SUBCASE("a conflict naming an unknown inspector") {
    in.enterprises[0].conflicts.emplace_back("I99");
    CHECK_THROWS_WITH_AS(run_draw(in, {}, 1, q1, jan2),
                         doctest::Contains("declares a conflict with \"I99\", who is not on the inspector roster"),
                         qgov::error);
  }
  SUBCASE("last inspected after the draw date") {
    in.enterprises[0].last_inspected_on = date(2025, 3, 1);
    CHECK_THROWS_WITH_AS(run_draw(in, {}, 1, q1, jan2),
                         doctest::Contains("was last inspected on 2025-03-01, after the draw date 2025-01-02"),
                         qgov::error);
  }
  SUBCASE("a ratio that is not a fraction") {
    draw_parameters p;
    p.strata[2] = {3, 2, 0};
    CHECK_THROWS_WITH_AS(run_draw(in, p, 1, q1, jan2), doctest::Contains("the sampling ratio of class 失信 is 3/2"),
                         qgov::error);
  }
}

TEST_CASE("the publication record names clause （二十七）, the seed, the digests, and inspectors only as the option says") {
  const auto r = run_draw(example_input(), {}, 20250102, q1, jan2);
  const auto json = draw_to_json(r);
  CHECK(json.find("\"clause\": 27") != std::string::npos);
  CHECK(json.find("\"source_span\": [\n      33720,\n      35332\n    ]") != std::string::npos);
  CHECK(json.find("落实以信用监管为基础、以“双随机、一公开”监管和“互联网+监管”为基本手段、以重点监管为补充的新型监管制度。") !=
        std::string::npos);
  CHECK(json.find("\"seed\": \"20250102\"") != std::string::npos);
  CHECK(json.find(sha256_hex(example("enterprises.csv"))) != std::string::npos);
  CHECK(json.find("张明") == std::string::npos);  // default: ids only, no names
  publication_options names;
  names.inspectors = inspector_disclosure::name;
  const auto md = draw_to_markdown(r, names);
  CHECK(md.find("| 严重失信 | 61% | 0 | 4 | 0 | 4 | 3 | 3 |") != std::string::npos);
  CHECK(md.find("I0") == std::string::npos);  // names only
  publication_options none;
  none.inspectors = inspector_disclosure::none;
  CHECK(draw_to_json(r, none).find("\"inspector_count\": 2") != std::string::npos);
}

TEST_CASE("the library writes the same bytes as `qgov draw` (the committed golden record, also checked by the CLI test)") {
  auto in = example_input();
  in.inputs.push_back({"calendar", "calendar-2025.csv", sha256_hex(example("calendar-2025.csv"))});
  const auto json = draw_to_json(run_draw(in, {}, 20250102, q1, jan2));
  CHECK(json == test::read(test::repo("tests/supervision/data/golden-2025-Q1.json")));
}

TEST_CASE("the objects drawn do not depend on the roster: objects and inspectors have separate generators") {
  auto in = example_input();
  const auto a = run_draw(in, {}, 31, q1, jan2);
  in.inspectors.pop_back();  // I08 leaves
  const auto b = run_draw(in, {}, 31, q1, jan2);
  REQUIRE(a.objects.size() == b.objects.size());
  for (std::size_t i = 0; i < a.objects.size(); ++i) CHECK(a.objects[i].id == b.objects[i].id);
}

TEST_CASE("results are published with the draw; a result for an object not drawn is refused") {
  auto in = example_input();
  in.inputs.push_back({"calendar", "calendar-2025.csv", sha256_hex(example("calendar-2025.csv"))});
  const auto r = run_draw(in, {}, 20250102, q1, jan2);
  publication_options o;
  o.results = load_results(test::repo("tests/supervision/data/results-2025-Q1.csv"));
  const auto json = draw_to_json(r, o);
  CHECK(json.find("\"result\": {\n        \"outcome\": \"未发现问题\",\n        \"inspected_on\": \"2025-01-15\"") !=
        std::string::npos);
  CHECK(draw_to_markdown(r, o).find("| 发现问题，已责令整改 (2025-01-20); 标签不符合 GB 7718, 限期10日 |") != std::string::npos);
  o.results.push_back({enterprise_id("DL0001"), "未发现问题", std::nullopt, "", "mine:4"});
  CHECK_THROWS_WITH_AS(draw_to_json(r, o),
                       doctest::Contains("a result for \"DL0001\" (mine:4), which was not drawn in this draw"),
                       qgov::error);
  o.results.pop_back();
  o.results[0].inspected_on = date(2024, 12, 31);
  CHECK_THROWS_WITH_AS(draw_to_json(r, o), doctest::Contains("is dated 2024-12-31, before the draw (2025-01-02)"),
                       qgov::error);
}
