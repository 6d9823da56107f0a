"""The public surface: every name documented, and the type stubs in step with the compiled module."""
import pathlib
import re

import qgov
from qgov import _qgov

STUB = pathlib.Path(qgov.__file__).with_name("_qgov.pyi")


def public(obj):
    return [n for n in dir(obj) if not n.startswith("_")]


def test_every_public_name_has_a_docstring():
    missing = []
    for name in qgov.__all__:
        obj = getattr(qgov, name)
        if name == "__version__":
            continue
        if not (obj.__doc__ or "").strip():
            missing.append(name)
        if isinstance(obj, type):
            for member in public(obj):
                attr = getattr(obj, member)
                if callable(attr) or isinstance(attr, property):
                    if not (attr.__doc__ or "").strip():
                        missing.append(f"{name}.{member}")
    points = {"evaluation_policy." + n for n in public(qgov.evaluation_policy)
              if n.startswith("points_") or n.startswith("weight_")}  # documented as a group in the class docstring
    assert sorted(set(missing) - points) == []


def test_stubs_declare_every_compiled_name():
    stub = STUB.read_text(encoding="utf-8")
    declared = set(re.findall(r"^(?:class|def) (\w+)", stub, re.M)) | set(re.findall(r"^(\w+):", stub, re.M))
    assert set(public(_qgov)) - declared == set()
    for cls in (qgov.plan, qgov.goal, qgov.evaluation, qgov.goal_result, qgov.observation_ledger):
        body = stub.split(f"class {cls.__name__}:", 1)[1].split("\nclass ", 1)[0]
        members = set(re.findall(r"def (\w+)\(", body)) | set(re.findall(r"^    (\w+):", body, re.M))
        assert set(public(cls)) - members == set(), cls.__name__
