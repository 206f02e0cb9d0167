"""`conflictkg query | export | serve | remove`: the graph from the command line.

Results print as a rich table (attacks, statements and ontology terms by name, `queries.results`) or as the
standard SPARQL 1.1 CSV, TSV and JSON result formats, so the output can go straight into a spreadsheet or
another SPARQL tool. Every command reads the same source (`queries.source`) and says which on stderr.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rdflib.term import Node
from rich.console import Console
from rich.table import Table
from rich.text import Text

from queries.attacks import describe_attacks
from queries.catalog import CatalogError, list_queries, run_query
from queries.results import RESULT_FORMATS, format_result, print_table, select_columns
from queries.source import open_source, resolve
from queries.store import (
    DEFAULT_LOCATION,
    EXPORT_FORMATS,
    QueryResult,
    Store,
    StoreError,
    remove_document,
)
from queries.stores.terms import BindingError

StoreOpt = Annotated[str | None, typer.Option(
    "--store", help="Store directory or http(s) SPARQL endpoint URL [default: build/store if it exists].")]
GraphOpt = Annotated[Path | None, typer.Option(
    "--graph", help="Read an RDF file (Turtle, TriG, …) in memory instead of the store "
                    "[default: build/graph.ttl when there is no build/store].")]
#: The query whose rows head the dossier: the attack's own kind, date, target, casualties, sources.
DOSSIER_HEAD = "attack-facts"


def open_for(store: str | None, graph: Path | None, err: Console, *, read_only: bool = True) -> Store:
    """Resolve the source every command shares (`queries.source`), say on stderr which one, and open it."""
    source = resolve(store, graph)
    err.print(source.describe(), style="dim", highlight=False, markup=False, soft_wrap=True)
    return open_source(source, read_only=read_only)


def _parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"--param needs NAME=VALUE, got {pair!r}")
        params[key.strip()] = value
    return params


def _fail(console: Console, exc: Exception) -> typer.Exit:
    """Print `exc` as the one-line error every command uses and return the exit (status 2) to raise."""
    console.print(f"error: {' '.join(str(exc).split())}", style="bold red", highlight=False, markup=False,
                  soft_wrap=True)
    return typer.Exit(2)


def _read_sparql(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise ValueError(f"cannot read the SPARQL file {path}: {reason}") from None


def _run_sparql(st: Store, text: str, path: Path) -> QueryResult:
    """Run the user's SPARQL file; a syntax error or a failed SERVICE call names the file and what to check."""
    try:
        return st.query(text)
    except (SyntaxError, StoreError) as exc:  # the embedded store reports syntax errors as StoreError
        raise ValueError(f"{path}: {' '.join(str(exc).split())[:200]}; fix the query") from None
    except OSError as exc:
        raise ValueError(f"{path}: a remote call (SERVICE) failed: {exc}; check the endpoint URL in the query "
                         "and that it is reachable") from None


def print_facts(head: QueryResult, console: Console, names: dict[Node, str]) -> None:
    """The attack's own facts (from `attack-facts`) as a two-column table above its statements."""
    from queries.dossier import facts_of

    for attack, facts in facts_of(head, names).items():
        table = Table(title=attack, show_header=False, title_justify="left")
        table.add_column("fact", style="bold")
        table.add_column("value", overflow="fold")
        for fact, value in facts:
            table.add_row(fact, Text(value))
        console.print(table)


def register(app: typer.Typer) -> None:
    """Add the query, export, serve and remove commands to the project's CLI."""
    from queries.clihelp import show_flags_as_flags

    show_flags_as_flags()
    err = Console(stderr=True)

    @app.command("query")
    def query_cmd(
        name: Annotated[str | None, typer.Argument(help="Catalog query name (see --list).")] = None,
        param: Annotated[
            list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE, repeatable.")
        ] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json (any case).")] = "table",
        store: StoreOpt = None,
        graph: GraphOpt = None,
        list_: Annotated[bool, typer.Option("--list", help="List the catalog queries and exit.")] = False,
        sparql: Annotated[Path | None, typer.Option("--sparql", help="Run a SPARQL file instead.")] = None,
        columns: Annotated[
            str | None, typer.Option("--columns", "-c", help="Comma-separated columns to keep, in order.")
        ] = None,
    ) -> None:
        """Run a catalog query (or your own SPARQL) and print the rows.

        Example: conflictkg query actor-profile -p actor="كتائب حزب الله" --format csv

        Example: conflictkg query denials -c deniedLabelEn,attack,speakerLabelEn

        Example: conflictkg query attack-dossier -p attack=23a81a   (a hash, an IRI or the name a table shows)

        In a table, attacks and statements are named by type, target or speaker, date and hash. Reads
        --store, else --graph, else build/store if it exists, else build/graph.ttl, and says which on stderr.
        """
        out = Console()
        if list_:
            table = Table("name", "parameters", "title")
            for q in list_queries():
                params = ", ".join(f"{p.name}{'?' if p.optional else ''}:{p.type}" for p in q.parameters)
                table.add_row(q.name, params, q.title)
            out.print(table)
            return
        fmt = fmt.lower()
        if fmt not in RESULT_FORMATS:
            raise _fail(err, ValueError(f"--format {fmt!r}: choose one of {', '.join(RESULT_FORMATS)}"))
        if (name is None) == (sparql is None):
            raise _fail(err, ValueError("give a query NAME or --sparql FILE (or --list)"))
        params: dict[str, str] = {}
        head = None
        try:
            text = _read_sparql(sparql) if sparql is not None else ""
            params = _parse_params(param or [])
            st = open_for(store, graph, err)
            try:
                result = _run_sparql(st, text, sparql) if sparql is not None else run_query(st, name or "", params)
                if name == "attack-dossier":
                    head = run_query(st, DOSSIER_HEAD, {"attack": params.get("attack", "")})
                truncated = result.truncated
                if columns:
                    result = select_columns(result, [c.strip() for c in columns.split(",") if c.strip()])
                names = describe_attacks(st, result) if fmt == "table" else {}
                if head is not None and fmt == "table":
                    names.update(describe_attacks(st, head))
            finally:
                st.close()
        except (StoreError, CatalogError, BindingError, ValueError) as exc:
            raise _fail(err, exc) from None
        if fmt == "table":
            if head is not None:
                print_facts(head, out, names)
            print_table(result, out, title=name, names=names, all_columns=bool(columns))
        else:
            typer.echo(format_result(result, fmt), nl=False)
        if truncated:  # on stderr, so csv/tsv/json on stdout stay clean
            nxt = int(params.get("offset", "0")) + len(result.rows)
            err.print(f"[yellow]More rows exist: this page holds {len(result.rows)}. "
                      f"Next page: -p offset={nxt}; all rows: -p limit=0.[/yellow]")

    @app.command("export")
    def export_cmd(
        fmt: Annotated[str, typer.Option("--format", "-f", help="ttl, nt, nq, trig, jsonld or xml.")] = "ttl",
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
        ] = None,
        with_ontology: Annotated[bool, typer.Option("--with-ontology", help="Include the ontology.")] = False,
        store: StoreOpt = None,
        graph: GraphOpt = None,
    ) -> None:
        """Export the graph for other tools; nq and trig keep one named graph per document.

        Example: conflictkg export --format trig -o build/graph.trig --with-ontology
        """
        fmt = fmt.lower()
        if fmt not in EXPORT_FORMATS:
            raise _fail(err, ValueError(f"--format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}"))
        from queries.export import export

        try:
            st = open_for(store, graph, err)
            try:
                data = export(st, fmt, output, with_ontology=with_ontology)
            finally:
                st.close()
        except StoreError as exc:
            raise _fail(err, exc) from None
        except OSError as exc:
            raise _fail(err, ValueError(f"cannot write {output}: {exc.strerror or exc}; choose another -o path")) \
                from None
        if output is None:
            typer.echo(data.decode("utf-8"), nl=False)
        else:
            err.print(f"wrote {len(data):,} bytes to {output}")

    @app.command("serve")
    def serve_cmd(
        store: Annotated[Path, typer.Option("--store", help="Store directory to serve.")] = Path(
            DEFAULT_LOCATION
        ),
        port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1 (0 = any free port).")] = 7878,
    ) -> None:
        """Serve the store as a read-only SPARQL endpoint on 127.0.0.1 until Ctrl-C.

        Example: conflictkg serve --store build/store --port 7878, then query http://127.0.0.1:7878/query
        """
        from queries.server import serve

        try:
            serve(store, port or None, announce=lambda msg: err.print(msg, highlight=False))
        except StoreError as exc:
            raise _fail(err, exc) from None

    @app.command("remove")
    def remove_cmd(
        doc_id: Annotated[str, typer.Argument(help="Document id (file stem or JSONL id).")],
        store: StoreOpt = None,
    ) -> None:
        """Remove everything one document contributed: its named graph and what was derived from it.

        Example: conflictkg remove 000_8cdd502db92236f7
        """
        try:
            st = open_for(store if store is not None else DEFAULT_LOCATION, None, err, read_only=False)
            try:
                existed = remove_document(st, doc_id)
            finally:
                st.close()
        except StoreError as exc:
            raise _fail(err, exc) from None
        err.print(f"removed {doc_id}" if existed else f"{doc_id} was not in the store; nothing to remove")


if __name__ == "__main__":
    standalone = typer.Typer(help="ConflictKG queries, export and serving.", no_args_is_help=True)
    register(standalone)
    standalone()
