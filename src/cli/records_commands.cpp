// qgov rates / rectification / weighted-rate / gen-records: official rates from raw inspection records.
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include <qgov/core/error.hpp>
#include <qgov/records/generator.hpp>
#include <qgov/records/manufacturing_rate.hpp>
#include <qgov/records/pass_rates.hpp>
#include <qgov/records/records_csv.hpp>
#include <qgov/records/rectification.hpp>
#include <qgov/io/csv.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "option_checks.hpp"

namespace qgov::inline QGOV_ABI::cli {
namespace {

using namespace qgov::records;

struct load_flags {
  std::string file;
  std::string rejects;
  bool no_progress = false;
};

void add_load_flags(CLI::App* sub, load_flags& f) {
  sub->add_option("file", f.file, "Inspection-record CSV (docs/records.md); - for standard input")->required();
  sub->add_option("--keep-good-rows", f.rejects,
                  "Load the good rows and write each rejected row with its reasons to this CSV file "
                  "(default: any bad row refuses the whole file)");
  sub->add_flag("--no-progress", f.no_progress, "No progress bar (drawn on stderr only when it is a terminal)");
}

record_table load(const load_flags& f) {
  load_options o;
  if (!f.rejects.empty()) {
    o.keep_good_rows = true;
    o.rejects_path = f.rejects;
  }
  const bool bar = !f.no_progress && isatty(2);
  if (bar)
    o.progress = [](std::size_t done, std::size_t total) {
      if (total == 0) std::fprintf(stderr, "\rreading: %zu MB", done >> 20);
      else std::fprintf(stderr, "\rreading: %3d%% [%-40s]", static_cast<int>(100.0 * done / total),
                        std::string(static_cast<std::size_t>(40.0 * done / total), '#').c_str());
    };
  load_report rep;
  record_table t = f.file == "-" ? read_records_csv(std::cin, "<stdin>", o, &rep) : load_records(f.file, o, &rep);
  if (bar) std::fprintf(stderr, "\r%60s\r", "");
  if (o.keep_good_rows)
    std::cerr << "qgov: loaded " << rep.rows_loaded << " rows; " << rep.rows_rejected << " rejected rows written to "
              << o.rejects_path << "\n";
  return t;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string json_text(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += {'\\', c};
    else if (static_cast<unsigned char>(c) < 0x20) {
      char b[8];
      std::snprintf(b, sizeof b, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += b;
    } else out += c;
  }
  return out + "\"";
}

const char* period_name(period_key k) {
  return k == period_key::month ? "month" : k == period_key::quarter ? "quarter" : "year";
}

// The grouping keys of a cell as (name, text) pairs, in key order.
std::vector<std::pair<std::string, std::string>> key_values(const rate_table& r, const rate_cell& c) {
  std::vector<std::pair<std::string, std::string>> kv;
  if (c.programme) kv.emplace_back("programme", std::string(to_string(*c.programme)));
  if (c.level) kv.emplace_back("level", std::string(qgov::to_string(*c.level)));
  if (c.region) kv.emplace_back("region", *c.region);
  if (c.category) kv.emplace_back("category", *c.category);
  if (c.period) kv.emplace_back(period_name(r.keys.period), c.period->str());
  return kv;
}

void print_rates(const rate_table& r, const std::string& format, std::ostream& os) {
  std::vector<std::string> names;
  {
    rate_cell probe;
    if (r.keys.programme) names.push_back("programme");
    if (r.keys.level) names.push_back("level");
    if (r.keys.region) names.push_back("region");
    if (r.keys.category) names.push_back("category");
    if (r.keys.period != period_key::none) names.push_back(period_name(r.keys.period));
  }
  if (format == "json") {
    os << "[";
    bool first = true;
    for (const auto& c : r.cells) {
      os << (first ? "\n  {" : ",\n  {");
      first = false;
      for (const auto& [k, v] : key_values(r, c)) os << json_text(k) << ": " << json_text(v) << ", ";
      // exactly the contract: the keys, sampled, passed, rate, low, high (small_sample is in csv and text)
      os << "\"sampled\": " << c.sampled << ", \"passed\": " << c.passed << ", \"rate\": " << number(c.value())
         << ", \"low\": " << number(c.low) << ", \"high\": " << number(c.high) << "}";
    }
    os << (first ? "]\n" : "\n]\n");
  } else if (format == "csv") {
    for (const auto& n : names) os << n << ',';
    os << "sampled,passed,rate,low,high,small_sample\n";
    for (const auto& c : r.cells) {
      for (const auto& [k, v] : key_values(r, c)) os << csv_field(v) << ',';
      os << c.sampled << ',' << c.passed << ',' << number(c.value()) << ',' << number(c.low) << ',' << number(c.high)
         << ',' << (c.small_sample ? "true" : "false") << '\n';
    }
  } else {
    os << "pass rates by " << (names.empty() ? std::string("(all records)") : to_string(r.keys)) << ": "
       << r.cells.size() << " groups, " << r.rows_counted << " records; Wilson interval z = " << number(r.options.z)
       << "; * fewer than " << r.options.minimum_sample << " samples\n";
    for (const auto& c : r.cells) {
      std::string keys;
      for (const auto& [k, v] : key_values(r, c)) keys += v + "  ";
      char line[160];
      std::snprintf(line, sizeof line, "%8llu/%-8llu %7.3f%%  [%7.3f%%, %7.3f%%]%s", static_cast<unsigned long long>(c.passed),
                    static_cast<unsigned long long>(c.sampled), 100 * c.value(), 100 * c.low, 100 * c.high,
                    c.small_sample ? " *" : "");
      os << keys << line << '\n';
    }
  }
}

}  // namespace

void add_records_commands(CLI::App& app) {
  // qgov rates
  {
    auto* sub = app.add_subcommand("rates", "Pass rates (qualified / sampled) with Wilson intervals from inspection records");
    auto flags = std::make_shared<load_flags>();
    auto by = std::make_shared<std::string>("programme");
    auto format = std::make_shared<std::string>("text");
    auto z = std::make_shared<double>(z_95);
    auto min_sample = std::make_shared<std::uint64_t>(30);
    auto threads = std::make_shared<unsigned>(1);
    add_load_flags(sub, *flags);
    sub->add_option("--by", *by, "Grouping keys: any of programme,level,region,category plus one of month,quarter,year "
                                 "(empty: all records)");
    sub->add_option("--format", *format, "Output format")->check(CLI::IsMember({"csv", "json", "text"}));
    sub->add_option("--z", *z, "Normal quantile of the Wilson interval (1.959963984540054 for 95 %)")->check(positive_number(10));
    sub->add_option("--min-sample", *min_sample, "Flag rates from fewer samples (PROPOSED default 30)")->check(whole_number(0));
    sub->add_option("--threads", *threads, "Counting threads (1 or 2)")->check(CLI::Range(1u, 2u));
    auto as_goal = std::make_shared<std::string>();
    auto only_programme = std::make_shared<std::string>();
    auto reported_on = std::make_shared<std::string>();
    sub->add_option("--as-observations", *as_goal,
                    "Write the rates as observations of this goal (observation CSV, docs/observations-format.md), "
                    "ready for `qgov evaluate --observations -`; --by a period (default year) and optionally level");
    sub->add_option("--programme", *only_programme, "Count only this programme's records (food_evaluative, "
                                                    "food_supervisory, agri_monitoring, product_supervisory)");
    sub->add_option("--reported-on", *reported_on, "With --as-observations: the date the figures were reported (YYYY-MM-DD)");
    sub->callback([=] {
      const bool as_obs = !as_goal->empty();
      const group_by keys = parse_group_by(as_obs && sub->count("--by") == 0 ? std::string("year") : *by);  // bad keys fail before the file is read
      rate_options o;
      o.z = *z;
      o.minimum_sample = *min_sample;
      o.threads = *threads;
      if (!only_programme->empty()) {
        const auto p = parse_programme(*only_programme);
        if (!p) throw qgov::error("--programme: unknown programme \"" + *only_programme +
                                  "\"; expected food_evaluative, food_supervisory, agri_monitoring, product_supervisory");
        o.filter = record_filter::only(*p);
      }
      if (!as_obs) {
        if (!reported_on->empty()) throw qgov::error("--reported-on: only with --as-observations");
        const record_table t = load(*flags);
        print_rates(pass_rates(t, keys, o), *format, std::cout);
        return;
      }
      if (keys.programme || keys.region || keys.category || keys.period == period_key::none)
        throw qgov::error("--by: with --as-observations, group by one period (month, quarter or year) and optionally "
                          "level, so that each row is one figure of the goal; got \"" + *by + "\"");
      if (reported_on->empty()) throw qgov::error("--reported-on: required with --as-observations (when were these figures reported?)");
      const date rep = parse_date_option(*reported_on, "--reported-on");
      const record_table t = load(*flags);
      const rate_table r = pass_rates(t, keys, o);
      std::cout << "goal,period,value,numerator,denominator,level,reported_on,source\n";
      const std::string source = csv_field("qgov rates " + (flags->file == "-" ? std::string("<stdin>") : flags->file) +
                                          (only_programme->empty() ? std::string() : " --programme " + *only_programme));
      for (const auto& c : r.cells)
        std::cout << *as_goal << ',' << c.period->str() << ",," << c.passed << ',' << c.sampled << ','
                  << (c.level ? std::string(qgov::to_string(*c.level)) : std::string()) << ',' << to_iso(rep) << ','
                  << source << '\n';
    });
  }
  // qgov rectification
  {
    auto* sub = app.add_subcommand("rectification", "Rectification completion rate per level after failed spot checks (60/75-day rules)");
    auto flags = std::make_shared<load_flags>();
    auto as_of = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("text");
    auto programmes = std::make_shared<std::string>("product_supervisory");
    auto opts = std::make_shared<rectification_options>();
    add_load_flags(sub, *flags);
    sub->add_option("--as-of", *as_of, "Status on this date (YYYY-MM-DD)")->required();
    sub->add_option("--format", *format, "Output format")->check(CLI::IsMember({"json", "text"}));
    sub->add_option("--programmes", *programmes, "Programmes whose failures count, comma-separated (PROPOSED default product_supervisory)");
    sub->add_option("--rectify-days", opts->rectify_days, "Days from the order to correct (Art. 46: 60)")->check(whole_number_in(1, 3650));
    sub->add_option("--reinspect-days", opts->reinspect_days, "Days from the order to re-inspect (Art. 47: 75)")->check(whole_number_in(1, 3650));
    sub->add_flag("--late-rectification-counts", opts->late_rectification_counts, "A correction after the deadline still completes the item");
    sub->add_flag("--strict-reinspection", [opts](std::int64_t) { opts->late_reinspection_counts = false; },
                  "A re-inspection after its deadline does not complete the item");
    sub->add_flag("--exclude-not-ordered", opts->exclude_not_ordered, "Leave failures without an order out of the denominator");
    sub->add_flag("--by-enterprise", opts->by_enterprise, "Count enterprises, not batches");
    sub->callback([=] {
      const date d = parse_date_option(*as_of, "--as-of");
      rectification_options o = *opts;
      o.programmes.fill(false);
      std::string_view rest = *programmes;
      while (!rest.empty()) {
        const auto comma = rest.find(',');
        const auto name = rest.substr(0, comma);
        const auto p = parse_programme(name);
        if (!p) throw qgov::error("--programmes: unknown programme \"" + std::string(name) +
                                  "\"; expected food_evaluative, food_supervisory, agri_monitoring, product_supervisory");
        o.programmes[static_cast<std::size_t>(*p)] = true;
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      }
      const record_table t = load(*flags);
      const auto rep = rectification(t, d, o);
      if (*format == "json") {
        std::cout << "{\"as_of\": \"" << to_iso(d) << "\", \"levels\": [";
        bool first = true;
        for (const auto& lv : rep.levels) {
          std::cout << (first ? "" : ", ") << "{\"level\": \"" << qgov::to_string(lv.level) << "\", \"due\": " << lv.due
                    << ", \"completed\": " << lv.completed << ", \"rate\": "
                    << (lv.due ? number(static_cast<double>(lv.completed) / static_cast<double>(lv.due)) : "null");
          for (std::size_t s = 0; s < rectification_status_count; ++s)
            std::cout << ", \"" << to_string(static_cast<rectification_status>(s)) << "\": " << lv.count[s];
          std::cout << "}";
          first = false;
        }
        std::cout << "], \"items\": [";
        first = true;
        for (const auto& it : rep.items) {
          std::cout << (first ? "\n  " : ",\n  ") << "{\"record_id\": " << json_text(it.record_id)
                    << ", \"enterprise\": " << json_text(it.enterprise) << ", \"level\": \"" << qgov::to_string(it.level)
                    << "\", \"status\": \"" << to_string(it.status) << "\", \"ordered_on\": "
                    << (it.ordered_on ? "\"" + to_iso(*it.ordered_on) + "\"" : "null") << "}";
          first = false;
        }
        std::cout << (first ? "]}\n" : "\n]}\n");
        return;
      }
      std::cout << "rectification completion as of " << to_iso(d) << " (" << o.rectify_days << " days to correct, "
                << o.reinspect_days << " to re-inspect)\n";
      for (const auto& lv : rep.levels) {
        std::cout << "  " << qgov::to_string(lv.level) << ": " << lv.completed << "/" << lv.due;
        if (lv.due) std::cout << " = " << number(100.0 * static_cast<double>(lv.completed) / static_cast<double>(lv.due)) << "%";
        std::cout << "  (";
        for (std::size_t s = 0; s < rectification_status_count; ++s)
          std::cout << (s ? ", " : "") << to_string(static_cast<rectification_status>(s)) << " " << lv.count[s];
        std::cout << ")\n";
      }
      std::cout << "items not completed:\n";
      for (const auto& it : rep.items)
        if (it.status != rectification_status::completed)
          std::cout << "  " << it.record_id << "  " << it.enterprise << "  " << qgov::to_string(it.level) << "  "
                    << to_string(it.status) << "  ordered " << (it.ordered_on ? to_iso(*it.ordered_on) : "-")
                    << "  due " << (it.rectify_by ? to_iso(*it.rectify_by) : "-") << "\n";
    });
  }
  // qgov weighted-rate
  {
    auto* sub = app.add_subcommand("weighted-rate", "制造业产品质量合格率: industry rates weighted by output value, region then district");
    auto flags = std::make_shared<load_flags>();
    auto output = std::make_shared<std::string>();
    auto period = std::make_shared<std::string>("quarter");
    auto keep_weights = std::make_shared<bool>(false);
    add_load_flags(sub, *flags);
    sub->add_option("--output", *output, "Industry-output CSV: region,industry,output_value; - for standard input")
        ->required()->check(existing_file_or_stdin);
    sub->add_option("--period", *period, "Period of each figure")->check(CLI::IsMember({"month", "quarter", "year"}));
    auto wformat = std::make_shared<std::string>("text");
    sub->add_option("--format", *wformat, "Output format")->check(CLI::IsMember({"json", "text"}));
    sub->add_flag("--no-renormalise", *keep_weights, "Industries with output but no samples keep their weight at rate 0");
    sub->callback([=] {
      manufacturing_options o;
      o.period = *period == "month" ? period_key::month : *period == "year" ? period_key::year : period_key::quarter;
      o.renormalise = !*keep_weights;
      const auto out = *output == "-" ? parse_industry_output_csv(read_input("-"), "<stdin>") : load_industry_output(*output);
      const record_table t = load(*flags);
      const auto results = manufacturing_pass_rate(t, out, o);
      if (*wformat == "json") {
        std::cout << "[";
        bool first = true;
        for (const auto& m : results) {
          std::cout << (first ? "\n  " : ",\n  ") << "{\"period\": " << json_text(m.period.str()) << ", \"rate\": "
                    << (m.ok ? number(m.rate) : std::string("null")) << ", \"passed\": " << m.passed
                    << ", \"sampled\": " << m.sampled << ", \"regions\": [";
          first = false;
          bool rfirst = true;
          for (const auto& rg : m.regions) {
            std::cout << (rfirst ? "" : ", ") << "{\"region\": " << json_text(rg.region) << ", \"rate\": "
                      << (rg.weight > 0 ? number(rg.rate) : std::string("null")) << ", \"weight\": " << number(rg.weight)
                      << ", \"unsampled_industries\": " << rg.unsampled_industries.size()
                      << ", \"industries_without_output\": " << rg.industries_without_output.size() << "}";
            rfirst = false;
          }
          std::cout << "], \"regions_without_output\": [";
          rfirst = true;
          for (const auto& rg : m.regions_without_output) std::cout << (rfirst ? "" : ", ") << json_text(rg), rfirst = false;
          std::cout << "]}";
        }
        std::cout << (first ? "]\n" : "\n]\n");
        return;
      }
      for (const auto& m : results) {
        std::cout << m.period.str() << ": " << (m.ok ? number(100 * m.rate) + "%" : std::string("n/a")) << "  (raw "
                  << m.passed << "/" << m.sampled << ")\n";
        for (const auto& r : m.regions) {
          std::cout << "  " << r.region << ": " << (r.weight > 0 ? number(100 * r.rate) + "%  weight " + number(r.weight) : std::string("not weighted"));
          if (!r.unsampled_industries.empty()) std::cout << "  unsampled industries " << r.unsampled_industries.size();
          if (!r.industries_without_output.empty()) std::cout << "  sampled without output " << r.industries_without_output.size();
          std::cout << "\n";
        }
        for (const auto& r : m.regions_without_output) std::cout << "  " << r << ": samples but no output rows\n";
      }
    });
  }
  // qgov gen-records
  {
    auto* sub = app.add_subcommand("gen-records", "Synthetic inspection records (CSV on standard output), seeded and portable");
    auto opts = std::make_shared<generator_options>();
    auto industry = std::make_shared<bool>(false);
    sub->add_option("--rows", opts->rows, "Number of records")->required()->check(whole_number(0, 10'000'000'000));
    sub->add_option("--seed", opts->seed, "Seed of the generator")->check(whole_number(0));
    sub->add_option("--first-year", opts->first_year, "First sampling year (default 2024)")->check(CLI::Range(1900, 2190));
    sub->add_option("--years", opts->years, "Years of sampling dates (default 2)")->check(CLI::Range(1, 10));
    sub->add_option("--enterprises", opts->enterprises, "Number of enterprises (default 400)")->check(CLI::Range(1u, 1000000u));
    sub->add_flag("--scrambled-ids", opts->scrambled_ids, "Record ids in no particular order (exercises the duplicate check)");
    sub->add_flag("--industry-output", *industry, "Write the matching industry-output CSV instead of records");
    sub->callback([=] {
      std::ios::sync_with_stdio(false);
      if (*industry) generate_industry_output_csv(opts->seed, std::cout);
      else generate_records_csv(*opts, std::cout);
      std::cout.flush();
      if (!std::cout) throw qgov::error("gen-records: cannot write standard output");
    });
  }
}

}  // namespace qgov::cli
