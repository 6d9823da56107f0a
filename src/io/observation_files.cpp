// Several observation files at once: folders expanded, each file read by its format, the ledgers merged.
#include <qgov/io/observation_files.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

#include <qgov/core/error.hpp>
#include <qgov/io/input_file.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/io/workbook.hpp>

#include "detail/utf8.hpp"
#include "detail/text_encoding.hpp"
#include "detail/workbook_read.hpp"

namespace qgov::inline QGOV_ABI {
namespace {

std::string lower_extension(const std::filesystem::path& f) {
  std::string ext = f.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

bool readable_extension(const std::string& ext) { return ext == ".csv" || ext == ".json" || ext == ".xlsx"; }

// A regular file within the observations limit (a FIFO, a device or an oversized file is one clear load_error).
std::string read_bytes(const std::filesystem::path& f) {
  return read_input_file(f, input_limits::observations, "observations file");
}

}  // namespace

loaded_observations load_observation_files(const std::vector<std::filesystem::path>& paths, const plan& p) {
  loaded_observations out;
  std::vector<std::filesystem::path> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::filesystem::path> here;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
      const auto& f = entry.path();
      const std::string name = f.filename().string();
      if (entry.is_directory(ec)) {
        out.notes.push_back(f.string() + ": skipped, a folder (folders are not read recursively)");
      } else if (name.starts_with("~$")) {
        out.notes.push_back(f.string() + ": skipped, an Excel lock file (the workbook is open in Excel)");
      } else if (!readable_extension(lower_extension(f))) {
        out.notes.push_back(f.string() + ": skipped, not .csv, .json or .xlsx");
      } else {
        here.push_back(f);
      }
    }
    if (ec) throw error(path.string() + ": cannot list the folder: " + ec.message());
    if (here.empty())
      throw error(path.string() + ": is a directory (read as a folder of observation files), but it holds no .csv, .json or .xlsx file");
    std::sort(here.begin(), here.end());
    files.insert(files.end(), here.begin(), here.end());
  }
  if (files.empty()) throw error("no observation file given");

  std::vector<observation> all;
  std::vector<load_error> failures;
  std::vector<std::string> other_failures;
  for (const auto& f : files) {
    try {
      const std::string ext = lower_extension(f);
      if (ext == ".xlsx") {
        auto r = detail::read_workbook(read_bytes(f), p, f.string());
        out.notes.push_back(f.string() + ": " + std::to_string(r.filled_rows) + " figures from the workbook" +
                            (r.empty_rows ? ", " + std::to_string(r.empty_rows) + " rows left empty (no figure yet)"
                                          : std::string()));
        all.insert(all.end(), r.ledger.all().begin(), r.ledger.all().end());
      } else if (ext == ".csv") {
        const std::string bytes = read_bytes(f);
        std::string why;
        auto decoded = detail::decode_text(bytes, why);
        if (!decoded) throw load_error(f.string(), {{"", why}});
        auto ledger = parse_observations_csv(decoded->text, p, f.string());
        if (decoded->converted)
          out.notes.push_back(f.string() + ": not UTF-8; read as " + decoded->encoding +
                              " (as Excel on Chinese Windows saves CSV) and converted to UTF-8");
        all.insert(all.end(), ledger.all().begin(), ledger.all().end());
      } else {
        auto ledger = load_observations(f, p);  // .json, and anything else is refused there by its extension
        all.insert(all.end(), ledger.all().begin(), ledger.all().end());
      }
    } catch (const load_error& e) {
      failures.push_back(e);
    }
  }
  if (failures.size() == 1) throw failures.front();
  if (failures.size() > 1) {
    std::string message = std::to_string(failures.size()) + " of " + std::to_string(files.size()) +
                          " observation files could not be loaded";
    for (const auto& e : failures) message += "\n" + std::string(e.what());
    throw error(message);
  }

  // The same figure from two files: a report date tells revisions apart, so equal keys are a conflict.
  std::map<std::string, const observation*> seen;
  std::vector<std::string> conflicts;
  for (const auto& o : all) {
    std::string key = o.goal.str() + '\0' + o.period.str() + '\0' + (o.level ? std::string(to_string(*o.level)) : "-") +
                      '\0' + to_iso(o.reported_on);
    auto [it, inserted] = seen.emplace(std::move(key), &o);
    if (!inserted)
      conflicts.push_back(o.origin + ": the same goal (" + o.goal.str() + "), period (" + o.period.str() +
                          "), level and reported_on (" + to_iso(o.reported_on) + ") as " + it->second->origin +
                          "; keep one, or give a revision a later reported_on");
  }
  if (!conflicts.empty()) {
    std::string message = std::to_string(conflicts.size()) + " figures given twice across the observation files";
    for (const auto& c : conflicts) message += "\n  " + c;
    throw error(message);
  }
  out.ledger = observation_ledger(std::move(all));
  return out;
}

}  // namespace qgov
