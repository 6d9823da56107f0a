#!/usr/bin/env bash
# Installs the Debian 12 packages qgov needs. Idempotent: runs `apt-get update` and `apt-get install`
# only when something is missing, so repeated runs cost nothing.
# Usage: scripts/install-deps.sh [--tests]   (--tests adds what the test suite needs: clang for the fuzzer,
#        Google Benchmark so the benchmarks keep compiling, Python's build and test packages,
#        libabigail and Java with JNA for the C interface's tests)
#        scripts/install-deps.sh --bench   (--tests plus Node.js and npm, which bench/records_run.sh uses to fetch
#        DuckDB from the npm registry; never needed to build or test)
set -euo pipefail
packages=(g++ cmake make pkg-config
          libboost-date-time-dev libboost-serialization-dev librange-v3-dev
          nlohmann-json3-dev libcli11-dev doctest-dev
          libxlsxwriter-dev libzip-dev libexpat1-dev)  # workbooks (QGOV_WITH_XLSX; the core library builds without)
if [[ "${1:-}" == "--tests" || "${1:-}" == "--bench" ]]; then
  packages+=(clang libclang-rt-14-dev libbenchmark-dev libyaml-cpp-dev chromium fonts-noto-cjk python3-jsonschema libxml2-utils googletest libgtest-dev libgmock-dev)
  packages+=(poppler-utils python3-openpyxl)  # the PDF report read back (pdftotext, pdftoppm); workbooks filled in
  # the Python bindings, their tests and the example notebook (Debian's interpreter, /usr/bin/python3)
  packages+=(python3-dev pybind11-dev python3-venv python3-wheel python3-setuptools python3-numpy python3-pandas
             python3-pytest python3-matplotlib python3-nbclient python3-nbformat python3-ipykernel
             python3-dask python3-distributed)  # qgov.dask and its LocalCluster test
  # the C interface: ABI tracking (abidw/abidiff) and the Java host through JNA (docs/c-api.md)
  packages+=(abigail-tools openjdk-17-jdk-headless libjna-java)
fi
if [[ "${1:-}" == "--bench" ]]; then
  # Node.js and npm: Debian's packages only where no npm is on PATH already (a NodeSource nodejs ships its own npm
  # and conflicts with Debian's)
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
