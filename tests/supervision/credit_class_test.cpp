// Credit-risk classification: every trigger boundary from both sides, list triggers, reasons.
#include <qgov/supervision/credit_class.hpp>

#include <doctest/doctest.h>

using namespace qgov::supervision;

namespace {

enterprise with(std::int64_t penalties, std::int64_t fines_fen = 0, std::int64_t warnings = 0) {
  enterprise e;
  e.id = enterprise_id("E1");
  e.name = "示例公司";
  e.record.penalties = penalties;
  e.record.warnings = warnings;
  e.record.fines_fen = fines_fen;
  return e;
}

risk_level level_of(const enterprise& e, const credit_scheme& s = credit_scheme::tianjin_2017()) {
  return classify(e, s).level;
}

constexpr std::int64_t wan = 10'000'00;  // 1万元 in fen

}  // namespace

TEST_CASE("an enterprise without adverse records is 良好, with the reason said in both languages") {
  const auto c = classify(with(0), credit_scheme::tianjin_2017());
  CHECK(c.level == risk_level::low);
  REQUIRE(c.reasons.size() == 1);
  CHECK(c.reasons[0].kind == trigger::no_adverse_record);
  CHECK(c.reasons[0].zh == "无不良信用信息，为良好");
  CHECK(c.reasons[0].en == "no adverse credit record: good");
  CHECK(c.reasons[0].decisive);
}

TEST_CASE("5 penalties is 警示 and 6 is 失信: 5条以下 includes 5, 超过5条 starts at 6") {
  CHECK(level_of(with(1)) == risk_level::general);
  CHECK(level_of(with(5)) == risk_level::general);
  CHECK(level_of(with(6)) == risk_level::elevated);
  const auto c = classify(with(6), credit_scheme::tianjin_2017());
  REQUIRE(c.reasons.front().kind == trigger::penalty_count);
  CHECK(c.reasons.front().figure == "6");
  CHECK(c.reasons.front().threshold == "> 5");
  CHECK(c.reasons.front().zh == "行政处罚（不计警告）6条，超过5条，为失信");
}

TEST_CASE("10 penalties is 失信 and 11 is 严重失信") {
  CHECK(level_of(with(10)) == risk_level::elevated);
  CHECK(level_of(with(11)) == risk_level::high);
  const auto c = classify(with(11), credit_scheme::tianjin_2017());
  CHECK(c.reasons.front().threshold == "> 10");
  CHECK(c.reasons.front().en == "11 penalties other than warnings, > 10: seriously dishonest");
}

TEST_CASE("fines of exactly 10万元 are 警示, one fen more is 失信") {
  CHECK(level_of(with(1, 10 * wan)) == risk_level::general);
  CHECK(level_of(with(1, 10 * wan + 1)) == risk_level::elevated);
  CHECK(level_of(with(1, 10 * wan - 1)) == risk_level::general);
  const auto c = classify(with(1, 10 * wan + 1), credit_scheme::tianjin_2017());
  CHECK(c.reasons.front().kind == trigger::fine_amount);
  CHECK(c.reasons.front().figure == "100000.01");
  CHECK(c.reasons.front().threshold == "> 100000.00");
  CHECK(c.reasons.front().zh == "罚没款累计100000.01元，超过100000.00元，为失信");
}

TEST_CASE("fines of exactly 50万元 are 失信, one fen more is 严重失信") {
  CHECK(level_of(with(1, 50 * wan)) == risk_level::elevated);
  CHECK(level_of(with(1, 50 * wan + 1)) == risk_level::high);
  CHECK(level_of(with(1, 50 * wan - 1)) == risk_level::elevated);
}

TEST_CASE("with exclusive limits a figure equal to the limit already moves up") {
  auto s = credit_scheme::tianjin_2017();
  s.thresholds.limits_inclusive = false;
  CHECK(level_of(with(4), s) == risk_level::general);
  CHECK(level_of(with(5), s) == risk_level::elevated);
  CHECK(level_of(with(9), s) == risk_level::elevated);
  CHECK(level_of(with(10), s) == risk_level::high);
  CHECK(level_of(with(1, 10 * wan - 1), s) == risk_level::general);
  CHECK(level_of(with(1, 10 * wan), s) == risk_level::elevated);
  CHECK(level_of(with(1, 50 * wan), s) == risk_level::high);
  CHECK(classify(with(5), s).reasons.front().threshold == "≥ 5");
}

TEST_CASE("warnings (警告) make a record adverse but do not count towards the limits unless configured") {
  CHECK(level_of(with(1, 0, 1)) == risk_level::general);  // a warning alone is not 良好
  CHECK(level_of(with(8, 0, 3)) == risk_level::general);  // 5 counted
  CHECK(level_of(with(9, 0, 3)) == risk_level::elevated); // 6 counted
  auto s = credit_scheme::tianjin_2017();
  s.thresholds.count_warnings = true;
  CHECK(level_of(with(8, 0, 3), s) == risk_level::elevated);
  CHECK(classify(with(8, 0, 3), s).reasons.front().zh == "行政处罚8条，超过5条，为失信");
}

TEST_CASE("list triggers: 经营异常 and 拒不配合 are 警示, 严重违法 失信, 失信被执行人 严重失信") {
  auto listed = [](list_flag f) {
    auto e = with(0);
    e.record.lists = {f};
    return classify(e, credit_scheme::tianjin_2017());
  };
  CHECK(listed(list_flag::abnormal_operations).level == risk_level::general);
  CHECK(listed(list_flag::refused_inspection).level == risk_level::general);
  CHECK(listed(list_flag::serious_violation).level == risk_level::elevated);
  const auto c = listed(list_flag::dishonest_debtor);
  CHECK(c.level == risk_level::high);
  CHECK(c.reasons.front().kind == trigger::listed);
  CHECK(c.reasons.front().zh == "列入失信被执行人名单，为严重失信");
}

TEST_CASE("the class is the most severe any trigger reaches, and every fired trigger is kept with its reason") {
  auto e = with(3, 60 * wan);  // count → 警示, fines → 严重失信
  e.record.lists = {list_flag::abnormal_operations};
  const auto c = classify(e, credit_scheme::tianjin_2017());
  CHECK(c.level == risk_level::high);
  REQUIRE(c.reasons.size() == 3);  // any penalty, fine amount, list
  CHECK(c.reasons[0].kind == trigger::fine_amount);
  CHECK(c.reasons[0].decisive);
  CHECK_FALSE(c.reasons[1].decisive);
  CHECK_FALSE(c.reasons[2].decisive);
}

TEST_CASE("a class assigned in the directory is a floor: records can raise it, never lower it") {
  auto e = with(0);
  e.assigned = risk_level::elevated;
  CHECK(level_of(e) == risk_level::elevated);
  CHECK(classify(e, credit_scheme::tianjin_2017()).reasons.front().kind == trigger::assigned);
  e.record.penalties = 11;
  CHECK(level_of(e) == risk_level::high);
}

TEST_CASE("the national scheme labels the same levels A to D") {
  const auto s = credit_scheme::national_2022();
  CHECK(s.label(classify(with(0), s).level).code == "A");
  CHECK(s.label(classify(with(6), s).level).code == "C");
  CHECK(s.label(classify(with(11), s).level).code == "D");
  CHECK(classify(with(11), s).reasons.front().zh == "行政处罚（不计警告）11条，超过10条，为D类（信用风险高）");
  CHECK(s.parse_class("B") == risk_level::general);
  CHECK(s.parse_class("良好") == std::nullopt);
  CHECK(credit_scheme::tianjin_2017().parse_class("严重失信") == risk_level::high);
  CHECK(credit_scheme::tianjin_2017().parse_class("good") == risk_level::low);
}

TEST_CASE("classify_level agrees with classify on every combination around the limits, both inclusivity settings") {
  const std::int64_t counts[] = {0, 1, 4, 5, 6, 9, 10, 11, 12};
  const std::int64_t fines[] = {0, 1, 10 * wan - 1, 10 * wan, 10 * wan + 1, 50 * wan - 1, 50 * wan, 50 * wan + 1};
  std::size_t checked = 0;
  for (bool inclusive : {true, false})
    for (bool count_warnings : {true, false}) {
      auto s = credit_scheme::national_2022();
      s.thresholds.limits_inclusive = inclusive;
      s.thresholds.count_warnings = count_warnings;
      for (auto p : counts)
        for (std::int64_t w : {std::int64_t{0}, std::int64_t{1}, std::int64_t{3}})
          for (auto f : fines)
            for (int lists = 0; lists < 16; lists += 5)
              for (int assigned = -1; assigned < 4; assigned += 2) {
                if (w > p) continue;
                auto e = with(p, f, w);
                for (std::size_t i = 0; i < list_flag_count; ++i)
                  if (lists & (1 << i)) e.record.lists.push_back(static_cast<list_flag>(i));
                if (assigned >= 0) e.assigned = static_cast<risk_level>(assigned);
                REQUIRE(classify_level(e, s) == classify(e, s).level);
                ++checked;
              }
    }
  CHECK(checked > 2000);
}
