// The plan: loading, queries, and the column data the Python layer turns into DataFrames.
#include "common.hpp"

#include <sstream>

#include <pybind11/stl/filesystem.h>

namespace qgov::inline QGOV_ABI::python {
namespace {

py::dict span_dict(const plan& p, source_span s) {
  const auto pos = p.position_of(s);
  py::dict d;
  d["begin"] = s.begin;
  d["end"] = s.end;
  d["line"] = pos.line;
  d["column"] = pos.column;
  return d;
}

std::string source_label(const source_ref& r) {
  return std::string(to_string(r.kind)) + " " + std::to_string(r.number);
}

// Goals as columns (one list per field), in plan order.
py::dict goal_columns(const plan& p) {
  py::list id, indicator, name_en, kind, comparator, value, unit, stated, direction, deadline, horizon, source,
      source_kind, source_number, quote, line, clauses, units;
  for (const auto& g : p.goals()) {
    id.append(g.id.str());
    indicator.append(g.indicator);
    name_en.append(g.name_en);
    kind.append(std::string(to_string(g.kind)));
    comparator.append(g.target ? py::cast(std::string(to_string(g.target->comparator))) : py::none());
    value.append(g.target ? py::cast(g.target->value) : py::none());
    unit.append(g.target ? py::cast(g.target->unit) : py::none());
    stated.append(g.target ? py::cast(g.target->stated) : py::none());
    direction.append(g.direction ? py::cast(std::string(to_string(*g.direction))) : py::none());
    deadline.append(py::cast(g.deadline));
    horizon.append(g.horizon);
    source.append(source_label(g.source));
    source_kind.append(std::string(to_string(g.source.kind)));
    source_number.append(g.source.number);
    quote.append(g.quote);
    line.append(p.position_of(g.span).line);
    py::list cl;
    for (const auto& c : g.clauses) cl.append(c.clause.value);
    clauses.append(cl);
    py::list us;
    for (const auto& u : p.units_for(g)) us.append(u.str());
    units.append(us);
  }
  py::dict d;
  d["id"] = id;
  d["indicator"] = indicator;
  d["name_en"] = name_en;
  d["kind"] = kind;
  d["comparator"] = comparator;
  d["value"] = value;
  d["unit"] = unit;
  d["stated"] = stated;
  d["direction"] = direction;
  d["deadline"] = deadline;
  d["horizon"] = horizon;
  d["source"] = source;
  d["source_kind"] = source_kind;
  d["source_number"] = source_number;
  d["quote"] = quote;
  d["line"] = line;
  d["clauses"] = clauses;
  d["units"] = units;
  return d;
}

// Every matrix cell, in source order.
py::dict cell_columns(const plan& p) {
  py::list clause, clause_title, position, unit, name, role_, begin, end, line;
  for (const auto& l : p.matrix()) {
    const auto* c = p.find_clause(l.clause);
    std::size_t k = 0;
    for (const auto& cell : l.cells) {
      clause.append(l.clause.value);
      clause_title.append(c ? c->title.text : std::string());
      position.append(++k);
      unit.append(cell.unit.str());
      const auto* u = p.find_unit(cell.unit);
      name.append(u ? u->name : cell.unit.str());
      role_.append(std::string(to_string(cell.unit_role)));
      begin.append(cell.span.begin);
      end.append(cell.span.end);
      line.append(p.position_of(cell.span).line);
    }
  }
  py::dict d;
  d["clause"] = clause;
  d["clause_title"] = clause_title;
  d["position"] = position;
  d["unit"] = unit;
  d["name"] = name;
  d["role"] = role_;
  d["begin"] = begin;
  d["end"] = end;
  d["line"] = line;
  return d;
}

py::dict unit_columns(const plan& p) {
  py::list id, name, name_en, kind, lead, responsible, supporting, goals;
  const auto loads = p.load_per_unit();
  for (const auto& u : p.units()) {
    id.append(u.id.str());
    name.append(u.name);
    name_en.append(u.name_en);
    kind.append(std::string(to_string(u.kind)));
    unit_load x{u.id};
    for (const auto& y : loads)
      if (y.unit == u.id) x = y;
    lead.append(x.clauses_led);
    responsible.append(x.clauses_responsible);
    supporting.append(x.clauses_supporting);
    goals.append(x.goals);
  }
  py::dict d;
  d["id"] = id;
  d["name"] = name;
  d["name_en"] = name_en;
  d["kind"] = kind;
  d["lead"] = lead;
  d["responsible"] = responsible;
  d["supporting"] = supporting;
  d["goals"] = goals;
  return d;
}

py::dict clause_columns(const plan& p) {
  py::list number, section, title, line, units, lead;
  for (const auto& c : p.clauses()) {
    number.append(c.number.value);
    section.append(c.section.value);
    title.append(c.title.text);
    line.append(p.position_of(c.span).line);
    const auto* l = p.list_of(c.number);
    units.append(l ? l->cells.size() : 0);
    const auto who = p.lead_of(c.number);
    lead.append(who ? py::cast(who->str()) : py::none());
  }
  py::dict d;
  d["number"] = number;
  d["section"] = section;
  d["title"] = title;
  d["line"] = line;
  d["units"] = units;
  d["lead"] = lead;
  return d;
}

role_convention convention_named(const std::string& s) {
  if (const auto c = parse_role_convention(s)) return *c;
  throw py::value_error("unknown role convention \"" + s + "\"; expected first_listed_leads, all_responsible or explicit");
}

}  // namespace

void bind_plan(py::module_& m) {
  py::class_<responsible_unit>(m, "responsible_unit", "A unit named in the plan's responsibility lists.")
      .def_property_readonly("id", [](const responsible_unit& u) { return u.id.str(); }, "The unit id, e.g. market_regulation")
      .def_readonly("name", &responsible_unit::name, "The name as printed, e.g. 区市场监管局")
      .def_readonly("name_en", &responsible_unit::name_en, "An English name for reports")
      .def_property_readonly("kind", [](const responsible_unit& u) { return std::string(to_string(u.kind)); },
                             "district_bureau, branch_office, customs, judicial_organ, party_mass_organisation or collective")
      .def("__repr__", [](const responsible_unit& u) { return "<qgov.responsible_unit " + u.id.str() + " " + u.name + ">"; });

  py::class_<goal>(m, "goal", "One goal of the plan: its target, deadline, quote and the clauses that carry it out.")
      .def_property_readonly("id", [](const goal& g) { return g.id.str(); }, "Goal id, e.g. food_sampling_pass_rate")
      .def_readonly("indicator", &goal::indicator, "The indicator in the text's words")
      .def_readonly("name_en", &goal::name_en, "An English name for reports")
      .def_property_readonly("kind", [](const goal& g) { return std::string(to_string(g.kind)); },
                             "threshold, cumulative, maintain, all_levels, milestone, trend or qualitative")
      .def_property_readonly("comparator",
                             [](const goal& g) -> std::optional<std::string> {
                               if (!g.target) return std::nullopt;
                               return std::string(to_string(g.target->comparator));
                             },
                             "gt, ge, lt, le or eq; None without a numeric target")
      .def_property_readonly("value", [](const goal& g) -> std::optional<double> {
        return g.target ? std::optional(g.target->value) : std::nullopt; }, "The target value; None without one")
      .def_property_readonly("unit", [](const goal& g) -> std::optional<std::string> {
        return g.target ? std::optional(g.target->unit) : std::nullopt; }, "The target's unit, e.g. %, 家")
      .def_property_readonly("direction", [](const goal& g) -> std::optional<std::string> {
        return g.direction ? std::optional(std::string(to_string(*g.direction))) : std::nullopt; },
        "increase or decrease for trend goals; None otherwise")
      .def_readonly("levels", &goal::levels, "all_levels goals: the levels, e.g. ['national', 'municipal', 'district']")
      .def_readonly("items", &goal::items, "milestone goals: the things to be done, as printed")
      .def_readonly("deadline", &goal::deadline, "The deadline (datetime.date)")
      .def_readonly("horizon", &goal::horizon, "The plan horizon the goal belongs to (2025, 2035, …)")
      .def_readonly("quote", &goal::quote, "The target's words, verbatim from the source")
      .def_property_readonly("span", [](const goal& g) { return py::make_tuple(g.span.begin, g.span.end); },
                             "(begin, end) byte offsets of the quote in the source text")
      .def_property_readonly("source", [](const goal& g) { return source_label(g.source); },
                             "Where the goal stands: 'clause N' or 'column N'")
      .def_property_readonly("clauses",
                             [](const goal& g) {
                               py::list out;
                               for (const auto& c : g.clauses)
                                 out.append(py::make_tuple(c.clause.value, std::string(to_string(c.link)), c.rationale));
                               return out;
                             },
                             "The clauses that carry the goal out: (clause, 'stated' or 'assigned', rationale)")
      .def("__repr__", [](const goal& g) { return "<qgov.goal " + g.id.str() + ": " + g.quote + ">"; });

  py::class_<plan>(m, "plan",
                   "A validated quality-development plan: document, outline, responsibility matrix and goals. "
                   "Immutable; copies share their data.")
      .def_property_readonly("id", [](const plan& p) { return p.id().str(); }, "The plan id, e.g. dongli-2024")
      .def_property_readonly("title", [](const plan& p) { return p.document().title.text; }, "The plan's title as printed")
      .def_property_readonly("number", [](const plan& p) { return p.document().number.text; }, "The document number, e.g. 东丽政发〔2024〕5号")
      .def_property_readonly("issuer", [](const plan& p) { return p.document().issuer.text; }, "The issuing authority")
      .def_property_readonly("issued_on", [](const plan& p) { return p.document().issued_on; }, "The issue date")
      .def_property_readonly("convention", [](const plan& p) { return std::string(to_string(p.convention())); },
                             "The role convention the matrix is read under")
      .def_property_readonly("source_text", [](const plan& p) { return std::string(p.source_text()); },
                             "The verbatim source text every span points into")
      .def("find_goal", [](const plan& p, const std::string& id) -> std::optional<goal> {
        const auto* g = p.find_goal(goal_id(id));
        return g ? std::optional(*g) : std::nullopt; }, py::arg("id"), "The goal with this id, or None")
      .def("find_unit", [](const plan& p, const std::string& id) -> std::optional<responsible_unit> {
        const auto* u = p.find_unit(unit_id(id));
        if (!u) u = p.find_unit_by_name(id);
        return u ? std::optional(*u) : std::nullopt; }, py::arg("id_or_name"),
        "The unit with this id or printed name (区市场监管局), or None")
      .def("goal_list", [](const plan& p) { return p.goals(); }, "Every goal as a qgov.goal, in plan order")
      .def("unit_list", [](const plan& p) { return p.units(); }, "Every unit as a qgov.responsible_unit, in plan order")
      .def("lead_of", [](const plan& p, int clause) -> std::optional<std::string> {
        const auto u = p.lead_of(clause_number{clause});
        return u ? std::optional(u->str()) : std::nullopt; }, py::arg("clause"),
        "The id of the unit that leads the clause, or None")
      .def("clauses_of", [](const plan& p, const std::string& unit) {
        py::list out;
        for (const auto& a : p.clauses_of(unit_id(unit))) out.append(py::make_tuple(a.clause.value, std::string(to_string(a.unit_role))));
        return out; }, py::arg("unit"), "The clauses a unit is named in: [(clause, role)], in source order")
      .def("goals_of", [](const plan& p, const std::string& unit) {
        py::list out;
        for (const auto& g : p.goals_of(unit_id(unit))) out.append(g.id.str());
        return out; }, py::arg("unit"), "The ids of the goals a unit answers for")
      .def("with_convention", [](const plan& p, const std::string& c) { return p.with_convention(convention_named(c)); },
           py::arg("convention"), "The same plan with roles read under first_listed_leads, all_responsible or explicit")
      .def("to_json", [](const plan& p, int indent) { return to_json(p, indent); }, py::arg("indent") = 2,
           "The plan as a plan file (JSON)")
      .def("matrix_to_json", [](const plan& p, int indent) { return matrix_to_json(p, indent); }, py::arg("indent") = 2,
           "The responsibility matrix as JSON (the `qgov matrix --format json` contract)")
      .def("quote", [](const plan& p, std::size_t begin, std::size_t end) {
        const auto t = text_at(p.source_text(), source_span{begin, end});
        if (!t) throw py::index_error("span [" + std::to_string(begin) + ", " + std::to_string(end) + ") is outside the source text");
        return std::string(*t); }, py::arg("begin"), py::arg("end"), "The source text between two byte offsets")
      .def("_goal_columns", &goal_columns)
      .def("_cell_columns", &cell_columns)
      .def("_unit_columns", &unit_columns)
      .def("_clause_columns", &clause_columns)
      .def("_span", &span_dict)
      .def("__eq__", [](const plan& a, const plan& b) { return a.data() == b.data(); })
      .def(py::pickle([](const plan& p) { return archive_state(p); },
                      [](const py::bytes& state) { return from_archive_state<plan>(state); }))
      .def("__repr__", [](const plan& p) {
        std::ostringstream os;
        os << "<qgov.plan " << p.id() << " " << p.document().number.text << ": " << p.goals().size() << " goals, "
           << p.matrix().size() << " responsibility lists, " << p.units().size() << " units>";
        return os.str(); });

  m.def("load_plan", [](const std::filesystem::path& path, std::optional<std::string> convention, std::optional<std::string> source) {
    plan_load_options o;
    if (convention) o.convention = convention_named(*convention);
    if (source) o.source_path = *source;
    py::gil_scoped_release unlocked;
    return load_plan(path, o); }, py::arg("path"), py::kw_only(), py::arg("convention") = py::none(),
    py::arg("source") = py::none(),
    "Loads and validates a plan file (JSON) and the source text it names; raises qgov.LoadError listing every problem");
  m.def("parse_plan", [](const std::string& json, std::string source_text, std::string origin) {
    return parse_plan(json, std::move(source_text), std::move(origin)); }, py::arg("json"), py::arg("source_text"),
    py::arg("origin") = "<string>", "Parses a plan file's JSON against its source text; raises qgov.LoadError");

  auto plans = m.def_submodule("plans", "Plans compiled into qgov");
  plans.def("dongli_2024", [] { return plans::dongli_2024(); },
            "东丽区质量强区建设实施方案 (东丽政发〔2024〕5号), the embedded default plan");
  plans.def("dongli_2024_source_text", [] { return std::string(plans::dongli_2024_source_text()); },
            "The Dongli plan's verbatim source text");
  plans.def("dongli_2024_sample_csv", [] { return std::string(plans::dongli_2024_sample_csv()); },
            "The illustrative sample observations for the Dongli plan, as CSV text (not official figures)");
}

}  // namespace qgov::python
