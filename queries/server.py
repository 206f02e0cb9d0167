"""Run Oxigraph's HTTP server (PyPI `oxigraph`) over a store directory, so other tools can query the graph.

The server only ever binds to 127.0.0.1: Oxigraph has no authentication, and its read-write mode would let any
local page drop the graph. `serve` uses the read-only mode with the union of all graphs as the default graph,
which is what the catalog queries expect.
"""
from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from queries.store import StoreError


def oxigraph_binary() -> str:
    """Path of the `oxigraph` CLI: next to this Python (venv) first, then on PATH."""
    local = Path(sys.executable).parent / "oxigraph"
    found = str(local) if local.exists() else shutil.which("oxigraph")
    if not found:
        raise StoreError("the `oxigraph` server is not installed; `pip install oxigraph`")
    return found


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class ServerProcess:
    """A running Oxigraph server; `url` is the base, SPARQL at `url/query`, updates at `url/update`."""

    process: subprocess.Popen[bytes]
    url: str

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the server to exit (SIGINT, like Ctrl-C), and kill it if it does not within `timeout`."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(
    location: Path, *, port: int | None = None, read_only: bool = True, timeout: float = 20.0
) -> ServerProcess:
    """Start `oxigraph serve[-read-only]` on 127.0.0.1 and wait until it answers a query."""
    if read_only and not location.is_dir():
        raise StoreError(f"no store at {location} to serve")
    location.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    command = "serve-read-only" if read_only else "serve"
    args = [oxigraph_binary(), command, "--location", str(location), "--bind", f"127.0.0.1:{port}",
            "--union-default-graph"]
    # A file, not a pipe: a chatty server must never block on a full pipe. It lives as long as the server.
    log = tempfile.TemporaryFile()  # noqa: SIM115
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=log, preexec_fn=_die_with_parent)
    server = ServerProcess(proc, f"http://127.0.0.1:{port}")
    probe = server.query_url + "?query=ASK%7B%7D"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            err = log.read().decode(errors="replace").strip()
            raise StoreError(f"oxigraph server exited with code {proc.returncode}: {err}")
        try:
            with urllib.request.urlopen(probe, timeout=1):
                return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    server.stop()
    raise StoreError(f"oxigraph server did not answer on {server.url} within {timeout:.0f} s")


class _Stop(Exception):
    """A stop signal (SIGTERM, SIGHUP) turned into an exception, so `finally` stops the child server."""


def _raise_stop(signum: int, _frame: object) -> None:
    raise _Stop(signal.Signals(signum).name)


def _die_with_parent() -> None:
    """In the child, before exec: Linux sends it SIGTERM if `serve` dies, even by SIGKILL (no orphan); and
    SIGINT, which `ServerProcess.stop` sends, is restored to its default (a shell without job control starts
    background jobs with SIGINT ignored, and the child would inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)


def serve(location: Path, port: int | None = None, *, announce=print) -> None:
    """Serve `location` read-only until Ctrl-C, SIGTERM or SIGHUP, then stop the server cleanly.

    A service manager stops with SIGTERM and a closed terminal sends SIGHUP: without handlers Python would
    die at once and leave the oxigraph child listening on the port.
    """
    previous = {sig: signal.signal(sig, _raise_stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    # Ctrl-C stops it even when it was started with SIGINT ignored (a background job of a non-interactive shell)
    previous[signal.SIGINT] = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        try:
            server = start_server(location, port=port, read_only=True)
        except _Stop:
            return  # stopped while starting: the child gets SIGTERM as this process exits (_die_with_parent)
        try:  # announce inside the try: a Ctrl-C right after the URL is printed must still stop cleanly
            announce(f"SPARQL endpoint (read-only) at {server.query_url}  —  press Ctrl-C to stop")
            server.process.wait()
        except (KeyboardInterrupt, _Stop):
            pass
        finally:
            server.stop()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if server.process.returncode not in (0, -signal.SIGINT, 130):
        raise StoreError(f"oxigraph server stopped with code {server.process.returncode}")
