// qgov test PATH…: runs scenario files (docs/scenarios.md), prints a diff and the explanation trace for each failure,
// reports the goals no scenario covers, and writes JUnit XML on request.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <qgov/core/error.hpp>
#include <qgov/render/report_html.hpp>
#include <qgov/scenario/scenario.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace qgov::inline QGOV_ABI::cli {
namespace {

namespace fs = std::filesystem;

struct test_options {
  std::vector<std::string> paths;
  std::string junit;
  bool quiet = false;
};

// Characters XML 1.0 allows, escaped for attributes and text; other control characters become U+FFFD.
std::string xml_escape(std::string_view s) { return escape_markup(s, xml_markup); }

// Scenario files under each path: a file as given, a directory's *.json files recursively, in sorted order.
std::vector<fs::path> scenario_paths(const std::vector<std::string>& args) {
  std::vector<fs::path> out;
  for (const auto& a : args) {
    std::error_code ec;
    if (a == "-") {
      out.emplace_back(a);
    } else if (fs::is_directory(a, ec)) {
      std::vector<fs::path> found;
      for (const auto& e : fs::recursive_directory_iterator(a, ec))
        if (e.is_regular_file() && e.path().extension() == ".json") found.push_back(e.path());
      std::sort(found.begin(), found.end());
      if (found.empty()) throw qgov::error(a + ": no scenario files (*.json) in this directory");
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(a, ec)) {
      out.emplace_back(a);
    } else {
      throw qgov::error(a + ": no such file or directory");
    }
  }
  return out;
}

struct file_outcome {
  std::string path;
  std::optional<scenario_file> file;
  std::string load_problem;  // when the file did not load
  std::vector<scenario_result> results;
};

void write_junit(const std::string& out_path, const std::vector<file_outcome>& files, const std::string& coverage) {
  std::size_t tests = 0, failures = 0, errors = 0;
  for (const auto& f : files) {
    if (!f.file) ++tests, ++errors;
    for (const auto& r : f.results) ++tests, failures += r.passed() ? 0 : 1;
  }
  std::ostringstream x;
  x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    << "<testsuites name=\"qgov test\" tests=\"" << tests << "\" failures=\"" << failures << "\" errors=\"" << errors
    << "\" time=\"0\">\n";
  for (const auto& f : files) {
    const std::size_t n = f.file ? f.results.size() : 1;
    std::size_t failed = 0;
    for (const auto& r : f.results) failed += r.passed() ? 0 : 1;
    const std::string classname = fs::path(f.path).stem().string();
    x << "  <testsuite name=\"" << xml_escape(f.path) << "\" tests=\"" << n << "\" failures=\"" << failed
      << "\" errors=\"" << (f.file ? 0 : 1) << "\" skipped=\"0\" time=\"0\">\n";
    if (!f.file) {
      x << "    <testcase name=\"load\" classname=\"" << xml_escape(classname) << "\" time=\"0\">\n"
        << "      <error message=\"the scenario file does not load\" type=\"load_error\">" << xml_escape(f.load_problem)
        << "</error>\n    </testcase>\n";
    }
    for (const auto& r : f.results) {
      x << "    <testcase name=\"" << xml_escape(r.name) << "\" classname=\"" << xml_escape(classname)
        << "\" assertions=\"" << r.checks << "\" time=\"0\"";
      if (r.passed()) {
        x << "/>\n";
        continue;
      }
      const auto& first = r.failures.front();
      x << ">\n      <failure message=\"" << xml_escape(first.subject + ": " + first.field + ": expected " + first.expected +
                                                   ", got " + first.actual)
        << "\" type=\"expectation\">" << xml_escape(r.report) << "</failure>\n    </testcase>\n";
    }
    x << "  </testsuite>\n";
  }
  x << "  <!-- " << xml_escape(coverage) << " -->\n";
  x << "</testsuites>\n";
  std::string text = x.str();
  // a comment must not contain "--"
  const auto open = text.rfind("<!-- ");
  const auto close = text.rfind(" -->");
  for (auto at = text.find("--", open + 4); at != std::string::npos && at < close; at = text.find("--", at))
    text.replace(at, 2, "- ");
  std::ofstream out(out_path, std::ios::binary);
  out << text;
  if (!out) throw qgov::error("cannot write " + out_path);
}

void run_tests(const test_options& o) {
  std::vector<file_outcome> files;
  std::size_t passed = 0, failed = 0, load_errors = 0, checks = 0;
  for (const auto& path : scenario_paths(o.paths)) {
    file_outcome f;
    f.path = path.string();
    try {
      // "-": one scenario file on standard input, its paths relative to the working directory
      f.file = path == "-" ? parse_scenario_file(read_input("-"), fs::current_path(), "<stdin>") : load_scenario_file(path);
    } catch (const qgov::error& e) {
      f.load_problem = e.what();
      ++load_errors;
      std::cout << "ERROR " << f.path << "\n  " << f.load_problem << "\n";
      files.push_back(std::move(f));
      continue;
    }
    for (const auto& s : f.file->scenarios) {
      auto r = run_scenario(s);
      checks += r.checks;
      if (r.passed()) {
        ++passed;
        if (!o.quiet) std::cout << "PASS  " << f.path << ": " << r.name << " (" << r.checks << " checks)\n";
      } else {
        ++failed;
        std::cout << "FAIL  " << f.path << ": " << r.name << "  [" << r.where << "]\n  " << r.report;
      }
      f.results.push_back(std::move(r));
    }
    files.push_back(std::move(f));
  }

  // coverage: per plan, the goals no scenario states an expectation for
  std::map<std::string, std::pair<const plan*, std::vector<const scenario*>>> by_plan;
  for (const auto& f : files)
    if (f.file)
      for (const auto& s : f.file->scenarios) {
        auto& entry = by_plan[s.plan.id().str()];
        entry.first = &s.plan;
        entry.second.push_back(&s);
      }
  std::ostringstream cov;
  for (const auto& [id, entry] : by_plan) {
    const auto missing = uncovered_goals(*entry.first, entry.second);
    cov << "coverage: plan " << id << ": " << (entry.first->goals().size() - missing.size()) << " of "
        << entry.first->goals().size() << " goals covered by a scenario";
    if (!missing.empty()) {
      cov << "; not covered:";
      for (const auto& g : missing) cov << ' ' << g;
    }
    cov << "\n";
  }
  std::cout << "\n" << cov.str();
  std::cout << passed + failed << " scenarios: " << passed << " passed, " << failed << " failed" << ", " << checks
            << " checks";
  if (load_errors) std::cout << "; " << load_errors << " file" << (load_errors == 1 ? "" : "s") << " did not load";
  std::cout << "\n";
  if (!o.junit.empty()) write_junit(o.junit, files, cov.str());
  // a file that does not load is bad input (2); otherwise a failed expectation is a failed check (1)
  if (load_errors) throw CLI::RuntimeError(exit_bad_input);
  if (failed) throw CLI::RuntimeError(exit_check_failed);
}

}  // namespace

void add_scenario_commands(CLI::App& app) {
  auto opts = std::make_shared<test_options>();
  auto* sub = app.add_subcommand("test", "Run scenario files (docs/scenarios.md): expected statuses, values and grades");
  sub->add_option("paths", opts->paths, "Scenario files (.json) or directories of them; - for standard input")->required();
  sub->add_option("--junit", opts->junit, "Also write the results as JUnit XML to this file");
  sub->add_flag("--quiet,-q", opts->quiet, "Print failures and the summary only");
  sub->callback([opts] { run_tests(*opts); });
}

}  // namespace qgov::cli
