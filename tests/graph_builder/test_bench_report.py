"""The one helper every benchmark writes its JSON report with."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_builder.bench_report import write_report


def test_report_is_written_as_readable_utf8_and_echoed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "new" / "folder" / "bench.json"
    report = {"query": "contested", "label": "كتائب حزب الله", "p50_s": 0.012}
    write_report(out, report)
    text = out.read_text(encoding="utf-8")
    assert json.loads(text) == report
    assert "كتائب حزب الله" in text  # not \u escapes
    assert capsys.readouterr().out.strip() == text


def test_report_can_be_written_without_echo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_report(tmp_path / "b.json", {"rows": 3}, echo=False)
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8")) == {"rows": 3}
    assert capsys.readouterr().out == ""
