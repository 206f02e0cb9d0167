"""Every construction case, run through the real pipeline; cases marked `xfail` in their file fail today and
name the issue that owns them (they still run, and pass silently once fixed)."""
from __future__ import annotations

import pytest

from graph_builder.pipeline import Pipeline
from tests.constructions.matching import Case, check, load_cases

CASES = load_cases()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_the_suite_is_large_and_broad() -> None:
    assert len(CASES) >= 500
    assert len({c.capability for c in CASES}) >= 20


def test_every_case_names_a_known_shape() -> None:
    for case in CASES:
        assert set(case.expect) <= {"attacks", "statements"}, case.id
        assert case.expect, case.id
        assert case.xfail is None or case.xfail.startswith("issue "), case.id


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c.id, marks=[pytest.mark.xfail(reason=c.xfail, strict=False)] if c.xfail else [])
             for c in CASES])
def test_construction(case: Case, pipeline: Pipeline) -> None:
    outcome = check(case, pipeline)
    assert outcome.passed, outcome.why
