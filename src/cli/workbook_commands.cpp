// qgov workbook: the data-collection workbook of one responsible unit (docs/workbooks.md).
#include <iostream>

#include "commands.hpp"
#include "common.hpp"

namespace qgov::inline QGOV_ABI::cli {

void add_workbook_commands(CLI::App& app) {
  struct options {
    std::string plan_file, unit, out;
    std::vector<std::string> periods;
  };
  auto opt = std::make_shared<options>();
  auto* cmd = app.add_subcommand(
      "workbook", "Write the .xlsx workbook a unit fills in: one row per goal it answers for and period");
  cmd->add_option("--plan", opt->plan_file, "Plan file (JSON); default: the embedded Dongli 2024 plan")
      ->check(CLI::ExistingFile);
  cmd->add_option("--unit", opt->unit, "The unit's Chinese name as printed (区市场监管局) or its id")->required();
  cmd->add_option("--periods", opt->periods, "Periods to report: 2025, 2025-Q3, 2025-09 (several, or comma-separated)")
      ->required()
      ->delimiter(',');
  cmd->add_option("--out", opt->out, "The workbook to write (.xlsx)")->required();
  cmd->callback([opt] {
    std::optional<plan> storage;
    const plan& p = choose_plan(opt->plan_file, storage);
    const auto* u = p.find_unit_by_name(opt->unit);
    if (!u) u = p.find_unit(unit_id(opt->unit));
    if (!u) {
      std::cerr << "qgov: --unit: no unit named \"" << opt->unit << "\" in plan " << p.id() << "; known units:";
      for (const auto& x : p.units()) std::cerr << ' ' << x.name;
      std::cerr << "\n";
      throw CLI::RuntimeError(2);
    }
    std::vector<period> periods;
    for (const auto& s : opt->periods) {
      auto per = period::parse(s);
      if (!per) {
        std::cerr << "qgov: --periods: expected a period such as 2025, 2025-Q3, 2025-09 or 2025-09-30, got \"" << s
                  << "\"\n";
        throw CLI::RuntimeError(2);
      }
      periods.push_back(*per);
    }
    if (!workbook_support()) {
      std::cerr << "qgov: this qgov was built without workbook support (CMake option QGOV_WITH_XLSX; Debian: "
                   "libxlsxwriter-dev libzip-dev libexpat1-dev)\n";
      throw CLI::RuntimeError(2);
    }
    const auto rows = workbook_rows(p, u->id, periods);
    write_workbook(opt->out, p, u->id, periods);
    std::cout << "wrote the workbook of " << u->name << " (" << rows.size() << " rows to fill in) to " << opt->out
              << "\n";
  });
}

}  // namespace qgov::cli
