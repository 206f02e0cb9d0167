"""`conflictkg render` and `conflictkg stats`: the explorer and the accusation analytics on the command line.

Kept apart from the builder's CLI so either side can change without touching the other; the main app calls
`register(app)`.
"""
from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rdflib import Graph
from rich.console import Console
from rich.table import Table
from rich.text import Text

from queries import analytics
from queries.render import render_html
from queries.render_views import ViewError
from queries.store import StoreError


class View(StrEnum):
    all = "all"
    ego = "ego"
    dossier = "dossier"
    accusations = "accusations"
    timeline = "timeline"
    contested = "contested"


class Lang(StrEnum):
    ar = "ar"
    en = "en"


GraphOpt = Annotated[Path | None, typer.Option(
    "--graph", help="RDF file (Turtle, TriG, …) to read [default: build/graph.ttl when there is no build/store].")]
StoreOpt = Annotated[str | None, typer.Option(
    "--store", help="Store directory or SPARQL endpoint URL [default: build/store if it exists].")]


def load_graph(graph_file: Path | None, store: str | None) -> Graph:
    """The union of the document graphs from the source every command shares (`queries.source`): --store,
    else --graph, else build/store when it exists, else build/graph.ttl. Says on stderr which one it read."""
    from queries.source import read_graph, resolve

    source = resolve(store, graph_file)
    Console(stderr=True).print(source.describe(), style="dim", highlight=False, markup=False, soft_wrap=True)
    return read_graph(source)


def _render(
    out: Annotated[Path, typer.Option("-o", "--out", help="HTML file to write.")] = Path("build/graph.html"),
    view: Annotated[View, typer.Option(help="What to show.")] = View.all,
    focus: Annotated[str | None, typer.Option(help="Ego view: actor label (ar/en) or IRI.")] = None,
    depth: Annotated[int, typer.Option(min=0, max=6, help="Ego view: hops around the focus.")] = 1,
    attack: Annotated[str | None, typer.Option(help="Dossier view: attack IRI or label.")] = None,
    lang: Annotated[Lang, typer.Option(help="Initial label language.")] = Lang.ar,
    max_nodes: Annotated[int, typer.Option(min=1, help="Above this, draw the most connected nodes.")] = 1500,
    graph_file: GraphOpt = None,
    store: StoreOpt = None,
) -> None:
    """Write the interactive, offline HTML explorer of the knowledge graph.

    Example: conflictkg render --store build/store --view ego --focus "إيران" --depth 2 -o build/iran.html
    """
    console = Console(stderr=True)
    try:
        graph = load_graph(graph_file, store)
        report = render_html(graph, out, view=view.value, focus=focus, depth=depth, attack=attack,
                             lang=lang.value, max_nodes=max_nodes)
    except (ViewError, StoreError) as exc:
        console.print(f"error: {' '.join(str(exc).split())}", style="red", markup=False,
                      soft_wrap=True)
        raise typer.Exit(2) from None
    except OSError as exc:
        console.print(f"error: cannot write {out}: {exc.strerror or exc}; choose another -o path",
                      style="red", markup=False,
                      soft_wrap=True)
        raise typer.Exit(2) from None
    console.print(f"Wrote {report.out} ({report.view}): {report.nodes} nodes, {report.edges} edges, "
                  f"{report.bytes / 1e6:.1f} MB")
    for note in report.notes:
        console.print(note, style="yellow", markup=False)


def _table(title: str, rows: list[analytics.Ranked], score: str) -> Table:
    table = Table(title=title)
    for column in ("#", "actor", "English", score):
        table.add_column(column, justify="right" if column in {"#", score} else "left")
    for i, row in enumerate(rows, 1):
        table.add_row(str(i), Text(row.label), Text(row.label_en), f"{row.score:g}")
    return table


def _stats(
    n: Annotated[int, typer.Option("-n", "--top", min=1, help="Rows per ranking.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    graph_file: GraphOpt = None,
    store: StoreOpt = None,
) -> None:
    """Most-accused actors, centrality and communities of the accusation network.

    Example: conflictkg stats --store build/store -n 5 --json
    """
    try:
        data = analytics.summary(load_graph(graph_file, store), n)
    except StoreError as exc:
        Console(stderr=True).print(f"error: {' '.join(str(exc).split())}", style="red", markup=False,
                      soft_wrap=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    console = Console()
    console.print(f"Accusation network: {data['actors']} actors, {data['accusations']} accuser→accused pairs")
    ranked = [analytics.Ranked(**r) for r in data["most_accused"]]
    console.print(_table("Most accused", ranked, "accusations"))
    for kind, rows in data["centrality"].items():
        console.print(_table(f"Centrality: {kind}", [analytics.Ranked(**r) for r in rows], "score"))
    table = Table(title="Communities (Louvain)")
    table.add_column("#", justify="right")
    table.add_column("members (most accused first)")
    for i, group in enumerate(data["communities"], 1):
        table.add_row(str(i), Text("، ".join(m["label"] for m in group)))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the `render` and `stats` commands to the main `conflictkg` app."""
    from queries.clihelp import show_flags_as_flags

    show_flags_as_flags()
    app.command("render")(_render)
    app.command("stats")(_stats)
