"""Issue 14, case 1: a build in which every input fails must leave the previous graph file as it was.

`conflictkg build corpus` then `conflictkg build corpuss` (a typo) used to replace build/graph.ttl with an
empty graph and exit 1.
"""
from __future__ import annotations

from pathlib import Path

from tests.cli import run


def test_failed_build_leaves_the_existing_graph_file(tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    previous = "# the graph of an earlier build\n<urn:a> <urn:b> <urn:c> .\n"
    out.write_text(previous, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run("build", tmp_path / "corpuss", tmp_path / "empty.txt", "-o", out)
    assert proc.returncode == 1
    assert "corpuss: no such file or directory" in proc.stderr
    assert f"no document built (2 input(s) failed); {out} left unchanged" in proc.stderr
    assert out.read_text(encoding="utf-8") == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "graph.ttl"], "a temp file was left"
