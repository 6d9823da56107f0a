// The HTML scorecard report: self-contained, well-formed, escaped, and showing the same figures as the JSON.
#include <qgov/render/report_html.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <qgov/core/error.hpp>
#include <qgov/eval/evaluation.hpp>
#include <qgov/io/evaluation_json.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/plan/plan.hpp>
#include <qgov/plans/dongli_2024.hpp>
#include <qgov/render/explanation.hpp>

using namespace qgov;

namespace {

const plan& dongli() { return plans::dongli_2024(); }

observation_ledger sample() {
  return parse_observations_csv(plans::dongli_2024_sample_csv(), dongli(), "<sample>");
}

evaluation sample_evaluation() { return evaluate(dongli(), sample(), *parse_iso_date("2025-12-31")); }

// The <article> of goal `id`, from its opening tag to its closing one (empty when absent).
std::string goal_block(const std::string& html, const std::string& id) {
  const auto open = html.find("<article class=\"goal");
  for (auto at = open; at != std::string::npos; at = html.find("<article class=\"goal", at + 1)) {
    const auto tag_end = html.find('>', at);
    if (html.substr(at, tag_end - at).find(" id=\"" + id + "\"") == std::string::npos) continue;
    const auto close = html.find("</article>", at);
    return html.substr(at, close - at);
  }
  return {};
}

// The value of attribute `name` in the first tag of `block`.
std::optional<std::string> first_tag_attribute(const std::string& block, const std::string& name) {
  const auto tag = block.substr(0, block.find('>'));
  const auto at = tag.find(" " + name + "=\"");
  if (at == std::string::npos) return std::nullopt;
  const auto from = at + name.size() + 3;
  return tag.substr(from, tag.find('"', from) - from);
}

// Every element opened is closed, in order; void elements and self-closing SVG elements stand alone.
// Returns the first problem, or an empty string.
std::string tag_balance_problem(const std::string& html) {
  static const std::vector<std::string> void_elements = {"meta", "br", "hr", "img", "input", "link", "col", "wbr"};
  std::vector<std::string> open;
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string::npos) {
    const auto end = html.find('>', at);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(at);
    std::string tag = html.substr(at + 1, end - at - 1);
    at = end + 1;
    if (tag.empty()) return "empty tag";
    if (tag[0] == '!') continue;  // <!DOCTYPE html>
    if (tag == "style") {         // CSS may hold '<' or '>' in selectors: skip to </style>
      at = html.find("</style>", at);
      if (at == std::string::npos) return "unclosed <style>";
      at += 8;
      continue;
    }
    const bool closing = tag[0] == '/';
    const bool self_closing = tag.back() == '/';
    std::string name = tag.substr(closing ? 1 : 0);
    name = name.substr(0, name.find_first_of(" \t\n/"));
    if (self_closing || std::find(void_elements.begin(), void_elements.end(), name) != void_elements.end()) continue;
    if (!closing) {
      open.push_back(name);
    } else {
      if (open.empty()) return "</" + name + "> closes nothing";
      if (open.back() != name) return "</" + name + "> closes <" + open.back() + ">";
      open.pop_back();
    }
  }
  if (!open.empty()) return "<" + open.back() + "> never closed";
  return {};
}

}  // namespace

TEST_CASE("the report anchors every goal with its status") {
  const auto e = sample_evaluation();
  const auto html = render_html(e, dongli());
  for (const auto& r : e.goals) {
    CAPTURE(r.goal.str());
    const auto block = goal_block(html, r.goal.str());
    REQUIRE_FALSE(block.empty());
    CHECK(first_tag_attribute(block, "data-goal") == r.goal.str());
    CHECK(first_tag_attribute(block, "data-status") == std::string(to_string(r.status)));
    CHECK(block.find(std::string(to_string(r.status))) != std::string::npos);  // the word, not only the colour
  }
}

TEST_CASE("the scorecard lists every unit of the plan, by name") {
  const auto html = render_html(sample_evaluation(), dongli());
  const auto scorecard = html.substr(html.find("<section id=\"scorecard\">"));
  for (const auto& u : dongli().units()) {
    CAPTURE(u.name);
    CHECK(scorecard.find("<tr id=\"unit-" + u.id.str() + "\" data-unit=\"" + u.id.str() + "\"") != std::string::npos);
    CHECK(scorecard.find(u.name) != std::string::npos);
  }
}

TEST_CASE("the matrix has one cell per named unit and clause, each with a role and a status") {
  const auto html = render_html(sample_evaluation(), dongli());
  std::size_t expected = 0;
  for (const auto& l : dongli().matrix()) expected += l.cells.size();
  const std::regex cell(R"re(<td class="cell [^"]*" data-unit="[a-z_]+" data-clause="[0-9]+" data-role="(lead|responsible|supporting)" data-status="[a-z_]+")re");
  const auto n = std::distance(std::sregex_iterator(html.begin(), html.end(), cell), std::sregex_iterator());
  CHECK(static_cast<std::size_t>(n) == expected);
  CHECK(expected == 175);
}

TEST_CASE("the report is self-contained: no script, nothing fetched from elsewhere") {
  const auto html = render_html(sample_evaluation(), dongli());
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  const std::regex href(R"re(href="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator(); ++it) {
    CAPTURE((*it)[1].str());
    CHECK((*it)[1].str().rfind('#', 0) == 0);  // in-page anchors only
  }
  CHECK(html.find("@page{size:A4") != std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
}

TEST_CASE("every element the report opens is closed, in every language") {
  for (auto lang : {language::zh, language::en, language::both}) {
    const auto html = render_html(sample_evaluation(), dongli(), lang);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(tag_balance_problem(html) == "");
  }
  SUBCASE("the checker itself catches a misnested tag") {
    CHECK(tag_balance_problem("<div><p></div></p>") != "");
    CHECK(tag_balance_problem("<div><br><svg><line/></svg></div>") == "");
  }
}

TEST_CASE("text from the plan is escaped: <&>\"' never reach the page raw") {
  plan_data d = dongli().data();
  d.document.title_en = "Plan <b>&\"'</b>";
  d.goals.front().name_en = "Goal <i>&</i> \"quoted\" 'single'";
  d.units.front().name_en = "Unit <script>alert(1)</script> & Co";
  const plan p = plan::from_data(std::move(d));
  const auto html = render_html(evaluate(p, sample(), *parse_iso_date("2025-12-31")), p, language::en);
  CHECK(html.find("Plan &lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;") != std::string::npos);
  CHECK(html.find("Goal &lt;i&gt;&amp;&lt;/i&gt; &quot;quoted&quot; &#39;single&#39;") != std::string::npos);
  CHECK(html.find("Unit &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<b>&") == std::string::npos);
  CHECK(tag_balance_problem(html) == "");
}

TEST_CASE("a plan with no figures at all renders, every scored goal showing no_data") {
  const auto e = evaluate(dongli(), observation_ledger{}, *parse_iso_date("2025-12-31"));
  const auto html = render_html(e, dongli());
  CHECK(tag_balance_problem(html) == "");
  int scored = 0;
  for (const auto& g : dongli().goals()) {
    CAPTURE(g.id.str());
    const auto block = goal_block(html, g.id.str());
    REQUIRE_FALSE(block.empty());
    if (g.kind == goal_kind::qualitative) {
      CHECK(first_tag_attribute(block, "data-status") == std::string("not_scored"));
      continue;
    }
    ++scored;
    CHECK(first_tag_attribute(block, "data-status") == std::string("no_data"));
    CHECK(block.find("no_data") != std::string::npos);
    CHECK_FALSE(first_tag_attribute(block, "data-value"));
  }
  CHECK(html.find("data-status=\"no_data\" data-count=\"" + std::to_string(scored) + "\"") != std::string::npos);
  // no unit can be scored: every scorecard row shows a dash
  CHECK(html.find("data-grade=") == std::string::npos);
}

TEST_CASE("the report's figures are the JSON evaluation's figures") {
  const auto e = sample_evaluation();
  const auto html = render_html(e, dongli());
  const auto j = nlohmann::json::parse(to_json(e, dongli()));
  REQUIRE(j["goals"].size() == dongli().goals().size());
  for (const auto& g : j["goals"]) {
    const std::string id = g["id"];
    CAPTURE(id);
    const auto block = goal_block(html, id);
    REQUIRE_FALSE(block.empty());
    CHECK(first_tag_attribute(block, "data-status") == g["status"].get<std::string>());
    const auto value = first_tag_attribute(block, "data-value");
    if (g["value"].is_null()) {
      CHECK_FALSE(value);
    } else {
      REQUIRE(value);
      CHECK(std::strtod(value->c_str(), nullptr) == doctest::Approx(g["value"].get<double>()).epsilon(1e-9));
    }
    if (!g["projected"].is_null()) {
      const auto projected = first_tag_attribute(block, "data-projected");
      REQUIRE(projected);
      CHECK(std::strtod(projected->c_str(), nullptr) == doctest::Approx(g["projected"].get<double>()).epsilon(1e-9));
    }
    if (g.contains("target")) CHECK(first_tag_attribute(block, "data-comparator") == g["target"]["comparator"].get<std::string>());
  }
  for (const auto& b : j["bureaus"]) {
    CAPTURE(b["id"].get<std::string>());
    const std::string row = "<tr id=\"unit-" + b["id"].get<std::string>() + "\"";
    const auto at = html.find(row);
    REQUIRE(at != std::string::npos);
    const auto tag = html.substr(at, html.find('>', at) - at);
    if (b["grade"].is_null()) CHECK(tag.find("data-grade") == std::string::npos);
    else CHECK(tag.find("data-grade=\"" + b["grade"].get<std::string>() + "\"") != std::string::npos);
  }
}

TEST_CASE("progress bars read lower-is-better and exact targets the right way") {
  plan_data d = dongli().data();
  // rd_expenditure_share (> 3.8 %) read as "at most 3.8 %" and as "exactly 3.8 %"
  for (auto c : {comparator::le, comparator::eq}) {
    for (auto& g : d.goals)
      if (g.id == goal_id("rd_expenditure_share")) {
        g.target->comparator = c;
        g.target_override = "test: the target read the other way";  // it contradicts 超过3.8% on purpose
      }
    const plan p = plan::from_data(d);
    const auto html = render_html(evaluate(p, sample(), *parse_iso_date("2025-12-31")), p);
    const auto block = goal_block(html, "rd_expenditure_share");
    REQUIRE_FALSE(block.empty());
    const auto at = block.find("data-fraction=\"");
    REQUIRE(at != std::string::npos);
    const double f = std::strtod(block.c_str() + at + 15, nullptr);
    // the value 3.71 is under 3.8: met for ≤ (full bar), 3.71/3.8 close for =
    if (c == comparator::le) CHECK(f == doctest::Approx(1.0));
    else CHECK(f == doctest::Approx(1 - 0.09 / 3.8).epsilon(1e-3));
  }
}
