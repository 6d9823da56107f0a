# QGOV_PCH — precompile the standard and third-party headers that nearly every translation unit reads (the
# standard containers, Boost.Date_Time, range-v3, nlohmann/json; doctest in the test runners). It only makes
# builds faster: scripts/test.sh turns it on for its Debug and sanitizer trees and tests/fuzz for its own, where it
# saves minutes of CI. It is off by default so that every other build (the package consumers, the Python module,
# the TSan tree) still proves that each source includes what it uses.
option(QGOV_PCH "Precompile the common standard and third-party headers (faster builds)" OFF)

set(_qgov_pch_common
  <algorithm> <array> <cmath> <cstddef> <cstdint> <cstdio> <filesystem> <fstream> <functional> <map> <memory>
  <optional> <set> <span> <sstream> <string> <string_view> <unordered_map> <utility> <variant> <vector>
  <boost/date_time/gregorian/gregorian_types.hpp>
  <range/v3/view/all.hpp> <range/v3/view/filter.hpp> <range/v3/view/transform.hpp>)

# qgov_precompile(TARGET [JSON] [DOCTEST] [CLI11]): TARGET's C++ sources read the common headers precompiled, plus
# nlohmann/json, doctest and CLI11 when asked (a target that does not link them cannot see their headers' paths).
# A source that must see its own macros first (a doctest main) is marked SKIP_PRECOMPILE_HEADERS where it is listed.
function(qgov_precompile target)
  if(NOT QGOV_PCH)
    return()
  endif()
  cmake_parse_arguments(PARSE_ARGV 1 arg "JSON;DOCTEST;CLI11" "" "")
  set(headers ${_qgov_pch_common})
  if(arg_JSON)
    list(APPEND headers <nlohmann/json.hpp>)
  endif()
  if(arg_DOCTEST)
    list(APPEND headers <doctest/doctest.h>)
  endif()
  if(arg_CLI11)
    list(APPEND headers <CLI/CLI.hpp>)
  endif()
  list(TRANSFORM headers PREPEND "$<$<COMPILE_LANGUAGE:CXX>:")
  list(TRANSFORM headers APPEND ">")
  target_precompile_headers(${target} PRIVATE ${headers})
endfunction()
