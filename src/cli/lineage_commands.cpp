// Plans through time and across levels: qgov diff, qgov lineage check|evaluate, qgov cascade, qgov rollup
// (docs/lineage.md). Exit codes: 0 ok / no difference; 1 plans differ, a cascade is violated; 2 bad input or usage.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <qgov/lineage/cascade.hpp>
#include <qgov/lineage/diff.hpp>
#include <qgov/lineage/lineage.hpp>
#include <qgov/lineage/rollup.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace qgov::inline QGOV_ABI::cli {
namespace {

// Runs `body`; bad input (a plan, vocabulary or observation file that does not load, a bad date) exits 2.
template <class F>
void bad_input_exits_2(F&& body) {
  try {
    body();
  } catch (const CLI::RuntimeError&) {
    throw;
  } catch (const qgov::error& e) {
    std::cerr << "qgov: " << e.what() << "\n";
    throw CLI::RuntimeError(2);
  }
}

struct diff_options {
  std::string before, after, format = "text";
};

struct lineage_options {
  std::vector<std::string> plans;
  std::string observations, as_of, format = "text";
};

struct cascade_options {
  std::string child, parent, vocabulary, format = "text";
};

struct rollup_options {
  std::vector<std::string> plans, observations;
  std::string vocabulary, as_of, format = "text", out;
};

std::vector<plan> load_all(const std::vector<std::string>& files) {
  std::vector<plan> out;
  for (const auto& f : files) out.push_back(load_plan(f));
  return out;
}

}  // namespace

void add_lineage_commands(CLI::App& app) {
  const auto file_check = CLI::ExistingFile;

  auto d = std::make_shared<diff_options>();
  auto* diff_cmd = app.add_subcommand("diff", "Semantic diff of two plan files: goals, clauses (by text), cells, units; exit 1 when they differ");
  diff_cmd->add_option("old", d->before, "The earlier plan file")->required()->check(file_check);
  diff_cmd->add_option("new", d->after, "The later plan file")->required()->check(file_check);
  diff_cmd->add_option("--format", d->format, "Output format")->check(CLI::IsMember({"text", "json", "md"}));
  diff_cmd->callback([d] {
    plan_diff result;
    bad_input_exits_2([&] { result = diff(load_plan(d->before), load_plan(d->after)); });
    std::cout << (d->format == "json" ? diff_json(result) : d->format == "md" ? diff_markdown(result) : diff_text(result));
    if (!result.empty()) throw CLI::RuntimeError(1);
  });

  auto* lineage_cmd = app.add_subcommand("lineage", "Versions of a plan: check a lineage, evaluate it as of a date");
  lineage_cmd->require_subcommand(1);
  auto l = std::make_shared<lineage_options>();
  auto* check_cmd = lineage_cmd->add_subcommand("check", "Order and check plan versions (supersedes/amends, dates, ids)");
  check_cmd->add_option("plans", l->plans, "Plan files, one per version, in any order")->required()->check(file_check);
  check_cmd->callback([l] {
    bad_input_exits_2([&] {
      const auto chain = lineage::from_plans(load_all(l->plans));
      for (const auto& v : chain.versions()) {
        const auto& lin = v.plan.lineage();
        std::cout << to_iso(v.in_force_from) << "  " << v.plan.id().str();
        if (lin.amends) std::cout << "  amends " << lin.amends->str();
        if (lin.supersedes) std::cout << "  supersedes " << lin.supersedes->str();
        std::cout << "\n";
      }
    });
  });
  auto* leval_cmd = lineage_cmd->add_subcommand("evaluate", "Evaluate the version in force on a date; the trace names the version that set each target");
  leval_cmd->add_option("plans", l->plans, "Plan files, one per version")->required()->check(file_check);
  leval_cmd->add_option("--observations", l->observations, "Observations (.csv or .json)")->required()->check(file_check);
  leval_cmd->add_option("--as-of", l->as_of, "Evaluate as of this date (YYYY-MM-DD)")->required();
  leval_cmd->add_option("--format", l->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  leval_cmd->callback([l] {
    bad_input_exits_2([&] {
      const auto chain = lineage::from_plans(load_all(l->plans));
      const date as_of = parse_date_option(l->as_of, "--as-of");
      const lineage_version* v = chain.in_force(as_of);
      if (!v) throw qgov::error("no version is in force on " + l->as_of);
      const auto ledger = load_observations(l->observations, v->plan);
      const auto r = evaluate(chain, ledger, as_of);
      if (l->format == "json") {
        std::cout << "{\"as_of\": \"" << to_iso(as_of) << "\", \"in_force\": \"" << r.in_force.str() << "\", \"in_force_from\": \""
                  << to_iso(r.in_force_from) << "\", \"goals\": [";
        for (std::size_t k = 0; k < r.targets.size(); ++k) {
          const auto* res = find_result(r.evaluation, r.targets[k].goal);
          std::cout << (k ? ", " : "") << "{\"goal\": \"" << r.targets[k].goal.str() << "\", \"status\": \""
                    << to_string(res->status) << "\", \"set_by\": \"" << r.targets[k].set_by.str() << "\", \"since\": \""
                    << to_iso(r.targets[k].in_force_from) << "\"}";
        }
        std::cout << "]}\n";
      } else {
        std::cout << "as of " << to_iso(as_of) << ": " << r.in_force.str() << " (in force from " << to_iso(r.in_force_from) << ")\n";
        for (const auto& t : r.targets) {
          const auto* res = find_result(r.evaluation, t.goal);
          const goal* g = v->plan.find_goal(t.goal);
          std::cout << t.goal.str() << "  " << to_string(res->status);
          if (g && g->target) std::cout << "  target " << symbol(g->target->comparator) << " " << g->target->stated;
          std::cout << "  set by " << t.set_by.str() << " (" << to_iso(t.in_force_from) << ")\n";
        }
      }
    });
  });

  auto c = std::make_shared<cascade_options>();
  auto* cascade_cmd = app.add_subcommand("cascade", "Is a child plan's every shared target at least as demanding as its parent's? Exit 1 when not");
  cascade_cmd->add_option("child", c->child, "The child plan file (e.g. a district's)")->required()->check(file_check);
  cascade_cmd->add_option("parent", c->parent, "The parent plan file (e.g. the city's or the national 纲要)")->required()->check(file_check);
  cascade_cmd->add_option("--vocabulary", c->vocabulary, "Indicator vocabulary (data/indicators/vocabulary.json)")->required()->check(file_check);
  cascade_cmd->add_option("--format", c->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cascade_cmd->callback([c] {
    cascade_report r;
    bad_input_exits_2([&] { r = cascade(load_plan(c->child), load_plan(c->parent), load_indicator_vocabulary(c->vocabulary)); });
    std::cout << (c->format == "json" ? cascade_json(r) : cascade_text(r));
    if (r.violations()) throw CLI::RuntimeError(1);
  });

  auto r = std::make_shared<rollup_options>();
  auto* rollup_cmd = app.add_subcommand("rollup", "Several plans with their observations as one view: indicator × plan grid, summaries, ranks");
  rollup_cmd->add_option("--plan", r->plans, "A plan file; repeat, one per --observations")->required()->check(file_check);
  rollup_cmd->add_option("--observations", r->observations, "That plan's observations; repeat, in the same order")->required()->check(file_check);
  rollup_cmd->add_option("--vocabulary", r->vocabulary, "Indicator vocabulary")->required()->check(file_check);
  rollup_cmd->add_option("--as-of", r->as_of, "Evaluate as of this date (YYYY-MM-DD)")->required();
  rollup_cmd->add_option("--format", r->format, "Output format")->check(CLI::IsMember({"text", "json", "html"}));
  rollup_cmd->add_option("--out", r->out, "Write to this file instead of standard output");
  rollup_cmd->callback([r] {
    bad_input_exits_2([&] {
      if (r->plans.size() != r->observations.size())
        throw qgov::error("--plan given " + std::to_string(r->plans.size()) + " times but --observations " +
                          std::to_string(r->observations.size()) + " times; expected one observations file per plan");
      std::vector<rollup_input> inputs;
      for (std::size_t k = 0; k < r->plans.size(); ++k) {
        plan p = load_plan(r->plans[k]);
        auto ledger = load_observations(r->observations[k], p);
        inputs.push_back({std::move(p), std::move(ledger)});
      }
      const auto result = make_rollup(inputs, load_indicator_vocabulary(r->vocabulary), parse_date_option(r->as_of, "--as-of"));
      write_output(r->format == "json" ? rollup_json(result) : r->format == "html" ? render_rollup_html(result, inputs) : rollup_text(result), r->out);
    });
  });
}

}  // namespace qgov::cli
