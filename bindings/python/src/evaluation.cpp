// Observations, the evaluation policy, evaluate(), and the results as columns for DataFrames.
#include "common.hpp"

#include <pybind11/stl/filesystem.h>

namespace qgov::inline QGOV_ABI::python {
namespace {

py::object opt(const std::optional<double>& v) { return v ? py::cast(*v) : py::none(); }
py::object opt_period(const std::optional<period>& p) { return p ? py::cast(p->str()) : py::none(); }

py::dict observation_columns(const observation_ledger& ledger) {
  py::list goal, period_, value, numerator, denominator, level_, reported_on, source, origin;
  for (const auto& o : ledger.all()) {
    goal.append(o.goal.str());
    period_.append(o.period.str());
    value.append(o.value);
    numerator.append(o.rate ? py::cast(o.rate->numerator) : py::none());
    denominator.append(o.rate ? py::cast(o.rate->denominator) : py::none());
    level_.append(o.level ? py::cast(std::string(to_string(*o.level))) : py::none());
    reported_on.append(py::cast(o.reported_on));
    source.append(o.source);
    origin.append(o.origin);
  }
  py::dict d;
  d["goal"] = goal;
  d["period"] = period_;
  d["value"] = value;
  d["numerator"] = numerator;
  d["denominator"] = denominator;
  d["level"] = level_;
  d["reported_on"] = reported_on;
  d["source"] = source;
  d["origin"] = origin;
  return d;
}

py::dict result_columns(const evaluation_holder& h) {
  py::list goal, indicator, kind, status, status_zh, value, period_, projected, target, comparator, unit, deadline,
      formula, note, zh, en;
  for (const auto& r : h.result.goals) {
    const auto* g = h.plan.find_goal(r.goal);
    goal.append(r.goal.str());
    indicator.append(g ? g->indicator : std::string());
    kind.append(g ? std::string(to_string(g->kind)) : std::string());
    status.append(std::string(to_string(r.status)));
    status_zh.append(std::string(to_chinese(r.status)));
    value.append(opt(r.value));
    period_.append(opt_period(r.period));
    projected.append(opt(r.projected));
    const bool t = g && g->target;
    target.append(t ? py::cast(g->target->value) : py::none());
    comparator.append(t ? py::cast(std::string(to_string(g->target->comparator))) : py::none());
    unit.append(t ? py::cast(g->target->unit) : py::none());
    deadline.append(g ? py::cast(g->deadline) : py::none());
    formula.append(r.trace.formula);
    note.append(r.trace.note);
    zh.append(r.explanation.zh);
    en.append(r.explanation.en);
  }
  py::dict d;
  d["goal"] = goal;
  d["indicator"] = indicator;
  d["kind"] = kind;
  d["status"] = status;
  d["status_zh"] = status_zh;
  d["value"] = value;
  d["period"] = period_;
  d["projected"] = projected;
  d["target"] = target;
  d["comparator"] = comparator;
  d["unit"] = unit;
  d["deadline"] = deadline;
  d["formula"] = formula;
  d["note"] = note;
  d["explanation_zh"] = zh;
  d["explanation_en"] = en;
  return d;
}

py::dict scorecard_columns(const evaluation_holder& h) {
  py::list unit, name, name_en, score, grade, rank, vetoed, goals;
  for (const auto* b : units_by_rank(h.result)) {
    const auto* u = h.plan.find_unit(b->unit);
    unit.append(b->unit.str());
    name.append(u ? u->name : b->unit.str());
    name_en.append(u ? u->name_en : std::string());
    score.append(opt(b->score));
    grade.append(b->grade ? py::cast(std::string(formulas::to_string(*b->grade))) : py::none());
    rank.append(b->rank ? py::cast(*b->rank) : py::none());
    vetoed.append(b->vetoed);
    goals.append(b->contributions.size());
  }
  py::dict d;
  d["unit"] = unit;
  d["name"] = name;
  d["name_en"] = name_en;
  d["score"] = score;
  d["grade"] = grade;
  d["rank"] = rank;
  d["vetoed"] = vetoed;
  d["goals"] = goals;
  return d;
}

py::dict trace_dict(const trace& t) {
  py::dict values, thresholds;
  for (const auto& v : t.values) values[py::str(v.name)] = v.value;
  for (const auto& v : t.thresholds) thresholds[py::str(v.name)] = v.value;
  py::dict d;
  d["formula"] = t.formula;
  d["rule"] = t.rule;
  d["values"] = values;
  d["thresholds"] = thresholds;
  d["note"] = t.note;
  d["observations"] = observation_columns(observation_ledger(t.observations));
  return d;
}

language language_named(const std::string& s) {
  if (const auto l = parse_language(s)) return *l;
  throw py::value_error("unknown language \"" + s + "\"; expected zh, en or both");
}

progress_method method_named(const std::string& s) {
  if (const auto m = parse_progress_method(s)) return *m;
  throw py::value_error("unknown progress method \"" + s + "\"; expected open_sdg, linear_projection or unsd_expected");
}

}  // namespace

void bind_evaluation(py::module_& m) {
  py::class_<observation_ledger>(m, "observation_ledger",
                                 "Reported figures with their revisions; evaluate() picks what was known on a date.")
      .def(py::init<>(), "An empty ledger")
      .def("__len__", &observation_ledger::size)
      .def("to_csv", [](const observation_ledger& l) { return to_csv(l); }, "The ledger as observation CSV")
      .def("to_json", [](const observation_ledger& l, int indent) { return to_json(l, indent); }, py::arg("indent") = 2,
           "The ledger as observation JSON")
      .def("_columns", &observation_columns)
      .def("__eq__", [](const observation_ledger& a, const observation_ledger& b) { return a.all() == b.all(); })
      .def(py::pickle([](const observation_ledger& l) { return archive_state(l); },
                      [](const py::bytes& state) { return from_archive_state<observation_ledger>(state); }))
      .def("__repr__", [](const observation_ledger& l) { return "<qgov.observation_ledger " + std::to_string(l.size()) + " observations>"; });

  m.def("load_observations", [](const std::filesystem::path& path, const plan& p) { return load_observations(path, p); },
        py::arg("path"), py::arg("plan"),
        "Loads observations (.csv in UTF-8 or GB18030, .json, or a returned .xlsx workbook) for a plan; raises qgov.LoadError with every bad row at line:column or cell");
  m.def("parse_observations_csv", [](const std::string& text, const plan& p, const std::string& origin) {
    return parse_observations_csv(text, p, origin); }, py::arg("text"), py::arg("plan"), py::arg("origin") = "<string>",
    "Parses observation CSV text for a plan; raises qgov.LoadError");
  m.def("parse_observations_json", [](const std::string& text, const plan& p, const std::string& origin) {
    return parse_observations_json(text, p, origin); }, py::arg("text"), py::arg("plan"), py::arg("origin") = "<string>",
    "Parses observation JSON text for a plan; raises qgov.LoadError");

  py::class_<evaluation_policy>(m, "evaluation_policy",
                                "Every choice the sources leave open, with the defaults documented in docs/formulas.md. "
                                "points_*: the points a goal earns by status (achieved 100, on_track 90, at_risk 70, "
                                "off_track 40, missed 0); weight_*: its weight for a unit by role (lead 2, others 1).")
      .def(py::init<>())
      .def_readwrite("on_track_ratio", &evaluation_policy::on_track_ratio, "R at or above which a goal is on track (0.95)")
      .def_readwrite("at_risk_ratio", &evaluation_policy::at_risk_ratio, "R at or above which a goal is at risk (0.60)")
      .def_property("threshold_method", [](const evaluation_policy& p) { return std::string(to_string(p.threshold_method)); },
                    [](evaluation_policy& p, const std::string& s) { p.threshold_method = method_named(s); },
                    "Progress method for threshold goals: open_sdg, linear_projection or unsd_expected")
      .def_property("cumulative_method", [](const evaluation_policy& p) { return std::string(to_string(p.cumulative_method)); },
                    [](evaluation_policy& p, const std::string& s) { p.cumulative_method = method_named(s); },
                    "Progress method for cumulative goals")
      .def_property("all_levels_method", [](const evaluation_policy& p) { return std::string(to_string(p.all_levels_method)); },
                    [](evaluation_policy& p, const std::string& s) { p.all_levels_method = method_named(s); },
                    "Progress method for all_levels goals")
      .def_readwrite("base_year", &evaluation_policy::base_year, "Base year for progress; None: the earliest observation's")
      .def_readwrite("maintain_window_start", &evaluation_policy::maintain_window_start,
                     "Start of a maintain goal's window; None: the plan's issue date")
      .def_readwrite("trend_flat_step_breaks", &evaluation_policy::trend_flat_step_breaks,
                     "Does a flat step break an 'increasing' trend? (False)")
      .def_readwrite("partial_periods_decide", &evaluation_policy::partial_periods_decide,
                     "Judge annual goals on figures for part of a year too? (False)")
      .def_readwrite("points_achieved", &evaluation_policy::points_achieved)
      .def_readwrite("points_on_track", &evaluation_policy::points_on_track)
      .def_readwrite("points_at_risk", &evaluation_policy::points_at_risk)
      .def_readwrite("points_off_track", &evaluation_policy::points_off_track)
      .def_readwrite("points_missed", &evaluation_policy::points_missed)
      .def_readwrite("points_no_data", &evaluation_policy::points_no_data, "Points for a goal with no data; None leaves it out")
      .def_readwrite("weight_lead", &evaluation_policy::weight_lead)
      .def_readwrite("weight_responsible", &evaluation_policy::weight_responsible)
      .def_readwrite("weight_supporting", &evaluation_policy::weight_supporting)
      .def("add_veto", [](evaluation_policy& p, const std::string& unit, date on, std::string description) {
        p.vetoes.push_back({unit_id(unit), on, std::move(description)}); }, py::arg("unit"), py::arg("on"),
        py::arg("description"), "Adds a 一票否决 event: the unit's grade is forced to D from that date");

  py::class_<goal_result>(m, "goal_result", "One goal's evaluation: status, value, trace and explanation.")
      .def_property_readonly("goal", [](const goal_result& r) { return r.goal.str(); }, "The goal id")
      .def_property_readonly("status", [](const goal_result& r) { return std::string(to_string(r.status)); },
                             "achieved, on_track, at_risk, off_track, missed, no_data or not_scored")
      .def_property_readonly("status_zh", [](const goal_result& r) { return std::string(to_chinese(r.status)); },
                             "The status in Chinese, e.g. 存在风险")
      .def_readonly("value", &goal_result::value, "The latest value used")
      .def_property_readonly("period", [](const goal_result& r) { return opt_period(r.period); }, "Its period")
      .def_readonly("projected", &goal_result::projected, "The value expected at the deadline, when projected")
      .def_property_readonly("levels", [](const goal_result& r) {
        py::list out;
        for (const auto& l : r.levels)
          out.append(py::make_tuple(std::string(to_string(l.level)), std::string(to_string(l.status)), opt(l.value), opt_period(l.period)));
        return out; }, "all_levels goals: [(level, status, value, period)]")
      .def_property_readonly("trace", [](const goal_result& r) { return trace_dict(r.trace); },
                             "formula, rule, values, thresholds, note and the observations used")
      .def_property_readonly("explanation_zh", [](const goal_result& r) { return r.explanation.zh; }, "The explanation in Chinese")
      .def_property_readonly("explanation_en", [](const goal_result& r) { return r.explanation.en; }, "The explanation in English")
      .def("__repr__", [](const goal_result& r) { return "<qgov.goal_result " + r.goal.str() + " " + std::string(to_string(r.status)) + ">"; });

  py::class_<evaluation_holder>(m, "evaluation", "A whole plan evaluated on a date: goal results, bureau scorecard, coverage.")
      .def_property_readonly("plan", [](const evaluation_holder& h) { return h.plan; }, "The plan evaluated")
      .def_property_readonly("as_of", [](const evaluation_holder& h) { return h.result.as_of; }, "The evaluation date")
      .def_property_readonly("known_as_of", [](const evaluation_holder& h) { return h.result.known_as_of; },
                             "Only figures reported by this date were used")
      .def("result", [](const evaluation_holder& h, const std::string& id) {
        const auto* r = find_result(h.result, goal_id(id));
        if (!r) throw py::key_error("no goal \"" + id + "\" in plan " + h.plan.id().str());
        return *r; }, py::arg("goal"), "One goal's result (qgov.goal_result)")
      .def("to_json", [](const evaluation_holder& h, int indent) { return to_json(h.result, h.plan, indent); },
           py::arg("indent") = 2, "The evaluation as JSON (the `qgov evaluate --format json` contract)")
      .def("render_text", [](const evaluation_holder& h, const std::string& lang) { return render_text(h.result, h.plan, language_named(lang)); },
           py::arg("lang") = "both", "The report as plain text (zh, en or both)")
      .def("render_markdown", [](const evaluation_holder& h, const std::string& lang) { return render_markdown(h.result, h.plan, language_named(lang)); },
           py::arg("lang") = "both", "The report as Markdown")
      .def("render_html", [](const evaluation_holder& h, const std::string& lang) { return render_html(h.result, h.plan, language_named(lang)); },
           py::arg("lang") = "both", "The report as a self-contained HTML page")
      .def("_repr_html_", [](const evaluation_holder& h) { return render_markdown(h.result, h.plan, language::both); })
      .def("_result_columns", &result_columns)
      .def("_scorecard_columns", &scorecard_columns)
      .def("_coverage_columns", [](const evaluation_holder& h) {
        py::list clause, coverage, goals;
        for (const auto& c : h.result.coverage) {
          clause.append(c.clause.value);
          coverage.append(std::string(to_string(c.coverage)));
          py::list g;
          for (const auto& id : c.goals) g.append(id.str());
          goals.append(g);
        }
        py::dict d;
        d["clause"] = clause;
        d["coverage"] = coverage;
        d["goals"] = goals;
        return d; })
      .def("__eq__", [](const evaluation_holder& a, const evaluation_holder& b) {
        return a.result == b.result && a.plan.data() == b.plan.data(); })
      .def(py::pickle([](const evaluation_holder& h) { return py::make_tuple(archive_state(h.plan), archive_state(h.result)); },
                      [](const py::tuple& state) {
                        if (state.size() != 2) throw py::value_error("qgov.evaluation pickle: expected (plan, evaluation) archives");
                        return evaluation_holder{from_archive_state<evaluation>(state[1].cast<py::bytes>()),
                                                 from_archive_state<plan>(state[0].cast<py::bytes>())};
                      }))
      .def("__repr__", [](const evaluation_holder& h) {
        return "<qgov.evaluation " + h.plan.id().str() + " as of " + to_iso(h.result.as_of) + ": " +
               std::to_string(h.result.goals.size()) + " goals>"; });

  m.def("evaluate", [](const plan& p, const observation_ledger& ledger, date as_of, std::optional<date> known_as_of,
                       std::optional<evaluation_policy> policy) {
    py::gil_scoped_release unlocked;
    return evaluation_holder{evaluate(p, ledger, as_of, known_as_of, policy.value_or(evaluation_policy{})), p};
  }, py::arg("plan"), py::arg("observations"), py::arg("as_of"), py::kw_only(), py::arg("known_as_of") = py::none(),
     py::arg("policy") = py::none(),
     "Evaluates every goal of the plan as of a date, using only figures reported by known_as_of (default: as_of)");
}

}  // namespace qgov::python
