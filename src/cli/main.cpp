// qgov — the command-line front end. Each group of subcommands lives in its own file and registers itself through
// commands.hpp; its callback does the work inside app.parse. main registers them and turns exceptions into exit codes.
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include <qgov/qgov.hpp>

#include "commands.hpp"
#include "common.hpp"

using namespace qgov::cli;

int main(int argc, char** argv) {
  CLI::App app{"qgov: the quality-governance rules of a quality-development plan (default: 东丽政发〔2024〕5号)"};
  app.set_version_flag("--version", std::string("qgov ") + qgov::version_string);
  app.require_subcommand(1);

  // in the order --help lists them
  add_plan_commands(app);
  add_evaluation_commands(app);
  add_extract_command(app);
  add_report_command(app);
  add_workbook_commands(app);
  add_scenario_commands(app);
  add_supervision_commands(app);
  add_records_commands(app);
  add_lineage_commands(app);
  add_author_commands(app);

  try {
    app.parse(argc, argv);
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
