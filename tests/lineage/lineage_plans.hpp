// The plans, vocabulary and message helpers the lineage tests share (tests/lineage/data/, data/plans/).
#pragma once

#include <qgov/version.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <qgov/core/error.hpp>
#include <qgov/io/plan_json.hpp>
#include <qgov/lineage/indicators.hpp>
#include <qgov/plan/plan.hpp>

#include "../test_support.hpp"

namespace qgov::inline QGOV_ABI::test {

inline plan load(const std::string& rel) { return load_plan(repo(rel)); }
inline const plan& dongli() {
  static const plan p = load("data/plans/dongli-2024.json");
  return p;
}
inline const plan& amended() {
  static const plan p = load("tests/lineage/data/dongli-2024-a1.json");
  return p;
}
inline const plan& national() {
  static const plan p = load("data/plans/national-2023.json");
  return p;
}
inline const indicator_vocabulary& vocabulary() {
  static const auto v = load_indicator_vocabulary(repo("data/indicators/vocabulary.json"));
  return v;
}
inline std::vector<std::string> messages(const std::vector<problem>& ps) {
  std::vector<std::string> out;
  for (const auto& p : ps) out.push_back(p.where + ": " + p.message);
  return out;
}
inline bool any_contains(const std::vector<std::string>& v, const std::string& s) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& x) { return x.find(s) != std::string::npos; });
}

}  // namespace qgov::test
