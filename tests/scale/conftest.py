"""Inputs for the scale tests: corpus/ (always), the dev sets when ../shared is present, and replicas."""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph_builder.document import RawDocument
from graph_builder.readers import read_inputs
from queries.virtuoso import VirtuosoProcess, available, start_virtuoso
from tests.conftest import CORPUS, ROOT

SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
DEV = SHARED / "eval" / "dev"


def dev_sets() -> list[Path]:
    """The dev JSONL files, or a skip when this checkout has no ../shared beside it."""
    files = sorted(DEV.glob("*.jsonl")) if DEV.is_dir() else []
    if not files:
        pytest.skip(f"no dev sets in {DEV} (../shared is not part of the project)")
    return files


def replicate(folder: Path, times: int, out: Path) -> Path:
    """corpus/ written `times` over as JSONL with distinct ids (tmp only: texts never enter the project)."""
    docs = [d for d in read_inputs([folder]) if isinstance(d, RawDocument)]
    with out.open("w", encoding="utf-8") as fh:
        for i in range(times):
            for d in docs:
                record = {"id": f"{d.id}-{i}", "text": d.text,
                          "published": d.published.isoformat() if d.published else None}
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


@pytest.fixture
def corpus() -> Path:
    return CORPUS



@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory) -> Iterator[VirtuosoProcess]:
    """A private Virtuoso (dba/dba) on loopback ports, whose DirsAllowed holds `shared` for shards."""
    if not available():
        pytest.skip("virtuoso-t/isql-vt are not installed (apt-get install virtuoso-opensource)")
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso-bulk"))
    yield server
    server.stop()
