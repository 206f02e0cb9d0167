"""Readers: .txt files, folders of them, and JSONL records, into `RawDocument`s.

A bad input never stops the others: each problem becomes an `InputError` naming the file (and line) and the
reason, which the pipeline reports while it goes on building the rest.
"""
from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graph_builder.document import RawDocument

METADATA_FILE = "metadata.json"
_TEXT_SUFFIXES = {".txt"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
#: A news article is tens of KB; past this a document is refused (with a message) so one file cannot stall a build.
DEFAULT_MAX_BYTES = 8 * 2**20


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


def read_text_file(path: Path, meta: dict | None = None,
                   max_bytes: int | None = DEFAULT_MAX_BYTES) -> RawDocument | InputError:
    """One article per .txt file; the id is the file stem unless metadata says otherwise."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return InputError(str(path), f"cannot read: {exc.strerror or exc}")
    if max_bytes is not None and size > max_bytes:
        return InputError(str(path), _too_big(size, max_bytes))
    text = _read_decoded(path)
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


def _record(record: object, where: str, default_id: str, max_bytes: int | None) -> RawDocument | InputError:
    """One JSON record (from JSONL or a .json array) as a document, or why it is not one."""
    if not isinstance(record, dict):
        return InputError(where, "record is not a JSON object")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        return InputError(where, "record has no non-empty 'text' field")
    if max_bytes is not None and len(body) * 4 > max_bytes and len(body.encode("utf-8")) > max_bytes:
        return InputError(where, _too_big(len(body.encode("utf-8")), max_bytes))
    return RawDocument(
        id=str(record.get("id") or default_id),
        text=body,
        title=record.get("title") if isinstance(record.get("title"), str) else None,
        published=_parse_date(record.get("published")),
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        source=record.get("source") if isinstance(record.get("source"), str) else None,
        path=where,
    )


def _too_big(size: int, max_bytes: int) -> str:
    return (f"document is {size / 2**20:.3g} MB, over the per-document limit of {max_bytes / 2**20:.3g} MB "
            "(raise it with --max-doc-mb)")


def _read_decoded(path: Path) -> str | InputError:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputError(str(path), f"cannot read: {exc.strerror or exc}")
    return _decode(path, data)


def read_jsonl(path: Path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """JSONL records: `text` required; `id`, `title`, `published`, `url`, `source` optional; others ignored."""
    text = _read_decoded(path)
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
        yield _record(record, where, f"{path.stem}-{lineno}", max_bytes)


def read_json(path: Path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """A .json file holds records, never an article's text: an array of records, or one record object."""
    text = _read_decoded(path)
    if isinstance(text, InputError):
        yield text
        return
    try:
        data = json.loads(text)
    except ValueError as exc:
        yield InputError(str(path), f"invalid JSON ({exc.msg}); a .json input must hold records with 'text'")
        return
    if isinstance(data, list):
        for i, record in enumerate(data):
            yield _record(record, f"{path}[{i}]", f"{path.stem}-{i + 1}", max_bytes)
    elif isinstance(data, dict) and "text" in data:
        yield _record(data, str(path), path.stem, max_bytes)
    else:
        kind = "an object without a 'text' field" if isinstance(data, dict) else f"a JSON {type(data).__name__}"
        yield InputError(str(path), f"holds {kind}; expected a record or an array of records with 'text'")


def _walk(folder: Path, ancestors: tuple[tuple[int, int], ...] = ()) -> Iterator[Path | InputError]:
    """Files under `folder`, sorted, following links; unreadable folders, broken links and loops are errors.

    `Path.rglob` skips what it cannot read and never says so; a build must name every input it leaves out.
    """
    try:
        st = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(str(folder), f"cannot read folder: {exc.strerror or exc}")
        return
    here = (*ancestors, (st.st_dev, st.st_ino))
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            target = path.stat()
        except OSError as exc:
            reason = "broken symbolic link" if entry.is_symlink() else f"cannot read: {exc.strerror or exc}"
            if exc.errno == errno.ELOOP:
                reason = "symbolic link loop"
            yield InputError(str(path), reason)
            continue
        if is_dir:
            if (target.st_dev, target.st_ino) in here:
                yield InputError(str(path), f"symbolic link loop (leads back to {os.path.realpath(path)}), skipped")
                continue
            yield from _walk(path, here)
        else:
            yield path


def _read_file(path: Path, meta: dict | None, max_bytes: int | None) -> Iterator[RawDocument | InputError]:
    suffix = path.suffix.lower()
    if suffix in _JSONL_SUFFIXES:
        yield from read_jsonl(path, max_bytes)
    elif suffix == ".json":
        yield from read_json(path, max_bytes)
    else:
        yield read_text_file(path, meta, max_bytes)


def _documents(inputs: Iterable[str | Path], max_bytes: int | None) -> Iterator[RawDocument | InputError]:
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            meta = _load_metadata(path)
            for child in _walk(path):
                if isinstance(child, InputError):
                    yield child
                elif child.suffix.lower() in _TEXT_SUFFIXES:
                    yield read_text_file(child, meta.get(child.stem), max_bytes)
                elif child.suffix.lower() in _JSONL_SUFFIXES or (
                        child.suffix.lower() == ".json" and child.name != METADATA_FILE):
                    yield from _read_file(child, None, max_bytes)
        elif path.is_file():
            yield from _read_file(path, _load_metadata(path.parent).get(path.stem), max_bytes)
        elif path.is_symlink():
            yield InputError(str(path), "broken symbolic link")
        else:
            yield InputError(str(path), "no such file or directory")


def read_inputs(inputs: Iterable[str | Path], *,
                max_bytes: int | None = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """Every document under `inputs` (files or folders, recursively), in a stable order.

    Document ids must be unique: each names a graph, and two documents with one id would silently merge into
    one graph. A repeated id (two `report.txt` in two subfolders, two JSONL records with one `id`) is an
    error naming both sources; the first one builds. Documents over `max_bytes` are refused (None: no limit).
    """
    seen: dict[str, str] = {}  # id -> where it was first read
    read: set[str] = set()
    for item in _documents(inputs, max_bytes):
        if isinstance(item, RawDocument):
            where = item.path or item.id
            first = seen.setdefault(item.id, where)
            if first == where and where in read:
                yield InputError(where, "given twice (on the command line or through a link); read once")
                continue
            read.add(where)
            if first != where:
                yield InputError(item.path or item.id, f"duplicate document id {item.id!r}, already read from "
                                 f"{first}; give one of them another id (JSONL 'id', metadata.json, or rename)")
                continue
        yield item
