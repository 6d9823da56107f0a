// qgov/qgov.hpp — everything public in one include.
#pragma once

#include <qgov/version.hpp>

#include <qgov/core/comparator.hpp>
#include <qgov/core/date.hpp>
#include <qgov/core/error.hpp>
#include <qgov/core/ids.hpp>
#include <qgov/core/sha256.hpp>
#include <qgov/core/source_span.hpp>
#include <qgov/core/spanned_text.hpp>

#include <qgov/plan/document.hpp>
#include <qgov/plan/goal.hpp>
#include <qgov/plan/plan.hpp>
#include <qgov/plan/responsibility.hpp>
#include <qgov/plan/responsible_unit.hpp>
#include <qgov/plan/structure.hpp>

#include <qgov/io/plan_json.hpp>
#include <qgov/plans/dongli_2024.hpp>
