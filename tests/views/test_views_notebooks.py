"""The three notebooks run top to bottom (nbclient, the venv's python3 kernel) and are saved with their outputs,
so they read well on a code host; they use the public API (`from queries import ...`), never CLI internals."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from conftest import REPO
from nbclient import NotebookClient

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
#: Per-run metadata (timestamps) that would make every run a new diff.
VOLATILE = ("execution", "collapsed", "scrolled")


def _code(path: Path) -> str:
    return "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")


def test_the_three_notebooks_exist() -> None:
    assert {p.stem for p in NOTEBOOKS} >= {"build-and-query", "explore-and-render", "export-and-reason"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_uses_the_public_api_without_asserts(path: Path) -> None:
    code = _code(path)
    assert "queries.cli" not in code and "from queries import" in code
    assert not re.search(r"^\s*assert\b", code, re.MULTILINE)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_notebook_has_outputs(path: Path) -> None:
    cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    assert cells and all(c.get("execution_count") for c in cells), "run `make notebooks` (or `make test`)"
    assert sum(1 for c in cells if c.outputs) >= len(cells) - 2


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_and_is_saved_with_its_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(REPO)}}).execute()
    errors = [o for cell in notebook.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    frames = [o for cell in notebook.cells for o in cell.get("outputs", [])
              if "text/html" in o.get("data", {}) and "dataframe" in o["data"]["text/html"]]
    assert frames, "the notebooks show pandas DataFrames"
    for cell in notebook.cells:
        for key in VOLATILE:
            cell.metadata.pop(key, None)
    text = nbformat.writes(notebook) + "\n"
    if path.read_text(encoding="utf-8") != text:  # write back only what changed, so a clean run leaves git clean
        path.write_text(text, encoding="utf-8")
