#include "common.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace qgov::cli {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw qgov::error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const plan& choose_plan(const std::string& file, std::optional<plan>& storage) {
  if (file.empty()) return plans::dongli_2024();
  storage.emplace(load_plan(file));
  return *storage;
}

observation_ledger choose_observations(const std::string& file, const plan& p, bool default_plan) {
  if (!file.empty()) return load_observations(file, p);
  if (!default_plan)
    throw qgov::error("--observations is required with --plan: the built-in sample figures belong to the Dongli plan");
  return parse_observations_csv(plans::dongli_2024_sample_csv(), p, "<embedded data/observations/dongli-sample.csv>");
}

observation_ledger choose_observation_files(const std::vector<std::string>& files, const plan& p, bool default_plan) {
  if (files.empty()) return choose_observations("", p, default_plan);
  const auto loaded = load_observation_files({files.begin(), files.end()}, p);
  for (const auto& n : loaded.notes) std::cerr << "qgov: " << n << "\n";
  return loaded.ledger;
}

date parse_date_option(const std::string& s, const char* option) {
  if (auto d = parse_iso_date(s)) return *d;
  throw qgov::error(std::string(option) + ": expected a date YYYY-MM-DD, got \"" + s + "\"");
}

}  // namespace qgov::cli
