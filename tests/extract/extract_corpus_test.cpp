// The extractor on real plans it was not written from: openings of other districts', counties', cities',
// provinces' and the national plan's texts (tests/extract/corpus/, provenance in its README), each with a reading
// written by hand. Reports precision and recall of numeric targets per plan and in total; docs/extract.md
// carries the same figures.
#include <qgov/extract/extract.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <qgov/io/plan_json.hpp>

#include "../test_support.hpp"

namespace {

using namespace qgov;
using nlohmann::json;

struct expected_target {
  std::string quote, comparator, unit, deadline;
  double value = 0;
};

struct score {
  std::string plan;
  std::size_t expected = 0, found = 0, matched = 0;
  std::vector<std::string> missed, spurious;
};

bool contains_either(const std::string& a, const std::string& b) {
  return a.find(b) != std::string::npos || b.find(a) != std::string::npos;
}

// A drafted goal reads an expected target when comparator, value, unit and deadline agree and the quotes overlap
// (one contains the other: the hand reading quotes the target phrase, the draft its piece of the sentence).
bool reads(const goal& g, const expected_target& e) {
  if (!g.target) return false;
  const std::string deadline = g.deadline.is_special() ? std::string("null") : to_iso(g.deadline);
  return to_string(g.target->comparator) == e.comparator && g.target->value == e.value && g.target->unit == e.unit &&
         deadline == e.deadline && contains_either(g.quote, e.quote);
}

score score_plan(const std::string& name, const plan_draft& d, const std::vector<expected_target>& expected) {
  score s;
  s.plan = name;
  s.expected = expected.size();
  s.found = d.data.goals.size();
  std::vector<bool> used(d.data.goals.size(), false);
  for (const auto& e : expected) {
    bool hit = false;
    for (std::size_t k = 0; k < d.data.goals.size() && !hit; ++k)
      if (!used[k] && reads(d.data.goals[k], e)) used[k] = hit = true;
    if (hit) ++s.matched;
    else s.missed.push_back(e.quote + " " + e.comparator + " " + std::to_string(e.value) + e.unit + " by " + e.deadline);
  }
  for (std::size_t k = 0; k < d.data.goals.size(); ++k)
    if (!used[k]) {
      const auto& g = d.data.goals[k];
      s.spurious.push_back(g.quote + " " + std::string(to_string(g.target->comparator)) + " " +
                           std::to_string(g.target->value) + g.target->unit);
    }
  return s;
}

std::vector<score> corpus_scores() {
  std::vector<score> out;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(test::repo("tests/extract/corpus")))
    if (e.path().string().ends_with(".expected.json")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const auto j = json::parse(test::read(f));
    const std::string stem = f.filename().string().substr(0, f.filename().string().size() - 14);
    const auto text = test::read(f.parent_path() / (stem + ".txt"));
    std::vector<expected_target> ex;
    for (const auto& t : j["targets"])
      ex.push_back({t["quote"], t["comparator"], t["unit"], t["deadline"], t["value"].get<double>()});
    out.push_back(score_plan(stem, extract(text), ex));
  }
  // The reference plan: its committed plan file is the reading (each goal with a printed figure, and its
  // restatements in the columns).
  const plan dongli = load_plan(test::repo("data/plans/dongli-2024.json"));
  std::vector<expected_target> ex;
  for (const auto& g : dongli.goals()) {
    if (!g.target || g.target->stated.empty()) continue;
    const auto deadline = to_iso(g.deadline);
    ex.push_back({g.quote, std::string(to_string(g.target->comparator)), g.target->unit, deadline, g.target->value});
    for (const auto& r : g.restatements)
      ex.push_back({r.quote, std::string(to_string(g.target->comparator)), g.target->unit, deadline, g.target->value});
  }
  out.push_back(score_plan("dongli-2024 (reference)", extract(dongli.source_text()), ex));
  return out;
}

}  // namespace

TEST_CASE("corpus: numeric targets of real plans, precision and recall per plan and in total") {
  const auto scores = corpus_scores();
  REQUIRE(scores.size() >= 11);
  std::size_t expected = 0, found = 0, matched = 0;
  std::string table = "\nplan                               expected found matched precision recall\n";
  for (const auto& s : scores) {
    expected += s.expected;
    found += s.found;
    matched += s.matched;
    char row[200];
    std::snprintf(row, sizeof row, "%-34s %8zu %5zu %7zu %8.1f%% %5.1f%%\n", s.plan.c_str(), s.expected, s.found,
                  s.matched, s.found ? 100.0 * s.matched / s.found : 100.0,
                  s.expected ? 100.0 * s.matched / s.expected : 100.0);
    table += row;
    for (const auto& m : s.missed) table += "    missed:   " + m + "\n";
    for (const auto& m : s.spurious) table += "    spurious: " + m + "\n";
  }
  const double precision = found ? static_cast<double>(matched) / static_cast<double>(found) : 1.0;
  const double recall = expected ? static_cast<double>(matched) / static_cast<double>(expected) : 1.0;
  char total[200];
  std::snprintf(total, sizeof total, "%-34s %8zu %5zu %7zu %8.1f%% %5.1f%%\n", "total", expected, found, matched,
                100 * precision, 100 * recall);
  table += total;
  MESSAGE(table);
  CHECK(precision >= 0.95);
  CHECK(recall >= 0.95);
}

TEST_CASE("corpus: a real traditional-script text reads to the same targets as its simplified twin") {
  // The 纲要's 主要目标 paragraph as two web copies print it: one simplified, one traditional.
  const auto simplified = extract(test::read(test::repo("tests/extract/corpus/national-2023.txt")));
  const auto traditional = extract(test::read(test::repo("tests/extract/corpus/national-2023-traditional.txt")));
  REQUIRE(simplified.data.goals.size() == 1);
  REQUIRE(traditional.data.goals.size() == 1);
  const auto& s = simplified.data.goals.front();
  const auto& t = traditional.data.goals.front();
  CHECK(s.target == t.target);
  CHECK(s.deadline == t.deadline);
  CHECK(s.kind == t.kind);
  CHECK(t.quote == "制造業質量競爭力指數達到86");  // verbatim from the traditional bytes
  CHECK(s.quote == "制造业质量竞争力指数达到86");
}
