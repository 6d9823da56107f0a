// The indicator vocabulary: reading it (every problem at its JSON path) and matching goals to indicators.
#include <qgov/lineage/indicators.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "detail/json_input.hpp"

namespace qgov::inline QGOV_ABI {

const indicator* indicator_vocabulary::find(std::string_view id) const noexcept {
  for (const auto& i : indicators_)
    if (i.id == id) return &i;
  return nullptr;
}

const indicator* indicator_vocabulary::match(const goal& g) const noexcept {
  for (const auto& i : indicators_)
    for (const auto& a : i.aliases)
      if (a.text == g.indicator) return &i;
  const indicator* found = nullptr;
  for (const auto& i : indicators_) {
    bool inside = false;
    for (const auto& a : i.aliases) inside = inside || (!a.text.empty() && g.quote.find(a.text) != std::string::npos);
    if (!inside) continue;
    if (found) return nullptr;  // two fit: ambiguous, the goal's indicator words must decide
    found = &i;
  }
  return found;
}

namespace {

using json = nlohmann::json;

struct reader {
  std::vector<problem>& out;
  void add(std::string at, std::string m) { out.push_back({std::move(at), std::move(m)}); }

  bool object(const json& j, const std::string& at, std::initializer_list<const char*> allowed) {
    if (!j.is_object()) {
      add(at, "expected an object, got " + detail::type_name(j));
      return false;
    }
    for (const auto& [k, v] : j.items()) {
      bool known = false;
      std::string list;
      for (const char* a : allowed) {
        known = known || k == a;
        list += std::string(list.empty() ? "" : ", ") + a;
      }
      if (!known) add(at + "/" + k, "unknown field \"" + k + "\"; expected one of: " + list);
    }
    return true;
  }

  std::string string(const json& j, const char* key, const std::string& at, bool required) {
    auto it = j.find(key);
    if (it == j.end()) {
      if (required) add(at + "/" + key, "missing required field \"" + std::string(key) + "\"");
      return {};
    }
    if (!it->is_string() || it->get<std::string>().empty()) {
      add(at + "/" + key, "expected a non-empty string, got " + detail::type_name(*it));
      return {};
    }
    return it->get<std::string>();
  }
};

}  // namespace

indicator_vocabulary parse_indicator_vocabulary(std::string_view text, const std::string& origin) {
  std::vector<problem> problems;
  auto parsed = detail::parse_json_checked(text, problems, 16, "an indicator vocabulary");
  if (!parsed) throw load_error(origin, std::move(problems));
  const json& root = *parsed;
  reader r{problems};
  std::vector<indicator> out;
  if (r.object(root, "", {"qgov_indicators", "indicators"})) {
    if (!root.contains("qgov_indicators") || root["qgov_indicators"] != 1)
      r.add("/qgov_indicators", "expected the format version 1");
    const json* list = root.contains("indicators") ? &root["indicators"] : nullptr;
    if (!list || !list->is_array()) r.add("/indicators", "expected an array of indicators");
    std::map<std::string, std::string> id_at, alias_at;  // first place each id / alias wording was seen
    for (std::size_t i = 0; list && list->is_array() && i < list->size(); ++i) {
      const std::string at = "/indicators/" + std::to_string(i);
      const json& j = (*list)[i];
      indicator ind;
      if (!r.object(j, at, {"id", "name", "name_en", "unit", "better", "aliases"})) continue;
      ind.id = r.string(j, "id", at, true);
      ind.name = r.string(j, "name", at, true);
      ind.name_en = r.string(j, "name_en", at, false);
      if (j.contains("unit")) {
        if (j["unit"].is_string()) ind.unit = j["unit"].get<std::string>();
        else r.add(at + "/unit", "expected a string, got " + detail::type_name(j["unit"]));
      }
      const std::string better = r.string(j, "better", at, true);
      if (const auto b = value_in(better_direction_names, better)) ind.better = *b;
      else if (!better.empty())
        r.add(at + "/better", "unknown value \"" + better + "\"; expected one of: higher, lower");
      if (!ind.id.empty() && !id_at.emplace(ind.id, at).second)
        r.add(at + "/id", "duplicate indicator id \"" + ind.id + "\" (first at " + id_at[ind.id] + ")");
      const json* aliases = j.contains("aliases") ? &j["aliases"] : nullptr;
      if (!aliases || !aliases->is_array() || aliases->empty())
        r.add(at + "/aliases", "expected a non-empty array of aliases, each with its source");
      for (std::size_t k = 0; aliases && aliases->is_array() && k < aliases->size(); ++k) {
        const std::string aat = at + "/aliases/" + std::to_string(k);
        if (!r.object((*aliases)[k], aat, {"text", "source", "note"})) continue;
        indicator_alias a{r.string((*aliases)[k], "text", aat, true), r.string((*aliases)[k], "source", aat, true),
                          r.string((*aliases)[k], "note", aat, false)};
        if (!a.text.empty()) {
          auto [it, fresh] = alias_at.emplace(a.text, ind.id);
          if (!fresh && it->second != ind.id)
            r.add(aat + "/text", "the wording \"" + a.text + "\" is already an alias of \"" + it->second + "\"; one wording, one indicator");
        }
        ind.aliases.push_back(std::move(a));
      }
      out.push_back(std::move(ind));
    }
  }
  if (!problems.empty()) throw load_error(origin, std::move(problems));
  return indicator_vocabulary(std::move(out));
}

indicator_vocabulary load_indicator_vocabulary(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw load_error(file.string(), {{"", "cannot read the indicator vocabulary"}});
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_indicator_vocabulary(ss.str(), file.string());
}

}  // namespace qgov
