// Data-collection workbooks: what is written, and what a returned workbook may and may not contain. The round trip
// through openpyxl (a bureau filling the workbook) is tests/io/workbook_roundtrip.py.
#include <qgov/io/workbook.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>

#include <qgov/core/error.hpp>
#include <qgov/core/period.hpp>
#include <qgov/io/observation_files.hpp>
#include <qgov/plan/plan.hpp>
#include <qgov/plans/dongli_2024.hpp>

#include "../../src/detail/workbook_read.hpp"
#include "../../src/detail/xlsx_reader.hpp"
#include "../test_support.hpp"

using namespace qgov;
namespace fs = std::filesystem;

namespace {

const plan& dongli() { return plans::dongli_2024(); }
const unit_id market{"market_regulation"};

fs::path temp_path(const std::string& name) {
  return fs::temp_directory_path() / ("qgov-workbook-" + std::to_string(::getpid()) + "-" + name);
}

struct written {
  fs::path path;
  std::string bytes;
  written(const plan& p, const unit_id& u, std::vector<period> periods, const std::string& name) {
    path = temp_path(name);
    write_workbook(path, p, u, periods);
    bytes = test::read(path);
  }
  ~written() {
    std::error_code ec;
    fs::remove(path, ec);
  }
};

std::vector<problem> workbook_problems(const std::string& bytes, const plan& p = dongli()) {
  try {
    (void)parse_observations_workbook(bytes, p, "F.xlsx");
    return {};
  } catch (const load_error& e) {
    CHECK(e.origin() == "F.xlsx");
    return e.problems();
  }
}

// A package from its parts, as the reader sees it after unzipping.
using parts = std::map<std::string, std::string>;
detail::xlsx_workbook from_parts(const parts& ps) {
  return detail::read_xlsx_parts([&](const std::string& n) -> std::optional<std::string> {
    const auto it = ps.find(n);
    if (it == ps.end()) return std::nullopt;
    return it->second;
  });
}

const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                       "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

std::string inline_cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

// A returned workbook as parts: the identity of `p`, the header of 填报, and `rows` (each a <row> element).
parts returned_workbook(const plan& p, const std::string& rows) {
  const char* keys[] = {"goal", "period", "level", "value", "numerator", "denominator", "reported_on", "source"};
  std::string header = "<row r=\"1\">";
  char col = 'A';
  for (const char* k : keys) header += inline_cell(std::string(1, col++) + "1", std::string("x\n") + k);
  header += "</row>";
  std::string id = "<row r=\"1\">" + inline_cell("A1", "format") + inline_cell("B1", "qgov-workbook/1") + "</row>" +
                   "<row r=\"2\">" + inline_cell("A2", "plan") + inline_cell("B2", p.id().str()) + "</row>" +
                   "<row r=\"3\">" + inline_cell("A3", "plan_sha256") + inline_cell("B3", plan_fingerprint(p)) + "</row>";
  return {
      {"xl/workbook.xml", "<workbook " + ns + "><sheets><sheet name=\"填报\" sheetId=\"1\" r:id=\"rId1\"/>"
                          "<sheet name=\"qgov\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
       "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
       "</Relationships>"},
      {"xl/worksheets/sheet1.xml", "<worksheet " + ns + "><sheetData>" + header + rows + "</sheetData></worksheet>"},
      {"xl/worksheets/sheet2.xml", "<worksheet " + ns + "><sheetData>" + id + "</sheetData></worksheet>"},
  };
}

std::vector<problem> parts_problems(const parts& ps) {
  try {
    (void)detail::workbook_observations(from_parts(ps), dongli(), "F.xlsx");
    return {};
  } catch (const load_error& e) {
    return e.problems();
  }
}

}  // namespace

TEST_CASE("the workbook of 区市场监管局: one row per goal and period, input cells, a hidden identity sheet") {
  REQUIRE(workbook_support());
  const auto expected = workbook_rows(dongli(), market, {*period::parse("2025")});
  REQUIRE(expected.size() > 3);
  std::size_t levelled = 0;
  for (const auto& r : expected) {
    CHECK(dongli().answers_for(market, *r.g));
    levelled += r.level.has_value();
  }
  written w(dongli(), market, {*period::parse("2025")}, "market.xlsx");
  CHECK(w.bytes.starts_with("PK"));
  const auto wb = detail::read_xlsx(w.bytes);
  REQUIRE(wb.sheets.size() == 3);
  CHECK(wb.sheets[0].name == "填报");
  CHECK(wb.sheets[0].state == "visible");
  CHECK(wb.sheets[1].name == "说明");
  CHECK(wb.sheets[2].name == "qgov");
  CHECK(wb.sheets[2].state == "hidden");
  std::size_t last_row = 0;
  std::map<std::size_t, std::string> goal_of_row;
  for (const auto& c : wb.sheets[0].cells) {
    last_row = std::max(last_row, c.row);
    if (c.column == 1 && c.row > 1) goal_of_row[c.row] = c.value;
  }
  CHECK(last_row == expected.size() + 1);
  for (std::size_t i = 0; i < expected.size(); ++i) CHECK(goal_of_row[i + 2] == expected[i].g->id.str());
  // the header names the eight fields on its last lines
  std::string header;
  for (const auto& c : wb.sheets[0].cells)
    if (c.row == 1) header += c.value + "|";
  for (const char* f : {"\ngoal|", "\nvalue|", "\nnumerator|", "\nreported_on|", "\nsource|"})
    CHECK(header.find(f) != std::string::npos);
  // nothing filled in yet: it reads back to no figures, with every row counted as empty
  const auto r = detail::read_workbook(w.bytes, dongli(), "F.xlsx");
  CHECK(r.ledger.empty());
  CHECK(r.filled_rows == 0);
  CHECK(r.empty_rows == expected.size());
  // the protected sheets: data validation and sheet protection are in the parts
  (void)levelled;
}

TEST_CASE("a workbook for another plan is refused by name, and one for another version of the plan too") {
  plan_data other = dongli().data();
  other.id = plan_id("other_district_2024");
  const plan p2 = plan::from_data(other, "other");
  written w(p2, market, {*period::parse("2025")}, "other.xlsx");
  const auto problems = workbook_problems(w.bytes);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].where == "qgov!B2");
  CHECK(problems[0].message.find("made for plan \"other_district_2024\"") != std::string::npos);
  CHECK(problems[0].message.find("not for plan \"" + dongli().id().str() + "\"") != std::string::npos);

  plan_data edited = dongli().data();
  edited.goals[0].name_en += " (edited)";
  const plan p3 = plan::from_data(edited, "edited");
  CHECK(plan_fingerprint(p3) != plan_fingerprint(dongli()));
  written w3(p3, market, {*period::parse("2025")}, "edited.xlsx");
  const auto v = workbook_problems(w3.bytes);
  REQUIRE(v.size() == 1);
  CHECK(v[0].where == "qgov!B3");
  CHECK(v[0].message.find("another version of plan") != std::string::npos);
}

TEST_CASE("write_workbook refuses a unit without goals and an empty period list") {
  CHECK_THROWS_WITH_AS(write_workbook(temp_path("x.xlsx"), dongli(), market, {}),
                       doctest::Contains("at least one period"), qgov::error);
  CHECK_THROWS_WITH_AS(write_workbook(temp_path("x.xlsx"), dongli(), unit_id("no_such_unit"), {*period::parse("2025")}),
                       doctest::Contains("no unit \"no_such_unit\""), qgov::error);
}

TEST_CASE("a returned workbook's cells go through the observation checks, each problem at its cell") {
  const std::string rows =
      "<row r=\"2\">" + inline_cell("A2", "food_sampling_pass_rate") + inline_cell("B2", "2025") +
      inline_cell("D2", "九十") + "<c r=\"G2\"><v>45658</v></c>" + inline_cell("H2", "区市场监管局") + "</row>"
      "<row r=\"3\">" + inline_cell("A3", "food_sampling_pass_rate") + "<c r=\"B3\"><v>2024</v></c>" +
      "<c r=\"D3\"><v>98.7</v></c><c r=\"G3\"><v>45658</v></c></row>"
      "<row r=\"4\">" + inline_cell("A4", "food_sampling_pass_rate") + inline_cell("B4", "2023") +
      "<c r=\"D4\"><f>E4/F4*100</f></c><c r=\"G4\" t=\"b\"><v>1</v></c></row>"
      "<row r=\"5\">" + inline_cell("A5", "food_sampling_pass_rate") + inline_cell("B5", "2022") + "</row>";
  const auto problems = parts_problems(returned_workbook(dongli(), rows));
  std::map<std::string, std::string> at;
  for (const auto& p : problems) at[p.where] = p.message;
  CHECK(at["填报!D2"] == "value: expected a number, got \"九十\"");
  CHECK(at["填报!D4"].find("formula \"=E4/F4*100\" has no computed value") != std::string::npos);
  CHECK(at["填报!G4"] == "reported_on: expected a date, got TRUE");
  CHECK(problems.size() == 3);  // row 3 is good (2024 as a number, an Excel date); row 5 has nothing filled

  // without the bad rows: row 3 reads, with the serial date 45658 = 2025-01-01 and the number 2024 as a period
  const auto good = detail::workbook_observations(
      from_parts(returned_workbook(dongli(), "<row r=\"3\">" + inline_cell("A3", "food_sampling_pass_rate") +
                                                 "<c r=\"B3\"><v>2024</v></c><c r=\"D3\"><v>98.7</v></c>"
                                                 "<c r=\"G3\"><v>45658</v></c></row>")),
      dongli(), "F.xlsx");
  REQUIRE(good.ledger.size() == 1);
  const auto& o = good.ledger.all()[0];
  CHECK(o.period.str() == "2024");
  CHECK(o.value == 98.7);
  CHECK(to_iso(o.reported_on) == "2025-01-01");
  CHECK(o.origin == "F.xlsx:填报!A3");
}

TEST_CASE("a workbook not made by qgov, or with its columns renamed, is refused with what to do") {
  auto ps = returned_workbook(dongli(), "");
  ps["xl/workbook.xml"] = "<workbook " + ns + "><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  auto p = parts_problems(ps);
  REQUIRE(p.size() == 1);
  CHECK(p[0].message.find("not a workbook made by `qgov workbook`") != std::string::npos);

  ps = returned_workbook(dongli(), "");
  auto& sheet = ps["xl/worksheets/sheet1.xml"];
  sheet.replace(sheet.find("x\nvalue"), 7, "x\nvalu");
  p = parts_problems(ps);
  REQUIRE(p.size() == 2);
  CHECK(p[0].where == "填报!D1");
  CHECK(p[0].message.find("unknown column \"valu\"") == 0);
  CHECK(p[1].message.find("missing column \"value\"") == 0);
}

TEST_CASE("the xlsx reader: shared strings without phonetic runs, date system, hostile parts refused") {
  parts ps = returned_workbook(dongli(), "");
  ps["xl/_rels/workbook.xml.rels"].insert(
      ps["xl/_rels/workbook.xml.rels"].find("</Relationships>"),
      "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
  ps["xl/sharedStrings.xml"] = "<sst " + ns + "><si><t>东丽</t></si><si><r><t>区</t></r><r><t>市场</t></r>"
                               "<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si></sst>";
  ps["xl/worksheets/sheet2.xml"] = "<worksheet " + ns + "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                                   "<c r=\"B1\" t=\"s\"><v>1</v></c><c t=\"s\"><v>0</v></c></row></sheetData></worksheet>";
  ps["xl/workbook.xml"].replace(ps["xl/workbook.xml"].find("<sheets>"), 8, "<workbookPr date1904=\"1\"/><sheets>");
  const auto wb = from_parts(ps);
  CHECK(wb.date1904);
  const auto* s = wb.find("qgov");
  REQUIRE(s);
  REQUIRE(s->cells.size() == 3);
  CHECK(s->cells[0].value == "东丽");
  CHECK(s->cells[1].value == "区市场");
  CHECK(s->cells[2].column == 3);  // a cell without a reference follows the one before

  auto refused = [&](const std::string& sheet_xml, const std::string& needle) {
    parts q = ps;
    q["xl/worksheets/sheet2.xml"] = sheet_xml;
    try {
      (void)from_parts(q);
      FAIL("read: " << sheet_xml);
    } catch (const detail::xlsx_error& e) {
      CHECK_MESSAGE(std::string(e.what()).find(needle) != std::string::npos, e.what());
    }
  };
  refused("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet/>", "document type declaration");
  refused("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>",
          "shared string 7 does not exist");
  refused("<worksheet><sheetData><row r=\"1\"><c r=\"1A\"><v>1</v></c></row></sheetData></worksheet>", "not like A1");
  refused("<worksheet><sheetData><row r=\"2\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>", "stands in row 2");
  refused("<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row></sheetData></worksheet>",
          "appears twice");
  refused("<worksheet><sheetData><row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row></sheetData></worksheet>", "not like A1");
  refused("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"zz\"><v>1</v></c></row></sheetData></worksheet>",
          "unknown cell type");
  refused("<worksheet><sheetData><row>", "not well-formed XML");
  std::string deep = "<worksheet>";
  for (int i = 0; i < 200; ++i) deep += "<a>";
  refused(deep, "nested more than");
}

TEST_CASE("files that are not .xlsx workbooks say what they are") {
  auto p = workbook_problems("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old excel");
  REQUIRE(p.size() == 1);
  CHECK(p[0].message.find("Excel 97-2003") != std::string::npos);
  p = workbook_problems("goal,period\n");
  REQUIRE(p.size() == 1);
  CHECK(p[0].message.find("not a zip archive") != std::string::npos);
  CHECK(detail::cell_ref(7, 9) == "I7");
  CHECK(detail::cell_ref(1, 28) == "AB1");
}

TEST_CASE("several workbooks and files at once: a folder, notes, and a figure given twice") {
  const fs::path dir = temp_path("folder");
  fs::create_directories(dir);
  write_workbook(dir / "a.xlsx", dongli(), market, {*period::parse("2025")});
  std::ofstream(dir / "~$a.xlsx") << "lock";
  std::ofstream(dir / "notes.txt") << "x";
  std::ofstream(dir / "b.csv") << "goal,period,value,numerator,denominator,level,reported_on,source\n"
                                  "rd_expenditure_share,2023,3.52,,,,2024-09-30,x\n";
  const auto loaded = load_observation_files({dir}, dongli());
  CHECK(loaded.ledger.size() == 1);
  std::string notes;
  for (const auto& n : loaded.notes) notes += n + "\n";
  CHECK(notes.find("~$a.xlsx: skipped, an Excel lock file") != std::string::npos);
  CHECK(notes.find("notes.txt: skipped") != std::string::npos);
  CHECK(notes.find("a.xlsx: 0 figures from the workbook") != std::string::npos);

  std::ofstream(dir / "c.csv") << "goal,period,value,numerator,denominator,level,reported_on,source\n"
                                  "rd_expenditure_share,2023,3.6,,,,2024-09-30,y\n";
  CHECK_THROWS_WITH_AS((void)load_observation_files({dir}, dongli()),
                       doctest::Contains("c.csv:2: the same goal (rd_expenditure_share)"), qgov::error);
  fs::remove_all(dir);
}
