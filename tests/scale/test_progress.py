"""The progress bar a person sees: a terminal build of corpus/ replicated ×100, run under a real pty."""
from __future__ import annotations

import os
import pty
import re
import select
import subprocess
from pathlib import Path

from tests.graph_builder.test_cli_build import _conflictkg
from tests.scale.conftest import CORPUS, replicate


def _run_on_a_terminal(args: list[str], timeout: float = 300) -> tuple[int, str]:
    """Run with stderr (and stdout) on a pseudo-terminal, as in an interactive shell; returns (code, screen)."""
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "160"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(args, stdout=follower, stderr=follower, stdin=subprocess.DEVNULL, env=env)
    os.close(follower)
    chunks: list[bytes] = []
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], timeout)
            if not ready:
                proc.kill()
                break
            try:
                data = os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(leader)
    return proc.wait(30), b"".join(chunks).decode(errors="replace")


def test_terminal_build_shows_a_live_bar_with_rate_and_eta(tmp_path: Path) -> None:
    inputs = replicate(CORPUS, 100, tmp_path / "x100.jsonl")
    code, screen = _run_on_a_terminal([*_conflictkg(), "build", str(inputs), "--workers", "2",
                                       "-o", str(tmp_path / "g.nq")])
    assert code == 0, screen
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen)
    assert "500/500 docs" in plain
    assert re.search(r"\d+(\.\d)? docs/s", plain)
    assert "ETA" in plain and "━" in plain  # rich's bar glyph
    redraws = [m for m in re.findall(r"(\d+)/500 docs", plain) if m != "500"]
    assert redraws, "the bar was only drawn once, at the end"
    assert "built 500 document(s)" in plain


def test_without_a_terminal_progress_is_plain_lines(tmp_path: Path) -> None:
    proc = subprocess.run([*_conflictkg(), "build", str(CORPUS), "--workers", "1", "-o", str(tmp_path / "g.nq")],
                          capture_output=True, text=True, check=True)
    assert "5/5 documents" in proc.stderr and "docs/s" in proc.stderr
    assert "\x1b[" not in proc.stderr and "━" not in proc.stderr
