// qgov/extract/extract.hpp — reading a draft plan straight from a plan's Chinese text: outline, lists, targets.
#pragma once

#include <qgov/version.hpp>

#include <string>
#include <string_view>
#include <vector>

#include <qgov/core/source_span.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI {

/// Options for `extract`.
struct extract_options {
  /// The plan id written into the draft.
  std::string plan_id = "draft";
  /// The source path written into the draft's `source.path` (relative to where the plan file will live).
  std::string source_path;
};

/// What a finding is about.
enum class finding_kind {
  unclassified,  ///< something in the text the extractor could not classify or the plan model cannot hold
  missing,       ///< a part of a plan the extractor found none of (sections, lists, targets); span is empty
};

/// Something in the text the extractor noticed but could not classify, for a person to look at.
struct finding {
  source_span span;  ///< UTF-8 byte span into the original text
  std::string text;  ///< the original text at `span`
  std::string why;   ///< e.g. "number with no target pattern", "looks like a responsibility list but did not parse"
  finding_kind kind = finding_kind::unclassified;
  friend bool operator==(const finding&, const finding&) = default;
};

/// A plan as read from its text: structure, units, lists and goals with generated ids (`unit_1`, `goal_1`) and
/// empty English names, plus what could not be classified. An overlay supplies the real ids and names.
/// Spans are UTF-8 byte spans into the original text, which `data.source_text` holds unchanged (BOM included).
/// `data.convention` is `explicit_roles` when any list in the text states roles (牵头/责任单位/配合); the cells of
/// lists in the Dongli form then carry the roles the first-listed-leads convention gives them.
struct plan_draft {
  plan_data data;
  std::vector<finding> unclassified;
  std::vector<std::string> notes;  ///< normalisation notes, e.g. "a UTF-8 byte-order mark was skipped"
};

/// Whether the draft found none of some part of a plan (a `finding_kind::missing` finding).
[[nodiscard]] bool has_missing_parts(const plan_draft& d);

/// Reads a draft plan from UTF-8 `text`. Throws `load_error` when the text is not well-formed UTF-8 (naming the
/// byte offset, and saying when the bytes look GBK-encoded) or looks like GBK mis-decoded as Latin-1.
[[nodiscard]] plan_draft extract(std::string_view text, const extract_options& options = {});

/// The draft as plan-file JSON (docs/plan-format.md), with an extra top-level "unclassified" array of
/// {"span", "text", "why"}. Written from the data directly: a draft need not pass validation.
[[nodiscard]] std::string draft_to_json(const plan_draft& d, int indent = 2);

/// The draft as a human-readable summary: header, outline counts, lists with roles, targets, findings.
[[nodiscard]] std::string draft_to_text(const plan_draft& d);

}  // namespace qgov
