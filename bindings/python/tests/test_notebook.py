"""The example notebook runs top to bottom with no error (nbclient, the python3 kernel of this interpreter), and is
kept in the repository without outputs."""
import json
import os
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
NOTEBOOK = ROOT / "examples" / "notebooks" / "dongli-scorecard.ipynb"

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


def test_outputs_are_stripped_in_the_repository():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def kernel_for_this_interpreter(root: pathlib.Path) -> str:
    """A kernel spec that runs this very interpreter (a venv's, say): Debian's own `python3` spec would start
    /usr/bin/python3, which does not see a package installed in the venv."""
    spec = root / "kernels" / "qgov-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "qgov test", "language": "python"}))
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(root), os.environ.get("JUPYTER_PATH")]))
    return "qgov-test"


def test_notebook_runs_clean(tmp_path):
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # the kernel's debugger warns about frozen modules
    nb = nbformat.read(NOTEBOOK, as_version=4)
    kernel = kernel_for_this_interpreter(tmp_path / "jupyter")
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name=kernel,
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "display_data" and "image/png" in o.get("data", {})]
    assert len(images) >= 3  # heat map, trajectories, scorecard
