#include "common.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace qgov::inline QGOV_ABI::cli {

std::string read_text(const std::string& path, std::uintmax_t limit, std::string_view what) {
  if (path == "-") return read_input_stream(std::cin, limit, what);
  return read_input_file(path, limit, what);  // regular files only, within the limit (src/io/input_file.cpp)
}

std::string read_input(const std::string& path, std::uintmax_t limit, std::string_view what) {
  if (path == "-") {
    static bool used = false;
    if (used) throw qgov::error("-: standard input can be read by only one input of a command");
    used = true;
  }
  return read_text(path, limit, what);
}

std::string input_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

void write_output(const std::string& text, const std::string& out) {
  if (out.empty() || out == "-") {
    std::cout << text;
    return;
  }
  std::ofstream f(out, std::ios::binary);
  f << text;
  f.close();
  if (!f) throw qgov::error("cannot write " + out);
}

const plan& choose_plan(const std::string& file, std::optional<plan>& storage) {
  if (file.empty()) return plans::dongli_2024();
  if (file != "-") {
    storage.emplace(load_plan(file));
    return *storage;
  }
  const std::string text = read_input(file);
  // the source text is named by the plan file, relative to it; from standard input, relative to the working directory
  std::string source_path;
  try {
    const auto j = nlohmann::json::parse(text);
    if (j.is_object() && j.contains("source") && j["source"].is_object() && j["source"].contains("path") &&
        j["source"]["path"].is_string())
      source_path = j["source"]["path"].get<std::string>();
  } catch (const nlohmann::json::exception&) {
    // parse_plan below reports the JSON error with its position
  }
  std::string source;
  if (!source_path.empty()) {
    std::ifstream in(source_path, std::ios::binary);
    if (!in) throw load_error("<stdin>", {{"/source/path", "cannot read the source text \"" + source_path +
                                                             "\" (relative to the working directory for a plan on standard input)"}});
    std::ostringstream ss;
    ss << in.rdbuf();
    source = ss.str();
  }
  storage.emplace(parse_plan(text, std::move(source), "<stdin>"));
  return *storage;
}

plan chosen_plan(const std::string& file, const std::string& convention) {
  std::optional<plan> storage;
  const plan& chosen = choose_plan(file, storage);
  return convention.empty() ? chosen : chosen.with_convention(*parse_role_convention(convention));
}

CLI::Option* add_plan_option(CLI::App* cmd, std::string& file) {
  return cmd->add_option("--plan", file, "Plan file (JSON); default: the embedded Dongli 2024 plan")->check(existing_file_or_stdin);
}

std::string format_value(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

observation_ledger choose_observations(const std::string& file, const plan& p, bool default_plan) {
  if (file == "-") {
    const std::string text = read_input(file);
    const auto first = text.find_first_not_of(" \t\r\n");
    const bool json = first != std::string::npos && (text[first] == '{' || text[first] == '[');
    return json ? parse_observations_json(text, p, "<stdin>") : parse_observations_csv(text, p, "<stdin>");
  }
  if (!file.empty()) return load_observations(file, p);
  if (!default_plan)
    throw qgov::error("--observations is required with --plan: the built-in sample figures belong to the Dongli plan");
  return parse_observations_csv(plans::dongli_2024_sample_csv(), p, "<embedded data/observations/dongli-sample.csv>");
}

observation_ledger choose_observation_files(const std::vector<std::string>& files, const plan& p, bool default_plan) {
  if (files.empty()) return choose_observations("", p, default_plan);
  if (files.size() == 1 && files.front() == "-") return choose_observations("-", p, default_plan);
  const auto loaded = load_observation_files({files.begin(), files.end()}, p);
  for (const auto& n : loaded.notes) std::cerr << "qgov: " << n << "\n";
  return loaded.ledger;
}

date parse_date_option(const std::string& s, const char* option) {
  if (auto d = parse_iso_date(s)) return *d;
  // the form is right but the day does not exist: say which
  const bool form = s.size() == 10 && s[4] == '-' && s[7] == '-' &&
                    s.find_first_not_of("0123456789-") == std::string::npos && s.find('-', 8) == std::string::npos;
  if (form) {
    const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
    if (m < 1 || m > 12)
      throw qgov::error(std::string(option) + ": \"" + s + "\" has month " + std::to_string(m) + "; months run 01 to 12");
    if (y >= 1400) {
      const int last = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                                               static_cast<unsigned short>(m));
      if (d < 1 || d > last)
        throw qgov::error(std::string(option) + ": \"" + s + "\" is not a day of the calendar: " + std::to_string(y) +
                          "-" + s.substr(5, 2) + " has " + std::to_string(last) + " days");
    }
  }
  throw qgov::error(std::string(option) + ": expected a date YYYY-MM-DD, got \"" + s + "\"");
}

}  // namespace qgov::cli
