// plan::validate on data built in code: the same rules as for files, for hosts that construct plans themselves.
#include <qgov/plan/plan.hpp>

#include <doctest/doctest.h>

#include <algorithm>

#include <qgov/core/error.hpp>

using namespace qgov;

namespace {

// A two-clause plan over a small text, built the way a host application would.
plan_data tiny() {
  plan_data d;
  d.id = plan_id("tiny");
  d.source_text = "测试区质量方案\n（一）目标。到2025年，合格率超过90%。（区市场监管局和各街道园区等按职责分工负责）\n";
  const std::string& t = d.source_text;
  auto span_of = [&](std::string_view s) {
    const auto at = t.find(s);
    return source_span{at, at + s.size()};
  };
  d.document.title = {"测试区质量方案", span_of("测试区质量方案")};
  d.document.number = {"测试区", span_of("测试区")};
  d.document.issuer = {"测试区", span_of("测试区")};
  d.document.issued_on_text = {"2025年", span_of("2025年")};
  d.document.issued_on = date(2024, 1, 1);
  d.sections.push_back({section_number{1}, {"测试区质量方案", span_of("测试区质量方案")}, {0, t.size()}});
  d.clauses.push_back({clause_number{1}, section_number{1}, {"目标", span_of("目标")}, {span_of("（一）").begin, t.size() - 1}});
  d.units.push_back({unit_id("mr"), "区市场监管局", "Market Regulation", unit_kind::district_bureau});
  d.units.push_back({unit_id("all"), "各街道园区", "Subdistricts", unit_kind::collective});
  d.responsibility.push_back({clause_number{1},
                              span_of("（区市场监管局和各街道园区等按职责分工负责）"),
                              {{unit_id("mr"), role::lead, span_of("区市场监管局")},
                               {unit_id("all"), role::responsible, span_of("各街道园区")}}});
  goal g;
  g.id = goal_id("pass_rate");
  g.kind = goal_kind::threshold;
  g.target = target{comparator::gt, 90, "%", "90%"};
  g.deadline = date(2025, 12, 31);
  g.horizon = 2025;
  g.quote = "合格率超过90%";
  g.span = span_of(g.quote);
  g.source = {source_ref::kind_t::clause, 1};
  g.clauses = {{clause_number{1}, link_type::stated, ""}};
  d.goals.push_back(g);
  return d;
}

bool has(const std::vector<problem>& ps, const std::string& where, const std::string& fragment) {
  return std::any_of(ps.begin(), ps.end(), [&](const problem& p) {
    return p.where == where && p.message.find(fragment) != std::string::npos;
  });
}

}  // namespace

TEST_SUITE("plan validation") {
  TEST_CASE("a well-formed plan built in code validates and answers queries") {
    const auto ps = plan::validate(tiny());
    CHECK(ps.empty());
    const plan p = plan::from_data(tiny());
    CHECK(p.lead_of(clause_number{1}) == unit_id("mr"));
    CHECK(p.answers_for(unit_id("all"), p.goals()[0]));
  }

  TEST_CASE("a trend goal needs a direction and no comparator; a threshold needs a target") {
    auto d = tiny();
    d.goals[0].kind = goal_kind::trend;
    auto ps = plan::validate(d);
    CHECK(has(ps, "/goals/0/direction", "needs a direction"));
    CHECK(has(ps, "/goals/0/comparator", "has no numeric target"));
    d = tiny();
    d.goals[0].target.reset();
    CHECK(has(plan::validate(d), "/goals/0/comparator", "needs comparator, value and unit"));
  }

  TEST_CASE("an all_levels goal needs its levels") {
    auto d = tiny();
    d.goals[0].kind = goal_kind::all_levels;
    CHECK(has(plan::validate(d), "/goals/0/levels", "needs its levels"));
  }

  TEST_CASE("a goal must be linked to a declared clause, and a stated link must contain the quote") {
    auto d = tiny();
    d.goals[0].clauses.clear();
    CHECK(has(plan::validate(d), "/goals/0/clauses", "linked to no clause"));
    d = tiny();
    d.goals[0].clauses[0].clause = clause_number{7};
    CHECK(has(plan::validate(d), "/goals/0/clauses/0/number", "clause 7 is not declared"));
    d = tiny();
    d.goals[0].clauses[0].link = link_type::assigned;
    CHECK(has(plan::validate(d), "/goals/0/clauses/0/rationale", "needs a one-line rationale"));
  }

  TEST_CASE("the deadline must fall in the goal's horizon year") {
    auto d = tiny();
    d.goals[0].deadline = date(2027, 12, 31);
    CHECK(has(plan::validate(d), "/goals/0/deadline", "not in the goal's horizon year 2025"));
  }

  TEST_CASE("a cell must print its unit's name at its span, inside its list, in order, once") {
    auto d = tiny();
    std::swap(d.responsibility[0].cells[0].span, d.responsibility[0].cells[1].span);
    const auto ps = plan::validate(d);
    CHECK(has(ps, "/responsibility/lists/0/cells/0/unit", "is not verbatim"));
    CHECK(has(ps, "/responsibility/lists/0/cells/1/span", "not in source order"));
    d = tiny();
    d.responsibility[0].cells[1].unit = unit_id("mr");
    CHECK(has(plan::validate(d), "/responsibility/lists/0/cells/1/unit", "named twice"));
  }

  TEST_CASE("duplicate unit ids and names, and out-of-order clauses") {
    auto d = tiny();
    d.units[1].id = unit_id("mr");
    d.units[1].name = "区市场监管局";
    d.clauses.push_back(d.clauses[0]);
    const auto ps = plan::validate(d);
    CHECK(has(ps, "/units/1/id", "duplicate unit id \"mr\""));
    CHECK(has(ps, "/units/1/name", "duplicate unit name"));
    CHECK(has(ps, "/clauses/1/number", "duplicate or out-of-order clause number 1"));
  }

  TEST_CASE("spans outside the text are reported, never read") {
    auto d = tiny();
    d.goals[0].span = {5, 100000};
    d.clauses[0].title.span = {9, 3};
    const auto ps = plan::validate(d);
    CHECK(has(ps, "/goals/0/span", "lies outside the source text"));
    CHECK(has(ps, "/clauses/0/title/span", "begins after it ends"));
  }

  TEST_CASE("from_data throws load_error with every problem, naming the origin") {
    auto d = tiny();
    d.goals[0].quote = "不在文中";
    d.units[0].name.clear();
    try {
      (void)plan::from_data(d, "host-built plan");
      FAIL("expected load_error");
    } catch (const load_error& e) {
      CHECK(e.origin() == "host-built plan");
      CHECK(e.problems().size() >= 2);
    }
  }
}
