#include "common.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace qgov::cli {

std::string read_text(const std::string& path, std::uintmax_t limit, std::string_view what) {
  if (path == "-") return read_input_stream(std::cin, limit, what);
  return read_input_file(path, limit, what);  // regular files only, within the limit (src/io/input_file.cpp)
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

date parse_date_option(const std::string& s, const char* option) {
  if (auto d = parse_iso_date(s)) return *d;
  throw qgov::error(std::string(option) + ": expected a date YYYY-MM-DD, got \"" + s + "\"");
}

}  // namespace qgov::cli
