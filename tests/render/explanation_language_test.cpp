// One language at a time: with --lang zh the evaluation and the report (text, Markdown, HTML) carry no English words
// outside ids and units; with --lang en no Chinese outside quotes and names (titles, units' and clauses' names,
// indicators as printed, the plan's quotes).
#include <qgov/render/explanation.hpp>

#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include <qgov/core/chinese_numeral.hpp>
#include <qgov/eval/evaluation.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/plans/dongli_2024.hpp>
#include <qgov/render/evaluation_text.hpp>
#include <qgov/render/report_html.hpp>

using namespace qgov;

namespace {

const plan& dongli() { return plans::dongli_2024(); }

observation_ledger sample() {
  return parse_observations_csv(plans::dongli_2024_sample_csv(), dongli(), "<sample>");
}

// The text a reader sees: no CSS, no tags (attributes are for machines), entities as characters.
std::string visible(std::string html) {
  for (const char* block : {"style", "script"}) {
    const std::string open = std::string("<") + block, close = std::string("</") + block + ">";
    for (auto at = html.find(open); at != std::string::npos; at = html.find(open, at)) {
      const auto end = html.find(close, at);
      html.erase(at, end == std::string::npos ? std::string::npos : end + close.size() - at);
    }
  }
  std::string out;
  bool tag = false;
  for (char c : html) {
    if (c == '<') tag = true, out += ' ';
    else if (c == '>') tag = false;
    else if (!tag) out += c;
  }
  for (const auto& [ent, ch] : std::vector<std::pair<std::string, std::string>>{{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}})
    for (auto at = out.find(ent); at != std::string::npos; at = out.find(ent, at)) out.replace(at, ent.size(), ch);
  return out;
}

std::set<std::string> allowed_latin() {
  std::set<std::string> ok{"qgov", "GDP", "docs", "formulas", "md"};
  ok.insert(dongli().id().str());
  for (const auto& g : dongli().goals()) ok.insert(g.id.str());
  for (const auto& u : dongli().units()) ok.insert(u.id.str());
  return ok;
}

std::vector<std::string> english_words(const std::string& text) {
  static const std::regex word("[A-Za-z][A-Za-z0-9_\\-]*[A-Za-z0-9_]");
  static const std::set<std::string> ok = allowed_latin();
  std::vector<std::string> found;
  for (std::sregex_iterator it(text.begin(), text.end(), word), end; it != end; ++it)
    if (!ok.count(it->str())) found.push_back(it->str());
  return found;
}

// Removes the names and quotes an English report keeps as printed.
std::string without_names(std::string text) {
  std::vector<std::string> names;
  const auto& d = dongli().document();
  for (const auto* s : {&d.title.text, &d.number.text, &d.issuer.text, &d.issued_on_text.text, &d.disclosure.text})
    names.push_back(*s);
  for (const auto& u : dongli().units()) names.push_back(u.name);
  for (const auto& g : dongli().goals()) {
    names.push_back(g.quote);
    names.push_back(g.indicator);
    names.push_back(g.name_en);  // an English name may keep a term as printed: (专精特新)
    if (g.target) names.push_back(g.target->stated);
    for (const auto& r : g.restatements) names.push_back(r.quote);
  }
  for (const auto& c : dongli().clauses()) names.push_back(c.title.text), names.push_back(clause_label(c.number.value));
  for (int i = 1; i <= 9; ++i) names.push_back("专栏" + std::to_string(i));
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const auto& n : names) {
    if (n.empty()) continue;
    for (auto at = text.find(n); at != std::string::npos; at = text.find(n, at)) text.replace(at, n.size(), " ");
  }
  return text;
}

std::vector<std::string> chinese_runs(const std::string& text) {
  std::vector<std::string> found;
  std::string run;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0xE3 && c <= 0xE9 && i + 2 < text.size()) {  // CJK ideographs and punctuation (U+3000–U+9FFF)
      run.append(text, i, 3);
      i += 2;
    } else if (!run.empty()) {
      found.push_back(run);
      run.clear();
    }
  }
  if (!run.empty()) found.push_back(run);
  return found;
}

std::string first(const std::vector<std::string>& v, std::size_t n = 12) {
  std::string s;
  for (std::size_t i = 0; i < v.size() && i < n; ++i) s += (i ? " | " : "") + v[i];
  return s;
}

const std::vector<std::string> dates{"2024-12-31", "2025-06-30", "2025-12-31", "2026-01-01", "2026-06-30", "2027-01-01"};

}  // namespace

TEST_SUITE("language") {
  TEST_CASE("--lang zh: evaluate (text, md) and report (html, md, text) have no English outside ids and units") {
    const auto ledger = sample();
    for (const std::string& as_of : dates) {
      const auto e = evaluate(dongli(), ledger, *parse_iso_date(as_of));
      for (const auto& [what, text] : std::vector<std::pair<std::string, std::string>>{
               {"text", render_text(e, dongli(), language::zh)},
               {"md", render_markdown(e, dongli(), language::zh)},
               {"html", visible(render_html(e, dongli(), language::zh))}}) {
        const auto words = english_words(text);
        INFO(what << " as of " << as_of << ": " << first(words));
        CHECK(words.empty());
      }
    }
  }

  TEST_CASE("--lang en: no Chinese outside quotes and names") {
    const auto ledger = sample();
    for (const std::string& as_of : dates) {
      const auto e = evaluate(dongli(), ledger, *parse_iso_date(as_of));
      for (const auto& [what, text] : std::vector<std::pair<std::string, std::string>>{
               {"text", render_text(e, dongli(), language::en)},
               {"md", render_markdown(e, dongli(), language::en)},
               {"html", visible(render_html(e, dongli(), language::en))}}) {
        const auto runs = chinese_runs(without_names(text));
        INFO(what << " as of " << as_of << ": " << first(runs));
        CHECK(runs.empty());
      }
    }
  }
}
