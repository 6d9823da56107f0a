// _qgov: the compiled half of the `qgov` Python package. The pure-Python half (qgov/__init__.py) turns the column
// data returned here into pandas DataFrames and adds the conveniences a notebook expects.
#include "common.hpp"

namespace py = pybind11;

PYBIND11_MODULE(_qgov, m) {
  m.doc() = "qgov: the quality-governance rules of Chinese quality-development plans (compiled core)";
  m.attr("__version__") = std::string(qgov::version_string);

  // qgov::error -> qgov.Error; qgov::load_error -> qgov.LoadError (a subclass) with .origin and .problems.
  static py::exception<qgov::error> error_type(m, "Error", PyExc_RuntimeError);
  static py::exception<qgov::load_error> load_error_type(m, "LoadError", error_type.ptr());
  error_type.doc() = "Any error qgov reports; the message names where the problem is and what was expected.";
  load_error_type.doc() =
      "An input that could not be loaded: .origin names it, .problems lists every (where, message) found.";
  // Messages are UTF-8 (qgov escapes input it quotes); decode defensively all the same, never failing the raise.
  static auto text = [](const std::string& s) {
    return py::reinterpret_steal<py::str>(PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "backslashreplace"));
  };
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const qgov::load_error& e) {
      py::list problems;
      for (const auto& x : e.problems()) problems.append(py::make_tuple(text(x.where), text(x.message)));
      py::object instance = py::reinterpret_borrow<py::object>(load_error_type.ptr())(text(e.what()));
      instance.attr("origin") = text(e.origin());
      instance.attr("problems") = problems;
      PyErr_SetObject(load_error_type.ptr(), instance.ptr());
    } catch (const qgov::error& e) {
      PyErr_SetObject(error_type.ptr(), text(e.what()).ptr());
    }
  });

  qgov::python::bind_plan(m);
  qgov::python::bind_evaluation(m);
  qgov::python::bind_formulas(m);
  qgov::python::bind_records(m);
  qgov::python::bind_lineage(m);
  qgov::python::bind_partials(m);
}
