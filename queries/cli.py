"""`conflictkg query | export | serve | remove`: the graph from the command line.

Results print as a rich table (IRIs shortened to res:/ckg: CURIEs) or as the standard SPARQL 1.1 CSV, TSV and
JSON result formats, so the output can go straight into a spreadsheet or another SPARQL tool.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node
from rich.console import Console
from rich.table import Table

from queries.catalog import CatalogError, list_queries, run_query
from queries.render_model import CATEGORIES
from queries.store import (
    DEFAULT_LOCATION,
    EXPORT_FORMATS,
    PREFIXES,
    QueryResult,
    Store,
    StoreError,
    remove_document,
)
from queries.store import load_file as load_into
from queries.store import open_store as open_location
from queries.stores.terms import BindingError

RESULT_FORMATS = ("table", "csv", "tsv", "json")
#: Type, target and date of the IRIs in a result, so a table can name attacks that carry no label.
DESCRIBE = """
PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?node ?type ?where ?whereEn ?date WHERE {
  ?node a ?type .
  OPTIONAL { ?node ckg:target ?t
             OPTIONAL { ?t rdfs:label ?where FILTER(lang(?where) = "ar") }
             OPTIONAL { ?t rdfs:label ?whereEn FILTER(lang(?whereEn) = "en") } }
  OPTIONAL { ?node ckg:date ?date }
}"""
_ATTACK_KINDS = {c.cls: c.en for c in CATEGORIES if c.group == "attack"}
StoreOpt = Annotated[str, typer.Option("--store", help="Store directory or http(s) SPARQL endpoint URL.")]
GraphOpt = Annotated[
    Path | None, typer.Option("--graph", help="Query a Turtle/TriG file in memory instead of the store.")
]


def short(term: Node | None) -> str:
    """Human form of a term: CURIE for known namespaces, lexical form for literals, empty when unbound."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if term.startswith(ns):
                return f"{prefix}:{term[len(ns):]}"
        return str(term)
    return str(term)


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal) and term.language:
        out["xml:lang"] = term.language
    elif isinstance(term, Literal) and term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def format_result(result: QueryResult, fmt: str) -> str:
    """SPARQL 1.1 CSV/TSV/JSON results text for `result` (table is printed by `print_table`)."""
    if fmt == "json":
        if result.boolean is not None:
            return json.dumps({"head": {}, "boolean": result.boolean})
        bindings = [{v: _json_term(t) for v, t in zip(result.vars, row, strict=True) if t is not None}
                    for row in result.rows]
        body = {"head": {"vars": result.vars}, "results": {"bindings": bindings}}
        return json.dumps(body, ensure_ascii=False)
    buf = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(result.vars)
        writer.writerows([["" if t is None else str(t) for t in row] for row in result.rows])
        return buf.getvalue()
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in result.vars)]
        lines += ["\t".join("" if t is None else t.n3() for t in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    raise typer.BadParameter(f"unknown format {fmt!r}; choose one of {', '.join(RESULT_FORMATS)}")


def describe_attacks(store: Store, result: QueryResult) -> dict[Node, str]:
    """'Rocket attack on <target>, <date>' for every attack IRI in `result` (attacks rarely have labels)."""
    iris = sorted({t for row in result.rows for t in row if isinstance(t, URIRef)})
    if not iris:
        return {}
    found: dict[Node, tuple[str, str, str]] = {}
    for node, type_, where, where_en, date in store.query(DESCRIBE, {"node": iris}).rows:
        kind = _ATTACK_KINDS.get(type_) if isinstance(type_, URIRef) else None
        if node is None or kind is None or (node in found and kind == "Attack"):  # keep the specific type
            continue
        found[node] = (kind, str(where_en or where or ""), str(date or ""))
    return {node: kind + (f" on {where}" if where else "") + (f", {date}" if date else "")
            for node, (kind, where, date) in found.items()}


def select_columns(result: QueryResult, columns: list[str]) -> QueryResult:
    """Keep `columns` of `result`, in that order; an unknown name is an error listing the known ones."""
    unknown = [c for c in columns if c not in result.vars]
    if unknown:
        raise typer.BadParameter(f"no column {', '.join(unknown)}; this query has {', '.join(result.vars)}")
    index = [result.vars.index(c) for c in columns]
    return replace(result, vars=columns, rows=[tuple(row[i] for i in index) for row in result.rows])


def print_table(result: QueryResult, console: Console, title: str | None = None,
                names: dict[Node, str] | None = None, *, all_columns: bool = False) -> None:
    """A rich table; an IRI column with a matching `…Label` column is left out unless `all_columns`
    (csv/json keep it), and IRIs found in `names` are shown by that name."""
    if result.boolean is not None:
        console.print(str(result.boolean).lower())
        return
    names = names or {}
    table = Table(title=title, show_lines=False)
    shown = [i for i, var in enumerate(result.vars) if all_columns or var + "Label" not in result.vars]
    for i in shown:
        table.add_column(result.vars[i], overflow="fold")
    for row in result.rows:
        table.add_row(*(names.get(row[i]) or short(row[i]) for i in shown))
    console.print(table)
    console.print(f"{len(result.rows)} row(s)", style="dim")


def _open(store: str, graph: Path | None, *, read_only: bool) -> Store:
    if graph is not None:
        mem = open_location(None)
        load_into(mem, graph)
        return mem
    if store.startswith(("http://", "https://")) or Path(store).is_dir():
        return open_location(store, read_only=read_only)
    raise StoreError(f"no store at {store}; build one first or pass --store / --graph")


def _parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"--param needs NAME=VALUE, got {pair!r}")
        params[key.strip()] = value
    return params


def _fail(console: Console, exc: Exception) -> typer.Exit:
    console.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add the query, export, serve and remove commands to the project's CLI."""
    err = Console(stderr=True)

    @app.command("query")
    def query_cmd(
        name: Annotated[str | None, typer.Argument(help="Catalog query name (see --list).")] = None,
        param: Annotated[
            list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE, repeatable.")
        ] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
        store: StoreOpt = DEFAULT_LOCATION,
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

        In a table, attacks are named by type, target and date.
        """
        out = Console()
        if list_:
            table = Table("name", "parameters", "title")
            for q in list_queries():
                params = ", ".join(f"{p.name}{'?' if p.optional else ''}:{p.type}" for p in q.parameters)
                table.add_row(q.name, params, q.title)
            out.print(table)
            return
        if fmt not in RESULT_FORMATS:
            raise typer.BadParameter(f"--format must be one of {', '.join(RESULT_FORMATS)}")
        if (name is None) == (sparql is None):
            raise typer.BadParameter("give a query NAME or --sparql FILE (or --list)")
        params: dict[str, str] = {}
        try:
            st = _open(store, graph, read_only=True)
            try:
                if sparql is not None:
                    result = st.query(sparql.read_text(encoding="utf-8"))
                else:
                    params = _parse_params(param or [])
                    result = run_query(st, name or "", params)
                truncated = result.truncated
                if columns:
                    result = select_columns(result, [c.strip() for c in columns.split(",") if c.strip()])
                names = describe_attacks(st, result) if fmt == "table" else {}
            finally:
                st.close()
        except (StoreError, CatalogError, BindingError) as exc:
            raise _fail(err, exc) from None
        if fmt == "table":
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
        store: StoreOpt = DEFAULT_LOCATION,
        graph: GraphOpt = None,
    ) -> None:
        """Export the graph for other tools; nq and trig keep one named graph per document.

        Example: conflictkg export --format trig -o build/graph.trig --with-ontology
        """
        if fmt not in EXPORT_FORMATS:
            raise typer.BadParameter(f"--format must be one of {', '.join(EXPORT_FORMATS)}")
        from queries.export import export

        try:
            st = _open(store, graph, read_only=True)
            try:
                data = export(st, fmt, output, with_ontology=with_ontology)
            finally:
                st.close()
        except StoreError as exc:
            raise _fail(err, exc) from None
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
        store: StoreOpt = DEFAULT_LOCATION,
    ) -> None:
        """Remove everything one document contributed: its named graph and what was derived from it.

        Example: conflictkg remove 000_8cdd502db92236f7
        """
        try:
            st = _open(store, None, read_only=False)
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
