"""Progress of a long build on stderr: a rich bar on a terminal, plain lines otherwise (logs, CI, pipes).

A build of a few articles takes a second and shows nothing lasting; a long one must say that it is alive and
how far it got. The bar is measured in bytes of text, the unit that cost grows with. Plain lines come at most
every `CONFLICTKG_PROGRESS_SECONDS` (default 10; 0 prints one line per document).
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn


def input_bytes(inputs: Iterable[str | Path]) -> int:
    """Total size of the inputs (files, and files under folders): the estimate the bar fills up to."""
    total = 0
    for item in inputs:
        path = Path(item)
        try:
            if path.is_dir():
                for root, _dirs, files in os.walk(path):
                    total += sum(os.path.getsize(os.path.join(root, f)) for f in files
                                 if not os.path.islink(os.path.join(root, f)))
            elif path.is_file():
                total += path.stat().st_size
        except OSError:
            continue  # the reader reports what cannot be read
    return total


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB"


class BuildProgress:
    """Context manager; `document(id, size)` before each document, `finish(id)` after it."""

    def __init__(self, console: Console, total_bytes: int) -> None:
        self.console = console
        self.total = max(total_bytes, 1)
        self.done_bytes = 0
        self.documents = 0
        self.started = time.monotonic()
        self.interval = float(os.environ.get("CONFLICTKG_PROGRESS_SECONDS", "10"))
        self._last_line = self.started
        self._bar: Progress | None = None
        self._task = None
        self._size = 0

    def __enter__(self) -> BuildProgress:
        if self.console.is_terminal:
            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
                                 TimeElapsedColumn(), console=self.console, transient=True)
            self._bar.start()
            self._task = self._bar.add_task("building", total=self.total)
        return self

    def document(self, doc_id: str, size: int) -> None:
        self._size = size
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, description=f"building {doc_id[:40]}")

    def finish(self, doc_id: str) -> None:
        self.documents += 1
        self.done_bytes += self._size
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=min(self.done_bytes, self.total))
            return
        now = time.monotonic()
        if now - self._last_line >= self.interval:
            self._last_line = now
            self.console.print(
                f"progress: {self.documents} document(s), {_size(self.done_bytes)} of ~{_size(self.total)}, "
                f"{now - self.started:.0f} s (last: {doc_id})", highlight=False, soft_wrap=True)

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
