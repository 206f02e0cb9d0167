"""`conflictkg reason`, `validate` and `consistency`: derived relations, SHACL shapes and HermiT on a graph."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rdflib import Graph
from rich.console import Console

from graph_builder.build import FORMATS, write_atomic
from ontology.consistency import check_consistency
from ontology.reason import derive
from ontology.validate import validate

err = Console(stderr=True, soft_wrap=True)  # one error, one line: logs and tests grep them


def _read(path: Path) -> Graph:
    """The graph in `path`; a file that does not parse is a one-line error naming it (exit status 2)."""
    try:
        return _parse(path)
    except Exception as exc:  # rdflib raises many parser types (BadSyntax, SAX, JSON, …)
        detail = " ".join(str(exc).split())[:300]
        err.print(f"error: {path} is not valid RDF ({type(exc).__name__}: {detail}); fix the file or "
                  "rebuild it with `conflictkg build`", style="red", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(2) from None


def _parse(path: Path) -> Graph:
    fmt = FORMATS.get(path.suffix.lower(), "turtle")
    graph = Graph()
    if fmt in {"trig", "nquads"}:
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(path, format=fmt)
        for s, p, o, _ in ds.quads((None, None, None, None)):
            graph.add((s, p, o))
        return graph
    return graph.parse(path, format=fmt)


def _report(text: str) -> None:
    """Print a report verbatim: one result per line, so each line names its node and rule in full.

    Rich would wrap at the terminal width and turn `rdfs:label:` or `ckg:speaker:` into emoji.
    """
    typer.echo(text)


def reason_cmd(
    graph: Annotated[Path | None, typer.Option("--graph", help="RDF file to reason over.", exists=True)] = None,
    store: Annotated[str | None, typer.Option(help="Store (directory or SPARQL endpoint URL) to reason over; "
                                              "the result replaces its res:graph/inferred graph.")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the derived triples here.")] = None,
) -> None:
    """Materialise the derived relations (accuses, accusedOf, claimsResponsibilityFor, deniesInvolvementIn,
    condemns, threatens) and place containment, kept apart from asserted facts.

    Example: [bold]conflictkg reason --store build/store[/bold]  or  [bold]conflictkg reason --graph
    build/graph.ttl -o build/inferred.ttl[/bold]
    """
    if (graph is None) == (store is None):
        err.print("[red]error[/red] give exactly one of --graph FILE or --store PATH|URL")
        raise typer.Exit(2)
    derived = derive(_read(graph)) if graph is not None else reason_in_store(store or "")
    if output is not None:
        derived.bind("ckg", "https://w3id.org/conflictkg/ontology#")
        write_atomic(output, derived.serialize(format=FORMATS.get(output.suffix.lower(), "turtle"), encoding="utf-8"))
    err.print(f"derived {len(derived)} triple(s)" + (f" -> {output}" if output else "")
              + (f" -> {store} (res:graph/inferred)" if store else ""))


def reason_in_store(location: str) -> Graph:
    """Derive from the store's asserted graphs and swap the result in as res:graph/inferred.

    The previous inferred graph is left out of the input: `derive` returns only what its input lacks, so
    reasoning over a union that still held those triples would replace the inferred graph with nothing.
    A store that cannot be opened or written is a one-line error (exit 2).
    """
    from queries.store import StoreError, open_store, rederive_inferred

    try:
        target = open_store(location)
        try:
            derived = rederive_inferred(target)
        finally:
            target.close()
    except StoreError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None
    return derived


def validate_cmd(graph: Annotated[Path, typer.Argument(help="RDF file to check.", exists=True)]) -> None:
    """Check a graph against the SHACL shapes; name every failing node and the rule it breaks.

    Example: [bold]conflictkg validate build/graph.ttl[/bold]  (exit status 1 when it does not conform)
    """
    report = validate(_read(graph))
    _report(str(report))
    if not report.conforms:
        raise typer.Exit(1)


def consistency_cmd(graph: Annotated[Path, typer.Argument(help="RDF file to check.", exists=True)]) -> None:
    """Check a graph plus the ontology for OWL consistency with HermiT (needs Java).

    Example: [bold]conflictkg consistency build/graph.ttl[/bold]  (exit status 1 when inconsistent)
    """
    report = check_consistency(_read(graph))
    _report(str(report))
    if not report.consistent:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("reason")(reason_cmd)
    app.command("validate")(validate_cmd)
    app.command("consistency")(consistency_cmd)
