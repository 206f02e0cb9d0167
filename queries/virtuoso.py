"""A private Virtuoso on loopback ports with its own database folder, for tests and benchmarks.

Built from the Debian package's virtuoso.ini: own database paths, 127.0.0.1 ports, `DirsAllowed` holding the
folder the bulk loader may read shards from, no plugins, and a `ResultSetMaxRows` that does not silently
truncate results. Credentials are Virtuoso's defaults (dba/dba): it listens on loopback only.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from queries.server import free_port
from queries.store import StoreError

VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


@dataclass
class VirtuosoProcess:
    process: subprocess.Popen[bytes]
    url: str  # SPARQL endpoint
    isql: str  # host:port of the SQL port (bulk loader)
    shared: Path  # in DirsAllowed: put shards here

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def available() -> bool:
    return bool(shutil.which("virtuoso-t") and shutil.which("isql-vt") and VIRTUOSO_INI.exists())


def start_virtuoso(home: Path, *, timeout: float = 60, buffers: int | None = None) -> VirtuosoProcess:
    """Start virtuoso-t in `home` and wait until its SPARQL endpoint answers."""
    if not available():
        raise StoreError("virtuoso-t/isql-vt are not installed (apt-get install virtuoso-opensource)")
    home.mkdir(parents=True, exist_ok=True)
    home = home.resolve()  # virtuoso-t runs in `home`: relative paths in its ini would resolve twice
    shared = home / "shards"
    shared.mkdir(exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = VIRTUOSO_INI.read_text()
    ini = ini.replace("/var/lib/virtuoso-opensource-7/db", str(home))
    ini = re.sub(r"(?m)^ServerPort\s*=\s*1111", f"ServerPort = 127.0.0.1:{sql_port}", ini)
    ini = re.sub(r"(?m)^ServerPort\s*=\s*8890", f"ServerPort = 127.0.0.1:{http_port}", ini)
    ini = re.sub(r"(?m)^DirsAllowed\s*=.*$", f"DirsAllowed = ., {home}, /usr/share/virtuoso-opensource-7/vad", ini)
    ini = re.sub(r"(?m)^ResultSetMaxRows\s*=.*$", "ResultSetMaxRows = 10000000", ini)
    ini = re.sub(r"(?m)^Load\d+\s*=.*$", "", ini)
    if buffers:  # ~8 KB pages; the packaged default (10000) suits a laptop, not a million-triple load
        ini = re.sub(r"(?m)^NumberOfBuffers\s*=.*$", f"NumberOfBuffers = {buffers}", ini)
        ini = re.sub(r"(?m)^MaxDirtyBuffers\s*=.*$", f"MaxDirtyBuffers = {buffers * 3 // 4}", ini)
    (home / "virtuoso.ini").write_text(ini)
    proc = subprocess.Popen([shutil.which("virtuoso-t") or "virtuoso-t", "+foreground", "+configfile",
                             str(home / "virtuoso.ini")], cwd=home, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    server = VirtuosoProcess(proc, f"http://127.0.0.1:{http_port}/sparql", f"127.0.0.1:{sql_port}", shared)
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(server.url + "?query=ASK%7B%7D", timeout=2):
                return server
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                server.stop()
                log = home / "virtuoso.log"
                tail = log.read_text(errors="replace")[-1500:] if log.exists() else "(no log)"
                raise StoreError(f"virtuoso-t did not answer on {server.url} within {timeout:.0f} s:\n{tail}") from None
            time.sleep(0.3)
