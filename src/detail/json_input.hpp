// Private: JSON input as every qgov reader takes it. nlohmann keeps the last of two equal keys, throws exceptions
// other than parse_error (1e999 is out_of_range), quotes half a UTF-8 character in its messages, and lets a hostile
// file nest deep enough to overflow the stack of any recursive walk (dump() included). This parse refuses all four:
// duplicate keys and excessive depth become problems, every exception a problem with its line:column, every
// message UTF-8. Used by the plan, evaluation, scenario, progress-batch and credit-scheme readers.
#pragma once

#include <qgov/version.hpp>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <qgov/core/error.hpp>
#include <qgov/core/source_span.hpp>

#include "utf8.hpp"

namespace qgov::inline QGOV_ABI::detail {

/// A JSON pointer segment (RFC 6901): "~" and "/" escaped.
[[nodiscard]] inline std::string pointer_segment(std::string_view key) {
  std::string s;
  for (char c : key) {
    if (c == '~') s += "~0";
    else if (c == '/') s += "~1";
    else s += c;
  }
  return s;
}

// Watches the parse events: the JSON path of each container, each object's keys, and the deepest level reached.
// A key seen before in its object goes to `report(*this)`, which reads the path (`stack`, `where()`) and the key
// (`stack.back().key`); `report.finish(problems)` is called once the whole document has parsed.
template <class Json, class Report>
struct duplicate_key_finder {
  struct frame {
    bool is_array = false;
    std::size_t index = 0;
    std::string key;
    std::set<std::string> keys;
  };
  std::vector<frame> stack;
  Report report;
  bool escape_keys = false;  // where() writes the keys as RFC 6901 segments (~0, ~1), not as they are
  std::size_t max_depth = 0;

  [[nodiscard]] std::string where() const {
    std::string p;
    for (const auto& f : stack) {  // appended piece by piece: GCC 12 -O2 misreads "/" + std::string (-Wrestrict)
      if (f.is_array) {
        p += '/';
        p += std::to_string(f.index == 0 ? 0 : f.index - 1);
      } else if (!f.key.empty()) {
        p += '/';
        p += escape_keys ? pointer_segment(f.key) : f.key;
      }
    }
    return p;
  }
  void element() {  // a value, object or array starts inside the current container
    if (!stack.empty() && stack.back().is_array) ++stack.back().index;
  }
  bool operator()(int depth, typename Json::parse_event_t event, Json& parsed) {
    using event_t = typename Json::parse_event_t;
    if (depth > 0 && static_cast<std::size_t>(depth) > max_depth) max_depth = static_cast<std::size_t>(depth);
    switch (event) {
      case event_t::object_start: element(); stack.push_back(frame{}); break;
      case event_t::array_start: element(); { frame f; f.is_array = true; stack.push_back(std::move(f)); } break;
      case event_t::object_end:
      case event_t::array_end: if (!stack.empty()) stack.pop_back(); break;
      case event_t::key: {
        auto& f = stack.back();
        f.key = parsed.template get<std::string>();
        if (!f.keys.insert(f.key).second) report(*this);
        break;
      }
      case event_t::value: element(); break;
    }
    return true;
  }
};

// The readers' report of duplicate keys: the first few anywhere in the document, path and key cut short and
// escaped to UTF-8, then how many more.
struct first_duplicate_keys {
  std::vector<problem>* out = nullptr;
  std::size_t duplicates = 0;
  static constexpr std::size_t max_reported = 20;  // hostile files can hold millions: report a few, count the rest

  template <class Finder>
  void operator()(const Finder& finder) {
    if (++duplicates > max_reported) return;
    const std::string& key = finder.stack.back().key;
    const std::string shown = key.size() > 60 ? key.substr(0, 57) + "..." : key;
    out->push_back({escape_invalid_utf8(finder.where().substr(0, 200)),
                    "duplicate key \"" + escape_invalid_utf8(shown) + "\"; each key may appear once"});
  }
  void finish(std::vector<problem>& problems) const {
    if (duplicates > max_reported)
      problems.push_back({"", std::to_string(duplicates - max_reported) + " more duplicate keys not listed"});
  }
};

/// nlohmann's out_of_range errors name the token ("number overflow parsing '1e999'") but not its place: the
/// line:column of the token's first occurrence, or "1:1" when it cannot be found.
[[nodiscard]] inline std::string where_of_quoted_token(std::string_view text, const std::string& what) {
  const auto open = what.find('\'');
  const auto close = open == std::string::npos ? std::string::npos : what.find('\'', open + 1);
  std::size_t at = std::string_view::npos;
  if (close != std::string::npos && close > open + 1) at = text.find(std::string_view(what).substr(open + 1, close - open - 1));
  const auto pos = position_of(text, at == std::string_view::npos ? 0 : at);
  return std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

/// What a JSON value is, for messages: "null", "a boolean", "a number", "a string", "an array", "an object".
template <class Json>
[[nodiscard]] std::string type_name(const Json& j) {
  if (j.is_null()) return "null";
  if (j.is_boolean()) return "a boolean";
  if (j.is_number()) return "a number";
  if (j.is_string()) return "a string";
  if (j.is_array()) return "an array";
  return "an object";
}

/// Parses `text` (a `document`, e.g. "a plan file", nesting at most `max_depth` levels) while `dup` watches it.
/// Syntax errors and excessive depth give nullopt with the problem recorded; duplicate keys are left to
/// `dup.report`, and the document is still returned. Never throws.
template <class Json, class Report>
[[nodiscard]] std::optional<Json> parse_json_watched(std::string_view text, std::vector<problem>& problems,
                                                     std::size_t max_depth, std::string_view document,
                                                     duplicate_key_finder<Json, Report>& dup) {
  try {
    Json j = Json::parse(text.begin(), text.end(),
                         [&dup](int depth, typename Json::parse_event_t e, Json& parsed) { return dup(depth, e, parsed); });
    dup.report.finish(problems);
    if (dup.max_depth > max_depth) {
      problems.push_back({"", "JSON nested " + std::to_string(dup.max_depth) + " levels deep; " + std::string(document) +
                                  " nests at most " + std::to_string(max_depth)});
      return std::nullopt;
    }
    return j;
  } catch (const typename Json::parse_error& e) {
    const std::size_t at = e.byte == 0 ? 0 : e.byte - 1;
    const auto pos = position_of(text, at);
    std::string what = escape_invalid_utf8(e.what());
    if (auto k = what.find("syntax error"); k != std::string::npos) what = what.substr(k);
    problems.push_back({std::to_string(pos.line) + ":" + std::to_string(pos.column), "invalid JSON: " + what});
    return std::nullopt;
  } catch (const typename Json::exception& e) {  // e.g. a number too large for a double: 1e999
    std::string what = escape_invalid_utf8(e.what());
    if (auto k = what.find("] "); k != std::string::npos) what = what.substr(k + 2);
    problems.push_back({where_of_quoted_token(text, what), "invalid JSON: " + what + "; expected a number a double holds"});
    return std::nullopt;
  }
}

/// Parses `text` (a `document`, e.g. "a plan file", nesting at most `max_depth` levels). Syntax errors and excessive
/// depth give nullopt with the problem recorded; duplicate keys are recorded and the document is still returned, so
/// that a reader can report its own problems beside them. Never throws.
template <class Json = nlohmann::json>
[[nodiscard]] std::optional<Json> parse_json_checked(std::string_view text, std::vector<problem>& problems,
                                                     std::size_t max_depth, std::string_view document) {
  duplicate_key_finder<Json, first_duplicate_keys> dup;
  dup.report.out = &problems;
  return parse_json_watched(text, problems, max_depth, document, dup);
}

/// The same for readers that stop at the first bad input: the document, or load_error(origin) with the problems
/// (syntax, depth or duplicate keys).
template <class Json = nlohmann::json>
[[nodiscard]] Json parse_json_or_throw(std::string_view text, const std::string& origin, std::size_t max_depth,
                                       std::string_view document) {
  std::vector<problem> problems;
  auto j = parse_json_checked<Json>(text, problems, max_depth, document);
  if (!j || !problems.empty()) throw load_error(origin, std::move(problems));
  return std::move(*j);
}

}  // namespace qgov::detail
