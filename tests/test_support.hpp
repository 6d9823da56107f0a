// Helpers shared by the tests: reading repository files.
#pragma once

#include <qgov/version.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace qgov::inline QGOV_ABI::test {

inline std::filesystem::path repo(const std::string& relative) { return std::filesystem::path(QGOV_SOURCE_DIR) / relative; }

inline std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace qgov::test
