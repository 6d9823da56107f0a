// qgov classify / qgov draw: credit-risk classes and the 双随机 draw of clause （二十七） (docs/supervision.md).
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <qgov/core/error.hpp>
#include <qgov/core/period.hpp>
#include <qgov/core/sha256.hpp>
#include <qgov/io/input_file.hpp>
#include <qgov/supervision/directory_io.hpp>
#include <qgov/supervision/draw.hpp>
#include <qgov/supervision/publication.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "option_checks.hpp"

namespace qgov::inline QGOV_ABI::cli {
namespace {

using namespace qgov::supervision;

// A supervision input: a file (regular, within the supervision limit) or, for "-", standard input.
std::string read_supervision_input(const std::string& path) {
  return read_input(path, input_limits::supervision, "supervision file");
}

credit_scheme choose_scheme(const std::string& s) {
  if (s.empty() || s == "tianjin-2017") return credit_scheme::tianjin_2017();
  if (s == "national-2022") return credit_scheme::national_2022();
  return load_scheme(s);
}

std::uint64_t parse_seed(const std::string& s) {
  std::uint64_t v = 0;
  bool ok = !s.empty() && s.size() <= 20;
  for (char c : s) {
    if (!ok) break;
    if (c < '0' || c > '9') ok = false;
    else if (v > (UINT64_MAX - static_cast<unsigned>(c - '0')) / 10) ok = false;
    else v = v * 10 + static_cast<unsigned>(c - '0');
  }
  if (!ok) throw qgov::error("--seed: expected a whole number from 0 to 18446744073709551615, got \"" + s + "\"");
  return v;
}

// "CLASS=NUM/DEN" (or CLASS=NUM%) and "CLASS=DAYS": the class as the scheme writes it.
std::size_t class_index(const credit_scheme& sch, const std::string& text, const char* option) {
  if (auto l = sch.parse_class(text)) return static_cast<std::size_t>(*l);
  throw qgov::error(std::string(option) + ": unknown class \"" + text + "\" in scheme " + sch.id + "; expected one of " +
                    sch.codes());
}

std::uint32_t parse_u32(const std::string& s, const char* option, const std::string& whole) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
    throw qgov::error(std::string(option) + ": expected a whole number in \"" + whole + "\"");
  return static_cast<std::uint32_t>(std::stoul(s));
}

void apply_ratio(draw_parameters& p, const credit_scheme& sch, const std::string& arg) {
  const auto eq = arg.rfind('=');
  if (eq == std::string::npos) throw qgov::error("--ratio: expected CLASS=NUM/DEN or CLASS=NUM%, got \"" + arg + "\"");
  auto& rule = p.strata[class_index(sch, arg.substr(0, eq), "--ratio")];
  const std::string v = arg.substr(eq + 1);
  if (!v.empty() && v.back() == '%') {
    rule.ratio_numerator = parse_u32(v.substr(0, v.size() - 1), "--ratio", arg);
    rule.ratio_denominator = 100;
  } else if (const auto slash = v.find('/'); slash != std::string::npos) {
    rule.ratio_numerator = parse_u32(v.substr(0, slash), "--ratio", arg);
    rule.ratio_denominator = parse_u32(v.substr(slash + 1), "--ratio", arg);
  } else {
    throw qgov::error("--ratio: expected CLASS=NUM/DEN or CLASS=NUM%, got \"" + arg + "\"");
  }
}

void apply_cap(draw_parameters& p, const credit_scheme& sch, const std::string& arg) {
  const auto eq = arg.rfind('=');
  if (eq == std::string::npos) throw qgov::error("--frequency-cap: expected CLASS=DAYS, got \"" + arg + "\"");
  p.strata[class_index(sch, arg.substr(0, eq), "--frequency-cap")].frequency_cap_days =
      static_cast<std::int32_t>(parse_u32(arg.substr(eq + 1), "--frequency-cap", arg));
}

struct draw_options {
  std::string enterprises, inspectors, seed, quarter, on, format = "json", calendar, scheme, base = "population";
  std::string qualification, timing = "enforce", matter, shown = "id", out, results;
  std::size_t per_object = 2;
  std::vector<std::string> ratios, caps;
  bool hide_class = false;
};

}  // namespace

void add_supervision_commands(CLI::App& app) {
  // ---- classify
  auto cls = std::make_shared<std::pair<std::string, std::string>>();  // file, format
  auto cls_scheme = std::make_shared<std::string>();
  cls->second = "text";
  auto* c = app.add_subcommand("classify", "Credit-risk class of every enterprise of a directory, with the reasons "
                                           "(clause 二十七; docs/supervision.md)");
  c->add_option("enterprises", cls->first, "Enterprise directory (CSV); - for standard input")->required()->check(existing_file_or_stdin);
  c->add_option("--format", cls->second, "Output format")->check(CLI::IsMember({"text", "json", "csv"}));
  c->add_option("--scheme", *cls_scheme, "tianjin-2017 (default), national-2022, or a scheme file (JSON)");
  c->callback([cls, cls_scheme] {
    const auto sch = choose_scheme(*cls_scheme);
    const auto es = cls->first == "-" ? parse_enterprises_csv(read_input("-"), sch, "<stdin>") : load_enterprises(cls->first, sch);
    if (cls->second == "json") std::cout << classifications_to_json(es, sch);
    else if (cls->second == "csv") std::cout << classifications_to_csv(es, sch);
    else std::cout << classifications_to_text(es, sch);
  });

  // ---- draw
  auto o = std::make_shared<draw_options>();
  auto* d = app.add_subcommand("draw", "The 双随机 draw for a quarter: objects per credit class and inspectors, from a "
                                       "recorded seed, as a publication record (docs/supervision.md)");
  d->add_option("--enterprises", o->enterprises, "Enterprise directory (CSV); - for standard input")->required()->check(existing_file_or_stdin);
  d->add_option("--inspectors", o->inspectors, "Inspector roster (CSV); - for standard input")->required()->check(existing_file_or_stdin);
  d->add_option("--seed", o->seed, "The seed, 0 to 2^64-1, chosen and announced before the draw")->required();
  d->add_option("--quarter", o->quarter, "The quarter, e.g. 2025-Q1")->required();
  d->add_option("--on", o->on, "Draw date YYYY-MM-DD (default: the quarter's first working day)");
  d->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"json", "md"}));
  d->add_option("--calendar", o->calendar, "Holidays and 调休 workdays (CSV: date,kind,name); default: weekends only; - for standard input")
      ->check(existing_file_or_stdin);
  d->add_option("--scheme", o->scheme, "tianjin-2017 (default), national-2022, or a scheme file (JSON)");
  d->add_option("--inspectors-per-object", o->per_object, "Inspectors drawn per object (default 2)")->check(whole_number(1, 1000));
  d->add_option("--ratio", o->ratios, "A class's sampling ratio, CLASS=NUM/DEN or CLASS=NUM% (repeatable)");
  d->add_option("--frequency-cap", o->caps, "A class's frequency cap in days, CLASS=DAYS (repeatable)");
  d->add_option("--ratio-base", o->base, "The ratio is of the whole class or of the eligible objects")
      ->check(one_of(ratio_base_names));
  d->add_option("--qualification", o->qualification, "Draw only inspectors holding this qualification");
  d->add_option("--timing", o->timing, "A date outside the first five working days: refuse, or record it")
      ->check(one_of(timing_policy_names));
  d->add_option("--matter", o->matter, "The 抽查事项, as published");
  d->add_option("--inspectors-shown", o->shown, "What the record shows of the inspectors (default: id)")
      ->check(one_of(inspector_disclosure_names));
  d->add_flag("--hide-class", o->hide_class, "Do not show each object's credit class");
  d->add_option("--results", o->results, "Inspection results to publish with the draw (CSV: enterprise_id,outcome,"
                                         "inspected_on,note); - for standard input")->check(existing_file_or_stdin);
  d->add_option("--out", o->out, "Write the record to this file instead of standard output");
  d->callback([o] {
    draw_input in;
    in.scheme = choose_scheme(o->scheme);
    const std::string etext = read_supervision_input(o->enterprises);
    const std::string itext = read_supervision_input(o->inspectors);
    in.enterprises = parse_enterprises_csv(etext, in.scheme, input_name(o->enterprises));
    in.inspectors = parse_inspectors_csv(itext, input_name(o->inspectors));
    auto name = [](const std::string& p) { return std::filesystem::path(p).filename().string(); };
    in.inputs.push_back({"enterprises", name(o->enterprises), sha256_hex(etext)});
    in.inputs.push_back({"inspectors", name(o->inspectors), sha256_hex(itext)});
    if (!o->calendar.empty()) {
      const std::string ctext = read_supervision_input(o->calendar);
      const auto cal = parse_calendar_csv(ctext, input_name(o->calendar));
      in.calendar = work_calendar(cal.holidays(), cal.workdays(), name(o->calendar));
      in.inputs.push_back({"calendar", name(o->calendar), sha256_hex(ctext)});
    }
    if (!o->scheme.empty() && o->scheme != "tianjin-2017" && o->scheme != "national-2022")
      in.inputs.push_back({"scheme", name(o->scheme), sha256_hex(read_input_file(o->scheme, input_limits::supervision, "supervision file"))});
    const auto q = period::parse(o->quarter);
    if (!q || q->kind() != period::kind_t::quarter)
      throw qgov::error("--quarter: expected a quarter like 2025-Q1, got \"" + o->quarter + "\"");
    draw_parameters p;
    p.inspectors_per_object = o->per_object;
    for (const auto& r : o->ratios) apply_ratio(p, in.scheme, r);
    for (const auto& r : o->caps) apply_cap(p, in.scheme, r);
    p.base = named(ratio_base_names, o->base);
    p.required_qualification = o->qualification;
    p.timing = named(timing_policy_names, o->timing);
    p.matter = o->matter;
    const date on = o->on.empty() ? first_working_day(*q, in.calendar) : parse_date_option(o->on, "--on");
    const auto rec = run_draw(in, p, parse_seed(o->seed), *q, on);
    publication_options pub;
    pub.inspectors = named(inspector_disclosure_names, o->shown);
    pub.show_class = !o->hide_class;
    if (!o->results.empty())
      pub.results = o->results == "-" ? parse_results_csv(read_input("-"), "<stdin>") : load_results(o->results);
    write_output(o->format == "md" ? draw_to_markdown(rec, pub) : draw_to_json(rec, pub), o->out);
  });
}

}  // namespace qgov::cli
