// fixture: a source with no header of its stem
#include <qgov/io/x.hpp>
