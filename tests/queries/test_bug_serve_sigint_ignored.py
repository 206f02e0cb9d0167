"""`conflictkg serve` started with SIGINT ignored must still stop cleanly on Ctrl-C and on SIGTERM.

Used to: a shell without job control starts background jobs with SIGINT ignored, and every child inherits that.
`serve` then ignored Ctrl-C, and on SIGTERM it asked its oxigraph child to stop with SIGINT, which the child
ignored too: after ten seconds it was killed and `serve` exited with code 2 (seen in CI runs started with `&`).
"""
from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest

from queries.server import free_port
from queries.store import load_file, open_store
from tests.cli import conflictkg

FIXTURE = Path(__file__).parent / "data" / "fixture.trig"


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_serve_stops_cleanly_when_started_with_sigint_ignored(tmp_path: Path, sig: signal.Signals) -> None:
    store = open_store(str(tmp_path / "store"))
    load_file(store, FIXTURE)
    store.close()
    port = free_port()
    proc = subprocess.Popen([*conflictkg(), "serve", "--store", str(tmp_path / "store"), "--port", str(port)],
                            stderr=subprocess.PIPE, text=True, preexec_fn=_ignore_sigint)
    try:
        assert proc.stderr is not None
        assert f"http://127.0.0.1:{port}/query" in proc.stderr.readline()
        proc.send_signal(sig)
        assert proc.wait(20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
