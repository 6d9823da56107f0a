// Boost.Serialization of qgov's types (private to src/: Boost.Serialization is a compiled library that hosts need not
// see). Every class has a version (BOOST_CLASS_VERSION below): bump it when a class gains or loses a field, and branch
// on `version` in its serialize() so archives of every earlier version keep loading.
//
// Hostile input: strings and sequences are written with our own length prefix, checked on load against the payload
// size (a byte string or sequence cannot be longer than the archive holding it), never with Boost's unchecked
// `resize`/`reserve`; enums are checked against their range, dates and periods parsed strictly, and class versions
// newer than this qgov knows are refused.
#pragma once

#include <qgov/version.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <boost/serialization/binary_object.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/split_free.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include <qgov/core/error.hpp>
#include <qgov/eval/evaluation.hpp>
#include <qgov/eval/observation.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI::detail::archive_io {

/// Thrown for malformed payloads; turned into a load_error by the loader.
class corrupt_payload : public qgov::error {
public:
  using qgov::error::error;
};

/// The payload size of the archive being loaded: no string or sequence in it can be longer.
inline thread_local std::uint64_t byte_limit = 0;

template <class Ar>
inline constexpr bool is_xml =
    std::is_same_v<Ar, boost::archive::xml_iarchive> || std::is_same_v<Ar, boost::archive::xml_oarchive>;

template <class T>
void check_version(unsigned version, const char* what) {
  if (version > boost::serialization::version<T>::value)
    throw corrupt_payload(std::string(what) + " has class version " + std::to_string(version) +
                          ", newer than this qgov reads (" + std::to_string(boost::serialization::version<T>::value) +
                          "): the archive was written by a later qgov");
}

inline void check_length(std::uint64_t n, const char* name, const char* what) {
  if (n > byte_limit)
    throw corrupt_payload(std::string(name) + ": " + what + " of " + std::to_string(n) +
                          " claimed in a payload of " + std::to_string(byte_limit) + " bytes");
}

// The largest value of each enum (they all start at 0 and are contiguous).
constexpr int enum_max(comparator) { return static_cast<int>(comparator::eq); }
constexpr int enum_max(goal_kind) { return static_cast<int>(goal_kind::qualitative); }
constexpr int enum_max(trend_direction) { return static_cast<int>(trend_direction::decrease); }
constexpr int enum_max(source_ref::kind_t) { return static_cast<int>(source_ref::kind_t::column); }
constexpr int enum_max(link_type) { return static_cast<int>(link_type::assigned); }
constexpr int enum_max(deadline_basis) { return static_cast<int>(deadline_basis::plan_horizon); }
constexpr int enum_max(role) { return static_cast<int>(role::supporting); }
constexpr int enum_max(role_convention) { return static_cast<int>(role_convention::explicit_roles); }
constexpr int enum_max(unit_kind) { return static_cast<int>(unit_kind::collective); }
constexpr int enum_max(level) { return static_cast<int>(level::district); }
constexpr int enum_max(goal_status) { return static_cast<int>(goal_status::not_scored); }
constexpr int enum_max(formulas::grade) { return static_cast<int>(formulas::grade::D); }
constexpr int enum_max(clause_coverage) { return static_cast<int>(clause_coverage::none); }

using boost::serialization::make_nvp;

// Records (structs with a serialize() below): Boost writes their class version once per archive.
template <class Ar, class T>
  requires std::is_class_v<T>
void io(Ar& ar, const char* name, T& x) {
  ar& make_nvp(name, x);
}

// Booleans as 0/1 integers: Boost's binary bool reads a raw byte into a bool (UB for any byte but 0 and 1).
template <class Ar>
void io(Ar& ar, const char* name, bool& x) {
  int v = x ? 1 : 0;
  ar& make_nvp(name, v);
  if constexpr (Ar::is_loading::value) {
    if (v != 0 && v != 1) throw corrupt_payload(std::string(name) + ": expected 0 or 1, got " + std::to_string(v));
    x = v == 1;
  }
}
template <class Ar>
void io(Ar& ar, const char* name, int& x) { ar& make_nvp(name, x); }
template <class Ar>
void io(Ar& ar, const char* name, double& x) { ar& make_nvp(name, x); }
template <class Ar>
void io(Ar& ar, const char* name, std::uint64_t& x) { ar& make_nvp(name, x); }

template <class Ar, class E>
  requires std::is_enum_v<E>
void io(Ar& ar, const char* name, E& e) {
  int v = static_cast<int>(e);
  ar& make_nvp(name, v);
  if constexpr (Ar::is_loading::value) {
    if (v < 0 || v > enum_max(E{}))
      throw corrupt_payload(std::string(name) + ": " + std::to_string(v) + " is not one of the " +
                            std::to_string(enum_max(E{}) + 1) + " values of the enumeration");
    e = static_cast<E>(v);
  }
}

template <class Ar>
void io(Ar& ar, const char* name, std::string& s) {
  if constexpr (is_xml<Ar>) {
    ar& make_nvp(name, s);  // XML strings carry no length prefix: read up to the closing tag
    if constexpr (Ar::is_loading::value) check_length(s.size(), name, "a string");
  } else if constexpr (Ar::is_saving::value) {
    std::uint64_t n = s.size();
    ar& make_nvp(name, n);
    if (n) ar& boost::serialization::make_binary_object(s.data(), s.size());
  } else {
    std::uint64_t n = 0;
    ar& make_nvp(name, n);
    check_length(n, name, "a string");
    s.assign(static_cast<std::size_t>(n), '\0');
    if (n) ar& boost::serialization::make_binary_object(s.data(), s.size());
  }
}

template <class Ar>
void io(Ar& ar, const char* name, std::size_t& x) requires(!std::is_same_v<std::size_t, std::uint64_t>) {
  std::uint64_t v = x;
  ar& make_nvp(name, v);
  x = static_cast<std::size_t>(v);
}

template <class Ar, class Tag>
void io(Ar& ar, const char* name, basic_id<Tag>& id) {
  std::string s = id.str();
  io(ar, name, s);
  if constexpr (Ar::is_loading::value) id = basic_id<Tag>(std::move(s));
}

template <class Ar>
void io(Ar& ar, const char* name, clause_number& n) { io(ar, name, n.value); }
template <class Ar>
void io(Ar& ar, const char* name, section_number& n) { io(ar, name, n.value); }
template <class Ar>
void io(Ar& ar, const char* name, column_number& n) { io(ar, name, n.value); }

/// Dates as YYYY-MM-DD (not-a-date-time for the special value), parsed strictly.
template <class Ar>
void io(Ar& ar, const char* name, date& d) {
  std::string s = d.is_special() ? std::string("not-a-date-time") : to_iso(d);
  io(ar, name, s);
  if constexpr (Ar::is_loading::value) {
    if (s == "not-a-date-time") {
      d = date(boost::date_time::not_a_date_time);
    } else if (auto parsed = parse_iso_date(s)) {
      d = *parsed;
    } else {
      throw corrupt_payload(std::string(name) + ": expected a date YYYY-MM-DD, got a string of " +
                            std::to_string(s.size()) + " bytes");
    }
  }
}

/// Periods as written (2024, 2024-Q3, 2024-09, 2024-09-30), parsed strictly.
template <class Ar>
void io(Ar& ar, const char* name, period& p) {
  std::string s = p.str();
  io(ar, name, s);
  if constexpr (Ar::is_loading::value) {
    auto parsed = period::parse(s);
    if (!parsed) throw corrupt_payload(std::string(name) + ": expected a period such as 2024 or 2024-Q3");
    p = *parsed;
  }
}

template <class Ar, class T>
void io(Ar& ar, const char* name, std::optional<T>& o) {
  bool present = o.has_value();
  io(ar, (std::string(name) + "_present").c_str(), present);
  if (!present) {
    if constexpr (Ar::is_loading::value) o.reset();
    return;
  }
  if constexpr (Ar::is_loading::value) o.emplace();
  io(ar, name, *o);
}

/// Sequences: a checked count, then the items one by one (no reserve from an untrusted count).
template <class Ar, class T>
void io(Ar& ar, const char* name, std::vector<T>& v) {
  std::uint64_t n = v.size();
  io(ar, (std::string(name) + "_count").c_str(), n);
  if constexpr (Ar::is_saving::value) {
    for (auto& x : v) io(ar, "item", x);
  } else {
    check_length(n, name, "a sequence");
    std::vector<T> out;
    for (std::uint64_t i = 0; i < n; ++i) {
      T x{};
      io(ar, "item", x);
      out.push_back(std::move(x));
    }
    v = std::move(out);
  }
}

}  // namespace qgov::detail::archive_io

// ---------------------------------------------------------------------------------------------
// One serialize() per class, in the order of its fields.

#define QGOV_ARCHIVE_FIELD(f) ::qgov::detail::archive_io::io(ar, #f, x.f)
#define QGOV_ARCHIVE_RECORD(T, V, ...)                                                  \
  BOOST_CLASS_VERSION(T, V)                                                             \
  BOOST_CLASS_TRACKING(T, boost::serialization::track_never)                            \
  namespace boost::serialization {                                                      \
  template <class Ar>                                                                   \
  void serialize(Ar& ar, T& x, const unsigned int version) {                            \
    ::qgov::detail::archive_io::check_version<T>(version, #T);                          \
    __VA_ARGS__;                                                                        \
  }                                                                                     \
  }

#define QGOV_F QGOV_ARCHIVE_FIELD

// Version 1 of each class is the first qgov archive format (qgov 0.1.0).
QGOV_ARCHIVE_RECORD(qgov::source_span, 1, QGOV_F(begin); QGOV_F(end))
QGOV_ARCHIVE_RECORD(qgov::spanned_text, 1, QGOV_F(text); QGOV_F(span))
QGOV_ARCHIVE_RECORD(qgov::source_info, 1, QGOV_F(path); QGOV_F(sha256))
QGOV_ARCHIVE_RECORD(qgov::document, 1,
                    QGOV_F(title); QGOV_F(notice_title); QGOV_F(number); QGOV_F(issuer); QGOV_F(issued_on_text);
                    QGOV_F(issued_on); QGOV_F(disclosure); QGOV_F(title_en))
QGOV_ARCHIVE_RECORD(qgov::section, 1, QGOV_F(number); QGOV_F(title); QGOV_F(span))
QGOV_ARCHIVE_RECORD(qgov::clause, 1, QGOV_F(number); QGOV_F(section); QGOV_F(title); QGOV_F(span))
QGOV_ARCHIVE_RECORD(qgov::column_item, 1, QGOV_F(title); QGOV_F(span))
QGOV_ARCHIVE_RECORD(qgov::column, 1, QGOV_F(number); QGOV_F(section); QGOV_F(title); QGOV_F(span); QGOV_F(items))
QGOV_ARCHIVE_RECORD(qgov::responsible_unit, 1, QGOV_F(id); QGOV_F(name); QGOV_F(name_en); QGOV_F(kind))
QGOV_ARCHIVE_RECORD(qgov::responsibility_cell, 1, QGOV_F(unit); QGOV_F(unit_role); QGOV_F(span))
QGOV_ARCHIVE_RECORD(qgov::responsibility_list, 1, QGOV_F(clause); QGOV_F(span); QGOV_F(cells))
QGOV_ARCHIVE_RECORD(qgov::target, 1, QGOV_F(comparator); QGOV_F(value); QGOV_F(unit); QGOV_F(stated))
QGOV_ARCHIVE_RECORD(qgov::source_ref, 1, QGOV_F(kind); QGOV_F(number))
QGOV_ARCHIVE_RECORD(qgov::statement, 1, QGOV_F(quote); QGOV_F(span); QGOV_F(source))
QGOV_ARCHIVE_RECORD(qgov::clause_link, 1, QGOV_F(clause); QGOV_F(link); QGOV_F(rationale))
// goal version 2 (issue 13) adds target_override at the end; version 1 archives load with it empty.
QGOV_ARCHIVE_RECORD(qgov::goal, 2,
                    QGOV_F(id); QGOV_F(indicator); QGOV_F(name_en); QGOV_F(kind); QGOV_F(target); QGOV_F(direction);
                    QGOV_F(levels); QGOV_F(items); QGOV_F(deadline); QGOV_F(deadline_from); QGOV_F(horizon);
                    QGOV_F(quote); QGOV_F(span); QGOV_F(source); QGOV_F(restatements); QGOV_F(clauses);
                    if (version >= 2) QGOV_F(target_override))
QGOV_ARCHIVE_RECORD(qgov::plan_data, 1,
                    QGOV_F(id); QGOV_F(format_version); QGOV_F(source); QGOV_F(source_text); QGOV_F(document);
                    QGOV_F(sections); QGOV_F(clauses); QGOV_F(columns); QGOV_F(units); QGOV_F(convention);
                    QGOV_F(responsibility); QGOV_F(goals))
QGOV_ARCHIVE_RECORD(qgov::rate, 1, QGOV_F(numerator); QGOV_F(denominator))
QGOV_ARCHIVE_RECORD(qgov::observation, 1,
                    QGOV_F(goal); QGOV_F(period); QGOV_F(value); QGOV_F(rate); QGOV_F(level); QGOV_F(reported_on);
                    QGOV_F(source); QGOV_F(origin))
QGOV_ARCHIVE_RECORD(qgov::trace_value, 1, QGOV_F(name); QGOV_F(value))
QGOV_ARCHIVE_RECORD(qgov::trace, 1,
                    QGOV_F(formula); QGOV_F(rule); QGOV_F(observations); QGOV_F(values); QGOV_F(thresholds);
                    QGOV_F(note))
QGOV_ARCHIVE_RECORD(qgov::explanation, 1, QGOV_F(zh); QGOV_F(en))
QGOV_ARCHIVE_RECORD(qgov::level_result, 1, QGOV_F(level); QGOV_F(status); QGOV_F(value); QGOV_F(period))
QGOV_ARCHIVE_RECORD(qgov::goal_result, 1,
                    QGOV_F(goal); QGOV_F(status); QGOV_F(value); QGOV_F(period); QGOV_F(projected); QGOV_F(levels);
                    QGOV_F(trace); QGOV_F(explanation))
QGOV_ARCHIVE_RECORD(qgov::score_contribution, 1, QGOV_F(goal); QGOV_F(unit_role); QGOV_F(weight); QGOV_F(points))
QGOV_ARCHIVE_RECORD(qgov::bureau_score, 1,
                    QGOV_F(unit); QGOV_F(score); QGOV_F(grade); QGOV_F(rank); QGOV_F(vetoed); QGOV_F(contributions))
QGOV_ARCHIVE_RECORD(qgov::clause_coverage_entry, 1, QGOV_F(clause); QGOV_F(coverage); QGOV_F(goals))
QGOV_ARCHIVE_RECORD(qgov::evaluation, 1,
                    QGOV_F(plan); QGOV_F(as_of); QGOV_F(known_as_of); QGOV_F(goals); QGOV_F(bureaus);
                    QGOV_F(coverage))

#undef QGOV_F

// The ledger has no setters: it is written as its observations and rebuilt (sorted, revisions kept) on load.
BOOST_CLASS_VERSION(qgov::observation_ledger, 1)
BOOST_CLASS_TRACKING(qgov::observation_ledger, boost::serialization::track_never)
namespace boost::serialization {
template <class Ar>
void save(Ar& ar, const qgov::observation_ledger& l, const unsigned int) {
  auto all = l.all();
  ::qgov::detail::archive_io::io(ar, "observations", all);
}
template <class Ar>
void load(Ar& ar, qgov::observation_ledger& l, const unsigned int version) {
  ::qgov::detail::archive_io::check_version<qgov::observation_ledger>(version, "qgov::observation_ledger");
  std::vector<qgov::observation> all;
  ::qgov::detail::archive_io::io(ar, "observations", all);
  l = qgov::observation_ledger(std::move(all));
}
}  // namespace boost::serialization
BOOST_SERIALIZATION_SPLIT_FREE(qgov::observation_ledger)
