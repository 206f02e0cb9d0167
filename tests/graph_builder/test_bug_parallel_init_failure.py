"""Bug: a parallel build hung when its workers could not build their pipeline (bad language data).

`multiprocessing.Pool` starts a new worker whenever its initializer raises, for ever, so `conflictkg build` on
50 or more documents never ended while the same build with `-j 1` failed at once with the data error. The
initializer now keeps the error and the first task raises it, so the parent reports it.
"""
from __future__ import annotations

import pytest

from graph_builder import parallel


def test_a_worker_that_cannot_build_its_pipeline_fails_its_first_task(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise ValueError("lang/ar/syntax.yaml: entry 'x' also defined in statements.yaml")

    monkeypatch.setattr(parallel, "_pipeline", broken)
    monkeypatch.setattr(parallel, "_INIT_ERROR", None)
    parallel._init_worker()  # must not raise: a raising initializer makes the pool respawn for ever
    with pytest.raises(ValueError, match="also defined"):
        parallel.extract_chunk([], want_nquads=True, want_gz=False)
