// qgov/qgov.hpp — everything public in one include.
#pragma once

#include <qgov/version.hpp>

#include <qgov/core/chinese_numeral.hpp>
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

#include <qgov/core/period.hpp>
#include <qgov/core/rate.hpp>

#include <qgov/formulas/goal_rules.hpp>
#include <qgov/formulas/progress_measure.hpp>
#include <qgov/formulas/projection.hpp>
#include <qgov/formulas/scorecard.hpp>
#include <qgov/formulas/target_check.hpp>

#include <qgov/eval/evaluation.hpp>
#include <qgov/eval/facts.hpp>
#include <qgov/eval/observation.hpp>
#include <qgov/eval/policy.hpp>
#include <qgov/eval/status.hpp>

#include <qgov/extract/author.hpp>
#include <qgov/extract/bureaus.hpp>
#include <qgov/extract/extract.hpp>
#include <qgov/extract/target_reading.hpp>

#include <qgov/io/evaluation_json.hpp>
#include <qgov/io/observation_files.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/io/plan_json.hpp>
#include <qgov/io/archive.hpp>
#include <qgov/io/csv.hpp>
#include <qgov/io/input_file.hpp>
#include <qgov/io/progress_json.hpp>
#include <qgov/io/workbook.hpp>
#include <qgov/lineage/cascade.hpp>
#include <qgov/lineage/diff.hpp>
#include <qgov/lineage/indicators.hpp>
#include <qgov/lineage/lineage.hpp>
#include <qgov/lineage/rollup.hpp>
#include <qgov/scenario/scenario.hpp>
#include <qgov/records/generator.hpp>
#include <qgov/records/manufacturing_rate.hpp>
#include <qgov/records/partials.hpp>
#include <qgov/records/pass_rates.hpp>
#include <qgov/records/record_table.hpp>
#include <qgov/records/records_csv.hpp>
#include <qgov/records/rectification.hpp>
#include <qgov/render/evaluation_text.hpp>
#include <qgov/render/explanation.hpp>
#include <qgov/render/report_html.hpp>
#include <qgov/render/text_width.hpp>
#include <qgov/plans/dongli_2024.hpp>

#include <qgov/supervision/credit_class.hpp>
#include <qgov/supervision/directory_io.hpp>
#include <qgov/supervision/draw.hpp>
#include <qgov/supervision/enterprise.hpp>
#include <qgov/supervision/publication.hpp>
#include <qgov/supervision/random.hpp>
#include <qgov/supervision/work_calendar.hpp>
