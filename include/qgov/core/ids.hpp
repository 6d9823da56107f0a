// qgov/core/ids.hpp — typed identifiers, so that a goal id can never be passed where a unit id is meant.
#pragma once

#include <qgov/version.hpp>

#include <compare>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace qgov::inline QGOV_ABI {

/// A string identifier tagged with what it identifies; ids of different tags do not convert into each other.
template <class Tag>
class basic_id {
public:
  basic_id() = default;
  explicit basic_id(std::string value) : value_(std::move(value)) {}
  explicit basic_id(std::string_view value) : value_(value) {}
  explicit basic_id(const char* value) : value_(value) {}

  /// The id as written in the plan file.
  [[nodiscard]] const std::string& str() const noexcept { return value_; }
  [[nodiscard]] bool empty() const noexcept { return value_.empty(); }

  friend bool operator==(const basic_id&, const basic_id&) = default;
  friend auto operator<=>(const basic_id&, const basic_id&) = default;
  friend std::ostream& operator<<(std::ostream& os, const basic_id& id) { return os << id.value_; }

private:
  std::string value_;
};

/// Identifies a goal of a plan, e.g. `rd_expenditure_share`.
using goal_id = basic_id<struct goal_id_tag>;
/// Identifies a responsible unit (bureau, branch office, collective), e.g. `market_regulation`.
using unit_id = basic_id<struct unit_id_tag>;
/// Identifies a plan, e.g. `dongli-2024`.
using plan_id = basic_id<struct plan_id_tag>;

/// A clause number as the plan prints it: （三） is clause 3.
struct clause_number {
  int value = 0;
  friend bool operator==(clause_number, clause_number) = default;
  friend auto operator<=>(clause_number, clause_number) = default;
  friend std::ostream& operator<<(std::ostream& os, clause_number c) { return os << c.value; }
};

/// A section number: 二、 is section 2.
struct section_number {
  int value = 0;
  friend bool operator==(section_number, section_number) = default;
  friend auto operator<=>(section_number, section_number) = default;
  friend std::ostream& operator<<(std::ostream& os, section_number s) { return os << s.value; }
};

/// A column (专栏) number: 专栏1 is column 1.
struct column_number {
  int value = 0;
  friend bool operator==(column_number, column_number) = default;
  friend auto operator<=>(column_number, column_number) = default;
  friend std::ostream& operator<<(std::ostream& os, column_number c) { return os << c.value; }
};

}  // namespace qgov

template <class Tag>
struct std::hash<qgov::basic_id<Tag>> {
  std::size_t operator()(const qgov::basic_id<Tag>& id) const noexcept {
    return std::hash<std::string>{}(id.str());
  }
};
