// The publication record of a draw (JSON, Markdown) and classification listings (text, JSON, CSV).
#include <qgov/supervision/publication.hpp>

#include <nlohmann/json.hpp>

#include <qgov/core/chinese_numeral.hpp>
#include <qgov/core/error.hpp>
#include <qgov/plans/dongli_2024.hpp>

#include <qgov/render/text_width.hpp>
#include <qgov/io/csv.hpp>

namespace qgov::inline QGOV_ABI::supervision {
namespace {

using ordered = nlohmann::ordered_json;

std::string ratio_text(const stratum_rule& r) {
  return std::to_string(r.ratio_numerator) + "/" + std::to_string(r.ratio_denominator);
}

// The ratio as a percentage with up to two decimals, exactly from the fraction: 21/100 → "21%", 1/3 → "33.33%".
std::string percent_text(const stratum_rule& r) {
  const std::uint64_t hundredths = (std::uint64_t{r.ratio_numerator} * 10000 + r.ratio_denominator / 2) / r.ratio_denominator;
  std::string s = std::to_string(hundredths / 100);
  if (hundredths % 100) {
    s += "." + std::to_string(hundredths % 100 / 10);
    if (hundredths % 10) s += std::to_string(hundredths % 10);
  }
  return s + "%";
}

std::string md_cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

std::string inspector_text(const drawn_inspector& p, inspector_disclosure d) {
  switch (d) {
    case inspector_disclosure::none: return "";
    case inspector_disclosure::id: return p.id.str();
    case inspector_disclosure::name: return p.name;
    case inspector_disclosure::id_and_name: return p.id.str() + " " + p.name;
  }
  return "";
}

const clause_reference& clause_of(const publication_options& o, std::optional<clause_reference>& storage) {
  if (o.clause) return *o.clause;
  storage = dongli_clause_27();
  return *storage;
}

// The result for each drawn object, by order; a result for an object that was not drawn is an error.
std::vector<const inspection_result*> results_by_object(const draw_record& r, const publication_options& o) {
  std::vector<const inspection_result*> out(r.objects.size(), nullptr);
  for (const auto& x : o.results) {
    bool found = false;
    for (std::size_t i = 0; i < r.objects.size(); ++i)
      if (r.objects[i].id == x.id) {
        if (out[i]) throw error("two results for \"" + x.id.str() + "\" (" + out[i]->origin + ", " + x.origin + ")");
        out[i] = &x;
        found = true;
      }
    if (!found)
      throw error("a result for \"" + x.id.str() + "\"" + (x.origin.empty() ? "" : " (" + x.origin + ")") +
                  ", which was not drawn in this draw");
    if (x.inspected_on && *x.inspected_on < r.drawn_on)
      throw error("the result for \"" + x.id.str() + "\"" + (x.origin.empty() ? "" : " (" + x.origin + ")") +
                  " is dated " + to_iso(*x.inspected_on) + ", before the draw (" + to_iso(r.drawn_on) + ")");
  }
  return out;
}

}  // namespace

clause_reference dongli_clause_27() {
  const plan& p = plans::dongli_2024();
  const clause* c = p.find_clause(clause_number{27});
  if (!c) throw error("the embedded plan has no clause 27");
  clause_reference r{p.id().str(), p.document().number.text, 27, c->title.text, c->span, {}};
  const std::string_view text = p.source_text().substr(c->span.begin, c->span.size());
  const std::string_view stop = "。";
  const std::size_t from = c->title.span.end - c->span.begin + stop.size();  // after the title's 。
  const std::size_t to = text.find(stop, from);
  if (from <= text.size() && to != std::string_view::npos) r.excerpt = std::string(text.substr(from, to + stop.size() - from));
  return r;
}

std::string draw_to_json(const draw_record& r, const publication_options& opts) {
  const auto results = results_by_object(r, opts);
  std::optional<clause_reference> storage;
  const clause_reference& cl = clause_of(opts, storage);
  ordered j;
  j["format"] = "qgov-draw-record/1";
  j["basis"] = {{"plan", cl.plan},
                {"document", cl.document},
                {"clause", cl.clause},
                {"title", cl.title},
                {"source_span", {cl.span.begin, cl.span.end}},
                {"excerpt", cl.excerpt},
                {"rules",
                 {"国办发〔2015〕58号 (双随机抽查机制)", "津政规〔2025〕1号 第三条 (抽查事项、抽查计划和检查结果向社会公开)",
                  "津市场监管信监〔2025〕9号 (每个季度的前五个工作日内抽取)"}}};
  j["matter"] = r.parameters.matter;
  j["quarter"] = r.quarter.str();
  j["drawn_on"] = to_iso(r.drawn_on);
  ordered window = ordered::array();
  for (const auto& d : r.timing.window_days) window.push_back(to_iso(d));
  j["timing"] = {{"rule", "first " + std::to_string(r.timing.window) + " working days of the quarter"},
                 {"policy", to_string(r.parameters.timing)},
                 {"window", window},
                 {"within", r.timing.within},
                 {"calendar", r.calendar_origin.empty() ? "weekends only" : r.calendar_origin},
                 {"calendar_covers_year", r.timing.calendar_covers_year},
                 {"zh", r.timing.zh},
                 {"en", r.timing.en}};
  j["generator"] = {{"name", r.generator}, {"description", r.description}, {"seed", std::to_string(r.seed)}};
  ordered inputs = ordered::array();
  for (const auto& i : r.inputs) inputs.push_back({{"role", i.role}, {"file", i.file}, {"sha256", i.sha256}});
  j["inputs"] = inputs;
  ordered strata = ordered::array();
  for (std::size_t i = 0; i < r.strata.size(); ++i) {
    const auto& s = r.strata[i];
    const auto& rule = r.parameters.strata[i];
    const auto& l = r.scheme.label(s.level);
    strata.push_back({{"class", l.code},
                      {"class_zh", l.zh},
                      {"class_en", l.en},
                      {"ratio", ratio_text(rule)},
                      {"ratio_percent", percent_text(rule)},
                      {"frequency_cap_days", rule.frequency_cap_days},
                      {"population", s.population},
                      {"excluded_by_frequency_cap", s.excluded},
                      {"eligible", s.eligible},
                      {"target", s.target},
                      {"drawn", s.drawn}});
  }
  j["plan"] = {{"scheme", r.scheme.id},
               {"scheme_source", r.scheme.name},
               {"inspectors_per_object", r.parameters.inspectors_per_object},
               {"ratio_base", to_string(r.parameters.base)},
               {"rounding", "ceiling"},
               {"required_qualification", r.parameters.required_qualification},
               {"roster_size", r.roster_size},
               {"inspectors_published", to_string(opts.inspectors)},
               {"strata", strata}};
  ordered objects = ordered::array();
  for (const auto& o : r.objects) {
    ordered x;
    x["order"] = o.order;
    x["enterprise_id"] = o.id.str();
    x["enterprise"] = o.name;
    if (opts.show_class) x["class"] = r.scheme.label(o.stratum).code;
    if (opts.inspectors != inspector_disclosure::none) {
      ordered ins = ordered::array();
      for (const auto& p : o.inspectors) {
        if (opts.inspectors == inspector_disclosure::id) ins.push_back(p.id.str());
        else if (opts.inspectors == inspector_disclosure::name) ins.push_back(p.name);
        else ins.push_back({{"id", p.id.str()}, {"name", p.name}});
      }
      x["inspectors"] = ins;
    } else {
      x["inspector_count"] = o.inspectors.size();
    }
    if (const auto* res = results[static_cast<std::size_t>(&o - r.objects.data())]) {
      ordered y;
      y["outcome"] = res->outcome;
      y["inspected_on"] = res->inspected_on ? ordered(to_iso(*res->inspected_on)) : ordered(nullptr);
      if (!res->note.empty()) y["note"] = res->note;
      x["result"] = std::move(y);
    } else {
      x["result"] = nullptr;
    }
    objects.push_back(std::move(x));
  }
  j["draws"] = objects;
  if (opts.show_excluded) {
    ordered ex = ordered::array();
    for (const auto& e : r.excluded) {
      ordered x;
      x["enterprise_id"] = e.id.str();
      if (opts.show_class) x["class"] = r.scheme.label(e.stratum).code;
      x["last_inspected_on"] = to_iso(e.last_inspected_on);
      x["days_since"] = e.days_since;
      ex.push_back(std::move(x));
    }
    j["excluded_by_frequency_cap"] = ex;
  }
  return j.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n";
}

std::string draw_to_markdown(const draw_record& r, const publication_options& opts) {
  const auto results = results_by_object(r, opts);
  std::optional<clause_reference> storage;
  const clause_reference& cl = clause_of(opts, storage);
  std::string s;
  s += "# 双随机抽查结果公示 / Random inspection draw, " + r.quarter.str() + "\n\n";
  if (!r.parameters.matter.empty()) s += "- 抽查事项 / Matter: " + md_cell(r.parameters.matter) + "\n";
  s += "- 依据 / Basis: " + cl.document + " （" + chinese_numeral(cl.clause) + "）" + cl.title + " — " + cl.excerpt +
       " (plan " + cl.plan + ", clause " + std::to_string(cl.clause) + ", source bytes [" +
       std::to_string(cl.span.begin) + ", " + std::to_string(cl.span.end) + "))\n";
  s += "- 抽取日期 / Drawn on: " + to_iso(r.drawn_on) + " — " + r.timing.zh + " / " + r.timing.en + "\n";
  s += "- 工作日历 / Calendar: " + (r.calendar_origin.empty() ? std::string("weekends only") : r.calendar_origin) + "\n";
  s += "- 随机数生成 / Generator: `" + r.generator + "`, seed `" + std::to_string(r.seed) + "` — " + r.description + "\n";
  s += "- 每个对象检查人员 / Inspectors per object: " + std::to_string(r.parameters.inspectors_per_object) +
       " (roster of " + std::to_string(r.roster_size) + "; published: " + std::string(to_string(opts.inspectors)) + ")\n\n";
  s += "## 输入文件 / Inputs\n\n| role | file | SHA-256 |\n|---|---|---|\n";
  for (const auto& i : r.inputs) s += "| " + i.role + " | " + md_cell(i.file) + " | `" + i.sha256 + "` |\n";
  s += "\n## 抽查计划 / Plan (scheme " + r.scheme.id + ", ratio of the " + std::string(to_string(r.parameters.base)) +
       ", rounded up)\n\n| 类别 class | 比例 ratio | 频次间隔 cap (days) | 总数 population | 排除 excluded | 可抽 eligible | "
       "应抽 target | 抽中 drawn |\n|---|---|---|---|---|---|---|---|\n";
  for (std::size_t i = 0; i < r.strata.size(); ++i) {
    const auto& st = r.strata[i];
    const auto& rule = r.parameters.strata[i];
    s += "| " + r.scheme.label(st.level).zh + " | " + percent_text(rule) + " | " + std::to_string(rule.frequency_cap_days) +
         " | " + std::to_string(st.population) + " | " + std::to_string(st.excluded) + " | " +
         std::to_string(st.eligible) + " | " + std::to_string(st.target) + " | " + std::to_string(st.drawn) + " |\n";
  }
  s += "\n## 抽取结果 / Draws\n\n| # | 企业 enterprise | id |";
  if (opts.show_class) s += " 类别 class |";
  if (opts.inspectors != inspector_disclosure::none) s += " 检查人员 inspectors |";
  s += " 检查结果 result |\n|---|---|---|";
  if (opts.show_class) s += "---|";
  if (opts.inspectors != inspector_disclosure::none) s += "---|";
  s += "---|\n";
  for (const auto& o : r.objects) {
    s += "| " + std::to_string(o.order) + " | " + md_cell(o.name) + " | " + md_cell(o.id.str()) + " |";
    if (opts.show_class) s += " " + r.scheme.label(o.stratum).code + " |";
    if (opts.inspectors != inspector_disclosure::none) {
      std::string ins;
      for (const auto& p : o.inspectors) ins += (ins.empty() ? "" : ", ") + inspector_text(p, opts.inspectors);
      s += " " + md_cell(ins) + " |";
    }
    if (const auto* res = results[static_cast<std::size_t>(&o - r.objects.data())])
      s += " " + md_cell(res->outcome) + (res->inspected_on ? " (" + to_iso(*res->inspected_on) + ")" : "") +
           (res->note.empty() ? "" : "; " + md_cell(res->note)) + " |\n";
    else
      s += " 待检查 pending |\n";
  }
  if (r.objects.empty()) s += "\n(no object drawn)\n";
  if (opts.show_excluded && !r.excluded.empty()) {
    s += "\n## 因频次限制排除 / Excluded by the frequency cap\n\n";
    for (const auto& e : r.excluded)
      s += "- " + md_cell(e.id.str()) + (opts.show_class ? " (" + r.scheme.label(e.stratum).code + ")" : "") +
           ": inspected " + to_iso(e.last_inspected_on) + ", " + std::to_string(e.days_since) + " days before\n";
  }
  return s;
}

std::string classifications_to_text(const std::vector<enterprise>& es, const credit_scheme& sch) {
  std::string s = "Credit-risk classes under " + sch.id + " (" + sch.name + ")\n\n";
  std::array<std::size_t, 4> counts{};
  for (const auto& e : es) {
    const auto c = classify(e, sch);
    ++counts[static_cast<std::size_t>(c.level)];
    s += pad_display(e.id.str(), 22) + pad_display(sch.label(c.level).code, 10) + e.name + "\n";
    for (const auto& x : c.reasons)
      s += std::string(x.decisive ? "    * " : "      ") + x.zh + "\n" + std::string(8, ' ') + x.en + "\n";
  }
  s += "\n";
  for (std::size_t i = 0; i < 4; ++i)
    s += sch.labels[i].code + " " + std::to_string(counts[i]) + (i < 3 ? ", " : "");
  s += " (" + std::to_string(es.size()) + " enterprises; * decisive reason)\n";
  return s;
}

std::string classifications_to_json(const std::vector<enterprise>& es, const credit_scheme& sch) {
  ordered list = ordered::array();
  for (const auto& e : es) {
    const auto c = classify(e, sch);
    ordered reasons = ordered::array();
    for (const auto& x : c.reasons)
      reasons.push_back({{"trigger", to_string(x.kind)},
                         {"reaches", sch.label(x.reaches).code},
                         {"figure", x.figure},
                         {"threshold", x.threshold},
                         {"decisive", x.decisive},
                         {"zh", x.zh},
                         {"en", x.en}});
    list.push_back({{"id", e.id.str()},
                    {"name", e.name},
                    {"class", sch.label(c.level).code},
                    {"level", to_string(c.level)},
                    {"reasons", reasons}});
  }
  ordered j;
  j["format"] = "qgov-classification/1";
  j["scheme"] = sch.id;
  j["scheme_source"] = sch.name;
  j["limits_inclusive"] = sch.thresholds.limits_inclusive;
  j["count_warnings"] = sch.thresholds.count_warnings;
  j["enterprises"] = list;
  return j.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n";
}

std::string classifications_to_csv(const std::vector<enterprise>& es, const credit_scheme& sch) {
  std::string s = "id,name,class,level,triggers,reason_zh,reason_en\n";
  for (const auto& e : es) {
    const auto c = classify(e, sch);
    std::string triggers, zh, en;
    for (const auto& x : c.reasons) {
      if (!x.decisive) continue;
      triggers += (triggers.empty() ? "" : ";") + std::string(to_string(x.kind));
      zh += (zh.empty() ? "" : "；") + x.zh;
      en += (en.empty() ? "" : "; ") + x.en;
    }
    s += csv_field(e.id.str()) + "," + csv_field(e.name) + "," + csv_field(sch.label(c.level).code) + "," +
         std::string(to_string(c.level)) + "," + triggers + "," + csv_field(zh) + "," + csv_field(en) + "\n";
  }
  return s;
}

}  // namespace qgov::supervision
