// Workbooks in a build without QGOV_WITH_XLSX: every call says how to get a build that has them.
#include <qgov/io/workbook.hpp>

#include <qgov/core/error.hpp>

namespace qgov::inline QGOV_ABI {
namespace {
[[noreturn]] void unsupported(const std::string& what) {
  throw error(what + ": this qgov was built without workbook (.xlsx) support; install libxlsxwriter-dev, "
              "libzip-dev and libexpat1-dev (Debian) and rebuild (CMake option QGOV_WITH_XLSX), or exchange "
              "observations as CSV (docs/observations-format.md)");
}
}  // namespace

bool workbook_support() noexcept { return false; }

void write_workbook(const std::filesystem::path& out, const plan&, const unit_id&, const std::vector<period>&) {
  unsupported(out.string());
}

observation_ledger parse_observations_workbook(std::string_view, const plan&, std::string origin) {
  unsupported(origin);
}

}  // namespace qgov
