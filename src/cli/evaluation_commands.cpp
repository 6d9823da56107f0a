// qgov evaluate, explain, report, progress: the plan's goals judged on a date, one goal's whole reasoning, the
// scorecard report, and the Open SDG progress measure over a batch of series.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <qgov/qgov.hpp>
#include <qgov/render/text_width.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace qgov::inline QGOV_ABI::cli {
namespace {

void print_explain(const plan& p, const goal& g, const goal_result& r, std::ostream& os) {
  os << g.id << "  [" << to_string(r.status) << " / " << to_chinese(r.status) << "]\n"
     << "  " << r.explanation.zh << "\n  " << r.explanation.en << "\n\n"
     << "  quote:    " << g.quote << "  (" << to_string(g.source.kind) << " " << g.source.number << ", line "
     << p.position_of(g.span).line << ")\n"
     << "  formula:  " << r.trace.formula << "\n  rule:     " << r.trace.rule << "\n";
  if (!r.trace.note.empty()) os << "  note:     " << r.trace.note << "\n";
  for (const auto& v : r.trace.values) os << "  " << pad_display(v.name, 28) << format_value(v.value) << "\n";
  for (const auto& v : r.trace.thresholds) os << "  threshold " << pad_display(v.name, 18) << format_value(v.value) << "\n";
  if (!r.levels.empty())
    for (const auto& l : r.levels)
      os << "  level " << pad_display(to_string(l.level), 10) << pad_display(to_string(l.status), 10)
         << (l.value ? format_value(*l.value) : "-") << (l.period ? " (" + l.period->str() + ")" : "") << "\n";
  os << "  figures used:\n";
  for (const auto& o : r.trace.observations) {
    os << "    " << pad_display(o.period.str(), 11) << pad_display(format_value(o.value), 10);
    if (o.rate) os << pad_display(format_value(o.rate->numerator) + "/" + format_value(o.rate->denominator), 12);
    if (o.level) os << pad_display(to_string(*o.level), 10);
    os << "reported " << to_iso(o.reported_on) << "  " << o.origin << "\n";
  }
  os << "  accountable:";
  for (const auto& u : p.units_for(g)) os << " " << p.find_unit(u)->name;
  os << "\n";
}

// What evaluate, explain and report read: --plan, --observations, --as-of, --known-as-of, and their own options.
struct evaluation_args {
  std::string plan_file;
  std::vector<std::string> observations_files;
  std::string as_of_text, known_as_of_text, lang_text = "both", format = "text";
  std::vector<std::string> goal_ids;       // explain
  std::string report_format = "html", out;  // report
};

void add_evaluation_inputs(CLI::App* cmd, evaluation_args& a) {
  add_plan_option(cmd, a.plan_file);
  cmd->add_option("--observations", a.observations_files, "Observations: .csv (UTF-8 or GB18030), .json or .xlsx files, or folders of them; default: the embedded Dongli sample")->check(existing_path_or_stdin);
  cmd->add_option("--as-of", a.as_of_text, "Evaluate as of this date (YYYY-MM-DD)")->required();
  cmd->add_option("--known-as-of", a.known_as_of_text, "Use only figures reported by this date (default: --as-of)");
}

// The plan, its observations and the two dates, read in this order (the first bad one is the error).
struct evaluation_inputs {
  plan p;
  observation_ledger ledger;
  date as_of, known;
  explicit evaluation_inputs(const evaluation_args& a)
      : p(chosen_plan(a.plan_file, "")),
        ledger(choose_observation_files(a.observations_files, p, a.plan_file.empty())),
        as_of(parse_date_option(a.as_of_text, "--as-of")),
        known(a.known_as_of_text.empty() ? as_of : parse_date_option(a.known_as_of_text, "--known-as-of")) {}
};

// qgov explain GOAL…: each goal's reasoning as text, or the evaluation JSON of these goals; exit 2 naming the known
// goals at the first unknown one.
void explain_goals(const evaluation_args& a) {
  const evaluation_inputs in(a);
  const plan& p = in.p;
  evaluation selected;  // --format json: the evaluation JSON of the goals asked for
  selected.plan = p.id();
  selected.as_of = in.as_of;
  selected.known_as_of = in.known;
  for (const auto& id : a.goal_ids) {
    const goal* g = p.find_goal(goal_id(id));
    if (!g) {
      std::cerr << "qgov: no goal \"" << id << "\" in plan " << p.id() << "; known goals:";
      for (const auto& x : p.goals()) std::cerr << ' ' << x.id;
      std::cerr << "\n";
      throw CLI::RuntimeError(exit_bad_input);
    }
    auto r = evaluate_goal(p, *g, in.ledger, in.as_of, in.known);
    if (a.format == "json") {
      selected.goals.push_back(std::move(r));
      continue;
    }
    print_explain(p, *g, r, std::cout);
    std::cout << "\n";
  }
  if (a.format == "json") std::cout << to_json(selected, p);
}

// qgov report: the report in its format, on standard output or in --out.
void write_report(const evaluation_args& a) {
  const evaluation_inputs in(a);
  const auto e = evaluate(in.p, in.ledger, in.as_of, in.known);
  const auto lang = *parse_language(a.lang_text);
  if (a.report_format == "pdf") {  // src/cli/pdf.cpp
    const auto pages = write_pdf_report(render_html(e, in.p, lang), a.out);
    std::cout << "wrote pdf report (" << pages.bytes << " bytes) to " << a.out << "\n";
    return;
  }
  const std::string text = a.report_format == "json" ? to_json(e, in.p)
                           : a.report_format == "html" ? render_html(e, in.p, lang)
                           : a.report_format == "md" ? render_markdown(e, in.p, lang)
                                                     : render_text(e, in.p, lang);
  if (a.out.empty()) {
    std::cout << text;
    return;
  }
  std::ofstream out(a.out, std::ios::binary);  // "-" too is a file name here
  out << text;
  out.close();
  if (!out) throw qgov::error("cannot write " + a.out);
  std::cout << "wrote " << a.report_format << " report (" << text.size() << " bytes) to " << a.out << "\n";
}

}  // namespace

void add_evaluation_commands(CLI::App& app) {
  auto ea = std::make_shared<evaluation_args>();
  auto* eval_cmd = app.add_subcommand("evaluate", "Evaluate every goal on a date: statuses, explanations, bureau scorecard");
  add_evaluation_inputs(eval_cmd, *ea);
  eval_cmd->add_option("--format", ea->format, "Output format")->check(CLI::IsMember({"json", "md", "text"}));
  eval_cmd->add_option("--lang", ea->lang_text, "Language of explanations")->check(CLI::IsMember({"zh", "en", "both"}));
  eval_cmd->callback([ea] {
    const evaluation_inputs in(*ea);
    const auto e = evaluate(in.p, in.ledger, in.as_of, in.known);
    const auto lang = *parse_language(ea->lang_text);
    if (ea->format == "json") std::cout << to_json(e, in.p);
    else if (ea->format == "md") std::cout << render_markdown(e, in.p, lang);
    else std::cout << render_text(e, in.p, lang);
  });

  auto xa = std::make_shared<evaluation_args>();
  auto* explain_cmd = app.add_subcommand("explain", "Explain goals: the figures used, the formula, every intermediate value");
  explain_cmd->add_option("goal", xa->goal_ids, "Goal ids (e.g. food_sampling_pass_rate)")->required();
  add_evaluation_inputs(explain_cmd, *xa);
  explain_cmd->add_option("--format", xa->format, "Output format (json: the evaluation JSON of these goals)")->check(CLI::IsMember({"json", "text"}));
  explain_cmd->callback([xa] { explain_goals(*xa); });

  auto batch_file = std::make_shared<std::string>();
  auto* progress_cmd = app.add_subcommand("progress", "The Open SDG progress measure over a batch of series (JSON in, JSON out)");
  progress_cmd->add_option("--batch", *batch_file, "JSON array of {\"points\": [[year, value], ...], \"config\": {...}}; - for stdin")->required();
  progress_cmd->callback([batch_file] {
    std::cout << progress_batch_json(read_input(*batch_file, input_limits::progress_batch, "progress batch"), input_name(*batch_file));
  });
}

void add_report_command(CLI::App& app) {
  auto ra = std::make_shared<evaluation_args>();
  auto* report_cmd = app.add_subcommand("report", "The scorecard report: a self-contained HTML page (or PDF through headless Chromium, Markdown, text)");
  add_evaluation_inputs(report_cmd, *ra);
  report_cmd->add_option("--lang", ra->lang_text, "Language of the report")->check(CLI::IsMember({"zh", "en", "both"}));
  report_cmd->add_option("--format", ra->report_format, "Output format (default: html; json: the evaluation JSON; pdf: through headless Chromium)")->check(CLI::IsMember({"html", "json", "md", "pdf", "text"}));
  report_cmd->add_option("--out", ra->out, "Write the report to this file instead of standard output");
  report_cmd->callback([ra] { write_report(*ra); });
}

}  // namespace qgov::cli
