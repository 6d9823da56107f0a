#!/usr/bin/env bash
# Fuzzes the policy-text extractor: tests/fuzz/run.sh with FUZZ_TARGET=extract_fuzz (same arguments).
exec env FUZZ_TARGET=extract_fuzz "$(dirname "${BASH_SOURCE[0]}")/run.sh" "$@"
