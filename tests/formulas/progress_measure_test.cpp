// The Open SDG progress measure: sdg-build 2.4.0's 379 published series, its synthetic vectors, and every case it cannot assess.
#include <qgov/formulas/progress_measure.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <span>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "../test_support.hpp"

using namespace qgov::formulas;

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();
constexpr double infinite = std::numeric_limits<double>::infinity();

// Relative error, or absolute when the expected value is 0.
bool close(double got, double want, double tolerance) {
  if (want == 0.0) return std::fabs(got) <= tolerance;
  return std::fabs(got - want) <= tolerance * std::fabs(want);
}

bool close(const std::optional<double>& got, const std::optional<double>& want, double tolerance) {
  if (got.has_value() != want.has_value()) return false;
  return !got || close(*got, *want, tolerance);
}

std::string show(const std::optional<double>& x) {
  if (!x) return "null";
  char buf[32];
  const auto res = std::to_chars(buf, buf + sizeof buf, *x);
  return std::string(buf, res.ptr);
}

// Python's repr of a double: the shortest string that reads back as the same double.
std::string repr(double x) { return show(x); }

progress_config positive(std::optional<double> target = std::nullopt) {
  progress_config c;
  c.direction = 1;
  c.target = target;
  return c;
}

// ----------------------------------------------------------------------------------------------------------------
// The published vectors: tests/data/opensdg/*.yml (provenance in its README).

struct published_series {
  std::string file;
  std::string indicator;
  std::string name;
  std::vector<year_value> points;
  progress_config config;
  std::optional<double> progress_value;
  std::optional<double> score;
  std::string status;
  std::optional<int> sign;
  bool degenerate = false;  // target = base = current value: 2.4.0's null progress value, score 5
};

struct published_indicator {
  std::string file;
  std::string name;
  std::vector<std::size_t> series;  // indices into oracle::series
  std::optional<double> score;
  std::string status;
};

struct oracle {
  std::vector<published_series> series;
  std::vector<published_indicator> indicators;
  std::string error;  // non-empty if a file is missing or unreadable
};

std::optional<double> optional_number(const YAML::Node& n) {
  if (!n || n.IsNull()) return std::nullopt;
  return n.as<double>();
}

oracle load_oracle() {
  oracle o;
  const std::filesystem::path dir = qgov::test::repo("tests/data/opensdg");
  for (const char* file : {"canada-sdg-indicator_calculation_components.yml", "canada-cif-indicator_calculation_components.yml"}) {
    const std::filesystem::path path = dir / file;
    if (!std::filesystem::exists(path)) {
      o.error += "missing oracle file " + path.string() + "\n";
      continue;
    }
    try {
      const YAML::Node root = YAML::LoadFile(path.string());
      for (const auto& ind : root) {
        published_indicator pi{file, ind.first.as<std::string>(), {}, optional_number(ind.second["score"]),
                               ind.second["progress_status"].as<std::string>()};
        for (const auto& entry : ind.second) {
          if (!entry.second.IsMap()) continue;
          const YAML::Node& s = entry.second;
          published_series ps;
          ps.file = file;
          ps.indicator = pi.name;
          ps.name = entry.first.as<std::string>();
          ps.config.base_year = static_cast<int>(s["base_year"].as<double>());
          ps.config.target = optional_number(s["target"]);
          ps.config.target_year = static_cast<int>(s["target_year"].as<double>());
          ps.config.direction = s["direction"].as<int>();
          ps.config.limit = optional_number(s["limit"]);
          const auto base_value = optional_number(s["base_value"]);
          const auto current_value = optional_number(s["current_value"]);
          if (base_value && current_value) {
            const double base_year = s["base_year"].as<double>();
            const double current_year = s["current_year"].as<double>();
            ps.points.push_back({base_year, *base_value});
            if (current_year != base_year) ps.points.push_back({current_year, *current_value});
            ps.degenerate = ps.config.target && *ps.config.target == *base_value && *base_value == *current_value;
          }
          ps.progress_value = optional_number(s["progress_value"]);
          ps.score = optional_number(s["score"]);
          ps.status = s["status"].as<std::string>();
          if (!s["sign"].IsNull()) ps.sign = s["sign"].as<int>();
          pi.series.push_back(o.series.size());
          o.series.push_back(std::move(ps));
        }
        o.indicators.push_back(std::move(pi));
      }
    } catch (const YAML::Exception& e) {
      o.error += "cannot read " + path.string() + ": " + e.what() + "\n";
    }
  }
  return o;
}

const oracle& published() {
  static const oracle o = load_oracle();
  return o;
}

bool matches(const progress_result& r, const published_series& ps) {
  return to_string(r.status) == ps.status && close(r.progress_value, ps.progress_value, 1e-9) &&
         close(r.score, ps.score, 1e-9) && (ps.sign ? r.sign == *ps.sign : r.sign == 0);
}

// One row of the "Extra vectors computed with the 139fede code" table.
void check_vector(std::span<const year_value> points, const progress_config& config, std::optional<double> progress_value,
                  std::optional<double> score, progress_status status) {
  const progress_result r = progress_measure(points, config);
  CAPTURE(show(r.progress_value));
  CAPTURE(show(r.score));
  CAPTURE(to_string(r.reason));
  CHECK(r.status == status);
  CHECK(close(r.progress_value, progress_value, 1e-12));
  CHECK(close(r.score, score, 1e-12));
}

}  // namespace

TEST_SUITE("formulas::progress_measure") {
  static const double default_limit_case = 1.0 - std::pow(0.5, 4.44);

  // --------------------------------------------------------------------------------------------------------------
  TEST_CASE("the 379 series published by sdg-build 2.4.0 for Canada reproduce: 370 exactly, 9 degenerate as documented") {
    const oracle& o = published();
    REQUIRE_MESSAGE(o.error.empty(), o.error);
    std::size_t matched = 0;
    std::size_t regular = 0;
    std::size_t regular_matched = 0;
    std::size_t degenerate = 0;
    std::size_t degenerate_as_documented = 0;
    for (const published_series& ps : o.series) {
      const progress_result r = progress_measure(ps.points, ps.config);
      const bool ok = matches(r, ps);
      matched += ok ? 1 : 0;
      if (ps.degenerate) {
        ++degenerate;
        const bool as_documented = !r.progress_value && r.score == 5.0 && r.status == progress_status::target_achieved &&
                                   r.reason == not_available_reason::required_growth_zero && r.required_cagr == 0.0;
        degenerate_as_documented += as_documented && ok ? 1 : 0;
      } else {
        ++regular;
        regular_matched += ok ? 1 : 0;
      }
      if (!ok) {
        CAPTURE(ps.file);
        CAPTURE(ps.name);
        CAPTURE(ps.status);
        CAPTURE(show(ps.progress_value));
        CAPTURE(show(ps.score));
        FAIL_CHECK("got " << to_string(r.status) << ", progress value " << show(r.progress_value) << ", score "
                          << show(r.score) << ", sign " << int(r.sign) << " (" << to_string(r.reason) << ")");
      }
    }
    MESSAGE(matched << " of " << o.series.size() << " series match (" << regular_matched << " of " << regular
                    << " regular within 1e-9, " << degenerate_as_documented << " of " << degenerate
                    << " degenerate target = base = current as documented)");
    CHECK(o.series.size() == 379);
    CHECK(regular == 370);
    CHECK(regular_matched == 370);
    CHECK(degenerate == 9);
    CHECK(degenerate_as_documented == 9);
  }

  TEST_CASE("indicator scores and statuses reproduce wherever the indicator is a plain mean of its series") {
    const oracle& o = published();
    REQUIRE_MESSAGE(o.error.empty(), o.error);
    // An indicator whose published score is not the plain mean of its own published series scores was averaged
    // through nested `group` entries (out of scope); those are skipped, and the list of them is pinned.
    std::set<std::string> skipped;
    std::size_t checked = 0;
    std::size_t matched = 0;
    std::size_t without_series = 0;
    for (const published_indicator& pi : o.indicators) {
      if (pi.series.empty()) {  // calculation off: a manual status, nothing to compute
        ++without_series;
        continue;
      }
      double sum = 0;
      std::size_t n = 0;
      std::vector<progress_result> results;
      for (std::size_t i : pi.series) {
        const published_series& ps = o.series[i];
        results.push_back(progress_measure(ps.points, ps.config));
        if (ps.score) {
          sum += *ps.score;
          ++n;
        }
      }
      const std::optional<double> plain_mean = n ? std::optional<double>(sum / static_cast<double>(n)) : std::nullopt;
      if (!close(plain_mean, pi.score, 1e-12)) {
        skipped.insert(pi.name);
        continue;
      }
      ++checked;
      const indicator_aggregate a = aggregate(results);
      const bool ok = close(a.score, pi.score, 1e-9) && to_string(a.status) == pi.status && a.series == pi.series.size();
      matched += ok ? 1 : 0;
      if (!ok) {
        CAPTURE(pi.file);
        CAPTURE(pi.name);
        FAIL_CHECK("got " << to_string(a.status) << " " << show(a.score) << ", published " << pi.status << " "
                          << show(pi.score));
      }
    }
    std::string skipped_list;
    for (const std::string& s : skipped) skipped_list += (skipped_list.empty() ? "" : ", ") + s;
    MESSAGE(matched << " of " << checked << " indicators match; " << skipped.size() << " skipped as grouped ("
                    << skipped_list << "); " << without_series << " without series (calculation off) not checked");
    CHECK(checked == 214);
    CHECK(matched == checked);
    CHECK(skipped == std::set<std::string>{"1-4-1", "16-3-1", "4-5-1", "4-a-1", "9-c-1"});
  }

  TEST_CASE("published rows quoted in the research notes, as single cases") {
    SUBCASE("SDG 1-2-1: 14.5 → 10.2, target 7.25, negative: on track at R = 0.95") {
      const year_value pts[] = {{2015, 14.5}, {2023, 10.2}};
      progress_config c;
      c.target = 7.25;
      check_vector(pts, c, 0.9525901792032172, 2.5185563910306596, progress_status::substantial_progress);
    }
    SUBCASE("SDG 17-18-1: 74.8 → 78.3 with limit 100, positive, no target") {
      const year_value pts[] = {{2016, 74.8}, {2024, 78.3}};
      progress_config c = positive();
      c.base_year = 2016;
      c.limit = 100;
      check_vector(pts, c, 0.005732583481782072, 0.7281197264821118, progress_status::moderate_progress);
    }
    SUBCASE("SDG 1-4-1 clean fuels: 100 → 100, target 100 (degenerate)") {
      const year_value pts[] = {{2015, 100.0}, {2023, 100.0}};
      check_vector(pts, positive(100.0), std::nullopt, 5.0, progress_status::target_achieved);
    }
  }

  // --------------------------------------------------------------------------------------------------------------
  TEST_CASE("extra vectors computed with the sdg-build 139fede code") {
    SUBCASE("R&D share > 3.8 by 2025") {
      const year_value pts[] = {{2015, 2.06}, {2019, 2.23}, {2023, 2.65}};
      progress_config c = positive(3.8);
      c.target_year = 2025;
      check_vector(pts, c, 0.5065099070146682, -0.3895251704419822, progress_status::limited_progress);
    }
    SUBCASE("food pass >= 98.5") {
      const year_value pts[] = {{2015, 96.8}, {2022, 97.6}};
      check_vector(pts, positive(98.5), 1.0130597017700633, 2.9504841437733846, progress_status::substantial_progress);
    }
    SUBCASE("food pass achieved") {
      const year_value pts[] = {{2015, 96.8}, {2022, 98.7}};
      check_vector(pts, positive(98.5), 2.3944576293808812, 5.0, progress_status::target_achieved);
    }
    SUBCASE(">= 100 projects by 2025") {
      const year_value pts[] = {{2020, 20}, {2023, 64}};
      progress_config c = positive(100.0);
      c.target_year = 2025;
      c.base_year = 2020;
      check_vector(pts, c, 1.247236251268006, 4.623183819182239, progress_status::substantial_progress);
    }
    SUBCASE("decrease to 5") {
      const year_value pts[] = {{2015, 8.1}, {2022, 6.9}};
      progress_config c;
      c.target = 5.0;
      check_vector(pts, c, 0.7155039769835521, 0.825073357195814, progress_status::moderate_progress);
    }
    SUBCASE("wrong way") {
      const year_value pts[] = {{2015, 8.1}, {2022, 9.0}};
      progress_config c;
      c.target = 5.0;
      check_vector(pts, c, -0.4791570411300247, -4.496503643276474, progress_status::deterioration);
    }
    SUBCASE("target 0 → 0.001") {
      const year_value pts[] = {{2015, 12.0}, {2022, 9.0}};
      progress_config c;
      c.target = 0.0;
      check_vector(pts, c, 0.08652152969476769, -2.1394907422208114, progress_status::limited_progress);
      CHECK(progress_measure(pts, c).target_substituted);
    }
    SUBCASE("no target") {
      const year_value pts[] = {{2015, 50.0}, {2020, 54.0}};
      check_vector(pts, positive(), 0.015511278397481565, 2.7556391987407824, progress_status::substantial_progress);
    }
    SUBCASE("no target, default direction") {
      const year_value pts[] = {{2015, 50.0}, {2020, 54.0}};
      check_vector(pts, progress_config{}, -0.015511278397481565, -4.438909799685195, progress_status::deterioration);
    }
    SUBCASE("limit 100") {
      const year_value pts[] = {{2015, 99.0}, {2021, 99.5}};
      progress_config c = positive();
      c.limit = 100.0;
      check_vector(pts, c, 0.0008399849282330063, 4.623472034023333, progress_status::substantial_progress);
    }
    SUBCASE("at limit (C = 0)") {
      const year_value pts[] = {{2015, 100.0}, {2021, 100.0}};
      progress_config c = positive();
      c.limit = 100.0;
      check_vector(pts, c, 0.0, 5.0, progress_status::substantial_progress);
      CHECK(progress_measure(pts, c).limit_coefficient == 0.0);
    }
    SUBCASE("base value 0 → 0.001") {
      const year_value pts[] = {{2015, 0.0}, {2020, 2.0}};
      check_vector(pts, positive(), 3.573050519273264, 5.0, progress_status::substantial_progress);
      const progress_result r = progress_measure(pts, positive());
      CHECK(r.base_value_substituted);
      CHECK(r.base == year_value{2015, 0.0});  // echoed as observed
    }
    SUBCASE("all values negative") {
      const year_value pts[] = {{2015, -4.0}, {2020, -2.0}};
      check_vector(pts, positive(), 0.12944943670387588, 5.0, progress_status::substantial_progress);
      CHECK(progress_measure(pts, positive()).sign == -1);
    }
    SUBCASE("sign change") {
      const year_value pts[] = {{2015, -4.0}, {2020, 2.0}};
      check_vector(pts, positive(), std::nullopt, std::nullopt, progress_status::not_available);
      CHECK(progress_measure(pts, positive()).reason == not_available_reason::sign_change);
    }
    SUBCASE("base year missing") {
      const year_value pts[] = {{2014, 10}, {2017, 11}, {2021, 12}};
      check_vector(pts, positive(), 0.021991162258356844, 5.0, progress_status::substantial_progress);
      CHECK(progress_measure(pts, positive()).base == year_value{2017, 11});
    }
    SUBCASE("single point") {
      const year_value pts[] = {{2021, 12.0}};
      check_vector(pts, positive(), std::nullopt, std::nullopt, progress_status::not_available);
      CHECK(progress_measure(pts, positive()).reason == not_available_reason::only_one_year);
    }
    SUBCASE("fiscal years") {
      const year_value pts[] = {{*parse_year("2015-16"), 10}, {*parse_year("2020-21"), 12}};
      check_vector(pts, positive(20.0), 0.7852411065429723, 1.323198699925797, progress_status::moderate_progress);
    }
  }

  TEST_CASE("the worked example of docs/formulas.md: R&D share 2.06 → 2.65, target 3.8 by 2025, is limited progress") {
    const year_value pts[] = {{2015, 2.06}, {2019, 2.23}, {2023, 2.65}};
    progress_config c = positive(3.8);
    c.target_year = 2025;
    const progress_result r = progress_measure(pts, c);
    REQUIRE(r.progress_value);
    REQUIRE(r.observed_cagr);
    REQUIRE(r.required_cagr);
    CHECK(r.method == 2);
    CHECK(r.base == year_value{2015, 2.06});
    CHECK(r.current == year_value{2023, 2.65});
    CHECK(r.sign == 1);
    // Every figure the document prints, in Python's shortest round-trip form, must be what the code computes.
    const std::string doc = qgov::test::read(qgov::test::repo("docs/formulas.md"));
    REQUIRE_MESSAGE(!doc.empty(), "docs/formulas.md is missing");
    for (const std::string& figure :
         {repr(2.65 / 2.06), repr(3.8 / 2.06), repr(*r.observed_cagr), repr(*r.required_cagr), repr(*r.progress_value),
          repr(4.1667 * *r.progress_value), repr(*r.score)}) {
      CAPTURE(figure);
      CHECK(doc.find(figure) != std::string::npos);
    }
    CHECK(repr(*r.observed_cagr) == "0.031982497521516384");
    CHECK(repr(*r.required_cagr) == "0.06314288640476717");
    CHECK(repr(*r.progress_value) == "0.5065099070146682");
    CHECK(repr(*r.score) == "-0.3895251704419822");
    CHECK(r.status == progress_status::limited_progress);
  }

  // --------------------------------------------------------------------------------------------------------------
  TEST_CASE("every case the method cannot assess is not_available with its reason, and never throws") {
    const auto reason_of = [](std::span<const year_value> pts, const progress_config& c) {
      const progress_result r = progress_measure(pts, c);
      CHECK(r.status == progress_status::not_available);
      CHECK_FALSE(r.progress_value);
      CHECK_FALSE(r.score);
      return r.reason;
    };
    SUBCASE("no data: no points, or only missing (NaN) values") {
      CHECK(reason_of({}, positive()) == not_available_reason::no_data);
      const year_value pts[] = {{2016, missing}, {2020, missing}};
      CHECK(reason_of(pts, positive()) == not_available_reason::no_data);
    }
    SUBCASE("a missing value is dropped, as sdg-build drops NA, and the rest is assessed") {
      const year_value pts[] = {{2015, 50.0}, {2020, 54.0}, {2021, missing}};
      const progress_result r = progress_measure(pts, positive());
      CHECK(r.current == year_value{2020, 54.0});
      CHECK(close(r.progress_value, 0.015511278397481565, 1e-12));
    }
    SUBCASE("non-finite input: infinite value, NaN year, NaN target, infinite limit, NaN threshold") {
      const year_value inf_value[] = {{2015, 1.0}, {2020, infinite}};
      CHECK(reason_of(inf_value, positive()) == not_available_reason::non_finite_input);
      const year_value nan_year[] = {{2015, 1.0}, {missing, 2.0}};
      CHECK(reason_of(nan_year, positive()) == not_available_reason::non_finite_input);
      const year_value ok[] = {{2015, 1.0}, {2020, 2.0}};
      CHECK(reason_of(ok, positive(missing)) == not_available_reason::non_finite_input);
      progress_config c = positive();
      c.limit = -infinite;
      CHECK(reason_of(ok, c) == not_available_reason::non_finite_input);
      c = positive();
      c.thresholds.med = missing;
      CHECK(reason_of(ok, c) == not_available_reason::non_finite_input);
    }
    SUBCASE("duplicate year, sorted or not; a duplicate with a missing value does not count") {
      const year_value unsorted[] = {{2020, 2.0}, {2015, 1.0}, {2020, 3.0}};
      CHECK(reason_of(unsorted, positive()) == not_available_reason::duplicate_year);
      const year_value sorted[] = {{2015, 1.0}, {2015, 1.0}, {2020, 3.0}};
      CHECK(reason_of(sorted, positive()) == not_available_reason::duplicate_year);
      const year_value one_missing[] = {{2020, 2.0}, {2015, 1.0}, {2020, missing}};
      CHECK(progress_measure(one_missing, positive()).progress_value);
    }
    SUBCASE("no year at or after the base year (sdg-build raises; the docs say 'unable to assess')") {
      const year_value pts[] = {{2010, 1.0}, {2014, 2.0}};
      CHECK(reason_of(pts, positive()) == not_available_reason::no_year_at_or_after_base_year);
    }
    SUBCASE("only one year at or after the base year, including years less than one apart") {
      const year_value pts[] = {{2010, 1.0}, {2018, 2.0}};
      CHECK(reason_of(pts, positive()) == not_available_reason::only_one_year);
      const year_value half[] = {{2015, 1.0}, {2015.5, 2.0}};
      CHECK(reason_of(half, positive()) == not_available_reason::only_one_year);
    }
    SUBCASE("sign change, also after a zero base value becomes 0.001") {
      const year_value pts[] = {{2015, 3.0}, {2020, -1.0}};
      CHECK(reason_of(pts, positive()) == not_available_reason::sign_change);
      const year_value zero[] = {{2015, 0.0}, {2020, -1.0}};
      CHECK(reason_of(zero, positive()) == not_available_reason::sign_change);
    }
    SUBCASE("target year equals base year: as configured, or after the base year moved onto it") {
      const year_value pts[] = {{2015, 1.0}, {2020, 2.0}};
      progress_config c = positive(5.0);
      c.target_year = 2015;
      CHECK(reason_of(pts, c) == not_available_reason::target_year_equals_base_year);
      const year_value later[] = {{2030, 1.0}, {2032, 2.0}};
      CHECK(reason_of(later, positive(5.0)) == not_available_reason::target_year_equals_base_year);
    }
    SUBCASE("a target year equal to the configured base year is fine once the base year moves past it, as in sdg-build") {
      const year_value pts[] = {{2021, 1.0}, {2024, 2.0}};
      progress_config c = positive(5.0);
      c.base_year = 2020;
      c.target_year = 2020;
      const progress_result r = progress_measure(pts, c);
      CHECK(r.reason == not_available_reason::none);
      CHECK(r.progress_value);  // the required growth runs backwards in time, but is defined
    }
    SUBCASE("target of the opposite sign to the base value") {
      const year_value pts[] = {{2015, -4.0}, {2020, -2.0}};
      CHECK(reason_of(pts, positive(3.0)) == not_available_reason::target_opposite_sign);
    }
    SUBCASE("required CAGR is 0 and the target is not met") {
      const year_value pts[] = {{2015, 100.0}, {2020, 90.0}};
      CHECK(reason_of(pts, positive(100.0)) == not_available_reason::required_growth_zero);
      const year_value zeros[] = {{2015, 0.0}, {2020, 0.0005}};  // base and target 0 both become 0.001
      CHECK(reason_of(zeros, positive(0.0)) == not_available_reason::required_growth_zero);
    }
    SUBCASE("thresholds out of order") {
      const year_value pts[] = {{2015, 1.0}, {2020, 2.0}};
      progress_config c = positive();
      c.thresholds.high = 0.001;  // below the default med 0.005
      CHECK(reason_of(pts, c) == not_available_reason::invalid_thresholds);
    }
    SUBCASE("a progress value that overflows") {
      const year_value pts[] = {{2015, 1e-300}, {2016, 1e300}};
      CHECK(reason_of(pts, positive()) == not_available_reason::non_finite_result);
    }
    SUBCASE("each reason has a short English text") {
      for (int i = 0; i <= static_cast<int>(not_available_reason::non_finite_result); ++i) {
        const auto text = to_string(static_cast<not_available_reason>(i));
        CHECK(!text.empty());
        CHECK(text != "?");
      }
      CHECK(to_string(not_available_reason::only_one_year) == "only one year at or after the base year");
    }
  }

  TEST_CASE("a met target wins even when no progress value can be computed, as in sdg-build") {
    SUBCASE("single point meeting its target") {
      const year_value pts[] = {{2021, 12.0}};
      const progress_result r = progress_measure(pts, positive(10.0));
      CHECK(r.status == progress_status::target_achieved);
      CHECK(r.score == 5.0);
      CHECK_FALSE(r.progress_value);
      CHECK(r.reason == not_available_reason::only_one_year);
    }
    SUBCASE("a target of 0 is met by values up to 0.001 under a negative direction") {
      const year_value pts[] = {{2015, 81124.0}, {2023, 0.0}};
      progress_config c;
      c.target = 0.0;
      const progress_result r = progress_measure(pts, c);
      CHECK(r.status == progress_status::target_achieved);
      CHECK(close(r.progress_value, 1.4224293446258616, 1e-12));  // SDG 2-b-1
    }
    SUBCASE("target year equal to the base year, target met") {
      const year_value pts[] = {{2015, 1.0}, {2020, 2.0}};
      progress_config c = positive(1.5);
      c.target_year = 2015;
      const progress_result r = progress_measure(pts, c);
      CHECK(r.status == progress_status::target_achieved);
      CHECK(r.reason == not_available_reason::target_year_equals_base_year);
    }
    SUBCASE("an invalid configuration is not overridden by a met target") {
      const year_value pts[] = {{2015, 1.0}, {2020, 2.0}};
      progress_config c = positive(1.5);
      c.thresholds.low = 0.99;  // above med 0.60
      CHECK(progress_measure(pts, c).status == progress_status::not_available);
    }
  }

  TEST_CASE("the limit coefficient: 1 far from the limit, 1 − (b/l)^4.44 below it, mirrored above, absolute values") {
    CHECK(limit_coefficient(200.0, 100.0) == 1.0);
    CHECK(limit_coefficient(250.0, 100.0) == 1.0);
    CHECK(limit_coefficient(0.0, 0.0) == 1.0);  // b ≥ 2l is checked first: no 0/0
    CHECK(limit_coefficient(5.0, 0.0) == 1.0);
    CHECK(limit_coefficient(50.0, 100.0) == doctest::Approx(default_limit_case).epsilon(1e-15));
    CHECK(limit_coefficient(100.0, 100.0) == 0.0);
    CHECK(limit_coefficient(150.0, 100.0) == doctest::Approx(default_limit_case).epsilon(1e-15));
    CHECK(limit_coefficient(-50.0, -100.0) == limit_coefficient(50.0, 100.0));
    CHECK(limit_coefficient(99.0, 100.0) == doctest::Approx(1.0 - std::pow(0.99, 4.44)).epsilon(1e-15));
    CHECK(limit_coefficient(0.0, 100.0) == 1.0);

    SUBCASE("method 2 ignores the limit") {
      const year_value pts[] = {{2015, 99.0}, {2021, 99.5}};
      progress_config c = positive(99.9);
      c.limit = 100.0;
      CHECK(progress_measure(pts, c).limit_coefficient == 1.0);
    }
    SUBCASE("C is computed from the base value before the 0 → 0.001 substitution") {
      const year_value pts[] = {{2015, 0.0}, {2020, 0.5}};
      progress_config c = positive();
      c.limit = 1.0;
      CHECK(progress_measure(pts, c).limit_coefficient == 1.0);
    }
    SUBCASE("thresholds scale by C; deterioration's score does not") {
      const year_value pts[] = {{2015, 90.0}, {2021, 89.0}};
      progress_config c = positive();
      c.limit = 100.0;
      const progress_result r = progress_measure(pts, c);
      REQUIRE(r.progress_value);
      CHECK(r.status == progress_status::deterioration);
      CHECK(*r.score == doctest::Approx(std::max(125 * *r.progress_value - 2.5, -5.0)).epsilon(1e-15));
    }
  }

  TEST_CASE("building blocks: CAGR, base and current points, year labels, statuses, scores") {
    CHECK(cagr(121.0, 100.0, 2017, 2015) == doctest::Approx(0.1).epsilon(1e-14));
    CHECK(std::isnan(cagr(1.0, 1.0, 2015, 2015)));
    CHECK(std::isnan(cagr(1.0, 0.0, 2020, 2015)));
    CHECK(std::isnan(cagr(-1.0, 2.0, 2020, 2015)));
    CHECK(std::isnan(cagr(1.0, infinite, 2020, 2015)));
    CHECK(cagr(0.0, 2.0, 2020, 2015) == -1.0);

    const year_value pts[] = {{2021, 3.0}, {2014, 1.0}, {2017, 2.0}, {2023, missing}};
    CHECK(select_base_point(pts, 2015) == year_value{2017, 2.0});
    CHECK(select_base_point(pts, 2014) == year_value{2014, 1.0});
    CHECK_FALSE(select_base_point(pts, 2022));
    CHECK(select_current_point(pts) == year_value{2021, 3.0});

    CHECK(parse_year("2015") == 2015.0);
    CHECK(parse_year("2015-16") == 2015.0);
    CHECK(parse_year("2015/2016") == 2015.0);
    CHECK_FALSE(parse_year("FY15"));
    CHECK_FALSE(parse_year(""));

    for (auto s : {progress_status::target_achieved, progress_status::substantial_progress, progress_status::moderate_progress,
                   progress_status::limited_progress, progress_status::deterioration, progress_status::not_available})
      CHECK(parse_progress_status(to_string(s)) == s);
    CHECK_FALSE(parse_progress_status(""));

    CHECK(status_from_score(5.0) == progress_status::substantial_progress);
    CHECK(status_from_score(2.5) == progress_status::substantial_progress);
    CHECK(status_from_score(2.4999) == progress_status::moderate_progress);
    CHECK(status_from_score(0.0) == progress_status::moderate_progress);
    CHECK(status_from_score(-0.1) == progress_status::limited_progress);
    CHECK(status_from_score(-2.5) == progress_status::limited_progress);
    CHECK(status_from_score(-2.6) == progress_status::deterioration);
    CHECK(status_from_score(-5.0) == progress_status::deterioration);
    CHECK(status_from_score(std::nullopt) == progress_status::not_available);
    CHECK(status_from_score(-3.0, true) == progress_status::target_achieved);

    // The rounded constants: R = −0.6 → −5, 0.6 → 0, 0.95 → 2.5, 1.3 → 5 (approximately).
    CHECK(progress_score(-0.6, 2, method_2_thresholds) == doctest::Approx(-5.0).epsilon(1e-4));
    CHECK(progress_score(0.6, 2, method_2_thresholds) == doctest::Approx(0.0).epsilon(1e-4));
    CHECK(progress_score(0.95, 2, method_2_thresholds) == doctest::Approx(2.5).epsilon(1e-4));
    CHECK(progress_score(1.3, 2, method_2_thresholds) == doctest::Approx(5.0).epsilon(1e-4));
    CHECK(progress_score(-1.0, 2, method_2_thresholds) == -5.0);
    CHECK(progress_score(-0.03, 1, method_1_thresholds) == -5.0);
    CHECK(progress_score(0.01, 1, method_1_thresholds) == doctest::Approx(1.25));
    // The caveat: 0.949992 ≤ R < 0.95 is moderate by status but scores 2.5 or more.
    CHECK(classify_progress(0.949995, method_2_thresholds) == progress_status::moderate_progress);
    CHECK(progress_score(0.949995, 2, method_2_thresholds) >= 2.5);
  }

  TEST_CASE("threshold overrides replace only the keys they set, as sdg-build's dict update") {
    progress_thresholds t;
    t.high = 0.02;
    CHECK(t.resolve(1) == threshold_values{0.02, 0.005, 0.0});
    CHECK(t.resolve(2) == threshold_values{0.02, 0.60, 0.0});
    CHECK(progress_thresholds{}.resolve(2) == method_2_thresholds);
    const year_value pts[] = {{2015, 50.0}, {2020, 54.0}};  // P = 0.0155
    progress_config c = positive();
    c.thresholds = t;
    CHECK(progress_measure(pts, c).status == progress_status::moderate_progress);
  }

  TEST_CASE("aggregating to the indicator: mean of scored series, target_achieved only if all of them achieved") {
    const auto scored = [](double score, progress_status status) {
      progress_result r;
      r.score = score;
      r.status = status;
      return r;
    };
    SUBCASE("SDG 1-3-1: three scores and four not_available give −0.9229…, limited") {
      const progress_result rs[] = {scored(2.815386645395768, progress_status::substantial_progress),
                                    scored(-2.7348688404414103, progress_status::deterioration),
                                    scored(-2.84926753467944, progress_status::deterioration), progress_result{},
                                    progress_result{}, progress_result{}, progress_result{}};
      const indicator_aggregate a = aggregate(rs);
      CHECK(close(a.score, -0.9229165765750275, 1e-12));
      CHECK(a.status == progress_status::limited_progress);
      CHECK(a.series == 7);
      CHECK(a.scored == 3);
    }
    SUBCASE("SDG 11-2-1: two scores average to −2.8499…, deterioration") {
      const progress_result rs[] = {scored(-2.263356723992989, progress_status::limited_progress),
                                    scored(-3.4365245172643806, progress_status::deterioration)};
      const indicator_aggregate a = aggregate(rs);
      CHECK(close(a.score, -2.8499406206286846, 1e-12));
      CHECK(a.status == progress_status::deterioration);
    }
    SUBCASE("all scored series achieved: target_achieved; one not: the score's band") {
      const progress_result all[] = {scored(5, progress_status::target_achieved), scored(5, progress_status::target_achieved),
                                     progress_result{}};
      CHECK(aggregate(all).status == progress_status::target_achieved);
      const progress_result one_not[] = {scored(5, progress_status::target_achieved),
                                         scored(5, progress_status::substantial_progress)};
      CHECK(aggregate(one_not).status == progress_status::substantial_progress);
    }
    SUBCASE("nothing scored: not_available without a score") {
      const progress_result none[] = {progress_result{}, progress_result{}};
      CHECK(aggregate(none) == indicator_aggregate{progress_status::not_available, std::nullopt, 2, 0});
      CHECK(aggregate({}).status == progress_status::not_available);
    }
  }

  // --------------------------------------------------------------------------------------------------------------
  TEST_CASE("the batch entry point gives exactly the scalar results on 20000 random series, on one thread or several") {
    std::mt19937_64 rng(20240822);
    std::uniform_int_distribution<int> n_points(0, 10);
    std::uniform_int_distribution<int> start(2008, 2024);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const std::size_t n = 20000;  // room for 4 blocks of the threaded batch (4 096 series each at least)
    std::vector<double> years, values;
    std::vector<std::size_t> offsets{0};
    std::vector<progress_config> configs;
    std::vector<std::vector<year_value>> series;
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<year_value> pts;
      const int k = n_points(rng);
      const int y0 = start(rng);
      double v = unit(rng) < 0.1 ? 0.0 : (unit(rng) < 0.1 ? -1 : 1) * (1 + 99 * unit(rng));
      for (int j = 0; j < k; ++j) {
        pts.push_back({static_cast<double>(y0 + j), v});
        v *= 0.9 + 0.2 * unit(rng);
        if (unit(rng) < 0.02) v = -v;
      }
      if (!pts.empty() && unit(rng) < 0.05) pts.back().value = missing;
      if (pts.size() > 2 && unit(rng) < 0.1) std::swap(pts.front(), pts.back());  // unsorted
      if (pts.size() > 2 && unit(rng) < 0.02) pts[1].year = pts[0].year;          // duplicate
      progress_config c;
      c.direction = unit(rng) < 0.5 ? 1 : -1;
      if (unit(rng) < 0.5) c.target = pts.empty() || unit(rng) < 0.05 ? 0.0 : pts.front().value * (0.5 + unit(rng));
      if (unit(rng) < 0.3) c.limit = 100.0;
      c.target_year = unit(rng) < 0.8 ? 2030 : 2026;
      for (const year_value& p : pts) {
        years.push_back(p.year);
        values.push_back(p.value);
      }
      offsets.push_back(years.size());
      configs.push_back(c);
      series.push_back(std::move(pts));
    }
    std::vector<progress_result> out(n);
    progress_measure_batch(years, values, offsets, configs, out);
    std::size_t same = 0;
    std::map<progress_status, std::size_t> by_status;
    for (std::size_t i = 0; i < n; ++i) {
      same += out[i] == progress_measure(series[i], configs[i]) ? 1 : 0;
      ++by_status[out[i].status];
    }
    CHECK(same == n);
    CHECK(by_status.size() == 6);  // the random series reach every status

    SUBCASE("several threads give the same results whatever the count") {
      for (const unsigned threads : {0u, 2u, 3u, 4u, 64u}) {
        CAPTURE(threads);
        std::vector<progress_result> threaded(n);
        progress_measure_batch(years, values, offsets, configs, threaded, threads);
        CHECK(threaded == out);
        const progress_config shared[] = {positive(50.0)};
        std::vector<progress_result> one(n);
        progress_measure_batch(years, values, offsets, shared, one);
        progress_measure_batch(years, values, offsets, shared, threaded, threads);
        CHECK(threaded == one);
      }
      std::vector<std::size_t> bad = offsets;
      bad[12000] = years.size() + 7;  // a bad offset in the third block is reported there as in one thread
      std::vector<progress_result> threaded(n);
      progress_measure_batch(years, values, bad, configs, threaded, 4);
      CHECK(threaded[11999].reason == not_available_reason::invalid_batch_layout);
      CHECK(threaded[11998] == out[11998]);
      const std::span<const progress_config> two_configs(configs.data(), 2);
      progress_measure_batch(years, values, offsets, two_configs, threaded, 4);
      CHECK(threaded[n - 1].reason == not_available_reason::invalid_batch_layout);
    }
    SUBCASE("one configuration shared by all series") {
      const progress_config shared[] = {positive(50.0)};
      progress_measure_batch(years, values, offsets, shared, out);
      std::size_t same_shared = 0;
      for (std::size_t i = 0; i < n; ++i) same_shared += out[i] == progress_measure(series[i], shared[0]) ? 1 : 0;
      CHECK(same_shared == n);
    }
    SUBCASE("an inconsistent layout marks the results instead of reading out of bounds") {
      std::vector<std::size_t> bad = offsets;
      bad[3] = years.size() + 7;  // series 2 and 3 run past the end or backwards
      progress_measure_batch(years, values, bad, configs, out);
      CHECK(out[2].reason == not_available_reason::invalid_batch_layout);
      CHECK(out[1] == progress_measure(series[1], configs[1]));
      const std::span<const double> short_values(values.data(), values.size() - 1);
      progress_measure_batch(years, short_values, offsets, configs, out);
      CHECK(std::all_of(out.begin(), out.end(), [](const progress_result& r) {
        return r.status == progress_status::not_available && r.reason == not_available_reason::invalid_batch_layout;
      }));
      const std::span<const progress_config> two_configs(configs.data(), 2);
      progress_measure_batch(years, values, offsets, two_configs, out);
      CHECK(out[0].reason == not_available_reason::invalid_batch_layout);
    }
  }
}
