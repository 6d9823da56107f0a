// qgov/plan/plan.hpp — a validated plan: document, outline, units, responsibility matrix and goals, tied to its source text.
#pragma once

#include <qgov/version.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <range/v3/view/all.hpp>
#include <range/v3/view/filter.hpp>
#include <range/v3/view/transform.hpp>

#include <qgov/core/error.hpp>
#include <qgov/core/ids.hpp>
#include <qgov/core/source_span.hpp>
#include <qgov/plan/document.hpp>
#include <qgov/plan/goal.hpp>
#include <qgov/plan/lineage_fields.hpp>
#include <qgov/plan/responsibility.hpp>
#include <qgov/plan/responsible_unit.hpp>
#include <qgov/plan/structure.hpp>

namespace qgov::inline QGOV_ABI {

/// Where a plan's source text comes from: a path relative to the plan file, and the text's SHA-256.
struct source_info {
  std::string path;
  std::string sha256;  ///< lower-case hex; checked against the text when a plan loads
  friend bool operator==(const source_info&, const source_info&) = default;
};

/// Everything a plan holds, before validation. Build one in code or let `load_plan` fill it from a file;
/// `plan::validate` checks it against its source text and `plan` only exists once it has passed.
struct plan_data {
  plan_id id;
  int format_version = 1;
  source_info source;
  std::string source_text;
  qgov::document document;
  std::vector<section> sections;
  std::vector<clause> clauses;
  std::vector<column> columns;
  std::vector<responsible_unit> units;
  role_convention convention = role_convention::first_listed_leads;
  std::vector<responsibility_list> responsibility;  ///< one list per clause that has one, in source order
  std::vector<goal> goals;
  plan_lineage lineage;  ///< optional: supersedes/amends, effective date, level, parents (docs/lineage.md)
  friend bool operator==(const plan_data&, const plan_data&) = default;
};

/// A plan that has passed validation. Immutable and cheap to copy (the data is shared).
class plan {
public:
  /// Validates `data` and builds the plan; throws `load_error` listing every problem found (nothing is kept then).
  /// `origin` names the input in messages, e.g. the file path.
  [[nodiscard]] static plan from_data(plan_data data, std::string origin = "<plan>");

  /// Every problem in `data`, each with its JSON path; empty when the plan is valid.
  [[nodiscard]] static std::vector<problem> validate(const plan_data& data);

  /// The same plan with roles recomputed under another convention (`explicit_roles` keeps the stated roles).
  [[nodiscard]] plan with_convention(role_convention c) const;

  [[nodiscard]] const plan_data& data() const noexcept { return *data_; }
  [[nodiscard]] const plan_id& id() const noexcept { return data_->id; }
  [[nodiscard]] const qgov::document& document() const noexcept { return data_->document; }
  [[nodiscard]] std::string_view source_text() const noexcept { return data_->source_text; }
  [[nodiscard]] const std::vector<section>& sections() const noexcept { return data_->sections; }
  [[nodiscard]] const std::vector<clause>& clauses() const noexcept { return data_->clauses; }
  [[nodiscard]] const std::vector<column>& columns() const noexcept { return data_->columns; }
  [[nodiscard]] const std::vector<responsible_unit>& units() const noexcept { return data_->units; }
  [[nodiscard]] const std::vector<goal>& goals() const noexcept { return data_->goals; }
  [[nodiscard]] const plan_lineage& lineage() const noexcept { return data_->lineage; }
  [[nodiscard]] role_convention convention() const noexcept { return data_->convention; }
  /// The responsibility lists in source order: the clause × unit matrix, one row per list.
  [[nodiscard]] const std::vector<responsibility_list>& matrix() const noexcept { return data_->responsibility; }

  [[nodiscard]] const goal* find_goal(const goal_id& id) const noexcept;
  [[nodiscard]] const responsible_unit* find_unit(const unit_id& id) const noexcept;
  /// Looks a unit up by its Chinese name as printed, e.g. 区市场监管局.
  [[nodiscard]] const responsible_unit* find_unit_by_name(std::string_view name) const noexcept;
  [[nodiscard]] const clause* find_clause(clause_number n) const noexcept;
  [[nodiscard]] const responsibility_list* list_of(clause_number n) const noexcept;

  /// The text a span covers (empty when it does not fit; spans of a valid plan always fit).
  [[nodiscard]] std::string_view text_of(source_span s) const noexcept {
    return text_at(source_text(), s).value_or(std::string_view{});
  }
  /// Line and column where a span starts, for messages and reports.
  [[nodiscard]] text_position position_of(source_span s) const noexcept {
    return qgov::position_of(source_text(), s.begin);
  }

  // Queries. Each returns a range-v3 view over the plan's data: it is valid while this plan object lives.

  /// The cells of clause `n`'s list in source order (empty when the clause has none).
  [[nodiscard]] auto units_of(clause_number n) const {
    const auto* l = list_of(n);
    const responsibility_cell* first = l ? l->cells.data() : nullptr;
    const responsibility_cell* last = l ? l->cells.data() + l->cells.size() : nullptr;
    return ranges::subrange<const responsibility_cell*>(first, last);
  }

  /// The clauses that name unit `u`, in source order, with its role in each.
  [[nodiscard]] auto clauses_of(unit_id u) const {
    return ranges::views::all(matrix()) |
           ranges::views::filter([u](const responsibility_list& l) { return l.role_of(u).has_value(); }) |
           ranges::views::transform([u](const responsibility_list& l) {
             return clause_assignment{l.clause, *l.role_of(u)};
           });
  }

  /// The goals unit `u` answers for: those linked (stated or assigned) to a clause whose list names `u`.
  [[nodiscard]] auto goals_of(unit_id u) const {
    return ranges::views::all(goals()) |
           ranges::views::filter([this, u](const goal& g) { return answers_for(u, g); });
  }

  /// The unit that leads clause `n`, if its list has a lead.
  [[nodiscard]] std::optional<unit_id> lead_of(clause_number n) const;

  /// Whether unit `u` answers for goal `g` through any clause the goal is linked to.
  [[nodiscard]] bool answers_for(const unit_id& u, const goal& g) const noexcept;

  /// For each unit, in the order units are declared: clauses by role and goals it answers for.
  [[nodiscard]] std::vector<unit_load> load_per_unit() const;

  /// The units that share responsibility for goal `g`, in order of first appearance across its clauses.
  [[nodiscard]] std::vector<unit_id> units_for(const goal& g) const;

private:
  explicit plan(std::shared_ptr<const plan_data> d) : data_(std::move(d)) {}
  std::shared_ptr<const plan_data> data_;
};

}  // namespace qgov
