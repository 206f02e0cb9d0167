"""`conflictkg explain`: every entity, attack and statement of one document with the rule that made it, its
evidence sentence and the words the rule matched, so a wrong fact on new text can be traced to its rule."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from graph_builder.document import Attack, Document, Entity, Statement, Trace
from graph_builder.pipeline import Pipeline
from graph_builder.readers import InputError, read_inputs

out = Console()
err = Console(stderr=True)


def _name(e: Entity | None) -> str:
    if e is None:
        return "—"
    return escape(f"{e.label_ar}" + (f" ({e.label_en})" if e.label_en else ""))


def _sentence(doc: Document, index: int) -> str:
    return escape(" ".join(doc.sentence_evidence(index).text.split()))


def _traces(doc: Document, traces: list[Trace], sentences: list[int]) -> None:
    for index in sentences:
        out.print(f"    [dim]sentence {index}:[/dim] {_sentence(doc, index)}")
        for t in traces:
            if t.sentence == index:
                words = f" [green]«{escape(t.words)}»[/green]" if t.words else ""
                out.print(f"      [cyan]{escape(t.rule)}[/cyan]{words}")


def _attack(doc: Document, n: int, a: Attack) -> None:
    facts = [f"target {_name(a.target)}", f"perpetrator {_name(a.perpetrator)}", f"location {_name(a.location)}"]
    facts += [f"{k} {v}" for k, v in (("count", a.count), ("killed", a.killed), ("injured", a.injured),
                                       ("date", a.date.value if a.date else None)) if v is not None]
    out.print(f"  [bold]A{n}[/bold] {a.kind.value} · {a.status.value} · " + " · ".join(facts))
    _traces(doc, a.traces, a.sentences)


def _statement(doc: Document, n: int, s: Statement, attacks: list[Attack]) -> None:
    about = next((f"A{i}" for i, a in enumerate(attacks, 1) if a is s.about), "—")
    out.print(f"  [bold]S{n}[/bold] {s.kind.value} · speaker {_name(s.speaker)} · accused {_name(s.accused)} · "
              f"about {about}")
    sentences = sorted({t.sentence for t in s.traces} | {s.sentence})
    _traces(doc, s.traces, sentences)


def explain_document(doc: Document) -> None:
    out.print(f"[bold]document {escape(doc.id)}[/bold]: {len(doc.sentences)} sentences, "
              f"{len(doc.attacks)} attacks, {len(doc.statements)} statements")
    out.print("[bold]entities[/bold] (rule: entities/<how the name was found>)")
    seen: set[tuple[str, str]] = set()
    for m in doc.mentions:
        words = doc.norm[m.norm_start:m.norm_end]
        if (m.entity.key, m.via) in seen:
            continue
        seen.add((m.entity.key, m.via))
        flag = " [dim](by adjective)[/dim]" if m.by_adjective else ""
        out.print(f"  {_name(m.entity)} [dim]{m.entity.kind.value}[/dim] [cyan]entities/{m.via}[/cyan] "
                  f"[green]«{escape(words)}»[/green] [dim]sentence {m.sentence}[/dim]{flag}")
    out.print("[bold]attacks[/bold]")
    for n, a in enumerate(doc.attacks, 1):
        _attack(doc, n, a)
    out.print("[bold]statements[/bold]")
    for n, s in enumerate(doc.statements, 1):
        _statement(doc, n, s, doc.attacks)


def explain_cmd(
    target: Annotated[str, typer.Argument(help="A text file, a folder, a JSONL file, or FILE.jsonl#ID for one "
                                          "record of a JSONL file.")],
    doc_id: Annotated[str | None, typer.Option("--id", help="Only the document with this id.")] = None,
) -> None:
    """Show every entity, attack and statement of a document with the rule that made it and the words it matched.

    Example: [bold]conflictkg explain corpus/000_8cdd502db92236f7.txt[/bold] or
    [bold]conflictkg explain data.jsonl#h001[/bold]
    """
    path, _, record = target.partition("#")
    wanted = doc_id or record or None
    if not Path(path).exists():
        err.print(f"[red]error[/red] {escape(path)}: no such file or folder")
        raise typer.Exit(2)
    pipeline, shown = Pipeline(), 0
    for item in read_inputs([path]):
        if isinstance(item, InputError):
            err.print(f"[red]error[/red] {escape(str(item))}")
            continue
        if wanted is not None and item.id != wanted:
            continue
        explain_document(pipeline.process(item))
        shown += 1
    if shown == 0:
        err.print(f"[red]error[/red] {escape(path)}: no document" + (f" with id {escape(wanted)}" if wanted else ""))
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("explain")(explain_cmd)
