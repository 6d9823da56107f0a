// fixture: the test of x.hpp, but the header it tests is not its first include
#include <doctest/doctest.h>
#include <qgov/io/x.hpp>
