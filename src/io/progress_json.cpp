// `qgov progress --batch`: JSON in, the Open SDG progress measure per series, JSON out.
#include <qgov/io/progress_json.hpp>

#include <cmath>
#include <vector>

#include <nlohmann/json.hpp>

#include <qgov/core/error.hpp>
#include <qgov/core/source_span.hpp>
#include <qgov/formulas/progress_measure.hpp>

#include "detail/json_input.hpp"

namespace qgov::inline QGOV_ABI {

std::string progress_batch_json(std::string_view text, std::string origin, int indent) {
  using json = nlohmann::json;
  std::vector<problem> problems;
  const json in = detail::parse_json_or_throw<json>(text, origin, 16, "a progress batch");
  if (!in.is_array()) throw load_error(origin, {{"", "expected a JSON array of series"}});
  std::vector<std::vector<formulas::year_value>> series(in.size());
  std::vector<formulas::progress_config> configs(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    std::string p = "/";  // built in two steps: g++ 12 misreports `"/" + to_string(i)` under -Wrestrict
    p += std::to_string(i);
    const json& s = in[i];
    if (!s.is_object()) {
      problems.push_back({p, "expected an object with \"points\" and an optional \"config\""});
      continue;
    }
    for (const auto& [k, v] : s.items())
      if (k != "points" && k != "config") problems.push_back({p + "/" + k, "unknown field; expected \"points\" or \"config\""});
    const auto pts = s.find("points");
    if (pts == s.end() || !pts->is_array()) {
      problems.push_back({p + "/points", "expected an array of [year, value] pairs"});
    } else {
      for (std::size_t k = 0; k < pts->size(); ++k) {
        const json& pt = (*pts)[k];
        // a null value is a missing figure (Open SDG drops NA values); anything else must be a pair of numbers
        if (!pt.is_array() || pt.size() != 2 || !pt[0].is_number() || !(pt[1].is_number() || pt[1].is_null())) {
          problems.push_back({p + "/points/" + std::to_string(k), "expected [year, value] with numbers (value may be null)"});
          continue;
        }
        series[i].push_back({pt[0].get<double>(), pt[1].is_null() ? std::nan("") : pt[1].get<double>()});
      }
    }
    if (const auto c = s.find("config"); c != s.end()) {
      if (!c->is_object()) {
        problems.push_back({p + "/config", "expected an object"});
        continue;
      }
      auto& cfg = configs[i];
      for (const auto& item : c->items()) {
        const std::string& k = item.key();
        const json& v = item.value();
        const std::string q = p + "/config/" + k;
        // a whole number of modest size, whether JSON wrote it as an integer or not: 2.2e13 as an integer is no
        // year either, and converting it to int would be undefined (found by progress_batch_fuzz)
        auto integer = [&](int& out) {
          const double d = v.is_number() ? v.get<double>() : std::nan("");
          if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 1e6) out = static_cast<int>(d);
          else problems.push_back({q, "expected a whole year"});
        };
        if (k == "base_year") integer(cfg.base_year);
        else if (k == "target_year") integer(cfg.target_year);
        else if (k == "target") {
          if (v.is_number()) cfg.target = v.get<double>();
          else if (!v.is_null()) problems.push_back({q, "expected a number or null"});
        } else if (k == "limit") {
          if (v.is_number()) cfg.limit = v.get<double>();
          else if (!v.is_null()) problems.push_back({q, "expected a number or null"});
        } else if (k == "direction") {
          // sdg-build: "positive" means higher is better; anything else means negative. Here only the two words
          // are accepted: a misspelt "postive" would silently invert the answer.
          if (v.is_string() && (v.get<std::string>() == "positive" || v.get<std::string>() == "negative"))
            cfg.direction = v.get<std::string>() == "positive" ? 1 : -1;
          else problems.push_back({q, "expected \"positive\" or \"negative\""});
        } else {
          problems.push_back({q, "unknown config key; expected base_year, target, target_year, direction or limit"});
        }
      }
      // with a target, the default direction (negative, as in Open SDG) would mark a value below a "reach at least"
      // target as achieved: the direction must be said
      if (c->contains("target") && !(*c)["target"].is_null() && !c->contains("direction"))
        problems.push_back({p + "/config/direction", "required with a target: \"positive\" (higher is better) or "
                                                    "\"negative\" (lower is better)"});
    }
  }
  if (!problems.empty()) throw load_error(origin, std::move(problems));
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < series.size(); ++i) {
    const auto r = formulas::progress_measure(series[i], configs[i]);
    nlohmann::ordered_json o;
    o["progress_value"] = r.progress_value && std::isfinite(*r.progress_value) ? nlohmann::ordered_json(*r.progress_value) : nullptr;
    o["score"] = r.score && std::isfinite(*r.score) ? nlohmann::ordered_json(*r.score) : nullptr;
    o["status"] = std::string(formulas::to_string(r.status));
    if (r.status == formulas::progress_status::not_available) o["reason"] = std::string(formulas::to_string(r.reason));
    out.push_back(o);
  }
  return out.dump(indent) + "\n";
}

}  // namespace qgov
