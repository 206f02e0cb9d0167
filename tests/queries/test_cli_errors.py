"""Every bad path, bad file, bad URL and failed remote call is one error line and exit status 2, never a traceback.

The real `conflictkg` executable of the venv is run in a scratch directory holding a store built from the
fixture, so the default-source rule (build/store, else build/graph.ttl) is exercised too.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from queries.server import free_port
from queries.store import load_file, open_store

FIXTURE = Path(__file__).parent / "data" / "fixture.trig"
CKG = Path(sys.executable).parent / "conflictkg"
DOWN = f"http://127.0.0.1:{free_port()}/query"

#: (arguments, a word the one-line message must contain). Paths are relative to the scratch directory.
BAD_CALLS: list[tuple[list[str], str]] = [
    (["query", "claims", "--graph", "build/nothere.ttl"], "build/nothere.ttl"),
    (["query", "claims", "--graph", "build"], "directory"),
    (["render", "--store", "build/nostore"], "build/nostore"),
    (["stats", "--store", "build/nostore"], "build/nostore"),
    (["remove", "d1", "--store", "build/nostore"], "build/nostore"),
    (["serve", "--store", "build/nostore"], "build/nostore"),
    (["validate", "bad.ttl"], "bad.ttl"),
    (["consistency", "bad.ttl"], "bad.ttl"),
    (["reason", "--graph", "bad.ttl"], "bad.ttl"),
    (["render", "--graph", "bad.ttl"], "bad.ttl"),
    (["stats", "--graph", "bad.ttl"], "bad.ttl"),
    (["export", "--graph", "bad.ttl"], "bad.ttl"),
    (["query", "claims", "--graph", "bad.jsonld"], "bad.jsonld"),
    (["validate", "bad.jsonld"], "bad.jsonld"),
    (["query", "--sparql", "service.rq"], "SERVICE"),
    (["query", "--sparql", "bad.rq"], "bad.rq"),
    (["query", "--sparql", "nothere.rq"], "nothere.rq"),
    (["query", "claims", "--store", DOWN], DOWN),
    (["stats", "--store", DOWN], "127.0.0.1"),
    (["query", "claims", "--store", "http://127.0.0.1:99999/query"], "99999"),
    (["query", "claims", "--store", "http://[::1"], "http://[::1"),
    (["query", "claims", "--store", "ftp://example.org/sparql"], "ftp://"),
    (["query", "nope"], "nope"),
    (["query", "claims", "--format", "xml"], "xml"),
    (["export", "--format", "xyz"], "xyz"),
    (["query", "timeline", "-p", "from=notadate"], "notadate"),
    (["query", "claims", "-p", "nonsense"], "NAME=VALUE"),
    (["query", "actor-profile", "-p", "actor=nobody at all"], "nobody at all"),
    (["query", "attack-dossier", "-p", "attack=zzzz"], "zzzz"),
    (["render", "--view", "ego", "--focus", "nobody at all", "-o", "x.html"], "nobody at all"),
    (["export", "-o", "/proc/nope/x.ttl"], "/proc/nope/x.ttl"),
    (["render", "-o", "/proc/nope/x.html"], "/proc/nope/x.html"),
]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-errors")
    store = open_store(str(root / "build" / "store"))
    load_file(store, FIXTURE)
    store.close()
    (root / "bad.ttl").write_text('@prefix x: <http://x/> .\nx:a x:b "unterminated .\n', encoding="utf-8")
    (root / "bad.jsonld").write_text('{"@id": 1', encoding="utf-8")
    (root / "bad.rq").write_text("SELECT * WHERE { ?s ?p\n", encoding="utf-8")
    (root / "service.rq").write_text(f"SELECT * WHERE {{ SERVICE <{DOWN}> {{ ?s ?p ?o }} }}\n", encoding="utf-8")
    return root


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "CONFLICTKG_SPARQL_TIMEOUT": "2", "COLUMNS": "100", "HOME": str(cwd)}
    return subprocess.run([str(CKG), *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


def test_the_matrix_has_at_least_twenty_calls() -> None:
    assert len(BAD_CALLS) >= 20


@pytest.mark.slow
@pytest.mark.parametrize(("args", "names"), BAD_CALLS, ids=[" ".join(a)[:60] for a, _ in BAD_CALLS])
def test_bad_call_is_one_error_line_and_exit_2(args: list[str], names: str, scratch: Path) -> None:
    res = run(args, scratch)
    output = res.stdout + res.stderr
    assert res.returncode == 2, output
    assert "Traceback" not in output and 'File "' not in output, output
    errors = [line for line in res.stderr.splitlines() if "error" in line.lower()]
    assert errors, output
    assert names in " ".join(res.stderr.split()), output


def test_no_store_and_no_graph_file_says_how_to_build(tmp_path: Path) -> None:
    res = run(["query", "claims"], tmp_path)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "neither build/store nor build/graph.ttl" in res.stderr and "conflictkg build" in res.stderr
