// Writes the JSON documents qgov produces (a plan, observations, evaluations on several dates) into DIR, for the
// JSON Schema check (validate_schemas.py).   usage: qgov_dump_interchange DIR
#include <filesystem>
#include <fstream>
#include <iostream>

#include <qgov/io/evaluation_json.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/io/plan_json.hpp>
#include <qgov/plans/dongli_2024.hpp>

#include "../fixture_values.hpp"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const std::filesystem::path dir(argv[1]);
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) { std::ofstream(dir / name, std::ios::binary) << text; };
  const auto& p = qgov::plans::dongli_2024();
  const auto ledger = qgov::test::fixture_ledger();
  write("plan.json", qgov::to_json(p));
  write("plan-explicit.json", qgov::to_json(p.with_convention(qgov::role_convention::explicit_roles)));
  write("observations.json", qgov::to_json(ledger));
  for (int y : {2024, 2025, 2026})
    write("evaluation-" + std::to_string(y) + ".json", qgov::to_json(qgov::evaluate(p, ledger, qgov::date(y, 12, 31)), p));
  write("evaluation-late.json", qgov::to_json(qgov::test::fixture_evaluation(), p));
  std::cout << "wrote 8 documents to " << dir.string() << "\n";
}
