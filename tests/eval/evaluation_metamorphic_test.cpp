// Metamorphic and property tests on the formulas and the evaluation (issue 13, point 4): relations that must hold
// between two runs whatever the figures are. Each relation is checked over a grid or seeded random inputs, not one
// hand-picked case, so that a rule broken in one corner of its domain shows.
#include <qgov/eval/evaluation.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <qgov/core/error.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/plans/dongli_2024.hpp>
#include <qgov/records/generator.hpp>
#include <qgov/records/pass_rates.hpp>
#include <qgov/records/records_csv.hpp>
#include <qgov/records/rectification.hpp>

using namespace qgov;

namespace {

const plan& dongli() { return plans::dongli_2024(); }

const std::string obs_header = "goal,period,value,numerator,denominator,level,reported_on,source\n";

// The lines of a CSV after its header (and any # comments before it).
std::vector<std::string> data_lines(const std::string& text, std::string& head) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  bool seen_header = false;
  while (std::getline(in, line)) {
    if (!seen_header) {
      if (line.starts_with('#')) continue;
      head = line;
      seen_header = true;
      continue;
    }
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::string join(const std::string& head, const std::vector<std::string>& lines) {
  std::string s = head + "\n";
  for (const auto& l : lines) s += l + "\n";
  return s;
}

// Everything an evaluation says that does not name where its figures were read ("obs.csv:12").
std::string fingerprint(evaluation e) {
  for (auto& r : e.goals)
    for (auto& o : r.trace.observations) o.origin.clear();
  std::ostringstream os;
  for (const auto& r : e.goals) {
    os << r.goal << ' ' << to_string(r.status) << ' ' << (r.value ? *r.value : -1) << ' '
       << (r.projected ? *r.projected : -1) << ' ' << r.explanation.zh << ' ' << r.explanation.en << ' '
       << r.trace.formula << ' ' << r.trace.rule << ' ' << r.trace.note;
    for (const auto& v : r.trace.values) os << ' ' << v.name << '=' << v.value;
    for (const auto& o : r.trace.observations) os << ' ' << o.period.str() << ':' << o.value << '@' << to_iso(o.reported_on);
    for (const auto& l : r.levels) os << ' ' << to_string(l.level) << ':' << to_string(l.status);
    os << '\n';
  }
  for (const auto& b : e.bureaus) os << b.unit << ' ' << b.score.value_or(-1) << ' ' << b.rank.value_or(0) << '\n';
  return os.str();
}

const std::vector<date> dates = {date(2024, 6, 30), date(2025, 3, 31), date(2025, 12, 31), date(2026, 6, 30),
                                 date(2026, 12, 31)};

}  // namespace

TEST_CASE("reordering the rows of an observation file never changes the evaluation (30 shuffles, 5 dates)") {
  std::string head;
  const auto lines = data_lines(std::string(plans::dongli_2024_sample_csv()), head);
  REQUIRE(lines.size() > 40);
  const auto base = parse_observations_csv(join(head, lines), dongli(), "obs.csv");
  std::vector<std::string> expected;
  for (const auto d : dates) expected.push_back(fingerprint(evaluate(dongli(), base, d)));
  std::mt19937_64 rng(13);
  for (int k = 0; k < 30; ++k) {
    auto shuffled = lines;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    const auto ledger = parse_observations_csv(join(head, shuffled), dongli(), "shuffled.csv");
    for (std::size_t i = 0; i < dates.size(); ++i) CHECK(fingerprint(evaluate(dongli(), ledger, dates[i])) == expected[i]);
  }
  // and the same figures split over two files, merged in either order
  const std::size_t half = lines.size() / 2;
  const auto a = parse_observations_csv(join(head, {lines.begin(), lines.begin() + half}), dongli(), "a.csv");
  const auto b = parse_observations_csv(join(head, {lines.begin() + half, lines.end()}), dongli(), "b.csv");
  observation_ledger ab = a, ba = b;
  for (const auto& o : b.all()) ab.add(o);
  for (const auto& o : a.all()) ba.add(o);
  for (std::size_t i = 0; i < dates.size(); ++i) {
    CHECK(fingerprint(evaluate(dongli(), ab, dates[i])) == expected[i]);
    CHECK(fingerprint(evaluate(dongli(), ba, dates[i])) == expected[i]);
  }
}

TEST_CASE("a revision reported after known_as_of never changes the evaluation as known then") {
  const auto base = parse_observations_csv(std::string(plans::dongli_2024_sample_csv()), dongli(), "obs.csv");
  std::mt19937_64 rng(7);
  for (const auto known : {date(2025, 1, 31), date(2025, 6, 30), date(2026, 1, 31)}) {
    const std::string before = fingerprint(evaluate(dongli(), base, date(2026, 12, 31), known));
    // every figure known then gets a revision one day to a year later, with a different value in the same bounds
    observation_ledger revised = base;
    std::size_t added = 0;
    for (const auto& o : base.all()) {
      if (o.reported_on > known) continue;
      observation r = o;
      r.reported_on = known + boost::gregorian::days(1 + static_cast<int>(rng() % 365));
      r.value = o.rate ? o.value : o.value * 0.5;
      if (r.rate) r.rate = rate{r.rate->numerator / 2, r.rate->denominator}, r.value = *r.rate->percent();
      r.origin = "late revision";
      revised.add(r);
      ++added;
    }
    REQUIRE(added > 5);
    CHECK(fingerprint(evaluate(dongli(), revised, date(2026, 12, 31), known)) == before);
    // ...while known later, the revisions do count
    CHECK(fingerprint(evaluate(dongli(), revised, date(2026, 12, 31), date(2028, 1, 1))) !=
          fingerprint(evaluate(dongli(), base, date(2026, 12, 31), date(2028, 1, 1))));
  }
}

TEST_CASE("for a ge or gt goal a higher figure never gives a worse status (every threshold goal, grid of values)") {
  std::size_t goals_checked = 0, comparisons = 0;
  for (const auto& g : dongli().goals()) {
    if (g.kind != goal_kind::threshold || !g.target) continue;
    if (g.target->comparator != comparator::ge && g.target->comparator != comparator::gt) continue;
    ++goals_checked;
    const double t = g.target->value;
    const bool pct = g.target->unit == "%";
    const double hi = pct ? 100 : t * 2;
    for (const auto as_of : dates) {
      int worst_so_far = 99;
      std::string previous;
      for (int step = 0; step <= 40; ++step) {
        const double v = pct ? hi * step / 40 : std::round(hi * step / 40);
        // an earlier figure, then the figure under test for the year before as_of
        const int y = as_of.year() - 1;
        std::string rows = obs_header + g.id.str() + ",2023," + std::to_string(pct ? t * 0.9 : std::round(t * 0.5)) +
                           ",,,,2024-01-01,\n";
        if (y > 2023) rows += g.id.str() + "," + std::to_string(y) + "," + std::to_string(v) + ",,,," +
                              std::to_string(y + 1) + "-01-01,\n";
        const auto ledger = parse_observations_csv(rows, dongli(), "grid.csv");
        const auto r = evaluate_goal(dongli(), g, ledger, as_of, as_of + boost::gregorian::days(400));
        const int sev = severity(r.status);
        INFO(g.id << " as of " << to_iso(as_of) << " value " << v << ": " << to_string(r.status) << " after "
                  << previous);
        if (r.status != goal_status::no_data) CHECK(sev <= worst_so_far);
        if (r.status != goal_status::no_data) worst_so_far = std::min(worst_so_far, sev);
        previous = std::string(to_string(r.status));
        ++comparisons;
      }
    }
  }
  CHECK(goals_checked >= 8);
  CHECK(comparisons >= goals_checked * 5 * 41);
}

TEST_CASE("more passes never lower a rate: Wilson interval, pass_rates over records, qgov::rate") {
  for (int n : {1, 2, 5, 30, 1000}) {
    for (double z : {0.5, 1.0, records::z_95, 3.0}) {
      auto prev = records::wilson_interval(0, n, z);
      CHECK(prev.low >= 0);
      for (int k = 1; k <= n; ++k) {
        const auto cur = records::wilson_interval(k, n, z);
        CHECK(cur.low >= prev.low);
        CHECK(cur.high >= prev.high);
        CHECK(cur.low <= static_cast<double>(k) / n + 1e-12);
        CHECK(cur.high >= static_cast<double>(k) / n - 1e-12);
        CHECK(cur.low <= cur.high);
        CHECK(cur.high <= 1.0 + 1e-12);
        prev = cur;
      }
    }
  }
  for (double d : {1.0, 7.0, 3000.0})
    for (double k = 0; k < d; ++k) CHECK(*rate{k + 1, d}.percent() > *rate{k, d}.percent());

  // records: turning failures into passes one at a time never lowers any group's rate
  const std::string head(records::records_csv_header);
  std::vector<std::string> rows;
  for (int i = 0; i < 60; ++i)
    rows.push_back("R" + std::to_string(i) + ",food_evaluative," + (i % 3 ? "district" : "municipal") + ",2025-0" +
                   std::to_string(1 + i % 9) + "-10,华明街道," + (i % 2 ? "糕点" : "乳制品") + ",E" + std::to_string(i) +
                   ",fail,,,,");
  auto rates_of = [&](const std::vector<std::string>& rs) {
    const auto t = records::parse_records_csv(join(head, rs), "r.csv");
    return records::pass_rates(t, records::parse_group_by("level,category,quarter"));
  };
  auto previous = rates_of(rows);
  for (int i = 0; i < 60; i += 3) {
    rows[static_cast<std::size_t>(i)].replace(rows[static_cast<std::size_t>(i)].find(",fail,"), 6, ",pass,");
    const auto now = rates_of(rows);
    REQUIRE(now.cells.size() == previous.cells.size());
    for (std::size_t c = 0; c < now.cells.size(); ++c) {
      CHECK(now.cells[c].sampled == previous.cells[c].sampled);
      CHECK(now.cells[c].value() >= previous.cells[c].value());
      CHECK(now.cells[c].low >= previous.cells[c].low);
    }
    previous = now;
  }
}

TEST_CASE("reordering record rows never changes pass rates or rectification (seeded generator, 5 shuffles)") {
  records::generator_options o;
  o.rows = 3000;
  o.seed = 20250102;
  std::ostringstream gen;
  records::generate_records_csv(o, gen);
  std::string head;
  const auto lines = data_lines(gen.str(), head);
  REQUIRE(lines.size() == 3000);
  auto summary = [](const records::record_table& t) {
    std::ostringstream os;
    for (const char* keys : {"programme,level,region,category,month", "quarter", ""}) {
      for (const auto& c : records::pass_rates(t, records::parse_group_by(keys)).cells)
        os << (c.programme ? to_string(*c.programme) : "-") << (c.region ? *c.region : "-")
           << (c.category ? *c.category : "-") << (c.period ? c.period->str() : "-") << ' ' << c.passed << '/'
           << c.sampled << ' ' << c.low << ' ' << c.high << '\n';
    }
    const auto rect = records::rectification(t, date(2025, 12, 31));
    for (const auto& lv : rect.levels) os << to_string(lv.level) << ' ' << lv.completed << '/' << lv.due << '\n';
    return os.str();
  };
  const std::string expected = summary(records::parse_records_csv(join(head, lines), "a.csv"));
  std::mt19937_64 rng(5);
  for (int k = 0; k < 5; ++k) {
    auto shuffled = lines;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    CHECK(summary(records::parse_records_csv(join(head, shuffled), "s.csv")) == expected);
  }
}

TEST_CASE("merging the same figures twice is refused as duplicates, not counted twice") {
  // records: the same file concatenated with itself
  records::generator_options o;
  o.rows = 200;
  std::ostringstream gen;
  records::generate_records_csv(o, gen);
  std::string head;
  auto lines = data_lines(gen.str(), head);
  auto twice = lines;
  twice.insert(twice.end(), lines.begin(), lines.end());
  try {
    (void)records::parse_records_csv(join(head, twice), "twice.csv");
    FAIL("the doubled record file loaded");
  } catch (const load_error& e) {
    REQUIRE(!e.problems().empty());
    CHECK(e.problems().front().message.find("duplicate") != std::string::npos);
    CHECK(e.problems().front().where == "202:1");  // line 202 repeats line 2's record
  }
  // observations: a file's rows twice over
  std::string ohead;
  auto olines = data_lines(std::string(plans::dongli_2024_sample_csv()), ohead);
  auto otwice = olines;
  otwice.insert(otwice.end(), olines.begin(), olines.end());
  try {
    (void)parse_observations_csv(join(ohead, otwice), dongli(), "twice.csv");
    FAIL("the doubled observation file loaded");
  } catch (const load_error& e) {
    CHECK(e.problems().size() == olines.size());  // every repeated row, each named
    for (const auto& p : e.problems()) CHECK(p.message.starts_with("duplicate of the row at line "));
  }
}
