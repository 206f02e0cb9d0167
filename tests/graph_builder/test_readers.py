from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from graph_builder.readers import InputError, RawDocument, read_inputs


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_txt_folder_with_metadata(tmp_path: Path) -> None:
    _write(tmp_path / "a1.txt", "قصف السفارة".encode())
    (tmp_path / "metadata.json").write_text(json.dumps({"a1": {"source": "X", "published": "2020-01-05"}}))
    (doc,) = list(read_inputs([tmp_path]))
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.source, doc.published) == ("a1", "X", date(2020, 1, 5))


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "r1", "text": "نص", "published": "2023-11-21", "extra": 1}), "{not json",
             json.dumps({"id": "r3"}), json.dumps(["list"]), ""]
    path = _write(tmp_path / "docs.jsonl", "\n".join(lines).encode())
    items = list(read_inputs([path]))
    assert isinstance(items[0], RawDocument) and items[0].published == date(2023, 11, 21)
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.where for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "invalid JSON" in errors[0].reason and "'text'" in errors[1].reason


def test_binary_invalid_utf8_empty_and_missing(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.txt", "هجوم صاروخي".encode())
    binary = _write(tmp_path / "image.txt", b"\x89PNG\x00\x00\x01")
    latin = _write(tmp_path / "latin1.txt", "caf\xe9".encode("latin-1"))
    empty = _write(tmp_path / "empty.txt", b"  \n")
    items = list(read_inputs([binary, latin, empty, good, tmp_path / "missing.txt"]))
    reasons = {Path(i.where).name: i.reason for i in items if isinstance(i, InputError)}
    assert "binary" in reasons["image.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "no such file" in reasons["missing.txt"]
    assert [i.id for i in items if isinstance(i, RawDocument)] == ["good"]
