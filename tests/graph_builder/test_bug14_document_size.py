"""Issue 14, case 5: cost must not explode with document size; an oversized document is refused clearly.

The cost itself is a benchmark (`make bench-size`), not a test. Tested here: the per-document size limit (an
oversized file is named with the limit while the rest builds) and progress lines on a non-terminal. The
offset index that replaced the pairwise mention scans is tested in test_mention_index.py.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.namespace import DCTERMS

from graph_builder import readers
from graph_builder.readers import InputError, RawDocument, read_inputs
from tests.cli import run
from tests.conftest import CORPUS

SEED = next(iter(sorted(CORPUS.glob("*.txt"))))


def test_default_limit_refuses_a_huge_file_without_reading_it(tmp_path: Path) -> None:
    limit = readers.DEFAULT_MAX_BYTES
    assert 5 * 2**20 < limit <= 64 * 2**20  # a 5 MB article builds; a 50 MB file does not
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:  # sparse: the reader must refuse it from its size alone
        f.truncate(limit + 1)
    (item,) = read_inputs([huge])
    assert isinstance(item, InputError) and "over the per-document limit" in item.reason


def test_oversized_document_is_named_and_the_rest_builds_with_progress_lines(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(SEED.read_text(encoding="utf-8") * 3, encoding="utf-8")
    out = tmp_path / "g.nt"
    proc = run("build", big, SEED, "-o", out, "--max-doc-mb", "0.01",
               env={"CONFLICTKG_PROGRESS_SECONDS": "0"})
    assert proc.returncode == 1
    size = big.stat().st_size / 2**20
    assert f"{big}: document is {size:.3g} MB, over the per-document limit of 0.01 MB" in proc.stderr
    assert "progress: 1 document(s)" in proc.stderr and f"(last: {SEED.stem})" in proc.stderr
    assert {str(o) for o in Graph().parse(out).objects(None, DCTERMS.identifier)} == {SEED.stem}


def test_jsonl_record_over_the_limit_is_refused_alone(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    path.write_text('{"id": "small", "text": "نص"}\n{"id": "big", "text": "' + "ن" * 600 + '"}\n', encoding="utf-8")
    items = list(read_inputs([path], max_bytes=1000))
    assert [i.id for i in items if isinstance(i, RawDocument)] == ["small"]
    assert [i.where for i in items if isinstance(i, InputError)] == [f"{path}:2"]
