// The authoring path: text + reviewed overlay → plan file. The Dongli plan file is its output byte for byte; the
// overlay must answer every finding; the skeleton starts a new plan's overlay.
#include <qgov/extract/author.hpp>

#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include <qgov/core/error.hpp>
#include <qgov/core/period.hpp>
#include <qgov/eval/evaluation.hpp>
#include <qgov/extract/extract.hpp>
#include <qgov/io/plan_json.hpp>
#include <qgov/plans/dongli_2024.hpp>

#include "../test_support.hpp"

namespace {

using namespace qgov;
using nlohmann::ordered_json;

std::string first_difference(const std::string& a, const std::string& b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  if (i == a.size() && i == b.size()) return "identical";
  const auto from = i > 80 ? i - 80 : 0;
  return "first difference at byte " + std::to_string(i) + ":\n--- authored\n" + a.substr(from, 160) +
         "\n--- committed\n" + b.substr(from, 160);
}

std::string author_problems(const std::string& text, const std::string& overlay) {
  try {
    (void)author_plan(text, overlay, {.text_origin = "TEXT", .overlay_origin = "OVERLAY"});
  } catch (const load_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("author: the Dongli plan file is the authoring path's output, byte for byte") {
  const auto text = test::read(test::repo("data/sources/dongli-2024.txt"));
  const auto overlay = test::read(test::repo("data/plans/dongli-2024.overlay.json"));
  const auto committed = test::read(test::repo("data/plans/dongli-2024.json"));
  std::string authored;
  try {
    authored = author_plan(text, overlay, {.text_origin = "data/sources/dongli-2024.txt",
                                           .overlay_origin = "data/plans/dongli-2024.overlay.json"});
  } catch (const load_error& e) {
    FAIL(std::string(e.what()));
  }
  INFO(first_difference(authored, committed));
  CHECK(authored == committed);
  // and the embedded plan is that file
  CHECK(std::string(plans::dongli_2024_plan_file()) == committed);
}

TEST_CASE("author: an unanswered finding is an error naming it, with its line and column") {
  const auto text = test::read(test::repo("data/sources/dongli-2024.txt"));
  auto overlay = ordered_json::parse(test::read(test::repo("data/plans/dongli-2024.overlay.json")));
  REQUIRE(overlay["findings"].size() >= 1);
  const auto answer = overlay["findings"][0];
  overlay["findings"].erase(0);
  const auto msg = author_problems(text, overlay.dump());
  CHECK(msg.find("finding not answered by the overlay: " + answer["why"].get<std::string>()) != std::string::npos);
  CHECK(msg.find("TEXT:") != std::string::npos);
  // an answer to a finding the text does not have is stale
  overlay["findings"].push_back({{"why", "a quantity with no target pattern"}, {"text", "不存在的句子"},
                                 {"decision", "not_a_target"}, {"reason", "x"}});
  CHECK(author_problems(text, overlay.dump()).find("answers no finding of this text") != std::string::npos);
}

TEST_CASE("author: a target the extractor reads must be kept or rejected; a goal must agree with the reading") {
  const auto text = test::read(test::repo("data/sources/dongli-2024.txt"));
  const auto original = ordered_json::parse(test::read(test::repo("data/plans/dongli-2024.overlay.json")));
  {
    auto overlay = original;
    overlay["goals"].erase(0);  // 全社会研发支出占GDP比重超过3.8% dropped without a word
    CHECK(author_problems(text, overlay.dump()).find("neither keeps nor rejects: \"全社会研发支出占GDP比重超过3.8%\"") !=
          std::string::npos);
  }
  {
    auto overlay = original;
    overlay["goals"][0]["comparator"] = "lt";  // 超过3.8% read as 低于
    const auto msg = author_problems(text, overlay.dump());
    CHECK(msg.find("/goals/0: the text reads gt 3.8 % here") != std::string::npos);
    overlay["goals"][0]["override"] = "the bureau's target letter says below";
    CHECK(author_problems(text, overlay.dump()).find("/goals/0: the text reads") == std::string::npos);
  }
  {
    auto overlay = original;
    overlay["units"].erase(0);  // 区教育局 printed, no overlay entry
    CHECK(author_problems(text, overlay.dump()).find("unit \"区教育局\" has no entry under the overlay's /units") !=
          std::string::npos);
  }
  {
    auto overlay = original;
    overlay["typo"] = 1;
    CHECK(author_problems(text, overlay.dump()).find("OVERLAY:/typo: unknown field") != std::string::npos);
  }
}

TEST_CASE("author: the skeleton starts an overlay the dictionary mostly fills; authoring waits for the decisions") {
  const auto text = test::read(test::repo("data/sources/dongli-2024.txt"));
  const auto d = extract(text);
  const auto sk = ordered_json::parse(overlay_skeleton(d, "dongli-2024", "../sources/dongli-2024.txt"));
  CHECK(sk["id"] == "dongli-2024");
  CHECK(sk["units"].size() == d.data.units.size());
  std::size_t named = 0;
  for (const auto& u : sk["units"]) named += !u["name_en"].get<std::string>().empty();
  MESSAGE("skeleton units with an English name from the dictionary: ", named, " of ", sk["units"].size());
  CHECK(named * 10 >= sk["units"].size() * 8);
  CHECK(sk["goals"].size() == d.data.goals.size());
  CHECK(sk["findings"].size() == d.unclassified.size());
  for (const auto& f : sk["findings"]) CHECK(f["decision"] == "");
  const auto msg = author_problems(text, sk.dump());
  CHECK(msg.find("is not a decision") != std::string::npos);
  CHECK(msg.find("/document/title_en") != std::string::npos);
}

namespace {

// Authors data/plans/NAME.json from its text and overlay, checks the committed file is that output byte for byte,
// loads it and returns it.
plan author_and_load(const std::string& name, const std::string& source) {
  const auto text = test::read(test::repo("data/sources/" + source));
  const auto overlay = test::read(test::repo("data/plans/" + name + ".overlay.json"));
  std::string authored;
  try {
    authored = author_plan(text, overlay, {.text_origin = "data/sources/" + source,
                                           .overlay_origin = "data/plans/" + name + ".overlay.json"});
  } catch (const load_error& e) {
    FAIL(std::string(e.what()));
  }
  const auto committed = test::read(test::repo("data/plans/" + name + ".json"));
  INFO(first_difference(authored, committed));
  CHECK(authored == committed);
  return load_plan(test::repo("data/plans/" + name + ".json"));
}

}  // namespace

TEST_CASE("author: a district plan (洞头区 2023) authored from its text, loaded and evaluated") {
  const plan p = author_and_load("dongtou-2023", "dongtou-2023.txt");
  REQUIRE(p.goals().size() == 3);
  CHECK(p.goals()[0].target->unit.empty());  // 制造业质量竞争力指数达到92以上: an index, no unit
  CHECK(p.goals()[0].target->value == 92);
  CHECK(p.document().number.text.empty());   // the page prints no 文号
  CHECK(p.document().issuer.text == "温州市洞头区人民政府");
  observation_ledger ledger;
  ledger.add({goal_id("manufacturing_product_pass_rate"), period::year(2024), 96.8, {}, {}, date(2025, 3, 1), "test", "<code>"});
  ledger.add({goal_id("service_quality_satisfaction"), period::year(2024), 85.0, {}, {}, date(2025, 3, 1), "test", "<code>"});
  const auto e = evaluate(p, ledger, date(2025, 4, 1));
  REQUIRE(e.goals.size() == 3);
  CHECK(e.goals[0].status == goal_status::no_data);
  CHECK(e.goals[1].status == goal_status::achieved);
  CHECK(e.goals[2].status != goal_status::achieved);
  CHECK(e.goals[2].status != goal_status::no_data);
}

TEST_CASE("author: a city plan in traditional script (惠州市 2017) authored, loaded and evaluated") {
  const plan p = author_and_load("huizhou-2017", "huizhou-2017.txt");
  CHECK(p.document().number.text == "惠府辦函〔2017〕35號");
  CHECK(p.document().issuer.text == "惠州市人民政府辦公室");
  CHECK(p.document().issued_on == date(2017, 3, 5));
  REQUIRE(p.goals().size() == 2);
  CHECK(p.goals()[0].kind == goal_kind::trend);
  const auto e = evaluate(p, observation_ledger{}, date(2017, 12, 31));
  REQUIRE(e.goals.size() == 2);
  CHECK(e.goals[0].status == goal_status::no_data);
  CHECK(e.goals[1].status == goal_status::not_scored);
}
