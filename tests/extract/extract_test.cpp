// The text extractor: the Dongli plan read back from its own text, and one small text per form and word.
#include <qgov/extract/extract.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <qgov/core/error.hpp>
#include <qgov/io/plan_json.hpp>
#include <qgov/plan/plan.hpp>
#include <qgov/plans/dongli_2024.hpp>

#include "../test_support.hpp"

namespace {

using namespace qgov;

bool overlaps(source_span a, source_span b) { return a.begin < b.end && b.begin < a.end; }

std::string slice(std::string_view text, source_span s) { return std::string(text.substr(s.begin, s.size())); }

const responsible_unit& unit_of(const plan_data& d, const unit_id& id) {
  const auto it = std::find_if(d.units.begin(), d.units.end(), [&](const auto& u) { return u.id == id; });
  REQUIRE(it != d.units.end());
  return *it;
}

// The only goal of a small test text.
goal only_goal(std::string_view text) {
  const auto d = extract(text);
  INFO(draft_to_text(d));
  REQUIRE(d.data.goals.size() == 1);
  return d.data.goals.front();
}

// The names and roles of a one-list text, as "name:role" strings.
std::vector<std::string> cells_of(const plan_draft& d) {
  std::vector<std::string> out;
  REQUIRE(d.data.responsibility.size() == 1);
  for (const auto& c : d.data.responsibility.front().cells)
    out.push_back(unit_of(d.data, c.unit).name + ":" + std::string(to_string(c.unit_role)));
  return out;
}

}  // namespace

TEST_CASE("the Dongli text gives back all 26 responsibility lists and 175 cells, in order, names as printed") {
  const plan& p = plans::dongli_2024();
  const auto d = extract(p.source_text());
  REQUIRE(d.data.responsibility.size() == p.matrix().size());
  CHECK(d.data.responsibility.size() == 26);
  std::size_t cells = 0, same_spans = 0;
  for (std::size_t i = 0; i < p.matrix().size(); ++i) {
    const auto& want = p.matrix()[i];
    const auto& got = d.data.responsibility[i];
    CHECK(got.clause == want.clause);
    CHECK(got.span == want.span);
    REQUIRE(got.cells.size() == want.cells.size());
    for (std::size_t k = 0; k < want.cells.size(); ++k) {
      CHECK(unit_of(d.data, got.cells[k].unit).name == p.find_unit(want.cells[k].unit)->name);
      CHECK(slice(p.source_text(), got.cells[k].span) == p.find_unit(want.cells[k].unit)->name);
      CHECK(got.cells[k].unit_role == want.cells[k].unit_role);  // first-listed leads, as the plan file says
      same_spans += got.cells[k].span == want.cells[k].span;
      ++cells;
    }
  }
  CHECK(cells == 175);
  CHECK(same_spans == 175);
  CHECK(d.data.units.size() == p.units().size());
  CHECK(d.data.convention == role_convention::first_listed_leads);
}

TEST_CASE("the Dongli text gives back every quantified target of the embedded plan but the named villages") {
  const plan& p = plans::dongli_2024();
  const auto d = extract(p.source_text());
  std::size_t with_target = 0, matched = 0, same_kind = 0, same_deadline = 0;
  std::vector<std::string> missed;
  for (const auto& g : p.goals()) {
    if (!g.target) continue;
    ++with_target;
    std::vector<source_span> spans{g.span};
    for (const auto& r : g.restatements) spans.push_back(r.span);
    const auto it = std::find_if(d.data.goals.begin(), d.data.goals.end(), [&](const goal& x) {
      return x.target && x.target->comparator == g.target->comparator && x.target->value == g.target->value &&
             x.target->unit == g.target->unit &&
             std::any_of(spans.begin(), spans.end(), [&](source_span s) { return overlaps(s, x.span); });
    });
    if (it == d.data.goals.end()) {
      missed.push_back(g.id.str());
      continue;
    }
    ++matched;
    same_kind += it->kind == g.kind;
    same_deadline += it->deadline == g.deadline && it->deadline_from == g.deadline_from;
  }
  MESSAGE("Dongli targets: ", matched, " of ", with_target, " matched (comparator, value, unit, span); ", same_kind,
          " with the same kind, ", same_deadline, " with the same deadline and basis");
  CHECK(with_target == 21);
  CHECK(matched == 20);
  CHECK(missed == std::vector<std::string>{"rural_revitalisation_villages"});  // 建成胡张庄、欢坨…: no number printed
  CHECK(same_deadline == 20);
  CHECK(same_kind == 19);  // 实施…项目不少于100个 is read as a threshold; the plan file calls it cumulative

  // Every draft target is a goal (or a restatement) of the plan: no invented targets.
  for (const auto& x : d.data.goals) {
    INFO(x.quote);
    CHECK(std::any_of(p.goals().begin(), p.goals().end(), [&](const goal& g) {
      if (overlaps(g.span, x.span)) return true;
      return std::any_of(g.restatements.begin(), g.restatements.end(),
                         [&](const statement& r) { return overlaps(r.span, x.span); });
    }));
    CHECK(slice(p.source_text(), x.span) == x.quote);
  }
  // Nothing left unclassified is in fact a target.
  for (const auto& f : d.unclassified)
    for (const auto& g : p.goals()) {
      INFO(f.text);
      CHECK_FALSE((g.target && overlaps(f.span, g.span)));
    }
  MESSAGE("Dongli unclassified findings: ", d.unclassified.size());
}

TEST_CASE("the Dongli text gives back the document header and the outline") {
  const plan& p = plans::dongli_2024();
  const auto d = extract(p.source_text());
  const auto& doc = d.data.document;
  CHECK(doc.number == p.document().number);
  CHECK(doc.issued_on_text == p.document().issued_on_text);
  CHECK(doc.issued_on == date(2024, 8, 22));
  CHECK(doc.disclosure == p.document().disclosure);
  CHECK(doc.title == p.document().title);
  CHECK(doc.issuer == p.document().issuer);
  CHECK(doc.notice_title == p.document().notice_title);
  REQUIRE(d.data.sections.size() == 10);
  REQUIRE(d.data.clauses.size() == 31);
  REQUIRE(d.data.columns.size() == 7);
  for (std::size_t i = 0; i < 10; ++i) CHECK(d.data.sections[i] == p.sections()[i]);
  for (std::size_t i = 0; i < 31; ++i) CHECK(d.data.clauses[i] == p.clauses()[i]);
  for (std::size_t i = 0; i < 7; ++i) CHECK(d.data.columns[i] == p.columns()[i]);
}

TEST_CASE("the Dongli list form: first-listed leads, 和各街道园区 is its own unit") {
  const auto d = extract("（三）任务。推进工作。（区教育局、区科技局和各街道园区等按职责分工负责）\n");
  CHECK(cells_of(d) == std::vector<std::string>{"区教育局:lead", "区科技局:responsible", "各街道园区:responsible"});
  CHECK(d.data.convention == role_convention::first_listed_leads);
  CHECK(d.data.units.back().kind == unit_kind::collective);
  CHECK(d.data.units.front().id == unit_id("unit_1"));
  CHECK(d.data.units.front().name_en.empty());
}

TEST_CASE("the labelled list form: 牵头单位 leads, 责任单位 are responsible, roles are explicit") {
  const auto d = extract("（三）任务。推进工作。（牵头单位：区市场监管局；责任单位：区工信局、区商务局）\n");
  CHECK(cells_of(d) == std::vector<std::string>{"区市场监管局:lead", "区工信局:responsible", "区商务局:responsible"});
  CHECK(d.data.convention == role_convention::explicit_roles);
}

TEST_CASE("the 牵头/配合 list form: the lead, then supporting units") {
  const auto d = extract("（三）任务。推进工作。（区发改委牵头，区财政局、区科技局配合）\n");
  CHECK(cells_of(d) == std::vector<std::string>{"区发改委:lead", "区财政局:supporting", "区科技局:supporting"});
  CHECK(d.data.convention == role_convention::explicit_roles);
}

TEST_CASE("a 责任单位 line on its own: every unit responsible, the list is the line") {
  const std::string text = "（三）任务。推进工作。\n责任单位：区教育局、区民政局\n";
  const auto d = extract(text);
  CHECK(cells_of(d) == std::vector<std::string>{"区教育局:responsible", "区民政局:responsible"});
  CHECK(slice(text, d.data.responsibility.front().span) == "责任单位：区教育局、区民政局");
  CHECK(d.data.responsibility.front().clause == clause_number{3});
}

TEST_CASE("half-width punctuation reads like full-width, spans still point into the original") {
  const std::string text = "(三)任务。到2025年,A比重超过3.8%;B控制在5%以内。(牵头单位:区市场监管局;责任单位:区工信局)\n";
  const auto d = extract(text);
  REQUIRE(d.data.clauses.size() == 1);
  CHECK(d.data.clauses.front().number == clause_number{3});
  CHECK(cells_of(d) == std::vector<std::string>{"区市场监管局:lead", "区工信局:responsible"});
  REQUIRE(d.data.goals.size() == 2);
  CHECK(d.data.goals[0].quote == "A比重超过3.8%");
  CHECK(d.data.goals[1].quote == "B控制在5%以内");
  CHECK(d.data.goals[1].target->comparator == comparator::le);
  for (const auto& g : d.data.goals) CHECK(slice(text, g.span) == g.quote);
}

TEST_CASE("each comparator word gives its comparator, value, unit and kind") {
  struct row {
    const char* text;
    comparator cmp;
    double value;
    const char* unit;
    goal_kind kind;
  };
  const row rows[] = {
      {"A比重超过3.8%。", comparator::gt, 3.8, "%", goal_kind::threshold},
      {"A比重高于20%。", comparator::gt, 20, "%", goal_kind::threshold},
      {"A企业达到115家。", comparator::ge, 115, "家", goal_kind::threshold},
      {"A合格率达98%以上。", comparator::ge, 98, "%", goal_kind::threshold},
      {"A项目不少于100个。", comparator::ge, 100, "个", goal_kind::threshold},
      {"A合格率不低于95%。", comparator::ge, 95, "%", goal_kind::threshold},
      {"A比重保持在30%以上。", comparator::ge, 30, "%", goal_kind::maintain},
      {"各级A完成率均达100%。", comparator::ge, 100, "%", goal_kind::all_levels},
      {"A事故率控制在2%以内。", comparator::le, 2, "%", goal_kind::threshold},
      {"A投诉率控制在1%以下。", comparator::le, 1, "%", goal_kind::threshold},
      {"A能耗不高于8分。", comparator::le, 8, "分", goal_kind::threshold},
      {"A不合格率低于3%。", comparator::lt, 3, "%", goal_kind::threshold},
      {"A满意度稳定在90分。", comparator::ge, 90, "分", goal_kind::threshold},
      {"累计培育品牌9个。", comparator::ge, 9, "个", goal_kind::cumulative},
      {"新增标准10项。", comparator::ge, 10, "项", goal_kind::cumulative},
      {"装配式建筑全部采用总承包模式。", comparator::eq, 100, "%", goal_kind::threshold},
      {"人均产值达到12万元/人。", comparator::ge, 12, "万元/人", goal_kind::threshold},
  };
  for (const auto& r : rows) {
    CAPTURE(r.text);
    const auto g = only_goal(std::string("（一）目标。到2025年，") + r.text + "\n");
    CHECK(g.target->comparator == r.cmp);
    CHECK(g.target->value == doctest::Approx(r.value));
    CHECK(g.target->unit == r.unit);
    CHECK(g.kind == r.kind);
    CHECK(g.deadline == date(2025, 12, 31));
    CHECK(g.deadline_from == deadline_basis::stated);
  }
}

TEST_CASE("several targets in one sentence, separated by ，、；, each with its own quote") {
  const std::string text = "（一）目标。到2027年，A比重超过3.8%，B企业达到50家、C项目不少于20个；D率控制在1%以内。\n";
  const auto d = extract(text);
  REQUIRE(d.data.goals.size() == 4);
  CHECK(d.data.goals[0].quote == "A比重超过3.8%");
  CHECK(d.data.goals[1].quote == "B企业达到50家");
  CHECK(d.data.goals[2].quote == "C项目不少于20个");
  CHECK(d.data.goals[3].quote == "D率控制在1%以内");
  for (const auto& g : d.data.goals) {
    CHECK(slice(text, g.span) == g.quote);
    CHECK(g.deadline == date(2027, 12, 31));
    CHECK(g.horizon == 2027);
  }
}

TEST_CASE("Chinese numerals and the 万 multiplier") {
  CHECK(only_goal("（一）目标。到2025年，建成示范园区不少于三个。\n").target->value == 3);
  const auto g = only_goal("（一）目标。到2025年，新增制修订标准十五项。\n");
  CHECK(g.target->value == 15);
  CHECK(g.target->unit == "项");
  CHECK(g.target->stated == "十五项");
  const auto f = only_goal("（一）目标。到2025年，累计建成4.4万亩高标准农田。\n");
  CHECK(f.target->value == 44000);
  CHECK(f.target->unit == "亩");
  CHECK(f.target->stated == "4.4万亩");
  CHECK(f.kind == goal_kind::cumulative);
}

TEST_CASE("a sentence with no 到YYYY年 takes its clause's year, or else the plan horizon") {
  const auto d = extract(
      "（一）目标。到2025年，质量提升。\n（二）任务。到2035年，A。B比重超过5%。\n（三）任务。累计建成3个园区。\n");
  REQUIRE(d.data.goals.size() == 2);
  CHECK(d.data.goals[0].deadline == date(2035, 12, 31));
  CHECK(d.data.goals[0].deadline_from == deadline_basis::stated);
  CHECK(d.data.goals[1].deadline == date(2025, 12, 31));  // the first 到YYYY年 of the plan
  CHECK(d.data.goals[1].deadline_from == deadline_basis::plan_horizon);
}

TEST_CASE("ill-formed UTF-8 is a load_error naming the byte offset") {
  const std::string text = "（一）目标\xC3\x28。";
  try {
    (void)extract(text);
    FAIL("no error");
  } catch (const load_error& e) {
    CHECK(std::string(e.what()).find("invalid UTF-8 at byte 15") != std::string::npos);
  }
  // GBK bytes (东丽区) are named as such.
  try {
    (void)extract("\xB6\xAB\xC0\xF6\xC7\xF8");
    FAIL("no error");
  } catch (const load_error& e) {
    CHECK(std::string(e.what()).find("GBK") != std::string::npos);
  }
  // GBK bytes mis-decoded as Latin-1, then stored as UTF-8: detected, not read as a plan.
  CHECK_THROWS_WITH_AS((void)extract("\xC2\xB6\xC2\xAB\xC3\x80\xC3\xB6\xC3\x87\xC3\xB8\xC3\x96\xC3\x8A\xC3\x81\xC2\xBF"),
                       doctest::Contains("mis-decoded"), load_error);
}

TEST_CASE("a byte-order mark is skipped and spans still count it") {
  const std::string text = "\xEF\xBB\xBF（一）目标。到2025年，A比重超过3.8%。\n";
  const auto d = extract(text);
  REQUIRE(d.data.goals.size() == 1);
  CHECK(d.data.goals[0].span.begin > 3);
  CHECK(slice(text, d.data.goals[0].span) == "A比重超过3.8%");
  CHECK(d.data.clauses.front().span.begin == 3);
  CHECK(std::find(d.notes.begin(), d.notes.end(), "a UTF-8 byte-order mark was skipped") != d.notes.end());
}

TEST_CASE("a line break and spaces inside a sentence do not split a target; the span covers the original") {
  const std::string text = "（一）目标。到2025年，A企业\n达到 50 家。\n";
  const auto g = only_goal(text);
  CHECK(g.target->value == 50);
  CHECK(g.quote == "A企业\n达到 50 家");
  CHECK(slice(text, g.span) == g.quote);
}

TEST_CASE("what is not understood is reported, with its span, not dropped") {
  const std::string text = "（一）任务。去年全区共有企业300家。（区市场监管局负责协调，另行通知）\n";
  const auto d = extract(text);
  CHECK(d.data.goals.empty());
  // and, after what it could not read, what it found none of (lists, targets)
  REQUIRE(d.unclassified.size() == 4);
  CHECK(d.unclassified[0].why == "looks like a responsibility list but did not parse");
  CHECK(d.unclassified[1].why == "a quantity with no target pattern");
  CHECK(d.unclassified[2].kind == finding_kind::missing);
  CHECK(d.unclassified[3].kind == finding_kind::missing);
  for (const auto& f : d.unclassified) CHECK(slice(text, f.span) == f.text);
}

TEST_CASE("the draft JSON is plan-file shaped and carries the findings") {
  const auto d = extract(plans::dongli_2024().source_text());
  const auto j = nlohmann::json::parse(draft_to_json(d));
  CHECK(j["responsibility"]["lists"].size() == 26);
  CHECK(j["goals"][0]["comparator"] == "gt");
  CHECK(j["goals"][0]["quote"] == "全社会研发支出占GDP比重超过3.8%");
  CHECK(j["document"]["number"]["text"] == "东丽政发〔2024〕5号");
  CHECK(j.contains("unclassified"));
}

TEST_CASE("with the overlay's unit ids, the draft's units and matrix equal the committed plan file's") {
  // Part of regenerating the plan from its text: the overlay supplies ids, English names and kinds by printed name.
  const auto overlay = nlohmann::json::parse(test::read(test::repo("data/plans/dongli-2024.overlay.json")));
  const plan committed = load_plan(test::repo("data/plans/dongli-2024.json"));
  auto d = extract(committed.source_text());
  std::map<std::string, unit_id> id_of_draft;
  std::size_t kinds_guessed = 0;
  for (auto& u : d.data.units) {
    const auto it = std::find_if(overlay["units"].begin(), overlay["units"].end(),
                                 [&](const nlohmann::json& o) { return o["name"] == u.name; });
    REQUIRE(it != overlay["units"].end());
    id_of_draft[u.id.str()] = unit_id((*it)["id"].get<std::string>());
    kinds_guessed += to_string(u.kind) == (*it)["kind"].get<std::string>();
    u.id = unit_id((*it)["id"].get<std::string>());
    u.name_en = (*it)["name_en"].get<std::string>();
    u.kind = *parse_unit_kind((*it)["kind"].get<std::string>());
  }
  for (auto& l : d.data.responsibility)
    for (auto& c : l.cells) c.unit = id_of_draft.at(c.unit.str());
  MESSAGE("unit kinds guessed from the printed name: ", kinds_guessed, " of ", d.data.units.size());
  CHECK(kinds_guessed == d.data.units.size());
  CHECK(d.data.units == committed.units());
  CHECK(d.data.responsibility == committed.matrix());
  CHECK(d.data.convention == committed.convention());
  CHECK(d.data.sections == committed.sections());
  CHECK(d.data.clauses == committed.clauses());
  CHECK(d.data.columns == committed.columns());
  CHECK(d.data.source.sha256 == committed.data().source.sha256);
}

TEST_CASE("the extractor plus the overlay regenerate the committed Dongli plan file's data") {
  // Structure, units and matrix come from the draft; ids, English names, kinds, goal ids and links from the overlay.
  // A goal's span is the draft's when the draft found the same quote with the overlay's comparator, value and unit;
  // goals the draft does not read (trend, qualitative, the named villages) and restatements are located by quote.
  using nlohmann::json;
  const auto overlay = json::parse(test::read(test::repo("data/plans/dongli-2024.overlay.json")));
  const plan committed = load_plan(test::repo("data/plans/dongli-2024.json"));
  const std::string text(committed.source_text());
  const auto d = extract(text);
  auto j = json::parse(draft_to_json(d));
  j.erase("unclassified");
  j.erase("notes");
  j["id"] = overlay["id"];
  j["source"]["path"] = overlay["source_path"];
  j["document"]["title_en"] = overlay["document"]["title_en"];
  std::map<std::string, std::string> id_by_name;
  j["units"] = overlay["units"];
  for (const auto& u : overlay["units"]) id_by_name[u["name"].get<std::string>()] = u["id"].get<std::string>();
  for (auto& l : j["responsibility"]["lists"])
    for (auto& c : l["cells"]) {
      const auto& u = d.data.units.at(std::stoul(c["unit"].get<std::string>().substr(5)) - 1);
      c["unit"] = id_by_name.at(u.name);
    }
  // The quote's span; an overlay entry names which occurrence when a quote is printed more than once.
  auto locate = [&](json& entry) {
    const auto quote = entry["quote"].get<std::string>();
    const std::size_t nth = entry.contains("occurrence") ? entry["occurrence"].get<std::size_t>() : 0;
    if (!entry.contains("occurrence")) CHECK(text.find(quote, text.find(quote) + 1) == std::string::npos);
    entry.erase("occurrence");
    std::size_t at = text.find(quote);
    for (std::size_t k = 0; k < nth && at != std::string::npos; ++k) at = text.find(quote, at + 1);
    REQUIRE(at != std::string::npos);
    return json::array({at, at + quote.size()});
  };
  std::size_t from_draft = 0;
  j["goals"] = json::array();
  for (auto g : overlay["goals"]) {
    const auto quote = g["quote"].get<std::string>();
    const auto it = std::find_if(d.data.goals.begin(), d.data.goals.end(), [&](const goal& x) {
      return x.quote == quote && g.contains("comparator") && to_string(x.target->comparator) == g["comparator"] &&
             x.target->value == g["value"].get<double>() && x.target->unit == g["unit"];
    });
    if (it != d.data.goals.end() && !g.contains("occurrence")) {
      g["span"] = json::array({it->span.begin, it->span.end});
      ++from_draft;
    } else if (it != d.data.goals.end()) {
      g["span"] = locate(g);
      // the draft found this quote at the occurrence the overlay names
      from_draft += std::any_of(d.data.goals.begin(), d.data.goals.end(), [&](const goal& x) {
        return x.quote == quote && x.span.begin == g["span"][0].get<std::size_t>();
      });
    } else {
      g["span"] = locate(g);
    }
    if (g.contains("restatements"))
      for (auto& r : g["restatements"]) r["span"] = locate(r);
    j["goals"].push_back(g);
  }
  MESSAGE("goal spans from the draft: ", from_draft, " of ", overlay["goals"].size());
  CHECK(from_draft == 20);
  const plan regenerated = parse_plan(j.dump(), text, "<regenerated>");
  CHECK(regenerated.data() == committed.data());
}
