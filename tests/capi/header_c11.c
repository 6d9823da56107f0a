/* qgov.h compiled as strict C11 (-std=c11 -pedantic-errors -Werror): the header is C, not C++ in disguise.
 * The function below is called from the C++ tests, so this file is linked, not only compiled. */
#include <qgov/qgov.h>
#include <qgov/qgov.h> /* twice: the include guard holds */

#include <string.h>

#if QGOV_VERSION != QGOV_VERSION_MAJOR * 10000 + QGOV_VERSION_MINOR * 100 + QGOV_VERSION_PATCH
#  error "QGOV_VERSION disagrees with its parts"
#endif

/* Loads the embedded plan and its sample, evaluates on `as_of` and returns the status of `goal` as a C caller gets
 * it, or -1 on any failure; every handle is released. */
int qgov_test_c_status_of(const char* as_of, const char* goal) {
  qgov_plan* plan = NULL;
  qgov_ledger* ledger = NULL;
  qgov_evaluation* evaluation = NULL;
  qgov_goal_status status = QGOV_NO_DATA;
  int result = -1;
  if (qgov_plan_dongli_2024(&plan) == QGOV_OK && qgov_ledger_dongli_sample(plan, &ledger) == QGOV_OK &&
      qgov_evaluate(plan, ledger, as_of, NULL, &evaluation) == QGOV_OK &&
      qgov_evaluation_goal_status(evaluation, goal, &status) == QGOV_OK)
    result = (int)status;
  qgov_evaluation_destroy(evaluation);
  qgov_ledger_destroy(ledger);
  qgov_plan_destroy(plan);
  return result;
}

/* 1 when the header's version is the library's. */
int qgov_test_c_versions_agree(void) {
  return qgov_version_number() == QGOV_VERSION && strlen(qgov_version()) >= 5;
}
