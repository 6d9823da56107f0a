// Inspection records: the columnar table, its loaders, and pass rates / rectification as columns for DataFrames.
// Tables are built from NumPy buffers (codes, day numbers), never from per-row Python objects.
#include "common.hpp"

#include <limits>
#include <optional>
#include <span>
#include <sstream>

#include <pybind11/numpy.h>
#include <pybind11/stl/filesystem.h>

#include <qgov/records/pass_rates.hpp>
#include <qgov/records/records_csv.hpp>
#include <qgov/records/rectification.hpp>

namespace qgov::inline QGOV_ABI::python {
namespace {

using namespace qgov::records;
template <class T>
using arr = py::array_t<T, py::array::c_style | py::array::forcecast>;

py::object opt_date(const std::optional<date>& d) { return d ? py::cast(*d) : py::none(); }

// A column of n integer codes (or day numbers), checked for length.
template <class T>
arr<T> column(const py::handle& h, const char* name, std::optional<std::size_t> n) {
  auto a = arr<T>::ensure(h);
  if (!a || a.ndim() != 1) throw py::type_error(std::string(name) + ": expected a 1-D array");
  if (n && static_cast<std::size_t>(a.shape(0)) != *n)
    throw py::value_error(std::string(name) + ": expected " + std::to_string(*n) + " values, got " + std::to_string(a.shape(0)));
  return a;
}

// The table from code columns (the Python layer turns a DataFrame's columns into codes and dictionaries), built by
// record_table::from_columns, which checks every code and date first; one error names the first bad row.
record_table table_from_columns(const py::handle& programme_h, const py::handle& level_h, const py::handle& sampled_h,
                                const py::handle& outcome_h, const py::handle& region_h,
                                const std::vector<std::string>& regions, const py::handle& category_h,
                                const std::vector<std::string>& categories, const py::handle& enterprise_h,
                                const std::vector<std::string>& enterprises) {
  const auto prog = column<std::int64_t>(programme_h, "programme", std::nullopt);
  const auto n = static_cast<std::size_t>(prog.shape(0));
  const auto lvl = column<std::int64_t>(level_h, "level", n);
  const auto day = column<std::int64_t>(sampled_h, "sampled_on", n);
  const auto out = column<std::int64_t>(outcome_h, "outcome", n);
  const auto reg = column<std::int64_t>(region_h, "region", n);
  const auto cat = column<std::int64_t>(category_h, "category", n);
  const auto ent = column<std::int64_t>(enterprise_h, "enterprise_id", n);
  const auto span = [n](const auto& a) { return std::span<const std::int64_t>(a.data(), n); };
  const record_columns columns{span(prog), span(lvl), span(day), span(out), span(reg), span(cat), span(ent),
                               regions, categories, enterprises};
  std::optional<record_table> t;
  std::string problem;
  {
    py::gil_scoped_release unlocked;
    try {
      t = record_table::from_columns(columns);  // checks every code first: a bad input builds nothing
    } catch (const qgov::error& e) {
      problem = e.what();
    }
  }
  if (!t) throw py::value_error(problem);  // "row N, column: …", which the Python layer names by the row's label
  return std::move(*t);
}

py::dict table_columns(const record_table& t) {
  auto copy = [](const auto& v) {
    using T = typename std::decay_t<decltype(v)>::value_type;
    py::array_t<T> a(static_cast<py::ssize_t>(v.size()));
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
  };
  auto names = [](const dictionary& d) { return std::vector<std::string>(d.names().begin(), d.names().end()); };
  py::dict out;
  out["programme"] = copy(t.programme_column());
  out["level"] = copy(t.level_column());
  out["sampled_on"] = copy(t.sampled_on_column());
  out["outcome"] = copy(t.outcome_column());
  out["region"] = copy(t.region_column());
  out["category"] = copy(t.category_column());
  out["enterprise_id"] = copy(t.enterprise_column());
  out["regions"] = names(t.regions());
  out["categories"] = names(t.categories());
  out["enterprises"] = names(t.enterprises());
  return out;
}

}  // namespace

// Shared with register_partials.cpp (common.hpp): the columns of qgov.pass_rates and qgov.rectification.
py::dict rate_columns(const rate_table& rt) {
  const std::size_t n = rt.cells.size();
  const auto N = static_cast<py::ssize_t>(n);
  py::list programme_, level_, region, category, period_;
  py::array_t<std::uint64_t> sampled(N), passed(N);
  py::array_t<double> rate(N), low(N), high(N);
  py::array_t<bool> small(N);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& c = rt.cells[i];
    if (rt.keys.programme) programme_.append(std::string(to_string(*c.programme)));
    if (rt.keys.level) level_.append(std::string(to_string(*c.level)));
    if (rt.keys.region) region.append(*c.region);
    if (rt.keys.category) category.append(*c.category);
    if (rt.keys.period != period_key::none) period_.append(c.period->str());
    sampled.mutable_at(i) = c.sampled;
    passed.mutable_at(i) = c.passed;
    rate.mutable_at(i) = 100.0 * c.value();
    low.mutable_at(i) = 100.0 * c.low;
    high.mutable_at(i) = 100.0 * c.high;
    small.mutable_at(i) = c.small_sample;
  }
  py::dict d;
  if (rt.keys.programme) d["programme"] = programme_;
  if (rt.keys.level) d["level"] = level_;
  if (rt.keys.region) d["region"] = region;
  if (rt.keys.category) d["category"] = category;
  if (rt.keys.period != period_key::none) {
    const char* name = rt.keys.period == period_key::month ? "month" : rt.keys.period == period_key::quarter ? "quarter" : "year";
    d[name] = period_;
  }
  d["sampled"] = sampled;
  d["passed"] = passed;
  d["rate"] = rate;
  d["low"] = low;
  d["high"] = high;
  d["small_sample"] = small;
  return d;
}

py::dict rectification_columns(const rectification_report& r) {
  py::list level_, due, completed, rate;
  py::dict counts;
  for (std::size_t s = 0; s < rectification_status_count; ++s) counts[py::str(std::string(to_string(static_cast<rectification_status>(s))))] = py::list();
  for (const auto& l : r.levels) {
    level_.append(std::string(to_string(l.level)));
    due.append(l.due);
    completed.append(l.completed);
    rate.append(l.due ? py::cast(100.0 * static_cast<double>(l.completed) / static_cast<double>(l.due)) : py::none());
    for (std::size_t s = 0; s < rectification_status_count; ++s)
      counts[py::str(std::string(to_string(static_cast<rectification_status>(s))))].cast<py::list>().append(l.count[s]);
  }
  py::dict levels;
  levels["level"] = level_;
  levels["due"] = due;
  levels["completed"] = completed;
  levels["rate"] = rate;
  for (auto item : counts) levels[item.first] = item.second;
  py::list rid, ent, prog, lvl, sampled, ordered, rectified, reinspected, outcome_, rectify_by, reinspect_by, status;
  for (const auto& i : r.items) {
    rid.append(i.record_id);
    ent.append(i.enterprise);
    prog.append(std::string(to_string(i.programme)));
    lvl.append(std::string(to_string(i.level)));
    sampled.append(py::cast(i.sampled_on));
    ordered.append(opt_date(i.ordered_on));
    rectified.append(opt_date(i.rectified_on));
    reinspected.append(opt_date(i.reinspected_on));
    outcome_.append(i.reinspection_outcome ? py::cast(std::string(to_string(*i.reinspection_outcome))) : py::none());
    rectify_by.append(opt_date(i.rectify_by));
    reinspect_by.append(opt_date(i.reinspect_by));
    status.append(std::string(to_string(i.status)));
  }
  py::dict items;
  items["record_id"] = rid;
  items["enterprise_id"] = ent;
  items["programme"] = prog;
  items["level"] = lvl;
  items["sampled_on"] = sampled;
  items["ordered_on"] = ordered;
  items["rectified_on"] = rectified;
  items["reinspected_on"] = reinspected;
  items["reinspection_outcome"] = outcome_;
  items["rectify_by"] = rectify_by;
  items["reinspect_by"] = reinspect_by;
  items["status"] = status;
  py::dict d;
  d["levels"] = levels;
  d["items"] = items;
  return d;
}

void bind_records(py::module_& m) {
  py::class_<record_table>(m, "record_table",
                           "Raw inspection records (抽检记录) in columns: programme, level, sampling date, region, "
                           "category, enterprise, outcome, and the rectification dates of failed samples.")
      .def("__len__", &record_table::size)
      .def_property_readonly("bytes", &record_table::bytes, "Heap bytes the table holds")
      .def("to_csv", [](const record_table& t) {
        std::ostringstream os;
        write_records_csv(t, os);
        return os.str(); }, "The table in the record CSV format (docs/records.md)")
      .def("_columns", &table_columns)
      .def("__repr__", [](const record_table& t) { return "<qgov.record_table " + std::to_string(t.size()) + " records>"; });

  m.def("load_records", [](const std::filesystem::path& path, bool keep_good_rows, std::optional<std::string> rejects) {
    load_options o;
    o.keep_good_rows = keep_good_rows;
    if (rejects) o.rejects_path = *rejects;
    py::gil_scoped_release unlocked;
    return load_records(path.string(), o); }, py::arg("path"), py::kw_only(), py::arg("keep_good_rows") = false,
    py::arg("rejects_path") = py::none(),
    "Reads a record CSV file (streamed). Any bad row refuses the load (qgov.LoadError with every problem at "
    "line:column) unless keep_good_rows, which writes the rejected rows with their reasons to rejects_path");
  m.def("parse_records_csv", [](const std::string& text, const std::string& origin) {
    py::gil_scoped_release unlocked;
    return parse_records_csv(text, origin); }, py::arg("text"), py::arg("origin") = "<string>",
    "Reads record CSV text; raises qgov.LoadError");
  m.def("_table_from_columns", &table_from_columns);
  m.def("_pass_rates", [](const record_table& t, const std::string& by, double z, std::uint64_t minimum_sample, unsigned threads) {
    rate_options o;
    o.z = z;
    o.minimum_sample = minimum_sample;
    o.threads = threads;
    const auto keys = parse_group_by(by);
    rate_table rt;
    {
      py::gil_scoped_release unlocked;
      rt = pass_rates(t, keys, o);
    }
    return rate_columns(rt); });
  m.def("_rectification", [](const record_table& t, date as_of) { return rectification_columns(rectification(t, as_of)); });
}

}  // namespace qgov::python
