"""Issue 14, case 6: `conflictkg serve` stopped by SIGTERM or SIGHUP must stop its oxigraph child.

Used to: Python's default action for these signals killed `serve` at once, and the oxigraph server it had
started kept running and listening on the port (Ctrl-C, SIGINT, was the only clean stop).
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from queries.server import free_port
from queries.store import load_file, open_store
from tests.cli import conflictkg

FIXTURE = Path(__file__).parent / "data" / "fixture.trig"


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


def _gone(pid: int) -> bool:
    """Exited (a zombie waiting for init to reap it counts as exited)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
    except (FileNotFoundError, ProcessLookupError):
        return True


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to find the child")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_stop_signal_stops_the_oxigraph_child(tmp_path: Path, sig: signal.Signals) -> None:
    store = open_store(str(tmp_path / "store"))
    load_file(store, FIXTURE)
    store.close()
    port = free_port()
    proc = subprocess.Popen([*conflictkg(), "serve", "--store", str(tmp_path / "store"), "--port", str(port)],
                            stderr=subprocess.PIPE, text=True)
    child = None
    try:
        assert proc.stderr is not None
        assert f"http://127.0.0.1:{port}/query" in proc.stderr.readline()
        (child,) = _children(proc.pid)
        assert _listening(port)
        proc.send_signal(sig)
        assert proc.wait(20) == 0
        deadline = time.monotonic() + 20  # a bound on waiting, not a timed assertion
        while not _gone(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _gone(child), f"oxigraph (pid {child}) still running after {sig.name}"
        assert not _listening(port)
    finally:
        if proc.poll() is None:
            proc.kill()
        if child is not None and not _gone(child):
            os.kill(child, signal.SIGKILL)
