#!/usr/bin/env bash
# Compile-time cost of including qgov: times `g++ -std=c++20 -O2 -c -I include` on three tiny TUs
#   deps_only.cpp     — only the third-party/standard headers qgov's public headers include
#   qgov_include.cpp  — #include <qgov/qgov.hpp>
#   qgov_use.cpp      — #include <qgov/qgov.hpp> plus clauses_of / goals_of queries (range-v3 instantiation)
# and prints, as a Markdown table, the wall-clock mean ± stddev per TU, the mean CPU time (user + sys),
# the difference and ratio of each vs deps_only, and the preprocessed line count (g++ -E | wc -l).
# The table goes to stdout; hyperfine's (or the loop's) progress goes to stderr.
#
# Usage: bench/compile_time/run.sh [N]     (N = runs per TU, default 10; also settable as N=...)
#        CXX=clang++ bench/compile_time/run.sh   to time another compiler (default g++)
# Uses hyperfine (one warm-up run per TU) when installed, otherwise a bash loop timed with date +%s.%N.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."   # the repo root, whatever the caller's cwd

N="${1:-${N:-10}}"
CXX="${CXX:-g++}"
FLAGS=(-std=c++20 -O2 -c -I include)
TUS=(deps_only qgov_include qgov_use)
SRC_DIR=bench/compile_time

if ! [[ "$N" =~ ^[0-9]+$ ]] || (( N < 2 )); then
  echo "run.sh: N must be an integer >= 2 (got '$N')" >&2
  exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cmd_for() {  # the exact compile command for TU $1, as a string
  echo "$CXX ${FLAGS[*]} $SRC_DIR/$1.cpp -o $tmp/$1.o"
}

# Fail early (and visibly) if a TU does not compile.
for tu in "${TUS[@]}"; do
  "$CXX" "${FLAGS[@]}" "$SRC_DIR/$tu.cpp" -o "$tmp/$tu.o"
done

# results.tsv: tu <TAB> wall_mean_s <TAB> wall_stddev_s <TAB> cpu_user_plus_sys_mean_s <TAB> preprocessed_lines
: > "$tmp/results.tsv"

if command -v hyperfine > /dev/null 2>&1; then
  timer="hyperfine $(hyperfine --version | awk '{print $2}') (-N --warmup 1 --runs $N)"
  for tu in "${TUS[@]}"; do
    hyperfine --style basic -N --warmup 1 --runs "$N" --export-csv "$tmp/$tu.csv" "$(cmd_for "$tu")" >&2
    # CSV header: command,mean,stddev,median,user,system,min,max  (user/system are means)
    awk -F, -v tu="$tu" 'NR == 2 { printf "%s\t%s\t%s\t%.6f\n", tu, $2, $3, $5 + $6 }' "$tmp/$tu.csv" > "$tmp/$tu.row"
  done
else
  timer="bash loop with date +%s.%N (1 warm-up run, then $N runs)"
  TIMEFORMAT='%3U %3S'
  for tu in "${TUS[@]}"; do
    read -r -a cmd <<< "$(cmd_for "$tu")"
    "${cmd[@]}"                                  # warm-up (page cache)
    : > "$tmp/$tu.times"
    : > "$tmp/$tu.cpu"
    for ((i = 0; i < N; i++)); do
      t0=$(date +%s.%N)
      # bash's `time` gives the child's user and system CPU; the compiler's own stderr goes to ours (fd 3)
      { time "${cmd[@]}" 2>&3 ; } 3>&2 2>> "$tmp/$tu.cpu"
      t1=$(date +%s.%N)
      echo "$t0 $t1" | awk '{ printf "%.6f\n", $2 - $1 }' >> "$tmp/$tu.times"
    done
    cpu=$(awk '{ s += $1 + $2; n++ } END { printf "%.6f", s / n }' "$tmp/$tu.cpu")
    # sample standard deviation (n - 1), as hyperfine reports
    awk -v tu="$tu" -v cpu="$cpu" '{ s += $1; ss += $1 * $1; n++ }
      END { m = s / n; v = (ss - n * m * m) / (n - 1); if (v < 0) v = 0;
            printf "%s\t%.6f\t%.6f\t%s\n", tu, m, sqrt(v), cpu }' "$tmp/$tu.times" > "$tmp/$tu.row"
    echo "$tu: $(cut -f2,3 "$tmp/$tu.row")" >&2
  done
fi

for tu in "${TUS[@]}"; do
  lines=$("$CXX" "${FLAGS[@]/-c/-E}" "$SRC_DIR/$tu.cpp" | wc -l)
  printf '%s\t%s\n' "$(cat "$tmp/$tu.row")" "$lines" >> "$tmp/results.tsv"
done

echo
echo "Compiler: $("$CXX" --version | head -n 1)"
echo "Command:  $CXX ${FLAGS[*]} $SRC_DIR/<tu>.cpp -o <tmp>.o   (from the repo root)"
echo "Timing:   $timer"
echo
# Wall time is what a build waits for; CPU time (user + sys of the compiler) is less sensitive to other
# load on the machine. The Δ wall stddev assumes independent samples: sqrt(s_tu^2 + s_base^2).
awk -F'\t' '
  NR == 1 { bm = $2; bs = $3; bc = $4; bl = $5 }
  { tu[NR] = $1; m[NR] = $2; s[NR] = $3; c[NR] = $4; l[NR] = $5 }
  END {
    print "| TU | wall time (mean ± σ) | Δ wall vs deps_only | wall ratio | CPU user+sys (mean) | Δ CPU | CPU ratio | preprocessed lines | Δ lines |"
    print "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= NR; i++) {
      if (i == 1) { d = "—"; r = "1.00×"; dc = "—"; rc = "1.00×"; dl = "—" }
      else {
        d  = sprintf("%+.3f s ± %.3f", m[i] - bm, sqrt(s[i] * s[i] + bs * bs))
        r  = sprintf("%.2f×", m[i] / bm)
        dc = sprintf("%+.3f s", c[i] - bc)
        rc = sprintf("%.2f×", c[i] / bc)
        dl = sprintf("%+d", l[i] - bl)
      }
      printf "| `%s.cpp` | %.3f s ± %.3f | %s | %s | %.3f s | %s | %s | %d | %s |\n", tu[i], m[i], s[i], d, r, c[i], dc, rc, l[i], dl
    }
  }' "$tmp/results.tsv"
