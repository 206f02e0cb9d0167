"""The `conflictkg` command: build the graph from Arabic documents, then query, render and export it."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph_builder.build import build, serialize
from graph_builder.parallel import SMALL_BUILD, auto_workers, count_inputs
from graph_builder.progress import BuildProgress, input_bytes
from graph_builder.readers import DEFAULT_MAX_BYTES

app = typer.Typer(
    help="ConflictKG: Arabic news on attacks in Iraq -> an RDF knowledge graph you can query, explore and export.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
err = Console(stderr=True, soft_wrap=True)  # one error, one line: logs and tests grep them
out = Console()

DEFAULT_STORE = "build/store"
DEFAULT_OUTPUT = Path("build/graph.ttl")
_STREAMED = (".nq", ".trig")  # formats a parallel build writes itself, in input order, as documents arrive


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
    resume: Annotated[bool, typer.Option("--resume", help="Load only the documents the store does not hold yet "
                                         "(after a failed load).")] = False,
    max_doc_mb: Annotated[float, typer.Option("--max-doc-mb", help="Refuse documents larger than this "
                                              "(MB of UTF-8; 0 = no limit).")] = DEFAULT_MAX_BYTES / 2**20,
    workers: Annotated[int | None, typer.Option("--workers", "-j", min=1, help="Extraction processes "
                                                f"(default: this one process for fewer than {SMALL_BUILD} "
                                                "documents, else one per core; 1: sequential).")] = None,
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
    while the others still build (the command then exits with status 1). When nothing builds, the output file
    is left as it was.
    """
    from graph_builder.store_load import LoadFailed, listing, load, open_target
    from queries.store import StoreError

    if resume and store is None:
        raise typer.BadParameter("--resume needs --store (it skips the documents the store already holds)")
    started = time.perf_counter()
    target = None
    max_bytes = int(max_doc_mb * 2**20) if max_doc_mb > 0 else None
    names = [str(p) for p in inputs]
    if output is None and shards is None and dask is None:
        output = DEFAULT_OUTPUT
    try:
        if store is not None:  # lock and check the store before extraction: a second build fails at once
            target = open_target(store)
        total, n = None, workers
        if workers is None and dask is None:  # auto: every core, unless too few documents to repay the start-up
            total = count_inputs(names)
            n = auto_workers(total)
        parallel = workers is not None or dask is not None or shards is not None or (n or 1) > 1
        if parallel:  # a process pool or a Dask cluster; .nq/.trig output is streamed as documents come
            from graph_builder import scale_cli

            result = scale_cli.extract(names, output, workers=n, total=total, dask=dask,
                                       shards=shards, shard_size=shard_size,
                                       need_dataset=reason or store is not None, console=err,
                                       on_error=lambda e: err.print(f"[red]error[/red] {e}"), max_bytes=max_bytes)
        else:
            with BuildProgress(err, input_bytes(inputs)) as progress:
                result = build(names, on_error=lambda e: err.print(f"[red]error[/red] {e}"),
                               max_bytes=max_bytes, progress=progress)
        if not result.documents:
            err.print(f"[red]error[/red] no document built ({len(result.errors)} input(s) failed); "
                      f"{output} left unchanged", highlight=False)
            raise typer.Exit(1)
        streamed = parallel and output is not None and output.suffix.lower() in _STREAMED
        if reason:
            from ontology.reason import derive
            from queries.store import INFERRED_GRAPH

            inferred = result.dataset.graph(INFERRED_GRAPH)
            for triple in derive(result.union()):
                inferred.add(triple)
            if streamed:
                from graph_builder import scale_cli

                scale_cli.add_graph_to_output(output, str(INFERRED_GRAPH), inferred)
        if output is not None and not streamed:
            serialize(result, output)
        skipped = []
        if target is not None:
            skipped = load(result, target, resume=resume).skipped
            if reason:  # the store may hold other documents: derive from all of them, not just this batch
                from queries.store import rederive_inferred

                rederive_inferred(target)

                rederive_inferred(target)
    except LoadFailed as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False)
        err.print(f"loaded {len(exc.loaded)} document(s): {listing(exc.loaded) or '-'}", highlight=False)
        err.print(f"[red]not loaded[/red] {len(exc.missing)} document(s): {listing(exc.missing)}", highlight=False)
        err.print(f"{output} holds all {len(result.documents)}; re-run with --resume to load only the missing ones",
                  highlight=False)
        raise typer.Exit(2) from None
    except StoreError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None
    finally:
        if target is not None:
            target.close()
    elapsed = time.perf_counter() - started
    err.print(
        f"built {len(result.documents)} document(s): {result.attacks} attacks, {result.statements} statements "
        f"-> {output or shards or 'build/shards'}{' and ' + store if store else ''} in {elapsed:.1f}s"
        + (f" ({len(skipped)} already in the store, not reloaded)" if skipped else "")
        + (f"; [red]{len(result.errors)} input(s) failed[/red]" if result.errors else "")
    )
    if result.errors:
        raise typer.Exit(1)


def _register_commands() -> None:
    """Mount the query/export/serve and render/stats commands from the queries package."""
    from graph_builder import cli_ontology, explain
    from queries import cli as query_cli
    from queries import loadcli, viewcli

    query_cli.register(app)
    viewcli.register(app)
    loadcli.register(app)
    cli_ontology.register(app)
    explain.register(app)


def main() -> None:
    from queries.errors import run_cli  # an escaping exception: one line and exit 2, not a traceback

    _register_commands()
    run_cli(app)
