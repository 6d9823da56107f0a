// The genre, one form at a time: unit-less, bounded, relative and aspirational targets, ranges, signs, deadlines
// that are not year ends, list forms, traditional script, findings for what cannot be read.
// The target reader alone is in target_reading_test.cpp, the bureau dictionary in bureaus_test.cpp.
#include <qgov/extract/extract.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include <qgov/extract/target_reading.hpp>

#include "../test_support.hpp"

namespace {

using namespace qgov;

const goal& the_goal(const plan_draft& d) {
  INFO(draft_to_text(d));
  REQUIRE(d.data.goals.size() == 1);
  return d.data.goals.front();
}

bool has_finding(const plan_draft& d, std::string_view why_part) {
  for (const auto& f : d.unclassified)
    if (f.why.find(why_part) != std::string::npos) return true;
  return false;
}

std::string slice(std::string_view text, source_span s) { return std::string(text.substr(s.begin, s.size())); }

}  // namespace

TEST_CASE("genre: targets with no unit, upper bounds, growth and relative targets, ranges") {
  struct row {
    const char* text;
    comparator cmp;
    double value;
    const char* unit;
  };
  const row rows[] = {
      {"制造业质量竞争力指数达到86", comparator::ge, 86, ""},
      {"制造业质量竞争力指数达92以上", comparator::ge, 92, ""},
      {"万元GDP能耗控制在0.5吨以内", comparator::le, 0.5, "吨"},
      {"不合格率不高于2%", comparator::le, 2, "%"},
      {"事故率下降到1%以下", comparator::le, 1, "%"},
      {"投诉率降至3‰", comparator::le, 3, "‰"},
      {"研发投入年均增长10%", comparator::ge, 10, "%"},
      {"合格率比2020年提高2个百分点", comparator::ge, 2, "个百分点"},
      {"专利拥有量翻一番", comparator::ge, 2, "倍"},
      {"满意度达到90%—95%", comparator::ge, 90, "%"},
      {"培育领军企业1-2家", comparator::ge, 1, "家"},
      {"产值突破1000亿元", comparator::gt, 1000, "亿元"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.text);
    const auto d = extract(std::string("（一）目标。到2025年，") + r.text + "。\n");
    const auto& g = the_goal(d);
    CHECK(g.target->comparator == r.cmp);
    CHECK(g.target->value == doctest::Approx(r.value));
    CHECK(g.target->unit == r.unit);
    CHECK(g.deadline == date(2025, 12, 31));
  }
}

TEST_CASE("genre: what the plan model cannot hold as printed is a finding the overlay must answer") {
  CHECK(has_finding(extract("（一）目标。到2025年，满意度达到90%—95%。\n"), "a range"));
  CHECK(has_finding(extract("（一）目标。到2025年，研发投入年均增长10%。\n"), "an increase over a base"));
  CHECK(has_finding(extract("（一）目标。到2025年，合格率比2020年提高2个百分点。\n"), "an increase over 2020"));
  CHECK(has_finding(extract("（一）目标。到2025年，能耗下降13.5%。\n"), "a decrease"));
  CHECK(has_finding(extract("（一）目标。力争到2025年，注册商标总量达到7万件。\n"), "aspirational"));
  CHECK(!has_finding(extract("（一）目标。到2025年，注册商标总量达到7万件。\n"), "aspirational"));
  CHECK(has_finding(extract("（一）目标。到2025年，景区评定达到3星级。\n"), "unit the extractor does not know"));
}

TEST_CASE("genre: 力争 targets are kept, flagged by the target reader") {
  const auto d = extract("（一）目标。力争到2025年，全市海洋生产总值3000亿元，旅游总收入1100亿元。\n");
  INFO(draft_to_text(d));
  REQUIRE(d.data.goals.size() == 2);
  CHECK(d.data.goals[0].target->value == 3000);
  CHECK(d.data.goals[1].target->unit == "亿元");
  const auto r = read_target("力争注册商标总量达到7万件");
  REQUIRE(r);
  CHECK(r->aspirational);
  CHECK(r->value == 70000);
  CHECK(!read_target("注册商标总量达到7万件")->aspirational);
}

TEST_CASE("genre: a sign is kept (达到-98%以上 is not ≥ 98), and says so") {
  const auto d = extract("（一）目标。到2025年，增速达到-98%以上。\n");
  const auto& g = the_goal(d);
  CHECK(g.target->value == -98);
  CHECK(g.target->comparator == comparator::ge);
  CHECK(g.target->stated == "-98%");
  CHECK(has_finding(d, "a negative target value"));
  CHECK(read_target("增速达到−3.5%")->value == doctest::Approx(-3.5));  // U+2212 minus
  CHECK(read_target("增速不低于负2%")->value == -2);
  // a range's dash is not a sign
  CHECK(read_target("满意度达到90%-95%")->value == 90);
}

TEST_CASE("genre: a number too large to be finite is a finding, never a target") {
  const std::string huge(400, '9');
  const auto d = extract("（一）目标。到2025年，合格率达到" + huge + "%。\n");
  INFO(draft_to_text(d));
  CHECK(d.data.goals.empty());
  CHECK(has_finding(d, "not finite"));
  CHECK(read_targets("合格率达到" + huge + "%").empty());
}

TEST_CASE("genre: two horizons in one sentence, and deadlines that are not year ends") {
  const auto d = extract("（一）目标。到2025年，A率达到90%，到2030年，B率达到95%。\n");
  REQUIRE(d.data.goals.size() == 2);
  CHECK(d.data.goals[0].deadline == date(2025, 12, 31));
  CHECK(d.data.goals[1].deadline == date(2030, 12, 31));
  CHECK(d.data.goals[1].horizon == 2030);
  CHECK(the_goal(extract("（一）目标。到2025年6月底，A率达到90%。\n")).deadline == date(2025, 6, 30));
  CHECK(the_goal(extract("（一）目标。2024年底前，建成平台3个。\n")).deadline == date(2024, 12, 31));
  CHECK(the_goal(extract("（一）目标。2025年上半年，A率达到90%。\n")).deadline == date(2025, 6, 30));
  CHECK(the_goal(extract("（一）目标。到“十四五”末，A率达到90%。\n")).deadline == date(2025, 12, 31));
  // web copies drop the 到: a piece that opens with the year
  CHECK(the_goal(extract("（一）目标。2027年，A率达到90%。\n")).deadline == date(2027, 12, 31));
  // a base year is not a deadline
  const auto based = extract("（一）目标。到2025年，A率比2020年提高2个百分点。\n");  // the draft outlives the goal it holds
  CHECK(the_goal(based).deadline == date(2025, 12, 31));
}

TEST_CASE("genre: an indicator table flattened to one cell per line") {
  const std::string text =
      "一、目标\n专栏1 主要指标\n序号\n指标名称\n2025年\n属性\n1\n每万人高价值发明专利拥有量（件）\n15\n预期性\n2\n"
      "食品抽检合格率（%）\n≥98\n约束性\n";
  const auto d = extract(text);
  INFO(draft_to_text(d));
  REQUIRE(d.data.goals.size() == 2);
  CHECK(d.data.goals[0].target->value == 15);
  CHECK(d.data.goals[0].target->unit == "件");
  CHECK(d.data.goals[0].indicator == "每万人高价值发明专利拥有量");
  CHECK(d.data.goals[1].target->value == 98);
  CHECK(d.data.goals[1].target->unit == "%");
  CHECK(d.data.goals[1].deadline == date(2025, 12, 31));
  for (const auto& g : d.data.goals) CHECK(slice(text, g.span) == g.quote);
}

TEST_CASE("genre: list forms: labelled on one line or two, 牵头/配合, and plans with no lists") {
  {
    const auto d = extract("（一）任务。完善标准体系。（牵头单位：市市场监管局；配合单位：市发展改革委、市工业和信息化局）\n");
    REQUIRE(d.data.responsibility.size() == 1);
    REQUIRE(d.data.responsibility[0].cells.size() == 3);
    CHECK(d.data.responsibility[0].cells[0].unit_role == role::lead);
    CHECK(d.data.responsibility[0].cells[2].unit_role == role::supporting);
  }
  {
    const auto d = extract("（一）任务。完善标准体系。\n牵头单位：区市场监管局\n责任单位：区发改委、区商务局\n");
    INFO(draft_to_text(d));
    REQUIRE(d.data.responsibility.size() == 1);
    REQUIRE(d.data.responsibility[0].cells.size() == 3);
    CHECK(d.data.responsibility[0].cells[0].unit_role == role::lead);
    CHECK(d.data.responsibility[0].cells[1].unit_role == role::responsible);
  }
  {
    const auto d = extract("（一）任务。到2025年，合格率达到98%。\n");
    CHECK(d.data.responsibility.empty());
    CHECK(has_missing_parts(d));
    CHECK(has_finding(d, "no responsibility lists found"));
  }
}

TEST_CASE("genre: no sections, no lists, no targets: a finding for each, never a silent empty draft") {
  for (const std::string text : {std::string(), std::string("\n\n"), std::string("质量是兴国之道。\n")}) {
    const auto d = extract(text);
    CHECK(has_missing_parts(d));
    CHECK(has_finding(d, "no sections or clauses found"));
    CHECK(has_finding(d, "no responsibility lists found"));
    CHECK(has_finding(d, "no numeric targets found"));
    for (const auto& f : d.unclassified)
      if (f.kind == finding_kind::missing) CHECK(f.span.size() == 0);
  }
  CHECK(!has_missing_parts(extract(test::read(test::repo("data/sources/dongli-2024.txt")))));
}

TEST_CASE("genre: a title before its 文号 on one line gives the number") {
  const auto d = extract("江门市人民政府办公室关于印发江门市创建全国质量强市示范城市工作方案的通知 江府办函〔2018〕83号\n一、目标\n");
  CHECK(d.data.document.number.text == "江府办函〔2018〕83号");
}

TEST_CASE("genre: traditional script reads to the same model as simplified; quotes stay verbatim") {
  const std::string simp = "（一）目标。到2025年，制造业产品质量合格率达到96%以上，质量强区建设取得成效。（区市场监管局、区发改委按职责分工负责）\n";
  const std::string trad = "（一）目標。到2025年，製造業產品質量合格率達到96%以上，質量強區建設取得成效。（區市場監管局、區發改委按職責分工負責）\n";
  const auto s = extract(simp);
  const auto t = extract(trad);
  REQUIRE(t.data.goals.size() == 1);
  REQUIRE(s.data.goals.size() == 1);
  CHECK(t.data.goals[0].target == s.data.goals[0].target);
  CHECK(t.data.goals[0].target->comparator == s.data.goals[0].target->comparator);
  CHECK(t.data.goals[0].target->value == s.data.goals[0].target->value);
  CHECK(t.data.goals[0].target->unit == s.data.goals[0].target->unit);
  CHECK(t.data.goals[0].quote == "製造業產品質量合格率達到96%以上");
  CHECK(slice(trad, t.data.goals[0].span) == t.data.goals[0].quote);
  REQUIRE(t.data.responsibility.size() == 1);
  REQUIRE(t.data.responsibility[0].cells.size() == 2);
  CHECK(t.data.units[0].name == "區市場監管局");
}

TEST_CASE("genre: the Dongli plan converted to traditional script reads to the same goals and lists") {
  // tests/extract/corpus/dongli-2024-traditional.txt is the plan's text through OpenCC s2t (see the corpus README):
  // every character the table maps back differs from the original bytes, yet the reading is the same.
  const auto simp_text = test::read(test::repo("data/sources/dongli-2024.txt"));
  const auto trad_text = test::read(test::repo("tests/extract/corpus/dongli-2024-traditional.txt"));
  const auto s = extract(simp_text);
  const auto t = extract(trad_text);
  REQUIRE(s.data.goals.size() == t.data.goals.size());
  for (std::size_t k = 0; k < s.data.goals.size(); ++k) {
    CAPTURE(s.data.goals[k].quote);
    CHECK(t.data.goals[k].target->comparator == s.data.goals[k].target->comparator);
    CHECK(t.data.goals[k].target->value == s.data.goals[k].target->value);
    CHECK(t.data.goals[k].target->unit == s.data.goals[k].target->unit);
    CHECK(t.data.goals[k].deadline == s.data.goals[k].deadline);
    CHECK(t.data.goals[k].kind == s.data.goals[k].kind);
    CHECK(slice(trad_text, t.data.goals[k].span) == t.data.goals[k].quote);
  }
  REQUIRE(s.data.responsibility.size() == t.data.responsibility.size());
  for (std::size_t k = 0; k < s.data.responsibility.size(); ++k) {
    REQUIRE(s.data.responsibility[k].cells.size() == t.data.responsibility[k].cells.size());
    for (std::size_t c = 0; c < s.data.responsibility[k].cells.size(); ++c)
      CHECK(s.data.responsibility[k].cells[c].unit_role == t.data.responsibility[k].cells[c].unit_role);
  }
  CHECK(s.data.clauses.size() == t.data.clauses.size());
  CHECK(s.data.sections.size() == t.data.sections.size());
}
