#!/usr/bin/env python3
"""The layout rule (docs/architecture.md, "Layout"), checked on the tracked files of the checkout:

1. src/<layer>/<name>.cpp implements include/qgov/<layer>/<stem>.hpp, where <name> is <stem> or <stem>_<part>,
   and includes that header before any other qgov header;
2. everything else under src/ is under src/detail/ (private helpers, written once), src/cli/ (the command line)
   or src/capi/ (the C interface, include/qgov/qgov.h);
3. the command line uses only public headers (<qgov/...>) and its own files;
4. no public header includes a private one; private headers are included as "detail/<name>" (or by a file in
   src/detail/ itself), never by a relative path out of their folder;
5. every public header include/qgov/<layer>/<stem>.hpp with behaviour has a test tests/<layer>/<stem>_test.cpp (or
   <stem>_<aspect>_test.cpp) that includes it as its first include; headers without behaviour are listed in
   UNTESTED below, each with the reason it needs no test of its own.

Prints every violation (file: what is wrong) and exits 1 if there is one. Usage: check_layout.py [ROOT]"""
import pathlib
import re
import subprocess
import sys

# Public headers with no behaviour of their own to test (rule 5), and why.
UNTESTED = {
    "qgov/qgov.hpp": "the umbrella: includes every public header, declares nothing",
    "qgov/core/spanned_text.hpp": "an aggregate: a text and its span (plan validation checks them against the source)",
    "qgov/eval/facts.hpp": "enums and an aggregate, filled by evaluate_goal and worded by explain_goal "
                           "(eval/evaluation_explanation_consistency_test.cpp checks the two agree)",
    "qgov/plan/document.hpp": "an aggregate: the document header as printed",
    "qgov/plan/structure.hpp": "aggregates: sections, clauses and columns (plans/dongli_2024_test.cpp reads them back "
                               "from the source)",
}

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2])
try:
    listed = subprocess.run(["git", "-C", str(root), "ls-files", "src", "include", "tests"], capture_output=True,
                            text=True, check=True).stdout.split()
except (OSError, subprocess.CalledProcessError):  # not a git checkout (an unpacked archive): every file on disk
    listed = [str(p.relative_to(root)) for d in ("src", "include", "tests") for p in (root / d).rglob("*")
              if p.is_file()]
tests = sorted(f for f in listed if f.startswith("tests/") and f.endswith("_test.cpp") and (root / f).is_file())
files = sorted(f for f in listed if not f.startswith("tests/") and (root / f).is_file())

include_re = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)
problems = []
public = {f[len("include/"):] for f in files if f.startswith("include/qgov/")}

for f in files:
    path = pathlib.PurePosixPath(f)
    text = (root / f).read_text(encoding="utf-8", errors="replace")
    includes = include_re.findall(text)
    if f.startswith("include/"):
        for kind, inc in includes:
            if kind == '"' or inc.startswith("detail/"):
                problems.append(f"{f}: a public header includes \"{inc}\" (public headers include only <...>)")
        continue
    parts = path.parts  # ('src', layer, ...)
    if len(parts) < 3:
        problems.append(f"{f}: a file at the root of src/ (it belongs in src/<layer>/, src/detail/ or src/cli/)")
        continue
    layer = parts[1]
    if layer in ("detail", "cli", "capi"):
        if layer == "capi" and path.suffix == ".cpp" and "qgov/qgov.h" not in [i for _, i in includes]:
            problems.append(f"{f}: src/capi/ implements include/qgov/qgov.h but does not include it")
        if layer == "cli":
            for kind, inc in includes:
                if kind == '"' and ("/" in inc or inc.startswith("..")):
                    problems.append(f"{f}: the command line includes \"{inc}\" (only <qgov/...> and its own files)")
        continue
    if len(parts) != 3:
        problems.append(f"{f}: nested below src/{layer}/ (one folder per layer)")
        continue
    if path.suffix != ".cpp":
        problems.append(f"{f}: a {path.suffix} file in src/{layer}/ (private headers live in src/detail/)")
        continue
    name = path.stem
    stems = [h[len(f"qgov/{layer}/"):-len(".hpp")] for h in public if h.startswith(f"qgov/{layer}/")]
    matches = [s for s in stems if name == s or name.startswith(s + "_")]
    if not matches:
        problems.append(f"{f}: no header include/qgov/{layer}/{name}.hpp (nor a stem that {name}_… extends)")
        continue
    stem = max(matches, key=len)
    first_qgov = next((i for k, i in includes if k == "<" and i.startswith("qgov/")), None)
    if first_qgov != f"qgov/{layer}/{stem}.hpp":
        problems.append(f"{f}: its first qgov include is <{first_qgov}>, expected <qgov/{layer}/{stem}.hpp>")
    for kind, inc in includes:
        if kind == '"' and not (inc.startswith("detail/") or "/" not in inc) or ".." in inc:
            problems.append(f"{f}: includes \"{inc}\" (private headers are \"detail/<name>\")")

# Rule 5: each header with behaviour has its mirror test, which includes it first.
headers = sorted(h for h in public if h.endswith(".hpp"))
tested = {}  # header -> the test files named after it
for f in tests:
    parts = pathlib.PurePosixPath(f).parts  # ('tests', layer, name), or ('tests', name) for include/qgov/<stem>.hpp
    if len(parts) not in (2, 3):
        continue
    name = parts[-1][: -len("_test.cpp")]
    prefix = "qgov/" + "".join(p + "/" for p in parts[1:-1])
    stems = [h for h in headers if h.startswith(prefix) and h.count("/") == prefix.count("/")]
    matches = [h for h in stems if name == h[len(prefix):-4] or name.startswith(h[len(prefix):-4] + "_")]
    if matches:
        tested.setdefault(max(matches, key=len), []).append(f)
for h in headers:
    if h in UNTESTED:
        continue
    folder, stem = "".join(p + "/" for p in h.split("/")[1:-1]), h.split("/")[-1][:-4]
    candidates = tested.get(h, [])
    if not candidates:
        problems.append(f"include/{h}: no test tests/{folder}{stem}_test.cpp (or {stem}_<aspect>_test.cpp), "
                        "and not listed as untested")
        continue
    for f in candidates:
        first = next(iter(include_re.findall((root / f).read_text(encoding="utf-8", errors="replace"))), (None, None))
        if first[1] != h:
            problems.append(f"{f}: tests include/{h} but its first include is "
                            f"{'<' + first[1] + '>' if first[1] else 'nothing'}, expected <{h}>")
if (root / "include/qgov/qgov.hpp").exists():
    for h in sorted(set(UNTESTED) - public):
        problems.append(f"tests/layout/check_layout.py: lists include/{h} as untested, but there is no such header")

for p in problems:
    print(p)
print(f"layout: {len(files)} files under src/ and include/, {len(tests)} test files, "
      f"{sum(1 for h in headers if h in tested)} of {len(headers)} headers with their test "
      f"({len(set(UNTESTED) & set(headers))} need none), {len(problems)} violation(s)")
sys.exit(1 if problems else 0)
