// The embedded Dongli plan, checked against the text of 东丽政发〔2024〕5号 itself — not against a copy of the answers.
// Each check re-reads the source with its own small scanner, so an error in the plan file cannot hide behind the same
// error in an expected-values table.
#include <qgov/plans/dongli_2024.hpp>

#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <qgov/core/sha256.hpp>
#include <qgov/io/plan_json.hpp>

#include "../test_support.hpp"

namespace {

using namespace qgov;

// Chinese numerals as clause numbers are printed: 三 → 3, 十五 → 15, 二十八 → 28.
int chinese_number(const std::string& s) {
  static const std::map<std::string, int> digit = {{"一", 1}, {"二", 2}, {"三", 3}, {"四", 4}, {"五", 5},
                                                   {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}};
  int value = 0, pending = 0;
  for (std::size_t i = 0; i < s.size(); i += 3) {
    const std::string ch = s.substr(i, 3);
    if (ch == "十") {
      value += (pending == 0 ? 1 : pending) * 10;
      pending = 0;
    } else {
      pending = digit.at(ch);
    }
  }
  return value + pending;
}

struct printed_list {
  int clause;
  std::vector<std::string> names;
};

// An independent reading of the responsibility lists: every "（…按职责分工负责）", attributed to the last clause
// heading before it, split on 、 and the final 和, with the closing 等 dropped.
std::vector<printed_list> scan_lists(const std::string& text) {
  std::vector<printed_list> out;
  const std::string closing = "按职责分工负责）";
  std::size_t at = 0;
  while ((at = text.find(closing, at)) != std::string::npos) {
    const std::size_t open = text.rfind("（", at);
    std::string body = text.substr(open + 3, at - open - 3);
    if (body.size() >= 3 && body.substr(body.size() - 3) == "等") body.resize(body.size() - 3);
    const std::size_t he = body.rfind("和");
    std::vector<std::string> names;
    std::string head = body.substr(0, he);
    for (std::size_t from = 0;;) {
      const std::size_t sep = head.find("、", from);
      names.push_back(head.substr(from, sep - from));
      if (sep == std::string::npos) break;
      from = sep + 3;
    }
    names.push_back(body.substr(he + 3));
    // the clause: the nearest "\n（N）" heading before the list
    static const std::regex heading("\n\\s*（([一二三四五六七八九十]+)）");
    int clause = 0;
    auto begin = std::sregex_iterator(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(open), heading);
    for (auto it = begin; it != std::sregex_iterator(); ++it) clause = chinese_number((*it)[1].str());
    out.push_back({clause, names});
    at += closing.size();
  }
  return out;
}

// The comparator the genre's wording implies, read from a quote.
std::optional<comparator> comparator_from_wording(const std::string& quote) {
  auto has = [&](const char* w) { return quote.find(w) != std::string::npos; };
  if (has("超过") || has("高于")) return comparator::gt;
  if (has("低于")) return comparator::lt;
  if (has("控制在") || has("以内") || has("以下")) return comparator::le;
  if (has("全部")) return comparator::eq;
  if (has("达到") || has("不少于") || has("不低于") || has("以上") || has("均达") || has("累计") || has("新增") ||
      has("建立") || has("建成"))
    return comparator::ge;
  return std::nullopt;
}

const std::regex quantity(R"((\d+(?:\.\d+)?)(万)?(%|个|家|项|亩|分|条))");

}  // namespace

TEST_SUITE("plans::dongli_2024") {
  static const plan& p = plans::dongli_2024();
  static const std::string text(p.source_text());

  TEST_CASE("the embedded source is the verbatim text in data/sources, with the digest the plan file records") {
    CHECK(text == test::read(test::repo("data/sources/dongli-2024.txt")));
    CHECK(sha256_hex(text) == p.data().source.sha256);
  }

  TEST_CASE("the embedded plan equals the plan file loaded from disk") {
    const plan from_file = load_plan(test::repo("data/plans/dongli-2024.json"));
    CHECK(from_file.data() == p.data());
  }

  TEST_CASE("the document header: number, issuer, date and disclosure") {
    const auto& d = p.document();
    CHECK(d.number.text == "东丽政发〔2024〕5号");
    CHECK(d.issuer.text == "东丽区人民政府");
    CHECK(to_iso(d.issued_on) == "2024-08-22");
    CHECK(d.issued_on_text.text == "2024年8月22日");
    CHECK(d.disclosure.text == "此件主动公开");
    CHECK(d.title.text == "东丽区质量强区建设实施方案");
    CHECK(d.notice_title.text == "东丽区人民政府关于印发东丽区质量强区建设实施方案的通知");
  }

  TEST_CASE("10 sections, 31 clauses and 7 columns, numbered as printed") {
    REQUIRE(p.sections().size() == 10);
    REQUIRE(p.clauses().size() == 31);
    REQUIRE(p.columns().size() == 7);
    for (std::size_t i = 0; i < p.clauses().size(); ++i) {
      const auto& c = p.clauses()[i];
      CHECK(c.number.value == static_cast<int>(i) + 1);
      // the clause's span starts with its printed number, e.g. （三）, and its title follows
      const auto printed = std::string(p.text_of(c.span));
      static const std::regex head("^（([一二三四五六七八九十]+)）");
      std::smatch m;
      REQUIRE(std::regex_search(printed, m, head));
      CHECK(chinese_number(m[1].str()) == c.number.value);
      CHECK(printed.substr(m[0].length(), c.title.text.size()) == c.title.text);
    }
    CHECK(p.find_clause(clause_number{3})->title.text == "筑牢质量创新发展基础");
    CHECK(p.find_clause(clause_number{28})->title.text == "推动质量社会共治");
    for (const auto& col : p.columns()) {
      CHECK(p.text_of(col.span).substr(0, 6) == "专栏");
      CHECK(col.items.size() == 3);
      for (const auto& item : col.items) CHECK(p.text_of(item.span).substr(0, 6) == "——");
    }
    CHECK(p.columns()[0].title.text == "产业质量竞争力提升工程");
    CHECK(p.columns()[6].title.text == "质量安全监管现代化工程");
  }

  TEST_CASE("the matrix holds the 26 lists of （三）…（二十八）: 175 cells, names as printed, in source order") {
    const auto printed = scan_lists(text);
    REQUIRE(printed.size() == 26);
    REQUIRE(p.matrix().size() == 26);
    std::size_t cells = 0;
    std::set<std::string> distinct;
    for (std::size_t i = 0; i < printed.size(); ++i) {
      const auto& list = p.matrix()[i];
      CHECK(list.clause.value == printed[i].clause);
      CHECK(list.clause.value == static_cast<int>(i) + 3);
      REQUIRE(list.cells.size() == printed[i].names.size());
      for (std::size_t k = 0; k < list.cells.size(); ++k) {
        CHECK(p.text_of(list.cells[k].span) == printed[i].names[k]);
        CHECK(p.find_unit(list.cells[k].unit)->name == printed[i].names[k]);
        distinct.insert(printed[i].names[k]);
      }
      cells += list.cells.size();
    }
    CHECK(cells == 175);
    CHECK(distinct.size() == 35);
    CHECK(p.units().size() == 35);
  }

  TEST_CASE("the matrix JSON contract: clauses with integer numbers and bureaus {name, role} in source order") {
    const auto j = nlohmann::json::parse(matrix_to_json(p));
    REQUIRE(j.at("clauses").size() == 26);
    std::size_t cells = 0;
    for (const auto& c : j.at("clauses")) {
      CHECK(c.at("number").is_number_integer());
      const auto& bureaus = c.at("bureaus");
      for (std::size_t k = 0; k < bureaus.size(); ++k) {
        CHECK(bureaus[k].at("role") == (k == 0 ? "lead" : "responsible"));
        CHECK(bureaus[k].at("name").is_string());
      }
      cells += bureaus.size();
    }
    CHECK(cells == 175);
    CHECK(j.at("clauses")[0].at("bureaus")[0].at("name") == "区教育局");
    CHECK(j.at("clauses")[25].at("bureaus")[6].at("name") == "各街道园区");
  }

  TEST_CASE("units carry a kind; 各街道园区 is a collective, not a bureau") {
    std::map<unit_kind, int> kinds;
    for (const auto& u : p.units()) {
      ++kinds[u.kind];
      CHECK_FALSE(u.name_en.empty());
    }
    CHECK(p.find_unit_by_name("各街道园区")->kind == unit_kind::collective);
    CHECK(p.find_unit_by_name("东丽海关")->kind == unit_kind::customs);
    CHECK(p.find_unit_by_name("区检察院")->kind == unit_kind::judicial_organ);
    CHECK(p.find_unit_by_name("公安东丽分局")->kind == unit_kind::branch_office);
    CHECK(p.find_unit_by_name("团区委")->kind == unit_kind::party_mass_organisation);
    CHECK(kinds[unit_kind::collective] == 1);
  }

  TEST_CASE("every number-with-unit in the text is covered by a goal's quote or restatement") {
    std::vector<source_span> quoted;
    for (const auto& g : p.goals()) {
      quoted.push_back(g.span);
      for (const auto& r : g.restatements) quoted.push_back(r.span);
    }
    int found = 0;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), quantity); it != std::sregex_iterator(); ++it) {
      const auto at = static_cast<std::size_t>(it->position());
      const source_span s{at, at + static_cast<std::size_t>(it->length())};
      bool covered = false;
      for (const auto& q : quoted) covered = covered || q.contains(s);
      CHECK_MESSAGE(covered, "not covered by any goal: " << it->str() << " at line " << position_of(text, at).line);
      ++found;
    }
    CHECK(found == 21);  // 19 distinct targets and 2 restatements of them (智改数转 in 专栏1, 津农精品 in 专栏5)
  }

  TEST_CASE("each target's comparator, value and unit are what its quote says") {
    int numeric = 0;
    for (const auto& g : p.goals()) {
      CAPTURE(g.id);
      CHECK(p.text_of(g.span) == g.quote);
      if (!g.target) continue;
      ++numeric;
      // a milestone's number counts what is to be done (推动6条主导产业链成龙配套): all of it, so ge
      const auto wording = g.kind == goal_kind::milestone ? std::optional(comparator::ge) : comparator_from_wording(g.quote);
      REQUIRE(wording);
      CHECK(g.target->comparator == *wording);
      std::smatch m;
      if (std::regex_search(g.quote, m, quantity)) {
        double v = std::stod(m[1].str());
        if (m[2].matched) v *= 10000;  // 万
        CHECK(g.target->value == doctest::Approx(v));
        CHECK(g.target->unit == m[3].str());
        CHECK(g.target->stated == m[0].str());
      } else if (g.quote.find("全部") != std::string::npos) {
        CHECK(g.target->value == 100);
        CHECK(g.target->unit == "%");
      } else {
        REQUIRE(g.kind == goal_kind::milestone);  // counted by its items: 建成胡张庄、欢坨…
        CHECK(g.target->value == static_cast<double>(g.items.size()));
        for (const auto& item : g.items) CHECK(g.quote.find(item) != std::string::npos);
      }
    }
    CHECK(numeric == 21);
  }

  TEST_CASE("超过 is gt: R&D share, high-tech enterprises, tech SMEs and general contracting are strict") {
    for (const char* id : {"rd_expenditure_share", "national_high_tech_enterprises", "national_tech_smes",
                           "general_contracting_share"}) {
      CAPTURE(id);
      CHECK(p.find_goal(goal_id(id))->target->comparator == comparator::gt);
    }
    const auto* farmland = p.find_goal(goal_id("high_standard_farmland"));
    CHECK(farmland->target->value == 44000);
    CHECK(farmland->target->unit == "亩");
    CHECK(farmland->target->stated == "4.4万亩");
    CHECK(farmland->source == source_ref{source_ref::kind_t::column, 1});
  }

  TEST_CASE("every 2025 target's deadline is 2025-12-31; the 2035 vision's is 2035-12-31") {
    for (const auto& g : p.goals()) {
      CAPTURE(g.id);
      CHECK(to_iso(g.deadline) == std::to_string(g.horizon) + "-12-31");
      CHECK((g.horizon == 2025 || g.horizon == 2035));
    }
    CHECK(p.find_goal(goal_id("vision_2035"))->horizon == 2035);
  }

  TEST_CASE("the goal kinds of the design all occur, with the fields each needs") {
    std::map<goal_kind, int> kinds;
    for (const auto& g : p.goals()) ++kinds[g.kind];
    for (auto k : {goal_kind::threshold, goal_kind::cumulative, goal_kind::maintain, goal_kind::all_levels,
                   goal_kind::milestone, goal_kind::trend, goal_kind::qualitative})
      CHECK_MESSAGE(kinds[k] > 0, to_string(k));
    CHECK(p.find_goal(goal_id("manufacturing_value_added_share"))->kind == goal_kind::maintain);
    CHECK(p.find_goal(goal_id("rectification_completion_rate"))->levels.size() == 3);
    CHECK(p.find_goal(goal_id("construction_inspection_conformity"))->direction == trend_direction::increase);
  }

  TEST_CASE("summary targets of （二） are stated there and assigned, with a rationale, to the clauses that carry them out") {
    for (const auto& g : p.goals()) {
      CAPTURE(g.id);
      REQUIRE_FALSE(g.clauses.empty());
      bool has_bureaus = false;
      for (const auto& link : g.clauses) {
        if (link.link == link_type::assigned) CHECK_FALSE(link.rationale.empty());
        has_bureaus = has_bureaus || p.list_of(link.clause) != nullptr;
      }
      // only the 2035 vision, a whole-plan aim, has no bureau list behind it
      if (g.kind != goal_kind::qualitative) CHECK_MESSAGE(has_bureaus, "no accountable unit for " << g.id);
      if (g.source.kind == source_ref::kind_t::clause && g.source.number == 2) {
        CHECK(g.clauses.front().clause.value == 2);
        CHECK(g.clauses.front().link == link_type::stated);
      }
    }
    const auto* food = p.find_goal(goal_id("food_sampling_pass_rate"));
    CHECK(food->clauses[1].clause.value == 10);
    CHECK(food->clauses[1].link == link_type::assigned);
  }

  TEST_CASE("restated targets keep both quotes: 智改数转 in （二） and 专栏1, 津农精品 in （二） and 专栏5") {
    const auto* projects = p.find_goal(goal_id("smart_digital_projects"));
    REQUIRE(projects->restatements.size() == 1);
    CHECK(projects->restatements[0].source == source_ref{source_ref::kind_t::column, 1});
    CHECK(p.text_of(projects->restatements[0].span) == projects->restatements[0].quote);
    const auto* brands = p.find_goal(goal_id("jinnong_brands"));
    REQUIRE(brands->restatements.size() == 1);
    CHECK(brands->restatements[0].source == source_ref{source_ref::kind_t::column, 5});
  }
}
