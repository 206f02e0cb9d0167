"""Fixtures for the queries tests: the hand-written Arabic fixture graph in memory, on disk and on servers."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from queries.server import ServerProcess, start_server
from queries.store import Store, load_file, open_store

FIXTURE = Path(__file__).parent / "data" / "fixture.trig"

#: Parameters that make every catalog query return rows on the fixture.
PARAMS = {
    "attack-dossier": {"attack": "res:event/a1"},
    "attack-facts": {"attack": "res:event/a1"},
    "actor-profile": {"actor": "كتائب حزب الله"},
    "attacks-by-target": {"target": "Ain al-Asad Air Base"},
    "timeline": {"from": "2020-01-05", "to": "2020-01-31"},
    "officials-of": {"state": "الولايات المتحدة"},
    "evidence": {"node": "res:event/s1"},
}


@pytest.fixture
def catalog_params() -> dict[str, dict[str, str]]:
    return PARAMS


@pytest.fixture
def mem_store() -> Iterator[Store]:
    store = open_store(None)
    load_file(store, FIXTURE)
    yield store
    store.close()


@pytest.fixture
def disk_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(str(tmp_path / "store"))
    load_file(store, FIXTURE)
    yield store
    store.close()


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A real read-write Oxigraph server on 127.0.0.1 (free port), union default graph, private directory."""
    server = start_server(tmp_path / "oxigraph", read_only=False)
    yield server
    server.stop()
