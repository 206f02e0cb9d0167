"""Query results for people: terminal tables, the SPARQL 1.1 CSV/TSV/JSON formats, and pandas DataFrames.

Tables show names, never raw IRIs: entities by their label column, attacks and statements by a described name
(`queries.attacks`), ontology terms (types, statuses) by their English label; an unknown date is "—". At 80-100
columns a wide table squeezes the evidence sentence to two words a line, so below `FOLD_WIDTH` each row is
printed on one line and its evidence on its own line under it.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node
from rich.console import Console
from rich.table import Table
from rich.text import Text

from queries.attacks import UNDATED, vocabulary_labels
from queries.store import PREFIXES, QueryResult

RESULT_FORMATS = ("table", "csv", "tsv", "json")
#: Below this console width the evidence goes on its own line under each row.
FOLD_WIDTH = 110
LONG_TEXT = ("evidence", "sentence")
DATE_COLUMNS = ("date", "issued")


def short(term: Node | None) -> str:
    """Human form of a term: an ontology term's English label, else a CURIE for known namespaces, else the
    lexical form; empty when unbound."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        label = vocabulary_labels().get(term)
        if label and label[0]:
            return label[0]
        for prefix, ns in PREFIXES.items():
            if term.startswith(ns):
                return f"{prefix}:{term[len(ns):]}"
        return str(term)
    if isinstance(term, Literal) and isinstance(term.toPython(), float):
        return f"{term.toPython():.2f}"
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
    """SPARQL 1.1 CSV/TSV/JSON results text for `result` (`fmt` in any case; tables go to `print_table`)."""
    fmt = fmt.lower()
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
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(RESULT_FORMATS)}")


def select_columns(result: QueryResult, columns: list[str]) -> QueryResult:
    """Keep `columns` of `result`, in that order; an unknown name is an error listing the known ones."""
    unknown = [c for c in columns if c not in result.vars]
    if unknown:
        raise ValueError(f"no column {', '.join(unknown)}; this query has {', '.join(result.vars)}")
    index = [result.vars.index(c) for c in columns]
    return replace(result, vars=columns, rows=[tuple(row[i] for i in index) for row in result.rows])


def shown_columns(result: QueryResult, *, all_columns: bool = False) -> list[int]:
    """Indexes of the columns a person reads: an IRI column with a `…Label` column is left out, and so is a
    `…LabelEn` column, folded into its `…Label` as "Arabic (English)"."""
    if all_columns:
        return list(range(len(result.vars)))
    return [i for i, var in enumerate(result.vars)
            if var + "Label" not in result.vars and not (var.endswith("LabelEn") and var[:-2] in result.vars)]


def cell(result: QueryResult, row: tuple[Node | None, ...], i: int, names: dict[Node, str],
         *, merge_en: bool = True) -> str:
    """The text of one cell: a name for IRIs, "—" for an unknown date, "Arabic (English)" for label pairs."""
    var, term = result.vars[i], row[i]
    if term is None:
        return UNDATED if var in DATE_COLUMNS else ""
    text = names.get(term) or short(term)
    en_var = var + "En"
    if merge_en and var.endswith("Label") and en_var in result.vars:
        en = row[result.vars.index(en_var)]
        if en is not None and str(en) != text:
            text = f"{text} ({en})"
    return text


def print_table(result: QueryResult, console: Console, title: str | None = None,
                names: dict[Node, str] | None = None, *, all_columns: bool = False) -> None:
    """A rich table; below FOLD_WIDTH columns, one line per row with the evidence folded under it."""
    if result.boolean is not None:
        console.print(str(result.boolean).lower())
        return
    names = names or {}
    shown = shown_columns(result, all_columns=all_columns)
    merge = not all_columns
    long_cols = [i for i in shown if result.vars[i] in LONG_TEXT]
    if console.width < FOLD_WIDTH and long_cols:
        _print_folded(result, console, title, names, shown, long_cols, merge)
    else:
        table = Table(title=title, show_lines=False)
        for i in shown:
            table.add_column(result.vars[i], overflow="fold")
        for row in result.rows:
            table.add_row(*(Text(cell(result, row, i, names, merge_en=merge)) for i in shown))
        console.print(table)
    console.print(f"{len(result.rows)} row(s)", style="dim")


def _print_folded(result: QueryResult, console: Console, title: str | None, names: dict[Node, str],
                  shown: list[int], long_cols: list[int], merge: bool) -> None:
    short_cols = [i for i in shown if i not in long_cols]
    if title:
        console.print(Text(title, style="bold"))
    console.print(Text("  ·  ".join(result.vars[i] for i in short_cols), style="dim"))
    width = len(str(len(result.rows)))
    for n, row in enumerate(result.rows, 1):
        head = "  ·  ".join(cell(result, row, i, names, merge_en=merge) or "–" for i in short_cols)
        console.print(Text(f"{n:>{width}}  {head}", style="bold"))
        for i in long_cols:
            text = cell(result, row, i, names, merge_en=merge)
            if text:
                console.print(Text(text), style="default")
        console.print()


def to_frame(result: QueryResult, names: dict[Node, str] | None = None, *, all_columns: bool = False):
    """A pandas DataFrame of the rows as people read them (names, "—" for unknown dates, label pairs merged
    unless `all_columns`); numbers stay numbers."""
    import pandas as pd

    names = names or {}
    shown = shown_columns(result, all_columns=all_columns)
    data = []
    for row in result.rows:
        values = []
        for i in shown:
            term = row[i]
            if isinstance(term, Literal) and isinstance(term.toPython(), int | float) \
                    and not isinstance(term.toPython(), bool):
                values.append(term.toPython())
            else:
                values.append(cell(result, row, i, names, merge_en=not all_columns))
        data.append(values)
    return pd.DataFrame(data, columns=[result.vars[i] for i in shown])
