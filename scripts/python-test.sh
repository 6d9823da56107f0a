#!/usr/bin/env bash
# The Python package as a user gets it: a fresh venv over Debian's /usr/bin/python3 (so numpy, pandas, pytest and
# nbclient come from Debian), `pip install` from this checkout with no network and no build isolation, the README's
# one-line check, then the pytest suite (bindings/python/tests, which also runs the example notebook).
#   usage: scripts/python-test.sh [pytest args...]     env: QGOV_VENV (default build/venv)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${QGOV_VENV:-build/venv}
/usr/bin/python3 -m venv --system-site-packages --clear "$venv"
"$venv/bin/pip" install --quiet --no-build-isolation --no-index ./bindings/python
# Run from outside the checkout so that `import qgov` can only find the installed package.
(cd /tmp && "$OLDPWD/$venv/bin/python" -c "import qgov; print(qgov.plans.dongli_2024().matrix().shape)")
PYDEVD_DISABLE_FILE_VALIDATION=1 "$venv/bin/python" -m pytest -q -p no:cacheprovider bindings/python/tests "$@"
