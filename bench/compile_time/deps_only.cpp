// deps_only.cpp — baseline for the compile-time benchmark: exactly the non-qgov headers that
// include/qgov/**/*.hpp pull in (standard library, Boost.Date_Time gregorian types, three range-v3
// views), and nothing else. Keep this list in step with `grep -rh '#include <' include | grep -v qgov/`.
#include <compare>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <range/v3/view/all.hpp>
#include <range/v3/view/filter.hpp>
#include <range/v3/view/transform.hpp>

int main() { return 0; }
