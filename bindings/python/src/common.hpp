// Shared by the binding translation units: the date caster (boost::gregorian::date <-> datetime.date) and the
// Python-side holder of an evaluation, which keeps the plan it was computed for.
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <stdexcept>
#include <string>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <qgov/qgov.hpp>
#include <qgov/io/archive.hpp>
#include <qgov/records/pass_rates.hpp>
#include <qgov/records/rectification.hpp>

namespace pybind11::detail {

// Dates cross as datetime.date; on the way in an ISO string "2025-12-31" and any object with year/month/day
// (datetime.datetime, pandas.Timestamp) are accepted too. A date that does not exist raises ValueError.
template <>
struct type_caster<boost::gregorian::date> {
  PYBIND11_TYPE_CASTER(boost::gregorian::date, const_name("datetime.date"));

  bool load(handle src, bool) {
    if (!src || src.is_none()) return false;
    if (PyUnicode_Check(src.ptr())) {
      const auto s = src.cast<std::string>();
      const auto d = qgov::parse_iso_date(s);
      if (!d) throw value_error("expected a date YYYY-MM-DD, got \"" + s + "\"");
      value = *d;
      return true;
    }
    if (!hasattr(src, "year") || !hasattr(src, "month") || !hasattr(src, "day")) return false;
    const int y = src.attr("year").cast<int>(), m = src.attr("month").cast<int>(), d = src.attr("day").cast<int>();
    try {
      value = boost::gregorian::date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                                     static_cast<unsigned short>(d));
    } catch (const std::out_of_range&) {
      throw value_error("not a date: " + std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(d));
    }
    return true;
  }

  static handle cast(const boost::gregorian::date& d, return_value_policy, handle) {
    if (d.is_special()) return none().release();
    return module_::import("datetime").attr("date")(int(d.year()), int(d.month()), int(d.day())).release();
  }
};

}  // namespace pybind11::detail

namespace qgov::inline QGOV_ABI::python {

namespace py = pybind11;

/// An evaluation together with the plan it was computed for (rendering and JSON need both).
struct evaluation_holder {
  qgov::evaluation result;
  qgov::plan plan;
};

/// Pickling reuses the C++ archives (include/qgov/io/archive.hpp): the state is the text archive, which is portable
/// across machines, versioned, checked by SHA-256 and, for a plan, validated again on load.
template <class T>
py::bytes archive_state(const T& value) {
  return py::bytes(to_archive_bytes(value, archive_format::text));
}
template <class T>
T from_archive_state(const py::bytes& state) {
  return from_archive_bytes<T>(std::string_view(state), archive_format::text, "<pickle>");
}

void bind_plan(py::module_& m);
void bind_evaluation(py::module_& m);
void bind_formulas(py::module_& m);
void bind_records(py::module_& m);
void bind_lineage(py::module_& m);  // lineage.cpp: rollup, diff, cascade
void bind_partials(py::module_& m);  // register_partials.cpp: mergeable aggregates for qgov.dask

/// The column data of qgov.pass_rates / qgov.rectification (records.cpp), shared with the partials' results.
py::dict rate_columns(const qgov::records::rate_table& rates);
py::dict rectification_columns(const qgov::records::rectification_report& report);

}  // namespace qgov::python
