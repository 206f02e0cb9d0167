"""Terminal output an analyst can read: evidence on its own line at 80-100 columns, names instead of IRIs,
`--format` in any case, flags shown as flags in --help, "—" for an unknown date."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

FIXTURE = Path(__file__).parent / "data" / "fixture.trig"
runner = CliRunner()


def _app() -> typer.Typer:
    from queries.cli import register
    from queries.viewcli import register as register_views

    app = typer.Typer()
    register(app)
    register_views(app)
    return app


@pytest.mark.parametrize("width", [80, 100])
def test_narrow_tables_fold_the_evidence_under_each_row(width: int) -> None:
    res = runner.invoke(_app(), ["query", "accused-of", "--graph", str(FIXTURE)], env={"COLUMNS": str(width)})
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    evidence = [line for line in lines if "اتهم" in line or "حمّل" in line or "يحمل" in line]
    assert evidence, res.stdout
    assert all(len(line) <= width for line in lines)
    # a sentence keeps most of the width instead of two words a line
    assert max(len(line.split()) for line in evidence) >= 6
    assert "│" not in res.stdout


def test_wide_tables_keep_the_grid() -> None:
    res = runner.invoke(_app(), ["query", "accused-of", "--graph", str(FIXTURE)], env={"COLUMNS": "200"})
    assert res.exit_code == 0 and "│" in res.stdout


def test_timeline_rows_name_events_instead_of_iris() -> None:
    res = runner.invoke(_app(), ["query", "timeline", "--graph", str(FIXTURE)], env={"COLUMNS": "220"})
    assert res.exit_code == 0, res.output
    assert "res:event/" not in res.stdout and "https://" not in res.stdout
    assert "Rocket attack on US Embassy in Baghdad, 2020-01-04 #" in " ".join(res.stdout.split())


@pytest.mark.parametrize("fmt", ["CSV", "Csv", "csv"])
def test_format_in_any_case(fmt: str) -> None:
    res = runner.invoke(_app(), ["query", "claims", "--graph", str(FIXTURE), "--format", fmt])
    assert res.exit_code == 0 and list(csv.DictReader(io.StringIO(res.stdout)))


def test_flags_are_shown_as_flags_in_help() -> None:
    for command in (["query", "--help"], ["export", "--help"], ["stats", "--help"]):
        res = runner.invoke(_app(), command, env={"COLUMNS": "120"})
        assert res.exit_code == 0 and "<bool>" not in res.stdout, command
    res = runner.invoke(_app(), ["query", "--help"], env={"COLUMNS": "120"})
    assert "--list" in res.stdout and "<str>" in res.stdout  # options that take values keep their type


def test_unknown_dates_read_as_a_dash(tmp_path: Path) -> None:
    undated = tmp_path / "undated.ttl"
    undated.write_text("""@prefix ckg: <https://w3id.org/conflictkg/ontology#> .
@prefix e: <https://w3id.org/conflictkg/resource/entity/> .
@prefix ev: <https://w3id.org/conflictkg/resource/event/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
e:x rdfs:label "X"@en . e:y rdfs:label "Y"@en .
ev:s a ckg:Accusation ; ckg:speaker e:x ; ckg:accused e:y ; ckg:about ev:a .
ev:a a ckg:RocketAttack .
""", encoding="utf-8")
    res = runner.invoke(_app(), ["query", "accused-of", "--graph", str(undated)], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "│ —" in res.stdout
