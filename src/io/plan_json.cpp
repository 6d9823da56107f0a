// Plan files: JSON in (with every problem reported at its JSON path) and JSON out (the same schema).
#include <qgov/io/plan_json.hpp>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include <qgov/core/sha256.hpp>
#include <qgov/io/input_file.hpp>

#include "detail/plan_json_fields.hpp"
#include "detail/json_input.hpp"
#include "detail/utf8.hpp"

namespace qgov::inline QGOV_ABI {
namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

using detail::type_name;  // src/detail/json_input.hpp

// A short rendering of a scalar for messages; containers are named, never dumped (dump() recurses).
std::string shown(const json& j) {
  if (j.is_structured()) return j.is_array() ? "[…]" : "{…}";
  std::string s = j.dump();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

// Reads fields into plan_data, recording a problem for each missing, mistyped or unknown field.
struct reader {
  std::vector<problem>& out;

  void add(std::string where, std::string message) { out.push_back({std::move(where), std::move(message)}); }

  const json* field(const json& obj, const char* key, const std::string& p, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) add(p + "/" + key, "missing required field \"" + std::string(key) + "\"");
      return nullptr;
    }
    return &*it;
  }

  bool object(const json& j, const std::string& p, std::initializer_list<const char*> allowed) {
    if (!j.is_object()) {
      add(p, "expected an object, got " + type_name(j));
      return false;
    }
    for (const auto& [k, v] : j.items()) {
      bool known = false;
      for (const char* a : allowed) known = known || k == a;
      if (!known) {
        std::string list;
        for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
        const std::string shown_key = k.size() > 60 ? k.substr(0, 57) + "..." : k;
        add(p + "/" + shown_key, "unknown field \"" + shown_key + "\"; expected one of: " + list);
      }
    }
    return true;
  }

  const json* array(const json& obj, const char* key, const std::string& p, bool required) {
    const json* j = field(obj, key, p, required);
    if (j && !j->is_array()) {
      add(p + "/" + key, "expected an array, got " + type_name(*j));
      return nullptr;
    }
    return j;
  }

  std::string string(const json& obj, const char* key, const std::string& p, bool required = true) {
    const json* j = field(obj, key, p, required);
    if (!j) return {};
    if (!j->is_string()) {
      add(p + "/" + key, "expected a string, got " + type_name(*j) + " " + shown(*j));
      return {};
    }
    return j->get<std::string>();
  }

  int integer(const json& obj, const char* key, const std::string& p, bool required = true) {
    const json* j = field(obj, key, p, required);
    if (!j) return 0;
    if (!j->is_number_integer() || j->get<long long>() < 0 || j->get<long long>() > 1000000) {
      add(p + "/" + key, "expected a non-negative integer, got " + shown(*j));
      return 0;
    }
    return j->get<int>();
  }

  std::optional<double> number(const json& obj, const char* key, const std::string& p) {
    const json* j = field(obj, key, p, false);
    if (!j) return std::nullopt;
    if (!j->is_number()) {
      add(p + "/" + key, "expected a number, got " + type_name(*j) + " " + shown(*j));
      return std::nullopt;
    }
    return j->get<double>();
  }

  date iso_date(const json& obj, const char* key, const std::string& p) {
    const std::string s = string(obj, key, p);
    if (s.empty()) {
      if (obj.contains(key) && obj[key].is_string()) add(p + "/" + key, "expected an ISO date YYYY-MM-DD, got \"\"");
      return {};
    }
    if (auto d = parse_iso_date(s)) return *d;
    add(p + "/" + key, "expected an ISO date YYYY-MM-DD, got \"" + s + "\"");
    return {};
  }

  source_span span(const json& obj, const std::string& p) {
    const json* j = field(obj, "span", p, true);
    if (!j) return {};
    if (!j->is_array() || j->size() != 2 || !(*j)[0].is_number_unsigned() || !(*j)[1].is_number_unsigned()) {
      add(p + "/span", "expected [begin, end] as two non-negative byte offsets, got " + shown(*j));
      return {};
    }
    return {(*j)[0].get<std::size_t>(), (*j)[1].get<std::size_t>()};
  }

  spanned_text spanned(const json& obj, const char* key, const std::string& p, bool required = true) {
    const json* j = field(obj, key, p, required);
    if (!j) return {};
    const auto q = p + "/" + key;
    if (!object(*j, q, {"text", "span"})) return {};
    return {string(*j, "text", q), span(*j, q)};
  }

  template <class Enum, class Parse>
  std::optional<Enum> enumeration(const json& obj, const char* key, const std::string& p, bool required, Parse parse,
                                  const char* expected) {
    const std::string s = string(obj, key, p, required);
    if (s.empty() && !(obj.contains(key) && obj[key].is_string())) return std::nullopt;  // absent or mistyped: reported
    if (auto e = parse(s)) return *e;
    add(p + "/" + key, "unknown value \"" + s + "\"; expected one of: " + expected);
    return std::nullopt;
  }

  source_ref source(const json& obj, const std::string& p) {
    const json* j = field(obj, "source", p, true);
    if (!j) return {};
    const auto q = p + "/source";
    if (!object(*j, q, {"kind", "number"})) return {};
    source_ref r;
    const std::string kind = string(*j, "kind", q);
    if (kind == "clause") r.kind = source_ref::kind_t::clause;
    else if (kind == "column") r.kind = source_ref::kind_t::column;
    else if (!kind.empty()) add(q + "/kind", "unknown value \"" + kind + "\"; expected \"clause\" or \"column\"");
    r.number = integer(*j, "number", q);
    return r;
  }

  std::vector<std::string> strings(const json& obj, const char* key, const std::string& p) {
    std::vector<std::string> v;
    if (const json* a = array(obj, key, p, false))
      for (std::size_t i = 0; i < a->size(); ++i) {
        if ((*a)[i].is_string()) v.push_back((*a)[i].get<std::string>());
        else add(p + "/" + key + "/" + std::to_string(i), "expected a string, got " + type_name((*a)[i]));
      }
    return v;
  }

  void document(const json& root, plan_data& d) {
    const json* j = field(root, "document", "", true);
    if (!j || !object(*j, "/document", {"title", "notice_title", "number", "issuer", "issued_on_text", "issued_on",
                                        "disclosure", "title_en"}))
      return;
    auto& doc = d.document;
    doc.title = spanned(*j, "title", "/document");
    doc.notice_title = spanned(*j, "notice_title", "/document", false);
    doc.number = spanned(*j, "number", "/document", false);  // optional: a 纲要 may print no 文号
    doc.issuer = spanned(*j, "issuer", "/document");
    doc.issued_on_text = spanned(*j, "issued_on_text", "/document", false);  // optional: an excerpt may print no date
    doc.issued_on = iso_date(*j, "issued_on", "/document");
    doc.disclosure = spanned(*j, "disclosure", "/document", false);
    doc.title_en = string(*j, "title_en", "/document", false);
  }

  void outline(const json& root, plan_data& d) {
    if (const json* a = array(root, "sections", "", true))
      for (std::size_t i = 0; i < a->size(); ++i) {
        const auto p = "/sections/" + std::to_string(i);
        if (!object((*a)[i], p, {"number", "title", "span"})) { d.sections.emplace_back(); continue; }
        d.sections.push_back({{integer((*a)[i], "number", p)}, spanned((*a)[i], "title", p), span((*a)[i], p)});
      }
    if (const json* a = array(root, "clauses", "", true))
      for (std::size_t i = 0; i < a->size(); ++i) {
        const auto p = "/clauses/" + std::to_string(i);
        const json& c = (*a)[i];
        if (!object(c, p, {"number", "section", "title", "span"})) { d.clauses.emplace_back(); continue; }
        d.clauses.push_back({{integer(c, "number", p)}, {integer(c, "section", p)}, spanned(c, "title", p), span(c, p)});
      }
    if (const json* a = array(root, "columns", "", false))
      for (std::size_t i = 0; i < a->size(); ++i) {
        const auto p = "/columns/" + std::to_string(i);
        const json& c = (*a)[i];
        if (!object(c, p, {"number", "section", "title", "span", "items"})) { d.columns.emplace_back(); continue; }
        column col{{integer(c, "number", p)}, {integer(c, "section", p)}, spanned(c, "title", p), span(c, p), {}};
        if (const json* items = array(c, "items", p, false))
          for (std::size_t k = 0; k < items->size(); ++k) {
            const auto q = p + "/items/" + std::to_string(k);
            if (!object((*items)[k], q, {"title", "span"})) { col.items.emplace_back(); continue; }
            col.items.push_back({spanned((*items)[k], "title", q), span((*items)[k], q)});
          }
        d.columns.push_back(std::move(col));
      }
  }

  void units(const json& root, plan_data& d) {
    const json* a = array(root, "units", "", true);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
      const auto p = "/units/" + std::to_string(i);
      const json& u = (*a)[i];
      if (!object(u, p, {"id", "name", "name_en", "kind"})) { d.units.emplace_back(); continue; }
      responsible_unit unit{unit_id(string(u, "id", p)), string(u, "name", p), string(u, "name_en", p, false)};
      if (auto k = enumeration<unit_kind>(u, "kind", p, true, parse_unit_kind,
                                          "district_bureau, branch_office, customs, judicial_organ, "
                                          "party_mass_organisation, collective"))
        unit.kind = *k;
      d.units.push_back(std::move(unit));
    }
  }

  void responsibility(const json& root, plan_data& d, const plan_load_options& options) {
    const json* r = field(root, "responsibility", "", true);
    if (!r || !object(*r, "/responsibility", {"convention", "lists"})) return;
    if (auto c = enumeration<role_convention>(*r, "convention", "/responsibility", true, parse_role_convention,
                                              "first_listed_leads, all_responsible, explicit"))
      d.convention = *c;
    const json* a = array(*r, "lists", "/responsibility", true);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
      const auto p = "/responsibility/lists/" + std::to_string(i);
      const json& l = (*a)[i];
      if (!object(l, p, {"clause", "span", "cells"})) { d.responsibility.emplace_back(); continue; }
      responsibility_list list{{integer(l, "clause", p)}, span(l, p), {}};
      if (const json* cells = array(l, "cells", p, true))
        for (std::size_t k = 0; k < cells->size(); ++k) {
          const auto q = p + "/cells/" + std::to_string(k);
          const json& c = (*cells)[k];
          if (!object(c, q, {"unit", "role", "span"})) { list.cells.emplace_back(); continue; }
          responsibility_cell cell{unit_id(string(c, "unit", q)), role::responsible, span(c, q)};
          const bool explicit_roles = d.convention == role_convention::explicit_roles;
          auto stated = enumeration<role>(c, "role", q, explicit_roles, parse_role, "lead, responsible, supporting");
          cell.unit_role = stated ? *stated : role_by_convention(d.convention, k, role::responsible);
          list.cells.push_back(std::move(cell));
        }
      d.responsibility.push_back(std::move(list));
    }
    // A convention requested by the caller replaces the file's: roles are recomputed from list positions.
    if (options.convention && *options.convention != d.convention) {
      d.convention = *options.convention;
      for (auto& l : d.responsibility)
        for (std::size_t k = 0; k < l.cells.size(); ++k)
          l.cells[k].unit_role = role_by_convention(d.convention, k, l.cells[k].unit_role);
    }
  }

  void goals(const json& root, plan_data& d) {
    const json* a = array(root, "goals", "", true);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
      const auto p = "/goals/" + std::to_string(i);
      const json& j = (*a)[i];
      if (!object(j, p, {"id", "indicator", "name_en", "kind", "comparator", "value", "unit", "stated", "direction",
                         "levels", "items", "deadline", "deadline_basis", "horizon", "quote", "span", "source",
                         "restatements", "clauses", "target_override"})) {
        d.goals.emplace_back();
        continue;
      }
      goal g;
      g.id = goal_id(string(j, "id", p));
      g.indicator = string(j, "indicator", p, false);
      g.name_en = string(j, "name_en", p, false);
      if (auto k = enumeration<goal_kind>(j, "kind", p, true, parse_goal_kind,
                                          "threshold, cumulative, maintain, all_levels, milestone, trend, qualitative"))
        g.kind = *k;
      auto cmp = enumeration<comparator>(j, "comparator", p, false, parse_comparator, "gt, ge, lt, le, eq");
      auto value = number(j, "value", p);
      const std::string unit = string(j, "unit", p, false);
      const bool any = j.contains("comparator") || j.contains("value") || j.contains("unit");
      if (any) {
        if (!j.contains("comparator")) add(p + "/comparator", "missing \"comparator\": a target needs comparator, value and unit together");
        if (!j.contains("value")) add(p + "/value", "missing \"value\": a target needs comparator, value and unit together");
        if (!j.contains("unit")) add(p + "/unit", "missing \"unit\": a target needs comparator, value and unit together");
        if (cmp && value) g.target = target{*cmp, *value, unit, string(j, "stated", p, false)};
      } else if (j.contains("stated")) {
        add(p + "/stated", "\"stated\" is the printed form of a target's value; this goal has no comparator, value and unit");
      }
      g.target_override = string(j, "target_override", p, false);
      g.direction = enumeration<trend_direction>(j, "direction", p, false, parse_trend_direction, "increase, decrease");
      g.levels = strings(j, "levels", p);
      g.items = strings(j, "items", p);
      g.deadline = iso_date(j, "deadline", p);
      if (auto b = enumeration<deadline_basis>(j, "deadline_basis", p, false, parse_deadline_basis, "stated, plan_horizon"))
        g.deadline_from = *b;
      g.horizon = integer(j, "horizon", p);
      g.quote = string(j, "quote", p);
      g.span = span(j, p);
      g.source = source(j, p);
      if (const json* rs = array(j, "restatements", p, false))
        for (std::size_t k = 0; k < rs->size(); ++k) {
          const auto q = p + "/restatements/" + std::to_string(k);
          if (!object((*rs)[k], q, {"quote", "span", "source"})) { g.restatements.emplace_back(); continue; }
          g.restatements.push_back({string((*rs)[k], "quote", q), span((*rs)[k], q), source((*rs)[k], q)});
        }
      if (const json* cs = array(j, "clauses", p, true))
        for (std::size_t k = 0; k < cs->size(); ++k) {
          const auto q = p + "/clauses/" + std::to_string(k);
          if (!object((*cs)[k], q, {"number", "link", "rationale"})) { g.clauses.emplace_back(); continue; }
          clause_link link{{integer((*cs)[k], "number", q)}, link_type::stated, string((*cs)[k], "rationale", q, false)};
          if (auto t = enumeration<link_type>((*cs)[k], "link", q, true, parse_link_type, "stated, assigned")) link.link = *t;
          g.clauses.push_back(std::move(link));
        }
      d.goals.push_back(std::move(g));
    }
  }

  // The optional "lineage" object (docs/lineage.md): level, parents, supersedes or amends, effective_from.
  void lineage(const json& root, plan_data& d) {
    const json* j = field(root, "lineage", "", false);
    if (!j || !object(*j, "/lineage", {"level", "parents", "supersedes", "amends", "effective_from"})) return;
    auto& l = d.lineage;
    l.level = enumeration<plan_level>(*j, "level", "/lineage", false, parse_plan_level,
                                      "national, provincial, municipal, district");
    for (auto& p : strings(*j, "parents", "/lineage")) l.parents.emplace_back(std::move(p));
    for (const char* key : {"supersedes", "amends"})
      if (j->contains(key)) {
        std::string id = string(*j, key, "/lineage");
        if (id.empty() && (*j)[key].is_string()) add(std::string("/lineage/") + key, "expected a plan id, got \"\"");
        else if (!id.empty()) (std::string_view(key) == "amends" ? l.amends : l.supersedes) = plan_id(std::move(id));
      }
    if (j->contains("effective_from"))
      if (date e = iso_date(*j, "effective_from", "/lineage"); !e.is_special()) l.effective_from = e;
  }

  // Reads the whole file; false when the root is not even an object (then nothing else is worth checking).
  bool root(const json& j, plan_data& d, const plan_load_options& options) {
    if (!object(j, "", {"qgov_plan", "id", "source", "document", "sections", "clauses", "columns", "units",
                        "responsibility", "goals", "lineage"}))
      return false;
    d.format_version = integer(j, "qgov_plan", "");
    d.id = plan_id(string(j, "id", ""));
    if (const json* s = field(j, "source", "", true); s && object(*s, "/source", {"path", "sha256"})) {
      d.source.path = string(*s, "path", "/source", false);
      d.source.sha256 = string(*s, "sha256", "/source");
      const bool hex64 = d.source.sha256.size() == 64 &&
                         d.source.sha256.find_first_not_of("0123456789abcdef") == std::string::npos;
      if (s->contains("sha256") && (*s)["sha256"].is_string() && !hex64)
        add("/source/sha256", "expected the SHA-256 of the source text as 64 lower-case hex digits, got \"" +
                                  d.source.sha256.substr(0, 70) + "\"");
    }
    document(j, d);
    outline(j, d);
    units(j, d);
    responsibility(j, d, options);
    goals(j, d);
    lineage(j, d);
    return true;
  }
};


// A plan file nests a handful of levels; anything far deeper is hostile or broken, and is refused before any
// recursive walk of it.
constexpr std::size_t max_json_depth = 64;

std::optional<json> parse_json(std::string_view text, std::vector<problem>& problems) {
  return detail::parse_json_checked<json>(text, problems, max_json_depth, "a plan file");
}

plan build(std::string_view json_text, std::optional<std::string> source_text, std::string origin,
           const plan_load_options& options, const std::filesystem::path* plan_file) {
  std::vector<problem> problems;
  auto j = parse_json(json_text, problems);
  if (!j) throw load_error(std::move(origin), std::move(problems));
  plan_data d;
  if (!reader{problems}.root(*j, d, options)) throw load_error(std::move(origin), std::move(problems));
  if (!source_text) {
    std::filesystem::path src = options.source_path ? *options.source_path
                                : plan_file         ? plan_file->parent_path() / d.source.path
                                                    : std::filesystem::path(d.source.path);
    if (!options.source_path && d.source.path.empty()) {
      problems.push_back({"/source/path", "missing the path of the source text the plan quotes"});
    } else {
      // a directory, a FIFO, /dev/zero or an oversized file: one message at /source/path (src/io/input_file.cpp)
      try {
        source_text = read_input_file(src, input_limits::source_text, "source text file");
      } catch (const load_error& e) {
        for (const auto& pr : e.problems())
          problems.push_back({"/source/path", "the source text file " + src.string() + " " + pr.message});
      }
    }
  }
  if (!source_text) throw load_error(std::move(origin), std::move(problems));
  d.source_text = std::move(*source_text);
  // Semantic checks run on what could be read; a field already reported as malformed is not reported twice.
  // "/goals/1" covers "/goals/1/quote" but not "/goals/10".
  auto within = [](const std::string& inner, const std::string& outer) {
    return inner.size() >= outer.size() && inner.compare(0, outer.size(), outer) == 0 &&
           (inner.size() == outer.size() || inner[outer.size()] == '/');
  };
  auto semantic = plan::validate(d);
  for (auto& s : semantic) {
    bool shadowed = false;
    for (const auto& p : problems) shadowed = shadowed || within(s.where, p.where) || within(p.where, s.where);
    if (!shadowed) problems.push_back(std::move(s));
  }
  if (!problems.empty()) throw load_error(std::move(origin), std::move(problems));
  return plan::from_data(std::move(d), std::move(origin));
}

// ---------------------------------------------------------------------------------------------
// Writing

ordered span_json(source_span s) { return ordered::array({s.begin, s.end}); }
ordered spanned_json(const spanned_text& t) { return {{"text", t.text}, {"span", span_json(t.span)}}; }
ordered number_json(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9.0e15) return static_cast<long long>(v);
  return v;
}
// A draft (not yet validated) may lack a date: null then, never an exception.
ordered date_json(const date& d) { return d.is_special() ? ordered(nullptr) : ordered(to_iso(d)); }
ordered source_json(const source_ref& r) { return {{"kind", std::string(to_string(r.kind))}, {"number", r.number}}; }

ordered goal_json(const goal& g) {
  ordered j;
  j["id"] = g.id.str();
  j["indicator"] = g.indicator;
  if (!g.name_en.empty()) j["name_en"] = g.name_en;
  j["kind"] = std::string(to_string(g.kind));
  if (g.target) {
    j["comparator"] = std::string(to_string(g.target->comparator));
    j["value"] = number_json(g.target->value);
    j["unit"] = g.target->unit;
    if (!g.target->stated.empty()) j["stated"] = g.target->stated;
    if (!g.target_override.empty()) j["target_override"] = g.target_override;
  }
  if (g.direction) j["direction"] = std::string(to_string(*g.direction));
  if (!g.levels.empty()) j["levels"] = g.levels;
  if (!g.items.empty()) j["items"] = g.items;
  j["deadline"] = date_json(g.deadline);
  j["deadline_basis"] = std::string(to_string(g.deadline_from));
  j["horizon"] = g.horizon;
  j["quote"] = g.quote;
  j["span"] = span_json(g.span);
  j["source"] = source_json(g.source);
  if (!g.restatements.empty()) {
    ordered rs = ordered::array();
    for (const auto& r : g.restatements)
      rs.push_back({{"quote", r.quote}, {"span", span_json(r.span)}, {"source", source_json(r.source)}});
    j["restatements"] = rs;
  }
  ordered cs = ordered::array();
  for (const auto& c : g.clauses) {
    ordered link{{"number", c.clause.value}, {"link", std::string(to_string(c.link))}};
    if (!c.rationale.empty()) link["rationale"] = c.rationale;
    cs.push_back(link);
  }
  j["clauses"] = cs;
  return j;
}

}  // namespace

plan parse_plan(std::string_view json_text, std::string source_text, std::string origin,
                const plan_load_options& options) {
  return build(json_text, std::move(source_text), std::move(origin), options, nullptr);
}

plan load_plan(const std::filesystem::path& file, const plan_load_options& options) {
  const std::string text = read_input_file(file, input_limits::plan_json, "plan file");
  std::optional<std::string> source;
  return build(text, std::move(source), file.string(), options, &file);
}

nlohmann::ordered_json detail::plan_data_json(const plan_data& d) {
  ordered j;
  j["qgov_plan"] = d.format_version;
  j["id"] = d.id.str();
  // the digest of the text this plan was validated against: always right, even for plans built in code
  j["source"] = {{"path", d.source.path}, {"sha256", sha256_hex(d.source_text)}};
  ordered doc;
  if (!d.document.number.text.empty()) doc["number"] = spanned_json(d.document.number);
  doc["issuer"] = spanned_json(d.document.issuer);
  if (!d.document.issued_on_text.text.empty()) doc["issued_on_text"] = spanned_json(d.document.issued_on_text);
  doc["issued_on"] = date_json(d.document.issued_on);
  if (!d.document.disclosure.text.empty()) doc["disclosure"] = spanned_json(d.document.disclosure);
  doc["title"] = spanned_json(d.document.title);
  if (!d.document.notice_title.text.empty()) doc["notice_title"] = spanned_json(d.document.notice_title);
  if (!d.document.title_en.empty()) doc["title_en"] = d.document.title_en;
  j["document"] = doc;
  j["sections"] = ordered::array();
  for (const auto& s : d.sections)
    j["sections"].push_back({{"number", s.number.value}, {"title", spanned_json(s.title)}, {"span", span_json(s.span)}});
  j["clauses"] = ordered::array();
  for (const auto& c : d.clauses)
    j["clauses"].push_back({{"number", c.number.value}, {"section", c.section.value}, {"title", spanned_json(c.title)},
                            {"span", span_json(c.span)}});
  j["columns"] = ordered::array();
  for (const auto& c : d.columns) {
    ordered items = ordered::array();
    for (const auto& it : c.items) items.push_back({{"title", spanned_json(it.title)}, {"span", span_json(it.span)}});
    j["columns"].push_back({{"number", c.number.value}, {"section", c.section.value}, {"title", spanned_json(c.title)},
                            {"span", span_json(c.span)}, {"items", items}});
  }
  j["units"] = ordered::array();
  for (const auto& u : d.units)
    j["units"].push_back({{"id", u.id.str()}, {"name", u.name}, {"name_en", u.name_en}, {"kind", std::string(to_string(u.kind))}});
  ordered lists = ordered::array();
  for (const auto& l : d.responsibility) {
    ordered cells = ordered::array();
    for (const auto& c : l.cells)
      cells.push_back({{"unit", c.unit.str()}, {"role", std::string(to_string(c.unit_role))}, {"span", span_json(c.span)}});
    lists.push_back({{"clause", l.clause.value}, {"span", span_json(l.span)}, {"cells", cells}});
  }
  j["responsibility"] = {{"convention", std::string(to_string(d.convention))}, {"lists", lists}};
  j["goals"] = ordered::array();
  for (const auto& g : d.goals) j["goals"].push_back(goal_json(g));
  if (const auto& l = d.lineage; !l.empty()) {  // optional, so plans without one are written as before
    ordered lj;
    if (l.level) lj["level"] = std::string(to_string(*l.level));
    if (!l.parents.empty()) {
      lj["parents"] = ordered::array();
      for (const auto& p : l.parents) lj["parents"].push_back(p.str());
    }
    if (l.supersedes) lj["supersedes"] = l.supersedes->str();
    if (l.amends) lj["amends"] = l.amends->str();
    if (l.effective_from) lj["effective_from"] = date_json(*l.effective_from);
    j["lineage"] = lj;
  }
  return j;
}

std::string to_json(const plan& p, int indent) { return detail::plan_data_json(p.data()).dump(indent) + "\n"; }

std::string matrix_to_json(const plan& p, int indent) {
  ordered j;
  j["plan"] = p.id().str();
  j["convention"] = std::string(to_string(p.convention()));
  j["clauses"] = ordered::array();
  for (const auto& l : p.matrix()) {
    ordered bureaus = ordered::array();
    for (const auto& c : l.cells) {
      const auto* u = p.find_unit(c.unit);
      bureaus.push_back({{"name", std::string(p.text_of(c.span))},
                         {"id", c.unit.str()},
                         {"name_en", u ? u->name_en : std::string()},
                         {"kind", u ? std::string(to_string(u->kind)) : std::string()},
                         {"role", std::string(to_string(c.unit_role))},
                         {"span", span_json(c.span)}});
    }
    const auto* c = p.find_clause(l.clause);
    j["clauses"].push_back({{"number", l.clause.value},
                            {"title", c ? c->title.text : std::string()},
                            {"span", span_json(l.span)},
                            {"bureaus", bureaus}});
  }
  return j.dump(indent) + "\n";
}

}  // namespace qgov
