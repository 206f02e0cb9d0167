"""Progress of a parallel or Dask build on stderr, counted in documents: a rich bar with documents/s and ETA
on a terminal, plain lines otherwise (the sequential build counts bytes: graph_builder/progress.py).

Plain lines (for logs and CI, where a redrawn bar would be noise) come at most every `every` seconds.
"""
from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Documents per second, averaged by rich over the last few updates."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("? docs/s" if speed is None else f"{speed:,.1f} docs/s", style="progress.data.speed")


class BuildProgress:
    """`with BuildProgress(console, total) as p: p.advance(n)`; `total` may be 0 when unknown."""

    def __init__(self, console: Console, total: int, *, label: str = "building", every: float = 5.0,
                 enabled: bool = True) -> None:
        self.console, self.total, self.label, self.every = console, total, label, every
        self.enabled = enabled
        self.done = 0
        self._bar: Progress | None = None
        self._task = None
        self._started = self._last = 0.0

    def __enter__(self) -> BuildProgress:
        self._started = self._last = time.monotonic()
        if self.enabled and self.console.is_terminal:
            self._bar = Progress(
                TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"),
                RateColumn(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=self.console, transient=False, speed_estimate_period=30.0,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task(self.label, total=self.total or None)
        return self

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self._bar is not None:
            self._bar.update(self._task, advance=n)
            return
        now = time.monotonic()
        if self.enabled and now - self._last >= self.every:
            self._last = now
            self.console.print(self._line(now), highlight=False)

    def _line(self, now: float) -> str:
        elapsed = max(now - self._started, 1e-9)
        rate = self.done / elapsed
        of = f"/{self.total}" if self.total else ""
        eta = ""
        if self.total and rate > 0 and self.done < self.total:
            eta = f", ETA {int((self.total - self.done) / rate)} s"
        return f"{self.label}: {self.done}{of} documents, {rate:.1f} docs/s, {elapsed:.0f} s{eta}"

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)
        elif self.enabled and exc is None and self.done:
            self.console.print(self._line(time.monotonic()), highlight=False)
