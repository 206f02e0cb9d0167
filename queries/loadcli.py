"""`conflictkg load`: bulk load N-Quads shards (from `build --shards` or `--dask`) into a store."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

err = Console(stderr=True)


def load_cmd(
    shards: Annotated[list[Path], typer.Argument(help="Shard files (.nq, .nq.gz) or folders of them.")],
    store: Annotated[str, typer.Option(help="Embedded store directory, or a SPARQL endpoint URL.")] = "build/store",
    isql: Annotated[str | None, typer.Option(help="Virtuoso SQL port (host:port): use Virtuoso's bulk loader "
                                             "(default: $CONFLICTKG_VIRTUOSO_ISQL).")] = None,
) -> None:
    """Bulk load N-Quads shards into a store, replacing the document graphs they hold.

    Example: [bold]conflictkg build news.jsonl --shards build/shards && conflictkg load build/shards --store
    build/store[/bold]

    Loading the same shards twice leaves the same store. Virtuoso (with --isql) reads the shard files itself:
    their folder must be in its DirsAllowed.
    """
    from queries.bulkload import load
    from queries.store import StoreError

    started = time.perf_counter()
    try:
        report = load([str(s) for s in shards], store, isql=isql)
    except StoreError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None
    quads = f", {report.quads} quads" if report.quads else ""
    err.print(f"loaded {report.shards} shard(s), {report.graphs} graph(s) ({report.replaced} replaced){quads} "
              f"into {store} by {report.method} in {time.perf_counter() - started:.1f}s", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("load")(load_cmd)
