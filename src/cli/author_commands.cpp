// qgov author TEXT --overlay OVERLAY.json [--out PLAN.json]: the reviewed plan file from a plan's text and its
// overlay (docs/plan-format.md, "Authoring a plan"). Exit 0 written, 2 refused (every problem listed).
// qgov extract TEXT: the draft plan read from the text, or with --overlay-skeleton the overlay that author starts from.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include <qgov/core/error.hpp>
#include <qgov/extract/author.hpp>
#include <qgov/extract/extract.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace qgov::inline QGOV_ABI::cli {
namespace {

struct author_args {
  std::string text, overlay, out;
};

struct extract_args {
  std::string file, format = "text";
  bool allow_empty = false, skeleton = false;
  std::string skeleton_id = "draft", skeleton_source;
};

void run_extract(const extract_args& a) {
  const auto draft = extract(read_input(a.file, input_limits::extract_text, "plan text"), {.plan_id = "draft", .source_path = input_name(a.file)});
  if (a.skeleton)
    std::cout << overlay_skeleton(draft, a.skeleton_id, a.skeleton_source.empty() ? input_name(a.file) : a.skeleton_source);
  else
    std::cout << (a.format == "json" ? draft_to_json(draft) : draft_to_text(draft));
  if (has_missing_parts(draft) && !a.allow_empty) {  // a text it cannot read is bad input (docs/cli.md)
    for (const auto& f : draft.unclassified)
      if (f.kind == finding_kind::missing) std::cerr << input_name(a.file) << ": " << f.why << "\n";
    throw CLI::RuntimeError(exit_bad_input);
  }
}

}  // namespace

void add_extract_command(CLI::App& app) {
  auto a = std::make_shared<extract_args>();
  auto* cmd = app.add_subcommand("extract", "Read a draft plan from a plan's Chinese text: outline, lists, targets, and what is unclassified");
  cmd->add_option("file", a->file, "The plan's text (UTF-8); - for standard input")->required()->check(existing_file_or_stdin);
  cmd->add_option("--format", a->format, "Output format")->check(CLI::IsMember({"json", "text"}));
  cmd->add_flag("--allow-empty", a->allow_empty, "Exit 0 even when no sections, lists or targets are found");
  cmd->add_flag("--overlay-skeleton", a->skeleton, "Print a starting overlay for `qgov author` instead of the draft");
  cmd->add_option("--plan-id", a->skeleton_id, "The plan id the skeleton names (default: draft)");
  cmd->add_option("--source-path", a->skeleton_source, "The source path the skeleton names, relative to where the plan file will live (default: the text's path)");
  cmd->callback([a] { run_extract(*a); });
}

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
