// Writes the archive fixtures of this qgov version: the Dongli plan, its sample ledger and an evaluation, each as a
// text, binary and XML archive, into DIR/<version>/. Run once per release and commit the files; archive_test.cpp
// loads every version's fixtures and compares them with freshly computed values.
//   usage: qgov_make_archive_fixtures tests/fixtures/archives
#include <filesystem>
#include <iostream>

#include <qgov/io/archive.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/plans/dongli_2024.hpp>
#include <qgov/version.hpp>

#include "../fixture_values.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " DIR\n";
    return 2;
  }
  try {
    const std::filesystem::path dir = std::filesystem::path(argv[1]) / qgov::version_string;
    std::filesystem::create_directories(dir);
    const auto& plan = qgov::plans::dongli_2024();
    const auto ledger = qgov::test::fixture_ledger();
    const auto evaluation = qgov::test::fixture_evaluation();
    for (auto f : {qgov::archive_format::text, qgov::archive_format::binary, qgov::archive_format::xml}) {
      const std::string ext = std::string(".") + std::string(qgov::to_string(f)) + ".qgar";
      qgov::save_archive_file(dir / ("plan" + ext), plan, f);
      qgov::save_archive_file(dir / ("ledger" + ext), ledger, f);
      qgov::save_archive_file(dir / ("evaluation" + ext), evaluation, f);
    }
    std::cout << "wrote 9 archives to " << dir.string() << "\n";
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}
