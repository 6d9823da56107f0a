// fixture: a public header including a private one
#pragma once
#include "detail/y.hpp"
