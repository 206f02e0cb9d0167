"""The `conflictkg` command: build the graph from Arabic documents, then query, render and export it."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph_builder.build import BuildResult, serialize

app = typer.Typer(
    help="ConflictKG: Arabic news on attacks in Iraq -> an RDF knowledge graph you can query, explore and export.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
err = Console(stderr=True)
out = Console()

DEFAULT_STORE = "build/store"


@app.command("build")
def build_cmd(
    inputs: Annotated[list[Path], typer.Argument(help="Text files, folders of .txt files, or JSONL files.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Graph file (.ttl .nt .nq .trig .jsonld "
                                                ".rdf); default build/graph.ttl, none with --shards/--dask.")]
    = None,
    reason: Annotated[bool, typer.Option("--reason", help="Also materialise the derived relations "
                                         "(accuses, accusedOf, ...) into res:graph/inferred.")] = False,
    store: Annotated[str | None, typer.Option(help="Also load each document's graph into this store "
                                              "(directory for the embedded store, or a SPARQL endpoint URL).")]
    = None,
    workers: Annotated[int | None, typer.Option("--workers", "-j", min=1, help="Extraction processes "
                                                "(default: the number of cores).")] = None,
    dask: Annotated[str | None, typer.Option(help="Extract on a Dask cluster instead: 'local' or a scheduler "
                                             "address (tcp://host:8786); writes shards.")] = None,
    shards: Annotated[Path | None, typer.Option(help="Also write N-Quads shards (part-*.nq.gz) to this folder, "
                                                "for `conflictkg load` (default with --dask: build/shards).")]
    = None,
    shard_size: Annotated[int, typer.Option(min=1, help="Documents per shard.")] = 1000,
) -> None:
    """Read Arabic documents and build the knowledge graph.

    Example: [bold]conflictkg build corpus/ -o build/graph.ttl --store build/store[/bold]

    Every document becomes one named graph; an unreadable input is reported with its file name and reason
    while the others still build (the command then exits with status 1).
    """
    started = time.perf_counter()
    from graph_builder import scale_cli

    if output is None and shards is None and dask is None:
        output = scale_cli.DEFAULT_OUTPUT
    result = scale_cli.extract([str(p) for p in inputs], output, workers=workers, dask=dask, shards=shards,
                               shard_size=shard_size, need_dataset=reason or store is not None, console=err,
                               on_error=lambda e: err.print(f"[red]error[/red] {e}"))
    if reason:
        from ontology.reason import derive
        from queries.store import INFERRED_GRAPH

        inferred = result.dataset.graph(INFERRED_GRAPH)
        for triple in derive(result.union()):
            inferred.add(triple)
        if output is not None and output.suffix.lower() in scale_cli.OX_WRITTEN:
            scale_cli.add_graph_to_output(output, str(INFERRED_GRAPH), inferred)
    if output is not None and output.suffix.lower() not in scale_cli.OX_WRITTEN:
        serialize(result, output)
    if store is not None:
        _load(result, store)
        if reason:  # the store may hold other documents: derive from all of them, not just this batch
            from graph_builder.cli_ontology import reason_in_store

            reason_in_store(store)
    elapsed = time.perf_counter() - started
    err.print(
        f"built {len(result.documents)} document(s): {result.attacks} attacks, {result.statements} statements "
        f"-> {output or shards or scale_cli.DEFAULT_SHARDS}{' and ' + store if store else ''} in {elapsed:.1f}s"
        + (f"; [red]{len(result.errors)} input(s) failed[/red]" if result.errors else "")
    )
    if result.errors:
        raise typer.Exit(1)


def _load(result: BuildResult, location: str) -> None:
    """Swap each document's graph into the store; a store that cannot be opened or written is a clean error."""
    from queries.store import StoreError, open_store

    try:
        target = open_store(location)
        try:
            for graph in result.dataset.graphs():
                if len(graph):
                    target.replace_graph(graph.identifier, graph)
        finally:
            target.close()
    except StoreError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None


def _register_commands() -> None:
    """Mount the query/export/serve and render/stats commands from the queries package."""
    from graph_builder import cli_ontology
    from queries import cli as query_cli
    from queries import loadcli, viewcli

    query_cli.register(app)
    viewcli.register(app)
    loadcli.register(app)
    cli_ontology.register(app)


def main() -> None:
    _register_commands()
    app()
