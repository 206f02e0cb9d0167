"""Issue 14, case 2: document identity is checked, and no input is skipped or misread in silence.

Used to: two `report.txt` in two subfolders, or two JSONL records with one `id`, merged into ONE named graph
with two texts ("built 2 document(s)", exit 0); an unreadable subfolder and a symlink loop were skipped
without a word; a `.json` array was read as the text of one article.

Chosen behaviour: ids stay what they were (file stem, JSONL `id`, metadata.json), so `remove DOC` and the
graph IRIs do not change; a repeated id is an error naming both sources, and the first one builds.
"""
from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from rdflib.namespace import DCTERMS

from graph_builder.build import build
from graph_builder.readers import InputError, RawDocument, read_inputs
from tests.graph_builder.helpers import pipeline

ARTICLE = "أطلقت ثلاثة صواريخ على السفارة الأميركية في بغداد."


def _split(items: list) -> tuple[list[RawDocument], list[InputError]]:
    return ([i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, InputError)])


def test_same_file_name_in_two_subfolders_is_an_error_naming_both(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text(ARTICLE + sub, encoding="utf-8")
    result = build([str(tmp_path)], pipeline=pipeline())
    assert result.documents == ["report"]
    (error,) = result.errors
    assert error.where == str(tmp_path / "b" / "report.txt")
    assert "duplicate document id 'report'" in error.reason and str(tmp_path / "a" / "report.txt") in error.reason
    texts = list(result.union().objects(None, DCTERMS.identifier))
    assert [str(t) for t in texts] == ["report"], "one graph, one document"


def test_repeated_jsonl_id_is_an_error_naming_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps({"id": "n1", "text": ARTICLE + str(i)}) for i in range(2)), encoding="utf-8")
    docs, errors = _split(list(read_inputs([path])))
    assert [d.id for d in docs] == ["n1"]
    assert [(e.where, "duplicate document id 'n1'" in e.reason, f"{path}:1" in e.reason) for e in errors] == [
        (f"{path}:2", True, True)]


def test_json_array_and_object_are_records_never_text(tmp_path: Path) -> None:
    array = tmp_path / "batch.json"
    array.write_text(json.dumps([{"id": "j1", "text": ARTICLE}, {"text": ARTICLE + "!"}, {"title": "no text"}]),
                     encoding="utf-8")
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"id": "j3", "text": ARTICLE + "؟", "source": "X"}), encoding="utf-8")
    other = tmp_path / "config.json"
    other.write_text(json.dumps({"lang": "ar"}), encoding="utf-8")
    docs, errors = _split(list(read_inputs([array, single, other])))
    assert [(d.id, d.text) for d in docs] == [("j1", ARTICLE), ("batch-2", ARTICLE + "!"), ("j3", ARTICLE + "؟")]
    assert [e.where for e in errors] == [f"{array}[2]", str(other)]
    assert "'text'" in errors[0].reason and "expected a record or an array of records" in errors[1].reason
    # in a folder too (metadata.json stays metadata)
    (tmp_path / "metadata.json").write_text(json.dumps({"x": {"source": "Y"}}), encoding="utf-8")
    folder_docs, _ = _split(list(read_inputs([tmp_path])))
    assert sorted(d.id for d in folder_docs) == ["batch-2", "j1", "j3"]


def test_symlink_loop_is_reported(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "again").symlink_to(tmp_path / "news")
    (tmp_path / "news" / "self").symlink_to(tmp_path / "news" / "self")
    (tmp_path / "news" / "gone.txt").symlink_to(tmp_path / "missing.txt")
    docs, errors = _split(list(read_inputs([tmp_path / "news"])))
    assert [d.id for d in docs] == ["a"]
    reasons = {Path(e.where).name: e.reason for e in errors}
    assert reasons.keys() == {"again", "self", "gone.txt"}
    assert "symbolic link loop" in reasons["again"] and "symbolic link loop" in reasons["self"]
    assert "broken symbolic link" in reasons["gone.txt"]


_READ = """
import sys
from graph_builder.readers import InputError, read_inputs
for item in read_inputs([sys.argv[1]]):
    print(("ERROR " + str(item)) if isinstance(item, InputError) else ("DOC " + item.id))
"""


def _without_root_override() -> None:
    """In the child before exec: drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the bounding set, so root
    obeys file permissions after exec like any user (a no-op for a normal user)."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "cannot drop capability")


def test_unreadable_subfolder_is_reported() -> None:
    """Read by a process that cannot enter the folder (root too: it loses its permission override)."""
    with tempfile.TemporaryDirectory() as tmp:
        top = Path(tmp) / "news"
        (top / "locked").mkdir(parents=True)
        (top / "ok.txt").write_text(ARTICLE, encoding="utf-8")
        (top / "locked" / "hidden.txt").write_text(ARTICLE, encoding="utf-8")
        os.chmod(tmp, 0o755)
        os.chmod(top, 0o755)
        os.chmod(top / "ok.txt", 0o644)
        os.chmod(top / "locked", 0o000)
        try:
            proc = subprocess.run([sys.executable, "-c", _READ, str(top)], capture_output=True, text=True,
                                  check=True, preexec_fn=_without_root_override,
                                  cwd=Path(__file__).resolve().parents[2])
        finally:
            os.chmod(top / "locked", 0o755)
    lines = proc.stdout.splitlines()
    assert lines == [f"ERROR {top / 'locked'}: cannot read folder: Permission denied", "DOC ok"]


def test_same_file_given_twice_is_read_once_and_said(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    docs, errors = _split(list(read_inputs([path, tmp_path])))
    assert [d.id for d in docs] == ["a"]
    assert [(e.where, e.reason) for e in errors] == [(str(path), "given twice (on the command line or through a "
                                                                 "link); read once")]
