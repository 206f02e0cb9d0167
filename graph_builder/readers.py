"""Readers: .txt files, folders of them, and JSONL records, into `RawDocument`s.

A bad input never stops the others: each problem becomes an `InputError` naming the file (and line) and the
reason, which the pipeline reports while it goes on building the rest.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graph_builder.document import RawDocument

METADATA_FILE = "metadata.json"
_TEXT_SUFFIXES = {".txt"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class InputError:
    """Why one input could not be read; `where` is a path, optionally with `:line`."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


def _parse_date(value: object) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _decode(path: Path, data: bytes) -> str | InputError:
    if not data.strip():
        return InputError(str(path), "empty file")
    if b"\x00" in data[:65536]:
        return InputError(str(path), "binary file (contains NUL bytes), expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputError(str(path), f"not valid UTF-8 (byte {exc.start}: {exc.reason})")
    if not text.strip():
        return InputError(str(path), "empty file (only whitespace)")
    return text


def _load_metadata(folder: Path) -> dict[str, dict]:
    meta_path = folder / METADATA_FILE
    if not meta_path.is_file():
        return {}
    try:
        data = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_text_file(path: Path, meta: dict | None = None) -> RawDocument | InputError:
    """One article per .txt file; the id is the file stem unless metadata says otherwise."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputError(str(path), f"cannot read: {exc.strerror or exc}")
    text = _decode(path, data)
    if isinstance(text, InputError):
        return text
    meta = meta or {}
    return RawDocument(
        id=str(meta.get("id") or path.stem),
        text=text,
        title=meta.get("title"),
        published=_parse_date(meta.get("published")),
        url=meta.get("url"),
        source=meta.get("source"),
        path=str(path),
    )


def read_jsonl(path: Path) -> Iterator[RawDocument | InputError]:
    """JSONL records: `text` required; `id`, `title`, `published`, `url`, `source` optional; others ignored."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    text = _decode(path, data)
    if isinstance(text, InputError):
        yield text
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield InputError(where, f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "record is not a JSON object")
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, "record has no non-empty 'text' field")
            continue
        yield RawDocument(
            id=str(record.get("id") or f"{path.stem}-{lineno}"),
            text=body,
            title=record.get("title") if isinstance(record.get("title"), str) else None,
            published=_parse_date(record.get("published")),
            url=record.get("url") if isinstance(record.get("url"), str) else None,
            source=record.get("source") if isinstance(record.get("source"), str) else None,
            path=where,
        )


def read_inputs(inputs: Iterable[str | Path]) -> Iterator[RawDocument | InputError]:
    """Every document under `inputs` (files or folders, recursively), in a stable order."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            meta = _load_metadata(path)
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in _TEXT_SUFFIXES:
                    yield read_text_file(child, meta.get(child.stem))
                elif child.suffix.lower() in _JSONL_SUFFIXES:
                    yield from read_jsonl(child)
        elif path.is_file():
            if path.suffix.lower() in _JSONL_SUFFIXES:
                yield from read_jsonl(path)
            else:
                yield read_text_file(path, _load_metadata(path.parent).get(path.stem))
        else:
            yield InputError(str(path), "no such file or directory")
