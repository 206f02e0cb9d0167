"""Inputs for the scale tests: corpus/ (always), the dev sets when ../shared is present, and replicas."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph_builder.document import RawDocument
from graph_builder.readers import read_inputs
from queries.server import free_port
from tests.conftest import CORPUS, ROOT

SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
DEV = SHARED / "eval" / "dev"
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


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


@dataclass
class Virtuoso:
    url: str  # SPARQL endpoint
    isql: str  # host:port of the SQL port, for the bulk loader
    shared: Path  # a folder in DirsAllowed: the server reads shards from there


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory) -> Iterator[Virtuoso]:
    """A private Virtuoso (dba/dba) on loopback ports, whose DirsAllowed holds a folder for shards."""
    binary = shutil.which("virtuoso-t")
    if not binary or not VIRTUOSO_INI.exists() or not shutil.which("isql-vt"):
        pytest.skip("virtuoso-t/isql-vt are not installed (apt-get install virtuoso-opensource)")
    home = tmp_path_factory.mktemp("virtuoso-bulk")
    shared = home / "shards"
    shared.mkdir()
    sql_port, http_port = free_port(), free_port()
    ini = VIRTUOSO_INI.read_text()
    ini = ini.replace("/var/lib/virtuoso-opensource-7/db", str(home))
    ini = re.sub(r"(?m)^ServerPort\s*=\s*1111", f"ServerPort = 127.0.0.1:{sql_port}", ini)
    ini = re.sub(r"(?m)^ServerPort\s*=\s*8890", f"ServerPort = 127.0.0.1:{http_port}", ini)
    ini = re.sub(r"(?m)^DirsAllowed\s*=.*$", f"DirsAllowed = ., {home}, /usr/share/virtuoso-opensource-7/vad", ini)
    ini = re.sub(r"(?m)^ResultSetMaxRows\s*=.*$", "ResultSetMaxRows = 1000000", ini)
    ini = re.sub(r"(?m)^Load\d+\s*=.*$", "", ini)
    (home / "virtuoso.ini").write_text(ini)
    proc = subprocess.Popen([binary, "+foreground", "+configfile", str(home / "virtuoso.ini")], cwd=home,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http_port}/sparql"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2):
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"virtuoso-t did not answer on {url} within 60 s")
            time.sleep(0.3)
    yield Virtuoso(url, f"127.0.0.1:{sql_port}", shared)
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
