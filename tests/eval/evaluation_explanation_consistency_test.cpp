// The consistency checker: over a grid of generated ledgers and as-of dates for the Dongli plan, every goal's zh and
// en sentences are parsed back — status words, deadline words, the figure, its period and level, the target, the
// projection, the growth ratio — and checked against the result and its trace. Plus the regression cases of issue 21
// (one per contradiction it lists) and the all-levels rule of issue 13.
#include <qgov/eval/evaluation.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <regex>
#include <string>
#include <vector>

#include <qgov/core/period.hpp>
#include <qgov/io/evaluation_json.hpp>
#include <qgov/plans/dongli_2024.hpp>
#include <qgov/render/explanation.hpp>

using namespace qgov;

namespace {

const plan& dongli() { return plans::dongli_2024(); }
date d(const char* iso) { return *parse_iso_date(iso); }
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

observation obs(const std::string& goal, const std::string& per, double value, date reported,
                std::optional<level> l = std::nullopt) {
  observation o;
  o.goal = goal_id(goal);
  o.period = *period::parse(per);
  o.value = value;
  o.level = l;
  o.reported_on = reported;
  o.source = "generated";
  o.origin = "<generated>";
  return o;
}

goal_result eval_one(const char* goal, std::vector<observation> os, const char* as_of, const evaluation_policy& policy = {}) {
  const observation_ledger ledger(std::move(os));
  const auto* g = dongli().find_goal(goal_id(goal));
  REQUIRE(g != nullptr);
  return evaluate_goal(dongli(), *g, ledger, d(as_of), d(as_of), policy);
}

// splitmix64: the same sequence on every machine (std distributions are not portable)
struct rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
};

// ------------------------------------------------------------------------------------------------------------
// Parsing numbers back out of sentences

// (no std::regex here: it is far too slow in a Debug build for 270 000 sentences)
std::optional<double> number_after(const std::string& s, const std::string& prefix, std::string* text = nullptr) {
  const auto at = s.find(prefix);
  if (at == std::string::npos) return std::nullopt;
  std::size_t i = at + prefix.size(), j = i;
  if (j < s.size() && s[j] == '-') ++j;
  const std::size_t digits = j;
  while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
  if (j == digits) return std::nullopt;
  if (j + 1 < s.size() && s[j] == '.' && s[j + 1] >= '0' && s[j + 1] <= '9') {
    ++j;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
  }
  const std::string n = s.substr(i, j - i);
  if (text) *text = n;
  return std::stod(n);
}

// Runs of two or more Latin letters.
std::vector<std::string> latin_words(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) w += c;
    else {
      if (w.size() >= 2) out.push_back(w);
      w.clear();
    }
  }
  if (w.size() >= 2) out.push_back(w);
  return out;
}

// Half a unit of the last printed decimal: how far a printed number may be from the value it shows.
double tolerance(const std::string& printed) {
  const auto dot = printed.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(printed.size() - dot - 1);
  return 0.5 * std::pow(10.0, -decimals) + 1e-9;
}

std::optional<double> trace_value(const goal_result& r, const std::string& name) {
  for (const auto& v : r.trace.values)
    if (v.name == name) return v.value;
  return std::nullopt;
}

struct checker {
  std::size_t goals_checked = 0;
  std::size_t failures = 0;
  std::vector<std::string> first_failures;

  void fail(const goal_result& r, date as_of, const std::string& what) {
    ++failures;
    if (first_failures.size() < 8)
      first_failures.push_back(r.goal.str() + " as of " + to_iso(as_of) + ": " + what + "\n  zh: " + r.explanation.zh +
                               "\n  en: " + r.explanation.en + "\n  status: " + std::string(to_string(r.status)));
  }

  void check(const goal& g, const goal_result& r, date as_of) {
    ++goals_checked;
    const std::string& zh = r.explanation.zh;
    const std::string& en = r.explanation.en;
    // 1. the status words of each language match the status, and no other status is named
    for (auto s : {goal_status::achieved, goal_status::on_track, goal_status::at_risk, goal_status::off_track,
                   goal_status::missed, goal_status::no_data, goal_status::not_scored}) {
      const bool want = s == r.status;
      if (contains(zh, std::string(wording::status_word(s, language::zh))) != want)
        fail(r, as_of, std::string(want ? "zh lacks" : "zh names another status: ") + std::string(to_chinese(s)));
      if (contains(en, std::string(wording::status_word(s, language::en))) != want)
        fail(r, as_of, std::string(want ? "en lacks" : "en names another status: ") + std::string(wording::status_word(s, language::en)));
    }
    // 2. the deadline: passed, reached, or ahead — and nothing promised "on time" once it is reached
    const bool passed = as_of > g.deadline, reached = as_of >= g.deadline;
    const std::string dl_zh = "期限（" + wording::date_words(g.deadline, language::zh) + "）";
    const std::string dl_en = "the deadline (" + to_iso(g.deadline) + ")";
    if (reached) {
      if (!contains(zh, dl_zh + (passed ? "已过" : "已到"))) fail(r, as_of, "zh does not say the deadline " + std::string(passed ? "has passed" : "is reached"));
      if (!contains(en, dl_en + (passed ? " has passed" : " has been reached"))) fail(r, as_of, "en does not say where the deadline stands");
      if (contains(zh, "如期达成") || contains(en, "on time") || contains(zh, "需加快推进") || contains(en, "speed up"))
        fail(r, as_of, "a promise or an urging after the deadline");
    } else if (contains(zh, "期限（") || contains(en, "the deadline (")) {
      fail(r, as_of, "the deadline is named as reached before it is");
    }
    // 3. the figure quoted: its period and value, rounded only within its last decimal and never across the target
    const auto* t = g.target ? &*g.target : nullptr;
    if (r.value && r.period) {
      std::string printed;
      const auto v = number_after(zh, wording::period_words(*r.period, language::zh) + "为", &printed);
      if (!v) {
        fail(r, as_of, "zh does not quote the figure for " + r.period->str());
      } else {
        if (std::fabs(*v - *r.value) > tolerance(printed)) fail(r, as_of, "zh figure " + printed + " is not the value used");
        if (t && satisfies(*v, t->comparator, t->value) != satisfies(*r.value, t->comparator, t->value))
          fail(r, as_of, "zh figure " + printed + " is rounded across the target");
      }
      // en: "<name>: <value> in <period>" (a name may itself hold a colon)
      const auto in = en.find(" in " + r.period->str());
      const auto colon = in == std::string::npos ? std::string::npos : en.rfind(": ", in);
      const auto ve = colon == std::string::npos ? std::nullopt : number_after(en.substr(colon), ": ", &printed);
      if (in == std::string::npos) fail(r, as_of, "en does not name the period " + r.period->str());
      else if (!ve || std::fabs(*ve - *r.value) > tolerance(printed)) fail(r, as_of, "en does not quote the value used");
    }
    // 4. the target as the plan states it
    if (t && g.kind != goal_kind::maintain) {
      const std::string pre = "目标为到" + std::to_string(g.deadline.year()) + "年" + std::string(wording::comparator_words(t->comparator, language::zh));
      const auto tv = number_after(zh, pre);
      if (!tv || *tv != t->value) fail(r, as_of, "zh target is not " + std::to_string(t->value));
      const auto te = number_after(en, "target " + std::string(wording::comparator_words(t->comparator, language::en)) + " ");
      if (!te || *te != t->value) fail(r, as_of, "en target is not the plan's");
    }
    if (t && g.kind == goal_kind::maintain) {
      const bool floor = t->comparator == comparator::ge;
      if (floor && (!contains(zh, "以上") || contains(zh, "以内") || !contains(en, "at least")))
        fail(r, as_of, "a floor is not worded as a floor");
      if (contains(en, "all 1 figures")) fail(r, as_of, "\"all 1 figures\"");
    }
    // 5. the projection: quoted as used, and never "on track" when it falls short
    if (r.projected && t) {
      if (r.status == goal_status::on_track && !satisfies(*r.projected, t->comparator, t->value))
        fail(r, as_of, "on track with a projection that does not meet the target");
      std::string printed;
      const auto p = number_after(zh, "到期预计为", &printed);
      if (!p) fail(r, as_of, "zh does not quote the projection");
      else if (std::fabs(*p - *r.projected) > tolerance(printed) ||
               satisfies(*p, t->comparator, t->value) != satisfies(*r.projected, t->comparator, t->value))
        fail(r, as_of, "zh projection " + printed + " is not the projection used");
      if (!number_after(en, "the deadline value would be ")) fail(r, as_of, "en does not quote the projection");
    }
    // 6. the growth ratio, against its bands
    if (const auto ratio = trace_value(r, "progress_ratio"); ratio && contains(zh, "所需增速的")) {
      std::string printed;
      const auto q = number_after(zh, "所需增速的", &printed);
      if (!q || std::fabs(*q - 100 * *ratio) > tolerance(printed)) fail(r, as_of, "zh ratio is not the trace's");
      else if ((*q >= 95) != (*ratio >= 0.95) || (*q >= 60) != (*ratio >= 0.60)) fail(r, as_of, "ratio rounded across a band");
    }
    // 7. all levels: the deciding level is named and is the worst; the rule of issue 13 for missing levels
    if (g.kind == goal_kind::all_levels && !r.levels.empty()) {
      bool any_missing = false;
      const level_result* worst = nullptr;
      for (const auto& l : r.levels) {
        if (l.status == goal_status::no_data) {
          any_missing = true;
          continue;
        }
        if (!worst || severity(l.status) > severity(worst->status) ||
            (severity(l.status) == severity(worst->status) && l.value && worst->value && *l.value < *worst->value))
          worst = &l;
      }
      const goal_status decisive = reached ? goal_status::missed : goal_status::off_track;
      const goal_status expected = !worst ? goal_status::no_data
                                   : any_missing && severity(worst->status) < severity(decisive) ? goal_status::no_data
                                                                                                 : worst->status;
      if (r.status != expected) fail(r, as_of, "all-levels status is not the worst decisive level's");
      if (r.status != goal_status::no_data && worst) {
        if (!contains(zh, std::string(wording::level_word(worst->level, language::zh))) ||
            !contains(en, std::string(wording::level_word(worst->level, language::en))))
          fail(r, as_of, "the deciding level is not named");
        if (r.value != worst->value) fail(r, as_of, "the value quoted is not the deciding level's");
      }
    }
    // 8. annual goals are not decided by figures for part of a year
    if ((g.kind == goal_kind::threshold || g.kind == goal_kind::all_levels) && r.period &&
        r.period->kind() != period::kind_t::year && r.status != goal_status::no_data)
      fail(r, as_of, "judged on a partial-year figure " + r.period->str());
    // 9. milestones: time up and not done is not "at risk"
    if (g.kind == goal_kind::milestone && reached && r.status == goal_status::at_risk) fail(r, as_of, "at risk after the deadline");
    // 10. each language on its own: no Latin words in zh (beyond GDP in an indicator), no CJK in en
    for (const auto& w : latin_words(zh))
      if (w != "GDP") fail(r, as_of, "English in zh: " + w);
    std::string en_outside_names = en;  // names are kept as printed: the goal's English name, the units' names
    for (const std::string* name : {&g.name_en}) {
      const auto at = en_outside_names.find(*name);
      if (!name->empty() && at != std::string::npos) en_outside_names.erase(at, name->size());
    }
    for (unsigned char c : en_outside_names)
      if (c >= 0xE3 && c <= 0xE9) {  // lead bytes of CJK ideographs and punctuation
        fail(r, as_of, "Chinese in en");
        break;
      }
  }
};

// A generated ledger: for each measurable goal, a few figures around its target over 2022–2025, mostly yearly, some
// for part of a year; all-levels goals get some of their levels.
observation_ledger generate(rng& g) {
  std::vector<observation> os;
  for (const auto& goal : dongli().goals()) {
    if (goal.kind == goal_kind::qualitative) continue;
    const double target = goal.target ? goal.target->value : 50.0;
    const bool pct = goal.target && goal.target->unit == "%";
    const bool count = goal.target && !pct && goal.target->unit != "分";
    auto value = [&](int year) {
      // drifting towards (or past) the target as the years go by, with noise
      const double progress = 0.86 + 0.05 * (year - 2022) + 0.06 * (g.unit() - 0.5);
      double v = target * progress;
      if (goal.kind == goal_kind::maintain) v = target * (0.97 + 0.08 * g.unit());
      if (pct) v = std::min(v, 100.0);
      if (count) v = std::round(v);
      if (g.below(25) == 0) v = target;  // exactly on the boundary now and then
      return v;
    };
    std::vector<std::optional<level>> levels{std::nullopt};
    if (goal.kind == goal_kind::all_levels) levels = {level::national, level::municipal, level::district};
    for (const auto& l : levels) {
      if (l && g.below(4) == 0) continue;  // this level reports nothing
      const int n = g.below(5);
      for (int k = 0; k < n; ++k) {
        const int year = 2022 + g.below(4);
        std::string per = std::to_string(year);
        date end(static_cast<unsigned short>(year), 12, 31);
        const int shape = g.below(10);
        if (shape == 0) {
          const int q = 1 + g.below(4);
          per += "-Q" + std::to_string(q);
          end = date(static_cast<unsigned short>(year), static_cast<unsigned short>(3 * q), 1).end_of_month();
        } else if (shape == 1) {
          const int m = 1 + g.below(12);
          per += (m < 10 ? "-0" : "-") + std::to_string(m);
          end = date(static_cast<unsigned short>(year), static_cast<unsigned short>(m), 1).end_of_month();
        }
        const date reported = end + boost::gregorian::days(10 + g.below(300));
        os.push_back(obs(goal.id.str(), per, value(year), reported, l));
      }
    }
  }
  return observation_ledger(std::move(os));
}

}  // namespace

TEST_SUITE("explanation consistency") {
  TEST_CASE("10 000 generated (ledger, as-of) cases for the Dongli plan: every sentence agrees with its status and trace") {
    const std::vector<date> grid{d("2024-12-31"), d("2025-06-30"), d("2025-12-30"), d("2025-12-31"), d("2026-01-01"),
                                 d("2026-03-31"), d("2026-06-30"), d("2026-12-31"), d("2027-06-30"), d("2025-03-15")};
    rng g{20260101};
    checker c;
    std::size_t cases = 0;
    for (int ledger_no = 0; ledger_no < 1000; ++ledger_no) {
      const auto ledger = generate(g);
      for (const date as_of : grid) {
        ++cases;
        for (const auto& goal : dongli().goals()) c.check(goal, evaluate_goal(dongli(), goal, ledger, as_of, as_of), as_of);
      }
    }
    for (const auto& f : c.first_failures) INFO(f);
    std::string all;
    for (const auto& f : c.first_failures) all += f + "\n";
    INFO(all);
    CHECK(cases >= 10000);
    CHECK(c.goals_checked == cases * dongli().goals().size());
    CHECK(c.failures == 0);
  }

  TEST_CASE("the checker is not blind: it catches a sentence that contradicts its status") {
    const auto* g = dongli().find_goal(goal_id("high_standard_farmland"));
    auto r = eval_one("high_standard_farmland", {obs("high_standard_farmland", "2023", 36500, d("2024-01-31")),
                                                 obs("high_standard_farmland", "2024", 40200, d("2025-01-31"))},
                      "2025-06-30");
    checker c;
    c.check(*g, r, d("2025-06-30"));
    CHECK(c.failures == 0);
    r.explanation.zh += "预计可如期达成，已达成";
    r.explanation.en = "on time";
    c.check(*g, r, d("2025-06-30"));
    CHECK(c.failures > 0);
  }
}

TEST_SUITE("issue 21 regressions") {
  TEST_CASE("a cumulative projection below the target is never on track (43 900 of 44 000 亩)") {
    // 40000 → 42000 over 2023–2024 projects 44000 + ... pick figures whose line ends just short of 44 000
    const auto r = eval_one("high_standard_farmland", {obs("high_standard_farmland", "2023", 40100, d("2024-01-31")),
                                                       obs("high_standard_farmland", "2024", 42000, d("2025-01-31"))},
                            "2025-06-30");
    REQUIRE(r.projected);
    CHECK(*r.projected < 44000);
    CHECK(r.status != goal_status::on_track);
    CHECK_FALSE(contains(r.explanation.zh, "如期达成"));
    CHECK(contains(r.explanation.zh, "未达目标"));
  }

  TEST_CASE("after the deadline a threshold sentence says the deadline has passed and what is awaited") {
    const auto r = eval_one("national_high_tech_enterprises", {obs("national_high_tech_enterprises", "2023", 612, d("2024-03-31")),
                                                               obs("national_high_tech_enterprises", "2024", 668, d("2025-03-31"))},
                            "2026-01-15");
    CHECK(contains(r.explanation.zh, "期限（2025年12月31日）已过，尚待2025年数据"));
    CHECK(contains(r.explanation.en, "the deadline (2025-12-31) has passed and the figure for 2025 is awaited"));
    CHECK_FALSE(contains(r.explanation.zh, "如期达成"));
    CHECK_FALSE(contains(r.explanation.en, "on time"));
    // on the deadline itself it is "reached", the day after "passed"
    const auto on = eval_one("national_high_tech_enterprises", {obs("national_high_tech_enterprises", "2024", 668, d("2025-03-31"))},
                             "2025-12-31");
    CHECK(contains(on.explanation.zh, "期限（2025年12月31日）已到"));
  }

  TEST_CASE("a milestone with all of its time gone and half of it done is off track, not at risk") {
    const auto r = eval_one("leading_industry_chains", {obs("leading_industry_chains", "2024", 3, d("2025-01-10"))}, "2026-02-01");
    CHECK(r.status == goal_status::off_track);
    CHECK_FALSE(contains(r.explanation.zh, "需加快推进"));
    CHECK(contains(r.explanation.zh, "时间已过100%"));
  }

  TEST_CASE("a maintain goal's floor reads 以上 / at least, and one figure is one figure") {
    const auto r = eval_one("manufacturing_value_added_share", {obs("manufacturing_value_added_share", "2024", 31.2, d("2025-03-20"))},
                            "2025-06-30");
    CHECK(r.status == goal_status::on_track);
    CHECK(contains(r.explanation.zh, "均保持在30%以上"));
    CHECK_FALSE(contains(r.explanation.zh, "以内"));
    CHECK(contains(r.explanation.en, "the 1 figure in the window is at least 30%"));
    CHECK_FALSE(contains(r.explanation.en, "all 1 figures"));
  }

  TEST_CASE("an all-levels goal quotes the deciding (lowest) level, by name") {
    const auto r = eval_one("rectification_completion_rate",
                            {obs("rectification_completion_rate", "2024", 100, d("2025-02-20"), level::national),
                             obs("rectification_completion_rate", "2024", 95.24, d("2025-02-20"), level::municipal),
                             obs("rectification_completion_rate", "2024", 94.29, d("2025-02-20"), level::district)},
                            "2025-06-30");
    CHECK(r.value == 94.29);
    CHECK(contains(r.explanation.zh, "区级"));
    CHECK(contains(r.explanation.zh, "94.3%"));  // the target is printed as 100%: one decimal
    CHECK_FALSE(contains(r.explanation.zh, "95.24"));
    CHECK(contains(r.explanation.en, "district level"));
  }

  TEST_CASE("issue 13: an all-levels goal with one level missed is missed although another level has no figures") {
    std::vector<observation> os{obs("rectification_completion_rate", "2025", 97, d("2026-02-20"), level::district),
                                obs("rectification_completion_rate", "2025", 100, d("2026-02-20"), level::municipal)};
    auto r = eval_one("rectification_completion_rate", os, "2026-06-30");
    CHECK(r.status == goal_status::missed);
    CHECK(contains(r.explanation.zh, "国家级尚无数据"));
    // before the deadline, a level off track decides in the same way
    os = {obs("rectification_completion_rate", "2023", 99, d("2024-02-20"), level::district),
          obs("rectification_completion_rate", "2024", 90, d("2025-02-20"), level::district)};
    r = eval_one("rectification_completion_rate", os, "2025-06-30");
    CHECK(r.status == goal_status::off_track);
    // nothing decisive known: no data, naming the levels without figures
    os = {obs("rectification_completion_rate", "2024", 100, d("2025-02-20"), level::district)};
    r = eval_one("rectification_completion_rate", os, "2025-06-30");
    CHECK(r.status == goal_status::no_data);
    CHECK(contains(r.explanation.zh, "缺少国家级、市级数据"));
  }

  TEST_CASE("a threshold goal is not achieved on a partial-year figure of an annual indicator") {
    const std::vector<observation> os{obs("high_tech_output_share", "2024", 7.2, d("2025-03-15")),
                                      obs("high_tech_output_share", "2025-Q2", 8.3, d("2025-07-15"))};
    const auto r = eval_one("high_tech_output_share", os, "2025-09-30");
    CHECK(r.status != goal_status::achieved);
    REQUIRE(r.period);
    CHECK(r.period->str() == "2024");
    CHECK(contains(r.explanation.zh, "2025年第2季度为8.3%，属年内部分期间数据，不作判定依据"));
    evaluation_policy partial_ok;
    partial_ok.partial_periods_decide = true;
    CHECK(eval_one("high_tech_output_share", os, "2025-09-30", partial_ok).status == goal_status::achieved);
  }

  TEST_CASE("a count for January–May is not the base of a yearly series (national_tech_smes)") {
    const std::vector<observation> os{obs("national_tech_smes", "2022-05", 248, d("2022-06-08")),
                                      obs("national_tech_smes", "2023-08", 453, d("2023-09-01")),
                                      obs("national_tech_smes", "2024", 620, d("2025-01-20"))};
    const auto r = eval_one("national_tech_smes", os, "2025-06-30");
    CHECK(r.status == goal_status::at_risk);  // one yearly figure: the pace cannot be judged
    CHECK(contains(r.explanation.zh, "仅有一期全年数据"));
    for (const auto& v : r.trace.values) CHECK(v.name != "base_year");
  }

  TEST_CASE("display figures are rounded by unit and never across the target; JSON keeps the full values") {
    const auto r = eval_one("smart_digital_projects", {obs("smart_digital_projects", "2023", 38, d("2024-01-20")),
                                                       obs("smart_digital_projects", "2024", 71, d("2025-01-20"))},
                            "2025-06-30");
    REQUIRE(r.projected);
    CHECK_FALSE(contains(r.explanation.zh, "个。"));  // no stray unit-only fragments
    CHECK_FALSE(std::regex_search(r.explanation.zh, std::regex(R"(\d+\.\d{3,}个)")));
    CHECK(wording::display_value(100.61, "个", language::zh) == "101个");
    CHECK(wording::display_value(99.6, "个", language::zh, 0, {100}) == "99.6个");  // not "100个" for a shortfall
    CHECK(wording::display_value(55.83333333, "%", language::zh, 0) == "55.8%");  // target printed as 8%
    CHECK(wording::display_number(0.9496, 2, {0.95}) == "0.9496");
  }

  TEST_CASE("issue 20's drift examples print the same everywhere: -0.001 and 1e-05 are 0") {
    CHECK(wording::format_number(-0.001) == "0");
    CHECK(wording::format_number(1e-05) == "0");
    CHECK(wording::format_number(-0.001, 2) == wording::format_number(0.0, 2));
    CHECK(wording::format_number(98.5) == "98.5");
    CHECK(wording::format_number(44000) == "44000");
    CHECK(wording::round_decimal(98.5 - 98.41) == 0.09);
  }

  TEST_CASE("JSON: whole numbers as integers, no float noise in shortfalls") {
    const observation_ledger ledger({obs("food_sampling_pass_rate", "2025", 98.41, d("2026-01-20")),
                                     obs("rd_expenditure_share", "2023", 3.52, d("2024-09-30")),
                                     obs("rd_expenditure_share", "2024", 3.71, d("2025-09-30"))});
    const auto e = evaluate(dongli(), ledger, d("2026-06-30"));
    const std::string j = to_json(e, dongli());
    CHECK(contains(j, "\"shortfall\": 0.09"));
    CHECK_FALSE(contains(j, "0.08999999999999"));
    CHECK_FALSE(contains(j, "2023.0"));
    CHECK(parse_evaluation_json(j) == e);
  }
}
