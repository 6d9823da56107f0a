#!/usr/bin/env python3
"""The layout rule (docs/architecture.md, "Layout"), checked on the tracked files of the checkout:

1. src/<layer>/<name>.cpp implements include/qgov/<layer>/<stem>.hpp, where <name> is <stem> or <stem>_<part>,
   and includes that header before any other qgov header;
2. everything else under src/ is under src/detail/ (private helpers, written once), src/cli/ (the command line)
   or src/capi/ (the C interface, include/qgov/qgov.h);
3. the command line uses only public headers (<qgov/...>) and its own files;
4. no public header includes a private one; private headers are included as "detail/<name>" (or by a file in
   src/detail/ itself), never by a relative path out of their folder.

Prints every violation (file: what is wrong) and exits 1 if there is one. Usage: check_layout.py [ROOT]"""
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2])
try:
    listed = subprocess.run(["git", "-C", str(root), "ls-files", "src", "include"], capture_output=True, text=True,
                            check=True).stdout.split()
except (OSError, subprocess.CalledProcessError):  # not a git checkout (an unpacked archive): every file on disk
    listed = [str(p.relative_to(root)) for d in ("src", "include") for p in (root / d).rglob("*") if p.is_file()]
files = sorted(f for f in listed if (root / f).is_file())

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

for p in problems:
    print(p)
print(f"layout: {len(files)} files under src/ and include/, {len(problems)} violation(s)")
sys.exit(1 if problems else 0)
