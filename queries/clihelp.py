"""`--help` shows flags as flags: typer 0.2x prints a type column for every option, so `--list` and
`--with-ontology` read `<bool>` as if they took a value. Flags get no type; everything else is unchanged."""
from __future__ import annotations

from functools import cache


@cache
def show_flags_as_flags() -> None:
    """Patch typer's option help once per process (idempotent); a typer without the hook is left alone."""
    try:
        from typer.core import TyperOption
    except ImportError:  # pragma: no cover - another typer layout: nothing to fix
        return
    original = getattr(TyperOption, "display_type_rich", None)
    if original is None:  # pragma: no cover
        return

    def display_type_rich(self: TyperOption, ctx: object) -> str | None:
        if getattr(self, "is_flag", False) and not getattr(self, "count", False):
            return None
        return original(self, ctx)

    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]
