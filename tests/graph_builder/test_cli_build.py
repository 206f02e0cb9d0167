"""`conflictkg build` on good and bad inputs, through the installed console script."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import DCTERMS

from tests.conftest import CORPUS

SEED = next(iter(sorted(CORPUS.glob("*.txt"))))


def _conflictkg() -> list[str]:
    exe = Path(sys.executable).with_name("conflictkg")
    return [str(exe)] if exe.exists() else [shutil.which("conflictkg") or "conflictkg"]


def test_bad_inputs_are_named_and_the_rest_still_builds(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x00\x01\x02")
    (tmp_path / "latin1.txt").write_bytes("d\xe9j\xe0 vu".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    good = tmp_path / SEED.name
    shutil.copy(SEED, good)
    out = tmp_path / "out" / "graph.ttl"
    proc = subprocess.run(
        [*_conflictkg(), "build", str(tmp_path / "binary.txt"), str(tmp_path / "latin1.txt"),
         str(tmp_path / "empty.txt"), str(good), "-o", str(out)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 1
    err = proc.stderr
    assert "binary.txt" in err and "binary" in err
    assert "latin1.txt" in err and "UTF-8" in err
    assert "empty.txt" in err and "empty" in err
    ids = {str(o) for o in Graph().parse(out).objects(None, DCTERMS.identifier)}
    assert ids == {SEED.stem}
    assert out.stat().st_mode & 0o777 == 0o644, "a graph file is meant to be shared"


def test_failed_build_keeps_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    out.write_text("# previous build\n", encoding="utf-8")
    proc = subprocess.run([*_conflictkg(), "build", str(tmp_path / "missing"), "-o", str(tmp_path / "x.unknown")],
                          capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    assert out.read_text(encoding="utf-8") == "# previous build\n"


def test_help_has_an_example() -> None:
    proc = subprocess.run([*_conflictkg(), "build", "--help"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0
    assert "conflictkg build corpus/" in proc.stdout


def test_locked_store_is_a_clean_error(tmp_path: Path) -> None:
    from queries.store import open_store

    holder = open_store(str(tmp_path / "store"))  # holds the RocksDB lock, as a running build or serve would
    try:
        proc = subprocess.run([*_conflictkg(), "build", str(SEED), "-o", str(tmp_path / "g.ttl"),
                               "--store", str(tmp_path / "store")], capture_output=True, text=True, check=False)
    finally:
        holder.close()
    assert proc.returncode == 2
    assert "cannot open store" in proc.stderr and "Traceback" not in proc.stderr
