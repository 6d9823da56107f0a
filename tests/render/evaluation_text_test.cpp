// The terminal and Markdown reports: the same statuses, values and grades as the JSON evaluation, the sections
// each language heads them with, and one language at a time when asked.
#include <qgov/render/evaluation_text.hpp>

#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include <qgov/eval/evaluation.hpp>
#include <qgov/io/evaluation_json.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/plans/dongli_2024.hpp>
#include <qgov/render/explanation.hpp>

using namespace qgov;

namespace {

const plan& dongli() { return plans::dongli_2024(); }

observation_ledger sample() {
  return parse_observations_csv(plans::dongli_2024_sample_csv(), dongli(), "<sample>");
}

evaluation sample_evaluation() { return evaluate(dongli(), sample(), *parse_iso_date("2025-12-31")); }

}  // namespace

TEST_CASE("the text report heads its bureau table in the language asked for, and names every unit") {
  const auto e = sample_evaluation();
  const auto en = render_text(e, dongli(), language::en);
  const auto zh = render_text(e, dongli(), language::zh);
  CHECK(en.find(std::string(wording::words_for(language::en).bureau_scorecard)) != std::string::npos);
  CHECK(zh.find(std::string(wording::words_for(language::zh).bureau_scorecard)) != std::string::npos);
  CHECK(en.find("Bureau scorecard") != std::string::npos);  // as `qgov evaluate --format text` prints it (cli.evaluate_text)
  for (const auto& u : dongli().units()) {
    if (u.kind == unit_kind::collective) continue;
    CAPTURE(u.name);
    CHECK(zh.find(u.name) != std::string::npos);
  }
  CHECK(render_text(e, dongli()) != en);  // both languages by default
}

TEST_CASE("the Markdown report is Markdown: a level-2 heading per part and pipe tables") {
  const auto md_zh = render_markdown(sample_evaluation(), dongli(), language::zh);
  CHECK(md_zh.find("## 部门考核计分") != std::string::npos);  // as cli.evaluate_md expects
  CHECK(md_zh.find("\n|") != std::string::npos);
  CHECK(md_zh.find("| `food_sampling_pass_rate` |") != std::string::npos);
  const auto md_en = render_markdown(sample_evaluation(), dongli(), language::en);
  CHECK(md_en.find("## 部门考核计分") == std::string::npos);
}

TEST_CASE("the Markdown and text reports carry the JSON evaluation's statuses, values and grades") {
  const auto e = sample_evaluation();
  const auto j = nlohmann::json::parse(to_json(e, dongli()));
  const auto md = render_markdown(e, dongli());
  const auto text = render_text(e, dongli());
  std::string id;
  // the reports print figures through the one formatter, rounded by unit (render/explanation.hpp)
  auto fixed2 = [&](double v) {
    const auto* goal = dongli().find_goal(goal_id(id));
    if (!goal || !goal->target) return wording::format_number(v, 2);
    return wording::display_number(v, wording::display_decimals(goal->target->unit, wording::printed_decimals(goal->target->stated)),
                                   {goal->target->value});
  };
  for (const auto& g : j.at("goals")) {
    id = g.at("id").get<std::string>();
    const std::string status = g.at("status");
    CAPTURE(id);
    const auto row = md.find("| `" + id + "` |");
    REQUIRE(row != std::string::npos);
    const auto line = md.substr(row, md.find('\n', row) - row);
    CHECK(line.find(" " + status + " |") != std::string::npos);
    if (!g.at("value").is_null()) CHECK(line.find(fixed2(g.at("value").get<double>())) != std::string::npos);
    const auto trow = text.find(" " + id + " ");
    REQUIRE(trow != std::string::npos);
    const auto tline = text.substr(trow, text.find('\n', trow) - trow);
    CHECK(tline.find(status) != std::string::npos);
    if (!g.at("value").is_null()) CHECK(tline.find(fixed2(g.at("value").get<double>())) != std::string::npos);
  }
  for (const auto& b : j.at("bureaus")) {
    if (b.at("score").is_null()) continue;
    char score[32];
    std::snprintf(score, sizeof score, "%.1f", b.at("score").get<double>());
    const std::string name = b.at("name");
    CAPTURE(name);
    const auto row = md.find("| " + name);
    REQUIRE(row != std::string::npos);
    const auto line = md.substr(row, md.find('\n', row) - row);
    CHECK(line.find(std::string("| ") + score + " | " + b.at("grade").get<std::string>()) != std::string::npos);
  }
}
