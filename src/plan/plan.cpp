// Plan validation and the queries that need more than a view: every check names the JSON path it concerns.
#include <qgov/plan/plan.hpp>

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <qgov/core/sha256.hpp>
#include <qgov/extract/target_reading.hpp>

#include "detail/utf8.hpp"

namespace qgov::inline QGOV_ABI {
namespace {

std::string path(std::string_view base, std::size_t index) { return std::string(base) + "/" + std::to_string(index); }

std::string without_whitespace(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (s.substr(i, 3) == "\u3000") { i += 2; continue; }  // ideographic space
    out.push_back(c);
  }
  return out;
}

std::string describe(std::string_view text, source_span s) {
  const auto p = position_of(text, s.begin);
  return "[" + std::to_string(s.begin) + ", " + std::to_string(s.end) + ") (line " + std::to_string(p.line) +
         ", column " + std::to_string(p.column) + ")";
}

struct checker {
  const plan_data& d;
  std::vector<problem>& out;

  void add(std::string where, std::string message) { out.push_back({std::move(where), std::move(message)}); }

  // A span must fit the text and cover whole UTF-8 characters.
  bool span_ok(const std::string& where, source_span s) {
    if (s.begin > s.end) {
      add(where, "span begins after it ends: [" + std::to_string(s.begin) + ", " + std::to_string(s.end) + "]");
      return false;
    }
    if (!s.fits(d.source_text.size())) {
      add(where, "span [" + std::to_string(s.begin) + ", " + std::to_string(s.end) +
                     "] lies outside the source text (" + std::to_string(d.source_text.size()) + " bytes)");
      return false;
    }
    auto continuation = [&](std::size_t at) {
      return at < d.source_text.size() && (static_cast<unsigned char>(d.source_text[at]) & 0xC0) == 0x80;
    };
    if (continuation(s.begin) || continuation(s.end)) {
      add(where, "span " + describe(d.source_text, s) + " cuts a UTF-8 character in two");
      return false;
    }
    return true;
  }

  // The quoted text must stand verbatim at its span. `where` names the text field; the span field is its sibling.
  bool verbatim(const std::string& where, std::string_view quote, source_span s, const char* what = "quote") {
    if (quote.empty()) {
      add(where, std::string(what) + " is empty; expected the text as printed in the source");
      return false;
    }
    if (!span_ok(where.substr(0, where.rfind('/')) + "/span", s)) return false;
    const std::string_view actual = std::string_view(d.source_text).substr(s.begin, s.size());
    if (actual == quote) return true;
    const auto found = d.source_text.find(quote);
    std::string hint = found == std::string::npos
                           ? "; the quote occurs nowhere in the source"
                           : "; the quote does occur at byte " + std::to_string(found) + " (line " +
                                 std::to_string(position_of(d.source_text, found).line) + ")";
    add(where, std::string(what) + " \"" + std::string(quote) + "\" is not verbatim at its span " +
                   describe(d.source_text, s) + ", which holds \"" + std::string(actual) + "\"" + hint);
    return false;
  }

  // "2024年8月22日" → 2024-08-22; nullopt for other forms (Chinese-numeral dates are not compared).
  static std::optional<date> printed_date(std::string_view s) {
    int part[3] = {0, 0, 0};
    const std::string_view marks[3] = {"年", "月", "日"};
    for (int k = 0; k < 3; ++k) {
      std::size_t digits = 0;
      while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9' && digits < 4) part[k] = part[k] * 10 + (s[digits++] - '0');
      if (digits == 0 || s.substr(digits, marks[k].size()) != marks[k]) return std::nullopt;
      s.remove_prefix(digits + marks[k].size());
    }
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", part[0], part[1], part[2]);
    return s.empty() ? parse_iso_date(iso) : std::nullopt;
  }

  void document() {
    const auto& doc = d.document;
    if (auto printed = printed_date(doc.issued_on_text.text); printed && !doc.issued_on.is_special() && *printed != doc.issued_on)
      add("/document/issued_on", "date " + to_iso(doc.issued_on) + " differs from the printed date \"" +
                                     doc.issued_on_text.text + "\"");
    verbatim("/document/title/text", doc.title.text, doc.title.span, "text");
    // number and issued_on_text are optional (a 纲要 prints no 文号; an excerpt may print no date): checked as
    // the disclosure is, when either its text or its span is given
    for (auto [path, field] : {std::pair{"/document/number/text", &doc.number},
                               std::pair{"/document/issued_on_text/text", &doc.issued_on_text}})
      if (!field->text.empty() || field->span.size() != 0 || field->span.begin != 0)
        verbatim(path, field->text, field->span, "text");
    verbatim("/document/issuer/text", doc.issuer.text, doc.issuer.span, "text");
    // optional: absent means empty text and an empty span; a span without text is an error, not dropped
    if (!doc.disclosure.text.empty() || doc.disclosure.span.size() != 0 || doc.disclosure.span.begin != 0)
      verbatim("/document/disclosure/text", doc.disclosure.text, doc.disclosure.span, "text");
    if (doc.notice_title.text.empty() && (doc.notice_title.span.size() != 0 || doc.notice_title.span.begin != 0))
      add("/document/notice_title/text", "text is empty but the span is not; expected the title as printed");
    if (doc.issued_on.is_special()) add("/document/issued_on", "issue date is missing or not a valid date");
    // The notice title may be printed across lines: compare with line breaks and spaces removed.
    if (span_ok("/document/notice_title/span", doc.notice_title.span) && !doc.notice_title.text.empty()) {
      const auto printed = without_whitespace(std::string_view(d.source_text).substr(
          doc.notice_title.span.begin, doc.notice_title.span.size()));
      if (printed != without_whitespace(doc.notice_title.text))
        add("/document/notice_title/text", "text \"" + doc.notice_title.text +
                                               "\" does not match the source at its span, which holds \"" +
                                               printed + "\" (spaces and line breaks ignored)");
    }
  }

  template <class Seq, class NumberOf>
  void ascending_unique(const Seq& seq, const char* base, NumberOf number_of, const char* noun) {
    int previous = 0;
    for (std::size_t i = 0; i < seq.size(); ++i) {
      const int n = number_of(seq[i]);
      if (n <= 0) add(path(base, i) + "/number", std::string(noun) + " number must be a positive integer, got " + std::to_string(n));
      else if (n <= previous)
        add(path(base, i) + "/number", std::string("duplicate or out-of-order ") + noun + " number " + std::to_string(n) +
                                           " (after " + std::to_string(previous) + "); expected source order");
      previous = std::max(previous, n);
    }
  }

  void outline() {
    ascending_unique(d.sections, "/sections", [](const section& s) { return s.number.value; }, "section");
    ascending_unique(d.clauses, "/clauses", [](const clause& c) { return c.number.value; }, "clause");
    ascending_unique(d.columns, "/columns", [](const column& c) { return c.number.value; }, "column");
    // a section, clause, column or item (`what`) at `p`: its span, its title as the source prints it, and the title
    // inside the span
    auto titled = [&](const std::string& p, const auto& x, const char* what) {
      span_ok(p + "/span", x.span);
      verbatim(p + "/title/text", x.title.text, x.title.span, "title");
      if (!x.span.contains(x.title.span)) add(p + "/title/span", std::string("title lies outside its ") + what + "'s span");
    };
    for (std::size_t i = 0; i < d.sections.size(); ++i) titled(path("/sections", i), d.sections[i], "section");
    auto in_section = [&](const std::string& p, section_number n, source_span span) {
      const auto it = std::find_if(d.sections.begin(), d.sections.end(), [&](const section& s) { return s.number == n; });
      if (it == d.sections.end())
        add(p + "/section", "section " + std::to_string(n.value) + " is not declared under /sections");
      else if (!it->span.contains(span))
        add(p + "/span", "lies outside section " + std::to_string(n.value) + ", which its \"section\" names");
    };
    for (std::size_t i = 0; i < d.clauses.size(); ++i) {
      const auto p = path("/clauses", i);
      titled(p, d.clauses[i], "clause");
      in_section(p, d.clauses[i].section, d.clauses[i].span);
    }
    for (std::size_t i = 0; i < d.columns.size(); ++i) {
      const auto& c = d.columns[i];
      const auto p = path("/columns", i);
      titled(p, c, "column");
      in_section(p, c.section, c.span);
      for (std::size_t j = 0; j < c.items.size(); ++j) {
        const auto q = path(p + "/items", j);
        span_ok(q + "/span", c.items[j].span);
        verbatim(q + "/title/text", c.items[j].title.text, c.items[j].title.span, "title");
        if (!c.span.contains(c.items[j].span)) add(q + "/span", "item lies outside its column's span");
        if (!c.items[j].span.contains(c.items[j].title.span)) add(q + "/title/span", "title lies outside its item's span");
      }
    }
  }

  // The id of element `i` under `base` (a `noun`): not empty, and not the id of an earlier one (`ids`: id → index).
  void unique_id(std::unordered_map<std::string, std::size_t>& ids, const char* base, std::size_t i,
                 const std::string& id, const char* noun) {
    const auto p = path(base, i) + "/id";
    if (id.empty()) add(p, std::string(noun) + " id is empty");
    else if (auto [it, fresh] = ids.emplace(id, i); !fresh)
      add(p, std::string("duplicate ") + noun + " id \"" + id + "\" (first at " + base + "/" + std::to_string(it->second) + ")");
  }

  void units() {
    std::unordered_map<std::string, std::size_t> ids, names;
    for (std::size_t i = 0; i < d.units.size(); ++i) {
      const auto& u = d.units[i];
      const auto p = path("/units", i);
      unique_id(ids, "/units", i, u.id.str(), "unit");
      if (u.name.empty()) add(p + "/name", "unit name is empty; expected the name as printed");
      else if (auto [it, fresh] = names.emplace(u.name, i); !fresh)
        add(p + "/name", "duplicate unit name \"" + u.name + "\" (first at /units/" + std::to_string(it->second) + ")");
    }
  }

  const responsible_unit* unit(const unit_id& id) const {
    for (const auto& u : d.units)
      if (u.id == id) return &u;
    return nullptr;
  }
  const clause* find_clause(int n) const {
    for (const auto& c : d.clauses)
      if (c.number.value == n) return &c;
    return nullptr;
  }
  const column* find_column(int n) const {
    for (const auto& c : d.columns)
      if (c.number.value == n) return &c;
    return nullptr;
  }

  void responsibility() {
    std::set<int> seen;
    std::size_t previous_begin = 0;
    for (std::size_t i = 0; i < d.responsibility.size(); ++i) {
      const auto& l = d.responsibility[i];
      const auto p = path("/responsibility/lists", i);
      const clause* c = find_clause(l.clause.value);
      if (!c) add(p + "/clause", "clause " + std::to_string(l.clause.value) + " is not declared under /clauses");
      if (!seen.insert(l.clause.value).second)
        add(p + "/clause", "clause " + std::to_string(l.clause.value) + " has more than one responsibility list");
      if (span_ok(p + "/span", l.span)) {
        if (c && !c->span.contains(l.span)) add(p + "/span", "list lies outside clause " + std::to_string(l.clause.value) + "'s span");
        if (i > 0 && l.span.begin < previous_begin) add(p + "/span", "lists are not in source order");
        previous_begin = l.span.begin;
      }
      if (l.cells.empty()) add(p + "/cells", "list names no unit; expected at least one");
      std::set<std::string> in_list;
      std::size_t previous_cell = l.span.begin;
      for (std::size_t j = 0; j < l.cells.size(); ++j) {
        const auto& cell = l.cells[j];
        const auto q = path(p + "/cells", j);
        const responsible_unit* u = unit(cell.unit);
        if (!u) {
          add(q + "/unit", "unknown unit \"" + cell.unit.str() + "\"; expected an id declared under /units");
        } else {
          verbatim(q + "/unit", u->name, cell.span, "unit name");
        }
        if (!in_list.insert(cell.unit.str()).second)
          add(q + "/unit", "unit \"" + cell.unit.str() + "\" is named twice in this list");
        if (!l.span.contains(cell.span)) add(q + "/span", "cell lies outside its list's span");
        else if (cell.span.begin < previous_cell) add(q + "/span", "cells are not in source order");
        previous_cell = cell.span.end;
        if (d.convention != role_convention::explicit_roles) {
          const role expected = role_by_convention(d.convention, j, cell.unit_role);
          if (cell.unit_role != expected)
            add(q + "/role", "role \"" + std::string(to_string(cell.unit_role)) + "\" contradicts the convention \"" +
                                 std::string(to_string(d.convention)) + "\", which gives \"" +
                                 std::string(to_string(expected)) + "\"");
        }
      }
    }
  }

  // The span of the clause or column a source_ref names, if declared.
  std::optional<source_span> block_of(const std::string& where, const source_ref& r) {
    if (r.kind == source_ref::kind_t::clause) {
      if (const clause* c = find_clause(r.number)) return c->span;
      add(where, "clause " + std::to_string(r.number) + " is not declared under /clauses");
    } else {
      if (const column* c = find_column(r.number)) return c->span;
      add(where, "column " + std::to_string(r.number) + " is not declared under /columns");
    }
    return std::nullopt;
  }

  // A quote must be verbatim and lie inside the clause or column its source names; true when both hold.
  bool statement_in_place(const std::string& p, const std::string& quote, source_span span, const source_ref& src) {
    const bool quoted = verbatim(p + "/quote", quote, span);
    const auto block = block_of(p + "/source", src);
    if (!quoted || !block) return false;
    if (block->contains(span)) return true;
    add(p + "/span", "quote lies outside " + std::string(to_string(src.kind)) + " " + std::to_string(src.number) +
                         ", which its source names");
    return false;
  }

  // The target must say what its quote says, as the extractor reads it (qgov::read_targets, qgov/extract/target_reading.hpp): 超过3.8%
  // loaded as lt 3.8 would evaluate as "低于3.8%…已达成". A quote the extractor reads no target in cannot contradict;
  // a reading that differs is refused unless the goal records why in target_override.
  void target_agrees_with_quote(const std::string& p, const goal& g) {
    const auto& t = *g.target;
    if (!g.target_override.empty()) {
      if (g.target_override.find_first_not_of(" \t") == std::string::npos)
        add(p + "/target_override", "target_override is blank; give the reason the target differs from its quote");
      return;
    }
    const auto readings = read_targets(g.quote);
    if (readings.empty()) return;
    auto same_value = [](double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)}); };
    for (const auto& r : readings)
      if (r.comparator == t.comparator && same_value(r.value, t.value) && r.unit == t.unit) return;
    // the reading to compare with: the one agreeing in the most fields
    const target_reading* best = &readings.front();
    int best_score = -1;
    for (const auto& r : readings) {
      const int score = (r.comparator == t.comparator) + same_value(r.value, t.value) + (r.unit == t.unit);
      if (score > best_score) best = &r, best_score = score;
    }
    char value_text[64];
    std::snprintf(value_text, sizeof value_text, "%.15g", best->value);
    const std::string reads = "the quote \"" + g.quote + "\" reads " + std::string(to_string(best->comparator)) + " " +
                              value_text + " " + best->unit;
    const std::string fix = "; correct the target, or record why it differs in \"target_override\"";
    if (best->comparator != t.comparator)
      add(p + "/comparator", "comparator " + std::string(to_string(t.comparator)) + " contradicts its quote: " + reads + fix);
    if (!same_value(best->value, t.value)) {
      char given[64];
      std::snprintf(given, sizeof given, "%.15g", t.value);
      add(p + "/value", "value " + std::string(given) + " contradicts its quote: " + reads + fix);
    }
    if (best->unit != t.unit)
      add(p + "/unit", "unit \"" + t.unit + "\" contradicts its quote: " + reads + fix);
  }

  void goals() {
    std::unordered_map<std::string, std::size_t> ids;
    for (std::size_t i = 0; i < d.goals.size(); ++i) {
      const auto& g = d.goals[i];
      const auto p = path("/goals", i);
      unique_id(ids, "/goals", i, g.id.str(), "goal");
      // Later checks about where the quote stands only make sense once the quote itself is right.
      bool quotes_in_place = statement_in_place(p, g.quote, g.span, g.source);
      for (std::size_t j = 0; j < g.restatements.size(); ++j) {
        const auto& r = g.restatements[j];
        quotes_in_place = statement_in_place(path(p + "/restatements", j), r.quote, r.span, r.source) && quotes_in_place;
      }
      // kind-specific requirements
      if (has_numeric_target(g.kind) && g.kind != goal_kind::milestone && !g.target)
        add(p + "/comparator", "a " + std::string(to_string(g.kind)) + " goal needs comparator, value and unit");
      if (g.target) {
        if (!std::isfinite(g.target->value)) add(p + "/value", "value must be a finite number");
        // An index has no unit (制造业质量竞争力指数达到86): empty is the unit as stated; blank is not.
        if (!g.target->unit.empty() && g.target->unit.find_first_not_of(" \t\u3000") == std::string::npos)
          add(p + "/unit", "unit is blank; expected the unit as stated (%, 家, 个, 亩 …), or empty for an index");
        if (!has_numeric_target(g.kind))
          add(p + "/comparator", "a " + std::string(to_string(g.kind)) + " goal has no numeric target; remove comparator, value and unit");
        else if (std::isfinite(g.target->value) && quotes_in_place)
          target_agrees_with_quote(p, g);
      } else if (!g.target_override.empty()) {
        add(p + "/target_override", "target_override explains a target that differs from its quote; this goal has no target");
      }
      if (g.kind == goal_kind::trend && !g.direction) add(p + "/direction", "a trend goal needs a direction: \"increase\" or \"decrease\"");
      if (g.kind != goal_kind::trend && g.direction) add(p + "/direction", "only trend goals have a direction");
      if (g.kind == goal_kind::all_levels && g.levels.empty()) add(p + "/levels", "an all_levels goal needs its levels, e.g. [\"national\", \"municipal\", \"district\"]");
      if (g.kind != goal_kind::all_levels && !g.levels.empty()) add(p + "/levels", "only all_levels goals have levels");
      if (g.kind != goal_kind::milestone && !g.items.empty()) add(p + "/items", "only milestone goals have items");
      if (g.horizon <= 0) add(p + "/horizon", "horizon must be the plan year the goal belongs to, e.g. 2025");
      else if (!g.deadline.is_special() && g.deadline.year() != g.horizon)
        add(p + "/deadline", "deadline " + to_iso(g.deadline) + " is not in the goal's horizon year " + std::to_string(g.horizon));
      if (g.deadline.is_special()) add(p + "/deadline", "deadline is missing or not a valid date");
      // clause links
      if (g.clauses.empty()) add(p + "/clauses", "goal is linked to no clause; expected at least one");
      std::set<int> linked;
      for (std::size_t j = 0; j < g.clauses.size(); ++j) {
        const auto& link = g.clauses[j];
        const auto q = path(p + "/clauses", j);
        const clause* c = find_clause(link.clause.value);
        if (!c) { add(q + "/number", "clause " + std::to_string(link.clause.value) + " is not declared under /clauses"); continue; }
        if (!linked.insert(link.clause.value).second) add(q + "/number", "clause " + std::to_string(link.clause.value) + " is linked twice");
        if (link.link == link_type::assigned && link.rationale.empty())
          add(q + "/rationale", "an assigned link needs a one-line rationale");
        if (link.link == link_type::stated && quotes_in_place) {
          bool inside = c->span.contains(g.span);
          for (const auto& r : g.restatements) inside = inside || c->span.contains(r.span);
          if (!inside)
            add(q + "/link", "link is \"stated\" but the goal's quote is not inside clause " +
                                 std::to_string(link.clause.value) + "; use \"assigned\" with a rationale");
        }
      }
    }
  }

  void run() {
    if (d.format_version != 1) add("/qgov_plan", "unsupported plan format version " + std::to_string(d.format_version) + "; this qgov reads version 1");
    if (d.id.empty()) add("/id", "plan id is empty");
    if (auto bad = detail::first_invalid_utf8(d.source_text)) {
      add("/source/path", "source text is not valid UTF-8 at byte " + std::to_string(*bad));
      return;  // spans cannot be trusted on text we cannot decode
    }
    if (!d.source.sha256.empty()) {
      const auto actual = sha256_hex(d.source_text);
      if (actual != d.source.sha256)
        add("/source/sha256", "source text has SHA-256 " + actual + ", but the plan was written for " + d.source.sha256 +
                                  "; the plan's spans may not match this text");
    }
    document();
    outline();
    units();
    responsibility();
    goals();
    lineage();
  }

  // The optional lineage fields on their own; a lineage of several plans is checked by qgov::lineage.
  void lineage() {
    const auto& l = d.lineage;
    if (l.supersedes && l.amends)
      add("/lineage/amends", "a plan either supersedes another or amends one, not both; keep one of supersedes, amends");
    if (l.supersedes && *l.supersedes == d.id) add("/lineage/supersedes", "a plan cannot supersede itself");
    if (l.amends && *l.amends == d.id) add("/lineage/amends", "a plan cannot amend itself");
    for (std::size_t i = 0; i < l.parents.size(); ++i) {
      const auto at = "/lineage/parents/" + std::to_string(i);
      if (l.parents[i].empty()) add(at, "expected a plan id, got \"\"");
      else if (l.parents[i] == d.id) add(at, "a plan cannot be its own parent");
      for (std::size_t k = 0; k < i; ++k)
        if (l.parents[k] == l.parents[i]) add(at, "parent \"" + l.parents[i].str() + "\" is listed twice");
    }
  }
};

}  // namespace

std::vector<problem> plan::validate(const plan_data& data) {
  std::vector<problem> out;
  checker{data, out}.run();
  return out;
}

plan plan::from_data(plan_data data, std::string origin) {
  auto problems = validate(data);
  if (!problems.empty()) throw load_error(std::move(origin), std::move(problems));
  return plan(std::make_shared<const plan_data>(std::move(data)));
}

plan plan::with_convention(role_convention c) const {
  if (c == data_->convention) return *this;
  plan_data copy = *data_;
  copy.convention = c;
  for (auto& l : copy.responsibility)
    for (std::size_t i = 0; i < l.cells.size(); ++i)
      l.cells[i].unit_role = role_by_convention(c, i, l.cells[i].unit_role);
  return plan(std::make_shared<const plan_data>(std::move(copy)));
}

const goal* plan::find_goal(const goal_id& id) const noexcept {
  for (const auto& g : data_->goals)
    if (g.id == id) return &g;
  return nullptr;
}

const responsible_unit* plan::find_unit(const unit_id& id) const noexcept {
  for (const auto& u : data_->units)
    if (u.id == id) return &u;
  return nullptr;
}

const responsible_unit* plan::find_unit_by_name(std::string_view name) const noexcept {
  for (const auto& u : data_->units)
    if (u.name == name) return &u;
  return nullptr;
}

const clause* plan::find_clause(clause_number n) const noexcept {
  for (const auto& c : data_->clauses)
    if (c.number == n) return &c;
  return nullptr;
}

const responsibility_list* plan::list_of(clause_number n) const noexcept {
  for (const auto& l : data_->responsibility)
    if (l.clause == n) return &l;
  return nullptr;
}

std::optional<unit_id> plan::lead_of(clause_number n) const {
  if (const auto* l = list_of(n))
    for (const auto& c : l->cells)
      if (c.unit_role == role::lead) return c.unit;
  return std::nullopt;
}

bool plan::answers_for(const unit_id& u, const goal& g) const noexcept {
  for (const auto& link : g.clauses)
    if (const auto* l = list_of(link.clause); l && l->role_of(u)) return true;
  return false;
}

std::vector<unit_id> plan::units_for(const goal& g) const {
  std::vector<unit_id> out;
  for (const auto& link : g.clauses)
    if (const auto* l = list_of(link.clause))
      for (const auto& c : l->cells)
        if (std::find(out.begin(), out.end(), c.unit) == out.end()) out.push_back(c.unit);
  return out;
}

std::vector<unit_load> plan::load_per_unit() const {
  std::vector<unit_load> out;
  out.reserve(data_->units.size());
  for (const auto& u : data_->units) {
    unit_load load{u.id};
    for (const auto& l : data_->responsibility)
      if (auto r = l.role_of(u.id)) {
        switch (*r) {
          case role::lead: ++load.clauses_led; break;
          case role::responsible: ++load.clauses_responsible; break;
          case role::supporting: ++load.clauses_supporting; break;
        }
      }
    for (const auto& g : data_->goals)
      if (answers_for(u.id, g)) ++load.goals;
    out.push_back(load);
  }
  return out;
}

}  // namespace qgov
