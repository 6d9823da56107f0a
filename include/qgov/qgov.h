/* qgov/qgov.h — the stable C interface of qgov (libqgov.so), for hosts in any language.
 *
 * C11, usable from C++ too. No C++ type crosses it: opaque handles, UTF-8 strings, plain numbers.
 * Every call that can fail returns a qgov_status; on failure qgov_last_error() gives the message, with the input's
 * location (file:line:column or file:/json/path) when the input was at fault. No call throws, aborts or leaves an
 * output half-written: on failure every handle or string output is set to NULL (when the pointer to it is not NULL).
 *
 * Ownership, in one rule per kind of pointer (docs/c-api.md has the whole contract):
 *   T**     out  a new handle owned by the caller: release it with qgov_T_destroy (NULL is allowed there).
 *   char**  out  a new NUL-terminated UTF-8 string owned by the caller: release it with qgov_string_free.
 *   const char** / const T** out  borrowed: valid while the handle it came from lives, never freed by the caller.
 *   input pointers are only read during the call; the library keeps no pointer to them.
 * Handles are immutable once made. Any number of threads may use the same handle at once in calls taking it as
 * `const`; destroying a handle must not race with other calls on it. qgov_last_error() is per thread.
 */
#ifndef QGOV_QGOV_H
#define QGOV_QGOV_H

#include <stddef.h>
#include <stdint.h>

#include <qgov/version.hpp>

#if defined(_WIN32)
#  define QGOV_API
#elif defined(__GNUC__) || defined(__clang__)
#  define QGOV_API __attribute__((visibility("default")))
#else
#  define QGOV_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* --- versions and statuses ------------------------------------------------------------------------------------ */

/* The version of the header a host was compiled with, as macros QGOV_VERSION_MAJOR, _MINOR, _PATCH and QGOV_VERSION
 * (MAJOR * 10000 + MINOR * 100 + PATCH), from qgov/version.hpp, the one place the version is written (its C++ part
 * is skipped in C). The library's own version at run time: qgov_version_number(). */

/** What a call did. Values are fixed: new codes are only ever added at the end. */
typedef enum qgov_status {
  QGOV_OK = 0,
  QGOV_ERROR_NULL_ARGUMENT = 1, /**< a required pointer argument was NULL */
  QGOV_ERROR_INVALID_UTF8 = 2,  /**< a text argument is not well-formed UTF-8; the message gives the byte offset */
  QGOV_ERROR_PARSE = 3,         /**< the input is not what was expected (JSON, CSV, a date, a key list) */
  QGOV_ERROR_INVALID = 4,       /**< the input was read but breaks a rule; the message lists every problem */
  QGOV_ERROR_NOT_FOUND = 5,     /**< an unknown goal id, or an index past the end */
  QGOV_ERROR_IO = 6,            /**< a file could not be read */
  QGOV_ERROR_NO_MEMORY = 7,     /**< an allocation failed */
  QGOV_ERROR_INTERNAL = 8,      /**< anything else (a bug: please report it with the message) */
  QGOV_ERROR_TOO_SMALL = 9      /**< a caller's array is shorter than the result; the count needed is given */
} qgov_status;

/** The library's version, "MAJOR.MINOR.PATCH" (static storage). */
QGOV_API const char* qgov_version(void);
/** The library's version as MAJOR * 10000 + MINOR * 100 + PATCH. */
QGOV_API int qgov_version_number(void);
/** The status's name, e.g. "QGOV_ERROR_PARSE" (static storage); "QGOV_UNKNOWN_STATUS" for other values. */
QGOV_API const char* qgov_status_name(qgov_status status);
/** The message of the last failed call on this thread ("" when none failed yet). Borrowed: valid until the next qgov
 *  call on this thread. Successful calls leave it as it is. */
QGOV_API const char* qgov_last_error(void);
/** The status of the last failed call on this thread (QGOV_OK when none failed yet). */
QGOV_API qgov_status qgov_last_status(void);
/** Releases a string the library returned through a char** output. NULL is allowed. */
QGOV_API void qgov_string_free(char* s);

/* --- plans ------------------------------------------------------------------------------------------------------ */

typedef struct qgov_plan qgov_plan;

/** The embedded Dongli District 2024 plan (东丽政发〔2024〕5号), validated. */
QGOV_API qgov_status qgov_plan_dongli_2024(qgov_plan** out);
/** A plan file (docs/plan-format.md) and the source text it names (path relative to the plan file), validated. */
QGOV_API qgov_status qgov_plan_load(const char* path, qgov_plan** out);
/** A plan from JSON text and its source text, both `len` bytes of UTF-8 (not necessarily NUL-terminated).
 *  `origin` names the input in messages; NULL means "<string>". */
QGOV_API qgov_status qgov_plan_parse(const char* json, size_t json_len, const char* source_text, size_t source_len,
                                     const char* origin, qgov_plan** out);
QGOV_API void qgov_plan_destroy(qgov_plan* plan);
/** The plan's id, e.g. "dongli-2024". Borrowed from the plan. */
QGOV_API qgov_status qgov_plan_id(const qgov_plan* plan, const char** out);
/** The source text the plan's spans and quotes point into (UTF-8, `*out_len` bytes, NUL-terminated too). Borrowed
 *  from the plan. */
QGOV_API qgov_status qgov_plan_source_text(const qgov_plan* plan, const char** out, size_t* out_len);
/** The plan as a plan file: the JSON of `qgov plan --format json`. */
QGOV_API qgov_status qgov_plan_to_json(const qgov_plan* plan, char** out, size_t* out_len);
/** The responsibility matrix: the JSON of `qgov matrix --format json`. */
QGOV_API qgov_status qgov_plan_matrix_json(const qgov_plan* plan, char** out, size_t* out_len);
/** How many goals the plan has. */
QGOV_API qgov_status qgov_plan_goal_count(const qgov_plan* plan, size_t* out);
/** The id of goal `index` (0-based, plan order). Borrowed from the plan. QGOV_ERROR_NOT_FOUND past the end. */
QGOV_API qgov_status qgov_plan_goal_id(const qgov_plan* plan, size_t index, const char** out);

/* --- observations --------------------------------------------------------------------------------------------- */

typedef struct qgov_ledger qgov_ledger;

/** Observations for `plan` from CSV text (docs/observations-format.md); every bad row is reported, none kept. */
QGOV_API qgov_status qgov_ledger_parse_csv(const qgov_plan* plan, const char* text, size_t len, const char* origin,
                                           qgov_ledger** out);
/** Observations for `plan` from JSON text ({"observations": [...]}). */
QGOV_API qgov_status qgov_ledger_parse_json(const qgov_plan* plan, const char* text, size_t len, const char* origin,
                                            qgov_ledger** out);
/** Observations from a .csv or .json file. */
QGOV_API qgov_status qgov_ledger_load(const qgov_plan* plan, const char* path, qgov_ledger** out);
/** The illustrative sample figures compiled in (data/observations/dongli-sample.csv), read for `plan`. */
QGOV_API qgov_status qgov_ledger_dongli_sample(const qgov_plan* plan, qgov_ledger** out);
QGOV_API void qgov_ledger_destroy(qgov_ledger* ledger);
/** How many observations (revisions included). */
QGOV_API qgov_status qgov_ledger_size(const qgov_ledger* ledger, size_t* out);

/* --- evaluation ----------------------------------------------------------------------------------------------- */

typedef struct qgov_evaluation qgov_evaluation;

/** A goal's status; the values are fixed (docs/formulas.md, "Goal statuses"). */
typedef enum qgov_goal_status {
  QGOV_ACHIEVED = 0,
  QGOV_ON_TRACK = 1,
  QGOV_AT_RISK = 2,
  QGOV_OFF_TRACK = 3,
  QGOV_MISSED = 4,
  QGOV_NO_DATA = 5,
  QGOV_NOT_SCORED = 6
} qgov_goal_status;

/** The status as the JSON writes it ("achieved", "on_track", …), static storage; NULL for other values. */
QGOV_API const char* qgov_goal_status_name(qgov_goal_status status);

/** Evaluates every goal of `plan` on `as_of` ("YYYY-MM-DD") with the figures known on `known_as_of` (NULL: as_of),
 *  under the default policy, as `qgov evaluate` does. The evaluation keeps what it needs of the plan: either may be
 *  destroyed first. */
QGOV_API qgov_status qgov_evaluate(const qgov_plan* plan, const qgov_ledger* ledger, const char* as_of,
                                   const char* known_as_of, qgov_evaluation** out);
QGOV_API void qgov_evaluation_destroy(qgov_evaluation* evaluation);
/** The evaluation: the JSON of `qgov evaluate --format json` (docs/schema/evaluation.schema.json), byte for byte. */
QGOV_API qgov_status qgov_evaluation_to_json(const qgov_evaluation* evaluation, char** out, size_t* out_len);
/** How many goal results (one per goal of the plan, in plan order). */
QGOV_API qgov_status qgov_evaluation_goal_count(const qgov_evaluation* evaluation, size_t* out);
/** The goal id of result `index`. Borrowed from the evaluation. */
QGOV_API qgov_status qgov_evaluation_goal_id(const qgov_evaluation* evaluation, size_t index, const char** out);
/** The status of goal `goal_id`. QGOV_ERROR_NOT_FOUND for a goal the plan does not have. */
QGOV_API qgov_status qgov_evaluation_goal_status(const qgov_evaluation* evaluation, const char* goal_id,
                                                 qgov_goal_status* out);
/** The latest value the goal's status used, in the goal's unit: *has_value is 1 and *value set, or *has_value 0
 *  and *value NaN when no figure was used. */
QGOV_API qgov_status qgov_evaluation_goal_value(const qgov_evaluation* evaluation, const char* goal_id, double* value,
                                                int* has_value);
/** The explanation of goal `goal_id` in `lang` ("zh" or "en"). Borrowed from the evaluation. */
QGOV_API qgov_status qgov_evaluation_explanation(const qgov_evaluation* evaluation, const char* goal_id,
                                                 const char* lang, const char** out);
/** Every result's status and value in plan order, into caller arrays of `capacity` entries (either may be NULL
 *  to skip it; values without a figure are NaN). *count receives the number of results; when it exceeds
 *  `capacity` nothing is written and QGOV_ERROR_TOO_SMALL is returned, so a host may ask with capacity 0 first. */
QGOV_API qgov_status qgov_evaluation_results(const qgov_evaluation* evaluation, qgov_goal_status* statuses,
                                             double* values, size_t capacity, size_t* count);

/* --- inspection records and pass rates (docs/records.md) ---------------------------------------------------- */

typedef struct qgov_records qgov_records;
typedef struct qgov_rates qgov_rates;

/** Inspection records from CSV text; any bad row refuses the load, with every problem at line:column. */
QGOV_API qgov_status qgov_records_parse_csv(const char* text, size_t len, const char* origin, qgov_records** out);
/** Inspection records from a CSV file (streamed). */
QGOV_API qgov_status qgov_records_load(const char* path, qgov_records** out);
QGOV_API void qgov_records_destroy(qgov_records* records);
/** How many records. */
QGOV_API qgov_status qgov_records_size(const qgov_records* records, size_t* out);

/** Pass rates with 95 % Wilson intervals grouped by `keys`, a comma-separated list of programme, level, region,
 *  category and one of month, quarter, year ("" for one group of all records), as `qgov rates --by KEYS`. */
QGOV_API qgov_status qgov_records_pass_rates(const qgov_records* records, const char* keys, qgov_rates** out);
QGOV_API void qgov_rates_destroy(qgov_rates* rates);
/** How many groups (non-empty groups only, in key order). */
QGOV_API qgov_status qgov_rates_count(const qgov_rates* rates, size_t* out);
/** The groups as columns of qgov_rates_count entries: samples, passes, rate = passed/sampled, and the interval's
 *  low and high, all as fractions. Each output may be NULL to skip it. Borrowed from `rates`. */
QGOV_API qgov_status qgov_rates_columns(const qgov_rates* rates, const uint64_t** sampled, const uint64_t** passed,
                                        const double** rate, const double** low, const double** high);

/** A grouping key of a rate table. */
typedef enum qgov_rate_key {
  QGOV_KEY_PROGRAMME = 0,
  QGOV_KEY_LEVEL = 1,
  QGOV_KEY_REGION = 2,
  QGOV_KEY_CATEGORY = 3,
  QGOV_KEY_PERIOD = 4 /**< "2025-01", "2025-Q1" or "2025", by the period key grouped by */
} qgov_rate_key;

/** Group `index`'s value of `key` as the CLI writes it ("food_evaluative", "district", "2025-Q1" …), borrowed from
 *  `rates`; *out is NULL when the table is not grouped by `key`. */
QGOV_API qgov_status qgov_rates_key(const qgov_rates* rates, size_t index, qgov_rate_key key, const char** out);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif /* QGOV_QGOV_H */
