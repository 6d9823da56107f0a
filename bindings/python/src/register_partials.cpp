// Mergeable aggregates for qgov.dask (include/qgov/records/partials.hpp): a partition's file is read by qgov's own CSV
// reader into a partial with the GIL released; partials pickle as their compact checked bytes and merge in order.
#include "common.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <pybind11/stl/filesystem.h>

#include <qgov/records/generator.hpp>
#include <qgov/records/partials.hpp>
#include <qgov/records/records_csv.hpp>

namespace qgov::inline QGOV_ABI::python {
namespace {

using namespace qgov::records;

// A file read with qgov's reader. With keep_good_rows the rejected rows go to a private temporary file, whose text
// is returned (a worker's disk is not the client's) and the file removed.
struct loaded {
  record_table table;
  std::string rejects;           ///< the rejects CSV text (line,problems,record), keep_good_rows only
  std::size_t rows_rejected = 0;
};

loaded load_file(const std::string& path, bool keep_good_rows, unsigned threads) {
  load_options o;
  o.threads = threads;
  loaded out;
  std::string tmp;
  if (keep_good_rows) {
    std::string pattern = (std::filesystem::temp_directory_path() / "qgov-rejects-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) throw qgov::error("cannot create a temporary file for the rejects of " + path);
    ::close(fd);
    tmp = pattern;
    o.keep_good_rows = true;
    o.rejects_path = tmp;
  }
  try {
    load_report rep;
    out.table = load_records(path, o, &rep);
    out.rows_rejected = rep.rows_rejected;
  } catch (...) {
    if (!tmp.empty()) std::remove(tmp.c_str());
    throw;
  }
  if (!tmp.empty()) {
    std::ifstream in(tmp, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    out.rejects = ss.str();
    std::remove(tmp.c_str());
  }
  return out;
}

rectification_options rect_options(const std::vector<std::string>& programmes, bool by_enterprise, bool exclude_not_ordered) {
  rectification_options o;
  if (!programmes.empty()) {
    o.programmes.fill(false);
    for (const auto& name : programmes) {
      const auto p = parse_programme(name);
      if (!p) throw py::value_error("unknown programme \"" + name + "\"; expected food_evaluative, food_supervisory, "
                                    "agri_monitoring, product_supervisory");
      o.programmes[static_cast<std::size_t>(*p)] = true;
    }
  }
  o.by_enterprise = by_enterprise;
  o.exclude_not_ordered = exclude_not_ordered;
  return o;
}

template <class P>
P merge_all(const std::vector<const P*>& parts) {
  if (parts.empty()) throw py::value_error("nothing to merge");
  P out = *parts.front();
  py::gil_scoped_release unlocked;
  for (std::size_t i = 1; i < parts.size(); ++i) out.merge(*parts[i]);
  return out;
}

}  // namespace

void bind_partials(py::module_& m) {
  py::class_<pass_rate_partial>(m, "pass_rate_partial",
                                "Sampled/passed counts by a grouping from some records: merges exactly with others "
                                "(integer sums); pickles as a few kilobytes")
      .def_property_readonly("rows", &pass_rate_partial::rows, "Records read into it")
      .def_property_readonly("groups", [](const pass_rate_partial& p) { return p.cells().size(); })
      .def_property_readonly("by", [](const pass_rate_partial& p) { return to_string(p.keys()); })
      .def("to_bytes", [](const pass_rate_partial& p) { return py::bytes(p.to_bytes()); })
      .def_static("from_bytes", [](const py::bytes& b) { return pass_rate_partial::from_bytes(std::string_view(b), "<bytes>"); })
      .def("__eq__", [](const pass_rate_partial& a, const pass_rate_partial& b) { return a == b; })
      .def(py::pickle([](const pass_rate_partial& p) { return py::bytes(p.to_bytes()); },
                      [](const py::bytes& b) { return pass_rate_partial::from_bytes(std::string_view(b), "<pickle>"); }))
      .def("__repr__", [](const pass_rate_partial& p) {
        return "<qgov.pass_rate_partial by " + to_string(p.keys()) + ": " + std::to_string(p.cells().size()) + " groups, " +
               std::to_string(p.rows()) + " records>"; });

  py::class_<rectification_partial>(m, "rectification_partial",
                                    "Rectification completion counts (and items) as of a date from some records; "
                                    "merges in order with the next piece's")
      .def_property_readonly("rows", &rectification_partial::rows)
      .def_property_readonly("as_of", &rectification_partial::as_of)
      .def("to_bytes", [](const rectification_partial& p) { return py::bytes(p.to_bytes()); })
      .def_static("from_bytes", [](const py::bytes& b) { return rectification_partial::from_bytes(std::string_view(b), "<bytes>"); })
      .def("__eq__", [](const rectification_partial& a, const rectification_partial& b) { return a == b; })
      .def(py::pickle([](const rectification_partial& p) { return py::bytes(p.to_bytes()); },
                      [](const py::bytes& b) { return rectification_partial::from_bytes(std::string_view(b), "<pickle>"); }))
      .def("__repr__", [](const rectification_partial& p) {
        return "<qgov.rectification_partial as of " + to_iso(p.as_of()) + ", " + std::to_string(p.rows()) + " records>"; });

  // One file → partials (a dict: "rates", "rectification" as asked, "rejects" text, "rows_rejected", "bytes").
  m.def("_partials_of_file", [](const std::filesystem::path& path, std::optional<std::string> by, std::optional<date> as_of,
                                const std::vector<std::string>& programmes, bool by_enterprise, bool exclude_not_ordered,
                                bool keep_items, bool keep_good_rows, unsigned threads) {
    std::optional<group_by> keys;
    if (by) keys = parse_group_by(*by);  // bad keys fail before the file is read
    const rectification_options ro = rect_options(programmes, by_enterprise, exclude_not_ordered);
    loaded l;
    std::optional<pass_rate_partial> rates;
    std::optional<rectification_partial> rect;
    {
      py::gil_scoped_release unlocked;
      l = load_file(path.string(), keep_good_rows, threads);
      if (keys) rates = pass_rate_partial::of(l.table, *keys);
      if (as_of) rect = rectification_partial::of(l.table, *as_of, ro, keep_items);
    }
    py::dict d;
    d["rates"] = rates ? py::cast(std::move(*rates)) : py::none();
    d["rectification"] = rect ? py::cast(std::move(*rect)) : py::none();
    d["rows"] = l.table.size();
    d["rows_rejected"] = l.rows_rejected;
    d["rejects"] = py::bytes(l.rejects);
    d["table_bytes"] = l.table.bytes();
    return d; },
    py::arg("path"), py::arg("by"), py::arg("as_of"), py::arg("programmes"), py::arg("by_enterprise"),
    py::arg("exclude_not_ordered"), py::arg("keep_items"), py::arg("keep_good_rows"), py::arg("threads") = 0u);

  m.def("_pass_rate_partial", [](const record_table& t, const std::string& by) {
    const auto keys = parse_group_by(by);
    py::gil_scoped_release unlocked;
    return pass_rate_partial::of(t, keys); });
  m.def("_rectification_partial", [](const record_table& t, date as_of, const std::vector<std::string>& programmes,
                                     bool by_enterprise, bool exclude_not_ordered, bool keep_items) {
    const auto o = rect_options(programmes, by_enterprise, exclude_not_ordered);
    py::gil_scoped_release unlocked;
    return rectification_partial::of(t, as_of, o, keep_items); });
  m.def("_merge_pass_rate_partials", &merge_all<pass_rate_partial>, "Merges partials in order");
  m.def("_merge_rectification_partials", &merge_all<rectification_partial>, "Merges partials in order");
  m.def("_partial_rates", [](const pass_rate_partial& p, double z, std::uint64_t minimum_sample) {
    rate_options o;
    o.z = z;
    o.minimum_sample = minimum_sample;
    return rate_columns(p.rates(o)); });
  m.def("_generate_records_csv", [](std::uint64_t rows, std::uint64_t seed, std::uint32_t enterprises, int first_year, int years) {
    generator_options o;
    o.rows = rows;
    o.seed = seed;
    o.enterprises = enterprises;
    o.first_year = first_year;
    o.years = years;
    std::ostringstream os;
    {
      py::gil_scoped_release unlocked;
      generate_records_csv(o, os);
    }
    return py::bytes(os.str()); }, py::arg("rows"), py::arg("seed") = 1, py::arg("enterprises") = 400,
    py::arg("first_year") = 2024, py::arg("years") = 2, "Synthetic records as CSV bytes (qgov gen-records)");
  m.def("_partial_rectification", [](const rectification_partial& p) { return rectification_columns(p.report()); });
}

}  // namespace qgov::python
