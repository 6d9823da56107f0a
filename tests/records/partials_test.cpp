// Mergeable aggregates: the partials of any split of the records, merged in any tree shape, give exactly the one-pass
// results (a property test over random splits), and their binary form round-trips and refuses damaged input.
#include <qgov/records/partials.hpp>

#include <doctest/doctest.h>

#include <cstdio>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <qgov/core/error.hpp>
#include <qgov/records/generator.hpp>
#include <qgov/records/records_csv.hpp>

using namespace qgov;
using namespace qgov::records;

namespace {

// Every field of a result, doubles as hex floats: equal text means bit-identical results.
std::string hexf(double v) {
  char b[40];
  std::snprintf(b, sizeof b, "%a", v);
  return b;
}

std::string dump(const rate_table& r) {
  std::ostringstream os;
  os << to_string(r.keys) << ' ' << r.rows_counted << ' ' << r.cells.size() << '\n';
  for (const auto& c : r.cells) {
    os << (c.programme ? std::string(to_string(*c.programme)) : "-") << ' ' << (c.level ? std::string(qgov::to_string(*c.level)) : "-")
       << ' ' << c.region.value_or("-") << ' ' << c.category.value_or("-") << ' ' << (c.period ? c.period->str() : "-") << ' '
       << c.sampled << ' ' << c.passed << ' ' << hexf(c.value()) << ' ' << hexf(c.low) << ' ' << hexf(c.high) << ' '
       << c.small_sample << '\n';
  }
  return os.str();
}

std::string opt(const std::optional<date>& d) { return d ? to_iso(*d) : "-"; }

std::string dump(const rectification_report& r) {
  std::ostringstream os;
  os << to_iso(r.as_of) << '\n';
  for (const auto& lv : r.levels) {
    os << qgov::to_string(lv.level) << ' ' << lv.due << ' ' << lv.completed;
    for (auto n : lv.count) os << ' ' << n;
    os << '\n';
  }
  for (const auto& it : r.items)
    os << it.record_id << ' ' << it.enterprise << ' ' << to_string(it.programme) << ' ' << qgov::to_string(it.level) << ' '
       << to_iso(it.sampled_on) << ' ' << opt(it.ordered_on) << ' ' << opt(it.rectified_on) << ' ' << opt(it.reinspected_on)
       << ' ' << (it.reinspection_outcome ? std::string(to_string(*it.reinspection_outcome)) : "-") << ' '
       << opt(it.rectify_by) << ' ' << opt(it.reinspect_by) << ' ' << to_string(it.status) << '\n';
  return os.str();
}

std::string dump(const std::vector<manufacturing_rate>& ms) {
  std::ostringstream os;
  for (const auto& m : ms) {
    os << m.period.str() << ' ' << hexf(m.rate) << ' ' << m.ok << ' ' << m.sampled << ' ' << m.passed << '\n';
    for (const auto& r : m.regions) {
      os << "  " << r.region << ' ' << hexf(r.output) << ' ' << hexf(r.rate) << ' ' << hexf(r.weight) << ' '
         << r.unsampled_industries.size() << ' ' << r.industries_without_output.size() << '\n';
      for (const auto& i : r.industries)
        os << "    " << i.industry << ' ' << i.sampled << ' ' << i.passed << ' ' << hexf(i.weight) << '\n';
    }
    for (const auto& r : m.regions_without_output) os << "  no output: " << r << '\n';
  }
  return os.str();
}

// The CSV text split into `pieces` files at random row boundaries (some may be empty: a header only).
std::vector<std::string> split(const std::string& csv, std::size_t pieces, std::mt19937_64& rng) {
  const std::size_t body = csv.find('\n') + 1;
  const std::string head = csv.substr(0, body);
  std::vector<std::size_t> starts;  // byte offsets of the rows
  for (std::size_t at = body; at < csv.size(); at = csv.find('\n', at) + 1) starts.push_back(at);
  std::vector<std::size_t> cuts{0, starts.size()};
  for (std::size_t i = 1; i < pieces; ++i) cuts.push_back(std::uniform_int_distribution<std::size_t>(0, starts.size())(rng));
  std::sort(cuts.begin(), cuts.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const std::size_t from = cuts[i] < starts.size() ? starts[cuts[i]] : csv.size();
    const std::size_t to = cuts[i + 1] < starts.size() ? starts[cuts[i + 1]] : csv.size();
    out.push_back(head + csv.substr(from, to - from));
  }
  return out;
}

// Merges the partials in a random tree that keeps their order: repeatedly merge a random neighbouring pair.
template <class P>
P tree_merge(std::vector<P> parts, std::mt19937_64& rng) {
  while (parts.size() > 1) {
    const std::size_t i = std::uniform_int_distribution<std::size_t>(0, parts.size() - 2)(rng);
    parts[i].merge(parts[i + 1]);
    parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
  return parts.front();
}

template <class P>
P round_trip(const P& p) {
  return P::from_bytes(p.to_bytes(), "t");
}

}  // namespace

TEST_CASE("partials of random splits merge to exactly the one-pass rates, rectification and manufacturing rate") {
  std::mt19937_64 rng(20251202);
  std::ostringstream out;
  generate_industry_output_csv(5, out);
  const auto output = parse_industry_output_csv(out.str(), "o.csv");
  const std::vector<std::string> groupings = {"", "programme", "programme,level,quarter", "region,category,month",
                                              "programme,level,region,category,year", "level,category"};
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    std::ostringstream csv;
    generate_records_csv({.rows = 1500 + 300 * seed, .seed = seed, .enterprises = static_cast<std::uint32_t>(20 * seed)}, csv);
    const record_table whole = parse_records_csv(csv.str(), "whole.csv");
    const auto pieces = split(csv.str(), 1 + seed * 2, rng);
    std::vector<record_table> tables;
    for (std::size_t i = 0; i < pieces.size(); ++i)
      tables.push_back(parse_records_csv(pieces[i], "piece" + std::to_string(i) + ".csv"));
    CAPTURE(seed);
    CAPTURE(pieces.size());
    // pass rates, with and without a filter
    for (const auto& by : groupings) {
      for (const bool filtered : {false, true}) {
        CAPTURE(by);
        CAPTURE(filtered);
        const group_by keys = parse_group_by(by);
        rate_options o;
        o.minimum_sample = 40;
        if (filtered) {
          o.filter.programmes[0] = false;
          o.filter.levels[1] = false;
          o.filter.from = date(2024, 3, 15);
        }
        std::vector<pass_rate_partial> parts;
        for (const auto& t : tables) parts.push_back(round_trip(pass_rate_partial::of(t, keys, o.filter)));
        const pass_rate_partial merged = tree_merge(parts, rng);
        CHECK(merged.rows() == whole.size());
        CHECK(dump(merged.rates(o)) == dump(pass_rates(whole, keys, o)));
        // pass-rate merging also commutes: reversed order, the same counts
        std::reverse(parts.begin(), parts.end());
        CHECK(tree_merge(parts, rng) == merged);
      }
    }
    // rectification, by batch (with and without items) and by enterprise
    for (const bool by_enterprise : {false, true}) {
      for (const bool items : {true, false}) {
        CAPTURE(by_enterprise);
        CAPTURE(items);
        rectification_options o;
        o.by_enterprise = by_enterprise;
        o.programmes = {true, false, true, true};
        const date as_of(2025, 3, 31);
        std::vector<rectification_partial> parts;
        for (const auto& t : tables) parts.push_back(round_trip(rectification_partial::of(t, as_of, o, items)));
        const auto merged = tree_merge(parts, rng);
        rectification_report one = rectification(whole, as_of, o);
        if (!items && !by_enterprise) one.items.clear();
        CHECK(dump(merged.report()) == dump(one));
        CHECK(round_trip(merged) == merged);
      }
    }
    // the manufacturing rate's inputs
    for (const period_key k : {period_key::quarter, period_key::year}) {
      manufacturing_options o;
      o.period = k;
      o.renormalise = k == period_key::quarter;
      std::vector<pass_rate_partial> parts;
      for (const auto& t : tables) parts.push_back(round_trip(manufacturing_partial(t, o)));
      CHECK(dump(manufacturing_pass_rate(tree_merge(parts, rng), output, o)) == dump(manufacturing_pass_rate(whole, output, o)));
    }
  }
}

TEST_CASE("an empty partial is the identity of merge, and mismatched partials refuse to merge") {
  std::ostringstream csv;
  generate_records_csv({.rows = 500, .seed = 3}, csv);
  const record_table t = parse_records_csv(csv.str(), "t.csv");
  const group_by keys = parse_group_by("programme,quarter");
  const auto p = pass_rate_partial::of(t, keys);
  pass_rate_partial e(keys);
  e.merge(p);
  CHECK(e == p);
  auto q = p;
  q.merge(pass_rate_partial(keys));
  CHECK(q == p);
  auto r = p;
  CHECK_THROWS_WITH_AS(r.merge(pass_rate_partial(parse_group_by("programme"))),
                       "cannot merge pass-rate partials grouped by \"programme,quarter\" and by \"programme\"", qgov::error);
  CHECK(r == p);  // a refused merge changes nothing
  CHECK_THROWS_AS(r.merge(pass_rate_partial(keys, record_filter::only(programme::agri_monitoring))), qgov::error);
  auto a = rectification_partial::of(t, date(2025, 6, 30));
  CHECK_THROWS_WITH_AS(a.merge(rectification_partial(date(2025, 7, 1))),
                       "cannot merge rectification partials as of 2025-06-30 and 2025-07-01", qgov::error);
  rectification_options by_ent;
  by_ent.by_enterprise = true;
  CHECK_THROWS_AS(a.merge(rectification_partial(date(2025, 6, 30), by_ent)), qgov::error);
  CHECK(rectification_partial(date(2025, 6, 30), by_ent, false).keeps_items());  // by enterprise always keeps items
}

TEST_CASE("the binary form is compact and refuses truncated, altered or foreign bytes") {
  std::ostringstream csv;
  generate_records_csv({.rows = 20000, .seed = 9}, csv);
  const record_table t = parse_records_csv(csv.str(), "t.csv");
  const auto p = pass_rate_partial::of(t, parse_group_by("programme,level,region,quarter"));
  const std::string bytes = p.to_bytes();
  // 4 × 3 × 12 × 8 = 1152 groups at most, a few bytes each: kilobytes for 20 000 records (1.9 MB of CSV)
  CHECK(p.cells().size() > 500);
  CHECK(bytes.size() < 8 * p.cells().size() + 400);
  CHECK(pass_rate_partial::from_bytes(bytes) == p);
  CHECK_THROWS_WITH_AS((void)pass_rate_partial::from_bytes(bytes.substr(0, bytes.size() - 1), "w1"),
                       "w1: pass-rate partial: check digest does not match (truncated or altered in transit)", qgov::error);
  std::string altered = bytes;
  altered[bytes.size() / 2] ^= 1;
  CHECK_THROWS_AS((void)pass_rate_partial::from_bytes(altered), qgov::error);
  CHECK_THROWS_WITH_AS((void)pass_rate_partial::from_bytes("hello", "w2"),
                       "w2: pass-rate partial: not a qgov pass-rate partial (expected it to start with \"qgovPR1\")",
                       qgov::error);
  const auto r = rectification_partial::of(t, date(2025, 12, 31));
  CHECK_THROWS_AS((void)pass_rate_partial::from_bytes(r.to_bytes()), qgov::error);  // the other kind
  CHECK(rectification_partial::from_bytes(r.to_bytes()) == r);
  const auto counts_only = rectification_partial::of(t, date(2025, 12, 31), {}, false);
  CHECK(counts_only.to_bytes().size() < 120);
  for (std::size_t l = 0; l < 3; ++l) {
    CHECK(counts_only.report().levels[l].count == r.report().levels[l].count);
    CHECK(counts_only.report().levels[l].due == r.report().levels[l].due);
  }
  CHECK(counts_only.report().items.empty());
}
