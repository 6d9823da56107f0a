// qgov/extract/author.hpp — from a plan's text and a reviewed overlay to a plan file (docs/plan-format.md).
#pragma once

#include <qgov/version.hpp>

#include <string>
#include <string_view>

#include <qgov/extract/extract.hpp>

namespace qgov::inline QGOV_ABI {

/// Names the two inputs in messages.
struct author_options {
  std::string text_origin = "<text>";        ///< e.g. data/sources/dongli-2024.txt
  std::string overlay_origin = "<overlay>";  ///< e.g. data/plans/dongli-2024.overlay.json
};

/// The plan file for `text` under `overlay_json` (format: docs/plan-format.md, "Authoring a plan").
///
/// The extractor reads the text (outline, header, lists, targets, findings); the overlay supplies what a person
/// decides: the plan id and source path, ids, English names and kinds of units, the goals (ids, kinds, links,
/// English names; quotes located in their clause or column), and an answer to every finding. Refused, with
/// every problem listed (`load_error`, each naming TEXT:LINE:COL or the overlay's JSON path): a finding the
/// overlay does not answer, an answer that matches no finding, a target the extractor read that the overlay
/// neither keeps nor rejects, a goal whose comparator, value or unit differs from the extractor's reading of the
/// same quote without an `override` reason, a printed unit with no overlay entry, a quote that is missing or
/// ambiguous, and anything the plan loader refuses. The output is byte-stable: the same inputs give the same bytes.
[[nodiscard]] std::string author_plan(std::string_view text, std::string_view overlay_json,
                                      const author_options& options = {});

/// A starting overlay for `draft`: plan id and source path as given, units with ids, English names and kinds from
/// the bureau dictionary (qgov/extract/bureaus.hpp) where it knows the name, one goal per target read, and every
/// finding with an empty `decision` for a person to fill in. `author_plan` refuses it until each is decided.
[[nodiscard]] std::string overlay_skeleton(const plan_draft& draft, std::string_view id,
                                           std::string_view source_path);

}  // namespace qgov
