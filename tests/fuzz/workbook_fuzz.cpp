// libFuzzer target: returned workbooks (.xlsx). Two ways in, chosen by the first byte:
//  - even: the bytes are the .xlsx file itself (the zip archive, libzip, then the XML parts);
//  - odd: the rest is the package's XML parts separated by "\n--part--\n" — workbook.xml, its relationships,
//    sharedStrings.xml, the sheet 填报 and the sheet qgov — so the fuzzer works on the XML and the cell handling
//    rather than on zip checksums. When the qgov part is empty, a valid identity of the Dongli plan is put there,
//    so that the observation checks behind it are reached too.
// Either way the reader must return observations or throw qgov::load_error naming at least one problem (or
// detail::xlsx_error from the parts reader); never crash, hang or leak. Loaded observations must write back as CSV
// and read back to the same figures.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include <qgov/core/error.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/io/workbook.hpp>
#include <qgov/plans/dongli_2024.hpp>

#include "../../src/detail/workbook_read.hpp"
#include "../../src/detail/xlsx_reader.hpp"

namespace {

const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";

std::string identity(const qgov::plan& p) {
  auto cell = [](const char* ref, const std::string& t) {
    return "<c r=\"" + std::string(ref) + "\" t=\"inlineStr\"><is><t>" + t + "</t></is></c>";
  };
  return "<worksheet " + ns + "><sheetData><row r=\"1\">" + cell("A1", "format") + cell("B1", "qgov-workbook/1") +
         "</row><row r=\"2\">" + cell("A2", "plan") + cell("B2", p.id().str()) + "</row><row r=\"3\">" +
         cell("A3", "plan_sha256") + cell("B3", qgov::plan_fingerprint(p)) + "</row></sheetData></worksheet>";
}

void check_loaded(const qgov::observation_ledger& ledger, const qgov::plan& p) {
  const auto again = qgov::parse_observations_csv(qgov::to_csv(ledger), p, "rewritten.csv");  // must load
  if (again.size() != ledger.size()) std::abort();
  for (std::size_t i = 0; i < ledger.size(); ++i) {
    auto a = ledger.all()[i], b = again.all()[i];
    a.origin.clear();
    b.origin.clear();
    if (!(a == b)) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const qgov::plan& p = qgov::plans::dongli_2024();
  static const std::string id_sheet = identity(p);
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  qgov::observation_ledger ledger;
  try {
    if (data[0] % 2 == 0) {
      ledger = qgov::parse_observations_workbook(rest, p, "fuzz.xlsx");
    } else {
      static const char* names[] = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
                                    "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"};
      std::map<std::string, std::string> parts;
      std::size_t at = 0, k = 0;
      constexpr std::string_view sep = "\n--part--\n";
      while (k < 5) {
        const auto next = rest.find(sep, at);
        const auto piece = rest.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at);
        if (!piece.empty()) parts[names[k]] = std::string(piece);
        ++k;
        if (next == std::string_view::npos) break;
        at = next + sep.size();
      }
      if (!parts.count(names[4])) parts[names[4]] = id_sheet;
      const auto wb = qgov::detail::read_xlsx_parts(
          [&](const std::string& n) -> std::optional<std::string> {
            const auto it = parts.find(n);
            if (it == parts.end()) return std::nullopt;
            return it->second;
          },
          qgov::detail::xlsx_limits{1u << 20, 20000, 16});
      ledger = qgov::detail::workbook_observations(wb, p, "fuzz.xlsx").ledger;
    }
  } catch (const qgov::load_error& e) {
    if (e.problems().empty()) std::abort();  // a refusal names at least one problem
    return 0;
  } catch (const qgov::detail::xlsx_error&) {
    return 0;
  }
  check_loaded(ledger, p);
  return 0;
}
