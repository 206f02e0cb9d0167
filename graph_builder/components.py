"""The component registry: each pipeline component says what layers of the Document it reads and adds.

In the style of spaCy's `@Language.component(requires=..., assigns=...)`: a component is a function
`(doc, resources) -> None` registered under a name with its contract, next to its code. The pipeline checks the
order once, at start-up, so a component placed before the layer it reads fails loudly instead of reading an
empty list.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph_builder.document import Document
    from graph_builder.resources import Resources

#: the layers a Document carries, in the order the data flows
LAYERS = ("text", "norm", "sentences", "tokens", "mentions", "attacks", "statements", "metadata")

ComponentFn = Callable[["Document", "Resources"], None]


@dataclass(frozen=True)
class Component:
    name: str
    fn: ComponentFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str


REGISTRY: dict[str, Component] = {}


class PipelineOrderError(ValueError):
    """A component reads a layer no earlier component assigns, or an unknown component is named."""


def component(name: str, *, requires: Iterable[str], assigns: Iterable[str]) -> Callable[[ComponentFn], ComponentFn]:
    """Register the decorated function as component `name` with its contract."""
    needs, adds = tuple(requires), tuple(assigns)
    unknown = [layer for layer in (*needs, *adds) if layer not in LAYERS]
    if unknown:
        raise ValueError(f"component {name!r}: unknown layers {unknown}; known: {', '.join(LAYERS)}")

    def deco(fn: ComponentFn) -> ComponentFn:
        if name in REGISTRY and REGISTRY[name].fn is not fn:
            raise ValueError(f"component {name!r} is already registered")
        summary = (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else ""
        REGISTRY[name] = Component(name, fn, needs, adds, summary)
        return fn

    return deco


def check_order(names: Iterable[str]) -> list[Component]:
    """The components of a pipeline, checked: each exists and reads only layers assigned before it."""
    available = {"text"}
    out = []
    for name in names:
        comp = REGISTRY.get(name)
        if comp is None:
            raise PipelineOrderError(f"unknown pipeline component {name!r}; registered: {', '.join(REGISTRY)}")
        missing = [layer for layer in comp.requires if layer not in available]
        if missing:
            raise PipelineOrderError(f"component {name!r} reads {', '.join(missing)}, which no earlier component "
                                     "assigns")
        available.update(comp.assigns)
        out.append(comp)
    return out
