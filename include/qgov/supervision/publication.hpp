// qgov/supervision/publication.hpp — the draw as a record ready to publish (一公开: JSON and Markdown), and
// classifications as text, JSON or CSV.
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string>
#include <vector>

#include <qgov/core/enum_names.hpp>
#include <qgov/core/source_span.hpp>
#include <qgov/supervision/credit_class.hpp>
#include <qgov/supervision/draw.hpp>

namespace qgov::inline QGOV_ABI::supervision {

/// What is published about the inspectors drawn. 津政规〔2025〕1号 Art. 3 requires 抽查事项、抽查计划和检查结果 to be
/// public, not the inspectors' identities: the PROPOSED default publishes roster ids only, which an auditor holding
/// the roster can check, and no names.
enum class inspector_disclosure { none, id, name, id_and_name };

inline constexpr std::array<enum_name<inspector_disclosure>, 4> inspector_disclosure_names{
    {{inspector_disclosure::none, "none"},
     {inspector_disclosure::id, "id"},
     {inspector_disclosure::name, "name"},
     {inspector_disclosure::id_and_name, "id_and_name"}}};

[[nodiscard]] constexpr std::string_view to_string(inspector_disclosure d) noexcept {
  return name_in(inspector_disclosure_names, d);
}

/// The plan clause the record answers to: by default clause （二十七） of the embedded Dongli plan.
struct clause_reference {
  std::string plan;      ///< plan id, e.g. dongli-2024
  std::string document;  ///< e.g. 东丽政发〔2024〕5号
  int clause = 0;
  std::string title;
  source_span span;     ///< the clause's bytes in the plan's source text
  std::string excerpt;  ///< the clause's first sentence after its title
};

/// Clause （二十七） 优化质量监管效能 of 东丽政发〔2024〕5号, read from the embedded plan (span and text checked there).
[[nodiscard]] clause_reference dongli_clause_27();

/// What the publication shows.
struct publication_options {
  inspector_disclosure inspectors = inspector_disclosure::id;
  bool show_class = true;     ///< each object's credit class (the stratum it was drawn from)
  bool show_excluded = true;  ///< ids of objects left out by the frequency cap (with the date they were inspected)
  std::optional<clause_reference> clause;  ///< nullopt: dongli_clause_27()
  /// Results of the inspections (检查结果), when known; each must be for a drawn object (else qgov::error).
  std::vector<inspection_result> results;
};

/// The draw as JSON (`qgov-draw-record/1`): the same record gives the same bytes.
[[nodiscard]] std::string draw_to_json(const draw_record& r, const publication_options& opts = {});
/// The draw as a Markdown page in Chinese with English headings.
[[nodiscard]] std::string draw_to_markdown(const draw_record& r, const publication_options& opts = {});

/// Classifications of a directory, in its order, as aligned text (zh and en reasons).
[[nodiscard]] std::string classifications_to_text(const std::vector<enterprise>& es, const credit_scheme& s);
/// The same as JSON: each enterprise with its class and reasons.
[[nodiscard]] std::string classifications_to_json(const std::vector<enterprise>& es, const credit_scheme& s);
/// The same as CSV: id,name,class,level,triggers,reason_zh,reason_en (decisive reasons).
[[nodiscard]] std::string classifications_to_csv(const std::vector<enterprise>& es, const credit_scheme& s);

}  // namespace qgov::supervision
