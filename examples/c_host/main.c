/* A plain C host of qgov through its C interface (libqgov.so, qgov/qgov.h), built against the installed package:
 *   make PKG_CONFIG_PATH=PREFIX/lib/pkgconfig        (pkg-config qgov)   or   cmake with find_package(qgov) → qgov::c
 * Usage: c_host AS_OF [OBSERVATIONS.csv|.json] [--json FILE]
 * Loads the embedded Dongli plan, evaluates the sample figures (or the given file) on AS_OF and prints one line per
 * goal, "goal<TAB>status<TAB>value", in plan order; --json writes the evaluation's JSON (as `qgov evaluate
 * --format json`) to FILE. Exit status 0, or 2 with the library's message on any error. */
#include <qgov/qgov.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char* what, qgov_status status) {
  fprintf(stderr, "c_host: %s: %s: %s\n", what, qgov_status_name(status), qgov_last_error());
  return 2;
}

int main(int argc, char** argv) {
  const char* as_of = NULL;
  const char* observations = NULL;
  const char* json_out = NULL;
  for (int i = 1; i < argc; ++i) {
    if (strcmp(argv[i], "--json") == 0 && i + 1 < argc) json_out = argv[++i];
    else if (!as_of) as_of = argv[i];
    else observations = argv[i];
  }
  if (!as_of) {
    fprintf(stderr, "usage: c_host AS_OF [OBSERVATIONS] [--json FILE]\n");
    return 2;
  }
  if (qgov_version_number() != QGOV_VERSION)
    fprintf(stderr, "c_host: note: built with qgov.h %d, running with libqgov %s\n", QGOV_VERSION, qgov_version());

  qgov_plan* plan = NULL;
  qgov_ledger* ledger = NULL;
  qgov_evaluation* evaluation = NULL;
  qgov_goal_status* statuses = NULL;
  double* values = NULL;
  int rc = 0;
  qgov_status s;
  size_t count = 0;

  if ((s = qgov_plan_dongli_2024(&plan)) != QGOV_OK) { rc = fail("plan", s); goto done; }
  s = observations ? qgov_ledger_load(plan, observations, &ledger) : qgov_ledger_dongli_sample(plan, &ledger);
  if (s != QGOV_OK) { rc = fail("observations", s); goto done; }
  if ((s = qgov_evaluate(plan, ledger, as_of, NULL, &evaluation)) != QGOV_OK) { rc = fail("evaluate", s); goto done; }

  /* the hot path: every status and value in one call, into arrays sized by a first call */
  s = qgov_evaluation_results(evaluation, NULL, NULL, 0, &count);
  if (s != QGOV_OK && s != QGOV_ERROR_TOO_SMALL) { rc = fail("results", s); goto done; }
  statuses = malloc(count * sizeof *statuses);
  values = malloc(count * sizeof *values);
  if (!statuses || !values) { fprintf(stderr, "c_host: out of memory\n"); rc = 2; goto done; }
  if ((s = qgov_evaluation_results(evaluation, statuses, values, count, &count)) != QGOV_OK) { rc = fail("results", s); goto done; }
  for (size_t i = 0; i < count; ++i) {
    const char* id = NULL;
    if ((s = qgov_evaluation_goal_id(evaluation, i, &id)) != QGOV_OK) { rc = fail("goal id", s); goto done; }
    if (isnan(values[i])) printf("%s\t%s\t-\n", id, qgov_goal_status_name(statuses[i]));
    else printf("%s\t%s\t%.10g\n", id, qgov_goal_status_name(statuses[i]), values[i]);
  }

  if (json_out) {
    char* json = NULL;
    size_t len = 0;
    if ((s = qgov_evaluation_to_json(evaluation, &json, &len)) != QGOV_OK) { rc = fail("json", s); goto done; }
    FILE* f = fopen(json_out, "wb");
    const int ok = f && fwrite(json, 1, len, f) == len;
    if (f && fclose(f) != 0) rc = 2;
    qgov_string_free(json);
    if (!ok || rc) { fprintf(stderr, "c_host: cannot write %s\n", json_out); rc = 2; goto done; }
  }

done:
  free(statuses);
  free(values);
  qgov_evaluation_destroy(evaluation);
  qgov_ledger_destroy(ledger);
  qgov_plan_destroy(plan);
  return rc;
}
