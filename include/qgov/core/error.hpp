// qgov/core/error.hpp — the errors qgov reports: each names where the problem is and what was expected.
#pragma once

#include <qgov/version.hpp>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace qgov::inline QGOV_ABI {

/// Base of every exception qgov throws.
class error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// One problem found in an input: where (a JSON path like `/goals/3/quote`, or `line:column`) and what is wrong.
struct problem {
  std::string where;
  std::string message;
  friend bool operator==(const problem&, const problem&) = default;
};

/// An input that could not be loaded; carries every problem found, not just the first.
class load_error : public error {
public:
  load_error(std::string origin, std::vector<problem> problems)
      : error(format(origin, problems)), origin_(std::move(origin)), problems_(std::move(problems)) {}

  /// The file (or "<embedded>", "<string>") that failed to load.
  [[nodiscard]] const std::string& origin() const noexcept { return origin_; }
  /// Every problem, in the order found.
  [[nodiscard]] const std::vector<problem>& problems() const noexcept { return problems_; }

private:
  static std::string format(const std::string& origin, const std::vector<problem>& problems) {
    std::string out = origin + ": " + std::to_string(problems.size()) +
                      (problems.size() == 1 ? " problem" : " problems");
    for (const auto& p : problems) out += "\n  " + origin + ":" + p.where + ": " + p.message;
    return out;
  }

  std::string origin_;
  std::vector<problem> problems_;
};

}  // namespace qgov
