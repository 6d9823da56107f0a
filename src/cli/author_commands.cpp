// qgov author TEXT --overlay OVERLAY.json [--out PLAN.json]: the reviewed plan file from a plan's text and its
// overlay (docs/plan-format.md, "Authoring a plan"). Exit 0 written, 2 refused (every problem listed).
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include <qgov/core/error.hpp>
#include <qgov/extract/author.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace qgov::cli {
namespace {

struct author_args {
  std::string text, overlay, out;
};

}  // namespace

void add_author_commands(CLI::App& app) {
  auto args = std::make_shared<author_args>();
  auto* cmd = app.add_subcommand("author", "Write the plan file for a plan's text and its reviewed overlay");
  cmd->add_option("text", args->text, "The plan's text (UTF-8); - for standard input")->required();
  cmd->add_option("--overlay", args->overlay, "The overlay (JSON): ids, English names, goals, decisions")->required();
  cmd->add_option("--out", args->out, "Write the plan file here (default: standard output)");
  cmd->callback([args] {
    std::string plan;
    try {
      plan = author_plan(read_input(args->text), read_text(args->overlay),
                         {.text_origin = args->text == "-" ? "<stdin>" : args->text, .overlay_origin = args->overlay});
    } catch (const load_error& e) {
      // each problem names the text's FILE:LINE:COL, or the overlay's JSON path
      std::cerr << "qgov author: " << e.problems().size() << (e.problems().size() == 1 ? " problem" : " problems") << "\n";
      for (const auto& p : e.problems())
        std::cerr << (p.where.starts_with("/") || p.where.empty() ? e.origin() + ":" + p.where : p.where) << ": "
                  << p.message << "\n";
      throw CLI::RuntimeError(2);
    }
    if (args->out.empty()) {
      std::cout << plan;
      return;
    }
    std::ofstream f(args->out, std::ios::binary);
    f << plan;
    if (!f.flush()) throw error("cannot write " + args->out);
    std::cerr << args->out << ": written\n";
  });
}

}  // namespace qgov::cli
