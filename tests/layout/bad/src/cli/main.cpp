// fixture: the command line reaching into the library's private files
#include "../helpers.hpp"
