// Plans through time and across levels, for Python: the roll-up as columns (qgov.rollup makes the DataFrames),
// the semantic diff and the cascade report as their JSON.
#include "common.hpp"

#include <qgov/lineage/cascade.hpp>
#include <qgov/lineage/diff.hpp>
#include <qgov/lineage/rollup.hpp>

namespace qgov::inline QGOV_ABI::python {

void bind_lineage(py::module_& m) {
  m.def("_rollup", [](const std::vector<plan>& plans, const std::vector<observation_ledger>& ledgers,
                      const std::string& vocabulary_path, date as_of, std::optional<evaluation_policy> policy) {
    if (plans.size() != ledgers.size())
      throw qgov::error("rollup: " + std::to_string(plans.size()) + " plans but " + std::to_string(ledgers.size()) +
                        " observation ledgers; expected one ledger per plan");
    std::vector<rollup_input> inputs;
    for (std::size_t k = 0; k < plans.size(); ++k) inputs.push_back({plans[k], ledgers[k]});
    const auto vocabulary = load_indicator_vocabulary(vocabulary_path);
    rollup r;
    {
      py::gil_scoped_release unlocked;
      r = make_rollup(inputs, vocabulary, as_of, policy.value_or(evaluation_policy{}));
    }
    py::list c_plan, c_indicator, c_name, c_goal, c_status, c_value, c_comparator, c_target, c_unit, c_quote;
    for (const auto& row : r.indicators)
      for (std::size_t k = 0; k < row.cells.size(); ++k) {
        c_plan.append(r.plans[k].plan.str());
        c_indicator.append(row.indicator);
        c_name.append(row.name);
        const auto& cell = row.cells[k];
        c_goal.append(cell ? py::object(py::str(cell->goal.str())) : py::object(py::none()));
        c_status.append(cell ? std::string(to_string(cell->status)) : std::string("none"));
        c_value.append(cell && cell->value ? py::object(py::float_(*cell->value)) : py::object(py::none()));
        const bool t = cell && cell->target;
        c_comparator.append(t ? py::object(py::str(std::string(to_string(cell->target->comparator)))) : py::object(py::none()));
        c_target.append(t ? py::object(py::float_(cell->target->value)) : py::object(py::none()));
        c_unit.append(t ? py::object(py::str(cell->target->unit)) : py::object(py::none()));
        c_quote.append(cell ? py::object(py::str(cell->quote)) : py::object(py::none()));
      }
    py::dict cells;
    cells["plan"] = c_plan; cells["indicator"] = c_indicator; cells["name"] = c_name; cells["goal"] = c_goal;
    cells["status"] = c_status; cells["value"] = c_value; cells["comparator"] = c_comparator; cells["target"] = c_target;
    cells["unit"] = c_unit; cells["quote"] = c_quote;
    py::list s_plan, s_name, s_score, s_rank;
    std::vector<py::list> counts(7);
    for (const auto& s : r.plans) {
      s_plan.append(s.plan.str());
      s_name.append(s.name);
      s_score.append(s.score ? py::object(py::float_(*s.score)) : py::object(py::none()));
      s_rank.append(s.rank ? py::object(py::int_(*s.rank)) : py::object(py::none()));
      for (std::size_t k = 0; k < 7; ++k) counts[k].append(s.counts[k]);
    }
    py::dict summary;
    summary["plan"] = s_plan; summary["name"] = s_name; summary["score"] = s_score; summary["rank"] = s_rank;
    for (std::size_t k = 0; k < 7; ++k) summary[py::str(std::string(to_string(static_cast<goal_status>(k))))] = counts[k];
    py::dict out;
    out["cells"] = cells;
    out["plans"] = summary;
    out["html"] = render_rollup_html(r, inputs);
    out["json"] = rollup_json(r);
    return out;
  }, py::arg("plans"), py::arg("observations"), py::arg("vocabulary"), py::arg("as_of"), py::arg("policy") = py::none(),
     "The roll-up of several plans as columns (see qgov.rollup)");
  m.def("_diff_json", [](const plan& a, const plan& b) { return diff_json(diff(a, b)); }, py::arg("old"), py::arg("new"),
        "The semantic diff of two plans as JSON (docs/lineage.md)");
  m.def("_cascade_json", [](const plan& child, const plan& parent, const std::string& vocabulary_path) {
    return cascade_json(cascade(child, parent, load_indicator_vocabulary(vocabulary_path)));
  }, py::arg("child"), py::arg("parent"), py::arg("vocabulary"), "The cascade check of a child plan against its parent, as JSON");
}

}  // namespace qgov::python
