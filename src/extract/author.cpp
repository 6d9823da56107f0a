// From a plan's text and a reviewed overlay to a plan file; and the starting overlay for a draft.
// See include/qgov/extract/author.hpp and docs/plan-format.md ("Authoring a plan").
#include <qgov/extract/author.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include <qgov/core/sha256.hpp>
#include <qgov/extract/bureaus.hpp>
#include <qgov/io/plan_json.hpp>

namespace qgov::inline QGOV_ABI {
namespace {

using ordered = nlohmann::ordered_json;

ordered span_json(source_span s) { return ordered::array({s.begin, s.end}); }
ordered spanned_json(const spanned_text& t) { return {{"text", t.text}, {"span", span_json(t.span)}}; }

// Keeps two-number arrays (spans) on one line: "[\n   12,\n   30\n  ]" → "[12, 30]".
std::string collapse_spans(const std::string& in) {
  std::string out;
  out.reserve(in.size());
  auto skip_ws = [&](std::size_t k) {
    while (k < in.size() && (in[k] == ' ' || in[k] == '\n')) ++k;
    return k;
  };
  auto digits = [&](std::size_t k) {
    std::size_t e = k;
    while (e < in.size() && in[e] >= '0' && in[e] <= '9') ++e;
    return e;
  };
  for (std::size_t i = 0; i < in.size();) {
    if (in[i] == '[' && i + 1 < in.size() && in[i + 1] == '\n') {
      const std::size_t a = skip_ws(i + 1), ae = digits(a);
      if (ae > a && ae < in.size() && in[ae] == ',') {
        const std::size_t b = skip_ws(ae + 1), be = digits(b);
        if (be > b) {
          const std::size_t close = skip_ws(be);
          if (close < in.size() && in[close] == ']') {
            out += '[';
            out.append(in, a, ae - a);
            out += ", ";
            out.append(in, b, be - b);
            out += ']';
            i = close + 1;
            continue;
          }
        }
      }
    }
    out += in[i++];
  }
  return out;
}

struct builder {
  std::string_view text;
  const author_options& opt;
  std::vector<problem> problems;  // where: "TEXT:L:C" or "OVERLAY /json/path"

  std::string at_text(std::size_t offset) const {
    const auto p = position_of(text, offset);
    return opt.text_origin + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
  }
  void text_problem(std::size_t offset, std::string msg) { problems.push_back({at_text(offset), std::move(msg)}); }
  void overlay_problem(std::string path, std::string msg) { problems.push_back({std::move(path), std::move(msg)}); }

  // The n-th occurrence of `needle` within [lo, hi); nullopt (with a problem) when missing or ambiguous.
  std::optional<std::size_t> locate(const std::string& needle, std::size_t lo, std::size_t hi,
                                    std::optional<std::size_t> occurrence, const std::string& path,
                                    const std::string& within) {
    if (needle.empty()) {
      overlay_problem(path, "quote is empty; expected text as printed in the source");
      return std::nullopt;
    }
    std::vector<std::size_t> hits;
    for (auto i = text.find(needle, lo); i != std::string_view::npos && i + needle.size() <= hi;
         i = text.find(needle, i + 1))
      hits.push_back(i);
    if (hits.empty()) {
      overlay_problem(path, "\"" + needle + "\" is not printed " + within + "; expected a verbatim quote");
      return std::nullopt;
    }
    if (occurrence) {
      if (*occurrence >= hits.size()) {
        overlay_problem(path, "occurrence " + std::to_string(*occurrence) + " of \"" + needle + "\" does not exist (" +
                                  std::to_string(hits.size()) + " printed " + within + ")");
        return std::nullopt;
      }
      return hits[*occurrence];
    }
    if (hits.size() > 1) {
      overlay_problem(path, "\"" + needle + "\" is printed " + std::to_string(hits.size()) + " times " + within +
                                "; add \"occurrence\" (0-based) to say which");
      return std::nullopt;
    }
    return hits.front();
  }
};

std::optional<std::size_t> occurrence_of(const ordered& j) {
  if (j.contains("occurrence") && j["occurrence"].is_number_unsigned()) return j["occurrence"].get<std::size_t>();
  return std::nullopt;
}

std::string str(const ordered& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// The keys an overlay may carry at each level; anything else is a typo the author should hear about.
const std::set<std::string> top_keys = {"qgov_overlay", "id", "source_path", "convention", "document",
                                        "units", "goals", "findings"};
const std::set<std::string> finding_keys = {"why", "text", "decision", "reason", "goal"};
const std::set<std::string> decisions = {"not_a_target", "kept_as_goal", "none_in_text", "accepted"};

}  // namespace

std::string author_plan(std::string_view text, std::string_view overlay_json, const author_options& opt) {
  builder b{text, opt, {}};
  ordered ov;
  try {
    ov = ordered::parse(overlay_json);
  } catch (const nlohmann::json::parse_error& e) {
    throw load_error(opt.overlay_origin, {{"byte " + std::to_string(e.byte), "invalid JSON: " + std::string(e.what())}});
  }
  if (!ov.is_object()) throw load_error(opt.overlay_origin, {{"", "expected a JSON object (an overlay)"}});
  for (const auto& [k, v] : ov.items())
    if (!top_keys.count(k)) b.overlay_problem("/" + k, "unknown field; expected one of qgov_overlay, id, source_path, convention, document, units, goals, findings");
  for (const char* k : {"id", "source_path"})
    if (str(ov, k).empty()) b.overlay_problem(std::string("/") + k, "missing or empty; expected a string");
  if (!ov.contains("units") || !ov["units"].is_array()) b.overlay_problem("/units", "missing; expected an array");
  if (!ov.contains("goals") || !ov["goals"].is_array()) b.overlay_problem("/goals", "missing; expected an array");
  if (!b.problems.empty()) throw load_error(opt.overlay_origin, std::move(b.problems));

  const plan_draft d = extract(text, {.plan_id = "draft", .source_path = opt.text_origin});
  const auto& dd = d.data;

  // --- the document header: the overlay's text where it gives one, else the draft's ----------------------
  ordered doc;
  const ordered od = ov.contains("document") && ov["document"].is_object() ? ov["document"] : ordered::object();
  auto header_field = [&](const char* key, const spanned_text& drafted) {
    if (od.contains(key) && od[key].is_object() && od[key].contains("text")) {
      const auto t = str(od[key], "text");
      if (auto at = b.locate(t, 0, text.size(), occurrence_of(od[key]), std::string("/document/") + key + "/text",
                             "in the text")) {
        doc[key] = {{"text", t}, {"span", span_json({*at, *at + t.size()})}};
      }
    } else if (!drafted.text.empty()) {
      doc[key] = spanned_json(drafted);
    } else if (std::string_view(key) != "disclosure" && std::string_view(key) != "number") {
      b.overlay_problem(std::string("/document/") + key,
                        "the extractor found no document " + std::string(key) + "; give {\"text\": …} as printed");
    }
  };
  header_field("number", dd.document.number);
  header_field("issuer", dd.document.issuer);
  header_field("issued_on_text", dd.document.issued_on_text);
  header_field("disclosure", dd.document.disclosure);
  header_field("title", dd.document.title);
  if (od.contains("notice_title") && od["notice_title"].contains("first_line")) {
    // printed over several lines: the span covers them, the text has the breaks and spaces removed
    const auto& nt = od["notice_title"];
    const auto first = str(nt, "first_line"), last = str(nt, "last_line");
    if (auto a = b.locate(first, 0, text.size(), std::nullopt, "/document/notice_title/first_line", "in the text")) {
      if (auto z = b.locate(last, *a, text.size(), std::size_t{0}, "/document/notice_title/last_line",
                            "after its first line")) {
        std::string joined;
        for (char c : text.substr(*a, *z + last.size() - *a))
          if (c != '\n' && c != ' ' && c != '\t' && c != '\r') joined += c;
        doc["notice_title"] = {{"text", joined}, {"span", span_json({*a, *z + last.size()})}};
      }
    }
  } else if (!dd.document.notice_title.text.empty()) {
    doc["notice_title"] = spanned_json(dd.document.notice_title);
  }
  if (od.contains("issued_on")) doc["issued_on"] = od["issued_on"];
  else if (!dd.document.issued_on.is_special()) doc["issued_on"] = to_iso(dd.document.issued_on);
  else b.overlay_problem("/document/issued_on", "the extractor found no issue date; give it as YYYY-MM-DD");
  if (od.contains("title_en")) doc["title_en"] = od["title_en"];

  // --- units: every printed name needs an overlay entry ------------------------------------------------
  std::map<std::string, std::string> id_of_name;
  if (str(od, "title_en").empty())
    b.overlay_problem("/document/title_en", "missing or empty; expected the plan's title in English");
  for (std::size_t k = 0; k < ov["units"].size(); ++k) {
    const auto& u = ov["units"][k];
    const auto name = str(u, "name");
    if (str(u, "name_en").empty())
      b.overlay_problem("/units/" + std::to_string(k) + "/name_en", "missing or empty; expected the unit's English name");
    if (name.empty()) b.overlay_problem("/units/" + std::to_string(k) + "/name", "missing; expected the name as printed");
    else id_of_name[name] = str(u, "id");
  }
  std::map<std::string, std::string> draft_unit_name;  // draft id → printed name
  for (const auto& u : dd.units) draft_unit_name[u.id.str()] = u.name;
  std::set<std::string> reported_units;
  ordered lists = ordered::array();
  const auto convention = ov.contains("convention") ? parse_role_convention(str(ov, "convention")) : dd.convention;
  if (!convention) b.overlay_problem("/convention", "expected first_listed_leads or explicit_roles");
  for (const auto& l : dd.responsibility) {
    ordered cells = ordered::array();
    for (std::size_t k = 0; k < l.cells.size(); ++k) {
      const auto& c = l.cells[k];
      const auto& name = draft_unit_name[c.unit.str()];
      const auto it = id_of_name.find(name);
      if (it == id_of_name.end()) {
        if (reported_units.insert(name).second)
          b.text_problem(c.span.begin, "unit \"" + name + "\" has no entry under the overlay's /units; expected {\"id\", \"name\": \"" + name + "\", \"name_en\", \"kind\"}");
        continue;
      }
      ordered cell{{"unit", it->second}};
      const bool implied = convention && *convention == role_convention::first_listed_leads &&
                           role_by_convention(*convention, k, c.unit_role) == c.unit_role;
      if (!implied) cell["role"] = std::string(to_string(c.unit_role));
      cell["span"] = span_json(c.span);
      cells.push_back(cell);
    }
    lists.push_back({{"clause", l.clause.value}, {"span", span_json(l.span)}, {"cells", cells}});
  }

  // --- goals: located in their clause or column; each draft target kept or rejected ---------------------
  auto block = [&](const ordered& src, const std::string& path) -> std::optional<source_span> {
    const auto kind = str(src, "kind");
    const int number = src.contains("number") && src["number"].is_number_integer() ? src["number"].get<int>() : -1;
    if (kind == "clause")
      for (const auto& c : dd.clauses)
        if (c.number.value == number) return c.span;
    if (kind == "column")
      for (const auto& c : dd.columns)
        if (c.number.value == number) return c.span;
    b.overlay_problem(path, "no " + (kind.empty() ? std::string("clause or column") : kind) + " " +
                                std::to_string(number) + " in the text; expected {\"kind\": \"clause\"|\"column\", \"number\"}");
    return std::nullopt;
  };
  std::set<std::pair<std::size_t, std::size_t>> kept;  // spans of overlay goals and restatements
  ordered goals = ordered::array();
  std::set<std::string> goal_ids;
  for (std::size_t k = 0; k < ov["goals"].size(); ++k) {
    const auto& g = ov["goals"][k];
    const std::string path = "/goals/" + std::to_string(k);
    goal_ids.insert(str(g, "id"));
    if (str(g, "name_en").empty()) b.overlay_problem(path + "/name_en", "missing or empty; expected the goal's English name");
    const auto quote = str(g, "quote");
    std::optional<std::size_t> at;
    if (g.contains("source"))
      if (auto blk = block(g["source"], path + "/source"))
        at = b.locate(quote, blk->begin, blk->end, occurrence_of(g), path + "/quote",
                      "in " + str(g["source"], "kind") + " " + g["source"]["number"].dump());
    ordered out;
    for (const auto& [key, v] : g.items())
      if (key != "occurrence" && key != "restatements" && key != "override") out[key] = v;
    source_span sp{at.value_or(0), at.value_or(0) + quote.size()};
    out["span"] = span_json(sp);
    if (at) {
      kept.insert({sp.begin, sp.end});
      // The extractor's reading of the same quote must agree unless the overlay says why it does not.
      for (const auto& x : dd.goals) {
        if (x.span != sp || !x.target) continue;
        const bool same = g.contains("comparator") && str(g, "comparator") == to_string(x.target->comparator) &&
                          g.contains("value") && g["value"].is_number() && g["value"].get<double>() == x.target->value &&
                          str(g, "unit") == x.target->unit;
        if (!same && str(g, "override").empty())
          b.overlay_problem(path, "the text reads " + std::string(to_string(x.target->comparator)) + " " +
                                      ordered(x.target->value).dump() + " " + x.target->unit + " here; give the same or an \"override\" saying why");
      }
    }
    if (g.contains("restatements") && g["restatements"].is_array()) {
      ordered rs = ordered::array();
      for (std::size_t r = 0; r < g["restatements"].size(); ++r) {
        const auto& re = g["restatements"][r];
        const std::string rp = path + "/restatements/" + std::to_string(r);
        const auto rq = str(re, "quote");
        std::optional<std::size_t> ra;
        if (re.contains("source"))
          if (auto blk = block(re["source"], rp + "/source"))
            ra = b.locate(rq, blk->begin, blk->end, occurrence_of(re), rp + "/quote",
                          "in " + str(re["source"], "kind") + " " + re["source"]["number"].dump());
        if (ra) kept.insert({*ra, *ra + rq.size()});
        rs.push_back({{"quote", rq}, {"span", span_json({ra.value_or(0), ra.value_or(0) + rq.size()})},
                      {"source", re.value("source", ordered::object())}});
      }
      out["restatements"] = rs;
    }
    goals.push_back(out);
  }

  // --- findings: every one answered, every answer matching one ------------------------------------------
  std::vector<ordered> answers;
  if (ov.contains("findings") && ov["findings"].is_array())
    for (const auto& f : ov["findings"]) answers.push_back(f);
  std::vector<bool> used(answers.size(), false);
  auto answer_for = [&](const std::string& why, const std::string& t) -> const ordered* {
    for (std::size_t k = 0; k < answers.size(); ++k)
      if (str(answers[k], "why") == why && str(answers[k], "text") == t) {
        used[k] = true;
        return &answers[k];
      }
    return nullptr;
  };
  auto check_answer = [&](const ordered& a, std::size_t k) {
    const std::string path = "/findings/" + std::to_string(k);
    for (const auto& [key, v] : a.items())
      if (!finding_keys.count(key)) b.overlay_problem(path + "/" + key, "unknown field; expected why, text, decision, reason, goal");
    const auto dec = str(a, "decision");
    if (!decisions.count(dec))
      b.overlay_problem(path + "/decision", "\"" + dec + "\" is not a decision; expected not_a_target, kept_as_goal, none_in_text or accepted");
    if (str(a, "reason").empty()) b.overlay_problem(path + "/reason", "missing; expected the reviewer's reason");
    if (dec == "kept_as_goal" && !goal_ids.count(str(a, "goal")))
      b.overlay_problem(path + "/goal", "kept_as_goal names no goal of /goals; expected a goal id");
  };
  const std::string target_why = "a target the extractor read that the overlay does not keep as a goal";
  for (const auto& x : dd.goals) {
    // kept when a goal's or restatement's quote covers the draft's (到2025年，全区实施… covers 全区实施…) or lies in it
    const bool covered = std::any_of(kept.begin(), kept.end(), [&](const auto& k) {
      return (k.first <= x.span.begin && x.span.end <= k.second) || (x.span.begin <= k.first && k.second <= x.span.end);
    });
    if (covered) continue;
    if (answer_for(target_why, x.quote)) continue;
    b.text_problem(x.span.begin, "the extractor reads a target here that the overlay neither keeps nor rejects: \"" +
                                     x.quote + "\"; keep it under /goals, or add {\"why\": \"" + target_why +
                                     "\", \"text\": \"" + x.quote + "\", \"decision\": \"not_a_target\", \"reason\": …} to /findings");
  }
  for (const auto& f : d.unclassified) {
    if (answer_for(f.why, f.text)) continue;
    b.text_problem(f.span.begin, "finding not answered by the overlay: " + f.why + (f.text.empty() ? "" : ": \"" + f.text + "\"") +
                                     "; add {\"why\", \"text\", \"decision\", \"reason\"} to /findings");
  }
  for (std::size_t k = 0; k < answers.size(); ++k) {
    check_answer(answers[k], k);
    if (!used[k])
      b.overlay_problem("/findings/" + std::to_string(k), "answers no finding of this text (\"" + str(answers[k], "why") +
                                                              "\": \"" + str(answers[k], "text") + "\"); remove it");
  }
  if (!b.problems.empty()) throw load_error(opt.overlay_origin, std::move(b.problems));

  // --- the plan file --------------------------------------------------------------------------------
  ordered j;
  j["qgov_plan"] = 1;
  j["id"] = ov["id"];
  j["source"] = {{"path", ov["source_path"]}, {"sha256", sha256_hex(text)}};
  j["document"] = doc;
  j["sections"] = ordered::array();
  for (const auto& s : dd.sections)
    j["sections"].push_back({{"number", s.number.value}, {"title", spanned_json(s.title)}, {"span", span_json(s.span)}});
  j["clauses"] = ordered::array();
  for (const auto& c : dd.clauses)
    j["clauses"].push_back({{"number", c.number.value}, {"section", c.section.value}, {"title", spanned_json(c.title)},
                            {"span", span_json(c.span)}});
  j["columns"] = ordered::array();
  for (const auto& c : dd.columns) {
    ordered items = ordered::array();
    for (const auto& it : c.items) items.push_back({{"title", spanned_json(it.title)}, {"span", span_json(it.span)}});
    j["columns"].push_back({{"number", c.number.value}, {"section", c.section.value}, {"title", spanned_json(c.title)},
                            {"span", span_json(c.span)}, {"items", items}});
  }
  j["units"] = ov["units"];
  j["responsibility"] = {{"convention", std::string(to_string(*convention))}, {"lists", lists}};
  j["goals"] = goals;
  std::string out = collapse_spans(j.dump(1)) + "\n";
  // The loader has the last word: spans, quotes, links, dates.
  (void)parse_plan(out, std::string(text), opt.overlay_origin + " (authored)");
  return out;
}

std::string overlay_skeleton(const plan_draft& draft, std::string_view id, std::string_view source_path) {
  const auto& d = draft.data;
  ordered j;
  j["qgov_overlay"] = 1;
  j["id"] = std::string(id);
  j["source_path"] = std::string(source_path);
  j["convention"] = std::string(to_string(d.convention));
  j["document"] = {{"title_en", ""}};
  if (d.document.issued_on.is_special()) j["document"]["issued_on"] = "";
  j["units"] = ordered::array();
  std::set<std::string> ids;
  for (const auto& u : d.units) {
    const auto known = lookup_bureau(u.name);
    std::string unit_key = known ? known->id : u.id.str();
    for (int n = 2; !ids.insert(unit_key).second; ++n) unit_key = (known ? known->id : u.id.str()) + "_" + std::to_string(n);
    j["units"].push_back({{"id", unit_key},
                          {"name", u.name},
                          {"name_en", known ? known->name_en : std::string()},
                          {"kind", std::string(to_string(known ? known->kind : u.kind))}});
  }
  j["goals"] = ordered::array();
  for (const auto& g : d.goals) {
    ordered o;
    o["id"] = g.id.str();
    o["indicator"] = g.indicator;
    o["name_en"] = "";
    o["kind"] = std::string(to_string(g.kind));
    if (g.target) {
      o["comparator"] = std::string(to_string(g.target->comparator));
      const double v = g.target->value;
      if (v == static_cast<double>(static_cast<long long>(v))) o["value"] = static_cast<long long>(v);
      else o["value"] = v;
      o["unit"] = g.target->unit;
      o["stated"] = g.target->stated;
    }
    o["deadline"] = g.deadline.is_special() ? ordered(nullptr) : ordered(to_iso(g.deadline));
    o["deadline_basis"] = std::string(to_string(g.deadline_from));
    o["horizon"] = g.horizon;
    o["quote"] = g.quote;
    o["source"] = {{"kind", std::string(to_string(g.source.kind))}, {"number", g.source.number}};
    ordered cs = ordered::array();
    for (const auto& c : g.clauses) cs.push_back({{"number", c.clause.value}, {"link", std::string(to_string(c.link))}});
    o["clauses"] = cs;
    j["goals"].push_back(o);
  }
  j["findings"] = ordered::array();
  for (const auto& f : draft.unclassified)
    j["findings"].push_back({{"why", f.why}, {"text", f.text}, {"decision", ""}, {"reason", ""}});
  return j.dump(2) + "\n";
}

}  // namespace qgov
