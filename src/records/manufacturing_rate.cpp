// The output-weighted manufacturing pass rate (formulas §1) and its industry-output CSV.
#include <qgov/records/manufacturing_rate.hpp>

#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <qgov/core/error.hpp>
#include <qgov/io/input_file.hpp>

#include "detail/utf8.hpp"

namespace qgov::inline QGOV_ABI::records {
namespace {

// Splits small CSV text into records of fields (RFC 4180 quotes), each with its line. Problems go to `out`.
struct csv_row {
  std::size_t line = 0;
  std::vector<std::string> fields;
};
std::vector<csv_row> split_small_csv(std::string_view text, std::vector<problem>& out) {
  std::vector<csv_row> rows;
  std::size_t i = 0, line = 1;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < text.size()) {
    csv_row r;
    r.line = line;
    std::string field;
    bool done = false;
    while (!done) {
      field.clear();
      if (i < text.size() && text[i] == '"') {
        ++i;
        for (;;) {
          if (i >= text.size()) {
            out.push_back({std::to_string(r.line) + ":" + std::to_string(r.fields.size() + 1), "unterminated quoted field"});
            return rows;
          }
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') { field += '"'; i += 2; continue; }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          field += text[i++];
        }
      }
      while (i < text.size() && text[i] != ',' && text[i] != '\n') field += text[i++];
      if (!field.empty() && field.back() == '\r') field.pop_back();
      r.fields.push_back(field);
      if (i >= text.size()) done = true;
      else if (text[i] == ',') ++i;
      else { ++i; ++line; done = true; }
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace

std::vector<industry_output> parse_industry_output_csv(std::string_view text, const std::string& origin) {
  std::vector<problem> problems;
  const auto rows = split_small_csv(text, problems);
  std::vector<industry_output> out;
  if (rows.empty() && problems.empty())
    problems.push_back({"1:1", "empty file: expected the header line region,industry,output_value"});
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto& r = rows[k];
    const std::string at = std::to_string(r.line) + ":";
    if (k == 0) {
      if (r.fields != std::vector<std::string>{"region", "industry", "output_value"})
        problems.push_back({at + "1", "expected the header region,industry,output_value"});
      continue;
    }
    if (r.fields.size() == 1 && r.fields[0].empty()) {
      problems.push_back({at + "1", "blank line"});
      continue;
    }
    if (r.fields.size() != 3) {
      problems.push_back({at + "1", "expected 3 fields (region,industry,output_value), found " + std::to_string(r.fields.size())});
      continue;
    }
    industry_output o{r.fields[0], r.fields[1], 0};
    bool ok = true;
    for (std::size_t c = 0; c < 2; ++c) {
      if (r.fields[c].empty() || qgov::detail::first_invalid_utf8(r.fields[c])) {
        problems.push_back({at + std::to_string(c + 1), std::string(c == 0 ? "region" : "industry") +
                                                             ": required, a UTF-8 name"});
        ok = false;
      }
    }
    const std::string& v = r.fields[2];
    const auto res = std::from_chars(v.data(), v.data() + v.size(), o.value);
    if (v.empty() || res.ec != std::errc() || res.ptr != v.data() + v.size() || !std::isfinite(o.value) || o.value < 0) {
      problems.push_back({at + "3", "output_value: expected a number ≥ 0, found \"" + v + "\""});
      ok = false;
    }
    if (ok && !seen.insert({o.region, o.industry}).second) {
      problems.push_back({at + "1", "duplicate row for region \"" + o.region + "\", industry \"" + o.industry + "\""});
      ok = false;
    }
    if (ok) out.push_back(std::move(o));
  }
  if (!problems.empty()) throw load_error(origin, std::move(problems));
  return out;
}

std::vector<industry_output> load_industry_output(const std::string& path) {
  return parse_industry_output_csv(read_input_file(path, input_limits::industry_output, "industry-output CSV"), path);
}

std::vector<manufacturing_rate> manufacturing_pass_rate(const record_table& table,
                                                        const std::vector<industry_output>& output,
                                                        const manufacturing_options& options) {
  group_by by;
  by.region = by.category = true;
  by.period = options.period;
  rate_options ro;
  ro.filter = options.filter;
  return manufacturing_pass_rate(pass_rates(table, by, ro), output, options);
}

std::vector<manufacturing_rate> manufacturing_pass_rate(const rate_table& rates,
                                                        const std::vector<industry_output>& output,
                                                        const manufacturing_options& options) {
  if (!rates.keys.region || !rates.keys.category || rates.keys.programme || rates.keys.level ||
      rates.keys.period != options.period)
    throw qgov::error("the weighted manufacturing rate needs counts grouped by region, category and the period, not by \"" +
                      to_string(rates.keys) + "\"");
  // output by region → industry
  std::map<std::string, std::map<std::string, double>> value;
  for (const auto& o : output) value[o.region][o.industry] += o.value;
  // counts by period → region → industry
  std::map<std::string, std::pair<qgov::period, std::map<std::string, std::map<std::string, std::pair<std::uint64_t, std::uint64_t>>>>> by_period;
  for (const auto& c : rates.cells) {
    const qgov::period p = c.period ? *c.period : qgov::period::year(2000);
    const std::string key = c.period ? std::to_string(to_day_number(p.first_day()) + 1000000) : "";
    auto& slot = by_period[key];
    slot.first = p;
    slot.second[*c.region][*c.category] = {c.sampled, c.passed};
  }
  std::vector<manufacturing_rate> result;
  for (const auto& [key, slot] : by_period) {
    manufacturing_rate m;
    m.period = slot.first;
    const auto& counts = slot.second;
    double total_output = 0, weighted = 0;
    for (const auto& [region, industries] : value) {
      region_rate rr;
      rr.region = region;
      const auto sampled_here = counts.find(region);
      double used_output = 0, sum = 0;
      for (const auto& [industry, v] : industries) {
        rr.output += v;
        std::pair<std::uint64_t, std::uint64_t> n{0, 0};
        if (sampled_here != counts.end())
          if (auto it = sampled_here->second.find(industry); it != sampled_here->second.end()) n = it->second;
        if (n.first == 0) {
          rr.unsampled_industries.push_back(industry);
          if (!options.renormalise) {
            used_output += v;  // weight kept, rate 0
            rr.industries.push_back({industry, v, 0, 0, 0});
          }
          continue;
        }
        used_output += v;
        sum += v * static_cast<double>(n.second) / static_cast<double>(n.first);
        rr.industries.push_back({industry, v, n.first, n.second, 0});
        m.sampled += n.first;
        m.passed += n.second;
      }
      if (sampled_here != counts.end())
        for (const auto& [industry, n] : sampled_here->second)
          if (!industries.count(industry)) rr.industries_without_output.push_back(industry);
      if (used_output <= 0 || rr.industries.empty()) {
        m.regions.push_back(std::move(rr));  // no weighted industry: reported, not weighted
        continue;
      }
      for (auto& ir : rr.industries) ir.weight = ir.output / used_output;
      rr.rate = sum / used_output;
      total_output += rr.output;
      weighted += rr.output * rr.rate;
      m.regions.push_back(std::move(rr));
    }
    for (const auto& [region, industries] : counts)
      if (!value.count(region)) m.regions_without_output.push_back(region);
    if (total_output > 0) {
      m.ok = true;
      m.rate = weighted / total_output;
      for (auto& rr : m.regions)
        if (!rr.industries.empty() && rr.output > 0 && !(rr.rate == 0 && rr.industries.empty())) rr.weight = rr.output / total_output;
    }
    result.push_back(std::move(m));
  }
  return result;
}

std::vector<observation> to_observations(const std::vector<manufacturing_rate>& rates, const goal_mapping& goals,
                                         date reported_on, const std::string& source) {
  std::vector<observation> out;
  if (!goals.manufacturing) return out;
  for (const auto& m : rates) {
    if (!m.ok) continue;
    observation o;
    o.goal = *goals.manufacturing;
    o.period = m.period;
    o.value = 100.0 * m.rate;
    o.reported_on = reported_on;
    o.source = source + " (output-weighted; raw " + std::to_string(m.passed) + "/" + std::to_string(m.sampled) + ")";
    o.origin = "records: manufacturing " + m.period.str();
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace qgov::records
