// A small .xlsx reader: libzip for the package, expat for the XML parts. See xlsx_reader.hpp.
#include "xlsx_reader.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include <expat.h>
#include <zip.h>

#include "utf8.hpp"

namespace qgov::inline QGOV_ABI::detail {
namespace {

constexpr char ns_sep = '\x01';  // expat joins namespace and local name with this
constexpr std::size_t max_xml_depth = 128;
constexpr std::size_t max_rows = 1'048'576, max_columns = 16'384;  // Excel's own limits

std::string_view local_name(const XML_Char* name) {
  std::string_view s(name);
  const auto k = s.rfind(ns_sep);
  return k == std::string_view::npos ? s : s.substr(k + 1);
}

bool has_namespace(const XML_Char* name) { return std::string_view(name).find(ns_sep) != std::string_view::npos; }

// The attribute with this local name (any namespace when `namespaced`, none otherwise).
const XML_Char* attribute(const XML_Char** atts, std::string_view local, bool namespaced = false) {
  for (std::size_t i = 0; atts[i]; i += 2)
    if (local_name(atts[i]) == local && has_namespace(atts[i]) == namespaced) return atts[i + 1];
  return nullptr;
}

// One SAX pass over a part. Subclasses see elements by local name, with the depth they stand at.
class sax {
public:
  virtual ~sax() = default;

  void parse(const std::string& text, const std::string& part) {
    part_ = part;
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> p(
        XML_ParserCreateNS(nullptr, ns_sep), &XML_ParserFree);
    if (!p) throw xlsx_error(part + ": out of memory creating the XML parser");
    parser_ = p.get();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &sax::on_start, &sax::on_end);
    XML_SetCharacterDataHandler(parser_, &sax::on_text);
    // No document type declarations: a workbook part has none, and refusing them rules out entity expansion.
    XML_SetStartDoctypeDeclHandler(parser_, &sax::on_doctype);
    const auto* data = text.data();
    std::size_t left = text.size();
    constexpr std::size_t chunk = 1u << 20;  // XML_Parse takes an int length
    do {
      const std::size_t n = std::min(left, chunk);
      const bool last = n == left;
      if (XML_Parse(parser_, data, static_cast<int>(n), last) != XML_STATUS_OK) {
        if (!failure_.empty()) throw xlsx_error(part + ": " + failure_);
        throw xlsx_error(part + ":" + std::to_string(XML_GetCurrentLineNumber(parser_)) + ":" +
                         std::to_string(XML_GetCurrentColumnNumber(parser_) + 1) +
                         ": not well-formed XML: " + XML_ErrorString(XML_GetErrorCode(parser_)));
      }
      data += n;
      left -= n;
    } while (left > 0);
    parser_ = nullptr;
  }

protected:
  virtual void start(std::string_view name, const XML_Char** atts, std::size_t depth) = 0;
  virtual void end(std::string_view name, std::size_t depth) = 0;
  virtual void text(std::string_view) {}

  // Stops the parse with a message (thrown once expat returns).
  void fail(std::string message) {
    if (failure_.empty()) failure_ = std::move(message);
    XML_StopParser(parser_, XML_FALSE);
  }
  bool failed() const { return !failure_.empty(); }

private:
  static void on_start(void* self, const XML_Char* name, const XML_Char** atts) {
    auto* s = static_cast<sax*>(self);
    if (s->failed()) return;
    if (++s->depth_ > max_xml_depth) return s->fail("XML nested more than " + std::to_string(max_xml_depth) + " deep");
    s->start(local_name(name), atts, s->depth_);
  }
  static void on_end(void* self, const XML_Char* name) {
    auto* s = static_cast<sax*>(self);
    if (s->failed()) return;
    s->end(local_name(name), s->depth_--);
  }
  static void on_text(void* self, const XML_Char* t, int len) {
    auto* s = static_cast<sax*>(self);
    if (s->failed()) return;
    s->text(std::string_view(t, static_cast<std::size_t>(len)));
  }
  static void on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    static_cast<sax*>(self)->fail("a document type declaration (<!DOCTYPE …>); workbook parts have none");
  }

  XML_Parser parser_ = nullptr;
  std::string part_;
  std::string failure_;
  std::size_t depth_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Relationships (_rels/*.rels): id → target, and the target of a type.

struct relationship {
  std::string id, type, target;
};

class rels_reader : public sax {
public:
  std::vector<relationship> rels;

protected:
  void start(std::string_view name, const XML_Char** atts, std::size_t) override {
    if (name != "Relationship") return;
    relationship r;
    if (const auto* v = attribute(atts, "Id")) r.id = v;
    if (const auto* v = attribute(atts, "Type")) r.type = v;
    if (const auto* v = attribute(atts, "Target")) r.target = v;
    if (rels.size() > 100'000) return fail("more than 100000 relationships");
    rels.push_back(std::move(r));
  }
  void end(std::string_view, std::size_t) override {}
};

bool type_is(const relationship& r, std::string_view tail) {
  return r.type.size() > tail.size() && std::string_view(r.type).substr(r.type.size() - tail.size()) == tail &&
         r.type[r.type.size() - tail.size() - 1] == '/';
}

// A relationship target, relative to the folder of the part that holds it, as a path inside the package.
std::string resolve(const std::string& base_dir, const std::string& target) {
  std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i <= path.size()) {
    const auto j = std::min(path.find('/', i), path.size());
    const std::string seg = path.substr(i, j - i);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    i = j + 1;
  }
  std::string out;
  for (const auto& s : parts) out += (out.empty() ? "" : "/") + s;
  return out;
}

std::string folder_of(const std::string& part) {
  const auto k = part.rfind('/');
  return k == std::string::npos ? std::string() : part.substr(0, k + 1);
}

std::string rels_of(const std::string& part) {
  const auto k = part.rfind('/');
  return k == std::string::npos ? "_rels/" + part + ".rels"
                                : part.substr(0, k + 1) + "_rels/" + part.substr(k + 1) + ".rels";
}

// ---------------------------------------------------------------------------------------------
// xl/workbook.xml: the sheets in order, their states and relationship ids; the date system.

struct sheet_entry {
  std::string name, state, rel_id;
};

class workbook_reader : public sax {
public:
  std::vector<sheet_entry> sheets;
  bool date1904 = false;
  std::size_t max_sheets = 256;

protected:
  void start(std::string_view name, const XML_Char** atts, std::size_t) override {
    if (name == "workbookPr") {
      if (const auto* v = attribute(atts, "date1904")) date1904 = std::string_view(v) == "1" || std::string_view(v) == "true";
    } else if (name == "sheet") {
      if (sheets.size() >= max_sheets) return fail("more than " + std::to_string(max_sheets) + " sheets");
      sheet_entry s;
      const auto* n = attribute(atts, "name");
      if (!n) return fail("a <sheet> without a name");
      s.name = n;
      s.state = "visible";
      if (const auto* v = attribute(atts, "state")) s.state = v;
      if (const auto* v = attribute(atts, "id", true)) s.rel_id = v;
      sheets.push_back(std::move(s));
    }
  }
  void end(std::string_view, std::size_t) override {}
};

// ---------------------------------------------------------------------------------------------
// xl/sharedStrings.xml: <si> items, each the text of its <t> elements outside phonetic runs (<rPh>).

class shared_strings_reader : public sax {
public:
  std::vector<std::string> strings;

protected:
  void start(std::string_view name, const XML_Char**, std::size_t depth) override {
    if (name == "si") {
      strings.emplace_back();
      in_si_ = true;
    } else if (name == "rPh" && in_si_) {
      phonetic_depth_ = depth;
    } else if (name == "t" && in_si_ && phonetic_depth_ == 0) {
      in_t_ = true;
    }
  }
  void end(std::string_view name, std::size_t depth) override {
    if (name == "si") in_si_ = false;
    else if (name == "rPh" && depth == phonetic_depth_) phonetic_depth_ = 0;
    else if (name == "t") in_t_ = false;
  }
  void text(std::string_view t) override {
    if (in_t_ && !strings.empty()) strings.back() += t;
  }

private:
  bool in_si_ = false, in_t_ = false;
  std::size_t phonetic_depth_ = 0;
};

// ---------------------------------------------------------------------------------------------
// A worksheet's <sheetData>.

bool parse_ref(std::string_view ref, std::size_t& row, std::size_t& column) {
  std::size_t i = 0, c = 0, r = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    c = c * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
    if (c > max_columns) return false;
    ++i;
  }
  if (i == 0 || i == ref.size() || ref[i] == '0') return false;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return false;
    r = r * 10 + static_cast<std::size_t>(ref[i] - '0');
    if (r > max_rows) return false;
  }
  row = r;
  column = c;
  return true;
}

bool parse_index(std::string_view s, std::size_t limit, std::size_t& out) {
  if (s.empty() || s.size() > 10) return false;
  std::size_t v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return false;
    v = v * 10 + static_cast<std::size_t>(ch - '0');
  }
  if (v == 0 || v > limit) return false;
  out = v;
  return true;
}

class sheet_reader : public sax {
public:
  sheet_reader(const std::vector<std::string>& shared, std::size_t& cell_budget, std::string sheet)
      : shared_(shared), budget_(cell_budget), sheet_(std::move(sheet)) {}
  std::vector<xlsx_cell> cells;

protected:
  void start(std::string_view name, const XML_Char** atts, std::size_t) override {
    if (name == "sheetData") {
      in_data_ = true;
    } else if (!in_data_) {
      return;
    } else if (name == "row") {
      std::size_t r = 0;
      if (const auto* v = attribute(atts, "r")) {
        if (!parse_index(v, max_rows, r)) return fail("sheet " + sheet_ + ": row number \"" + escape_invalid_utf8(v) + "\" is not 1 to 1048576");
      } else {
        r = row_ + 1;
      }
      if (r > max_rows) return fail("sheet " + sheet_ + ": more than 1048576 rows");
      row_ = r;
      column_ = 0;
    } else if (name == "c") {
      cell_ = xlsx_cell{};
      v_.clear();
      is_.clear();
      f_.clear();
      has_v_ = has_is_ = false;
      type_ = "n";
      if (const auto* t = attribute(atts, "t")) type_ = t;
      if (const auto* ref = attribute(atts, "r")) {
        std::size_t r = 0, c = 0;
        if (!parse_ref(ref, r, c)) return fail("sheet " + sheet_ + ": cell reference \"" + escape_invalid_utf8(ref) + "\" is not like A1");
        if (row_ == 0) row_ = r;  // a <c> outside a <row>: trust its reference
        if (r != row_) return fail("sheet " + sheet_ + ": cell " + ref + " stands in row " + std::to_string(row_));
        column_ = c;
      } else {
        if (++column_ > max_columns) return fail("sheet " + sheet_ + ": more than 16384 columns in row " + std::to_string(row_));
      }
      if (row_ == 0) row_ = 1;
      cell_.row = row_;
      cell_.column = column_;
      in_c_ = true;
    } else if (in_c_ && name == "v") {
      in_v_ = true;
      has_v_ = true;
    } else if (in_c_ && name == "f") {
      cell_.formula = true;
      in_f_ = true;
    } else if (in_c_ && name == "is") {
      in_is_ = true;
      has_is_ = true;
    } else if (in_is_ && name == "rPh") {
      in_rph_ = true;
    } else if (in_is_ && !in_rph_ && name == "t") {
      in_t_ = true;
    }
  }

  void end(std::string_view name, std::size_t) override {
    if (name == "sheetData") in_data_ = false;
    else if (name == "v") in_v_ = false;
    else if (name == "f") in_f_ = false;
    else if (name == "is") in_is_ = false;
    else if (name == "rPh") in_rph_ = false;
    else if (name == "t") in_t_ = false;
    else if (name == "c" && in_c_) {
      in_c_ = false;
      finish_cell();
    }
  }

  void text(std::string_view t) override {
    if (in_v_) v_ += t;
    else if (in_f_ && f_.size() < 1000) f_ += t;
    else if (in_t_) is_ += t;
  }

private:
  void finish_cell() {
    const std::string where = "sheet " + sheet_ + ", cell " + cell_ref(cell_.row, cell_.column);
    if (cell_.formula && !has_v_ && type_ != "inlineStr") {
      cell_.type = xlsx_cell_type::uncomputed_formula;
      cell_.value = "=" + f_;
      if (budget_ == 0) return fail("more than the limit of non-empty cells");
      --budget_;
      cells.push_back(std::move(cell_));
      return;
    }
    if (type_ == "s") {
      if (!has_v_) return;
      if (v_.empty() || v_.size() > 12 || v_.find_first_not_of("0123456789") != std::string::npos)
        return fail(where + ": shared string index \"" + escape_invalid_utf8(v_) + "\" is not a number");
      const std::size_t index = std::stoull(v_);
      if (index >= shared_.size())
        return fail(where + ": shared string " + std::to_string(index) + " does not exist (the workbook has " +
                    std::to_string(shared_.size()) + ")");
      cell_.type = xlsx_cell_type::text;
      cell_.value = shared_[index];
    } else if (type_ == "inlineStr") {
      if (!has_is_ && !has_v_) return;
      cell_.type = xlsx_cell_type::text;
      cell_.value = has_is_ ? is_ : v_;
    } else if (type_ == "str") {
      cell_.type = xlsx_cell_type::text;
      cell_.value = v_;
      if (!has_v_) return;
    } else if (type_ == "b") {
      if (!has_v_) return;
      cell_.type = xlsx_cell_type::boolean;
      cell_.value = v_;
    } else if (type_ == "e") {
      cell_.type = xlsx_cell_type::error;
      cell_.value = v_;
    } else if (type_ == "d") {
      if (!has_v_) return;
      cell_.type = xlsx_cell_type::date_text;
      cell_.value = v_;
    } else if (type_ == "n") {
      if (!has_v_ || v_.empty()) return;  // a styled empty cell
      cell_.type = xlsx_cell_type::number;
      cell_.value = v_;
    } else {
      return fail(where + ": unknown cell type \"" + escape_invalid_utf8(type_) + "\"");
    }
    if (budget_ == 0) return fail("more than the limit of non-empty cells");
    --budget_;
    cells.push_back(std::move(cell_));
  }

  const std::vector<std::string>& shared_;
  std::size_t& budget_;
  std::string sheet_;
  bool in_data_ = false, in_c_ = false, in_v_ = false, in_f_ = false, in_is_ = false, in_t_ = false, in_rph_ = false;
  bool has_v_ = false, has_is_ = false;
  std::size_t row_ = 0, column_ = 0;
  std::string type_, v_, is_, f_;
  xlsx_cell cell_;
};

// ---------------------------------------------------------------------------------------------
// The zip package.

struct zip_closer {
  void operator()(zip_t* z) const noexcept { zip_discard(z); }
};

class package {
public:
  package(std::string_view bytes, std::size_t max_part) : max_part_(max_part) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (!src) {
      zip_error_fini(&err);
      throw xlsx_error("cannot read the file as a zip archive");
    }
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!z) {
      std::string why = zip_error_strerror(&err);
      zip_source_free(src);
      zip_error_fini(&err);
      throw xlsx_error("not an .xlsx workbook: the file is not a zip archive (" + why +
                       "); save it from Excel as \"Excel Workbook (*.xlsx)\"");
    }
    zip_error_fini(&err);
    zip_.reset(z);
  }

  std::optional<std::string> part(const std::string& name) const {
    const zip_int64_t i = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
    if (i < 0) return std::nullopt;
    zip_file_t* f = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(i), 0);
    if (!f) throw xlsx_error(name + ": cannot open the part: " + zip_strerror(zip_.get()));
    std::string out;
    char buf[65536];
    while (true) {
      const zip_int64_t n = zip_fread(f, buf, sizeof buf);
      if (n < 0) {
        std::string why = zip_file_strerror(f);
        zip_fclose(f);
        throw xlsx_error(name + ": the part is damaged (" + why + ")");
      }
      if (n == 0) break;
      out.append(buf, static_cast<std::size_t>(n));
      if (out.size() > max_part_) {
        zip_fclose(f);
        throw xlsx_error(name + ": the part is larger than " + std::to_string(max_part_ >> 20) + " MiB uncompressed");
      }
    }
    zip_fclose(f);
    return out;
  }

private:
  std::unique_ptr<zip_t, zip_closer> zip_;
  std::size_t max_part_;
};

}  // namespace

std::string cell_ref(std::size_t row, std::size_t column) {
  std::string letters;
  for (std::size_t c = column; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row);
}

xlsx_workbook read_xlsx_parts(const std::function<std::optional<std::string>(const std::string&)>& part,
                              const xlsx_limits& limits) {
  auto bounded = [&](const std::string& name) {
    auto t = part(name);
    if (t && t->size() > limits.max_part_bytes)
      throw xlsx_error(name + ": the part is larger than " + std::to_string(limits.max_part_bytes >> 20) + " MiB");
    return t;
  };

  // The workbook part: named by the package relationships, xl/workbook.xml when they are missing.
  std::string workbook_part = "xl/workbook.xml";
  if (auto root = bounded("_rels/.rels")) {
    rels_reader rr;
    rr.parse(*root, "_rels/.rels");
    for (const auto& r : rr.rels)
      if (type_is(r, "officeDocument")) workbook_part = resolve("", r.target);
  }
  const auto wb_text = bounded(workbook_part);
  if (!wb_text) throw xlsx_error("not an .xlsx workbook: it has no " + workbook_part + " (is it a .docx, .xls or .ods file?)");
  workbook_reader wr;
  wr.max_sheets = limits.max_sheets;
  wr.parse(*wb_text, workbook_part);

  std::map<std::string, std::string> targets;  // relationship id → part
  std::string shared_part;
  const std::string rels_part = rels_of(workbook_part);
  if (auto rels = bounded(rels_part)) {
    rels_reader rr;
    rr.parse(*rels, rels_part);
    for (const auto& r : rr.rels) {
      targets[r.id] = resolve(folder_of(workbook_part), r.target);
      if (type_is(r, "sharedStrings")) shared_part = targets[r.id];
    }
  }
  if (shared_part.empty()) shared_part = folder_of(workbook_part) + "sharedStrings.xml";

  shared_strings_reader sr;
  if (auto ss = bounded(shared_part)) sr.parse(*ss, shared_part);

  xlsx_workbook out;
  out.date1904 = wr.date1904;
  std::size_t budget = limits.max_cells;
  for (std::size_t k = 0; k < wr.sheets.size(); ++k) {
    const auto& s = wr.sheets[k];
    if (out.find(s.name)) throw xlsx_error(workbook_part + ": two sheets are named \"" + escape_invalid_utf8(s.name) + "\"");
    xlsx_sheet sheet;
    sheet.name = s.name;
    sheet.state = s.state;
    const auto t = targets.find(s.rel_id);
    const std::string path = t != targets.end() ? t->second : folder_of(workbook_part) + "worksheets/sheet" + std::to_string(k + 1) + ".xml";
    if (auto text = bounded(path)) {
      sheet_reader rd(sr.strings, budget, escape_invalid_utf8(s.name));
      rd.parse(*text, path);
      sheet.cells = std::move(rd.cells);
      std::stable_sort(sheet.cells.begin(), sheet.cells.end(), [](const xlsx_cell& a, const xlsx_cell& b) {
        return std::tie(a.row, a.column) < std::tie(b.row, b.column);
      });
      for (std::size_t i = 1; i < sheet.cells.size(); ++i)
        if (sheet.cells[i].row == sheet.cells[i - 1].row && sheet.cells[i].column == sheet.cells[i - 1].column)
          throw xlsx_error(path + ": cell " + cell_ref(sheet.cells[i].row, sheet.cells[i].column) + " appears twice");
    } else if (t != targets.end()) {
      throw xlsx_error(workbook_part + ": sheet \"" + escape_invalid_utf8(s.name) + "\" names the part " + path +
                       ", which the package does not have");
    }
    // else: a chart sheet or a sheet without a part: no cells
    out.sheets.push_back(std::move(sheet));
  }
  return out;
}

xlsx_workbook read_xlsx(std::string_view bytes, const xlsx_limits& limits) {
  if (bytes.starts_with("\xD0\xCF\x11\xE0"))
    throw xlsx_error("an Excel 97-2003 workbook (.xls), not .xlsx; open it in Excel and save it as \"Excel Workbook (*.xlsx)\"");
  package pkg(bytes, limits.max_part_bytes);
  return read_xlsx_parts([&](const std::string& name) { return pkg.part(name); }, limits);
}

}  // namespace qgov::detail
