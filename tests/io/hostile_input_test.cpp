// What the loaders let through before issue 13 (point 6) and the empty answers that passed silently (point 3): each
// case found by the hostile-input trial has a regression test here, with the message it now gives.
#include <qgov/io/input_file.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <qgov/core/error.hpp>
#include <qgov/extract/extract.hpp>
#include <qgov/extract/target_reading.hpp>
#include <qgov/io/archive.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/io/plan_json.hpp>
#include <qgov/plans/dongli_2024.hpp>
#include <qgov/records/records_csv.hpp>
#include <qgov/scenario/scenario.hpp>
#include <qgov/supervision/directory_io.hpp>

#include "../test_support.hpp"

using namespace qgov;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string& source() {
  static const std::string s = test::read(test::repo("data/sources/dongli-2024.txt"));
  return s;
}

json dongli_json() { return json::parse(test::read(test::repo("data/plans/dongli-2024.json"))); }

json& goal_of(json& plan, const std::string& id) {
  for (auto& g : plan["goals"])
    if (g["id"] == id) return g;
  FAIL("no goal " << id);
  throw;
}

std::vector<problem> plan_problems(const json& j) {
  try {
    (void)parse_plan(j.dump(), source(), "p.json");
    return {};
  } catch (const load_error& e) {
    return e.problems();
  }
}

std::string dump(const std::vector<problem>& ps) {
  std::string s;
  for (const auto& p : ps) s += p.where + ": " + p.message + "\n";
  return s;
}

bool has(const std::vector<problem>& ps, const std::string& where, const std::string& fragment) {
  return std::any_of(ps.begin(), ps.end(), [&](const problem& p) {
    return p.where == where && p.message.find(fragment) != std::string::npos;
  });
}

std::string index_of(const json& plan, const std::string& id) {
  for (std::size_t i = 0; i < plan["goals"].size(); ++i)
    if (plan["goals"][i]["id"] == id) return "/goals/" + std::to_string(i);
  return "?";
}

// The message of the load_error `f` throws ("" if it throws none).
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const error& e) {
    return e.what();
  }
  return "";
}

// A fresh empty directory under the system temp dir, removed at the end of the test.
struct temp_dir {
  fs::path path;
  temp_dir() {
    std::string t = (fs::temp_directory_path() / "qgov-hostile-XXXXXX").string();
    path = mkdtemp(t.data());
  }
  ~temp_dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

}  // namespace

TEST_CASE("the extractor's reading of a phrase is what the plan loader checks targets against") {
  const auto r = read_targets("全社会研发支出占GDP比重超过3.8%");
  REQUIRE(r.size() == 1);
  CHECK(r[0].comparator == comparator::gt);
  CHECK(r[0].value == doctest::Approx(3.8));
  CHECK(r[0].unit == "%");
  const auto farmland = read_targets("累计建成4.4万亩高标准农田");
  REQUIRE(farmland.size() == 1);
  CHECK(farmland[0].value == doctest::Approx(44000));
  CHECK(farmland[0].unit == "亩");
  CHECK(read_targets("服务质量满意度全面提升").empty());
  CHECK(read_targets("\xff\xfe").empty());
  // every target of the Dongli plan agrees with the reading of its own quote, or says why not
  for (const auto& g : plans::dongli_2024().goals()) {
    if (!g.target || !g.target_override.empty()) continue;
    const auto readings = read_targets(g.quote);
    INFO(g.id << ": " << g.quote);
    if (readings.empty()) continue;
    CHECK(std::any_of(readings.begin(), readings.end(), [&](const target_reading& t) {
      return t.comparator == g.target->comparator && t.value == doctest::Approx(g.target->value) && t.unit == g.target->unit;
    }));
  }
}

TEST_CASE("a target that contradicts its quote is refused: comparator lt on 超过3.8%, value -3.8, unit blank") {
  {
    auto j = dongli_json();
    goal_of(j, "rd_expenditure_share")["comparator"] = "lt";
    const auto ps = plan_problems(j);
    INFO(dump(ps));
    CHECK(ps.size() == 1);
    CHECK(has(ps, index_of(j, "rd_expenditure_share") + "/comparator",
              "comparator lt contradicts its quote: the quote \"全社会研发支出占GDP比重超过3.8%\" reads gt 3.8 %"));
    CHECK(has(ps, index_of(j, "rd_expenditure_share") + "/comparator", "\"target_override\""));
  }
  {
    auto j = dongli_json();
    goal_of(j, "rd_expenditure_share")["value"] = -3.8;
    const auto ps = plan_problems(j);
    INFO(dump(ps));
    CHECK(has(ps, index_of(j, "rd_expenditure_share") + "/value", "value -3.8 contradicts its quote"));
  }
  {
    auto j = dongli_json();
    goal_of(j, "rd_expenditure_share")["unit"] = "   ";
    const auto ps = plan_problems(j);
    INFO(dump(ps));
    CHECK(has(ps, index_of(j, "rd_expenditure_share") + "/unit", "unit is blank"));
  }
  {
    auto j = dongli_json();
    goal_of(j, "high_standard_farmland")["value"] = 4.4;  // 4.4万亩 is 44000 亩
    CHECK(has(plan_problems(j), index_of(j, "high_standard_farmland") + "/value", "reads ge 44000 亩"));
  }
}

TEST_CASE("an explicit target_override with its reason lets a differing target load, and round-trips") {
  auto j = dongli_json();
  goal_of(j, "rd_expenditure_share")["value"] = 3.9;
  goal_of(j, "rd_expenditure_share")["target_override"] = "the district raised the target to 3.9% in its 2025 work report";
  const plan p = parse_plan(j.dump(), source(), "p.json");
  const goal* g = p.find_goal(goal_id("rd_expenditure_share"));
  REQUIRE(g);
  CHECK(g->target->value == 3.9);
  CHECK(g->target_override.starts_with("the district raised"));
  const plan again = parse_plan(to_json(p), source(), "again.json");
  CHECK(again.data() == p.data());
  CHECK(from_archive_bytes<plan>(to_archive_bytes(p, archive_format::binary)).data() == p.data());

  auto blank = dongli_json();
  goal_of(blank, "rd_expenditure_share")["value"] = 3.9;
  goal_of(blank, "rd_expenditure_share")["target_override"] = "  ";
  CHECK(has(plan_problems(blank), index_of(blank, "rd_expenditure_share") + "/target_override", "is blank"));

  auto no_target = dongli_json();
  goal_of(no_target, "vision_2035")["target_override"] = "why";
  CHECK(has(plan_problems(no_target), index_of(no_target, "vision_2035") + "/target_override", "has no target"));
}

TEST_CASE("implausible observations are refused at their row: 1e308 % and -3.52 % for a share, 98.5 家") {
  const plan& p = plans::dongli_2024();
  const std::string head = "goal,period,value,numerator,denominator,level,reported_on,source\n";
  auto csv_error = [&](const std::string& rows) {
    return error_of([&] { (void)parse_observations_csv(head + rows, p, "o.csv"); });
  };
  CHECK(csv_error("rd_expenditure_share,2024,1e308,,,,2025-09-30,\n")
            .find("o.csv:2:3: value: implausible value 1e+308: expected a number from 0 to 100 (rd_expenditure_share "
                  "is measured in %)") != std::string::npos);
  CHECK(csv_error("rd_expenditure_share,2024,-3.52,,,,2025-09-30,\n").find("o.csv:2:3: value: implausible value -3.52") !=
        std::string::npos);
  CHECK(csv_error("specialised_sme_count,2024,98.5,,,,2025-02-28,\n")
            .find("expected a whole number ≥ 0 (specialised_sme_count is measured in 家)") != std::string::npos);
  CHECK(csv_error("specialised_sme_count,2024,-1,,,,2025-02-28,\n").find("implausible value -1") != std::string::npos);
  CHECK(csv_error("high_standard_farmland,2024,-5,,,,2025-02-28,\n").find("expected a number ≥ 0") != std::string::npos);
  const auto js = error_of([&] {
    (void)parse_observations_json(
        R"({"observations": [{"goal": "rd_expenditure_share", "period": "2024", "value": 101, "reported_on": "2025-09-30"}]})",
        p, "o.json");
  });
  CHECK(js.find("o.json:/observations/0/value: implausible value 101") != std::string::npos);
  // a goal without a numeric target is not bounded; boundaries themselves are plausible
  CHECK(csv_error("construction_inspection_conformity,2024,-7,,,,2025-02-28,\n").empty());
  CHECK(csv_error("rd_expenditure_share,2024,0,,,,2025-09-30,\nrd_expenditure_share,2025,100,,,,2026-09-30,\n").empty());

  // configurable: a plan whose % goal may fall below zero says so
  observation_checks growth;
  growth.by_goal["rd_expenditure_share"] = {-50, 50, false};
  CHECK(parse_observations_csv(head + "rd_expenditure_share,2024,-3.52,,,,2025-09-30,\n", p, "o.csv", growth).size() == 1);
  CHECK(error_of([&] {
          (void)parse_observations_csv(head + "rd_expenditure_share,2024,60,,,,2025-09-30,\n", p, "o.csv", growth);
        }).find("expected a number from -50 to 50") != std::string::npos);
  observation_checks none;
  none.by_unit.clear();
  CHECK(parse_observations_csv(head + "specialised_sme_count,2024,98.5,,,,2025-02-28,\n", p, "o.csv", none).size() == 1);
  // the embedded sample is plausible throughout
  CHECK(parse_observations_csv(plans::dongli_2024_sample_csv(), p, "sample.csv").size() > 40);
}

TEST_CASE("special files, directories and oversized files get one clear message from every file reader") {
  temp_dir t;
  const fs::path dir = t.path / "a-directory";
  fs::create_directory(dir);
  const fs::path fifo = t.path / "a-fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const fs::path missing = t.path / "missing.json";
  const plan& p = plans::dongli_2024();

  struct reader_case {
    const char* name;
    std::function<void(const fs::path&)> read;
  };
  const std::vector<reader_case> readers = {
      {"plan", [](const fs::path& f) { (void)load_plan(f); }},
      {"observations", [&](const fs::path& f) { (void)load_observations(f, p); }},
      {"scenario", [](const fs::path& f) { (void)load_scenario_file(f); }},
      {"records", [](const fs::path& f) { (void)records::load_records(f.string()); }},
      {"inspectors", [](const fs::path& f) { (void)supervision::load_inspectors(f); }},
      {"archive", [](const fs::path& f) { (void)load_archive_file<plan>(f); }},
  };
  for (const auto& r : readers) {
    INFO(r.name);
    for (const auto& [path, fragment] : std::vector<std::pair<fs::path, std::string>>{
             {dir, "is a directory"}, {"/dev/zero", "is a character device"}, {missing, "does not exist"}}) {
      fs::path f = path;
      if (std::string(r.name) == "observations" && path == dir) {
        f = t.path / "obs-dir.csv";
        fs::create_directory(f);
      }
      const std::string m = error_of([&] { r.read(f); });
      INFO(m);
      CHECK(m.find(fragment) != std::string::npos);
      CHECK(m.find("expected a") != std::string::npos);
      CHECK(std::count(m.begin(), m.end(), '\n') == 1);  // one problem, one line
    }
  }
  // a FIFO is refused before it is opened (opening one blocks until a writer comes)
  CHECK(error_of([&] { (void)load_plan(fifo); }).find("is a FIFO") != std::string::npos);
  // a plan whose source.path is /dev/zero (it used to hang, growing to gigabytes) or a directory (375 span errors)
  for (const std::string& src : std::vector<std::string>{"/dev/zero", t.path.string()}) {
    auto j = dongli_json();
    j["source"]["path"] = src;
    const auto f = t.write("plan.json", j.dump());
    const std::string m = error_of([&] { (void)load_plan(f); });
    INFO(m);
    CHECK(m.find("1 problem") != std::string::npos);
    CHECK(m.find(":/source/path: the source text file " + src + " is a") != std::string::npos);
  }
  // the size limit is stated in the refusal
  const auto big = t.write("big.json", std::string(2048, ' '));
  const std::string m = error_of([&] { check_input_file(big, 1024, "plan file"); });
  CHECK(m.find("is 2048 bytes; a plan file may hold at most 1024 bytes") != std::string::npos);
  CHECK(error_of([&] { check_input_file(big, 4096, "plan file"); }).empty());
  std::istringstream stream(std::string(3000, 'x'));
  CHECK(error_of([&] { (void)read_input_stream(stream, 1 << 10, "progress batch"); })
            .find("more than 1024 bytes of input; a progress batch may hold at most 1024 bytes") != std::string::npos);
}

TEST_CASE("no silent emptiness: an empty expect, all rows rejected, an empty directory or result file") {
  const std::string m = error_of([] {
    (void)parse_scenario_file(R"({"qgov_scenario": 1, "scenarios": [{"name": "n", "as_of": "2025-12-31", "expect": {}}]})",
                              ".", "s.json");
  });
  CHECK(m.find("s.json:/scenarios/0/expect: expects nothing") != std::string::npos);
  CHECK(error_of([] {
          (void)parse_scenario_file(
              R"({"qgov_scenario": 1, "scenarios": [{"name": "n", "as_of": "2025-12-31", "expect": {"goals": {}, "bureaus": {}}}]})",
              ".", "s.json");
        }).find("expects nothing") != std::string::npos);
  CHECK(error_of([] { (void)parse_scenario_file(R"({"qgov_scenario": 1, "scenarios": []})", ".", "s.json"); })
            .find("s.json:/scenarios: expected a non-empty array of scenarios") != std::string::npos);

  temp_dir t;
  records::load_options lenient;
  lenient.keep_good_rows = true;
  lenient.rejects_path = (t.path / "rejects.csv").string();
  const std::string bad_rows = std::string(records::records_csv_header) +
                               "\nR1,nonsense,district,2025-01-10,a,b,E1,pass,,,,\nR2,food_evaluative,district,2025-02-30,a,b,E2,pass,,,,\n";
  const std::string r = error_of([&] { (void)records::parse_records_csv(bad_rows, "r.csv", lenient); });
  CHECK(r.find("r.csv:-: every row was rejected (2 rows; their reasons are in " + lenient.rejects_path) !=
        std::string::npos);
  CHECK(test::read(lenient.rejects_path).find("R1,nonsense") != std::string::npos);  // the rejects are still written
  // one good row is an answer, not emptiness
  CHECK(records::parse_records_csv(bad_rows + "R3,food_evaluative,district,2025-02-10,a,b,E3,pass,,,,\n", "r.csv", lenient)
            .size() == 1);

  CHECK(error_of([] { (void)supervision::parse_inspectors_csv("id,name\n", "i.csv"); }).find("lists no inspector") !=
        std::string::npos);
  CHECK(error_of([] {
          (void)supervision::parse_enterprises_csv("id,name\n", supervision::credit_scheme::tianjin_2017(), "e.csv");
        }).find("e.csv:2:1: the directory lists no enterprise") != std::string::npos);
  CHECK(error_of([] { (void)supervision::parse_results_csv("enterprise_id,outcome\n", "r.csv"); })
            .find("r.csv:2:1: the file lists no inspection result") != std::string::npos);
}
