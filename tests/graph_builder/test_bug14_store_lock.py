"""Issue 14, case 8: two builds into one store: the second must fail at once, not after its whole extraction.

The embedded store is locked by the process that opens it read-write (RocksDB). `build --store` used to read
and extract every document, write the -o file, and only then find the lock taken.
"""
from __future__ import annotations

from pathlib import Path

from queries.store import open_store
from tests.cli import run
from tests.conftest import CORPUS


def test_second_build_into_a_locked_store_fails_before_reading_anything(tmp_path: Path) -> None:
    holder = open_store(str(tmp_path / "store"))  # holds the lock, as a running build or serve would
    try:
        proc = run("build", tmp_path / "not-there.txt", CORPUS, "-o", tmp_path / "g.ttl",
                   "--store", tmp_path / "store")
    finally:
        holder.close()
    assert proc.returncode == 2
    assert "cannot open store" in proc.stderr and "Traceback" not in proc.stderr
    assert "not-there.txt" not in proc.stderr, "inputs were read before the store was locked"
    assert not (tmp_path / "g.ttl").exists(), "documents were built before the store was locked"
