"""Shared fixtures: the seed corpus built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from graph_builder.build import BuildResult, build

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def seed_build() -> BuildResult:
    return build([str(CORPUS)])


@pytest.fixture(scope="session")
def seed_graph(seed_build: BuildResult) -> Graph:
    return seed_build.union()
