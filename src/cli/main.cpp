// qgov — the command-line front end: the plan, its responsibility matrix, and one unit's duties.
#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include <fstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <qgov/qgov.hpp>
#include <qgov/extract/author.hpp>
#include <qgov/extract/extract.hpp>

#include <qgov/render/text_width.hpp>
#include <qgov/io/csv.hpp>
#include "commands.hpp"
#include "common.hpp"

namespace {

using namespace qgov;
using namespace qgov::cli;



std::string format_value(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

std::string target_text(const goal& g) {
  if (g.target) return std::string(symbol(g.target->comparator)) + " " + format_value(g.target->value) + " " + g.target->unit;
  if (g.direction) return *g.direction == trend_direction::increase ? "increasing" : "decreasing";
  return "not scored";
}

std::string source_text(const source_ref& r) {
  return r.kind == source_ref::kind_t::clause ? "（" + chinese_numeral(r.number) + "）" : "专栏" + std::to_string(r.number);
}

void print_plan_text(const plan& p, std::ostream& os) {
  const auto& d = p.document();
  os << d.title.text << "  " << d.number.text << "\n"
     << d.issuer.text << ", " << d.issued_on_text.text;
  if (!d.disclosure.text.empty()) os << "  (" << d.disclosure.text << ")";
  os << "\n" << p.sections().size() << " sections, " << p.clauses().size() << " clauses, " << p.columns().size()
     << " columns, " << p.units().size() << " responsible units, " << p.matrix().size() << " responsibility lists, "
     << p.goals().size() << " goals\n\n";
  os << pad_display("goal", 36) << pad_display("kind", 12) << pad_display("target", 16) << pad_display("deadline", 12) << pad_display("source", 10) << "clauses\n";
  for (const auto& g : p.goals()) {
    std::string links;
    for (const auto& c : g.clauses) {
      if (!links.empty()) links += ' ';
      links += std::to_string(c.clause.value);
      if (c.link == link_type::assigned) links += '*';
    }
    os << pad_display(clip_display(g.id.str(), 35), 36) << pad_display(to_string(g.kind), 12) << pad_display(target_text(g), 16)
       << pad_display(to_iso(g.deadline), 12) << pad_display(source_text(g.source), 10) << links << "\n"
       << "    " << g.quote << "\n";
  }
  os << "\n(* = assigned link: a summary target tied to the clause that carries it out)\n";
}

char role_letter(role r) { return r == role::lead ? 'L' : r == role::responsible ? 'R' : 'S'; }

// Units down, clauses across: 35 rows by 26 narrow columns fits an 80-column terminal.
void print_matrix_text(const plan& p, std::ostream& os) {
  const std::size_t name_w = 16;
  auto header = [&](bool tens) {
    os << pad_display(tens ? "clause" : "", name_w);
    for (const auto& l : p.matrix()) {
      const int n = l.clause.value;
      os << ' ' << (tens ? (n >= 10 ? char('0' + n / 10) : ' ') : char('0' + n % 10));
    }
    os << (tens ? "   L  R  S\n" : "\n");
  };
  header(true);
  header(false);
  for (const auto& u : p.units()) {
    os << pad_display(clip_display(u.name, name_w - 1), name_w);
    std::map<role, int> count;
    for (const auto& l : p.matrix()) {
      auto r = l.role_of(u.id);
      if (r) ++count[*r];
      os << ' ' << (r ? role_letter(*r) : '.');
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, " %3d%3d%3d", count[role::lead], count[role::responsible], count[role::supporting]);
    os << buf << "\n";
  }
  std::size_t cells = 0;
  for (const auto& l : p.matrix()) cells += l.cells.size();
  os << "\nL lead, R responsible, S supporting, . not named (convention: " << to_string(p.convention()) << ")\n"
     << p.matrix().size() << " clauses, " << p.units().size() << " units, " << cells << " cells\n";
}

void print_matrix_csv(const plan& p, std::ostream& os) {
  os << "clause,clause_title,position,unit_id,unit_name,unit_name_en,unit_kind,role,span_begin,span_end\n";
  for (const auto& l : p.matrix()) {
    const auto* c = p.find_clause(l.clause);
    for (std::size_t i = 0; i < l.cells.size(); ++i) {
      const auto& cell = l.cells[i];
      const auto* u = p.find_unit(cell.unit);
      os << l.clause.value << ',' << csv_field(c ? c->title.text : "") << ',' << i + 1 << ',' << csv_field(cell.unit.str())
         << ',' << csv_field(p.text_of(cell.span)) << ',' << csv_field(u ? u->name_en : "") << ','
         << (u ? to_string(u->kind) : "") << ',' << to_string(cell.unit_role) << ',' << cell.span.begin << ','
         << cell.span.end << '\n';
    }
  }
}

void print_unit_text(const plan& p, const responsible_unit& u, std::ostream& os) {
  os << u.name << " (" << u.name_en << ", " << to_string(u.kind) << ", id " << u.id << ")\n\nClauses:\n";
  for (const auto& a : p.clauses_of(u.id)) {
    const auto* c = p.find_clause(a.clause);
    os << "  " << pad_display("（" + chinese_numeral(a.clause.value) + "）", 12) << pad_display(c ? c->title.text : "", 34)
       << to_string(a.unit_role) << "\n";
  }
  os << "\nGoals it answers for:\n";
  for (const auto& g : p.goals_of(u.id)) os << "  " << pad_display(g.id.str(), 36) << pad_display(target_text(g), 16) << g.quote << "\n";
}

void print_unit_json(const plan& p, const responsible_unit& u, std::ostream& os) {
  nlohmann::ordered_json j;
  j["plan"] = p.id().str();
  j["id"] = u.id.str();
  j["name"] = u.name;
  j["name_en"] = u.name_en;
  j["kind"] = std::string(to_string(u.kind));
  j["clauses"] = nlohmann::ordered_json::array();
  for (const auto& a : p.clauses_of(u.id)) {
    const auto* c = p.find_clause(a.clause);
    j["clauses"].push_back({{"number", a.clause.value}, {"title", c ? c->title.text : ""},
                            {"role", std::string(to_string(a.unit_role))}});
  }
  j["goals"] = nlohmann::ordered_json::array();
  for (const auto& g : p.goals_of(u.id)) {
    nlohmann::ordered_json gj{{"id", g.id.str()}, {"kind", std::string(to_string(g.kind))}};
    if (g.target)
      gj["target"] = {{"comparator", std::string(to_string(g.target->comparator))}, {"value", g.target->value},
                      {"unit", g.target->unit}, {"deadline", to_iso(g.deadline)}};
    gj["quote"] = g.quote;
    j["goals"].push_back(gj);
  }
  os << j.dump(2) << "\n";
}

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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"qgov: the quality-governance rules of a quality-development plan (default: 东丽政发〔2024〕5号)"};
  app.set_version_flag("--version", std::string("qgov ") + qgov::version_string);
  app.require_subcommand(1);

  std::string plan_file, format = "text", unit_name, convention;
  const auto conventions = CLI::IsMember({"first_listed_leads", "all_responsible", "explicit"});

  auto* plan_cmd = app.add_subcommand("plan", "Print the whole plan: document, goals with targets, clause links");
  plan_cmd->add_option("--plan", plan_file, "Plan file (JSON); default: the embedded Dongli 2024 plan")->check(existing_file_or_stdin);
  plan_cmd->add_option("--convention", convention, "Read roles under this convention instead of the plan's")->check(conventions);
  plan_cmd->add_option("--format", format, "Output format")->check(CLI::IsMember({"json", "text"}));

  auto* matrix_cmd = app.add_subcommand("matrix", "Print the clause-to-unit responsibility matrix");
  matrix_cmd->add_option("--plan", plan_file, "Plan file (JSON); default: the embedded Dongli 2024 plan")->check(existing_file_or_stdin);
  matrix_cmd->add_option("--convention", convention, "Read roles under this convention instead of the plan's")->check(conventions);
  matrix_cmd->add_option("--format", format, "Output format")->check(CLI::IsMember({"json", "csv", "text"}));

  auto* unit_cmd = app.add_subcommand("unit", "Print one unit's clauses (with roles) and the goals it answers for");
  unit_cmd->add_option("name", unit_name, "The unit's Chinese name as printed (区市场监管局) or its id (market_regulation)")->required();
  unit_cmd->add_option("--plan", plan_file, "Plan file (JSON); default: the embedded Dongli 2024 plan")->check(existing_file_or_stdin);
  unit_cmd->add_option("--convention", convention, "Read roles under this convention instead of the plan's")->check(conventions);
  unit_cmd->add_option("--format", format, "Output format")->check(CLI::IsMember({"json", "text"}));

  std::vector<std::string> observations_files;
  std::string as_of_text, known_as_of_text, lang_text = "both", batch_file;
  std::vector<std::string> goal_ids;
  auto* eval_cmd = app.add_subcommand("evaluate", "Evaluate every goal on a date: statuses, explanations, bureau scorecard");
  eval_cmd->add_option("--plan", plan_file, "Plan file (JSON); default: the embedded Dongli 2024 plan")->check(existing_file_or_stdin);
  eval_cmd->add_option("--observations", observations_files, "Observations: .csv (UTF-8 or GB18030), .json or .xlsx files, or folders of them; default: the embedded Dongli sample")->check(existing_path_or_stdin);
  eval_cmd->add_option("--as-of", as_of_text, "Evaluate as of this date (YYYY-MM-DD)")->required();
  eval_cmd->add_option("--known-as-of", known_as_of_text, "Use only figures reported by this date (default: --as-of)");
  eval_cmd->add_option("--format", format, "Output format")->check(CLI::IsMember({"json", "md", "text"}));
  eval_cmd->add_option("--lang", lang_text, "Language of explanations")->check(CLI::IsMember({"zh", "en", "both"}));

  auto* explain_cmd = app.add_subcommand("explain", "Explain goals: the figures used, the formula, every intermediate value");
  explain_cmd->add_option("goal", goal_ids, "Goal ids (e.g. food_sampling_pass_rate)")->required();
  explain_cmd->add_option("--plan", plan_file, "Plan file (JSON); default: the embedded Dongli 2024 plan")->check(existing_file_or_stdin);
  explain_cmd->add_option("--observations", observations_files, "Observations: .csv (UTF-8 or GB18030), .json or .xlsx files, or folders of them; default: the embedded Dongli sample")->check(existing_path_or_stdin);
  explain_cmd->add_option("--as-of", as_of_text, "Evaluate as of this date (YYYY-MM-DD)")->required();
  explain_cmd->add_option("--known-as-of", known_as_of_text, "Use only figures reported by this date (default: --as-of)");
  explain_cmd->add_option("--format", format, "Output format (json: the evaluation JSON of these goals)")->check(CLI::IsMember({"json", "text"}));

  auto* progress_cmd = app.add_subcommand("progress", "The Open SDG progress measure over a batch of series (JSON in, JSON out)");
  std::string extract_file;
  auto* extract_cmd = app.add_subcommand("extract", "Read a draft plan from a plan's Chinese text: outline, lists, targets, and what is unclassified");
  extract_cmd->add_option("file", extract_file, "The plan's text (UTF-8); - for standard input")->required()->check(existing_file_or_stdin);
  extract_cmd->add_option("--format", format, "Output format")->check(CLI::IsMember({"json", "text"}));
  bool allow_empty = false, skeleton = false;
  std::string skeleton_id = "draft", skeleton_source;
  extract_cmd->add_flag("--allow-empty", allow_empty, "Exit 0 even when no sections, lists or targets are found");
  extract_cmd->add_flag("--overlay-skeleton", skeleton, "Print a starting overlay for `qgov author` instead of the draft");
  extract_cmd->add_option("--plan-id", skeleton_id, "The plan id the skeleton names (default: draft)");
  extract_cmd->add_option("--source-path", skeleton_source, "The source path the skeleton names, relative to where the plan file will live (default: the text's path)");

  progress_cmd->add_option("--batch", batch_file, "JSON array of {\"points\": [[year, value], ...], \"config\": {...}}; - for stdin")->required();

  std::string report_format = "html", report_out;
  auto* report_cmd = app.add_subcommand("report", "The scorecard report: a self-contained HTML page (or PDF through headless Chromium, Markdown, text)");
  report_cmd->add_option("--plan", plan_file, "Plan file (JSON); default: the embedded Dongli 2024 plan")->check(existing_file_or_stdin);
  report_cmd->add_option("--observations", observations_files, "Observations: .csv (UTF-8 or GB18030), .json or .xlsx files, or folders of them; default: the embedded Dongli sample")->check(existing_path_or_stdin);
  report_cmd->add_option("--as-of", as_of_text, "Evaluate as of this date (YYYY-MM-DD)")->required();
  report_cmd->add_option("--known-as-of", known_as_of_text, "Use only figures reported by this date (default: --as-of)");
  report_cmd->add_option("--lang", lang_text, "Language of the report")->check(CLI::IsMember({"zh", "en", "both"}));
  report_cmd->add_option("--format", report_format, "Output format (default: html; json: the evaluation JSON; pdf: through headless Chromium)")->check(CLI::IsMember({"html", "json", "md", "pdf", "text"}));
  report_cmd->add_option("--out", report_out, "Write the report to this file instead of standard output");

  // Subcommand groups in their own files (commands.hpp); each callback runs inside app.parse.
  // (registrations go here)
  add_workbook_commands(app);
  add_scenario_commands(app);
  add_supervision_commands(app);
  add_records_commands(app);
  add_lineage_commands(app);
  add_author_commands(app);

  try {
    app.parse(argc, argv);
    if (*extract_cmd) {
      const auto draft = extract(read_input(extract_file, input_limits::extract_text, "plan text"), {.plan_id = "draft", .source_path = input_name(extract_file)});
      if (skeleton)
        std::cout << overlay_skeleton(draft, skeleton_id, skeleton_source.empty() ? input_name(extract_file) : skeleton_source);
      else
        std::cout << (format == "json" ? draft_to_json(draft) : draft_to_text(draft));
      if (has_missing_parts(draft) && !allow_empty) {  // a text it cannot read is bad input (docs/cli.md)
        for (const auto& f : draft.unclassified)
          if (f.kind == finding_kind::missing) std::cerr << input_name(extract_file) << ": " << f.why << "\n";
        return exit_bad_input;
      }
      return 0;
    }
    if (*progress_cmd) {
      std::cout << progress_batch_json(read_input(batch_file, input_limits::progress_batch, "progress batch"), input_name(batch_file));
      return 0;
    }
    // Subcommands registered from commands.hpp did their work in their callbacks during parse.
    if (!*plan_cmd && !*matrix_cmd && !*unit_cmd && !*eval_cmd && !*explain_cmd && !*report_cmd) return 0;
    std::optional<plan> storage;
    const plan& chosen = choose_plan(plan_file, storage);
    const plan p = convention.empty() ? chosen : chosen.with_convention(*parse_role_convention(convention));
    if (*plan_cmd) {
      if (format == "json") std::cout << to_json(p);
      else print_plan_text(p, std::cout);
    } else if (*matrix_cmd) {
      if (format == "json") std::cout << matrix_to_json(p);
      else if (format == "csv") print_matrix_csv(p, std::cout);
      else print_matrix_text(p, std::cout);
    } else if (*eval_cmd || *explain_cmd) {
      const auto ledger = choose_observation_files(observations_files, p, plan_file.empty());
      const date as_of = parse_date_option(as_of_text, "--as-of");
      const date known = known_as_of_text.empty() ? as_of : parse_date_option(known_as_of_text, "--known-as-of");
      if (*eval_cmd) {
        const auto e = evaluate(p, ledger, as_of, known);
        const auto lang = *parse_language(lang_text);
        if (format == "json") std::cout << to_json(e, p);
        else if (format == "md") std::cout << render_markdown(e, p, lang);
        else std::cout << render_text(e, p, lang);
      } else {
        evaluation selected;  // --format json: the evaluation JSON of the goals asked for
        selected.plan = p.id();
        selected.as_of = as_of;
        selected.known_as_of = known;
        for (const auto& id : goal_ids) {
          const goal* g = p.find_goal(goal_id(id));
          if (!g) {
            std::cerr << "qgov: no goal \"" << id << "\" in plan " << p.id() << "; known goals:";
            for (const auto& x : p.goals()) std::cerr << ' ' << x.id;
            std::cerr << "\n";
            return exit_bad_input;
          }
          auto r = evaluate_goal(p, *g, ledger, as_of, known);
          if (format == "json") {
            selected.goals.push_back(std::move(r));
            continue;
          }
          print_explain(p, *g, r, std::cout);
          std::cout << "\n";
        }
        if (format == "json") std::cout << to_json(selected, p);
      }
    } else if (*report_cmd) {
      const auto ledger = choose_observation_files(observations_files, p, plan_file.empty());
      const date as_of = parse_date_option(as_of_text, "--as-of");
      const date known = known_as_of_text.empty() ? as_of : parse_date_option(known_as_of_text, "--known-as-of");
      const auto e = evaluate(p, ledger, as_of, known);
      const auto lang = *parse_language(lang_text);
      if (report_format == "pdf") {  // src/cli/pdf.cpp
        const auto pages = write_pdf_report(render_html(e, p, lang), report_out);
        std::cout << "wrote pdf report (" << pages.bytes << " bytes) to " << report_out << "\n";
        return 0;
      }
      const std::string text = report_format == "json" ? to_json(e, p)
                               : report_format == "html" ? render_html(e, p, lang)
                               : report_format == "md" ? render_markdown(e, p, lang)
                                                       : render_text(e, p, lang);
      if (report_out.empty()) {
        std::cout << text;
      } else {
        std::ofstream out(report_out, std::ios::binary);
        out << text;
        out.close();
        if (!out) throw qgov::error("cannot write " + report_out);
        std::cout << "wrote " << report_format << " report (" << text.size() << " bytes) to " << report_out << "\n";
      }
    } else if (*unit_cmd) {
      const auto* u = p.find_unit_by_name(unit_name);
      if (!u) u = p.find_unit(unit_id(unit_name));
      if (!u) {
        std::cerr << "qgov: no unit named \"" << unit_name << "\" in plan " << p.id() << "; known units:";
        for (const auto& x : p.units()) std::cerr << ' ' << x.name;
        std::cerr << "\n";
        return exit_bad_input;
      }
      if (format == "json") print_unit_json(p, *u, std::cout);
      else print_unit_text(p, *u, std::cout);
    }
  } catch (const CLI::RuntimeError& e) {
    // a command's own verdict (qgov test: a scenario failed), already reported
    return e.get_exit_code();
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error (CLI11's 105, 106, 114 …, an option value out of range) is bad input
    const int code = app.exit(e);
    return code == 0 ? exit_ok : exit_bad_input;
  } catch (const qgov::load_error& e) {  // a file that cannot be read as what it should be: bad input
    std::cerr << "qgov: " << e.what() << "\n";
    return exit_bad_input;
  } catch (const qgov::error& e) {
    std::cerr << "qgov: " << e.what() << "\n";
    return exit_bad_input;
  } catch (const std::exception& e) {
    std::cerr << "qgov: " << e.what() << "\n";
    return exit_bad_input;
  }
  return exit_ok;
}
