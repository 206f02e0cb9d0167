"""Run the installed `conflictkg` console script in a real process, as a user would."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def conflictkg() -> list[str]:
    exe = Path(sys.executable).with_name("conflictkg")
    return [str(exe)] if exe.exists() else [shutil.which("conflictkg") or "conflictkg"]


def run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`conflictkg ARGS…` with stdout/stderr captured (not a TTY, so no rich bars and no colour)."""
    return subprocess.run([*conflictkg(), *map(str, args)], capture_output=True, text=True, check=False,
                          cwd=cwd, env={**os.environ, **(env or {})}, timeout=timeout)


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    """The single error line of a failed command; fails the test if there is a traceback or more lines."""
    assert "Traceback" not in proc.stderr, proc.stderr
    # every reading command first says which source it read ("reading store X"): that line is no error
    lines = [line for line in proc.stderr.splitlines() if line.strip() and not line.startswith("reading ")]
    assert len(lines) == 1, proc.stderr
    return lines[0]
